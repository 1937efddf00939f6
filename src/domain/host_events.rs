//! What the widget tells its host page, as DOM events on the widget (they bubble to the element
//! it was mounted in, and cross a shadow root): the answers changed, a document was exported,
//! the language changed. The payloads are documented in README ("Events for the host page") and
//! carry nothing the buyer typed unless the host asked for it (`eventText: true`).

use super::details::ContractDetails;
use super::fragment;
use super::i18n::Language;
use super::selection::{Selection, Step};

/// The answers changed (or the step): on every change, not on mounting.
pub const SELECTION: &str = "ethical-ict-criteria:selection";
/// A document was exported: downloaded or copied.
pub const EXPORT: &str = "ethical-ict-criteria:export";
/// The widget's language changed.
pub const LANGUAGE: &str = "ethical-ict-criteria:language";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectionEvent {
    /// `products`, `risks`, `ambition`, `details` or `review`.
    pub step: &'static str,
    pub categories: Vec<String>,
    pub risks: Vec<String>,
    pub level: Option<&'static str>,
    pub stages: Vec<&'static str>,
    /// The answers in link form, to store or to mount another widget with; without the details
    /// the buyer typed unless the host asked for typed text.
    pub link: String,
    /// Whether `link` carries the typed details.
    pub with_text: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportEvent {
    /// `docx`, `odt`, `markdown`, `text`, `html`, `grid-csv`, `notice-json`, or `copy-formatted`,
    /// `copy-plain` for the clipboard.
    pub format: &'static str,
    /// The part exported, as `criteria render --part` names it.
    pub part: &'static str,
    /// The file's name (empty for a copy).
    pub file: String,
    /// The documents' languages, the first one first.
    pub languages: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageEvent {
    pub language: &'static str,
    /// The language the documents are written in (English where the catalogue is not translated).
    pub document_language: &'static str,
}

/// A value of an event's `detail`, as the browser turns it into JavaScript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    List(Vec<String>),
    Bool(bool),
    Null,
}

fn text(value: &str) -> Value {
    Value::Text(value.to_string())
}

fn list<S: AsRef<str>>(values: &[S]) -> Value {
    Value::List(values.iter().map(|v| v.as_ref().to_string()).collect())
}

/// An event's `detail`: its members, named as documented (camelCase).
pub trait Detail {
    fn detail(&self) -> Vec<(&'static str, Value)>;
}

impl Detail for SelectionEvent {
    fn detail(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("step", text(self.step)),
            ("categories", list(&self.categories)),
            ("risks", list(&self.risks)),
            ("level", self.level.map_or(Value::Null, text)),
            ("stages", list(&self.stages)),
            ("link", text(&self.link)),
            ("withText", Value::Bool(self.with_text)),
        ]
    }
}

impl Detail for ExportEvent {
    fn detail(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("format", text(self.format)),
            ("part", text(self.part)),
            ("file", text(&self.file)),
            ("languages", list(&self.languages)),
        ]
    }
}

impl Detail for LanguageEvent {
    fn detail(&self) -> Vec<(&'static str, Value)> {
        vec![
            ("language", text(self.language)),
            ("documentLanguage", text(self.document_language)),
        ]
    }
}

fn step_code(step: Step) -> &'static str {
    match step {
        Step::Products => "products",
        Step::Risks => "risks",
        Step::Ambition => "ambition",
        Step::Details => "details",
        Step::Review => "review",
    }
}

/// The selection event: typed details only with `with_text`.
pub fn selection_event(selection: &Selection, step: Step, with_text: bool) -> SelectionEvent {
    let link = if with_text {
        fragment::encode(selection)
    } else {
        fragment::encode(&Selection {
            details: ContractDetails::default(),
            ..selection.clone()
        })
    };
    SelectionEvent {
        step: step_code(step),
        categories: selection.categories.iter().cloned().collect(),
        risks: selection.risks.iter().cloned().collect(),
        level: selection.level.map(|l| l.code()),
        stages: selection.stages.iter().map(|s| s.code()).collect(),
        link,
        with_text,
    }
}

pub fn language_event(language: Language) -> LanguageEvent {
    LanguageEvent {
        language: language.code(),
        document_language: language.document_language().code(),
    }
}
