//! How much a document asks of the buyer and the bidders: criteria, pages of tender text, pages
//! bidders write and award answers to read. Shown before a level is chosen and on the review.

use super::assemble::assemble;
use super::catalog::{AmbitionLevel, Catalog, CriterionKind};
use super::document::{Document, Layout};
use super::i18n::Language;
use super::render::{text, Part};
use super::selection::Selection;

/// Characters of plain text taken as one printed page (A4, 11 pt, about 550 words).
pub const CHARS_PER_PAGE: usize = 4000;

/// Pages for a number of characters, rounded up; nothing is 0 pages.
pub fn pages(chars: usize) -> u32 {
    u32::try_from(chars.div_ceil(CHARS_PER_PAGE)).unwrap_or(u32::MAX)
}

/// The effort a document asks for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Measure {
    /// Criteria in the tender text (a criterion written per lot counts once per lot).
    pub criteria: usize,
    /// Pages of the tender text (Part A) as exported.
    pub tender_pages: u32,
    /// Pages of the whole export (tender text, plan, guidance, references).
    pub total_pages: u32,
    /// The most pages a bidder writes with its tender, over all lots.
    pub bidder_pages: u32,
    /// Award criteria scored by reading a written answer, per bidder.
    pub award_to_read: usize,
    /// Award criteria scored from a label, a figure or a formula.
    pub award_by_rule: usize,
}

/// Measures an assembled document; `catalog` gives what each criterion asks bidders to write.
pub fn measure(catalog: &Catalog, doc: &Document) -> Measure {
    Measure {
        total_pages: pages(doc.text_chars),
        ..measure_tender(catalog, doc)
    }
}

/// As [`measure`], without the whole export's pages (left at 0): what a level preview needs.
pub fn measure_tender(catalog: &Catalog, doc: &Document) -> Measure {
    let mut out = Measure::default();
    for section in &doc.sections {
        let items: Vec<_> = match &section.layout {
            Layout::Procedure(items) => items.iter().collect(),
            Layout::PerLot(groups) => groups.iter().flat_map(|g| &g.items).collect(),
        };
        for item in items {
            out.criteria += 1;
            let pages = catalog.criterion(&item.id).map_or(0, |c| c.bidder_pages);
            out.bidder_pages += pages;
            if section.kind == CriterionKind::AwardCriterion {
                if pages > 0 {
                    out.award_to_read += 1;
                } else {
                    out.award_by_rule += 1;
                }
            }
        }
    }
    out.tender_pages = pages(text::body(doc, Part::Tender).chars().count());
    out
}

/// What each level would give for the buyer's other answers: shown before a level is chosen.
pub fn per_level(
    catalog: &Catalog,
    selection: &Selection,
    language: Language,
) -> Vec<(AmbitionLevel, Measure)> {
    AmbitionLevel::ALL
        .into_iter()
        .map(|level| {
            let mut at = selection.clone();
            at.level = Some(level);
            at.lot_levels.clear();
            (
                level,
                measure_tender(catalog, &assemble(catalog, &at, language)),
            )
        })
        .collect()
}
