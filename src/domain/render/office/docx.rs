//! The document as a Word file (Office Open XML, `.docx`): built-in heading styles (so Word's
//! navigation pane and any reader see the outline), a bullet list numbering, a "Criterion detail"
//! paragraph style for points, scoring, verification, labels and legal basis, a bordered table
//! style for the award tables and the two-language layout, and every run marked with its language.

use super::super::{Inline, Recorded, Rows, Sink, Style, Table};
use super::{escape, write_body, zip, Bilingual, Properties, GENERATOR};
use crate::domain::document::Document;
use crate::domain::i18n::Language;
use crate::domain::render::Part;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Text width of an A4 page with 2.5 cm margins, in twentieths of a point.
const TEXT_WIDTH: u32 = 9070;

/// The body being written, in one language at a time.
struct Body {
    out: String,
    language: Language,
}

impl Body {
    fn new(language: Language) -> Self {
        Body {
            out: String::new(),
            language,
        }
    }

    /// A run of text with its formatting and language.
    fn run(&mut self, text: &str, style: Style) {
        let format = match style {
            Style::Plain => "",
            Style::Strong => "<w:b/>",
            Style::Missing => "<w:b/><w:highlight w:val=\"yellow\"/>",
        };
        self.out.push_str(&format!(
            "<w:r><w:rPr>{format}<w:lang w:val=\"{}\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
            self.language.code(),
            escape(text)
        ));
    }

    fn paragraph_with(&mut self, properties: &str, line: &[Inline]) {
        self.out
            .push_str(&format!("<w:p><w:pPr>{properties}</w:pPr>"));
        for part in line {
            self.run(&part.text, part.style);
        }
        self.out.push_str("</w:p>");
    }

    /// A table with a repeated header row; `widths` in twentieths of a point.
    fn table_start(&mut self, widths: &[u32]) {
        self.out.push_str(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
        );
        for w in widths {
            self.out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
        }
        self.out.push_str("</w:tblGrid>");
    }

    fn cell(&mut self, width: u32, content: &str) {
        self.out.push_str(&format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr>{content}</w:tc>"
        ));
    }

    /// A cell's paragraph of plain text, in the cell style.
    fn cell_text(&self, text: &str, strong: bool) -> String {
        let mut cell = Body::new(self.language);
        let style = if strong { Style::Strong } else { Style::Plain };
        cell.paragraph_with(
            "<w:pStyle w:val=\"TableText\"/>",
            &[Inline {
                style,
                text: text.to_string(),
            }],
        );
        cell.out
    }
}

impl Sink for Body {
    fn heading(&mut self, level: u8, text: &str) {
        let level = level.clamp(1, 6);
        self.paragraph_with(
            &format!("<w:pStyle w:val=\"Heading{level}\"/>"),
            &[Inline {
                style: Style::Plain,
                text: text.to_string(),
            }],
        );
    }

    fn paragraph(&mut self, line: &[Inline]) {
        self.paragraph_with("", line);
    }

    fn detail(&mut self, line: &[Inline]) {
        self.paragraph_with("<w:pStyle w:val=\"CriterionDetail\"/>", line);
    }

    fn bullets(&mut self, items: &[Vec<Inline>]) {
        for item in items {
            self.paragraph_with("<w:pStyle w:val=\"ListBullet\"/>", item);
        }
    }

    fn rule(&mut self) {
        self.out
            .push_str("<w:p><w:pPr><w:pStyle w:val=\"ClosingRule\"/></w:pPr></w:p>");
    }

    fn table(&mut self, table: &Table) {
        let widths = [4535, 1360, 3175];
        self.table_start(&widths);
        self.out
            .push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (text, width) in table.header.iter().zip(widths) {
            let cell = self.cell_text(text, true);
            self.cell(width, &cell);
        }
        self.out.push_str("</w:tr>");
        for (row, strong) in table
            .rows
            .iter()
            .map(|r| (r, false))
            .chain(table.total.iter().map(|r| (r, true)))
        {
            self.out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (text, width) in row.iter().zip(widths) {
                let cell = self.cell_text(text, strong);
                self.cell(width, &cell);
            }
            self.out.push_str("</w:tr>");
        }
        // Word needs a paragraph between a table and what follows.
        self.out.push_str("</w:tbl><w:p/>");
    }
}

impl Bilingual for Body {
    fn two_columns(&mut self, first: Language, second: Language, rows: &Rows) {
        let half = TEXT_WIDTH / 2;
        self.table_start(&[half, half]);
        self.out
            .push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for language in [first, second] {
            let cell = Body::new(language).cell_text(language.name(), true);
            self.cell(half, &cell);
        }
        self.out.push_str("</w:tr>");
        for (a, b) in rows {
            self.out.push_str("<w:tr>");
            for (block, language) in [(a, first), (b, second)] {
                let mut cell = Body::new(language);
                match block {
                    Some(Recorded::Rule) | None => {}
                    Some(block) => block.replay(&mut cell),
                }
                // A cell needs a paragraph, and one that ends in a table needs one after it.
                if cell.out.is_empty() || cell.out.ends_with("</w:tbl>") {
                    cell.out.push_str("<w:p/>");
                }
                self.cell(half, &cell.out);
            }
            self.out.push_str("</w:tr>");
        }
        self.out.push_str("</w:tbl><w:p/>");
    }
}

/// Paragraph and table styles. Names of built-in styles are Word's own English names, which Word
/// shows in the user's language; the language of the text is set on every run.
fn styles(language: Language) -> String {
    let mut headings = String::new();
    for (level, size) in [(1, 36), (2, 30), (3, 26), (4, 24), (5, 22), (6, 22)] {
        headings.push_str(&format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading{level}\"><w:name w:val=\"heading {level}\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"{before}\" w:after=\"120\"/><w:outlineLvl w:val=\"{outline}\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/><w:b/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/></w:rPr></w:style>",
            before = if level <= 2 { 360 } else { 240 },
            outline = level - 1,
        ));
    }
    format!(
        "{DECLARATION}<w:styles xmlns:w=\"{W}\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Georgia\" w:hAnsi=\"Georgia\" w:cs=\"Georgia\" w:eastAsia=\"Georgia\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"{lang}\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
{headings}\
<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"CriterionDetail\"><w:name w:val=\"Criterion detail\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:after=\"60\"/><w:ind w:left=\"284\"/></w:pPr><w:rPr><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"60\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableText\"><w:name w:val=\"Table text\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:before=\"40\" w:after=\"40\"/></w:pPr><w:rPr><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>\
<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"ClosingRule\"><w:name w:val=\"Closing rule\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"555555\"/></w:pBdr><w:spacing w:before=\"360\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr></w:style>\
<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/></w:tblBorders><w:tblCellMar><w:left w:w=\"108\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
</w:styles>",
        lang = language.code(),
    )
}

const NUMBERING: &str = "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u{2022}\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"567\" w:hanging=\"283\"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";

fn content_types() -> String {
    let part = |name: &str, kind: &str| {
        format!("<Override PartName=\"/{name}\" ContentType=\"application/vnd.openxmlformats-{kind}+xml\"/>")
    };
    format!(
        "{DECLARATION}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>{}{}{}{}{}{}{}</Types>",
        part("word/document.xml", "officedocument.wordprocessingml.document.main"),
        part("word/styles.xml", "officedocument.wordprocessingml.styles"),
        part("word/numbering.xml", "officedocument.wordprocessingml.numbering"),
        part("word/footer1.xml", "officedocument.wordprocessingml.footer"),
        part("docProps/core.xml", "package.core-properties"),
        part("docProps/app.xml", "officedocument.extended-properties"),
        part("docProps/custom.xml", "officedocument.custom-properties"),
    )
}

fn relationships(targets: &[(&str, &str)]) -> String {
    let mut out = format!(
        "{DECLARATION}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    );
    for (index, (kind, target)) in targets.iter().enumerate() {
        out.push_str(&format!(
            "<Relationship Id=\"rId{}\" Type=\"{kind}\" Target=\"{target}\"/>",
            index + 1
        ));
    }
    out.push_str("</Relationships>");
    out
}

const OFFICE_RELS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn core(props: &Properties) -> String {
    let creator = props
        .authority
        .as_deref()
        .map(|a| format!("<dc:creator>{}</dc:creator>", escape(a)))
        .unwrap_or_default();
    format!(
        "{DECLARATION}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title><dc:subject>{}</dc:subject>{creator}<dc:language>{}</dc:language><dc:identifier>{}</dc:identifier><cp:version>{}</cp:version></cp:coreProperties>",
        escape(&props.title),
        escape(&props.catalog_title),
        props.language.code(),
        escape(&props.text_hash),
        escape(&props.catalog_version),
    )
}

fn custom(props: &Properties) -> String {
    let mut out = format!(
        "{DECLARATION}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
    );
    for (index, (name, value)) in props.custom().into_iter().enumerate() {
        out.push_str(&format!(
            "<property fmtid=\"{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}\" pid=\"{}\" name=\"{name}\"><vt:lpwstr>{}</vt:lpwstr></property>",
            index + 2,
            escape(&value)
        ));
    }
    out.push_str("</Properties>");
    out
}

fn footer(props: &Properties) -> String {
    format!(
        "{DECLARATION}<w:ftr xmlns:w=\"{W}\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space=\"preserve\"> / </w:t></w:r><w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>",
        escape(&props.footer())
    )
}

/// The `.docx` file of a part, in one language or two side by side.
pub fn render(first: &Document, second: Option<&Document>, part: Part) -> Vec<u8> {
    let mut body = Body::new(first.language);
    let hash = write_body(first, second, part, &mut body);
    let props = Properties::new(first, second, &hash);
    let document = format!(
        "{DECLARATION}<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:body>{}<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId3\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1418\" w:right=\"1418\" w:bottom=\"1418\" w:left=\"1418\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>",
        body.out
    );
    let package = relationships(&[
        (
            &format!("{OFFICE_RELS}/officeDocument"),
            "word/document.xml",
        ),
        (
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml",
        ),
        (
            &format!("{OFFICE_RELS}/extended-properties"),
            "docProps/app.xml",
        ),
        (
            &format!("{OFFICE_RELS}/custom-properties"),
            "docProps/custom.xml",
        ),
    ]);
    let word = relationships(&[
        (&format!("{OFFICE_RELS}/styles"), "styles.xml"),
        (&format!("{OFFICE_RELS}/numbering"), "numbering.xml"),
        (&format!("{OFFICE_RELS}/footer"), "footer1.xml"),
    ]);
    let app = format!(
        "{DECLARATION}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>{GENERATOR}</Application></Properties>"
    );
    let numbering = format!("{DECLARATION}<w:numbering xmlns:w=\"{W}\">{NUMBERING}</w:numbering>");
    zip::archive(&[
        ("[Content_Types].xml", content_types().as_bytes()),
        ("_rels/.rels", package.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/_rels/document.xml.rels", word.as_bytes()),
        ("word/styles.xml", styles(first.language).as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
        ("word/footer1.xml", footer(&props).as_bytes()),
        ("docProps/core.xml", core(&props).as_bytes()),
        ("docProps/app.xml", app.as_bytes()),
        ("docProps/custom.xml", custom(&props).as_bytes()),
    ])
}
