//! The criteria catalogue: what a buyer can put into a tender, as plain data.
//!
//! Authored as TOML under `catalog/<language>/`, checked and turned into a compact binary form by
//! `build.rs` (which includes this file), and decoded in the browser. This file therefore depends on
//! nothing but `serde`, so the build script and the widget share one definition of the data.

use serde::{Deserialize, Serialize};

/// Which catalogue a tender used: cited in the footer of every assembled document. Part of the
/// catalogue's core, which the first step loads, so it stays small: the change log is elsewhere.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct CatalogMeta {
    pub language: String,
    pub version: String,
    pub title: String,
    /// Short SHA-256 of the whole catalogue as embedded; filled in by the build, never authored.
    #[serde(default)]
    pub content_hash: String,
    /// For a translated catalogue: what it was translated from and what is still English. Filled
    /// in by the build from `catalog/<language>/translation.toml` and the translated entries.
    #[serde(default)]
    pub translation: Option<Translation>,
    /// The authority's overlay applied to it in the widget (never authored, never embedded).
    #[serde(skip)]
    pub overlay: Option<super::overlay::OverlayStamp>,
}

/// Where a translated catalogue stands, stated in its documents' footers and next to the
/// language switch.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
pub struct Translation {
    /// The English catalogue it translates: version and content hash.
    pub reference_version: String,
    pub reference_hash: String,
    /// Who translated and checked it, in its own language.
    pub status: String,
    /// Entries shown in English because they are not translated yet (`criterion BAT-CPC-04`).
    pub missing: Vec<String>,
    /// Entries shown in English because their English text changed after translation.
    pub stale: Vec<String>,
}

impl Translation {
    /// Whether an entry (`criterion BAT-CPC-04`, `label epeat`) is shown in English.
    pub fn in_english(&self, section: &str, key: &str) -> bool {
        let is = |e: &String| {
            e.strip_prefix(section)
                .and_then(|rest| rest.strip_prefix(' '))
                .is_some_and(|k| k == key)
        };
        self.missing.iter().any(is) || self.stale.iter().any(is)
    }
}

/// One version in the change log, with what happened to single criteria in it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub version: String,
    pub date: String,
    pub summary: String,
    /// What changed for single criteria, so that a buyer reopening an older link sees it.
    #[serde(default, rename = "criterion")]
    pub criteria: Vec<CriterionChange>,
}

/// What happened to a criterion in a version.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    Added,
    Reworded,
    Removed,
    /// Included for other choices than before (the risks it addresses, or its level), its text
    /// unchanged.
    Rescoped,
}

/// A criterion's entry in a version of the change log.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct CriterionChange {
    pub id: String,
    pub what: ChangeKind,
    /// Why, in a sentence a buyer understands.
    pub reason: String,
    /// The categories the change concerns; empty means every category the criterion applies to.
    /// Required for a criterion removed from the catalogue, whose own entry is gone.
    #[serde(default)]
    pub categories: Vec<String>,
}

/// A question about a lot's scope whose answer decides whether some criteria apply, so that a
/// tender never publishes a criterion that starts "where this lot includes …".
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum LotFeature {
    /// The lot is a one-off purchase: one contract for a set quantity, with no orders placed
    /// later. Without it, the lot is a framework agreement or a contract with orders over its term.
    OneOff,
    /// The lot includes taking back used equipment from the authority.
    TakeBack,
    /// Refurbished equipment may be delivered in the lot.
    Refurbished,
    /// Only refurbished equipment is delivered in the lot (which implies `Refurbished`).
    RefurbishedOnly,
}

impl LotFeature {
    /// In the order the questions are asked.
    pub const ALL: [LotFeature; 4] = [
        LotFeature::OneOff,
        LotFeature::TakeBack,
        LotFeature::Refurbished,
        LotFeature::RefurbishedOnly,
    ];

    pub fn code(self) -> &'static str {
        match self {
            LotFeature::OneOff => "one-off",
            LotFeature::TakeBack => "take-back",
            LotFeature::Refurbished => "refurbished",
            LotFeature::RefurbishedOnly => "refurbished-only",
        }
    }

    /// The question a category's `asks` names for this answer: "refurbished only" is the
    /// stricter answer to the refurbished question.
    pub fn asked_as(self) -> LotFeature {
        match self {
            LotFeature::RefurbishedOnly => LotFeature::Refurbished,
            other => other,
        }
    }

    /// The answer this one implies, if any.
    pub fn implies(self) -> Option<LotFeature> {
        match self {
            LotFeature::RefurbishedOnly => Some(LotFeature::Refurbished),
            _ => None,
        }
    }

    /// The catalogue version that first asked the question; links and drafts saved with an
    /// older one read it as no, and say so. `None`: asked before versions were recorded.
    pub fn asked_since(self) -> Option<&'static str> {
        match self {
            LotFeature::OneOff | LotFeature::RefurbishedOnly => Some("2026.12.3"),
            LotFeature::TakeBack | LotFeature::Refurbished => None,
        }
    }
}

/// A CPV code with its official label in the catalogue's language (from the eForms code lists).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct CpvCode {
    pub code: String,
    pub label: String,
}

/// The EU procurement thresholds of Directive 2014/24/EU for supplies and services, for a period.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// The legal entry that sets them (a Commission delegated regulation).
    pub legal: String,
    /// `YYYY-MM-DD`, both inclusive.
    pub valid_from: String,
    pub valid_to: String,
    /// Euros, excluding VAT: central government authorities.
    pub central: u64,
    /// Euros, excluding VAT: sub-central contracting authorities.
    pub sub_central: u64,
}

/// A legal duty that starts on a date, said in the guidance of the criteria it concerns as
/// applying during the contract or not, so a buyer knows what suppliers must already meet.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct DatedDuty {
    pub id: String,
    /// What applies, as the start of a sentence: "The EU battery passport".
    pub name: String,
    /// The legal entry that sets it.
    pub legal: String,
    /// Whom it binds, as the end of "It binds …".
    pub binds: String,
    /// `YYYY-MM-DD`: the first day it applies.
    pub from: String,
    /// The criteria whose guidance says it.
    pub criteria: Vec<String>,
}

/// A kind of product or service a buyer procures; each chosen category becomes a lot.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub name: String,
    pub description: String,
    /// CPV codes (8 digits, without the check digit) for the notice, each with its official label
    /// in the catalogue's language (eForms code lists). Empty where no code describes the category.
    #[serde(default)]
    pub cpv: Vec<CpvCode>,
    /// Said with the codes, or instead of them where there is none (never a near miss).
    #[serde(default)]
    pub cpv_note: String,
    /// The scope questions asked for a lot of this category.
    #[serde(default)]
    pub asks: Vec<LotFeature>,
}

impl Category {
    pub fn asks(&self, feature: LotFeature) -> bool {
        self.asks.contains(&feature.asked_as())
    }
}

/// An ethical risk topic such as forced labour or conflict minerals.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct RiskTopic {
    pub id: String,
    pub name: String,
    pub description: String,
    /// Not a harm but the way suppliers manage the harms (supply-chain due diligence): shown
    /// apart from the harms, as how to address them.
    #[serde(default)]
    pub manages: bool,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum LabelKind {
    Label,
    Audit,
    Programme,
    Standard,
    Monitoring,
    /// A duty set by law (such as the EU battery passport): proof that the law is met, not a label.
    LegalRequirement,
}

/// A label, audit scheme, programme or standard a bidder may offer as proof.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Label {
    pub id: String,
    pub name: String,
    pub kind: LabelKind,
    pub covers: String,
    pub does_not_cover: String,
    pub sources: Vec<String>,
    /// The product categories for which the label can prove anything; empty means all.
    #[serde(default)]
    pub categories: Vec<String>,
    /// How catalogue text names the label (e.g. "TCO Certified", "TCO"): a document for a lot the
    /// label does not apply to must not contain any of them.
    #[serde(default)]
    pub mentions: Vec<String>,
}

impl Label {
    pub fn applies_to_category(&self, category: &str) -> bool {
        self.categories.is_empty() || self.categories.iter().any(|c| c == category)
    }
}

/// A legal instrument or article a criterion rests on.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct LegalBasis {
    pub id: String,
    pub citation: String,
    pub summary: String,
    /// The primary text: an EUR-Lex ELI or CELEX address, ILO NORMLEX, or the issuing body's page.
    pub url: String,
}

/// A public source behind a fact in the catalogue.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub url: String,
}

/// Where in a product's life a risk arises.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum SupplyChainStage {
    RawMaterials,
    Components,
    Manufacturing,
    Use,
    EndOfLife,
}

impl SupplyChainStage {
    pub const ALL: [SupplyChainStage; 5] = [
        SupplyChainStage::RawMaterials,
        SupplyChainStage::Components,
        SupplyChainStage::Manufacturing,
        SupplyChainStage::Use,
        SupplyChainStage::EndOfLife,
    ];
}

/// How salient a risk is at a stage; ordered so that `max` gives the most salient.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum SalienceLevel {
    Low,
    Medium,
    High,
}

impl SalienceLevel {
    pub fn code(self) -> &'static str {
        match self {
            SalienceLevel::Low => "low",
            SalienceLevel::Medium => "medium",
            SalienceLevel::High => "high",
        }
    }
}

/// One cell of a category's salience profile (risk × supply-chain stage).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SalienceCell {
    pub category: String,
    pub risk: String,
    pub stage: SupplyChainStage,
    pub level: SalienceLevel,
    pub reason: String,
    pub sources: Vec<String>,
}

/// Where a criterion goes in a tender; the order of the variants is tender order.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum CriterionKind {
    ExclusionGround,
    SelectionCriterion,
    TechnicalSpecification,
    AwardCriterion,
    ContractClause,
}

impl CriterionKind {
    pub const ALL: [CriterionKind; 5] = [
        CriterionKind::ExclusionGround,
        CriterionKind::SelectionCriterion,
        CriterionKind::TechnicalSpecification,
        CriterionKind::AwardCriterion,
        CriterionKind::ContractClause,
    ];

    /// The prefix of a criterion's number in the document (EX1, SC1, TS1, AC1, CPC1).
    pub fn number_prefix(self) -> &'static str {
        match self {
            CriterionKind::ExclusionGround => "EX",
            CriterionKind::SelectionCriterion => "SC",
            CriterionKind::TechnicalSpecification => "TS",
            CriterionKind::AwardCriterion => "AC",
            CriterionKind::ContractClause => "CPC",
        }
    }
}

/// How far a buyer wants to go. A higher level includes every criterion of the lower ones.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum AmbitionLevel {
    Basic,
    Advanced,
    Spearhead,
}

impl AmbitionLevel {
    pub const ALL: [AmbitionLevel; 3] = [
        AmbitionLevel::Basic,
        AmbitionLevel::Advanced,
        AmbitionLevel::Spearhead,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AmbitionLevel::Basic => "basic",
            AmbitionLevel::Advanced => "advanced",
            AmbitionLevel::Spearhead => "spearhead",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|level| level.code() == code)
    }
}

/// What proves a criterion is met.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Verification {
    /// What the bidder or supplier submits, and when.
    pub submit: String,
    /// Labels accepted as proof of the whole criterion ("or equivalent"), in the categories they
    /// certify: each one is a route to proof there.
    #[serde(default)]
    pub labels: Vec<String>,
    /// Labels accepted as proof of the requirements their criteria cover, the rest being proven
    /// otherwise: named for bidders, but no route to proof on their own.
    #[serde(default)]
    pub partial_labels: Vec<String>,
    /// What equivalent proof looks like; required when labels are listed.
    #[serde(default)]
    pub equivalent: String,
    /// The categories (or `*`) for which a tenderer can prove the criterion without any label,
    /// with the evidence named in `submit` and `equivalent`. Together with the labels that
    /// certify a category, every category the criterion is offered for needs a route to proof.
    pub own_evidence: Vec<String>,
}

impl Verification {
    pub fn own_evidence_for(&self, category: &str) -> bool {
        self.own_evidence.iter().any(|c| c == "*" || c == category)
    }
}

/// How an award criterion is weighted and scored.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct AwardRule {
    /// Suggested relative weight, 1 to 10; points are shared out in proportion.
    pub weight: u32,
    pub scoring: String,
}

/// One line of the contract-management plan.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Management {
    pub kpi: String,
    pub cadence: String,
    #[serde(default)]
    pub follow_up: String,
    #[serde(default)]
    pub remediation: String,
}

/// A guidance paragraph that only concerns some categories, so that a document names only the
/// labels and facts that apply to its lots.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub categories: Vec<String>,
    pub text: String,
}

/// Another criterion that this one makes redundant in a lot where both would apply.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Cover {
    pub id: String,
    /// Why this one is kept: shown in the guidance of documents where it applied.
    pub reason: String,
}

/// One requirement a buyer can put into a tender.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable forever: tenders cite it.
    pub id: String,
    /// One of the authority's own criteria (from its overlay), not the catalogue's.
    #[serde(skip)]
    pub authority: bool,
    pub kind: CriterionKind,
    pub level: AmbitionLevel,
    /// Category ids, or `*` for every category.
    pub categories: Vec<String>,
    /// The risks this criterion is about: it is included when the buyer chooses one of them.
    pub addresses: Vec<String>,
    /// Risks it also helps with, without being about them: for those alone it is offered to the
    /// buyer, not added.
    #[serde(default)]
    pub touches: Vec<String>,
    pub title: String,
    /// Tender text with named placeholders; see `template`.
    pub text: String,
    /// For the buyer only; never part of the tender text.
    pub guidance: String,
    pub legal_basis: Vec<String>,
    pub sources: Vec<String>,
    pub last_reviewed: String,
    #[serde(default)]
    pub replaces: Vec<String>,
    /// Criteria this one makes redundant where both apply to a lot (any kind or level).
    #[serde(default)]
    pub covers: Vec<Cover>,
    /// The lot scope this criterion needs: it is offered only for lots with all of these.
    #[serde(default)]
    pub requires: Vec<LotFeature>,
    /// The lot scope this criterion is wrong for: it is left out of lots with any of these (a
    /// criterion with `requires` that answer says the same thing for them).
    #[serde(default)]
    pub unless: Vec<LotFeature>,
    /// What the contractor delivers under it (ids of the catalogue's deliverables); two criteria
    /// in one lot never deliver the same thing.
    #[serde(default)]
    pub delivers: Vec<String>,
    /// Guidance for some categories only.
    #[serde(default, rename = "note")]
    pub notes: Vec<Note>,
    /// A criterion about the other criteria of its kind (the breach clause): offered only in a lot
    /// that keeps another criterion of its kind, and placed after them.
    #[serde(default)]
    pub closing: bool,
    /// The most pages a bidder writes for it with the tender (a description or plan the text
    /// limits); 0 when the answer is a declaration, a certificate or a figure.
    #[serde(default)]
    pub bidder_pages: u32,
    pub verification: Verification,
    #[serde(default)]
    pub award: Option<AwardRule>,
    #[serde(default)]
    pub management: Option<Management>,
}

impl Criterion {
    pub fn applies_to_category(&self, category: &str) -> bool {
        self.categories.iter().any(|c| c == "*" || c == category)
    }
}

/// Something a contractor hands over under a criterion (a site list, a yearly report), named so
/// that overlapping criteria are found.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Deliverable {
    pub id: String,
    pub name: String,
}

/// The whole catalogue of one language.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Catalog {
    pub meta: CatalogMeta,
    pub categories: Vec<Category>,
    pub risks: Vec<RiskTopic>,
    /// The change log, newest first.
    pub changes: Vec<Change>,
    pub labels: Vec<Label>,
    pub legal: Vec<LegalBasis>,
    pub sources: Vec<Source>,
    pub salience: Vec<SalienceCell>,
    pub criteria: Vec<Criterion>,
    pub deliverables: Vec<Deliverable>,
    /// The EU thresholds known to the catalogue, newest first.
    pub thresholds: Vec<Thresholds>,
    /// Legal duties that start on a date, in date order.
    pub duties: Vec<DatedDuty>,
}

impl Catalog {
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    pub fn risk(&self, id: &str) -> Option<&RiskTopic> {
        self.risks.iter().find(|r| r.id == id)
    }

    pub fn label(&self, id: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.id == id)
    }

    pub fn legal_basis(&self, id: &str) -> Option<&LegalBasis> {
        self.legal.iter().find(|l| l.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// The categories whose lots are asked about `feature`, in catalogue order.
    pub fn asking(&self, feature: LotFeature) -> impl Iterator<Item = &Category> {
        self.categories.iter().filter(move |c| c.asks(feature))
    }

    /// The salience cell for a category, risk and stage, if the catalogue lists one.
    pub fn salience_cell(
        &self,
        category: &str,
        risk: &str,
        stage: SupplyChainStage,
    ) -> Option<&SalienceCell> {
        self.salience
            .iter()
            .find(|c| c.category == category && c.risk == risk && c.stage == stage)
    }

    /// The highest salience of a risk for a category over all stages (unlisted cells are low).
    pub fn salience(&self, category: &str, risk: &str) -> SalienceLevel {
        self.salience
            .iter()
            .filter(|c| c.category == category && c.risk == risk)
            .map(|c| c.level)
            .max()
            .unwrap_or(SalienceLevel::Low)
    }
}

/// The source IDs cited in `text` as `[R12]`, `[R39b]` or `[S1]`, each once, in order of first
/// citation. Guidance cites its sources this way, so a document lists exactly the sources of the
/// guidance it includes.
pub fn citations(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        rest = &rest[open + 1..];
        let Some(close) = rest.find(']') else { break };
        let inside = &rest[..close];
        let bytes = inside.as_bytes();
        let well_formed = bytes.len() >= 2
            && bytes[0].is_ascii_uppercase()
            && bytes[1].is_ascii_digit()
            && bytes[1..].iter().enumerate().all(|(i, b)| {
                b.is_ascii_digit() || (i + 2 == bytes.len() && b.is_ascii_lowercase())
            });
        if well_formed && !found.contains(&inside) {
            found.push(inside);
        }
    }
    found
}
