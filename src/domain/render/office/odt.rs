//! The document as an OpenDocument text file (`.odt`, ODF 1.3): LibreOffice's own heading styles
//! with their outline levels, a bullet list style, a "Criterion detail" paragraph style, bordered
//! tables for the award tables and the two-language layout, and the language of every paragraph
//! set through an automatic style per paragraph style and language.

use super::super::{Inline, Recorded, Rows, Sink, Style, Table};
use super::template::{Kind, Template};
use super::{escape, write_body, zip, Bilingual, Properties, GENERATOR};
use crate::domain::document::Document;
use crate::domain::i18n::Language;
use crate::domain::render::Part;

const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
const NAMESPACES: &str = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.3\"";

/// Text with runs of spaces kept: ODF collapses them unless written as `<text:s/>`.
fn text(value: &str) -> String {
    let escaped = escape(value);
    if !escaped.contains("  ") && !escaped.starts_with(' ') {
        return escaped;
    }
    let mut out = String::with_capacity(escaped.len());
    let mut previous_space = true;
    for c in escaped.chars() {
        if c == ' ' && previous_space {
            out.push_str("<text:s/>");
        } else {
            out.push(c);
        }
        previous_space = c == ' ';
    }
    out
}

/// The body being written, with the automatic styles it needs: one per paragraph style and
/// language, named after both.
struct Body {
    out: String,
    language: Language,
    /// (paragraph style, language) pairs used so far, in first-use order.
    used: Vec<(&'static str, Language)>,
    tables: usize,
    /// The relative column widths used, one column style each.
    widths: Vec<u32>,
}

impl Body {
    fn new(language: Language) -> Self {
        Body {
            out: String::new(),
            language,
            used: Vec::new(),
            tables: 0,
            widths: Vec::new(),
        }
    }

    /// The automatic style for a paragraph style in the current language.
    fn style(&mut self, parent: &'static str) -> String {
        if !self.used.contains(&(parent, self.language)) {
            self.used.push((parent, self.language));
        }
        format!("{parent}_{}", self.language.code())
    }

    fn runs(&mut self, line: &[Inline]) {
        for part in line {
            match part.style {
                Style::Plain => self.out.push_str(&text(&part.text)),
                Style::Strong => self.out.push_str(&format!(
                    "<text:span text:style-name=\"Strong_20_Emphasis\">{}</text:span>",
                    text(&part.text)
                )),
                Style::Missing => self.out.push_str(&format!(
                    "<text:span text:style-name=\"Placeholder_20_marker\">{}</text:span>",
                    text(&part.text)
                )),
            }
        }
    }

    fn paragraph_in(&mut self, parent: &'static str, line: &[Inline]) {
        let style = self.style(parent);
        self.out
            .push_str(&format!("<text:p text:style-name=\"{style}\">"));
        self.runs(line);
        self.out.push_str("</text:p>");
    }

    /// A table with a header row; widths relative to each other.
    fn table_start(&mut self, widths: &[u32]) {
        self.tables += 1;
        self.out.push_str(&format!(
            "<table:table table:name=\"Table{}\" table:style-name=\"Tbl\">",
            self.tables
        ));
        for w in widths {
            if !self.widths.contains(w) {
                self.widths.push(*w);
            }
            self.out.push_str(&format!(
                "<table:table-column table:style-name=\"Col{w}\"/>"
            ));
        }
    }

    fn cell_start(&mut self) {
        self.out
            .push_str("<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\">");
    }

    fn text_cell(&mut self, value: &str, strong: bool) {
        self.cell_start();
        let style = if strong { Style::Strong } else { Style::Plain };
        self.paragraph_in(
            "Table_20_Contents",
            &[Inline {
                style,
                text: value.to_string(),
            }],
        );
        self.out.push_str("</table:table-cell>");
    }
}

impl Sink for Body {
    fn heading(&mut self, level: u8, value: &str) {
        let level = level.clamp(1, 6);
        let parent = match level {
            1 => "Heading_20_1",
            2 => "Heading_20_2",
            3 => "Heading_20_3",
            4 => "Heading_20_4",
            5 => "Heading_20_5",
            _ => "Heading_20_6",
        };
        let style = self.style(parent);
        self.out.push_str(&format!(
            "<text:h text:style-name=\"{style}\" text:outline-level=\"{level}\">{}</text:h>",
            text(value)
        ));
    }

    fn paragraph(&mut self, line: &[Inline]) {
        self.paragraph_in("Text_20_body", line);
    }

    fn detail(&mut self, line: &[Inline]) {
        self.paragraph_in("Criterion_20_detail", line);
    }

    fn bullets(&mut self, items: &[Vec<Inline>]) {
        self.out.push_str("<text:list text:style-name=\"Bullets\">");
        for item in items {
            self.out.push_str("<text:list-item>");
            self.paragraph_in("List_20_Bullet", item);
            self.out.push_str("</text:list-item>");
        }
        self.out.push_str("</text:list>");
    }

    fn rule(&mut self) {
        self.paragraph_in("Closing_20_rule", &[]);
    }

    fn table(&mut self, table: &Table) {
        // The criterion, its points, how it is scored, then a narrow column per bidder.
        let widths: Vec<u32> = match table.header.len() {
            3 => vec![50, 15, 35],
            n => {
                let mut w = vec![24, 11, 29];
                w.extend(std::iter::repeat_n(36 / (n - 3).max(1) as u32, n - 3));
                w
            }
        };
        self.table_start(&widths);
        self.out
            .push_str("<table:table-header-rows><table:table-row>");
        for value in &table.header {
            self.text_cell(value, true);
        }
        self.out
            .push_str("</table:table-row></table:table-header-rows>");
        for (row, strong) in table.rows_and_total() {
            self.out.push_str("<table:table-row>");
            for value in row {
                self.text_cell(value, strong);
            }
            self.out.push_str("</table:table-row>");
        }
        self.out.push_str("</table:table>");
    }

    fn grid(&mut self, table: &Table) {
        self.table(table);
    }
}

impl Bilingual for Body {
    fn two_columns(&mut self, first: Language, second: Language, rows: &Rows) {
        let own = self.language;
        self.table_start(&[50, 50]);
        self.out
            .push_str("<table:table-header-rows><table:table-row>");
        for language in [first, second] {
            self.language = language;
            self.text_cell(language.name(), true);
        }
        self.out
            .push_str("</table:table-row></table:table-header-rows>");
        for (a, b) in rows {
            self.out.push_str("<table:table-row>");
            for (block, language) in [(a, first), (b, second)] {
                self.language = language;
                self.cell_start();
                let before = self.out.len();
                match block {
                    Some(Recorded::Rule) | None => {}
                    Some(block) => block.replay(self),
                }
                // A cell holds at least one paragraph.
                if self.out.len() == before {
                    self.paragraph_in("Table_20_Contents", &[]);
                }
                self.out.push_str("</table:table-cell>");
            }
            self.out.push_str("</table:table-row>");
        }
        self.out.push_str("</table:table>");
        self.language = own;
    }
}

/// The automatic styles of the body: each paragraph style in each language used, the tables'
/// layout and the cells' borders.
fn automatic_styles(used: &[(&'static str, Language)], widths: &[u32]) -> String {
    let mut out = String::from(
        "<style:style style:name=\"Tbl\" style:family=\"table\"><style:table-properties style:width=\"16cm\" table:align=\"margins\" fo:margin-bottom=\"0.2cm\"/></style:style>",
    );
    for w in widths {
        out.push_str(&format!(
            "<style:style style:name=\"Col{w}\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"{}.{:02}cm\"/></style:style>",
            w * 16 / 100,
            w * 16 % 100
        ));
    }
    out.push_str("<style:style style:name=\"Cell\" style:family=\"table-cell\"><style:table-cell-properties fo:padding=\"0.1cm\" fo:border=\"0.5pt solid #808080\"/></style:style>");
    for (parent, language) in used {
        out.push_str(&format!(
            "<style:style style:name=\"{parent}_{code}\" style:family=\"paragraph\" style:parent-style-name=\"{parent}\"><style:text-properties fo:language=\"{code}\" fo:country=\"none\"/></style:style>",
            code = language.code()
        ));
    }
    out
}

/// The named styles the content refers to, each with its definition.
fn named_styles() -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = vec![
        ("Standard", "<style:style style:name=\"Standard\" style:family=\"paragraph\" style:class=\"text\"/>".into()),
        ("Text_20_body", "<style:style style:name=\"Text_20_body\" style:display-name=\"Text body\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"text\"/>".into()),
        ("Heading", "<style:style style:name=\"Heading\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:next-style-name=\"Text_20_body\" style:class=\"text\"><style:paragraph-properties fo:margin-top=\"0.45cm\" fo:margin-bottom=\"0.2cm\" fo:keep-with-next=\"always\"/><style:text-properties fo:font-family=\"Arial\" style:font-family-generic=\"swiss\"/></style:style>".into()),
    ];
    for (name, level, size) in [
        ("Heading_20_1", 1, 18),
        ("Heading_20_2", 2, 15),
        ("Heading_20_3", 3, 13),
        ("Heading_20_4", 4, 12),
        ("Heading_20_5", 5, 11),
        ("Heading_20_6", 6, 11),
    ] {
        out.push((name, format!(
            "<style:style style:name=\"{name}\" style:display-name=\"Heading {level}\" style:family=\"paragraph\" style:parent-style-name=\"Heading\" style:next-style-name=\"Text_20_body\" style:default-outline-level=\"{level}\" style:class=\"text\"><style:text-properties fo:font-size=\"{size}pt\" fo:font-weight=\"bold\"/></style:style>"
        )));
    }
    out.extend([
        ("Criterion_20_detail", "<style:style style:name=\"Criterion_20_detail\" style:display-name=\"Criterion detail\" style:family=\"paragraph\" style:parent-style-name=\"Text_20_body\" style:class=\"text\"><style:paragraph-properties fo:margin-left=\"0.5cm\" fo:margin-bottom=\"0.1cm\"/><style:text-properties fo:font-size=\"10pt\"/></style:style>".to_string()),
        ("List_20_Bullet", "<style:style style:name=\"List_20_Bullet\" style:display-name=\"List Bullet\" style:family=\"paragraph\" style:parent-style-name=\"Text_20_body\" style:class=\"list\"><style:paragraph-properties fo:margin-bottom=\"0.1cm\"/></style:style>".to_string()),
        ("Table_20_Contents", "<style:style style:name=\"Table_20_Contents\" style:display-name=\"Table Contents\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"extra\"><style:paragraph-properties fo:margin-bottom=\"0cm\"/><style:text-properties fo:font-size=\"10pt\"/></style:style>".to_string()),
        ("Closing_20_rule", "<style:style style:name=\"Closing_20_rule\" style:display-name=\"Closing rule\" style:family=\"paragraph\" style:parent-style-name=\"Standard\"><style:paragraph-properties fo:margin-top=\"0.6cm\" fo:border-bottom=\"0.75pt solid #555555\" fo:padding=\"0.05cm\"/></style:style>".to_string()),
        ("Footer", "<style:style style:name=\"Footer\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"extra\"><style:text-properties fo:font-size=\"8pt\"/></style:style>".to_string()),
        ("Strong_20_Emphasis", "<style:style style:name=\"Strong_20_Emphasis\" style:display-name=\"Strong Emphasis\" style:family=\"text\"><style:text-properties fo:font-weight=\"bold\"/></style:style>".to_string()),
        ("Placeholder_20_marker", "<style:style style:name=\"Placeholder_20_marker\" style:display-name=\"Placeholder marker\" style:family=\"text\"><style:text-properties fo:font-weight=\"bold\" fo:background-color=\"#ffe08a\"/></style:style>".to_string()),
        ("Bullets", "<text:list-style style:name=\"Bullets\"><text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"\u{2022}\"><style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\"><style:list-level-label-alignment text:label-followed-by=\"listtab\" text:list-tab-stop-position=\"1cm\" fo:text-indent=\"-0.5cm\" fo:margin-left=\"1cm\"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>".to_string()),
    ]);
    out
}

/// The named styles, the page (A4, 2.5 cm margins) and its footer with the page number.
fn styles(language: Language, props: &Properties) -> String {
    let named: String = named_styles().into_iter().map(|(_, xml)| xml).collect();
    format!(
        "{DECLARATION}<office:document-styles {NAMESPACES}><office:styles>\
<style:default-style style:family=\"paragraph\"><style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0.2cm\" fo:line-height=\"115%\"/><style:text-properties style:font-name=\"Georgia\" fo:font-family=\"Georgia\" fo:font-size=\"11pt\" fo:language=\"{code}\" fo:country=\"none\"/></style:default-style>\
{named}\
</office:styles><office:automatic-styles><style:page-layout style:name=\"Page\"><style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\" fo:margin-top=\"2.5cm\" fo:margin-bottom=\"1.5cm\" fo:margin-left=\"2.5cm\" fo:margin-right=\"2.5cm\"/><style:footer-style><style:header-footer-properties fo:min-height=\"0.6cm\" fo:margin-top=\"0.4cm\"/></style:footer-style></style:page-layout></office:automatic-styles>\
<office:master-styles><style:master-page style:name=\"Standard\" style:page-layout-name=\"Page\"><style:footer><text:p text:style-name=\"Footer\">{footer}<text:page-number text:select-page=\"current\">1</text:page-number> / <text:page-count>1</text:page-count></text:p></style:footer></style:master-page></office:master-styles></office:document-styles>",
        code = language.code(),
        footer = text(&props.footer()),
    )
}

/// A template's styles part with the named styles the content needs and the template lacks
/// added; its page, header and footer are the template's.
fn templated(template: &Template) -> String {
    let styles = &template.styles;
    let added: String = named_styles()
        .into_iter()
        .filter(|(name, _)| {
            !styles.contains(&format!("style:name=\"{name}\""))
                && !styles.contains(&format!("style:name='{name}'"))
        })
        .map(|(_, xml)| xml)
        .collect();
    if let Some(end) = styles.find("</office:styles>") {
        format!("{}{added}{}", &styles[..end], &styles[end..])
    } else {
        styles.replacen(
            "<office:styles/>",
            &format!("<office:styles>{added}</office:styles>"),
            1,
        )
    }
}

fn meta(props: &Properties) -> String {
    let mut user = String::new();
    for (name, value) in props.custom() {
        user.push_str(&format!(
            "<meta:user-defined meta:name=\"{name}\">{}</meta:user-defined>",
            escape(&value)
        ));
    }
    format!(
        "{DECLARATION}<office:document-meta {NAMESPACES}><office:meta><meta:generator>{GENERATOR}</meta:generator>{}{user}</office:meta></office:document-meta>",
        props.dublin_core(),
    )
}

const MANIFEST: &str = "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\"><manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/><manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/><manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/><manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>";

/// The `.odt` file of a part, in one language or two side by side, in the built-in styles or in
/// an OpenDocument template's (a Word template is not for this format and is left aside).
pub fn render(
    first: &Document,
    second: Option<&Document>,
    part: Part,
    template: Option<&Template>,
) -> Vec<u8> {
    let mut body = Body::new(first.language);
    let hash = write_body(first, second, part, &mut body);
    let props = Properties::new(first, second, &hash);
    let content = format!(
        "{DECLARATION}<office:document-content {NAMESPACES}><office:automatic-styles>{}</office:automatic-styles><office:body><office:text>{}</office:text></office:body></office:document-content>",
        automatic_styles(&body.used, &body.widths),
        body.out
    );
    let manifest = format!("{DECLARATION}{MANIFEST}");
    let styles = match template.filter(|t| t.kind == Kind::OpenDocument) {
        Some(template) => templated(template),
        None => styles(first.language, &props),
    };
    zip::archive(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("META-INF/manifest.xml", manifest.as_bytes()),
        ("content.xml", content.as_bytes()),
        ("styles.xml", styles.as_bytes()),
        ("meta.xml", meta(&props).as_bytes()),
    ])
}
