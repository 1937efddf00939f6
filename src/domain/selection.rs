//! What the buyer has chosen, and whether each step of the wizard is complete.

use super::catalog::{AmbitionLevel, Catalog, Category, CriterionKind, LotFeature, RiskTopic};
// The details moved to their own module; named here too for the views and tests that use them
// with the rest of the answers.
pub use super::details::{ContractDetails, DetailField};
use super::notice::Notice;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// A part of the procedure the buyer wants text for, in tender order.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum ProcedureStage {
    /// Exclusion grounds and selection criteria.
    Selection,
    Specifications,
    Award,
    Contract,
    /// The contract-management plan: for the authority, not for bidders.
    Management,
}

impl ProcedureStage {
    pub const ALL: [ProcedureStage; 5] = [
        ProcedureStage::Selection,
        ProcedureStage::Specifications,
        ProcedureStage::Award,
        ProcedureStage::Contract,
        ProcedureStage::Management,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ProcedureStage::Selection => "selection",
            ProcedureStage::Specifications => "specifications",
            ProcedureStage::Award => "award",
            ProcedureStage::Contract => "contract",
            ProcedureStage::Management => "management",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether criteria of this kind belong to this stage.
    pub fn includes(self, kind: CriterionKind) -> bool {
        matches!(
            (self, kind),
            (
                ProcedureStage::Selection,
                CriterionKind::ExclusionGround | CriterionKind::SelectionCriterion
            ) | (
                ProcedureStage::Specifications,
                CriterionKind::TechnicalSpecification
            ) | (ProcedureStage::Award, CriterionKind::AwardCriterion)
                | (ProcedureStage::Contract, CriterionKind::ContractClause)
        )
    }
}

/// Answers given per lot, as `key:value` entries (`ev-batteries:basic`,
/// `monitors:laptops-desktops`), one per key. A sorted set of strings, like the other answers: the
/// widget then carries no map code of its own, and links and JSON read the same.
#[derive(Serialize, Deserialize, Debug, Clone, Default, PartialEq, Eq)]
#[serde(transparent)]
pub struct Pairs(BTreeSet<String>);

impl Pairs {
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().filter_map(|e| e.split_once(':'))
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn values(&self) -> impl Iterator<Item = &str> {
        self.iter().map(|(_, v)| v)
    }

    /// Sets the value of `key`, replacing any other; keys and values hold no `:`.
    pub fn insert(&mut self, key: &str, value: &str) {
        if key.contains(':') || value.contains(':') {
            return;
        }
        self.remove(key);
        self.0.insert(format!("{key}:{value}"));
    }

    pub fn remove(&mut self, key: &str) {
        self.0
            .retain(|e| e.split_once(':').is_none_or(|(k, _)| k != key));
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&str, &str) -> bool) {
        self.0
            .retain(|e| e.split_once(':').is_some_and(|(k, v)| keep(k, v)));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }
}

impl<'a> FromIterator<(&'a str, &'a str)> for Pairs {
    fn from_iter<I: IntoIterator<Item = (&'a str, &'a str)>>(entries: I) -> Self {
        let mut pairs = Pairs::default();
        for (key, value) in entries {
            pairs.insert(key, value);
        }
        pairs
    }
}

/// Everything the buyer has chosen. Serialised into the URL fragment and, as JSON, read by the
/// command line.
#[derive(Serialize, Deserialize, Debug, Clone, Default, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct Selection {
    pub categories: BTreeSet<String>,
    pub risks: BTreeSet<String>,
    pub level: Option<AmbitionLevel>,
    pub stages: BTreeSet<ProcedureStage>,
    pub details: ContractDetails,
    /// Criteria the buyer dropped from the preview, as `category/CRITERION-ID`.
    pub dropped: BTreeSet<String>,
    /// The lots (by category) that include taking back used equipment.
    pub take_back: BTreeSet<String>,
    /// The lots (by category) in which refurbished equipment may be delivered.
    pub refurbished: BTreeSet<String>,
    /// The lots (by category) in which only refurbished equipment is delivered.
    pub refurbished_only: BTreeSet<String>,
    /// The lots (by category) bought as a one-off purchase rather than a framework agreement or
    /// a contract with orders over its term.
    pub one_off: BTreeSet<String>,
    /// Related criteria the buyer added from those offered, as `category/CRITERION-ID`.
    pub added: BTreeSet<String>,
    /// A level for some lots other than `level`, by (the lot's first) category.
    pub lot_levels: Pairs,
    /// Categories bought in the lot of another category (member -> that category), such as
    /// monitors and accessories in the laptops lot; every other category is a lot of its own.
    pub joined: Pairs,
    /// Whether the tender text keeps the working notes (catalogue references, legal basis and
    /// risks); by default they are only in the guidance.
    pub working_notes: bool,
    /// The language the buyer chose for the widget (a code such as `de`); empty when not chosen.
    pub language: String,
    /// A second language every export is also written in, beside the first (a code such as
    /// `fr`), for authorities that publish in two languages; empty for one language.
    pub second_language: String,
    /// The catalogue version the answers were last saved with; empty when unknown (links and
    /// drafts made before versions were recorded, in catalogue 2026.11).
    pub catalog_version: String,
}

impl Selection {
    /// The chosen categories, in catalogue (lot) order.
    pub fn chosen_categories<'a, 'c: 'a>(
        &'a self,
        catalog: &'c Catalog,
    ) -> impl Iterator<Item = &'c Category> + 'a {
        catalog
            .categories
            .iter()
            .filter(|c| self.categories.contains(&c.id))
    }

    /// The chosen risks, in catalogue order.
    pub fn chosen_risks<'a, 'c: 'a>(
        &'a self,
        catalog: &'c Catalog,
    ) -> impl Iterator<Item = &'c RiskTopic> + 'a {
        catalog.risks.iter().filter(|r| self.risks.contains(&r.id))
    }

    /// The lots that answered yes to a scope question.
    pub fn feature(&self, feature: LotFeature) -> &BTreeSet<String> {
        match feature {
            LotFeature::OneOff => &self.one_off,
            LotFeature::TakeBack => &self.take_back,
            LotFeature::Refurbished => &self.refurbished,
            LotFeature::RefurbishedOnly => &self.refurbished_only,
        }
    }

    pub fn feature_mut(&mut self, feature: LotFeature) -> &mut BTreeSet<String> {
        match feature {
            LotFeature::OneOff => &mut self.one_off,
            LotFeature::TakeBack => &mut self.take_back,
            LotFeature::Refurbished => &mut self.refurbished,
            LotFeature::RefurbishedOnly => &mut self.refurbished_only,
        }
    }

    /// Whether nothing has been answered (the catalogue version alone is no answer).
    pub fn is_empty(&self) -> bool {
        *self
            == Selection {
                catalog_version: self.catalog_version.clone(),
                ..Selection::default()
            }
    }

    /// The category whose lot `category` is bought in: itself, unless it joined another chosen
    /// category's lot.
    pub fn lot_host<'a>(&'a self, category: &'a str) -> &'a str {
        match self.joined.get(category) {
            Some(host)
                if host != category
                    && self.categories.contains(host)
                    && !self.joined.contains_key(host) =>
            {
                host
            }
            _ => category,
        }
    }

    /// Drops groupings that no longer hold (a category unticked, a host that joined another lot).
    pub fn normalize_lots(&mut self) {
        let categories = self.categories.clone();
        let joined = self.joined.clone();
        self.joined.retain(|member, host| {
            member != host
                && categories.contains(member)
                && categories.contains(host)
                && !joined.contains_key(host)
        });
        self.lot_levels.retain(|c, level| {
            categories.contains(c)
                && !joined.contains_key(c)
                && AmbitionLevel::from_code(level).is_some()
        });
    }

    /// The ambition level of a category's lot: the lot's own, or the one for all lots.
    pub fn lot_level(&self, category: &str) -> Option<AmbitionLevel> {
        self.lot_levels
            .get(self.lot_host(category))
            .and_then(AmbitionLevel::from_code)
            .or(self.level)
    }

    /// Whether the lot of `category` has `feature`.
    /// Whether a lot (by category) has a scope answer, given or implied by a stricter one.
    pub fn lot_has(&self, category: &str, feature: LotFeature) -> bool {
        LotFeature::ALL
            .into_iter()
            .filter(|f| *f == feature || f.implies() == Some(feature))
            .any(|f| self.feature(f).contains(category))
    }

    /// Answers a scope question for a lot: gives or withdraws `feature`, keeping implied answers
    /// consistent (giving an answer also gives what it implies, so withdrawing it later leaves
    /// the milder answer; withdrawing an answer also withdraws the stricter ones that imply it).
    pub fn set_feature(&mut self, category: &str, feature: LotFeature, on: bool) {
        for f in LotFeature::ALL {
            let related = if on {
                feature.implies() == Some(f)
            } else {
                f.implies() == Some(feature)
            };
            if f == feature || related {
                let set = self.feature_mut(f);
                if on {
                    set.insert(category.to_string());
                } else {
                    set.remove(category);
                }
            }
        }
    }
}

/// The key of a criterion within a lot, used to drop and restore it.
pub fn drop_key(category: &str, criterion: &str) -> String {
    format!("{category}/{criterion}")
}

/// The wizard's steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    Products,
    Risks,
    Ambition,
    Details,
    Review,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Products,
        Step::Risks,
        Step::Ambition,
        Step::Details,
        Step::Review,
    ];

    /// 1-based position, for "Step n of N".
    pub fn number(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    pub fn next(self) -> Option<Step> {
        Self::ALL.get(self.number()).copied()
    }

    pub fn previous(self) -> Option<Step> {
        self.number()
            .checked_sub(2)
            .and_then(|i| Self::ALL.get(i).copied())
    }
}

/// What can be wrong with an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    NoCategory,
    NoRisk,
    NoLevel,
    NoTenderStage,
    Required,
    NotWholeNumber,
    OutOfRange { min: u32, max: u32 },
    TooLong { max: usize },
    NotADate,
}

/// Which answer a problem concerns; the UI links the error summary to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Categories,
    Risks,
    Level,
    Stages,
    Detail(DetailField),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

impl Selection {
    /// The problems that keep the buyer from leaving `step`; empty when the step is complete.
    pub fn problems(&self, step: Step) -> Vec<FieldError> {
        let mut out = Vec::new();
        let mut add = |field, problem| out.push(FieldError { field, problem });
        match step {
            Step::Products if self.categories.is_empty() => {
                add(Field::Categories, Problem::NoCategory)
            }
            Step::Risks if self.risks.is_empty() => add(Field::Risks, Problem::NoRisk),
            Step::Ambition => {
                if self.level.is_none() {
                    add(Field::Level, Problem::NoLevel);
                }
                if !self.stages.iter().any(|s| *s != ProcedureStage::Management) {
                    add(Field::Stages, Problem::NoTenderStage);
                }
            }
            Step::Details => {
                for field in DetailField::ALL {
                    if let Some(problem) = self.detail_problem(field) {
                        add(Field::Detail(field), problem);
                    }
                }
            }
            _ => {}
        }
        out
    }

    /// The problem with one contract detail, if any.
    pub fn detail_problem(&self, field: DetailField) -> Option<Problem> {
        let raw = self.details.get(field).trim();
        if field.number_range().is_none() && raw.chars().count() > field.max_chars() {
            return Some(Problem::TooLong {
                max: field.max_chars(),
            });
        }
        if raw.is_empty() {
            let needed =
                field == DetailField::AwardPoints && self.stages.contains(&ProcedureStage::Award);
            return needed.then_some(Problem::Required);
        }
        if field == DetailField::StartDate {
            return super::dates::parse(raw)
                .is_none()
                .then_some(Problem::NotADate);
        }
        let (min, max) = field.number_range()?;
        match raw.parse::<u64>() {
            Err(_) => Some(Problem::NotWholeNumber),
            Ok(n) if n < u64::from(min) || n > u64::from(max) => {
                Some(Problem::OutOfRange { min, max })
            }
            Ok(_) => None,
        }
    }

    /// The first step that still has problems, or the review when all are answered.
    pub fn first_incomplete_step(&self) -> Step {
        Step::ALL
            .into_iter()
            .find(|s| !self.problems(*s).is_empty())
            .unwrap_or(Step::Review)
    }

    /// Keeps only what the catalogue knows, saying what was removed (e.g. from an old link).
    /// Dropped criteria are checked only against a catalogue that has its criteria (not against
    /// the core the widget starts with before the complete catalogue arrives).
    pub fn retain_known(&mut self, catalog: &Catalog) -> Vec<Notice> {
        let mut notices = Vec::new();
        self.categories.retain(|c| {
            let ok = catalog.category(c).is_some();
            if !ok {
                notices.push(Notice::UnknownCategory(c.clone()));
            }
            ok
        });
        self.risks.retain(|r| {
            let ok = catalog.risk(r).is_some();
            if !ok {
                notices.push(Notice::UnknownRisk(r.clone()));
            }
            ok
        });
        for feature in LotFeature::ALL {
            self.feature_mut(feature).retain(|c| {
                let ok = catalog.category(c).is_some_and(|k| k.asks(feature));
                if !ok {
                    notices.push(Notice::UnknownScope(feature, c.clone()));
                }
                ok
            });
        }
        self.lot_levels
            .retain(|c, _| catalog.category(c).is_some() && self.categories.contains(c));
        self.joined.retain(|member, host| {
            let ok = catalog.category(member).is_some() && catalog.category(host).is_some();
            if !ok {
                notices.push(Notice::UnknownCategory(format!("{member}:{host}")));
            }
            ok
        });
        self.normalize_lots();
        if catalog.criteria.is_empty() {
            return notices;
        }
        for keys in [&mut self.dropped, &mut self.added] {
            keys.retain(|key| {
                let ok = key.split_once('/').is_some_and(|(cat, id)| {
                    catalog.category(cat).is_some() && catalog.criterion(id).is_some()
                });
                if !ok {
                    notices.push(Notice::UnknownCriterion(key.clone()));
                }
                ok
            });
        }
        notices
    }
}
