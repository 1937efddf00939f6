//! What changed in the catalogue since a link or draft was made: for the criteria of that
//! selection, each addition, rewording and removal with the change log's reason, so that a buyer
//! reopening last year's tender sees exactly what is new.

use super::assemble::lot_criteria;
use super::catalog::{Catalog, ChangeKind, Criterion, LotFeature};
use super::notice::Notice;
use super::selection::Selection;

/// The notices for answers saved with `selection.catalog_version` (empty: before versions were
/// recorded, in catalogue 2026.11) and opened with `catalog`. Needs the complete catalogue.
pub fn since(catalog: &Catalog, selection: &Selection) -> Vec<Notice> {
    let to = &catalog.meta.version;
    let from = selection.catalog_version.as_str();
    if from == to || selection.categories.is_empty() {
        return Vec::new();
    }
    let newer = if from.is_empty() {
        // Before versions were recorded: every version that lists its criteria's changes.
        let end = catalog
            .changes
            .iter()
            .position(|c| c.criteria.is_empty())
            .unwrap_or(catalog.changes.len());
        &catalog.changes[..end]
    } else {
        match catalog.changes.iter().position(|c| c.version == from) {
            Some(end) => &catalog.changes[..end],
            None => return vec![Notice::UnknownCatalogue(from.to_string())],
        }
    };
    let mut notices = vec![Notice::OlderCatalogue {
        from: (!from.is_empty()).then(|| from.to_string()),
        to: to.clone(),
    }];
    for feature in LotFeature::ALL {
        // Asked only since a version newer than the answers: they did not give this one.
        let unasked = match feature.asked_since() {
            None => from.is_empty(),
            Some(since) => from.is_empty() || newer.iter().any(|c| c.version == since),
        };
        if unasked {
            let lots: Vec<String> = catalog
                .asking(feature)
                .filter(|c| selection.categories.contains(&c.id))
                .filter(|c| !selection.lot_has(&c.id, feature))
                // A stricter answer is news only where the milder one was given.
                .filter(|c| {
                    feature
                        .implies()
                        .is_none_or(|milder| selection.lot_has(&c.id, milder))
                })
                .map(|c| c.name.clone())
                .collect();
            if !lots.is_empty() {
                notices.push(Notice::ScopeNotAsked { feature, lots });
            }
        }
    }
    // Oldest version first, so that the list reads as a history.
    for change in newer.iter().rev() {
        for entry in &change.criteria {
            let criterion = catalog.criterion(&entry.id);
            if !concerns(catalog, selection, criterion, &entry.categories, entry.what) {
                continue;
            }
            notices.push(Notice::CriterionChanged {
                version: change.version.clone(),
                id: entry.id.clone(),
                title: criterion.map(|c| c.title.clone()).unwrap_or_default(),
                what: entry.what,
                reason: entry.reason.clone(),
            });
        }
    }
    notices
}

/// Whether a change to `criterion` (gone when `None`) in `categories` (empty: all the criterion's)
/// concerns the criteria of `selection`: the criterion is in one of its lots now, or, for a removal,
/// would have been by its categories, level, stage and risks.
fn concerns(
    catalog: &Catalog,
    selection: &Selection,
    criterion: Option<&Criterion>,
    categories: &[String],
    what: ChangeKind,
) -> bool {
    let lots = || selection.categories.iter();
    let Some(k) = criterion else {
        return categories.iter().any(|c| selection.categories.contains(c));
    };
    if what == ChangeKind::Rescoped {
        // It may have left the document or joined it: said wherever it is now offered or kept.
        let risk = k
            .addresses
            .iter()
            .chain(&k.touches)
            .any(|r| selection.risks.contains(r));
        let stage = selection.stages.iter().any(|s| s.includes(k.kind));
        return risk && stage && lots().any(|lot| k.applies_to_category(lot));
    }
    if what != ChangeKind::Removed {
        return lots().any(|lot| {
            lot_criteria(catalog, selection, lot)
                .kept
                .iter()
                .any(|c| c.id == k.id)
        });
    }
    let in_lots = categories.iter().any(|c| selection.categories.contains(c));
    let level = selection.level.is_none_or(|l| k.level <= l);
    let stage = selection.stages.is_empty() || selection.stages.iter().any(|s| s.includes(k.kind));
    let risk =
        selection.risks.is_empty() || k.addresses.iter().any(|r| selection.risks.contains(r));
    in_lots && level && stage && risk
}
