//! Markdown (CommonMark): every piece of text is escaped, so neither a buyer's input nor catalogue
//! text can become a link, an image, raw HTML or structure.

use super::{
    body_rows, footer_rows, interleave, pair_text_hash, replace_ascii, text_hash, walk_body,
    walk_footer, Inline, Part, Sink, Style,
};
use crate::domain::document::Document;

#[derive(Default)]
struct Markdown {
    out: String,
}

/// Escapes text for CommonMark where it may start a line: inline punctuation, plus what would
/// open a block there (list, heading underline, numbered item).
pub fn escape(text: &str) -> String {
    let mut out = escape_mid(text);
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    } else if digits > 0 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    }
    out
}

/// Escapes the punctuation that means something anywhere in a line (emphasis, code, links,
/// images, raw HTML, entities, tables, strike-through, headings).
fn escape_mid(text: &str) -> String {
    replace_ascii(text, |b| match b {
        b'\\' => Some("\\\\"),
        b'`' => Some("\\`"),
        b'*' => Some("\\*"),
        b'_' => Some("\\_"),
        b'[' => Some("\\["),
        b']' => Some("\\]"),
        b'<' => Some("\\<"),
        b'>' => Some("\\>"),
        b'&' => Some("\\&"),
        b'|' => Some("\\|"),
        b'~' => Some("\\~"),
        b'!' => Some("\\!"),
        b'#' => Some("\\#"),
        _ => None,
    })
}

fn inline(line: &[Inline]) -> String {
    let mut out = String::new();
    for (i, part) in line.iter().enumerate() {
        // Only the start of a line can open a block.
        let text = if i == 0 {
            escape(&part.text)
        } else {
            escape_mid(&part.text)
        };
        match part.style {
            Style::Plain => out.push_str(&text),
            // Emphasis may not start or end with a space; the walker never gives it one.
            Style::Strong | Style::Missing if !text.trim().is_empty() => {
                out.push_str("**");
                out.push_str(text.trim());
                out.push_str("**");
            }
            Style::Strong | Style::Missing => {}
        }
    }
    out
}

impl Sink for Markdown {
    fn heading(&mut self, level: u8, text: &str) {
        self.out
            .push_str(&"#".repeat(usize::from(level.clamp(1, 6))));
        self.out.push(' ');
        self.out.push_str(&escape_mid(text));
        self.out.push_str("\n\n");
    }

    fn paragraph(&mut self, line: &[Inline]) {
        self.out.push_str(&inline(line));
        self.out.push_str("\n\n");
    }

    fn bullets(&mut self, items: &[Vec<Inline>]) {
        for item in items {
            self.out.push_str("- ");
            self.out.push_str(&inline(item));
            self.out.push('\n');
        }
        self.out.push('\n');
    }

    fn rule(&mut self) {
        self.out.push_str("---\n\n");
    }
}

/// The whole Markdown export; the command line prints exactly this.
pub fn render(doc: &Document, part: Part) -> String {
    let mut sink = Markdown::default();
    walk_body(doc, part, &mut sink);
    walk_footer(doc, &text_hash(doc, part), &mut sink);
    sink.out
}

/// The Markdown export in two languages, paragraph after paragraph, each marked with its language.
pub fn render_pair(first: &Document, second: &Document, part: Part) -> String {
    let mut sink = Markdown::default();
    let rows = body_rows(first, second, part);
    interleave(&rows, first, second, &mut sink);
    let hash = pair_text_hash(&rows, first, second);
    interleave(&footer_rows(first, second, &hash), first, second, &mut sink);
    sink.out
}
