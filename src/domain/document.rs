//! The tender document as the assembly builds it and every export format and the preview render
//! it: lots, stages, numbered criteria with their filled-in text, the plan, the guidance and the
//! references. Plain data; `assemble` builds it, `render` walks it.

use super::catalog::{
    AmbitionLevel, CpvCode, CriterionKind, Label, LegalBasis, LotFeature, SalienceLevel, Source,
    SupplyChainStage, Translation,
};
use super::i18n::Language;
use super::template::{Block, Placeholder};

/// A run of text in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    /// Catalogue text.
    Text(String),
    /// A value the buyer typed or the assembly computed, filled into a placeholder.
    Value(String),
    /// A placeholder still to be filled in, shown as a visible marker.
    Missing(Placeholder),
}

pub type Line = Vec<Span>;

/// How an item is verified, with label names resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemVerification {
    pub submit: String,
    /// Names of the labels that prove the whole criterion in this lot.
    pub labels: Vec<String>,
    /// Names of the labels that prove the requirements they cover, in this lot.
    pub partial_labels: Vec<String>,
    pub equivalent: String,
}

/// Why a criterion is in the document: what the buyer chose that brought it in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Why {
    /// Names of the chosen risks it addresses, in catalogue order.
    pub risks: Vec<String>,
    /// For each of those risks, where it is worst for the item's lots: the highest salience and
    /// the supply-chain stages at that level (`None` where the catalogue lists no cell).
    pub hotspots: Vec<Option<(SalienceLevel, Vec<SupplyChainStage>)>>,
    /// The buyer added it from the related criteria offered.
    pub added: bool,
    /// The scope answers it needs (take-back, refurbished).
    pub scope: Vec<LotFeature>,
}

/// One numbered criterion, in one lot or, for the stages published once per procedure, in every
/// lot it applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// `category/CRITERION-ID` for each lot it stands for: what the buyer drops or restores.
    pub keys: Vec<String>,
    pub id: String,
    /// E.g. `SC2`: one number per criterion in the whole document, the same in every lot.
    pub number: String,
    pub title: String,
    pub level: AmbitionLevel,
    /// The lots it applies to (one, in a stage written per lot).
    pub lots: Vec<usize>,
    /// Where it applies to some categories of a lot of several only: their names.
    pub only: Vec<String>,
    pub body: Vec<Block<Line>>,
    pub points: Option<Vec<Span>>,
    /// What an award criterion is worth in its lot, once the buyer gave the total points.
    pub max_points: Option<u32>,
    pub scoring: Option<String>,
    pub verification: ItemVerification,
    pub legal: Vec<String>,
    pub why: Why,
    /// One of the authority's own criteria (from its overlay): the authority's name.
    pub authority: Option<String>,
}

/// The criteria of one lot in a stage written per lot (specifications, award).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LotGroup {
    pub lot: usize,
    pub items: Vec<Item>,
}

/// How a kind of criterion is laid out in a tender.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layout {
    /// Once for the procedure, each criterion naming the lots it applies to (exclusion grounds,
    /// selection criteria, contract clauses).
    Procedure(Vec<Item>),
    /// Per lot (technical specifications, the award model).
    PerLot(Vec<LotGroup>),
}

/// The criteria of one kind, in tender order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub kind: CriterionKind,
    pub layout: Layout,
}

impl Section {
    pub fn items(&self) -> Box<dyn Iterator<Item = &Item> + '_> {
        match &self.layout {
            Layout::Procedure(items) => Box::new(items.iter()),
            Layout::PerLot(groups) => Box::new(groups.iter().flat_map(|g| g.items.iter())),
        }
    }
}

/// One lot: a product category, its scope and its points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lot {
    pub number: usize,
    /// Its first category.
    pub category: String,
    /// All its categories, in catalogue order.
    pub categories: Vec<String>,
    pub name: String,
    /// The CPV codes for the notice, and what to say with them (or instead of them).
    pub cpv: Vec<CpvCode>,
    pub cpv_note: String,
    /// The scope answers that hold for this lot, in a fixed order.
    pub features: Vec<LotFeature>,
    /// The ambition level of this lot.
    pub level: Option<AmbitionLevel>,
    /// How many criteria the lot keeps.
    pub criteria: usize,
    /// Set when the buyer gave points but no award criterion applies to this lot.
    pub unallocated_points: Option<u32>,
    /// Set when the buyer's points are fewer than this lot's award criteria.
    pub points_short: Option<PointsShortfall>,
}

/// Too few points for a lot's award criteria: every criterion needs at least one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointsShortfall {
    /// At least this many points are needed (one per award criterion).
    pub needed: u32,
    pub total: u32,
    /// The award criteria of the lot, lowest suggested weight first: the ones to drop first.
    pub candidates: Vec<DroppableAward>,
}

/// An award criterion named in a points shortfall.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppableAward {
    pub key: String,
    pub number: String,
    pub title: String,
}

/// A line of the contract-management plan, its placeholders filled like the tender text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanEntry {
    pub id: String,
    pub number: String,
    pub title: String,
    pub lots: Vec<usize>,
    pub kpi: Line,
    pub cadence: Line,
    pub follow_up: Line,
    pub remediation: Line,
}

/// A guidance note for the buyer, kept apart from the tender text, with the working notes that
/// the published text leaves out: the catalogue reference, the legal basis and the risks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuidanceEntry {
    pub id: String,
    pub number: String,
    pub title: String,
    pub lots: Vec<usize>,
    pub note: String,
    /// The criterion's notes for the categories of the lots it is used in.
    pub notes: Vec<LotNote>,
    /// Criteria this one was used instead of, in the lots named.
    pub instead_of: Vec<Replacement>,
    pub legal: Vec<String>,
    /// Names of the risks it addresses, chosen or not.
    pub addresses: Vec<String>,
    /// Dated legal duties this criterion concerns, each said as applying during the contract
    /// or not.
    pub duties: Vec<String>,
}

/// Guidance for some categories only, with the lots it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LotNote {
    pub lots: Vec<usize>,
    pub text: String,
}

/// A criterion left out of some lots because another one there covers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    pub lots: Vec<usize>,
    pub id: String,
    pub title: String,
    pub reason: String,
}

/// A criterion the buyer dropped from a lot, listed so it can be restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedItem {
    pub key: String,
    pub id: String,
    /// The number it had before it was dropped, when known; else the kind's prefix.
    pub kind: CriterionKind,
    pub lot: usize,
    /// The category within a lot of several.
    pub within: Option<String>,
    pub title: String,
}

/// Chosen risks that criteria would address in a lot only with a yes to a scope question, such as
/// end-of-life conditions for monitors bought without take-back: said, so that a lot with nothing
/// for a risk the buyer chose is never silent about why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeGap {
    pub lot: usize,
    /// The lot's name (or the category's, within a lot of several).
    pub name: String,
    pub feature: LotFeature,
    /// Names of the chosen risks concerned.
    pub risks: Vec<String>,
    /// The lot gave the answer, and it left out every criterion for these risks (they do not fit
    /// such a lot); otherwise a yes would bring criteria for them.
    pub held: bool,
}

/// A related criterion the buyer did not ask for: it touches a chosen risk without addressing
/// one. Offered in the review, added only by the buyer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub key: String,
    pub id: String,
    pub kind: CriterionKind,
    pub lot: usize,
    /// The category within a lot of several.
    pub within: Option<String>,
    pub title: String,
    /// Names of the chosen risks it touches.
    pub touches: Vec<String>,
}

/// The assembled document. The same selection always gives an identical value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub language: Language,
    pub authority: Option<String>,
    pub level: Option<AmbitionLevel>,
    /// Whether the tender text keeps the working notes (catalogue references, legal basis, risks).
    pub working_notes: bool,
    /// Names of the chosen risks.
    pub risks: Vec<String>,
    /// Their catalogue IDs, in the same order.
    pub risk_ids: Vec<String>,
    pub lots: Vec<Lot>,
    /// In tender order; only kinds with criteria.
    pub sections: Vec<Section>,
    /// `None` when the buyer did not ask for the contract-management plan.
    pub plan: Option<Vec<PlanEntry>>,
    pub guidance: Vec<GuidanceEntry>,
    pub legal: Vec<LegalBasis>,
    pub labels: Vec<Label>,
    pub sources: Vec<Source>,
    /// Placeholders used in the text that the buyer has not filled in.
    pub missing: Vec<Placeholder>,
    pub dropped: Vec<DroppedItem>,
    pub offered: Vec<Offer>,
    /// Chosen risks a lot gets criteria for only with a yes to a scope question it was asked.
    pub scope_gaps: Vec<ScopeGap>,
    pub catalog_title: String,
    pub catalog_version: String,
    pub catalog_hash: String,
    /// For a translated catalogue: what it translates and its status, stated in the footer.
    pub translation: Option<Translation>,
    /// The authority's overlay applied to the catalogue, named in the footer.
    pub overlay: Option<crate::domain::overlay::OverlayStamp>,
    /// Short SHA-256 of the plain-text export above its footer; set by [`assemble`].
    pub text_hash: String,
    /// Characters of that plain text (the page estimate of the whole document); set with it.
    pub text_chars: usize,
}

impl Document {
    /// The criteria that apply to a lot (by its number), in tender order.
    pub fn lot_items(&self, lot: usize) -> Vec<&Item> {
        self.sections
            .iter()
            .flat_map(|s| s.items())
            .filter(|i| i.lots.contains(&lot))
            .collect()
    }
}
