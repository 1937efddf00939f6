//! The catalogues compiled into the widget by `build.rs`.

use super::catalog::Catalog;
use super::i18n::Language;
use thiserror::Error;

include!(concat!(env!("OUT_DIR"), "/catalogs.rs"));

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum LoadError {
    #[error("the catalogue file belongs to another version of the widget (catalogue {found}, widget {expected}); reload the page")]
    Mismatch { expected: String, found: String },
    #[error("no catalogue is available in the language \u{201c}{0}\u{201d}")]
    NoCatalogue(String),
    #[error(
        "the catalogue data is damaged and cannot be read ({0}); reload the page or report it"
    )]
    Damaged(String),
}

/// Why a file the widget fetches (the complete catalogue) could not be used, said to the buyer in
/// the widget's language (never an English reason inside another language's sentence).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadProblem {
    /// The request failed: offline, blocked, or the address is wrong.
    Unreachable,
    /// The server answered with this HTTP status.
    Status(u16),
    /// The answer could not be read to its end.
    Unreadable,
    /// The file belongs to another version of the widget.
    Mismatch,
    /// The file's data is damaged.
    Damaged,
}

impl From<&LoadError> for LoadProblem {
    fn from(error: &LoadError) -> Self {
        match error {
            LoadError::Mismatch { .. } => LoadProblem::Mismatch,
            LoadError::NoCatalogue(_) | LoadError::Damaged(_) => LoadProblem::Damaged,
        }
    }
}

/// Decodes catalogue bytes; damaged bytes give an error, never a panic.
pub fn decode(bytes: &[u8]) -> Result<Catalog, LoadError> {
    postcard::from_bytes(bytes).map_err(|e| LoadError::Damaged(e.to_string()))
}

/// The file name under which the complete catalogue of a language is published next to the widget.
pub fn file_name(language: Language) -> String {
    format!("catalog-{}.bin", language.code())
}

/// The complete catalogue from a fetched file, checked against the embedded core so that a
/// widget never mixes in another version's text. A translated catalogue must translate exactly
/// the embedded reference catalogue and keep its categories and risks.
pub fn complete(core: &Catalog, bytes: &[u8]) -> Result<Catalog, LoadError> {
    let full = decode(bytes)?;
    let same = match &full.meta.translation {
        None => {
            full.meta == core.meta && full.categories == core.categories && full.risks == core.risks
        }
        Some(t) => {
            t.reference_hash == core.meta.content_hash
                && full.meta.version == core.meta.version
                && full
                    .categories
                    .iter()
                    .map(|c| &c.id)
                    .eq(core.categories.iter().map(|c| &c.id))
                && full
                    .risks
                    .iter()
                    .map(|r| &r.id)
                    .eq(core.risks.iter().map(|r| &r.id))
        }
    };
    if !same {
        return Err(LoadError::Mismatch {
            expected: format!("{} {}", core.meta.version, core.meta.content_hash),
            found: format!("{} {}", full.meta.version, full.meta.content_hash),
        });
    }
    Ok(full)
}

/// Whether the catalogue is published in a language (the reference English or a translation).
pub fn has_catalogue(language: Language) -> bool {
    LANGUAGES.contains(&language.code())
}

/// The embedded catalogue bytes of a language, as `catalogue` decodes them.
pub fn bytes(language: Language) -> Option<&'static [u8]> {
    EMBEDDED
        .iter()
        .find(|(code, _)| *code == language.code())
        .map(|(_, bytes)| *bytes)
}

/// The built-in catalogue for a language: complete where [`COMPLETE`], otherwise its core.
pub fn catalog(language: Language) -> Result<Catalog, LoadError> {
    let code = language.code();
    let bytes = bytes(language).ok_or_else(|| LoadError::NoCatalogue(code.to_string()))?;
    decode(bytes)
}
