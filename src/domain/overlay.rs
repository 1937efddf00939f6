//! An authority's overlay: its own criteria next to the catalogue's, catalogue criteria it does
//! not use, its default answers, an introduction and a contact line.
//!
//! An overlay is hostile input (a host page gives it, by address or as an object). It is read
//! leniently in form and strictly in meaning: [`apply`] merges it into a complete catalogue and
//! runs the catalogue's own rules (`catalog_check`) on the result, on every target, so the widget
//! in the browser refuses exactly what the build would. Every problem names the overlay, the entry
//! and the reason; with any problem the catalogue is used as it is and nothing breaks.

use super::catalog::{Catalog, Criterion, Label, LegalBasis, Source};
use super::catalog_check::{check, CatalogError};
use serde::{Deserialize, Serialize};

/// An overlay as authored (TOML for the command line, the same structure as JSON in the browser).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Overlay {
    pub overlay: OverlayMeta,
    /// Catalogue criteria the authority does not use, by ID.
    #[serde(default)]
    pub hide: Vec<String>,
    #[serde(default)]
    pub defaults: OverlayDefaults,
    /// The authority's own criteria, with the same fields as the catalogue's.
    #[serde(default)]
    pub criterion: Vec<Criterion>,
    /// Sources, legal bases and labels its criteria cite that the catalogue lacks.
    #[serde(default)]
    pub source: Vec<Source>,
    #[serde(default)]
    pub legal: Vec<LegalBasis>,
    #[serde(default)]
    pub label: Vec<Label>,
}

/// Who the overlay is from and which version it is: named in every document's footer.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct OverlayMeta {
    /// E.g. "City of Example ICT criteria".
    pub name: String,
    pub version: String,
    /// The authority, as the documents name it ("City of Example").
    pub authority: String,
    /// Shown under the widget's own introduction.
    #[serde(default)]
    pub intro: String,
    /// Who buyers ask about the authority's criteria, shown at the widget's foot.
    #[serde(default)]
    pub contact: String,
}

/// The answers the widget starts from when neither the host nor a link gives any.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct OverlayDefaults {
    /// In the share-link format, e.g. `v=1&l=advanced&s=selection,contract`.
    #[serde(default)]
    pub selection: String,
}

/// Where a host's overlay comes from: an address to fetch its JSON form from, or an object the
/// host passed (kept by the page as it is: the office worker reads and checks it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OverlaySource {
    Url(String),
    Object,
}

/// What the documents say of an overlay: in the footer, and with each of its criteria.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
pub struct OverlayStamp {
    pub name: String,
    pub version: String,
    pub authority: String,
    /// Short SHA-256 of the overlay's content (the same for its TOML and JSON forms).
    pub hash: String,
}

/// The longest texts and lists an overlay may hold: far above any real one, low enough that a
/// hostile one cannot make the widget slow.
pub const MAX_CRITERIA: usize = 200;
pub const MAX_ENTRIES: usize = 500;
pub const MAX_TEXT: usize = 20_000;

impl Overlay {
    /// Its stamp, with the hash of its content.
    pub fn stamp(&self) -> OverlayStamp {
        let bytes = postcard::to_allocvec(self).unwrap_or_default();
        OverlayStamp {
            name: self.overlay.name.clone(),
            version: self.overlay.version.clone(),
            authority: self.overlay.authority.clone(),
            hash: super::digest::short_sha256(&bytes),
        }
    }
}

/// The catalogue with the overlay applied, or every problem found (`file` names the overlay as
/// the host gave it). The catalogue must be a complete one (with its criteria).
pub fn apply(
    catalog: &Catalog,
    overlay: &Overlay,
    file: &str,
) -> Result<Catalog, Vec<CatalogError>> {
    let mut errors = Vec::new();
    let mut err = |id: Option<&str>, reason: String| {
        errors.push(CatalogError {
            file: file.to_string(),
            id: id.map(str::to_string),
            reason,
        })
    };
    let meta = &overlay.overlay;
    for (field, value) in [
        ("overlay.name", &meta.name),
        ("overlay.version", &meta.version),
        ("overlay.authority", &meta.authority),
    ] {
        if value.trim().is_empty() {
            err(None, format!("{field} is empty"));
        }
    }
    if overlay.criterion.len() > MAX_CRITERIA {
        err(
            None,
            format!(
                "{} criteria: an overlay holds at most {MAX_CRITERIA}",
                overlay.criterion.len()
            ),
        );
    }
    if overlay.hide.len() + overlay.source.len() + overlay.legal.len() + overlay.label.len()
        > MAX_ENTRIES
    {
        err(
            None,
            format!("more than {MAX_ENTRIES} hide, source, legal and label entries"),
        );
    }
    let long = |text: &str| text.len() > MAX_TEXT;
    if long(&meta.intro) || long(&meta.contact) || long(&overlay.defaults.selection) {
        err(
            None,
            format!("overlay.intro, overlay.contact or defaults.selection is longer than {MAX_TEXT} bytes"),
        );
    }
    for c in &overlay.criterion {
        if [&c.title, &c.text, &c.guidance].iter().any(|t| long(t)) {
            err(
                Some(&c.id),
                format!("title, text or guidance is longer than {MAX_TEXT} bytes"),
            );
        }
        if catalog.criteria.iter().any(|k| k.id == c.id) {
            err(
                Some(&c.id),
                "the catalogue has a criterion with this ID: give the authority's own an ID of its own (e.g. with the authority's prefix)".into(),
            );
        }
    }
    for id in &overlay.hide {
        if !catalog.criteria.iter().any(|c| &c.id == id) {
            err(
                Some(id),
                "hide: the catalogue has no criterion with this ID".into(),
            );
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let merged = added(catalog, overlay);
    // The catalogue's own rules; what the catalogue alone already breaks is not the overlay's.
    let before = check(catalog, &|_| "catalogue".to_string());
    let of_overlay = |id: &str| {
        let ours = overlay.criterion.iter().any(|c| c.id == id)
            || overlay.source.iter().any(|s| s.id == id)
            || overlay.legal.iter().any(|l| l.id == id)
            || overlay.label.iter().any(|l| l.id == id);
        if ours {
            file.to_string()
        } else {
            "catalogue".to_string()
        }
    };
    let problems: Vec<CatalogError> = check(&merged, &of_overlay)
        .into_iter()
        .filter(|e| !before.contains(e))
        .map(|mut e| {
            // Anything the overlay caused is the overlay's, whichever entry the rule reports.
            e.file = file.to_string();
            e
        })
        .collect();
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(hidden(merged, overlay, overlay.stamp()))
}

/// An overlay checked (by [`apply`], in the office worker) with its stamp: what the page merges
/// into each catalogue without checking it again.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    pub overlay: Overlay,
    pub stamp: OverlayStamp,
}

/// The catalogue with a checked overlay merged in: its criteria (marked as the authority's), its
/// sources, legal bases and labels added; the hidden criteria left out, and with them what other
/// criteria said about them. A core catalogue (no criteria) is returned as it is.
pub fn merge(catalog: &Catalog, overlay: &Overlay, stamp: OverlayStamp) -> Catalog {
    if catalog.criteria.is_empty() {
        return catalog.clone();
    }
    hidden(added(catalog, overlay), overlay, stamp)
}

/// The catalogue with the overlay's entries added: its criteria marked as the authority's, its
/// sources, legal bases and labels (what the checks run on, the hidden criteria still in).
fn added(catalog: &Catalog, overlay: &Overlay) -> Catalog {
    let mut merged = catalog.clone();
    merged
        .criteria
        .extend(overlay.criterion.iter().cloned().map(|mut c| {
            c.authority = true;
            c
        }));
    merged.sources.extend(overlay.source.iter().cloned());
    merged.legal.extend(overlay.legal.iter().cloned());
    merged.labels.extend(overlay.label.iter().cloned());
    merged
}

/// The catalogue with the overlay's hidden criteria left out, and with them what other criteria
/// said about them; stamped with the overlay.
fn hidden(mut merged: Catalog, overlay: &Overlay, stamp: OverlayStamp) -> Catalog {
    merged.criteria.retain(|c| !overlay.hide.contains(&c.id));
    for c in &mut merged.criteria {
        c.covers.retain(|cover| !overlay.hide.contains(&cover.id));
        c.replaces.retain(|r| !overlay.hide.contains(r));
    }
    merged.meta.overlay = Some(stamp);
    merged
}
