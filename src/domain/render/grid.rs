//! The evaluation grid: per lot, each award criterion with its points and how it is scored, and a
//! column per bidder for the evaluators to fill in, as CSV for a spreadsheet. Comma-separated in
//! English; semicolon-separated where a spreadsheet expects the comma as the decimal sign (German,
//! French), so that the file opens in columns there. UTF-8 with a byte-order mark, which
//! spreadsheets need to read it as UTF-8.

use super::super::document::{Document, Layout, Span};
use super::super::i18n::{fill, Language};
use super::clean;
use crate::domain::catalog::CriterionKind;

/// Bidder columns in the grid; evaluators add more as they need.
pub const BIDDERS: usize = 3;

/// The field separator a spreadsheet in this language expects.
pub fn separator(language: Language) -> char {
    match language {
        Language::En => ',',
        _ => ';',
    }
}

/// One CSV field: quoted where it must be (RFC 4180), and a leading `=`, `+`, `-`, `@`, tab or
/// carriage return defused with an apostrophe so that no spreadsheet reads it as a formula.
pub fn field(out: &mut String, text: &str, separator: char) {
    let text = clean(text);
    let text = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text,
    };
    if text.contains([separator, '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&text);
    }
}

fn row(out: &mut String, fields: &[&str], separator: char) {
    for (i, text) in fields.iter().enumerate() {
        if i > 0 {
            out.push(separator);
        }
        field(out, text, separator);
    }
    out.push_str("\r\n");
}

pub(super) fn span_text(doc: &Document, spans: &[Span]) -> String {
    let m = doc.language.messages();
    spans
        .iter()
        .map(|span| match span {
            Span::Text(t) | Span::Value(t) => t.as_str(),
            Span::Missing(p) => m.marker(*p),
        })
        .collect()
}

/// The grid of the document's award criteria, one block of rows per lot, then a line naming the
/// document it belongs to (its text hash) and the catalogue. A document without award criteria gets the header and
/// the footer only.
pub fn csv(doc: &Document) -> String {
    let m = doc.language.messages();
    let sep = separator(doc.language);
    let mut out = String::from("\u{feff}");
    let bidders: Vec<String> = (1..=BIDDERS)
        .map(|n| fill(m.grid_bidder, &[("n", &n.to_string())]))
        .collect();
    let mut header = vec![
        m.grid_lot,
        m.grid_criterion,
        m.grid_title,
        m.grid_points,
        m.grid_scoring,
    ];
    header.extend(bidders.iter().map(String::as_str));
    row(&mut out, &header, sep);
    let empty = vec![""; BIDDERS];
    for section in &doc.sections {
        let (CriterionKind::AwardCriterion, Layout::PerLot(groups)) =
            (section.kind, &section.layout)
        else {
            continue;
        };
        for group in groups {
            let lot = super::lot_titles(doc, &[group.lot]).concat();
            let mut total: Option<u32> = Some(0);
            for item in &group.items {
                // The number when the buyer gave the total; else the marker the text shows.
                let points = match (item.max_points, &item.points) {
                    (Some(points), _) => points.to_string(),
                    (None, Some(line)) => span_text(doc, line),
                    (None, None) => String::new(),
                };
                total = total.and_then(|t| Some(t + item.max_points?));
                let mut fields = vec![
                    lot.as_str(),
                    item.number.as_str(),
                    item.title.as_str(),
                    points.as_str(),
                    item.scoring.as_deref().unwrap_or(""),
                ];
                fields.extend(&empty);
                row(&mut out, &fields, sep);
            }
            // The lot's total, when every criterion has its points: what the bidders' scores add
            // up to at most.
            if let Some(total) = total.filter(|_| !group.items.is_empty()) {
                let total = total.to_string();
                let mut fields = vec![lot.as_str(), "", m.grid_total, total.as_str(), ""];
                fields.extend(&empty);
                row(&mut out, &fields, sep);
            }
        }
    }
    let footer = fill(
        m.grid_footer,
        &[
            ("title", &doc.catalog_title),
            ("version", &doc.catalog_version),
            ("text_hash", &doc.text_hash),
        ],
    );
    row(&mut out, &[&footer], sep);
    out
}

/// The evaluation grid as a part of the document, in every format: per lot, a table of its award
/// criteria with their points and scoring rule, a column per bidder, and the lot's total.
pub(super) fn walk(doc: &Document, sink: &mut dyn super::Sink) {
    let m = doc.language.messages();
    sink.heading(2, m.grid_heading);
    sink.paragraph(&[super::plain(m.grid_intro)]);
    let bidders: Vec<String> = (1..=BIDDERS)
        .map(|n| fill(m.grid_bidder, &[("n", &n.to_string())]))
        .collect();
    for section in &doc.sections {
        let (CriterionKind::AwardCriterion, Layout::PerLot(groups)) =
            (section.kind, &section.layout)
        else {
            continue;
        };
        for group in groups.iter().filter(|g| !g.items.is_empty()) {
            let Some(lot) = doc.lots.iter().find(|l| l.number == group.lot) else {
                continue;
            };
            sink.heading(3, &super::lot_title(m, lot));
            let mut table = super::award_table(doc, &group.items);
            table.header.extend(bidders.iter().cloned());
            table.fill_in = BIDDERS;
            for row in table.rows.iter_mut().chain(table.total.iter_mut()) {
                row.extend(std::iter::repeat_n(String::new(), BIDDERS));
            }
            sink.grid(&table);
        }
    }
}
