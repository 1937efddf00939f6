//! The one place every string shown to a buyer comes from: widget and document alike.
//!
//! Each language is one `Messages` value; a missing string is a compile error, not a blank in a
//! tender. The language is chosen per widget instance, so two widgets on one page may differ.
//! Strings with `{name}` parts are completed with [`fill`].
//!
//! By surface: `messages` declares every string (the struct a language fills), `en` is English,
//! `describe` turns the domain's enums and problems into words, `fill` completes a string with its
//! values and plural forms. A translated language is data only: `catalog/<code>/messages.toml`,
//! checked by the build and read into a `Messages` by [`Language::install`].

mod describe;
mod en;
mod fill;
mod messages;

use super::catalog::Catalog;
use super::message_data::MessageData;
use std::sync::OnceLock;

pub use fill::fill;
pub use messages::Messages;

/// A language the widget speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    #[default]
    En,
    De,
    Fr,
}

include!(concat!(env!("OUT_DIR"), "/messages_from.rs"));

/// The translated languages' messages once read (from the embedded bytes natively, from a fetched
/// file in the browser): built once per language and kept for the page's life.
static LOADED: [OnceLock<&'static Messages>; 2] = [OnceLock::new(), OnceLock::new()];
/// Their translation status, in their own words, as their messages file states it.
static STATUS: [OnceLock<&'static str>; 2] = [OnceLock::new(), OnceLock::new()];
/// The core of their translated catalogue (categories and risks), as their messages file carries
/// it, for the first step before the complete catalogue arrives.
static CORE: [OnceLock<&'static [u8]>; 2] = [OnceLock::new(), OnceLock::new()];

impl Language {
    pub const ALL: [Language; 3] = [Language::En, Language::De, Language::Fr];

    /// The BCP 47 code, as used in `lang` attributes and host options.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::De => "de",
            Language::Fr => "fr",
        }
    }

    /// The language's own name, as the language switch shows it.
    pub fn name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::De => "Deutsch",
            Language::Fr => "Fran\u{e7}ais",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Its messages; English until a translated language's messages are loaded.
    pub fn messages(self) -> &'static Messages {
        self.loaded().unwrap_or(&en::EN)
    }

    /// Its messages if they are at hand: English always, a translated language once loaded (or
    /// embedded, as in native builds).
    pub fn loaded(self) -> Option<&'static Messages> {
        let Some(index) = self.translated() else {
            return Some(&en::EN);
        };
        if let Some(m) = LOADED[index].get() {
            return Some(m);
        }
        let bytes = super::embedded::MESSAGES
            .iter()
            .find(|(code, _)| *code == self.code())
            .map(|(_, bytes)| *bytes)?;
        self.install(bytes).ok()
    }

    /// Reads a translated language's messages file (`messages-<code>.bin`) and keeps them.
    pub fn install(self, bytes: &[u8]) -> Result<&'static Messages, MessagesError> {
        let Some(index) = self.translated() else {
            return Ok(&en::EN);
        };
        let slot = &LOADED[index];
        if let Some(m) = slot.get() {
            return Ok(m);
        }
        let data: MessageData =
            postcard::from_bytes(bytes).map_err(|e| MessagesError::Damaged(e.to_string()))?;
        if data.language != self.code()
            || data.values.len() != MESSAGE_COUNT
            || data.month_names.len() != 12
        {
            return Err(MessagesError::Mismatch);
        }
        // Built once per language for the page's life: leaking gives the `'static` strings every
        // view borrows.
        let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
        let values: Vec<&'static str> = data.values.into_iter().map(leak).collect();
        let values: [&'static str; MESSAGE_COUNT] =
            values.try_into().map_err(|_| MessagesError::Mismatch)?;
        let mut months = [""; 12];
        for (slot, name) in months.iter_mut().zip(data.month_names) {
            *slot = leak(name);
        }
        let status = leak(data.status);
        if !data.core.is_empty() {
            let core: &'static [u8] = Box::leak(data.core.into_boxed_slice());
            CORE[index].get_or_init(|| core);
        }
        let messages: &'static Messages = Box::leak(Box::new(from_values(values, months)));
        STATUS[index].get_or_init(|| status);
        Ok(slot.get_or_init(|| messages))
    }

    /// The categories and risks of the language's translated catalogue, once its messages are
    /// loaded (they carry them), for the first step.
    pub fn core_catalogue(self) -> Option<Catalog> {
        postcard::from_bytes(CORE[self.translated()?].get()?).ok()
    }

    /// What a translated language's messages are and who checked them, once loaded.
    pub fn status(self) -> Option<&'static str> {
        STATUS[self.translated()?].get().copied()
    }

    /// Where a translated language keeps its loaded messages and status (`None` for English,
    /// which is compiled in).
    fn translated(self) -> Option<usize> {
        match self {
            Language::En => None,
            Language::De => Some(0),
            Language::Fr => Some(1),
        }
    }

    /// The file a translated language's messages are published in, next to the widget.
    pub fn messages_file(self) -> String {
        format!("messages-{}.bin", self.code())
    }

    /// The language the catalogue, and so the document, is written in: this one where its
    /// catalogue exists, otherwise English (the widget says so next to the language switch).
    pub fn document_language(self) -> Language {
        if super::embedded::has_catalogue(self) {
            self
        } else {
            Language::En
        }
    }
}

/// Why a translated language's messages could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MessagesError {
    #[error("the messages file is damaged ({0})")]
    Damaged(String),
    #[error("the messages file belongs to another version of the widget")]
    Mismatch,
}
