//! A translated language's UI messages as the build writes them and the widget reads them (the
//! English messages are compiled in; see `i18n/en.rs`).

use serde::{Deserialize, Serialize};

/// A language's checked messages, in the order of the English reference.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct MessageData {
    /// BCP 47 code, e.g. `de`.
    pub language: String,
    /// The language's own name, e.g. `Deutsch`.
    pub name: String,
    /// What the translation is and who has checked it, in that language.
    pub status: String,
    /// One value per English message, in the English order.
    pub values: Vec<String>,
    pub month_names: Vec<String>,
    /// The core of the language's translated catalogue (its categories and risks, as postcard
    /// bytes of a `Catalog`), so that the first step is in the language as soon as its messages
    /// are; empty where the catalogue is not translated.
    #[serde(default)]
    pub core: Vec<u8>,
}
