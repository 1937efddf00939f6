//! The criteria catalogue: what a buyer can put into a tender, as plain data.
//!
//! Authored as TOML under `catalog/<language>/`, checked and turned into a compact binary form by
//! `build.rs` (which includes this file), and decoded in the browser. This file therefore depends on
//! nothing but `serde`, so the build script and the widget share one definition of the data.

use serde::{Deserialize, Serialize};

/// Which catalogue a tender used: cited in the footer of every assembled document.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct CatalogMeta {
    pub language: String,
    pub version: String,
    pub title: String,
    /// The change log, newest first.
    #[serde(default, rename = "change")]
    pub changes: Vec<Change>,
    /// Short SHA-256 of the whole catalogue as embedded; filled in by the build, never authored.
    #[serde(default)]
    pub content_hash: String,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub version: String,
    pub date: String,
    pub summary: String,
}

/// A kind of product or service a buyer procures; each chosen category becomes a lot.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub name: String,
    pub description: String,
}

/// An ethical risk topic such as forced labour or conflict minerals.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct RiskTopic {
    pub id: String,
    pub name: String,
    pub description: String,
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
    /// Labels accepted as proof ("or equivalent").
    #[serde(default)]
    pub labels: Vec<String>,
    /// What equivalent proof looks like; required when labels are listed.
    #[serde(default)]
    pub equivalent: String,
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

/// One requirement a buyer can put into a tender.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable forever: tenders cite it.
    pub id: String,
    pub kind: CriterionKind,
    pub level: AmbitionLevel,
    /// Category ids, or `*` for every category.
    pub categories: Vec<String>,
    pub risks: Vec<String>,
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

/// The whole catalogue of one language.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Catalog {
    pub meta: CatalogMeta,
    pub categories: Vec<Category>,
    pub risks: Vec<RiskTopic>,
    pub labels: Vec<Label>,
    pub legal: Vec<LegalBasis>,
    pub sources: Vec<Source>,
    pub salience: Vec<SalienceCell>,
    pub criteria: Vec<Criterion>,
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
