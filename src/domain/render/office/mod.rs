//! Word (`.docx`, Office Open XML) and OpenDocument (`.odt`) files of the document, written here
//! without a library: each is a ZIP package of a few XML parts. Both walk the same outline as the
//! other formats, with real heading styles, lists as lists, criterion details in a style of their
//! own, an award table per lot, a page footer with the page number, the catalogue version and the
//! text hash, and document properties. The same document always gives the same bytes: no clock
//! is read and every ZIP entry carries the same fixed date.

pub mod docx;
pub mod odt;
pub mod template;
mod zip;

use super::{text_hash, walk_body, walk_footer, Part, Rows};
use crate::domain::document::Document;
use crate::domain::i18n::Language;

/// The program named in the files' properties.
const GENERATOR: &str = "Ethical ICT Criteria Builder";

/// Escapes text for XML element content and quoted attribute values, and leaves out what XML 1.0
/// cannot carry at all (control characters, U+FFFE, U+FFFF); the text arrives cleaned of most of
/// them already.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// What the files' properties and page footer say about the document.
struct Properties {
    title: String,
    language: Language,
    authority: Option<String>,
    catalog_title: String,
    catalog_version: String,
    text_hash: String,
}

impl Properties {
    fn new(first: &Document, second: Option<&Document>, text_hash: &str) -> Self {
        let title = match second {
            Some(second) => format!(
                "{} / {}",
                first.language.messages().doc_title,
                second.language.messages().doc_title
            ),
            None => first.language.messages().doc_title.to_string(),
        };
        Properties {
            title,
            language: first.language,
            authority: first.authority.clone(),
            catalog_title: first.catalog_title.clone(),
            catalog_version: first.catalog_version.clone(),
            text_hash: text_hash.to_string(),
        }
    }

    /// The page footer's words before the page number: "Catalogue 2026.11 · 1a2b3c4d5e6f · ".
    fn footer(&self) -> String {
        format!(
            "{} {} \u{b7} {} \u{b7} ",
            self.catalog_title, self.catalog_version, self.text_hash
        )
    }

    /// The Dublin Core properties both formats carry: title, subject (the catalogue), creator (the
    /// authority, when given) and language.
    fn dublin_core(&self) -> String {
        let creator = self
            .authority
            .as_deref()
            .map(|a| format!("<dc:creator>{}</dc:creator>", escape(a)))
            .unwrap_or_default();
        format!(
            "<dc:title>{}</dc:title><dc:subject>{}</dc:subject>{creator}<dc:language>{}</dc:language>",
            escape(&self.title),
            escape(&self.catalog_title),
            self.language.code(),
        )
    }

    /// The custom properties, named in English in every language (they are read by tools).
    fn custom(&self) -> Vec<(&'static str, String)> {
        let mut out = vec![
            ("Catalogue", self.catalog_title.clone()),
            ("Catalogue version", self.catalog_version.clone()),
            ("Text hash", self.text_hash.clone()),
        ];
        if let Some(authority) = &self.authority {
            out.insert(0, ("Authority", authority.clone()));
        }
        out
    }
}

/// Walks a part into a writer, in one language or in two side by side (a two-column table whose
/// cells each carry their language), and gives the text hash its footer names: that of the
/// plain-text export, so every format of the same part names the same hash.
fn write_body<W: super::Sink + Bilingual>(
    first: &Document,
    second: Option<&Document>,
    part: Part,
    writer: &mut W,
) -> String {
    match second {
        None => {
            let hash = text_hash(first, part);
            walk_body(first, part, writer);
            walk_footer(first, &hash, writer);
            hash
        }
        Some(second) => {
            let mut rows = super::body_rows(first, second, part);
            let hash = super::pair_text_hash(&rows, first, second);
            rows.extend(super::footer_rows(first, second, &hash));
            writer.two_columns(first.language, second.language, &rows);
            hash
        }
    }
}

/// A writer that can lay out two languages side by side.
trait Bilingual {
    fn two_columns(&mut self, first: Language, second: Language, rows: &Rows);
}
