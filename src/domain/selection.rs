//! What the buyer has chosen, and whether each step of the wizard is complete.

use super::catalog::{AmbitionLevel, Catalog, CriterionKind};
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

/// A contract detail the buyer types in; kept as typed so nothing is ever lost.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum DetailField {
    Authority,
    ContractMonths,
    EstimatedValue,
    AwardPoints,
    DisclosureDays,
    RemediationDays,
}

impl DetailField {
    pub const ALL: [DetailField; 6] = [
        DetailField::Authority,
        DetailField::ContractMonths,
        DetailField::EstimatedValue,
        DetailField::AwardPoints,
        DetailField::DisclosureDays,
        DetailField::RemediationDays,
    ];

    /// A stable name, used in element ids.
    pub fn code(self) -> &'static str {
        match self {
            DetailField::Authority => "authority",
            DetailField::ContractMonths => "contract-months",
            DetailField::EstimatedValue => "estimated-value",
            DetailField::AwardPoints => "award-points",
            DetailField::DisclosureDays => "disclosure-days",
            DetailField::RemediationDays => "remediation-days",
        }
    }

    /// The most characters a field keeps; longer input is cut with a notice.
    pub fn max_chars(self) -> usize {
        match self {
            DetailField::Authority => 200,
            DetailField::EstimatedValue => 100,
            _ => 8,
        }
    }

    /// The accepted range for whole-number fields.
    pub fn number_range(self) -> Option<(u32, u32)> {
        match self {
            DetailField::Authority | DetailField::EstimatedValue => None,
            DetailField::ContractMonths => Some((1, 600)),
            DetailField::AwardPoints => Some((1, 1000)),
            DetailField::DisclosureDays | DetailField::RemediationDays => Some((1, 365)),
        }
    }
}

/// The contract details filled into placeholders.
#[derive(Serialize, Deserialize, Debug, Clone, Default, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct ContractDetails {
    pub authority: String,
    pub contract_months: String,
    pub estimated_value: String,
    pub award_points: String,
    pub disclosure_days: String,
    pub remediation_days: String,
}

impl ContractDetails {
    pub fn get(&self, field: DetailField) -> &str {
        match field {
            DetailField::Authority => &self.authority,
            DetailField::ContractMonths => &self.contract_months,
            DetailField::EstimatedValue => &self.estimated_value,
            DetailField::AwardPoints => &self.award_points,
            DetailField::DisclosureDays => &self.disclosure_days,
            DetailField::RemediationDays => &self.remediation_days,
        }
    }

    pub fn get_mut(&mut self, field: DetailField) -> &mut String {
        match field {
            DetailField::Authority => &mut self.authority,
            DetailField::ContractMonths => &mut self.contract_months,
            DetailField::EstimatedValue => &mut self.estimated_value,
            DetailField::AwardPoints => &mut self.award_points,
            DetailField::DisclosureDays => &mut self.disclosure_days,
            DetailField::RemediationDays => &mut self.remediation_days,
        }
    }

    /// The field's whole-number value, if it holds a valid one.
    pub fn number(&self, field: DetailField) -> Option<u32> {
        let (min, max) = field.number_range()?;
        let value: u32 = self.get(field).trim().parse().ok()?;
        (min..=max).contains(&value).then_some(value)
    }

    /// The field's text, trimmed, if not empty.
    pub fn text(&self, field: DetailField) -> Option<&str> {
        let value = self.get(field).trim();
        (!value.is_empty()).then_some(value)
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
        if catalog.criteria.is_empty() {
            return notices;
        }
        self.dropped.retain(|key| {
            let ok = key.split_once('/').is_some_and(|(cat, id)| {
                catalog.category(cat).is_some() && catalog.criterion(id).is_some()
            });
            if !ok {
                notices.push(Notice::UnknownCriterion(key.clone()));
            }
            ok
        });
        notices
    }
}
