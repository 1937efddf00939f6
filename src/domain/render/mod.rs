//! Export formats. The outline of the document is walked once, here; each format only says how a
//! heading, a paragraph or a list looks and how its text is escaped. So every format carries the
//! same content, and a fix to the outline reaches them all.

pub mod grid;
pub mod html;
pub mod markdown;
pub mod notice;
pub mod office;
mod questionnaire;
pub mod text;

use super::catalog::CriterionKind;
use super::document::{Document, Item, Layout, Lot, Span};
use super::i18n::{fill, Messages};
use super::selection::ProcedureStage;
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
    /// Called before each criterion's heading; the preview puts its "Drop" button and why the
    /// criterion is there here.
    fn item(&mut self, _item: &Item) {}
    /// A criterion's detail line (points, scoring, verification, labels, legal basis): a
    /// paragraph, which the office formats give a style of its own.
    fn detail(&mut self, line: &[Inline]) {
        self.paragraph(line);
    }
    /// A lot's award criteria at a glance, after them: only the office formats, which have tables
    /// a word processor keeps, write it; the others already say each criterion's points.
    fn table(&mut self, _table: &Table) {}
    /// A table that is the content itself (the evaluation grid): a table where the format has
    /// them, else a list item per row naming each column.
    fn grid(&mut self, table: &Table) {
        let rows: Vec<Vec<Inline>> = table
            .rows_and_total()
            .map(|(row, _)| {
                let mut line = Vec::new();
                let fill_from = table.header.len().saturating_sub(table.fill_in);
                for (index, (name, cell)) in table.header.iter().zip(row).enumerate() {
                    if index == 0 {
                        line.push(strong(cell));
                    } else if !cell.is_empty() || index >= fill_from {
                        line.push(plain(&format!("; {name}: ")));
                        line.push(plain(if cell.is_empty() { GRID_BLANK } else { cell }));
                    }
                }
                line
            })
            .collect();
        self.bullets(&rows);
    }
}

/// Room for a score in a format without tables (no character any format escapes).
const GRID_BLANK: &str = "……………";

/// A table of plain text: a header row, rows, and a closing total row where there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub total: Option<Vec<String>>,
    /// How many columns at the end are for filling in (the bidders' scores).
    pub fill_in: usize,
}

impl Table {
    /// The rows, then the total row, each with whether it is the total.
    pub fn rows_and_total(&self) -> impl Iterator<Item = (&Vec<String>, bool)> {
        self.rows
            .iter()
            .map(|row| (row, false))
            .chain(self.total.iter().map(|row| (row, true)))
    }
}

/// A lot's award criteria with their points and scoring rule; the total row once every
/// criterion has its points, which then add up to the buyer's total for the lot.
fn award_table(doc: &Document, items: &[Item]) -> Table {
    let m = doc.language.messages();
    let mut total: Option<u32> = Some(0);
    let rows = items
        .iter()
        .map(|item| {
            total = total.and_then(|t| Some(t + item.max_points?));
            let points = match (item.max_points, &item.points) {
                (Some(points), _) => points.to_string(),
                (None, Some(line)) => grid::span_text(doc, line),
                (None, None) => String::new(),
            };
            vec![
                clean(&format!("{}. {}", item.number, item.title)),
                points,
                clean(item.scoring.as_deref().unwrap_or("")),
            ]
        })
        .collect();
    Table {
        header: vec![
            m.grid_criterion.to_string(),
            m.grid_points.to_string(),
            m.grid_scoring.to_string(),
        ],
        rows,
        total: total.map(|t| vec![m.grid_total.to_string(), t.to_string(), String::new()]),
        fill_in: 0,
    }
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
fn field(m: &Messages, label: &str, value: &str) -> Vec<Inline> {
    vec![labelled(m, label), plain(&format!(" {value}"))]
}

/// A field name with the language's colon ("Verification:", « Vérification : »).
fn labelled(m: &Messages, label: &str) -> Inline {
    strong(&fill(m.label_colon, &[("label", label)]))
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

/// "CPC3. Title", with the lots in a document of several lots, and with the catalogue reference
/// where asked: the heading of a plan or guidance entry.
fn entry_heading(
    m: &Messages,
    doc: &Document,
    number: &str,
    title: &str,
    lots: &[usize],
    id: Option<&str>,
) -> String {
    let mut heading = format!("{number}. {title}");
    if doc.lots.len() > 1 && !lots.is_empty() {
        heading.push_str(&format!(" ({})", m.lot_numbers(lots)));
    }
    if let Some(id) = id {
        heading.push_str(&format!(" ({} {id})", m.catalogue_ref));
    }
    clean(&heading)
}

/// Paragraphs of a multi-paragraph note (blank-line separated).
fn note_paragraphs(note: &str) -> Vec<String> {
    note.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// A part of the document that can be exported on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// Everything: tender text, plan, guidance and references.
    Whole,
    /// The tender text of every chosen stage, for publication.
    Tender,
    /// One stage of the tender text (the specification annex, the award model, the clauses), or
    /// the contract-management plan for `Management`.
    Stage(ProcedureStage),
    /// The guidance notes and the references.
    Guidance,
    /// The supplier questionnaire built from the tender's criteria.
    Questionnaire,
    /// The values of the eForms notice per lot, and the OCDS sustainability block.
    Notice,
    /// The evaluation grid: per lot, each award criterion with its points, scoring rule and a
    /// column per bidder.
    Grid,
}

impl Part {
    pub const ALL: [Part; 11] = [
        Part::Whole,
        Part::Tender,
        Part::Stage(ProcedureStage::Selection),
        Part::Stage(ProcedureStage::Specifications),
        Part::Stage(ProcedureStage::Award),
        Part::Stage(ProcedureStage::Contract),
        Part::Stage(ProcedureStage::Management),
        Part::Guidance,
        Part::Questionnaire,
        Part::Grid,
        Part::Notice,
    ];

    /// A stable name, for the command line and file names.
    pub fn code(self) -> &'static str {
        match self {
            Part::Whole => "whole",
            Part::Tender => "tender",
            Part::Stage(stage) => stage.code(),
            Part::Guidance => "guidance",
            Part::Questionnaire => "questionnaire",
            Part::Notice => "notice",
            Part::Grid => "evaluation-grid",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }

    /// What the buyer picks it by.
    pub fn label(self, m: &Messages) -> String {
        match self {
            Part::Whole => m.part_whole.to_string(),
            Part::Tender => m.part_tender_only.to_string(),
            Part::Stage(ProcedureStage::Management) => m.part_plan_only.to_string(),
            Part::Stage(stage) => fill(m.part_stage_only, &[("stage", m.stage(stage))]),
            Part::Guidance => m.part_guidance_only.to_string(),
            Part::Questionnaire => m.part_questionnaire_only.to_string(),
            Part::Notice => m.part_notice_only.to_string(),
            Part::Grid => m.part_grid_only.to_string(),
        }
    }

    fn tender(self, kind: CriterionKind) -> bool {
        match self {
            Part::Whole | Part::Tender => true,
            Part::Stage(stage) => stage.includes(kind),
            Part::Guidance | Part::Questionnaire | Part::Notice | Part::Grid => false,
        }
    }

    fn has_tender(self) -> bool {
        matches!(
            self,
            Part::Whole
                | Part::Tender
                | Part::Stage(ProcedureStage::Selection)
                | Part::Stage(ProcedureStage::Specifications)
                | Part::Stage(ProcedureStage::Award)
                | Part::Stage(ProcedureStage::Contract)
        )
    }

    fn has_plan(self) -> bool {
        matches!(self, Part::Whole | Part::Stage(ProcedureStage::Management))
    }

    fn has_guidance(self) -> bool {
        matches!(self, Part::Whole | Part::Guidance)
    }

    /// What a file of this part is called, e.g. `ethical-ict-criteria-award.md`.
    pub fn file_name(self, extension: &str) -> String {
        match self {
            Part::Whole => file_name(extension),
            part => format!("ethical-ict-criteria-{}.{extension}", part.code()),
        }
    }
}

/// The parts a document has something for, in order: what the export offers.
pub fn parts_of(doc: &Document) -> Vec<Part> {
    Part::ALL
        .into_iter()
        .filter(|part| match part {
            Part::Whole => true,
            Part::Tender => !doc.sections.is_empty(),
            Part::Stage(ProcedureStage::Management) => {
                doc.plan.as_ref().is_some_and(|p| !p.is_empty())
            }
            Part::Stage(stage) => doc.sections.iter().any(|s| stage.includes(s.kind)),
            Part::Guidance => !doc.guidance.is_empty() || !doc.scope_gaps.is_empty(),
            Part::Questionnaire | Part::Notice => !doc.sections.is_empty(),
            Part::Grid => doc
                .sections
                .iter()
                .any(|s| s.kind == CriterionKind::AwardCriterion && s.items().next().is_some()),
        })
        .collect()
}

/// The part's name as the heading line under the title says it.
fn part_name(m: &Messages, part: Part) -> String {
    match part {
        Part::Whole => String::new(),
        Part::Tender => m.part_name_tender.to_string(),
        Part::Stage(ProcedureStage::Management) => m.part_name_plan.to_string(),
        Part::Stage(stage) => fill(m.part_name_stage, &[("stage", m.stage(stage))]),
        Part::Guidance => m.part_name_guidance.to_string(),
        Part::Questionnaire => m.part_name_questionnaire.to_string(),
        Part::Notice => m.part_name_notice.to_string(),
        Part::Grid => m.part_name_grid.to_string(),
    }
}

/// A criterion: at level 4 when written once for the procedure or in a document of one lot
/// (`once`), else at level 5 under its lot.
/// The label lists already written in full, with the number of the criterion that has them: a
/// later criterion with the same list refers to it instead of repeating a long line.
type NamedLabels = Vec<(bool, Vec<String>, String)>;

fn walk_item(
    doc: &Document,
    kind: CriterionKind,
    item: &Item,
    once: bool,
    named: &mut NamedLabels,
    sink: &mut dyn Sink,
) {
    let level = if once { 4 } else { 5 };
    let m = doc.language.messages();
    sink.item(item);
    let heading = if doc.working_notes {
        format!(
            "{}. {} ({} {})",
            item.number, item.title, m.catalogue_ref, item.id
        )
    } else {
        format!("{}. {}", item.number, item.title)
    };
    sink.heading(level, &clean(&heading));
    // Once-per-procedure criteria say which lots they apply to (per-lot ones are under their lot);
    // in a lot of several products, a criterion for some of them names those.
    if !item.only.is_empty() {
        let names: Vec<String> = item
            .only
            .iter()
            .map(|n| fill(m.lot_quoted, &[("name", n)]))
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        sink.paragraph(&field(m, m.applies_to, &m.join_list(&names)));
    } else if doc.lots.len() > 1 && once {
        let lots = if item.lots.len() == doc.lots.len() {
            m.applies_all.to_string()
        } else {
            let named = lot_titles(doc, &item.lots);
            let named: Vec<&str> = named.iter().map(String::as_str).collect();
            m.join_list(&named)
        };
        sink.paragraph(&field(m, m.applies_to, &lots));
    }
    // Written once for several lots, separate contracts: said so, so that no contractor reads a
    // duty for another lot's goods.
    // An exclusion ground is assessed once for the tenderer, whatever the lots.
    if item.lots.len() > 1 && kind != CriterionKind::ExclusionGround {
        let each = match kind {
            CriterionKind::SelectionCriterion => m.applies_each_selection,
            _ => m.applies_each,
        };
        sink.paragraph(&[plain(each)]);
    }
    for block in &item.body {
        match block {
            Block::Paragraph(line) => sink.paragraph(&spans(m, line)),
            Block::Bullets(items) => {
                let items: Vec<Vec<Inline>> = items.iter().map(|l| spans(m, l)).collect();
                sink.bullets(&items);
            }
        }
    }
    if let Some(points) = &item.points {
        let mut line = vec![labelled(m, m.points), plain(" ")];
        line.extend(spans(m, points));
        sink.detail(&line);
    }
    if let Some(scoring) = &item.scoring {
        sink.detail(&field(m, m.scoring, scoring));
    }
    sink.detail(&field(m, m.verification, &item.verification.submit));
    if let Some(authority) = &item.authority {
        sink.detail(&[plain(&fill(m.own_criterion, &[("authority", authority)]))]);
    }
    for (partial, labels) in [
        (false, &item.verification.labels),
        (true, &item.verification.partial_labels),
    ] {
        if labels.is_empty() {
            continue;
        }
        let lead = if partial {
            m.accepted_partial_proof
        } else {
            m.accepted_proof
        };
        let earlier = named
            .iter()
            .find(|(p, names, number)| *p == partial && names == labels && *number != item.number);
        let list = match earlier {
            Some((_, _, number)) => fill(m.labels_as_under, &[("number", number)]),
            None => {
                if !named
                    .iter()
                    .any(|(p, names, _)| *p == partial && names == labels)
                {
                    named.push((partial, labels.clone(), item.number.clone()));
                }
                let mut names = labels.clone();
                names.push(m.or_equivalent.to_string());
                names.join(", ")
            }
        };
        sink.detail(&field(m, lead, &list));
    }
    if !item.verification.equivalent.trim().is_empty() {
        sink.detail(&field(m, m.equivalent_proof, &item.verification.equivalent));
    }
    if doc.working_notes {
        sink.detail(&field(m, m.legal_basis, &item.legal.join("; ")));
        if !item.why.risks.is_empty() {
            sink.detail(&field(m, m.lot_risks, &item.why.risks.join(", ")));
        }
    }
}

/// "Lot 1: Laptops…" for each of these lot numbers the document has.
fn lot_titles(doc: &Document, numbers: &[usize]) -> Vec<String> {
    let m = doc.language.messages();
    numbers
        .iter()
        .filter_map(|n| doc.lots.iter().find(|l| l.number == *n))
        .map(|l| lot_title(m, l))
        .collect()
}

fn lot_title(m: &Messages, lot: &Lot) -> String {
    clean(&fill(
        m.lot_heading,
        &[("n", &lot.number.to_string()), ("name", &lot.name)],
    ))
}

fn walk_tender(doc: &Document, part: Part, sink: &mut dyn Sink) {
    let m = doc.language.messages();
    sink.heading(2, m.part_tender);
    sink.heading(3, m.lots_title);
    for lot in &doc.lots {
        let mut rows = vec![field(m, m.lot_cpv, &{
            let cpv: Vec<String> = lot
                .cpv
                .iter()
                .map(|c| format!("{} {}", c.code, c.label))
                .chain((!lot.cpv_note.trim().is_empty()).then(|| lot.cpv_note.clone()))
                .collect();
            cpv.join("; ")
        })];
        if !lot.features.is_empty() {
            let scope: Vec<&str> = lot.features.iter().map(|f| m.lot_feature(*f)).collect();
            rows.push(field(m, m.lot_scope, &scope.join("; ")));
        }
        if doc.lots.iter().any(|l| l.level != doc.level) {
            if let Some(level) = lot.level {
                rows.push(field(m, m.doc_level, m.level(level)));
            }
        }
        if lot.criteria == 0 {
            rows.push(vec![plain(m.lot_empty)]);
        }
        sink.paragraph(&[strong(&lot_title(m, lot))]);
        sink.bullets(&rows);
    }
    if doc.working_notes {
        sink.paragraph(&field(m, m.lot_risks, &doc.risks.join(", ")));
    }
    // The award stage is shown even without criteria when a lot's points are not allocated.
    let no_award = Layout::PerLot(Vec::new());
    let award_missing = part.tender(CriterionKind::AwardCriterion)
        && doc.lots.iter().any(|l| l.unallocated_points.is_some())
        && !doc
            .sections
            .iter()
            .any(|s| s.kind == CriterionKind::AwardCriterion);
    let mut layouts: Vec<(CriterionKind, &Layout)> = doc
        .sections
        .iter()
        .filter(|s| part.tender(s.kind))
        .map(|s| (s.kind, &s.layout))
        .collect();
    if award_missing {
        let at = layouts
            .iter()
            .position(|(kind, _)| *kind > CriterionKind::AwardCriterion)
            .unwrap_or(layouts.len());
        layouts.insert(at, (CriterionKind::AwardCriterion, &no_award));
    }
    let mut named = NamedLabels::new();
    for (kind, layout) in layouts {
        sink.heading(3, m.kind_heading(kind));
        match layout {
            Layout::Procedure(items) => {
                for item in items {
                    walk_item(doc, kind, item, true, &mut named, sink);
                }
            }
            Layout::PerLot(groups) => {
                for lot in &doc.lots {
                    let group = groups.iter().find(|g| g.lot == lot.number);
                    let unallocated = lot
                        .unallocated_points
                        .filter(|_| kind == CriterionKind::AwardCriterion);
                    if group.is_none() && unallocated.is_none() {
                        continue;
                    }
                    // One lot: its name is said once, in the lots above.
                    let several = doc.lots.len() > 1;
                    if several {
                        sink.heading(4, &lot_title(m, lot));
                    }
                    for item in group.iter().flat_map(|g| &g.items) {
                        walk_item(doc, kind, item, !several, &mut named, sink);
                    }
                    if let Some(group) = group
                        .filter(|g| kind == CriterionKind::AwardCriterion && !g.items.is_empty())
                    {
                        sink.table(&award_table(doc, &group.items));
                    }
                    // A gap in the weighting the buyer must resolve before publishing: a marker.
                    if let Some(total) = unallocated {
                        sink.paragraph(&[Inline {
                            style: Style::Missing,
                            text: fill(m.award_unallocated, &[("total", &total.to_string())]),
                        }]);
                    }
                }
            }
        }
    }
}

fn walk_plan(doc: &Document, sink: &mut dyn Sink) {
    let m = doc.language.messages();
    let Some(plan) = &doc.plan else {
        return;
    };
    sink.heading(2, m.part_plan);
    sink.paragraph(&[plain(m.plan_intro)]);
    for entry in plan {
        sink.heading(
            3,
            &entry_heading(
                m,
                doc,
                &entry.number,
                &entry.title,
                &entry.lots,
                Some(&entry.id),
            ),
        );
        let row = |label: &str, line: &[Span]| {
            let mut row = vec![labelled(m, label), plain(" ")];
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

fn walk_guidance(doc: &Document, sink: &mut dyn Sink) {
    let m = doc.language.messages();
    if !doc.guidance.is_empty() || !doc.scope_gaps.is_empty() {
        sink.heading(2, m.part_guidance);
        sink.paragraph(&[plain(m.guidance_intro)]);
        sink.paragraph(&field(m, m.guidance_risks, &doc.risks.join(", ")));
        for line in scope_gap_lines(doc) {
            sink.paragraph(&[plain(&line)]);
        }
        for entry in &doc.guidance {
            sink.heading(
                3,
                &entry_heading(
                    m,
                    doc,
                    &entry.number,
                    &entry.title,
                    &entry.lots,
                    Some(&entry.id),
                ),
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
            for duty in &entry.duties {
                sink.paragraph(&[plain(duty)]);
            }
            sink.paragraph(&field(m, m.guidance_addresses, &entry.addresses.join(", ")));
            sink.paragraph(&field(m, m.legal_basis, &entry.legal.join("; ")));
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
            .map(|l| field(m, &l.citation, &format!("{} {}", l.summary, l.url)))
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

/// What a lot misses for want of a yes to a scope question, in sentences.
pub fn scope_gap_lines(doc: &Document) -> Vec<String> {
    let m = doc.language.messages();
    doc.scope_gaps
        .iter()
        .map(|gap| {
            let lot = fill(
                m.lot_heading,
                &[("n", &gap.lot.to_string()), ("name", &gap.name)],
            );
            let risks: Vec<&str> = gap.risks.iter().map(String::as_str).collect();
            let template = if gap.held {
                m.scope_left_out(gap.feature)
            } else {
                m.scope_gap(gap.feature)
            };
            fill(
                template,
                &[
                    ("lot", &lot),
                    ("risks", &m.join_list(&risks)),
                    ("answer", m.answer_feature(gap.feature)),
                ],
            )
        })
        .collect()
}

/// Everything of `part` above the footer.
pub fn walk_body(doc: &Document, part: Part, sink: &mut dyn Sink) {
    let m = doc.language.messages();
    sink.heading(1, m.doc_title);
    if part != Part::Whole {
        sink.paragraph(&[plain(&fill(m.doc_part, &[("part", &part_name(m, part))]))]);
    }
    let authority = match &doc.authority {
        Some(a) => vec![labelled(m, m.doc_authority), plain(&format!(" {a}"))],
        None => vec![
            labelled(m, m.doc_authority),
            plain(" "),
            Inline {
                style: Style::Missing,
                text: m.marker_authority.to_string(),
            },
        ],
    };
    sink.paragraph(&authority);
    // The level is the buyer's working choice: text for publication leaves it out, unless the
    // buyer keeps the working notes.
    let for_publication = !part.has_plan() && !part.has_guidance() && !doc.working_notes;
    if let Some(level) = doc.level.filter(|_| !for_publication) {
        sink.paragraph(&field(m, m.doc_level, m.level(level)));
    }
    if part.has_tender() {
        let intro = if doc.working_notes {
            format!("{} {}", m.doc_intro, m.doc_intro_notes)
        } else {
            m.doc_intro.to_string()
        };
        sink.paragraph(&[plain(&intro)]);
        walk_tender(doc, part, sink);
    }
    if part.has_plan() {
        walk_plan(doc, sink);
    }
    if part.has_guidance() {
        walk_guidance(doc, sink);
    }
    if part == Part::Questionnaire {
        questionnaire::walk(doc, sink);
    }
    if part == Part::Notice {
        notice::walk(doc, sink);
    }
    if part == Part::Grid {
        grid::walk(doc, sink);
    }
}

/// The closing line and the footer naming the catalogue and the text hash of what is above it.
pub fn walk_footer(doc: &Document, text_hash: &str, sink: &mut dyn Sink) {
    let m = doc.language.messages();
    sink.rule();
    sink.paragraph(&[plain(&fill(
        m.footer,
        &[
            ("title", &doc.catalog_title),
            ("version", &doc.catalog_version),
            ("catalogue_hash", &doc.catalog_hash),
            ("text_hash", text_hash),
        ],
    ))]);
    if let Some(o) = &doc.overlay {
        sink.paragraph(&[plain(&fill(
            m.footer_overlay,
            &[
                ("authority", &o.authority),
                ("name", &o.name),
                ("version", &o.version),
                ("hash", &o.hash),
            ],
        ))]);
    }
    if let Some(t) = &doc.translation {
        sink.paragraph(&[plain(&fill(
            m.footer_translation,
            &[
                ("status", &t.status),
                ("version", &t.reference_version),
                ("reference_hash", &t.reference_hash),
            ],
        ))]);
    }
}

/// The text hash of a part: the document's own for the whole, else that of the part's text.
pub fn text_hash(doc: &Document, part: Part) -> String {
    match part {
        Part::Whole => doc.text_hash.clone(),
        part => super::digest::short_sha256(text::body(doc, part).as_bytes()),
    }
}

/// The file name of an export, e.g. `ethical-ict-criteria.md`.
pub fn file_name(extension: &str) -> String {
    format!("ethical-ict-criteria.{extension}")
}

/// A block of the document as the walker hands it to a format, kept so that the same document in
/// two languages can be laid out together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recorded {
    Heading(u8, String),
    Paragraph(Vec<Inline>),
    Bullets(Vec<Vec<Inline>>),
    Rule,
    Table(Table),
    Grid(Table),
}

impl Recorded {
    /// Writes the block into a format.
    pub fn replay(&self, sink: &mut dyn Sink) {
        match self {
            Recorded::Heading(level, text) => sink.heading(*level, text),
            Recorded::Paragraph(line) => sink.paragraph(line),
            Recorded::Bullets(items) => sink.bullets(items),
            Recorded::Rule => sink.rule(),
            Recorded::Table(table) => sink.table(table),
            Recorded::Grid(table) => sink.grid(table),
        }
    }

    /// Whether two blocks are the same kind of block with the same structure (a heading of the
    /// same level, a list of as many items), so they can stand side by side.
    fn matches(&self, other: &Recorded) -> bool {
        match (self, other) {
            (Recorded::Heading(a, _), Recorded::Heading(b, _)) => a == b,
            (Recorded::Paragraph(_), Recorded::Paragraph(_)) | (Recorded::Rule, Recorded::Rule) => {
                true
            }
            (Recorded::Bullets(a), Recorded::Bullets(b)) => a.len() == b.len(),
            (Recorded::Table(a), Recorded::Table(b)) | (Recorded::Grid(a), Recorded::Grid(b)) => {
                a.rows.len() == b.rows.len()
            }
            _ => false,
        }
    }
}

#[derive(Default)]
struct Recorder(Vec<Recorded>);

impl Sink for Recorder {
    fn heading(&mut self, level: u8, text: &str) {
        self.0.push(Recorded::Heading(level, text.to_string()));
    }
    fn paragraph(&mut self, line: &[Inline]) {
        self.0.push(Recorded::Paragraph(line.to_vec()));
    }
    fn bullets(&mut self, items: &[Vec<Inline>]) {
        self.0.push(Recorded::Bullets(items.to_vec()));
    }
    fn rule(&mut self) {
        self.0.push(Recorded::Rule);
    }
    fn table(&mut self, table: &Table) {
        self.0.push(Recorded::Table(table.clone()));
    }
    fn grid(&mut self, table: &Table) {
        self.0.push(Recorded::Grid(table.clone()));
    }
}

/// The same document in two languages, block beside block: `(first, second)` per row. The two
/// are assembled from the same answers and catalogues with the same entries, paragraphs and
/// lists (the translation check makes sure), so they pair up block by block; should they ever
/// not, the first language's document comes whole, then the second's.
pub type Rows = Vec<(Option<Recorded>, Option<Recorded>)>;

fn pair_up(first: Vec<Recorded>, second: Vec<Recorded>) -> Rows {
    let aligned =
        first.len() == second.len() && first.iter().zip(&second).all(|(a, b)| a.matches(b));
    if aligned {
        first
            .into_iter()
            .zip(second)
            .map(|(a, b)| (Some(a), Some(b)))
            .collect()
    } else {
        let mut rows: Rows = first.into_iter().map(|a| (Some(a), None)).collect();
        rows.extend(second.into_iter().map(|b| (None, Some(b))));
        rows
    }
}

fn record(walk: impl FnOnce(&mut dyn Sink)) -> Vec<Recorded> {
    let mut recorder = Recorder::default();
    walk(&mut recorder);
    recorder.0
}

/// The rows of a part in two languages, above the closing line.
pub fn body_rows(first: &Document, second: &Document, part: Part) -> Rows {
    pair_up(
        record(|s| walk_body(first, part, s)),
        record(|s| walk_body(second, part, s)),
    )
}

/// The footer rows of a two-language export, both naming the hash of its plain text.
pub fn footer_rows(first: &Document, second: &Document, text_hash: &str) -> Rows {
    pair_up(
        record(|s| walk_footer(first, text_hash, s)),
        record(|s| walk_footer(second, text_hash, s)),
    )
}

/// `[DE] `: what marks a block's language where the two follow each other (Markdown, text).
fn language_mark(doc: &Document) -> Inline {
    plain(&format!("[{}] ", doc.language.code().to_ascii_uppercase()))
}

/// Writes two-language rows one after the other into a format that has no columns: a heading
/// once, with both wordings ("Titel / Title"); each paragraph and list item in the first language
/// then in the second, each marked with its language.
pub fn interleave(rows: &Rows, first: &Document, second: &Document, sink: &mut dyn Sink) {
    let marked = |doc: &Document, line: &[Inline]| {
        let mut out = vec![language_mark(doc)];
        out.extend_from_slice(line);
        out
    };
    for row in rows {
        match row {
            (Some(Recorded::Heading(level, a)), Some(Recorded::Heading(_, b))) => {
                if a == b {
                    sink.heading(*level, a);
                } else {
                    sink.heading(*level, &format!("{a} / {b}"));
                }
            }
            (Some(Recorded::Paragraph(a)), Some(Recorded::Paragraph(b))) => {
                sink.paragraph(&marked(first, a));
                sink.paragraph(&marked(second, b));
            }
            (Some(Recorded::Bullets(a)), Some(Recorded::Bullets(b))) => {
                let items: Vec<Vec<Inline>> = a
                    .iter()
                    .zip(b)
                    .flat_map(|(x, y)| [marked(first, x), marked(second, y)])
                    .collect();
                sink.bullets(&items);
            }
            (Some(block), _) | (None, Some(block)) => {
                let doc = if row.0.is_some() { first } else { second };
                match block {
                    Recorded::Paragraph(line) => sink.paragraph(&marked(doc, line)),
                    Recorded::Bullets(items) => {
                        let items: Vec<Vec<Inline>> =
                            items.iter().map(|i| marked(doc, i)).collect();
                        sink.bullets(&items);
                    }
                    other => other.replay(sink),
                }
            }
            (None, None) => {}
        }
    }
}

/// The text hash of a part in two languages, from its rows (walked once): that of its
/// two-language plain text.
pub fn pair_text_hash(rows: &Rows, first: &Document, second: &Document) -> String {
    super::digest::short_sha256(text::rows_text(rows, first, second).as_bytes())
}

/// A file the export offers: what it is called, its MIME type, and how a document becomes its
/// bytes. The export panel and the command line both list and render formats only through this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Text,
    /// The standalone, print-friendly HTML file.
    Html,
    /// The evaluation grid of the award criteria, as CSV (whatever the part).
    GridCsv,
    /// Word (Office Open XML).
    Docx,
    /// OpenDocument text (LibreOffice).
    Odt,
    /// The notice data as JSON (whatever the part).
    NoticeJson,
}

impl Format {
    /// In the order the export panel offers them.
    pub const ALL: [Format; 7] = [
        Format::Docx,
        Format::Odt,
        Format::Markdown,
        Format::Text,
        Format::Html,
        Format::GridCsv,
        Format::NoticeJson,
    ];

    /// The name on the command line (`--format`).
    pub fn code(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Text => "text",
            Format::Html => "html",
            Format::GridCsv => "grid-csv",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::NoticeJson => "notice-json",
        }
    }

    pub fn from_code(code: &str) -> Option<Format> {
        match code {
            "md" => Some(Format::Markdown),
            "txt" => Some(Format::Text),
            "csv" | "grid" => Some(Format::GridCsv),
            "notice" | "json" => Some(Format::NoticeJson),
            code => Format::ALL.into_iter().find(|f| f.code() == code),
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Html => "html",
            Format::GridCsv => "csv",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::NoticeJson => "json",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Markdown => "text/markdown;charset=utf-8",
            Format::Text => "text/plain;charset=utf-8",
            Format::Html => "text/html;charset=utf-8",
            Format::GridCsv => "text/csv;charset=utf-8",
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Odt => "application/vnd.oasis.opendocument.text",
            Format::NoticeJson => "application/json",
        }
    }

    /// The download button's words.
    pub fn label(self, m: &Messages) -> &'static str {
        match self {
            Format::Markdown => m.download_markdown,
            Format::Text => m.download_text,
            Format::Html => m.download_html,
            Format::GridCsv => m.download_grid,
            Format::Docx => m.download_docx,
            Format::Odt => m.download_odt,
            Format::NoticeJson => m.download_notice,
        }
    }

    /// The file's name for a part: the grid is the award criteria's whatever the part.
    pub fn file_name(self, part: Part) -> String {
        match self {
            Format::GridCsv => "ethical-ict-criteria-evaluation-grid.csv".to_string(),
            Format::NoticeJson => "ethical-ict-criteria-notice-data.json".to_string(),
            format => part.file_name(format.extension()),
        }
    }

    /// The file's bytes: what the widget downloads and the command line prints. A part in one
    /// language or, with `second`, in two (side by side in HTML and the office files, paragraph
    /// after paragraph in Markdown and text).
    pub fn render(self, first: &Document, second: Option<&Document>, part: Part) -> Vec<u8> {
        self.render_with(first, second, part, None)
    }

    /// The file's bytes, the office formats in the buyer's template where one of their kind is
    /// given (the other formats have no styles to take from it).
    pub fn render_with(
        self,
        first: &Document,
        second: Option<&Document>,
        part: Part,
        template: Option<&office::template::Template>,
    ) -> Vec<u8> {
        match self {
            Format::Docx => office::docx::render(first, second, part, template),
            Format::Odt => office::odt::render(first, second, part, template),
            format => format.render_text(first, second, part).unwrap_or_default(),
        }
    }

    /// Whether the widget writes this format in its office worker (a second WebAssembly module
    /// fetched on the first such download) rather than on the page.
    pub fn in_worker(self) -> bool {
        matches!(self, Format::Docx | Format::Odt)
    }

    /// The bytes of a format written on the page (all but the office files, `None` for those):
    /// the widget calls only this, so the office writers stay out of its first load.
    pub fn render_text(
        self,
        first: &Document,
        second: Option<&Document>,
        part: Part,
    ) -> Option<Vec<u8>> {
        Some(match (self, second) {
            (Format::Markdown, None) => markdown::render(first, part).into_bytes(),
            (Format::Markdown, Some(second)) => {
                markdown::render_pair(first, second, part).into_bytes()
            }
            (Format::Text, None) => text::render(first, part).into_bytes(),
            (Format::Text, Some(second)) => text::render_pair(first, second, part).into_bytes(),
            (Format::Html, None) => html::standalone(first, part).into_bytes(),
            (Format::Html, Some(second)) => html::standalone_pair(first, second, part).into_bytes(),
            // The evaluators score in one language: the first.
            (Format::GridCsv, _) => grid::csv(first).into_bytes(),
            // The notice is published in the first language; a second is a separate notice.
            (Format::NoticeJson, _) => notice::json(first).into_bytes(),
            (Format::Docx | Format::Odt, _) => return None,
        })
    }
}
