//! Options a host page passes to `mount`: read leniently in type, strictly in meaning.
//!
//! Unknown or mistyped options are rejected with a message that names the field, because a silent
//! default would leave a host developer guessing why the widget ignores them.

use super::i18n::Language;
use super::overlay::OverlaySource;
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
    /// The folder the catalogue and message files are published in, when not next to the widget.
    pub catalog_url: Option<String>,
    /// The host's own accessibility statement, linked from the widget instead of ours.
    pub accessibility_statement: Option<String>,
    /// The authority's overlay: the address of its JSON form, or the object (read by the page).
    #[serde(skip)]
    pub overlay: Option<OverlaySource>,
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
    /// The catalogue folder's address as given, ending in `/` (resolved by the page).
    pub catalog_url: Option<String>,
    pub accessibility_statement: Option<String>,
    pub overlay: Option<OverlaySource>,
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
    pub const FIELDS: [&'static str; 9] = [
        "language",
        "selection",
        "theme",
        "syncUrl",
        "storageKey",
        "eventText",
        "catalogUrl",
        "accessibilityStatement",
        "overlay",
    ];

    /// The longest address accepted for `catalogUrl` and `accessibilityStatement`.
    pub const MAX_URL: usize = 2048;

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
        let catalog_url = self
            .catalog_url
            .as_deref()
            .map(|url| web_address("catalogUrl", url))
            .transpose()?
            .map(|url| {
                // A folder: the files' names are appended.
                let url = url.split(['?', '#']).next().unwrap_or_default();
                if url.ends_with('/') {
                    url.to_string()
                } else {
                    format!("{url}/")
                }
            });
        let accessibility_statement = self
            .accessibility_statement
            .as_deref()
            .map(|url| web_address("accessibilityStatement", url).map(str::to_string))
            .transpose()?;
        let overlay = match self.overlay {
            Some(OverlaySource::Url(url)) => {
                let url = web_address("overlay", &url)?;
                let path = url.split(['?', '#']).next().unwrap_or_default();
                if path.to_ascii_lowercase().ends_with(".toml") {
                    // The widget reads an overlay's JSON form; TOML is for the command line.
                    return Err(OptionsError::Invalid {
                        field: "overlay".into(),
                        reason: "the widget reads an overlay's JSON form; `criteria overlay FILE.toml --json` checks a TOML overlay and writes it".into(),
                    });
                }
                Some(OverlaySource::Url(url.to_string()))
            }
            other => other,
        };
        Ok(HostOptions {
            language,
            selection: self.selection,
            theme,
            sync_url: self.sync_url.unwrap_or(false),
            storage_key: self.storage_key,
            event_text: self.event_text.unwrap_or(false),
            catalog_url,
            accessibility_statement,
            overlay,
        })
    }
}

/// An address a host gives: absolute with `http:` or `https:`, or relative to the host page (so
/// no `javascript:` or `data:` link ever reaches the widget), without spaces or control characters.
fn web_address<'a>(field: &str, url: &'a str) -> Result<&'a str, OptionsError> {
    let invalid = |reason: String| OptionsError::Invalid {
        field: field.to_string(),
        reason,
    };
    let shown: String = url.chars().take(80).collect();
    if url.is_empty() || url.len() > RawOptions::MAX_URL {
        return Err(invalid(format!(
            "expected an address of 1 to {} characters, got {shown:?}",
            RawOptions::MAX_URL
        )));
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(invalid(format!(
            "expected an address without spaces, got {shown:?}"
        )));
    }
    // A scheme is what comes before the first ':' when no '/', '?' or '#' comes earlier.
    let scheme = url
        .split_once(':')
        .map(|(head, _)| head)
        .filter(|head| !head.contains(['/', '?', '#']));
    match scheme.map(str::to_ascii_lowercase).as_deref() {
        None | Some("http") | Some("https") => Ok(url),
        Some(_) => Err(invalid(format!(
            "expected an http(s) address or one relative to the page, got {shown:?}"
        ))),
    }
}
