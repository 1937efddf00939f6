//! Tender text templates: paragraphs, bullet lists and named placeholders.
//!
//! The syntax is deliberately tiny so that catalogue authors cannot smuggle markup into a tender:
//! a blank line separates paragraphs, a line starting with `- ` is a bullet, `{name}` is a placeholder
//! and `{{` / `}}` are literal braces. Shared with `build.rs`, so it depends on nothing.

use std::fmt;

/// A value the buyer supplies (or the assembly computes) that is filled into tender text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Placeholder {
    Authority,
    Lot,
    ContractDuration,
    EstimatedValue,
    Points,
    DisclosureDays,
    RemediationDays,
    /// Days to answer a request for evidence or information, or to report a change.
    ResponseDays,
    /// Working days to report a breach, an incident or a lapsed certificate.
    NoticeDays,
    /// Working days to hand over a site's documents after a breach is reported there.
    DocumentsDays,
    /// Working days a reminder gives before escalation.
    ReminderDays,
    /// Days to report on equipment after each take-back or return.
    ReportDays,
    AnnualReportDays,
    /// Where the buyer publishes the table of what each accepted label covers (an annex).
    LabelTable,
    /// The percentage of a lot's price that may be held back for a breach (a bare number).
    WithholdShare,
}

impl Placeholder {
    pub const ALL: [Placeholder; 15] = [
        Placeholder::Authority,
        Placeholder::Lot,
        Placeholder::ContractDuration,
        Placeholder::EstimatedValue,
        Placeholder::Points,
        Placeholder::DisclosureDays,
        Placeholder::RemediationDays,
        Placeholder::ResponseDays,
        Placeholder::NoticeDays,
        Placeholder::DocumentsDays,
        Placeholder::ReminderDays,
        Placeholder::ReportDays,
        Placeholder::AnnualReportDays,
        Placeholder::LabelTable,
        Placeholder::WithholdShare,
    ];

    /// The name used between braces in catalogue text.
    pub fn key(self) -> &'static str {
        match self {
            Placeholder::Authority => "authority",
            Placeholder::Lot => "lot",
            Placeholder::ContractDuration => "contract_duration",
            Placeholder::EstimatedValue => "estimated_value",
            Placeholder::Points => "points",
            Placeholder::DisclosureDays => "disclosure_days",
            Placeholder::RemediationDays => "remediation_days",
            Placeholder::ResponseDays => "response_days",
            Placeholder::NoticeDays => "notice_days",
            Placeholder::DocumentsDays => "documents_days",
            Placeholder::ReminderDays => "reminder_days",
            Placeholder::ReportDays => "report_days",
            Placeholder::AnnualReportDays => "annual_report_days",
            Placeholder::LabelTable => "label_table",
            Placeholder::WithholdShare => "withhold_share",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// A piece of a line: literal text or a placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Slot(Placeholder),
}

/// A paragraph or a bullet list, each line a sequence of pieces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block<L> {
    Paragraph(L),
    Bullets(Vec<L>),
}

/// Why a template is malformed; the build reports it with the file and criterion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    UnknownPlaceholder(String),
    UnclosedBrace,
    StrayClosingBrace,
    Empty,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::UnknownPlaceholder(name) => {
                let known: Vec<&str> = Placeholder::ALL.iter().map(|p| p.key()).collect();
                write!(
                    f,
                    "unknown placeholder {{{name}}} (known: {})",
                    known.join(", ")
                )
            }
            TemplateError::UnclosedBrace => write!(
                f,
                "a '{{' is never closed (write '{{{{' for a literal brace)"
            ),
            TemplateError::StrayClosingBrace => write!(
                f,
                "a '}}' has no opening brace (write '}}}}' for a literal brace)"
            ),
            TemplateError::Empty => write!(f, "the text is empty"),
        }
    }
}

/// Parses a template into blocks, rejecting unknown placeholders and unbalanced braces.
pub fn parse(text: &str) -> Result<Vec<Block<Vec<Piece>>>, TemplateError> {
    let mut blocks = Vec::new();
    for chunk in paragraphs(text) {
        let lines: Vec<&str> = chunk.lines().map(str::trim).collect();
        if lines.iter().all(|l| l.starts_with("- ")) {
            let items = lines
                .iter()
                .map(|l| parse_line(l[2..].trim()))
                .collect::<Result<Vec<_>, _>>()?;
            blocks.push(Block::Bullets(items));
        } else {
            // A paragraph may be introduced by prose and followed by bullets in the same chunk.
            let split = lines.iter().position(|l| l.starts_with("- "));
            let (prose, bullets) = lines.split_at(split.unwrap_or(lines.len()));
            blocks.push(Block::Paragraph(parse_line(&prose.join(" "))?));
            if !bullets.is_empty() {
                let items = bullets
                    .iter()
                    .map(|l| parse_line(l.trim_start_matches("- ").trim()))
                    .collect::<Result<Vec<_>, _>>()?;
                blocks.push(Block::Bullets(items));
            }
        }
    }
    if blocks.is_empty() {
        return Err(TemplateError::Empty);
    }
    Ok(blocks)
}

/// The placeholders a template uses, in order of first use.
pub fn placeholders(blocks: &[Block<Vec<Piece>>]) -> Vec<Placeholder> {
    let mut found = Vec::new();
    let mut visit = |line: &Vec<Piece>| {
        for piece in line {
            if let Piece::Slot(p) = piece {
                if !found.contains(p) {
                    found.push(*p);
                }
            }
        }
    };
    for block in blocks {
        match block {
            Block::Paragraph(line) => visit(line),
            Block::Bullets(items) => items.iter().for_each(&mut visit),
        }
    }
    found
}

fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current.join("\n"));
    }
    out
}

fn parse_line(line: &str) -> Result<Vec<Piece>, TemplateError> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                text.push('}');
            }
            '{' => {
                let mut name = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some(ch) => name.push(ch),
                        None => return Err(TemplateError::UnclosedBrace),
                    }
                }
                let slot = Placeholder::from_key(name.trim())
                    .ok_or(TemplateError::UnknownPlaceholder(name))?;
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(Piece::Slot(slot));
            }
            '}' => return Err(TemplateError::StrayClosingBrace),
            _ => text.push(c),
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    Ok(pieces)
}
