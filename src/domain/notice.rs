//! What the widget could not use from outside input (a shared link, host options), told to the buyer.

use super::catalog::{ChangeKind, LotFeature};
use super::details::DetailField;

/// One thing that was ignored or changed while reading outside input; the rest still works.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The link is longer than the widget reads at all.
    LinkTooLong {
        length: usize,
        max: usize,
    },
    /// The link names no format version; it was read as the current one.
    NoVersion,
    /// The link was made by a newer version of the widget; parts may be missing.
    NewerVersion(String),
    UnknownCategory(String),
    UnknownRisk(String),
    UnknownLevel(String),
    UnknownStage(String),
    /// A dropped criterion the catalogue no longer has.
    UnknownCriterion(String),
    /// A part of the link the widget does not know.
    UnknownPart(String),
    /// A part whose characters could not be decoded.
    Undecodable(String),
    /// A typed value longer than the field keeps; it was cut.
    ValueCut(DetailField),
    /// The draft saved in this browser was damaged; what could be read was restored.
    DraftDamaged,
    /// The draft saved in this browser could not be read at all.
    DraftUnreadable,
    /// A link asked for a language the widget does not have; it opens in the default language.
    UnknownLanguage(String),
    /// A scope answer (take-back, refurbished) for a lot whose category does not ask it.
    UnknownScope(LotFeature, String),
    /// The link or draft was made before the catalogue asked this scope question; the lots
    /// listed (category names) are read as answering no.
    ScopeNotAsked {
        feature: LotFeature,
        lots: Vec<String>,
    },
    /// The answers were saved with an older catalogue (`None`: before versions were recorded).
    OlderCatalogue {
        from: Option<String>,
        to: String,
    },
    /// The answers name a catalogue version this widget does not know.
    UnknownCatalogue(String),
    /// Answers were opened from a file (its name).
    FileOpened(String),
    /// A file could not be opened as saved answers; nothing changed.
    FileUnusable {
        file: String,
        problem: super::saved::OpenProblem,
    },
    /// A criterion of this selection changed since the answers were saved.
    CriterionChanged {
        version: String,
        id: String,
        title: String,
        what: ChangeKind,
        reason: String,
    },
}
