//! Notice data: per lot, the values an eForms contract notice takes for the chosen criteria, with
//! the official field names and code labels of the eForms SDK in the document's language
//! (`catalog/eforms-labels.tsv`), and the lot's sustainability block in the Open Contracting Data
//! Standard's sustainability extension. Derived from the assembled document only, so every format
//! and the JSON file say the same.
//!
//! What is mapped, and why (docs/notice-data.md):
//! - BT-06 `soc-obj` for a lot with criteria; `env-imp` too where it has end-of-life criteria
//!   (the `EOL-` ones, those needing take-back, and [`END_OF_LIFE`]), with BT-774 `circ-econ`.
//! - BT-775 `hum-right` for every lot with criteria (each risk is a human-rights risk in the
//!   supply chain); `work-cond` where its criteria address working conditions at the workplace
//!   (wages and hours, freedom of association, health and safety, hazardous chemicals, end of life).
//! - BT-809 `slc-abil-mgmt-supply` for every selection criterion: each is a supply-chain
//!   management and tracking system under Annex XII Part II(d) of Directive 2014/24/EU.
//! - BT-67(a) with the ESPD criterion codes for the exclusion grounds the catalogue maps below.
//! - BT-539 `quality` for every award criterion, BT-541 its points with BT-5421 `poi-exa`.

use super::catalog::{CpvCode, CriterionKind, LotFeature};
use super::document::{Document, Item, Layout};
use super::i18n::Language;

/// The attribution the eForms labels require wherever they are reused.
pub const EFORMS_ATTRIBUTION: &str =
    "eForms SDK, \u{a9} European Union, Publications Office, CC BY 4.0";

const LABELS: &str = include_str!("../../catalog/eforms-labels.tsv");

/// The official label of an eForms business term (`BT|BT-70`) or code (`code|social-objective.hum-right`)
/// in a language; English where the language has no column yet, the key itself if unknown.
pub fn label(key: &str, language: Language) -> &'static str {
    let column = match language {
        Language::En => 1,
        Language::De => 2,
        Language::Fr => 3,
    };
    for line in LABELS.lines() {
        let mut fields = line.split('\t');
        if fields.next() == Some(key) {
            let fields: Vec<&'static str> = line.split('\t').collect();
            return fields
                .get(column)
                .filter(|l| !l.is_empty())
                .or(fields.get(1))
                .copied()
                .unwrap_or("");
        }
    }
    ""
}

/// The field name of a business term, e.g. "BT-70 Conditions relating to the performance of the
/// contract".
pub fn field_name(bt: &str, language: Language) -> String {
    format!("{bt} {}", label(&format!("BT|{bt}"), language))
}

/// A code with its official label, e.g. "hum-right (Human rights due diligence in global supply
/// chains)".
pub fn code_text(list: &str, code: &str, language: Language) -> String {
    format!(
        "{code} ({})",
        label(&format!("code|{list}.{code}"), language)
    )
}

/// Exclusion grounds of the catalogue with their eForms codes (BT-67(a), code list
/// exclusion-ground) and the ESPD criterion codes of the same grounds. tests/notice.rs checks that
/// every exclusion ground of the catalogue is here.
pub const EXCLUSIONS: &[(&str, &[&str], &[&str])] = &[(
    "EX-01",
    &[
        "exg-mis-bre-env-law",
        "exg-mis-bre-lab-law",
        "exg-mis-bre-soc-law",
    ],
    &["envir-law", "labour-law", "socsec-law"],
)];

/// The selection-criterion code of every selection criterion of the catalogue.
pub const SELECTION_CODE: &str = "slc-abil-mgmt-supply";

/// Risks about conditions at the workplace: BT-775 `work-cond` (OCDS
/// `social.laborRightsPromotion`) besides `hum-right`.
pub const WORKPLACE_RISKS: &[&str] = &[
    "wages-hours",
    "freedom-of-association",
    "health-safety",
    "hazardous-chemicals",
    "end-of-life",
];

/// Criteria about what happens to used equipment (take-back, return, second life, recycling)
/// besides the `EOL-` ones and those that need a take-back answer: they also reduce environmental
/// impacts, BT-06 `env-imp` with BT-774 `circ-econ`. tests/notice.rs checks that each exists.
pub const END_OF_LIFE: &[&str] = &[
    "BAT-AC-03",
    "BAT-CPC-06",
    "BAT-CPC-07",
    "BAT-TS-02",
    "LEASE-AC-01",
    "LEASE-CPC-01",
    "LEASE-TS-01",
];

/// An exclusion ground for the procedure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exclusion {
    pub number: String,
    pub title: String,
    /// BT-67(a) codes.
    pub grounds: &'static [&'static str],
    /// ESPD criterion codes.
    pub espd: &'static [&'static str],
}

/// An award criterion of a lot (BT-539 to BT-5421).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Award {
    pub number: String,
    pub title: String,
    /// BT-541 with BT-5421 `poi-exa`, once the buyer gave the lot's points.
    pub points: Option<u32>,
}

/// One lot's notice values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LotData {
    pub number: usize,
    /// BT-137, e.g. `LOT-0001`.
    pub id: String,
    /// BT-21.
    pub title: String,
    /// BT-262 and BT-263.
    pub cpv: Vec<CpvCode>,
    pub cpv_note: String,
    /// BT-06 codes.
    pub strategic: Vec<&'static str>,
    /// BT-775 codes.
    pub social: Vec<&'static str>,
    /// BT-774 codes.
    pub environmental: Vec<&'static str>,
    /// The criteria behind BT-777, as "TS1, AC2, CPC1".
    pub criteria: Vec<String>,
    /// The names of the risks its criteria address.
    pub risks: Vec<String>,
    /// BT-70: the contract performance clauses, "CPC1. Title".
    pub performance: Vec<String>,
    pub award: Vec<Award>,
    /// BT-750 of each selection criterion (BT-809 is [`SELECTION_CODE`]), "SC1. Title".
    pub selection: Vec<String>,
    /// OCDS `sustainability[].goal` codes, each with the same strategies.
    pub goals: Vec<&'static str>,
    /// OCDS `sustainability[].strategies`, in the order of the tender.
    pub strategies: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeData {
    pub language: Language,
    pub exclusions: Vec<Exclusion>,
    pub lots: Vec<LotData>,
}

fn numbered(item: &Item) -> String {
    format!("{}. {}", item.number, item.title)
}

fn push_once<T: PartialEq>(list: &mut Vec<T>, value: T) {
    if !list.contains(&value) {
        list.push(value);
    }
}

/// The notice values of a document.
pub fn notice_data(doc: &Document) -> NoticeData {
    let mut exclusions = Vec::new();
    for section in &doc.sections {
        if section.kind != CriterionKind::ExclusionGround {
            continue;
        }
        for item in section.items() {
            let (grounds, espd) = EXCLUSIONS
                .iter()
                .find(|(id, _, _)| *id == item.id)
                .map_or((&[][..], &[][..]), |(_, g, e)| (*g, *e));
            exclusions.push(Exclusion {
                number: item.number.clone(),
                title: item.title.clone(),
                grounds,
                espd,
            });
        }
    }
    let lots = doc
        .lots
        .iter()
        .map(|lot| {
            let mut data = LotData {
                number: lot.number,
                id: format!("LOT-{:04}", lot.number),
                title: lot.name.clone(),
                cpv: lot.cpv.clone(),
                cpv_note: lot.cpv_note.clone(),
                strategic: Vec::new(),
                social: Vec::new(),
                environmental: Vec::new(),
                criteria: Vec::new(),
                risks: Vec::new(),
                performance: Vec::new(),
                award: Vec::new(),
                selection: Vec::new(),
                goals: Vec::new(),
                strategies: Vec::new(),
            };
            let mut workplace = false;
            let mut circular = false;
            for section in &doc.sections {
                let items: Vec<&Item> = match &section.layout {
                    Layout::Procedure(items) => items.iter().collect(),
                    Layout::PerLot(groups) => groups
                        .iter()
                        .filter(|g| g.lot == lot.number)
                        .flat_map(|g| g.items.iter())
                        .collect(),
                };
                for item in items.into_iter().filter(|i| i.lots.contains(&lot.number)) {
                    // Exclusion grounds are the procedure's, not the lot's.
                    if section.kind == CriterionKind::ExclusionGround {
                        continue;
                    }
                    push_once(&mut data.criteria, item.number.clone());
                    for risk in &item.why.risks {
                        push_once(&mut data.risks, risk.clone());
                        let id = doc
                            .risks
                            .iter()
                            .position(|r| r == risk)
                            .and_then(|at| doc.risk_ids.get(at));
                        if id.is_some_and(|id| WORKPLACE_RISKS.contains(&id.as_str())) {
                            workplace = true;
                        }
                    }
                    if item.id.starts_with("EOL-")
                        || END_OF_LIFE.contains(&item.id.as_str())
                        || item.why.scope.contains(&LotFeature::TakeBack)
                    {
                        circular = true;
                    }
                    match section.kind {
                        CriterionKind::SelectionCriterion => {
                            data.selection.push(numbered(item));
                            push_once(&mut data.strategies, "selectionCriteria");
                        }
                        CriterionKind::TechnicalSpecification => {
                            push_once(&mut data.strategies, "technicalSpecifications");
                        }
                        CriterionKind::AwardCriterion => {
                            data.award.push(Award {
                                number: item.number.clone(),
                                title: item.title.clone(),
                                points: item.max_points,
                            });
                            push_once(&mut data.strategies, "awardCriteria");
                        }
                        CriterionKind::ContractClause => {
                            data.performance.push(numbered(item));
                            push_once(&mut data.strategies, "contractPerformanceConditions");
                        }
                        CriterionKind::ExclusionGround => {}
                    }
                }
            }
            // The risks in the document's order.
            data.risks = doc
                .risks
                .iter()
                .filter(|r| data.risks.contains(r))
                .cloned()
                .collect();
            if !data.criteria.is_empty() {
                data.strategic.push("soc-obj");
                data.social.push("hum-right");
                data.goals.push("social.humanRightsInSupplyChains");
                if workplace {
                    data.social.push("work-cond");
                    data.goals.push("social.laborRightsPromotion");
                }
                if circular {
                    data.strategic.push("env-imp");
                    data.environmental.push("circ-econ");
                    data.goals.push("environmental.circularEconomy");
                }
            }
            data
        })
        .collect();
    NoticeData {
        language: doc.language,
        exclusions,
        lots,
    }
}
