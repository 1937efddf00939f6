//! The catalogues compiled into the widget by `build.rs`.

use super::catalog::Catalog;
use super::i18n::Language;
use thiserror::Error;

include!(concat!(env!("OUT_DIR"), "/catalogs.rs"));

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum LoadError {
    #[error("no catalogue is available in the language \u{201c}{0}\u{201d}")]
    NoCatalogue(String),
    #[error(
        "the catalogue data is damaged and cannot be read ({0}); reload the page or report it"
    )]
    Damaged(String),
}

/// Decodes catalogue bytes; damaged bytes give an error, never a panic.
pub fn decode(bytes: &[u8]) -> Result<Catalog, LoadError> {
    postcard::from_bytes(bytes).map_err(|e| LoadError::Damaged(e.to_string()))
}

/// The built-in catalogue for a language.
pub fn catalog(language: Language) -> Result<Catalog, LoadError> {
    let code = language.code();
    let bytes = EMBEDDED
        .iter()
        .find(|(lang, _)| *lang == code)
        .map(|(_, bytes)| *bytes)
        .ok_or_else(|| LoadError::NoCatalogue(code.to_string()))?;
    decode(bytes)
}
