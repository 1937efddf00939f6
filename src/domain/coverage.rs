//! What the catalogue covers, worked out from the catalogue itself: for the "What this catalogue
//! covers" view and for the coverage test that keeps the catalogue complete.
//!
//! The rule: for every category, each risk that is highly salient anywhere in that category's
//! supply chain must be addressed by at least one criterion at each ambition level.

use super::catalog::{AmbitionLevel, Catalog, CriterionKind, SalienceLevel};

/// A category, one of its highly salient risks and a level with no criterion for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub category: String,
    pub risk: String,
    pub level: AmbitionLevel,
}

/// The criteria that address `risk` for `category` (at any level).
pub fn addressing<'a>(
    catalog: &'a Catalog,
    category: &'a str,
    risk: &'a str,
) -> impl Iterator<Item = &'a super::catalog::Criterion> + 'a {
    catalog
        .criteria
        .iter()
        .filter(move |c| c.applies_to_category(category) && c.risks.iter().any(|r| r == risk))
}

/// Every (category, high-salience risk, level) without a criterion, in catalogue order.
pub fn gaps(catalog: &Catalog) -> Vec<Gap> {
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
                let n = criteria.iter().filter(|k| k.risks.contains(&r.id)).count();
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
