//! The document as a Word file (Office Open XML, `.docx`): built-in heading styles (so Word's
//! navigation pane and any reader see the outline), a bullet list numbering, a "Criterion detail"
//! paragraph style for points, scoring, verification, labels and legal basis, a bordered table
//! style for the award tables and the two-language layout, and every run marked with its language.

use super::super::{Inline, Recorded, Rows, Sink, Style, Table};
use super::template::{word_styles, Kind, Template};
use super::{escape, write_body, zip, Bilingual, Properties, GENERATOR};
use crate::domain::document::Document;
use crate::domain::i18n::Language;
use crate::domain::render::Part;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Text width of an A4 page with 2.5 cm margins, in twentieths of a point.
const TEXT_WIDTH: u32 = 9070;

/// The style IDs the body refers to: the built-in ones, or a template's for the same style names.
struct Ids {
    heading: [String; 6],
    normal: String,
    detail: String,
    list_bullet: String,
    table_text: String,
    closing_rule: String,
    footer: String,
    table_grid: String,
}

/// The styles the document uses, by the name Word knows them by, with the built-in style ID.
const NAMES: [(&str, &str); 13] = [
    ("normal", "Normal"),
    ("heading 1", "Heading1"),
    ("heading 2", "Heading2"),
    ("heading 3", "Heading3"),
    ("heading 4", "Heading4"),
    ("heading 5", "Heading5"),
    ("heading 6", "Heading6"),
    ("criterion detail", "CriterionDetail"),
    ("list bullet", "ListBullet"),
    ("table text", "TableText"),
    ("closing rule", "ClosingRule"),
    ("footer", "Footer"),
    ("table grid", "TableGrid"),
];

impl Ids {
    /// The IDs for each of [`NAMES`], in that order.
    fn from(ids: &[String]) -> Self {
        let id = |i: usize| ids.get(i).cloned().unwrap_or_default();
        Ids {
            normal: id(0),
            heading: [id(1), id(2), id(3), id(4), id(5), id(6)],
            detail: id(7),
            list_bullet: id(8),
            table_text: id(9),
            closing_rule: id(10),
            footer: id(11),
            table_grid: id(12),
        }
    }

    fn built_in() -> Self {
        let ids: Vec<String> = NAMES.iter().map(|(_, id)| id.to_string()).collect();
        Ids::from(&ids)
    }
}

/// The body being written, in one language at a time.
struct Body<'a> {
    out: String,
    language: Language,
    ids: &'a Ids,
}

impl<'a> Body<'a> {
    fn new(language: Language, ids: &'a Ids) -> Self {
        Body {
            out: String::new(),
            language,
            ids,
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
        self.out.push_str(&format!(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"{}\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>",
            self.ids.table_grid
        ));
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
        let mut cell = Body::new(self.language, self.ids);
        let style = if strong { Style::Strong } else { Style::Plain };
        cell.paragraph_with(
            &format!("<w:pStyle w:val=\"{}\"/>", self.ids.table_text),
            &[Inline {
                style,
                text: text.to_string(),
            }],
        );
        cell.out
    }
}

impl Sink for Body<'_> {
    fn heading(&mut self, level: u8, text: &str) {
        let level = level.clamp(1, 6);
        let id = &self.ids.heading[usize::from(level) - 1];
        self.paragraph_with(
            &format!("<w:pStyle w:val=\"{id}\"/>"),
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
        let style = format!("<w:pStyle w:val=\"{}\"/>", self.ids.detail);
        self.paragraph_with(&style, line);
    }

    fn bullets(&mut self, items: &[Vec<Inline>]) {
        let style = format!("<w:pStyle w:val=\"{}\"/>", self.ids.list_bullet);
        for item in items {
            self.paragraph_with(&style, item);
        }
    }

    fn rule(&mut self) {
        self.out.push_str(&format!(
            "<w:p><w:pPr><w:pStyle w:val=\"{}\"/></w:pPr></w:p>",
            self.ids.closing_rule
        ));
    }

    fn table(&mut self, table: &Table) {
        // The criterion, its points, how it is scored, then a narrow column per bidder.
        let widths: Vec<u32> = match table.header.len() {
            3 => vec![4535, 1360, 3175],
            n => {
                let bidders = n.saturating_sub(3).max(1) as u32;
                let mut w = vec![2100, 1000, 2670];
                w.extend(std::iter::repeat_n((TEXT_WIDTH - 5770) / bidders, n - 3));
                w
            }
        };
        self.table_start(&widths);
        self.out
            .push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (text, width) in table.header.iter().zip(widths.iter().copied()) {
            let cell = self.cell_text(text, true);
            self.cell(width, &cell);
        }
        self.out.push_str("</w:tr>");
        for (row, strong) in table.rows_and_total() {
            self.out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (text, width) in row.iter().zip(widths.iter().copied()) {
                let cell = self.cell_text(text, strong);
                self.cell(width, &cell);
            }
            self.out.push_str("</w:tr>");
        }
        // Word needs a paragraph between a table and what follows.
        self.out.push_str("</w:tbl><w:p/>");
    }

    fn grid(&mut self, table: &Table) {
        self.table(table);
    }
}

impl Bilingual for Body<'_> {
    fn two_columns(&mut self, first: Language, second: Language, rows: &Rows) {
        let half = TEXT_WIDTH / 2;
        self.table_start(&[half, half]);
        self.out
            .push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for language in [first, second] {
            let cell = Body::new(language, self.ids).cell_text(language.name(), true);
            self.cell(half, &cell);
        }
        self.out.push_str("</w:tr>");
        for (a, b) in rows {
            self.out.push_str("<w:tr>");
            for (block, language) in [(a, first), (b, second)] {
                let mut cell = Body::new(language, self.ids);
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

/// The definition of each of [`NAMES`] with these IDs, in that order; the bullet list style uses
/// the numbering `num`.
fn definitions(ids: &Ids, num: u32) -> Vec<String> {
    let normal = &ids.normal;
    let paragraph = |id: &str, name: &str, custom: bool, rest: &str| {
        format!(
            "<w:style w:type=\"paragraph\"{} w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"{normal}\"/>{rest}</w:style>",
            if custom { " w:customStyle=\"1\"" } else { "" }
        )
    };
    let mut out = vec![format!(
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"{normal}\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
    )];
    for (index, size) in [36, 30, 26, 24, 22, 22].into_iter().enumerate() {
        let level = index + 1;
        out.push(paragraph(
            &ids.heading[index],
            &format!("heading {level}"),
            false,
            &format!(
                "<w:next w:val=\"{normal}\"/><w:uiPriority w:val=\"9\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"{before}\" w:after=\"120\"/><w:outlineLvl w:val=\"{index}\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/><w:b/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/></w:rPr>",
                before = if level <= 2 { 360 } else { 240 },
            ),
        ));
    }
    out.push(paragraph(&ids.detail, "Criterion detail", true, "<w:qFormat/><w:pPr><w:spacing w:after=\"60\"/><w:ind w:left=\"284\"/></w:pPr><w:rPr><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr>"));
    out.push(paragraph(&ids.list_bullet, "List Bullet", false, &format!("<w:pPr><w:numPr><w:numId w:val=\"{num}\"/></w:numPr><w:spacing w:after=\"60\"/></w:pPr>")));
    out.push(paragraph(&ids.table_text, "Table text", true, "<w:pPr><w:spacing w:before=\"40\" w:after=\"40\"/></w:pPr><w:rPr><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr>"));
    out.push(paragraph(&ids.closing_rule, "Closing rule", true, "<w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"555555\"/></w:pBdr><w:spacing w:before=\"360\"/></w:pPr>"));
    out.push(paragraph(&ids.footer, "footer", false, "<w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr>"));
    let border = |side: &str| {
        format!("<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>")
    };
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|side| border(side))
        .collect();
    out.push(format!(
        "<w:style w:type=\"table\" w:styleId=\"{}\"><w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders>{borders}</w:tblBorders><w:tblCellMar><w:left w:w=\"108\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>",
        ids.table_grid
    ));
    out
}

/// The built-in styles part. Names of built-in styles are Word's own English names, which Word
/// shows in the user's language; the language of the text is set on every run.
fn styles(language: Language, ids: &Ids) -> String {
    format!(
        "{DECLARATION}<w:styles xmlns:w=\"{W}\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Georgia\" w:hAnsi=\"Georgia\" w:cs=\"Georgia\" w:eastAsia=\"Georgia\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"{lang}\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>{}</w:styles>",
        definitions(ids, 1).concat(),
        lang = language.code(),
    )
}

/// The numbering of the bullet lists, as `num` (and its abstract numbering of the same number).
fn bullet_numbering(num: u32) -> (String, String) {
    (
        format!("<w:abstractNum w:abstractNumId=\"{num}\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u{2022}\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"567\" w:hanging=\"283\"/></w:pPr></w:lvl></w:abstractNum>"),
        format!("<w:num w:numId=\"{num}\"><w:abstractNumId w:val=\"{num}\"/></w:num>"),
    )
}

/// The numbering our bullets use in a template's document: far above the template's own.
const TEMPLATE_NUM: u32 = 9000;

/// The parts of a download in a template: the template's styles with those the document needs
/// and the template lacks added (under IDs of our own), its numbering with our bullets added, its
/// theme; and the IDs the body uses.
fn templated(template: &Template) -> (Ids, String, String, Option<String>) {
    let existing = word_styles(&template.styles);
    let mut missing = Vec::new();
    let ids: Vec<String> = NAMES
        .iter()
        .enumerate()
        .map(|(index, (name, id))| {
            let kind = if *name == "table grid" {
                "table"
            } else {
                "paragraph"
            };
            match existing.iter().find(|(n, _, k)| n == name && k == kind) {
                Some((_, id, _)) => id.clone(),
                None => {
                    missing.push(index);
                    format!("Ecb{id}")
                }
            }
        })
        .collect();
    let ids = Ids::from(&ids);
    let added: String = definitions(&ids, TEMPLATE_NUM)
        .into_iter()
        .enumerate()
        .filter(|(index, _)| missing.contains(index))
        .map(|(_, definition)| definition)
        .collect();
    let end = template
        .styles
        .rfind("</w:styles>")
        .unwrap_or(template.styles.len());
    let styles = format!(
        "{}{added}{}",
        &template.styles[..end],
        &template.styles[end..]
    );
    let (abstract_num, num) = bullet_numbering(TEMPLATE_NUM);
    let numbering = match &template.numbering {
        Some(numbering) => {
            // Abstract numberings come before the numberings that use them, and
            // `w:numIdMacAtCleanup` last of all.
            let first_num = numbering
                .find("<w:num ")
                .or_else(|| numbering.find("<w:num>"))
                .or_else(|| numbering.rfind("</w:numbering>"))
                .unwrap_or(numbering.len());
            let mut out = format!(
                "{}{abstract_num}{}",
                &numbering[..first_num],
                &numbering[first_num..]
            );
            let last = out
                .find("<w:numIdMacAtCleanup")
                .or_else(|| out.rfind("</w:numbering>"))
                .unwrap_or(out.len());
            out.insert_str(last, &num);
            out
        }
        None => {
            format!("{DECLARATION}<w:numbering xmlns:w=\"{W}\">{abstract_num}{num}</w:numbering>")
        }
    };
    (ids, styles, numbering, template.theme.clone())
}

fn content_types(theme: bool) -> String {
    let part = |name: &str, kind: &str| {
        format!("<Override PartName=\"/{name}\" ContentType=\"application/vnd.openxmlformats-{kind}+xml\"/>")
    };
    format!(
        "{DECLARATION}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>{}{}{}{}{}{}{}{}</Types>",
        part("word/document.xml", "officedocument.wordprocessingml.document.main"),
        part("word/styles.xml", "officedocument.wordprocessingml.styles"),
        part("word/numbering.xml", "officedocument.wordprocessingml.numbering"),
        part("word/footer1.xml", "officedocument.wordprocessingml.footer"),
        part("docProps/core.xml", "package.core-properties"),
        part("docProps/app.xml", "officedocument.extended-properties"),
        part("docProps/custom.xml", "officedocument.custom-properties"),
        if theme {
            part("word/theme/theme1.xml", "officedocument.theme")
        } else {
            String::new()
        },
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
    format!(
        "{DECLARATION}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">{}<dc:identifier>{}</dc:identifier><cp:version>{}</cp:version></cp:coreProperties>",
        props.dublin_core(),
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

fn footer(props: &Properties, style: &str) -> String {
    format!(
        "{DECLARATION}<w:ftr xmlns:w=\"{W}\"><w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space=\"preserve\"> / </w:t></w:r><w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>",
        escape(&props.footer()),
    )
}

/// The `.docx` file of a part, in one language or two side by side, in the built-in styles or
/// in a Word template's (an OpenDocument template is not for this format and is left aside).
pub fn render(
    first: &Document,
    second: Option<&Document>,
    part: Part,
    template: Option<&Template>,
) -> Vec<u8> {
    let template = template.filter(|t| t.kind == Kind::Word);
    let (ids, styles, numbering, theme) = match template {
        Some(template) => templated(template),
        None => {
            let ids = Ids::built_in();
            let styles = styles(first.language, &ids);
            let (abstract_num, num) = bullet_numbering(1);
            let numbering = format!(
                "{DECLARATION}<w:numbering xmlns:w=\"{W}\">{abstract_num}{num}</w:numbering>"
            );
            (ids, styles, numbering, None)
        }
    };
    let mut body = Body::new(first.language, &ids);
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
    let mut word_rels = vec![
        (format!("{OFFICE_RELS}/styles"), "styles.xml"),
        (format!("{OFFICE_RELS}/numbering"), "numbering.xml"),
        (format!("{OFFICE_RELS}/footer"), "footer1.xml"),
    ];
    if theme.is_some() {
        word_rels.push((format!("{OFFICE_RELS}/theme"), "theme/theme1.xml"));
    }
    let word_rels: Vec<(&str, &str)> = word_rels.iter().map(|(k, t)| (k.as_str(), *t)).collect();
    let word = relationships(&word_rels);
    let app = format!(
        "{DECLARATION}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>{GENERATOR}</Application></Properties>"
    );
    let types = content_types(theme.is_some());
    let footer = footer(&props, &ids.footer);
    let (core, custom) = (core(&props), custom(&props));
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", package.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/_rels/document.xml.rels", word.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
        ("word/footer1.xml", footer.as_bytes()),
    ];
    if let Some(theme) = &theme {
        entries.push(("word/theme/theme1.xml", theme.as_bytes()));
    }
    entries.extend([
        ("docProps/core.xml", core.as_bytes()),
        ("docProps/app.xml", app.as_bytes()),
        ("docProps/custom.xml", custom.as_bytes()),
    ]);
    zip::archive(&entries)
}
