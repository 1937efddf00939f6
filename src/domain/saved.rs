//! Answers saved as a file and opened again: a small versioned JSON document holding the
//! selection, the same one `criteria render --json` reads (schema: `docs/answers.md`).
//!
//! Opening is strict about the file's shape and lenient about its content, as links are: a value
//! of the wrong kind or an unknown member of the answers rejects the file with the member's path
//! (nothing the buyer has on screen changes), while names the catalogue does not know are left out
//! and said as notices when the answers are adopted.
//!
//! Written and read by hand over a plain [`Json`] value rather than through serde: serde's
//! generic code for the selection, once for the browser's values and once for the error paths,
//! cost the widget's first load 29 KB gzip; this costs a tenth of that. The command line and the
//! widget share this one reader and writer, so their files are the same bytes; a test holds the
//! writer to serde's own output of [`SavedAnswers`].

use super::catalog::AmbitionLevel;
use super::details::DetailField;
use super::fragment;
use super::notice::Notice;
use super::selection::{Pairs, ProcedureStage, Selection};
use serde::Serialize;
use std::collections::BTreeSet;

/// What `format` says in every file of saved answers.
pub const FORMAT: &str = "ethical-ict-criteria-answers";
/// The version of the file's layout this widget writes and reads.
pub const VERSION: u32 = 1;
/// Files larger than this are not read (a saved selection is a few kilobytes).
pub const MAX_BYTES: u64 = 1_000_000;
/// Values nested deeper than this are not read (saved answers nest three deep).
pub const MAX_DEPTH: usize = 16;

/// The file's layout, as serde writes it: the reference the hand-written [`write`] is tested
/// against (and what `--json` reads without the frame).
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct SavedAnswers<'a> {
    pub format: &'static str,
    pub version: u32,
    pub answers: &'a Selection,
}

pub fn save(selection: &Selection) -> SavedAnswers<'_> {
    SavedAnswers {
        format: FORMAT,
        version: VERSION,
        answers: selection,
    }
}

/// A JSON value as the browser's `JSON.parse` or serde_json hands it over.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

#[cfg(feature = "cli")]
impl From<&serde_json::Value> for Json {
    fn from(value: &serde_json::Value) -> Self {
        use serde_json::Value;
        match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => Json::Number(n.as_f64().unwrap_or(f64::NAN)),
            Value::String(s) => Json::String(s.clone()),
            Value::Array(items) => Json::Array(items.iter().map(Json::from).collect()),
            Value::Object(members) => Json::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.clone(), Json::from(v)))
                    .collect(),
            ),
        }
    }
}

/// Why a file could not be opened; the buyer's answers stay as they were.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenProblem {
    /// Larger than [`MAX_BYTES`].
    TooLarge { bytes: u64 },
    /// Not JSON at all.
    NotJson,
    /// JSON, but not saved answers (not an object, or no or another `format`).
    NotAnswers,
    /// Saved by a newer version of the widget, whose layout this one does not know.
    NewerVersion(u32),
    /// A member that is not where it may be, or whose value is of the wrong kind.
    Field { path: String, reason: String },
}

impl std::fmt::Display for OpenProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenProblem::TooLarge { bytes } => {
                write!(
                    f,
                    "the file has {bytes} bytes; saved answers have at most {MAX_BYTES}"
                )
            }
            OpenProblem::NotJson => write!(f, "the file is not JSON"),
            OpenProblem::NotAnswers => write!(
                f,
                "the file is not saved answers (its \"format\" is not \"{FORMAT}\")"
            ),
            OpenProblem::NewerVersion(v) => write!(
                f,
                "the file was saved in layout version {v}; this version reads layout {VERSION}"
            ),
            OpenProblem::Field { path, reason } => write!(f, "field \"{path}\": {reason}"),
        }
    }
}

fn wrong(path: &str, reason: &str) -> OpenProblem {
    OpenProblem::Field {
        path: path.to_string(),
        reason: reason.to_string(),
    }
}

/// Reads saved answers. The answers come back as a draft with them would give them, with the
/// notices of what that reading left out; the catalogue's own checks follow when they are adopted.
pub fn open(value: &Json) -> Result<(Selection, Vec<Notice>), OpenProblem> {
    let Json::Object(members) = value else {
        return Err(OpenProblem::NotAnswers);
    };
    let member = |name: &str| members.iter().find(|(k, _)| k == name).map(|(_, v)| v);
    if !matches!(member("format"), Some(Json::String(f)) if f == FORMAT) {
        return Err(OpenProblem::NotAnswers);
    }
    match member("version") {
        Some(Json::Number(v)) if *v == f64::from(VERSION) => {}
        Some(Json::Number(v)) if v.fract() == 0.0 && *v > f64::from(VERSION) => {
            // Saturating: an absurd version is still "newer".
            return Err(OpenProblem::NewerVersion(*v as u32));
        }
        _ => return Err(wrong("version", &format!("must be the number {VERSION}"))),
    }
    // Other members beside these (a note someone added) are left alone.
    let selection = match member("answers") {
        None | Some(Json::Null) => Selection::default(),
        Some(Json::Object(answers)) => read_answers(answers)?,
        Some(_) => return Err(wrong("answers", "must be an object")),
    };
    Ok(normalise(&selection))
}

fn strings(value: &Json, path: &str) -> Result<BTreeSet<String>, OpenProblem> {
    let Json::Array(items) = value else {
        return Err(wrong(path, "must be a list of texts"));
    };
    // Inserted one by one: collecting into a set would bring a sort routine into the widget.
    let mut set = BTreeSet::new();
    for (i, item) in items.iter().enumerate() {
        match item {
            Json::String(s) => set.insert(s.clone()),
            _ => return Err(wrong(&format!("{path}[{i}]"), "must be a text")),
        };
    }
    Ok(set)
}

fn text(value: &Json, path: &str) -> Result<String, OpenProblem> {
    match value {
        Json::String(s) => Ok(s.clone()),
        _ => Err(wrong(path, "must be a text")),
    }
}

fn read_answers(members: &[(String, Json)]) -> Result<Selection, OpenProblem> {
    let mut s = Selection::default();
    for (key, value) in members {
        let path = format!("answers.{key}");
        let path = path.as_str();
        match key.as_str() {
            "categories" => s.categories = strings(value, path)?,
            "risks" => s.risks = strings(value, path)?,
            "dropped" => s.dropped = strings(value, path)?,
            "take_back" => s.take_back = strings(value, path)?,
            "refurbished" => s.refurbished = strings(value, path)?,
            "refurbished_only" => s.refurbished_only = strings(value, path)?,
            "one_off" => s.one_off = strings(value, path)?,
            "added" => s.added = strings(value, path)?,
            "level" => {
                s.level = match value {
                    Json::Null => None,
                    Json::String(code) => Some(
                        AmbitionLevel::from_code(code)
                            .ok_or_else(|| wrong(path, "must be basic, advanced or spearhead"))?,
                    ),
                    _ => return Err(wrong(path, "must be basic, advanced or spearhead")),
                }
            }
            "stages" => {
                let Json::Array(items) = value else {
                    return Err(wrong(path, "must be a list of stages"));
                };
                for (i, item) in items.iter().enumerate() {
                    let stage = match item {
                        Json::String(code) => ProcedureStage::from_code(code),
                        _ => None,
                    };
                    s.stages.insert(stage.ok_or_else(|| {
                        wrong(
                            &format!("{path}[{i}]"),
                            "must be selection, specifications, award, contract or management",
                        )
                    })?);
                }
            }
            "lot_levels" | "joined" => {
                let mut pairs = Pairs::default();
                for (i, entry) in strings(value, path)?.iter().enumerate() {
                    let (k, v) = entry
                        .split_once(':')
                        .ok_or_else(|| wrong(&format!("{path}[{i}]"), "must be key:value"))?;
                    pairs.insert(k, v);
                }
                if key == "joined" {
                    s.joined = pairs;
                } else {
                    s.lot_levels = pairs;
                }
            }
            "details" => {
                let Json::Object(fields) = value else {
                    return Err(wrong(path, "must be an object"));
                };
                for (name, value) in fields {
                    let field_path = format!("{path}.{name}");
                    let field = DetailField::ALL
                        .into_iter()
                        .find(|f| json_name(*f) == *name)
                        .ok_or_else(|| wrong(&field_path, "is not a contract detail"))?;
                    *s.details.get_mut(field) = text(value, &field_path)?;
                }
            }
            "working_notes" => {
                s.working_notes = match value {
                    Json::Bool(b) => *b,
                    _ => return Err(wrong(path, "must be true or false")),
                }
            }
            "language" => s.language = text(value, path)?,
            "second_language" => s.second_language = text(value, path)?,
            "catalog_version" => s.catalog_version = text(value, path)?,
            _ => return Err(wrong(path, "is not an answer this tool knows")),
        }
    }
    Ok(s)
}

/// The member name of a contract detail (`contract_months`).
fn json_name(field: DetailField) -> String {
    field.code().replace('-', "_")
}

/// A selection as it would come back from a draft holding it: through the same reader, so that a
/// file can hold nothing a draft could not (the form a link has is the one every check knows).
pub fn normalise(selection: &Selection) -> (Selection, Vec<Notice>) {
    let (selection, notices) = fragment::decode_draft(&fragment::encode(selection));
    // The fragment form has a version mark; a file's own version was checked above.
    let notices = notices
        .into_iter()
        .filter(|n| *n != Notice::NoVersion)
        .collect();
    (selection, notices)
}

/// A JSON string, escaped as `JSON.stringify` and serde_json escape it.
pub(crate) fn quote(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The file of saved answers, laid out as `JSON.stringify(value, null, 2)` and serde_json's
/// pretty printer lay it out, with a final line break.
pub fn write(selection: &Selection) -> String {
    fn list(out: &mut String, name: &str, items: Vec<String>) {
        out.push_str(&format!("    \"{name}\": ["));
        for (i, item) in items.iter().enumerate() {
            out.push_str(if i == 0 { "\n      " } else { ",\n      " });
            quote(out, item);
        }
        out.push_str(if items.is_empty() {
            "],\n"
        } else {
            "\n    ],\n"
        });
    }
    let strings = |set: &BTreeSet<String>| set.iter().cloned().collect::<Vec<_>>();
    let pairs = |pairs: &Pairs| {
        pairs
            .iter()
            .map(|(k, v)| format!("{k}:{v}"))
            .collect::<Vec<_>>()
    };
    let mut out = String::new();
    out.push_str("{\n  \"format\": ");
    quote(&mut out, FORMAT);
    out.push_str(&format!(
        ",\n  \"version\": {VERSION},\n  \"answers\": {{\n"
    ));
    list(&mut out, "categories", strings(&selection.categories));
    list(&mut out, "risks", strings(&selection.risks));
    out.push_str("    \"level\": ");
    match selection.level {
        Some(level) => quote(&mut out, level.code()),
        None => out.push_str("null"),
    }
    out.push_str(",\n");
    let stages = selection.stages.iter().map(|s| s.code().to_string());
    list(&mut out, "stages", stages.collect());
    out.push_str("    \"details\": {");
    for (i, field) in DetailField::ALL.into_iter().enumerate() {
        out.push_str(if i == 0 { "\n      " } else { ",\n      " });
        quote(&mut out, &json_name(field));
        out.push_str(": ");
        quote(&mut out, selection.details.get(field));
    }
    out.push_str("\n    },\n");
    list(&mut out, "dropped", strings(&selection.dropped));
    list(&mut out, "take_back", strings(&selection.take_back));
    list(&mut out, "refurbished", strings(&selection.refurbished));
    list(
        &mut out,
        "refurbished_only",
        strings(&selection.refurbished_only),
    );
    list(&mut out, "one_off", strings(&selection.one_off));
    list(&mut out, "added", strings(&selection.added));
    list(&mut out, "lot_levels", pairs(&selection.lot_levels));
    list(&mut out, "joined", pairs(&selection.joined));
    out.push_str(&format!(
        "    \"working_notes\": {},\n",
        selection.working_notes
    ));
    for (name, value, last) in [
        ("language", &selection.language, false),
        ("second_language", &selection.second_language, false),
        ("catalog_version", &selection.catalog_version, true),
    ] {
        out.push_str(&format!("    \"{name}\": "));
        quote(&mut out, value);
        out.push_str(if last { "\n" } else { ",\n" });
    }
    out.push_str("  }\n}\n");
    out
}

/// The file name of saved answers, with the day they were saved (`YYYY-MM-DD`).
pub fn file_name(today: &str) -> String {
    if today.is_empty() {
        "ethical-ict-criteria-answers.json".to_string()
    } else {
        format!("ethical-ict-criteria-answers-{today}.json")
    }
}
