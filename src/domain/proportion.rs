//! Proportionality hints: what the typed value, the duration, the level and the points suggest,
//! told to the buyer without ever blocking. Whether the contract is above the EU thresholds, when
//! the level looks heavy for a small or short contract, when award points are spread thin or are
//! too few for the award criteria chosen.

use super::amount::{self, Currency};
use super::assemble::lot_criteria;
use super::catalog::{AmbitionLevel, Catalog, Thresholds};
use super::details::DetailField;
use super::selection::{drop_key, ProcedureStage, Selection};

/// Where the estimated value stands against the EU thresholds for supplies and services.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThresholdPosition {
    AboveBoth,
    /// Above the central-government threshold, below the sub-central one.
    Between,
    BelowBoth,
}

/// An award criterion that could be dropped to make the points go round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwardChoice {
    pub id: String,
    pub title: String,
}

/// One thing worth the buyer's attention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hint {
    /// How the estimated value was read; `assumed_euro` when no currency was written.
    ValueRead { units: u64, assumed_euro: bool },
    /// The value is in another currency, so the thresholds (in euros) are not compared.
    OtherCurrency,
    /// The value against the thresholds in force today.
    Thresholds {
        position: ThresholdPosition,
        central: u64,
        sub_central: u64,
        valid_to: String,
        /// The citation of the act that sets them.
        legal: String,
    },
    /// Every threshold period the catalogue knows has ended: check the current ones.
    ThresholdsOutdated { valid_to: String },
    /// A demanding level for a small or short contract: a burden on small suppliers.
    HeavyLevel {
        level: AmbitionLevel,
        small: bool,
        short: bool,
    },
    /// Fewer points than award criteria in a lot: each needs at least one.
    PointsShort {
        lot: usize,
        name: String,
        criteria: u32,
        total: u32,
        /// Lowest suggested weight first.
        candidates: Vec<AwardChoice>,
    },
    /// Many award criteria sharing few points: hard to score, little to gain.
    ThinPoints {
        lot: usize,
        name: String,
        criteria: u32,
        total: u32,
    },
}

/// A contract of at most this many months is short.
pub const SHORT_MONTHS: u32 = 12;

/// Points per award criterion below which the points are spread thin.
pub const THIN_POINTS: u32 = 3;

/// The threshold period in force on `today` (`YYYY-MM-DD`), or the newest one that has ended.
fn thresholds_on<'c>(catalog: &'c Catalog, today: &str) -> Result<&'c Thresholds, Option<String>> {
    if let Some(t) = catalog
        .thresholds
        .iter()
        .find(|t| t.valid_from.as_str() <= today && today <= t.valid_to.as_str())
    {
        return Ok(t);
    }
    Err(catalog
        .thresholds
        .iter()
        .map(|t| t.valid_to.clone())
        .max()
        .filter(|end| end.as_str() < today))
}

/// The hints for a selection, judged on `today` (`YYYY-MM-DD`). Needs the complete catalogue.
pub fn hints(catalog: &Catalog, selection: &Selection, today: &str) -> Vec<Hint> {
    let mut out = Vec::new();
    let details = &selection.details;
    let value = details
        .text(DetailField::EstimatedValue)
        .and_then(amount::parse);
    let mut euros = None;
    if let Some(value) = value {
        match value.currency {
            Currency::Other => out.push(Hint::OtherCurrency),
            currency => {
                out.push(Hint::ValueRead {
                    units: value.units,
                    assumed_euro: currency == Currency::Unstated,
                });
                euros = Some(value.units);
            }
        }
    }
    let thresholds = thresholds_on(catalog, today);
    match (&thresholds, euros) {
        (Ok(t), Some(v)) => out.push(Hint::Thresholds {
            position: if v >= t.central.max(t.sub_central) {
                ThresholdPosition::AboveBoth
            } else if v >= t.central.min(t.sub_central) {
                ThresholdPosition::Between
            } else {
                ThresholdPosition::BelowBoth
            },
            central: t.central,
            sub_central: t.sub_central,
            valid_to: t.valid_to.clone(),
            legal: catalog
                .legal_basis(&t.legal)
                .map(|l| l.citation.clone())
                .unwrap_or_default(),
        }),
        (Err(Some(ended)), Some(_)) => out.push(Hint::ThresholdsOutdated {
            valid_to: ended.clone(),
        }),
        _ => {}
    }
    let months = details.number(DetailField::ContractMonths);
    let small = match (&thresholds, euros) {
        (Ok(t), Some(v)) => v < t.central.min(t.sub_central),
        _ => false,
    };
    let short = months.is_some_and(|n| n <= SHORT_MONTHS);
    let heavy = match selection.level {
        Some(AmbitionLevel::Spearhead) => small || short,
        Some(AmbitionLevel::Advanced) => small && short,
        _ => false,
    };
    if let (true, Some(level)) = (heavy, selection.level) {
        out.push(Hint::HeavyLevel {
            level,
            small,
            short,
        });
    }
    if let (Some(total), true) = (
        details.number(DetailField::AwardPoints),
        selection.stages.contains(&ProcedureStage::Award),
    ) {
        out.extend(points_hints(catalog, selection, total));
    }
    out
}

/// Per lot: too few points for its award criteria, or points spread thin.
fn points_hints(catalog: &Catalog, selection: &Selection, total: u32) -> Vec<Hint> {
    let mut out = Vec::new();
    for (index, members) in super::assemble::lot_shapes(catalog, selection)
        .into_iter()
        .enumerate()
    {
        let mut awards: Vec<&super::catalog::Criterion> = Vec::new();
        for category in &members {
            for c in lot_criteria(catalog, selection, &category.id).kept {
                let kept = c.award.is_some()
                    && !selection.dropped.contains(&drop_key(&category.id, &c.id));
                if kept && !awards.iter().any(|a| a.id == c.id) {
                    awards.push(c);
                }
            }
        }
        let name = members
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        let criteria = u32::try_from(awards.len()).unwrap_or(u32::MAX);
        if criteria == 0 {
            continue;
        }
        if total < criteria {
            awards.sort_by_key(|c| c.award.as_ref().map_or(0, |a| a.weight));
            out.push(Hint::PointsShort {
                lot: index + 1,
                name: name.clone(),
                criteria,
                total,
                candidates: awards
                    .iter()
                    .map(|c| AwardChoice {
                        id: c.id.clone(),
                        title: c.title.clone(),
                    })
                    .collect(),
            });
        } else if total < criteria * THIN_POINTS {
            out.push(Hint::ThinPoints {
                lot: index + 1,
                name: name.clone(),
                criteria,
                total,
            });
        }
    }
    out
}

pub use super::dates::date_from_days;
