//! Plain text: for pasting into any e-tendering system. Nothing is escaped because nothing is
//! interpreted; control characters were removed by the walker.

use super::{body_rows, footer_rows, interleave, walk_body, walk_footer, Inline, Part, Rows, Sink};
use crate::domain::document::Document;

#[derive(Default)]
struct Text {
    out: String,
}

fn join(line: &[Inline]) -> String {
    line.iter().map(|i| i.text.as_str()).collect()
}

impl Sink for Text {
    fn heading(&mut self, level: u8, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
        let underline = match level {
            1 => Some('='),
            2 => Some('-'),
            _ => None,
        };
        if let Some(ch) = underline {
            self.out
                .extend(std::iter::repeat_n(ch, text.chars().count()));
            self.out.push('\n');
        }
        self.out.push('\n');
    }

    fn paragraph(&mut self, line: &[Inline]) {
        self.out.push_str(&join(line));
        self.out.push_str("\n\n");
    }

    fn bullets(&mut self, items: &[Vec<Inline>]) {
        for item in items {
            self.out.push_str("- ");
            self.out.push_str(&join(item));
            self.out.push('\n');
        }
        self.out.push('\n');
    }

    fn rule(&mut self) {
        self.out.push_str(&"_".repeat(72));
        self.out.push_str("\n\n");
    }
}

/// The text of a part above the closing line; its SHA-256 is the part's text hash.
pub fn body(doc: &Document, part: Part) -> String {
    let mut sink = Text::default();
    walk_body(doc, part, &mut sink);
    sink.out
}

/// The plain-text export of a part.
pub fn render(doc: &Document, part: Part) -> String {
    let out = body(doc, part);
    let hash = match part {
        Part::Whole => doc.text_hash.clone(),
        _ => crate::domain::digest::short_sha256(out.as_bytes()),
    };
    let mut sink = Text { out };
    walk_footer(doc, &hash, &mut sink);
    sink.out
}

/// Two-language rows as plain text, paragraph after paragraph.
pub fn rows_text(rows: &Rows, first: &Document, second: &Document) -> String {
    let mut sink = Text::default();
    interleave(rows, first, second, &mut sink);
    sink.out
}

/// The plain-text export of a part in two languages.
pub fn render_pair(first: &Document, second: &Document, part: Part) -> String {
    let out = rows_text(&body_rows(first, second, part), first, second);
    let hash = crate::domain::digest::short_sha256(out.as_bytes());
    let mut sink = Text { out };
    interleave(&footer_rows(first, second, &hash), first, second, &mut sink);
    sink.out
}
