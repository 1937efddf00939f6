//! What the catalogue covers, worked out from the catalogue itself: for the "What this catalogue
//! covers" view, the `criteria coverage` command and the tests that keep the catalogue sound.
//!
//! The rules:
//! - for every category, each risk that is highly salient anywhere in that category's supply chain
//!   is addressed by at least one criterion at each ambition level ([`gaps`]);
//! - every criterion can be proven in every category it is offered for ([`missing_proof_routes`]);
//! - no two criteria of one lot deliver the same thing, for any category, level, stages and scope
//!   ([`overlaps`]);
//! - no tender text is conditional on the lot's scope: the scope questions decide ([`conditional_texts`]);
//! - no award criterion is ever worth 0 points ([`zero_points`]).

use super::assemble::lot_criteria;
use super::catalog::{AmbitionLevel, Catalog, CriterionKind, LotFeature, SalienceLevel};
use super::points::allocate;
use super::selection::{ProcedureStage, Selection};
use super::template::{self, Placeholder};
use std::collections::BTreeSet;

/// A category, one of its highly salient risks and a level with no criterion for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub category: String,
    pub risk: String,
    pub level: AmbitionLevel,
}

/// The criteria that address `risk` for `category` (at any level). A closing criterion (the breach
/// clause) speaks about the others and addresses nothing on its own, so it does not count.
pub fn addressing<'a>(
    catalog: &'a Catalog,
    category: &'a str,
    risk: &'a str,
) -> impl Iterator<Item = &'a super::catalog::Criterion> + 'a {
    catalog.criteria.iter().filter(move |c| {
        !c.closing && c.applies_to_category(category) && c.addresses.iter().any(|r| r == risk)
    })
}

/// Every (category, high-salience risk, level) without a criterion, in catalogue order.
pub fn gaps(catalog: &Catalog) -> Vec<Gap> {
    // A criterion counts if some lot of the category can get it (whatever its scope answers).
    let mut gaps = Vec::new();
    for category in &catalog.categories {
        for risk in &catalog.risks {
            if catalog.salience(&category.id, &risk.id) != SalienceLevel::High {
                continue;
            }
            for level in AmbitionLevel::ALL {
                if !addressing(catalog, &category.id, &risk.id).any(|c| c.level == level) {
                    gaps.push(Gap {
                        category: category.id.clone(),
                        risk: risk.id.clone(),
                        level,
                    });
                }
            }
        }
    }
    gaps
}

/// Every (category, high-salience risk, level) whose criteria at that level or below all need a
/// scope answer (take-back, refurbished): a lot without that answer gets nothing for the risk, and
/// the document says which answer would bring criteria. Reported, not a failure.
pub fn scope_only(catalog: &Catalog) -> Vec<Gap> {
    let mut found = Vec::new();
    for category in &catalog.categories {
        for risk in &catalog.risks {
            if catalog.salience(&category.id, &risk.id) != SalienceLevel::High {
                continue;
            }
            for level in AmbitionLevel::ALL {
                let at_or_below: Vec<_> = addressing(catalog, &category.id, &risk.id)
                    .filter(|c| c.level <= level)
                    .collect();
                if !at_or_below.is_empty() && at_or_below.iter().all(|c| !c.requires.is_empty()) {
                    found.push(Gap {
                        category: category.id.clone(),
                        risk: risk.id.clone(),
                        level,
                    });
                }
            }
        }
    }
    found
}

/// Every (category, high-salience risk, level) whose criteria a scope answer leaves out (they do
/// not fit such a lot, such as criteria on how new equipment is made in a lot of refurbished
/// equipment only), with that answer. Reported, not a failure: the document says so.
pub fn left_out_by_answer(catalog: &Catalog) -> Vec<(Gap, LotFeature)> {
    let mut found = Vec::new();
    for category in &catalog.categories {
        for risk in &catalog.risks {
            if catalog.salience(&category.id, &risk.id) != SalienceLevel::High {
                continue;
            }
            for level in AmbitionLevel::ALL {
                for feature in LotFeature::ALL.into_iter().filter(|f| category.asks(*f)) {
                    let mut without = Selection {
                        categories: [category.id.clone()].into_iter().collect(),
                        risks: [risk.id.clone()].into_iter().collect(),
                        level: Some(level),
                        stages: ProcedureStage::ALL.into_iter().collect(),
                        ..Selection::default()
                    };
                    if let Some(milder) = feature.implies() {
                        without.set_feature(&category.id, milder, true);
                    }
                    let mut with = without.clone();
                    with.set_feature(&category.id, feature, true);
                    let addressed = |selection: &Selection| {
                        lot_criteria(catalog, selection, &category.id)
                            .kept
                            .iter()
                            .any(|c| !c.closing && c.addresses.contains(&risk.id))
                    };
                    if addressed(&without) && !addressed(&with) {
                        found.push((
                            Gap {
                                category: category.id.clone(),
                                risk: risk.id.clone(),
                                level,
                            },
                            feature,
                        ));
                    }
                }
            }
        }
    }
    found
}

/// How many criteria the catalogue has, per category, risk, level and kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counts {
    pub total: usize,
    /// In catalogue order of categories.
    pub per_category: Vec<(String, usize)>,
    /// In catalogue order of risks.
    pub per_risk: Vec<(String, usize)>,
    pub per_level: Vec<(AmbitionLevel, usize)>,
    pub per_kind: Vec<(CriterionKind, usize)>,
}

pub fn counts(catalog: &Catalog) -> Counts {
    let criteria = &catalog.criteria;
    Counts {
        total: criteria.len(),
        per_category: catalog
            .categories
            .iter()
            .map(|c| {
                let n = criteria
                    .iter()
                    .filter(|k| k.applies_to_category(&c.id))
                    .count();
                (c.id.clone(), n)
            })
            .collect(),
        per_risk: catalog
            .risks
            .iter()
            .map(|r| {
                let n = criteria
                    .iter()
                    .filter(|k| k.addresses.contains(&r.id))
                    .count();
                (r.id.clone(), n)
            })
            .collect(),
        per_level: AmbitionLevel::ALL
            .into_iter()
            .map(|l| (l, criteria.iter().filter(|k| k.level == l).count()))
            .collect(),
        per_kind: CriterionKind::ALL
            .into_iter()
            .map(|kind| (kind, criteria.iter().filter(|k| k.kind == kind).count()))
            .collect(),
    }
}

/// The criteria last reviewed before `cutoff` (a `YYYY-MM-DD` date), as (ID, date).
pub fn reviewed_before<'a>(catalog: &'a Catalog, cutoff: &str) -> Vec<(&'a str, &'a str)> {
    catalog
        .criteria
        .iter()
        .filter(|c| c.last_reviewed.as_str() < cutoff)
        .map(|c| (c.id.as_str(), c.last_reviewed.as_str()))
        .collect()
}

/// The oldest and newest review dates of the criteria.
pub fn review_range(catalog: &Catalog) -> Option<(&str, &str)> {
    let dates = catalog.criteria.iter().map(|c| c.last_reviewed.as_str());
    Some((dates.clone().min()?, dates.max()?))
}

/// A criterion offered for a category in which nothing can prove it: no label it accepts certifies
/// the category, and its own evidence is not named for it.
pub fn missing_proof_routes(catalog: &Catalog) -> Vec<(String, String)> {
    let mut missing = Vec::new();
    for criterion in &catalog.criteria {
        for category in catalog
            .categories
            .iter()
            .filter(|k| criterion.applies_to_category(&k.id))
        {
            let by_label = criterion.verification.labels.iter().any(|l| {
                catalog
                    .label(l)
                    .is_some_and(|l| l.applies_to_category(&category.id))
            });
            if !by_label && !criterion.verification.own_evidence_for(&category.id) {
                missing.push((criterion.id.clone(), category.id.clone()));
            }
        }
    }
    missing
}

/// How many criterion × category pairs the proof-route check looks at.
pub fn proof_route_pairs(catalog: &Catalog) -> usize {
    catalog
        .criteria
        .iter()
        .map(|c| {
            catalog
                .categories
                .iter()
                .filter(|k| c.applies_to_category(&k.id))
                .count()
        })
        .sum()
}

/// Wording that makes tender text depend on what the lot includes. A tender must not publish
/// conditional criteria: the scope questions decide whether a criterion is included at all.
pub const CONDITIONAL_PHRASES: [&str; 8] = [
    "where this lot",
    "where the lot",
    "if this lot",
    "if the lot",
    "when this lot",
    "when the lot",
    "where applicable",
    "if applicable",
];

/// Criteria whose tender text or plan is worded conditionally, as (ID, phrase).
pub fn conditional_texts(catalog: &Catalog) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for c in &catalog.criteria {
        let mut texts = vec![c.text.to_lowercase()];
        if let Some(m) = &c.management {
            texts.extend(
                [&m.kpi, &m.cadence, &m.follow_up, &m.remediation].map(|t| t.to_lowercase()),
            );
        }
        let joined = texts
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for phrase in CONDITIONAL_PHRASES {
            if joined.contains(phrase) {
                found.push((c.id.clone(), phrase.to_string()));
            }
        }
    }
    found
}

/// Two criteria of one lot that deliver the same thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overlap {
    pub category: String,
    pub level: AmbitionLevel,
    pub stages: Vec<ProcedureStage>,
    pub features: Vec<LotFeature>,
    pub first: String,
    pub second: String,
    pub deliverable: String,
}

/// Every scope answer a category asks, the stricter grades (refurbished only) included.
fn answers_asked(category: &super::catalog::Category) -> Vec<LotFeature> {
    LotFeature::ALL
        .into_iter()
        .filter(|f| category.asks(*f))
        .collect()
}

/// Gives the lot the answers of `asked` whose bit is set in `mask`.
fn give_answers(selection: &mut Selection, category: &str, asked: &[LotFeature], mask: u32) {
    for (i, feature) in asked.iter().enumerate() {
        if mask & (1 << i) != 0 {
            selection.feature_mut(*feature).insert(category.to_string());
        }
    }
}

/// Every selection shape a single lot can take: each scope answer the category asks, every level
/// and every non-empty set of tender stages, with every risk chosen (the most criteria).
fn lot_shapes(catalog: &Catalog) -> Vec<(String, Selection)> {
    let stages = [
        ProcedureStage::Selection,
        ProcedureStage::Specifications,
        ProcedureStage::Award,
        ProcedureStage::Contract,
    ];
    let mut shapes = Vec::new();
    for category in &catalog.categories {
        let asked = answers_asked(category);
        for scope in 0..(1u32 << asked.len()) {
            for level in AmbitionLevel::ALL {
                for mask in 1..(1u32 << stages.len()) {
                    let mut selection = Selection {
                        categories: [category.id.clone()].into_iter().collect(),
                        risks: catalog.risks.iter().map(|r| r.id.clone()).collect(),
                        level: Some(level),
                        stages: stages
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| mask & (1 << i) != 0)
                            .map(|(_, s)| *s)
                            .collect(),
                        ..Default::default()
                    };
                    give_answers(&mut selection, &category.id, &asked, scope);
                    shapes.push((category.id.clone(), selection));
                }
            }
        }
    }
    shapes
}

/// Every lot in which two criteria deliver the same thing, each pair once per lot shape.
pub fn overlaps(catalog: &Catalog) -> Vec<Overlap> {
    let mut found = Vec::new();
    for (category, selection) in lot_shapes(catalog) {
        let kept = lot_criteria(catalog, &selection, &category).kept;
        for (i, a) in kept.iter().enumerate() {
            for b in &kept[i + 1..] {
                if let Some(d) = a.delivers.iter().find(|d| b.delivers.contains(d)) {
                    found.push(Overlap {
                        category: category.clone(),
                        level: selection.level.unwrap_or(AmbitionLevel::Basic),
                        stages: selection.stages.iter().copied().collect(),
                        features: LotFeature::ALL
                            .into_iter()
                            .filter(|f| selection.lot_has(&category, *f))
                            .collect(),
                        first: a.id.clone(),
                        second: b.id.clone(),
                        deliverable: d.clone(),
                    });
                }
            }
        }
    }
    found
}

/// How many lot shapes the overlap check assembles.
pub fn lot_shape_count(catalog: &Catalog) -> usize {
    lot_shapes(catalog).len()
}

/// The distinct overlapping pairs, as (first, second, deliverable), for a short report.
pub fn overlapping_pairs(overlaps: &[Overlap]) -> BTreeSet<(String, String, String)> {
    overlaps
        .iter()
        .map(|o| (o.first.clone(), o.second.clone(), o.deliverable.clone()))
        .collect()
}

/// Why an award criterion could end up worth nothing, as (ID, reason).
pub fn zero_points(catalog: &Catalog) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = Vec::new();
    for c in catalog
        .criteria
        .iter()
        .filter(|c| c.kind == CriterionKind::AwardCriterion)
    {
        match &c.award {
            Some(a) if a.weight == 0 => {
                found.push((c.id.clone(), "its suggested weight is 0".into()))
            }
            None => found.push((c.id.clone(), "it has no weight".into())),
            Some(_) => {}
        }
        let says_points = template::parse(&c.text)
            .map(|blocks| template::placeholders(&blocks).contains(&Placeholder::Points))
            .unwrap_or(false);
        if !says_points {
            found.push((
                c.id.clone(),
                "its text does not say its points with {points}".into(),
            ));
        }
    }
    // Every lot shape with award criteria, for every total from 0 to 200: either every award
    // criterion gets at least one point and the points add up, or none are given out.
    for (category, selection) in lot_shapes(catalog) {
        if !selection.stages.contains(&ProcedureStage::Award) {
            continue;
        }
        let weights: Vec<u32> = lot_criteria(catalog, &selection, &category)
            .kept
            .iter()
            .filter_map(|c| c.award.as_ref().map(|a| a.weight))
            .collect();
        // A lot without award criteria gives out no points (the document says so).
        if weights.is_empty() {
            continue;
        }
        for total in 0..=200 {
            if let Some(shares) = allocate(total, &weights) {
                if shares.contains(&0) || shares.iter().sum::<u32>() != total {
                    found.push((
                        category.clone(),
                        format!("{total} points are shared out as {shares:?}"),
                    ));
                }
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

/// A document for one lot that names a label which cannot prove anything for that lot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForeignLabel {
    pub category: String,
    pub label: String,
    pub mention: String,
}

/// Whether `word` occurs in `text` as a whole word (or phrase), case-sensitively.
fn mentions(text: &str, word: &str) -> bool {
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    text.match_indices(word).any(|(at, _)| {
        !is_word(text[..at].chars().next_back()) && !is_word(text[at + word.len()..].chars().next())
    })
}

/// For every category, the documents a lot of it can get (each level, every stage, every risk,
/// each scope answer), with every label named in them that does not apply to the category: a
/// document names only labels that can prove something for its lots.
pub fn foreign_label_mentions(catalog: &Catalog) -> Vec<ForeignLabel> {
    let mut found: Vec<ForeignLabel> = Vec::new();
    for category in &catalog.categories {
        let foreign: Vec<_> = catalog
            .labels
            .iter()
            .filter(|l| !l.applies_to_category(&category.id))
            .collect();
        let asked = answers_asked(category);
        for scope in 0..(1u32 << asked.len()) {
            for level in AmbitionLevel::ALL {
                let mut selection = Selection {
                    categories: [category.id.clone()].into_iter().collect(),
                    risks: catalog.risks.iter().map(|r| r.id.clone()).collect(),
                    level: Some(level),
                    stages: ProcedureStage::ALL.into_iter().collect(),
                    ..Default::default()
                };
                give_answers(&mut selection, &category.id, &asked, scope);
                let doc = super::assemble::assemble(catalog, &selection, Default::default());
                let text = super::render::text::render(&doc, super::render::Part::Whole);
                for label in &foreign {
                    for mention in label.mentions.iter().filter(|m| mentions(&text, m)) {
                        let entry = ForeignLabel {
                            category: category.id.clone(),
                            label: label.id.clone(),
                            mention: mention.clone(),
                        };
                        if !found.contains(&entry) {
                            found.push(entry);
                        }
                    }
                }
            }
        }
    }
    found
}
