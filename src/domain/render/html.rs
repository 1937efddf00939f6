//! HTML: a fragment for the clipboard (pastes formatted into word processors) and a standalone,
//! print-friendly file. Every piece of text is escaped; the only markup is the outline's own.

use super::{
    body_rows, footer_rows, pair_text_hash, replace_ascii, text_hash, walk_body, walk_footer,
    Inline, Part, Recorded, Rows, Sink, Style, Table,
};
use crate::domain::document::Document;

#[derive(Default)]
struct Html {
    out: String,
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    replace_ascii(text, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&#39;"),
        _ => None,
    })
}

fn inline(line: &[Inline]) -> String {
    line.iter()
        .map(|part| match part.style {
            Style::Plain => escape(&part.text),
            Style::Strong => format!("<strong>{}</strong>", escape(&part.text)),
            Style::Missing => format!("<mark>{}</mark>", escape(&part.text)),
        })
        .collect()
}

impl Sink for Html {
    fn heading(&mut self, level: u8, text: &str) {
        let level = level.clamp(1, 6);
        self.out
            .push_str(&format!("<h{level}>{}</h{level}>\n", escape(text)));
    }

    fn paragraph(&mut self, line: &[Inline]) {
        self.out.push_str(&format!("<p>{}</p>\n", inline(line)));
    }

    fn bullets(&mut self, items: &[Vec<Inline>]) {
        self.out.push_str("<ul>\n");
        for item in items {
            self.out.push_str(&format!("<li>{}</li>\n", inline(item)));
        }
        self.out.push_str("</ul>\n");
    }

    fn rule(&mut self) {
        self.out.push_str("<hr>\n");
    }

    fn grid(&mut self, table: &Table) {
        self.out.push_str("<table class=\"ecb-grid\">\n<thead><tr>");
        for name in &table.header {
            self.out
                .push_str(&format!("<th scope=\"col\">{}</th>", escape(name)));
        }
        self.out.push_str("</tr></thead>\n<tbody>\n");
        for (row, _) in table.rows_and_total() {
            self.out.push_str("<tr>");
            for (index, cell) in row.iter().enumerate() {
                if index == 0 {
                    self.out
                        .push_str(&format!("<th scope=\"row\">{}</th>", escape(cell)));
                } else {
                    self.out.push_str(&format!("<td>{}</td>", escape(cell)));
                }
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</tbody>\n</table>\n");
    }
}

/// The document as an HTML fragment (no `<html>` wrapper), for the clipboard.
pub fn fragment(doc: &Document, part: Part) -> String {
    let mut sink = Html::default();
    walk_body(doc, part, &mut sink);
    walk_footer(doc, &text_hash(doc, part), &mut sink);
    sink.out
}

/// Print styles of the standalone file; static text, no outside resource.
const PRINT_CSS: &str = "body{font-family:Georgia,'Times New Roman',serif;line-height:1.45;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#111}h1,h2,h3,h4,h5{font-family:Arial,Helvetica,sans-serif;line-height:1.2}h2{border-bottom:1px solid #555;padding-bottom:.2rem;margin-top:2.5rem}h4{margin-top:1.6rem}h5{font-size:1rem;margin:1.4rem 0 .4rem}mark{background:#ffe08a;color:#000;padding:0 .15em}hr{margin-top:2rem}table.ecb-grid{border-collapse:collapse;width:100%;font-size:.9rem}table.ecb-grid th,table.ecb-grid td{border:1px solid #777;padding:.3rem .4rem;text-align:left;vertical-align:top;min-width:4rem}@media print{body{margin:0;max-width:none}h2,h3,h4,h5{break-after:avoid}mark{border:1px solid #000}}";

/// A standalone, print-friendly HTML file.
pub fn standalone(doc: &Document, part: Part) -> String {
    let m = doc.language.messages();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{PRINT_CSS}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        lang = doc.language.code(),
        title = escape(m.doc_title),
        body = fragment(doc, part),
    )
}

/// Two-language rows as a table, one column per language, each cell marked with its language
/// (WCAG 3.1.2); a header row names the languages in their own words.
fn table(rows: &Rows, first: &Document, second: &Document, out: &mut String) {
    let (a, b) = (first.language, second.language);
    out.push_str(&format!(
        "<table class=\"ecb-two-languages\">\n<thead><tr><th scope=\"col\" lang=\"{}\">{}</th><th scope=\"col\" lang=\"{}\">{}</th></tr></thead>\n<tbody>\n",
        a.code(),
        escape(a.name()),
        b.code(),
        escape(b.name())
    ));
    let cell = |block: &Option<Recorded>| {
        let mut sink = Html::default();
        if let Some(block) = block {
            block.replay(&mut sink);
        }
        sink.out
    };
    for row in rows {
        if let (Some(Recorded::Rule), _) | (None, Some(Recorded::Rule)) = row {
            out.push_str("<tr><td colspan=\"2\"><hr></td></tr>\n");
            continue;
        }
        out.push_str(&format!(
            "<tr><td lang=\"{}\">{}</td><td lang=\"{}\">{}</td></tr>\n",
            a.code(),
            cell(&row.0),
            b.code(),
            cell(&row.1)
        ));
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The document in two languages side by side, as an HTML fragment for the clipboard.
pub fn fragment_pair(first: &Document, second: &Document, part: Part) -> String {
    let mut out = String::new();
    let mut rows = body_rows(first, second, part);
    let hash = pair_text_hash(&rows, first, second);
    rows.extend(footer_rows(first, second, &hash));
    table(&rows, first, second, &mut out);
    out
}

/// Print styles for two languages side by side: the page is wider, the columns share it.
const PAIR_CSS: &str = "body{max-width:80rem}table.ecb-two-languages{border-collapse:collapse;width:100%}table.ecb-two-languages th,table.ecb-two-languages td{vertical-align:top;text-align:left;width:50%;padding:0 .75rem}table.ecb-two-languages th{font-family:Arial,Helvetica,sans-serif;border-bottom:2px solid #555}";

/// A standalone, print-friendly HTML file with the document in two languages side by side.
pub fn standalone_pair(first: &Document, second: &Document, part: Part) -> String {
    let (ma, mb) = (first.language.messages(), second.language.messages());
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title} / {title_b}</title>\n<style>{PRINT_CSS}{PAIR_CSS}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        lang = first.language.code(),
        title = escape(ma.doc_title),
        title_b = escape(mb.doc_title),
        body = fragment_pair(first, second, part),
    )
}
