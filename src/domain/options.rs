//! Options a host page passes to `mount`: read leniently in type, strictly in meaning.
//!
//! Unknown or mistyped options are rejected with a message that names the field, because a silent
//! default would leave a host developer guessing why the widget ignores them.

use super::i18n::Language;
use serde::Deserialize;
use thiserror::Error;

/// The options as the host wrote them (JavaScript names, camelCase).
#[derive(Deserialize, Debug, Clone, Default, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RawOptions {
    pub language: Option<String>,
    /// A selection in the URL-fragment format, e.g. copied from a shared link.
    pub selection: Option<String>,
    pub theme: Option<String>,
    /// Keep the page's URL fragment in step with the selection (for stand-alone pages).
    pub sync_url: Option<bool>,
    /// Keep a draft of the answers in the browser's storage under this name (opt-in, per widget).
    pub storage_key: Option<String>,
    /// Let the events the widget sends the host carry what the buyer typed (opt-in).
    pub event_text: Option<bool>,
}

/// Colour scheme; `Auto` follows the visitor's system setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    pub fn code(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Checked options.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HostOptions {
    pub language: Language,
    pub selection: Option<String>,
    pub theme: Theme,
    pub sync_url: bool,
    pub storage_key: Option<String>,
    pub event_text: bool,
}

/// What is wrong with the options a host passed: said to the host's developer (in English, like
/// the rest of the JavaScript API), naming the field.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum OptionsError {
    #[error("invalid option `{field}`: {reason}")]
    Invalid { field: String, reason: String },
    #[error("invalid options: expected an object such as {{ language: \"en\" }}")]
    NotAnObject,
    #[error("unknown option `{key}` (known: {known})")]
    Unknown { key: String, known: String },
    #[error("invalid option `{field}`: expected {expected}, got {got}")]
    WrongType {
        field: String,
        expected: &'static str,
        got: String,
    },
}

fn one_of<T: Copy>(
    field: &str,
    value: &str,
    all: &[T],
    code: impl Fn(T) -> &'static str,
) -> Result<T, OptionsError> {
    all.iter()
        .copied()
        .find(|v| code(*v) == value)
        .ok_or_else(|| {
            let known: Vec<String> = all.iter().map(|v| format!("\"{}\"", code(*v))).collect();
            OptionsError::Invalid {
                field: field.to_string(),
                reason: format!("expected one of {}, got {value:?}", known.join(", ")),
            }
        })
}

impl RawOptions {
    /// The option names a host may pass, as written in JavaScript.
    pub const FIELDS: [&'static str; 6] = [
        "language",
        "selection",
        "theme",
        "syncUrl",
        "storageKey",
        "eventText",
    ];

    /// The longest storage key accepted.
    pub const MAX_STORAGE_KEY: usize = 64;

    pub fn check(self) -> Result<HostOptions, OptionsError> {
        let language = match self.language.as_deref() {
            None => Language::default(),
            Some(code) => one_of("language", code, &Language::ALL, Language::code)?,
        };
        let theme = match self.theme.as_deref() {
            None => Theme::default(),
            Some(code) => one_of("theme", code, &Theme::ALL, Theme::code)?,
        };
        if let Some(key) = self.storage_key.as_deref() {
            let well_formed = !key.is_empty()
                && key.len() <= Self::MAX_STORAGE_KEY
                && key
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
            if !well_formed {
                return Err(OptionsError::Invalid {
                    field: "storageKey".into(),
                    reason: format!(
                        "expected 1 to {} letters, digits, '-', '_' or '.', got {:?}",
                        Self::MAX_STORAGE_KEY,
                        key.chars().take(80).collect::<String>()
                    ),
                });
            }
        }
        Ok(HostOptions {
            language,
            selection: self.selection,
            theme,
            sync_url: self.sync_url.unwrap_or(false),
            storage_key: self.storage_key,
            event_text: self.event_text.unwrap_or(false),
        })
    }
}
