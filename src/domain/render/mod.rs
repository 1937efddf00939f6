//! Export formats. The outline of the document is walked once, here; each format only says how a
//! heading, a paragraph or a list looks and how its text is escaped. So every format carries the
//! same content, and a fix to the outline reaches them all.

pub mod html;
pub mod markdown;
pub mod text;

use super::assemble::{Document, Reference, Span};
use super::i18n::{fill, Messages};
use super::template::Block;

/// How a run of text is to be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    /// A field name such as "Verification:".
    Strong,
    /// A placeholder the buyer still has to fill in: must stand out in every format.
    Missing,
}

/// A run of already-cleaned text with its style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inline {
    pub style: Style,
    pub text: String,
}

/// What a format must know how to write. Text arrives cleaned of control characters but not
/// escaped: escaping is the format's job.
pub trait Sink {
    fn heading(&mut self, level: u8, text: &str);
    fn paragraph(&mut self, line: &[Inline]);
    fn bullets(&mut self, items: &[Vec<Inline>]);
    /// The closing line before the footer.
    fn rule(&mut self);
    /// Called before each criterion's heading; the preview puts its "Drop" button here.
    fn item(&mut self, _key: &str, _lot: usize, _number: &str, _title: &str) {}
}

/// Removes what must never reach a document from outside text: control characters (line breaks
/// included, as every value is one line) and the invisible bidirectional overrides that can make
/// text read differently from what it says.
pub fn clean(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        // Every character cleaned here is ASCII or starts with 0xC2 (C1 controls) or 0xE2
        // (U+2000 block). Those bytes only ever start a character, so `i` is a boundary.
        let b = bytes[i];
        if b >= 0x20 && b != 0x7F && b != 0xC2 && b != 0xE2 {
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let replacement = match c {
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' => Some(""),
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => Some(" "),
            _ => None,
        };
        if let Some(replacement) = replacement {
            out.push_str(&text[start..i]);
            out.push_str(replacement);
            start = i + c.len_utf8();
        }
        i += c.len_utf8();
    }
    out.push_str(&text[start..]);
    out
}

/// Copies `text`, replacing each ASCII byte for which `replace` gives a string. Copies runs of
/// untouched text at once: escaping is on the hot path of every export.
pub fn replace_ascii(text: &str, replace: impl Fn(u8) -> Option<&'static str>) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        // An ASCII byte is always a whole character, so slicing around it is safe.
        if let Some(replacement) = b.is_ascii().then(|| replace(b)).flatten() {
            out.push_str(&text[start..i]);
            out.push_str(replacement);
            start = i + 1;
        }
    }
    out.push_str(&text[start..]);
    out
}

fn plain(text: &str) -> Inline {
    Inline {
        style: Style::Plain,
        text: clean(text),
    }
}

fn strong(text: &str) -> Inline {
    Inline {
        style: Style::Strong,
        text: clean(text),
    }
}

/// A labelled line such as "Verification: …".
fn field(label: &str, value: &str) -> Vec<Inline> {
    vec![strong(&format!("{label}:")), plain(&format!(" {value}"))]
}

fn spans(m: &Messages, line: &[Span]) -> Vec<Inline> {
    line.iter()
        .map(|span| match span {
            Span::Text(t) | Span::Value(t) => plain(t),
            Span::Missing(p) => Inline {
                style: Style::Missing,
                text: m.marker(*p).to_string(),
            },
        })
        .collect()
}

fn references(m: &Messages, used_in: &[Reference]) -> String {
    used_in
        .iter()
        .map(|r| {
            fill(
                m.reference,
                &[("lot", &r.lot.to_string()), ("number", &r.number)],
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// "Lot 1, SC2; Lot 2, SC1: Title (catalogue ref. ID)", for the plan and the guidance.
fn entry_heading(m: &Messages, used_in: &[Reference], title: &str, id: &str) -> String {
    clean(&format!(
        "{}: {title} ({} {id})",
        references(m, used_in),
        m.catalogue_ref
    ))
}

/// Paragraphs of a multi-paragraph note (blank-line separated).
fn note_paragraphs(note: &str) -> Vec<String> {
    note.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Everything above the footer.
pub fn walk_body(doc: &Document, sink: &mut dyn Sink) {
    let m = doc.language.messages();
    sink.heading(1, m.doc_title);
    let authority = match &doc.authority {
        Some(a) => vec![
            strong(&format!("{}:", m.doc_authority)),
            plain(&format!(" {a}")),
        ],
        None => vec![
            strong(&format!("{}:", m.doc_authority)),
            plain(" "),
            Inline {
                style: Style::Missing,
                text: m.marker_authority.to_string(),
            },
        ],
    };
    sink.paragraph(&authority);
    if let Some(level) = doc.level {
        sink.paragraph(&field(m.doc_level, m.level(level)));
    }
    sink.paragraph(&[plain(m.doc_intro)]);

    sink.heading(2, m.part_tender);
    for lot in &doc.lots {
        sink.heading(
            3,
            &clean(&fill(
                m.lot_heading,
                &[("n", &lot.number.to_string()), ("name", &lot.name)],
            )),
        );
        let cpv: Vec<String> = lot
            .cpv
            .iter()
            .map(|c| format!("{} {}", c.code, c.label))
            .chain((!lot.cpv_note.trim().is_empty()).then(|| lot.cpv_note.clone()))
            .collect();
        sink.paragraph(&field(m.lot_cpv, &cpv.join("; ")));
        if !lot.features.is_empty() {
            let scope: Vec<&str> = lot.features.iter().map(|f| m.lot_feature(*f)).collect();
            sink.paragraph(&field(m.lot_scope, &m.join_list(&scope)));
        }
        sink.paragraph(&field(m.lot_risks, &lot.risks.join(", ")));
        if lot.sections.is_empty() {
            sink.paragraph(&[plain(m.lot_empty)]);
        }
        for section in &lot.sections {
            sink.heading(4, m.kind_heading(section.kind));
            for item in &section.items {
                sink.item(&item.key, lot.number, &item.number, &item.title);
                sink.heading(
                    5,
                    &clean(&format!(
                        "{}. {} ({} {})",
                        item.number, item.title, m.catalogue_ref, item.id
                    )),
                );
                for block in &item.body {
                    match block {
                        Block::Paragraph(line) => sink.paragraph(&spans(m, line)),
                        Block::Bullets(items) => {
                            let items: Vec<Vec<Inline>> =
                                items.iter().map(|l| spans(m, l)).collect();
                            sink.bullets(&items);
                        }
                    }
                }
                if let Some(points) = &item.points {
                    let mut line = vec![strong(&format!("{}:", m.points)), plain(" ")];
                    line.extend(spans(m, points));
                    sink.paragraph(&line);
                }
                if let Some(scoring) = &item.scoring {
                    sink.paragraph(&field(m.scoring, scoring));
                }
                sink.paragraph(&field(m.verification, &item.verification.submit));
                if !item.verification.labels.is_empty() {
                    let mut names = item.verification.labels.clone();
                    names.push(m.or_equivalent.to_string());
                    sink.paragraph(&field(m.accepted_proof, &names.join(", ")));
                }
                if !item.verification.partial_labels.is_empty() {
                    let mut names = item.verification.partial_labels.clone();
                    names.push(m.or_equivalent.to_string());
                    sink.paragraph(&field(m.accepted_partial_proof, &names.join(", ")));
                }
                if !item.verification.equivalent.trim().is_empty() {
                    sink.paragraph(&field(m.equivalent_proof, &item.verification.equivalent));
                }
                sink.paragraph(&field(m.legal_basis, &item.legal.join("; ")));
            }
        }
        if let Some(total) = lot.unallocated_points {
            sink.paragraph(&[plain(&fill(
                m.award_unallocated,
                &[("total", &total.to_string())],
            ))]);
        }
    }

    if let Some(plan) = &doc.plan {
        sink.heading(2, m.part_plan);
        sink.paragraph(&[plain(m.plan_intro)]);
        for entry in plan {
            sink.heading(
                3,
                &entry_heading(m, &entry.used_in, &entry.title, &entry.id),
            );
            let row = |label: &str, line: &[Span]| {
                let mut row = vec![strong(&format!("{label}:")), plain(" ")];
                row.extend(spans(m, line));
                row
            };
            let mut rows = vec![
                row(m.plan_kpi, &entry.kpi),
                row(m.plan_cadence, &entry.cadence),
            ];
            if !entry.follow_up.is_empty() {
                rows.push(row(m.plan_follow_up, &entry.follow_up));
            }
            if !entry.remediation.is_empty() {
                rows.push(row(m.plan_remediation, &entry.remediation));
            }
            sink.bullets(&rows);
        }
    }

    if !doc.guidance.is_empty() {
        sink.heading(2, m.part_guidance);
        sink.paragraph(&[plain(m.guidance_intro)]);
        for entry in &doc.guidance {
            sink.heading(
                3,
                &entry_heading(m, &entry.used_in, &entry.title, &entry.id),
            );
            for paragraph in note_paragraphs(&entry.note) {
                sink.paragraph(&[plain(&paragraph)]);
            }
            // A note for some categories says which lots it concerns, unless there is one lot.
            for note in &entry.notes {
                for (index, paragraph) in note_paragraphs(&note.text).into_iter().enumerate() {
                    if index == 0 && doc.lots.len() > 1 {
                        let lots: Vec<String> = note.lots.iter().map(ToString::to_string).collect();
                        let lots: Vec<&str> = lots.iter().map(String::as_str).collect();
                        sink.paragraph(&[plain(&fill(
                            m.guidance_note_lots,
                            &[("lots", &m.join_list(&lots)), ("text", &paragraph)],
                        ))]);
                    } else {
                        sink.paragraph(&[plain(&paragraph)]);
                    }
                }
            }
            for replacement in &entry.instead_of {
                let lots: Vec<String> = replacement.lots.iter().map(ToString::to_string).collect();
                let lots: Vec<&str> = lots.iter().map(String::as_str).collect();
                sink.paragraph(&[plain(&fill(
                    m.guidance_instead_of,
                    &[
                        ("lots", &m.join_list(&lots)),
                        ("id", &replacement.id),
                        ("title", &replacement.title),
                        ("reason", &replacement.reason),
                    ],
                ))]);
            }
        }
    }

    if !doc.legal.is_empty() || !doc.labels.is_empty() || !doc.sources.is_empty() {
        sink.heading(2, m.part_references);
    }
    if !doc.legal.is_empty() {
        sink.heading(3, m.references_legal);
        let rows: Vec<Vec<Inline>> = doc
            .legal
            .iter()
            .map(|l| field(&l.citation, &format!("{} {}", l.summary, l.url)))
            .collect();
        sink.bullets(&rows);
    }
    if !doc.labels.is_empty() {
        sink.heading(3, m.references_labels);
        let rows: Vec<Vec<Inline>> = doc
            .labels
            .iter()
            .map(|l| {
                let mut row = vec![strong(&format!("{}.", l.name))];
                row.push(plain(&format!(" {}: {} ", m.label_covers, l.covers)));
                row.push(plain(&format!(
                    "{}: {}",
                    m.label_not_covers, l.does_not_cover
                )));
                row
            })
            .collect();
        sink.bullets(&rows);
    }
    if !doc.sources.is_empty() {
        sink.heading(3, m.references_sources);
        let rows: Vec<Vec<Inline>> = doc
            .sources
            .iter()
            .map(|s| {
                vec![
                    strong(&format!("[{}]", s.id)),
                    plain(&format!(" {}: {}", s.title, s.url)),
                ]
            })
            .collect();
        sink.bullets(&rows);
    }
}

/// The closing line and the footer naming the catalogue and the text hash.
pub fn walk_footer(doc: &Document, sink: &mut dyn Sink) {
    let m = doc.language.messages();
    sink.rule();
    sink.paragraph(&[plain(&fill(
        m.footer,
        &[
            ("title", &doc.catalog_title),
            ("version", &doc.catalog_version),
            ("catalogue_hash", &doc.catalog_hash),
            ("text_hash", &doc.text_hash),
        ],
    ))]);
}

/// The file name of an export, e.g. `ethical-ict-criteria.md`.
pub fn file_name(extension: &str) -> String {
    format!("ethical-ict-criteria.{extension}")
}
