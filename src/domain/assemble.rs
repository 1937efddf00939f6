//! Turning a selection into the tender document: which criteria, in which order, with which numbers,
//! points and filled-in text. Every export format and the preview render this one structure.

use super::catalog::{
    citations, AmbitionLevel, Catalog, CpvCode, Criterion, CriterionKind, Label, LegalBasis,
    LotFeature, Source,
};
use super::digest::short_sha256;
use super::i18n::{fill, Language, Messages};
use super::points::allocate;
use super::selection::{drop_key, DetailField, ProcedureStage, Selection};
use super::template::{self, Block, Piece, Placeholder};
use std::collections::BTreeSet;

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

/// One numbered criterion in a lot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// `category/CRITERION-ID`: what the buyer drops or restores.
    pub key: String,
    pub id: String,
    /// E.g. `SC2`, unique within the lot.
    pub number: String,
    pub title: String,
    pub level: AmbitionLevel,
    pub body: Vec<Block<Line>>,
    pub points: Option<Vec<Span>>,
    pub scoring: Option<String>,
    pub verification: ItemVerification,
    pub legal: Vec<String>,
}

/// The criteria of one kind within a lot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub kind: CriterionKind,
    pub items: Vec<Item>,
}

/// One lot: a product category with its criteria.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lot {
    pub number: usize,
    pub category: String,
    pub name: String,
    /// The CPV codes for the notice, and what to say with them (or instead of them).
    pub cpv: Vec<CpvCode>,
    pub cpv_note: String,
    /// The scope answers that hold for this lot, in a fixed order.
    pub features: Vec<LotFeature>,
    pub risks: Vec<String>,
    pub sections: Vec<Section>,
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

/// Where a criterion is used, e.g. `Lot 1 · CPC2`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub lot: usize,
    pub number: String,
}

/// A line of the contract-management plan, its placeholders filled like the tender text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanEntry {
    pub id: String,
    pub title: String,
    pub used_in: Vec<Reference>,
    pub kpi: Line,
    pub cadence: Line,
    pub follow_up: Line,
    pub remediation: Line,
}

/// A guidance note for the buyer, kept apart from the tender text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuidanceEntry {
    pub id: String,
    pub title: String,
    pub used_in: Vec<Reference>,
    pub note: String,
    /// The criterion's notes for the categories of the lots it is used in.
    pub notes: Vec<LotNote>,
    /// Criteria this one was used instead of, in the lots named.
    pub instead_of: Vec<Replacement>,
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
    pub lot: usize,
    pub title: String,
}

/// The assembled document. The same selection always gives an identical value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub language: Language,
    pub authority: Option<String>,
    pub level: Option<AmbitionLevel>,
    pub lots: Vec<Lot>,
    /// `None` when the buyer did not ask for the contract-management plan.
    pub plan: Option<Vec<PlanEntry>>,
    pub guidance: Vec<GuidanceEntry>,
    pub legal: Vec<LegalBasis>,
    pub labels: Vec<Label>,
    pub sources: Vec<Source>,
    /// Placeholders used in the text that the buyer has not filled in.
    pub missing: Vec<Placeholder>,
    pub dropped: Vec<DroppedItem>,
    pub catalog_title: String,
    pub catalog_version: String,
    pub catalog_hash: String,
    /// Short SHA-256 of the plain-text export above its footer; set by [`assemble`].
    pub text_hash: String,
}

/// The criteria that apply to one lot, and those left out because another covers them.
pub struct LotCriteria<'c> {
    /// In tender order.
    pub kept: Vec<&'c Criterion>,
    /// (left out, kept instead, why).
    pub covered: Vec<(&'c Criterion, &'c Criterion, &'c str)>,
}

/// The criteria that apply to one category for the selection, in tender order: of the chosen
/// level or below, addressing a chosen risk, in a chosen stage, and needing no scope the lot lacks.
/// A criterion a higher-level one replaces, or one another applicable criterion covers, is left
/// out, unless the buyer dropped the criterion that replaces or covers it from this lot: then the
/// left-out one comes back, so dropping never silently loses a requirement. The dropped criteria
/// themselves stay in `kept` ([`assemble`] lists them as dropped).
pub fn lot_criteria<'c>(
    catalog: &'c Catalog,
    selection: &Selection,
    category: &str,
) -> LotCriteria<'c> {
    let Some(level) = selection.level else {
        return LotCriteria {
            kept: Vec::new(),
            covered: Vec::new(),
        };
    };
    let mut found: Vec<(usize, &Criterion)> = catalog
        .criteria
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.applies_to_category(category)
                && c.level <= level
                && c.risks.iter().any(|r| selection.risks.contains(r))
                && selection.stages.iter().any(|s| s.includes(c.kind))
                && c.requires.iter().all(|f| selection.lot_has(category, *f))
        })
        .collect();
    let dropped = |c: &Criterion| selection.dropped.contains(&drop_key(category, &c.id));
    let replaced: Vec<&str> = found
        .iter()
        .filter(|(_, c)| !dropped(c))
        .flat_map(|(_, c)| c.replaces.iter().map(String::as_str))
        .collect();
    found.retain(|(_, c)| !replaced.contains(&c.id.as_str()));
    let mut covered = Vec::new();
    for (_, by) in found.iter().filter(|(_, c)| !dropped(c)) {
        for cover in &by.covers {
            if let Some((_, left_out)) = found.iter().find(|(_, c)| c.id == cover.id) {
                covered.push((*left_out, *by, cover.reason.as_str()));
            }
        }
    }
    found.retain(|(_, c)| !covered.iter().any(|(left_out, _, _)| left_out.id == c.id));
    // A closing criterion speaks about the others of its kind: without one left, it goes too.
    let others: Vec<_> = found
        .iter()
        .filter(|(_, c)| !c.closing && !dropped(c))
        .map(|(_, c)| c.kind)
        .collect();
    found.retain(|(_, c)| !c.closing || others.contains(&c.kind));
    found.sort_by_key(|(index, c)| (c.kind, c.closing, c.level, *index));
    LotCriteria {
        kept: found.into_iter().map(|(_, c)| c).collect(),
        covered,
    }
}

/// The placeholders that the criteria of a selection use, in their tender text or plan: the details
/// step asks only for the periods the chosen clauses need.
pub fn placeholders_used(catalog: &Catalog, selection: &Selection) -> BTreeSet<Placeholder> {
    let mut used = BTreeSet::new();
    let mut seen: Vec<&str> = Vec::new();
    for category in catalog
        .categories
        .iter()
        .filter(|c| selection.categories.contains(&c.id))
    {
        for criterion in lot_criteria(catalog, selection, &category.id).kept {
            if seen.contains(&criterion.id.as_str()) {
                continue;
            }
            seen.push(&criterion.id);
            let plan = criterion.management.iter().flat_map(|m| {
                [&m.kpi, &m.cadence, &m.follow_up, &m.remediation].map(String::as_str)
            });
            for text in std::iter::once(criterion.text.as_str()).chain(plan) {
                if let Ok(blocks) = template::parse(text) {
                    used.extend(template::placeholders(&blocks));
                }
            }
        }
    }
    used
}

/// The criteria that apply to one category for the selection (see [`lot_criteria`]).
pub fn applicable<'c>(
    catalog: &'c Catalog,
    selection: &Selection,
    category: &str,
) -> Vec<&'c Criterion> {
    lot_criteria(catalog, selection, category).kept
}

/// A criterion's templates, parsed: the tender text and the four plan fields.
struct Templates {
    body: Vec<Block<Vec<Piece>>>,
    plan: Option<[Vec<Block<Vec<Piece>>>; 4]>,
}

impl Templates {
    fn parse(criterion: &Criterion) -> Self {
        // The catalogue was checked at build time; a template that still fails to parse is
        // shown as its raw text rather than lost.
        let parse_or_raw = |text: &str| {
            template::parse(text)
                .unwrap_or_else(|_| vec![Block::Paragraph(vec![Piece::Text(text.to_string())])])
        };
        Templates {
            body: parse_or_raw(&criterion.text),
            plan: criterion.management.as_ref().map(|mg| {
                [&mg.kpi, &mg.cadence, &mg.follow_up, &mg.remediation].map(|t| parse_or_raw(t))
            }),
        }
    }
}

/// The value a placeholder takes in a lot, or `None` when the buyer still has to give it.
fn slot_value(
    m: &Messages,
    selection: &Selection,
    lot_name: &str,
    points: Option<u32>,
    slot: Placeholder,
) -> Option<String> {
    let details = &selection.details;
    match slot {
        Placeholder::Authority => details.text(DetailField::Authority).map(str::to_string),
        Placeholder::EstimatedValue => details
            .text(DetailField::EstimatedValue)
            .map(str::to_string),
        Placeholder::Lot => Some(lot_name.to_string()),
        Placeholder::ContractDuration => details
            .number(DetailField::ContractMonths)
            .map(|n| fill(m.months, &[("n", &n.to_string())])),
        Placeholder::Points => points.map(|p| p.to_string()),
        // The periods are bare numbers: the catalogue writes "{disclosure_days} days".
        period => DetailField::ALL
            .into_iter()
            .find(|f| f.placeholder() == Some(period))
            .and_then(|f| details.number_or_suggested(f))
            .map(|n| n.to_string()),
    }
}

/// Assembles the document for a selection. Pure and deterministic.
pub fn assemble<'c>(catalog: &'c Catalog, selection: &Selection, language: Language) -> Document {
    let m = language.messages();
    let details = &selection.details;
    let total_points = details.number(DetailField::AwardPoints);
    let mut doc = Document {
        language,
        authority: details.text(DetailField::Authority).map(str::to_string),
        level: selection.level,
        lots: Vec::new(),
        plan: selection
            .stages
            .contains(&ProcedureStage::Management)
            .then(Vec::new),
        guidance: Vec::new(),
        legal: Vec::new(),
        labels: Vec::new(),
        sources: Vec::new(),
        missing: Vec::new(),
        dropped: Vec::new(),
        catalog_title: catalog.meta.title.clone(),
        catalog_version: catalog.meta.version.clone(),
        catalog_hash: catalog.meta.content_hash.clone(),
        text_hash: String::new(),
    };
    let mut used: Vec<&Criterion> = Vec::new();
    // The labels named in some lot's verification: only those are referenced.
    let mut named_labels: Vec<&str> = Vec::new();
    let doc_has_plan = doc.plan.is_some();
    // A criterion used in several lots is parsed once.
    let mut parsed: Vec<(&str, Templates)> = Vec::new();

    // Lots follow catalogue order, whatever order the buyer ticked them in.
    let categories = catalog
        .categories
        .iter()
        .filter(|c| selection.categories.contains(&c.id));
    for (lot_index, category) in categories.enumerate() {
        let lot_number = lot_index + 1;
        let found = lot_criteria(catalog, selection, &category.id);
        let mut kept = Vec::new();
        for criterion in found.kept {
            let key = drop_key(&category.id, &criterion.id);
            if selection.dropped.contains(&key) {
                doc.dropped.push(DroppedItem {
                    key,
                    id: criterion.id.clone(),
                    lot: lot_number,
                    title: criterion.title.clone(),
                });
            } else {
                kept.push(criterion);
            }
        }
        let awards: Vec<u32> = kept
            .iter()
            .filter_map(|c| c.award.as_ref().map(|a| a.weight))
            .collect();
        let shares = total_points.map(|total| (total, allocate(total, &awards)));
        let mut points_short = match shares {
            Some((total, None)) => Some(PointsShortfall {
                needed: u32::try_from(awards.len()).unwrap_or(u32::MAX),
                total,
                candidates: Vec::new(),
            }),
            _ => None,
        };
        let mut shares = shares
            .and_then(|(_, shares)| shares)
            .unwrap_or_default()
            .into_iter();

        let mut sections: Vec<Section> = Vec::new();
        for criterion in kept {
            if sections.last().map(|s| s.kind) != Some(criterion.kind) {
                sections.push(Section {
                    kind: criterion.kind,
                    items: Vec::new(),
                });
            }
            let Some(section) = sections.last_mut() else {
                continue;
            };
            let number = format!(
                "{}{}",
                criterion.kind.number_prefix(),
                section.items.len() + 1
            );
            let points = criterion.award.as_ref().map(|_| shares.next());
            let mut resolve = |line: &Vec<Piece>| -> Line {
                line.iter()
                    .map(|piece| match piece {
                        Piece::Text(t) => Span::Text(t.clone()),
                        Piece::Slot(slot) => {
                            match slot_value(m, selection, &category.name, points.flatten(), *slot)
                            {
                                Some(value) => Span::Value(value),
                                None => {
                                    if !doc.missing.contains(slot) {
                                        doc.missing.push(*slot);
                                    }
                                    Span::Missing(*slot)
                                }
                            }
                        }
                    })
                    .collect()
            };
            let at = match parsed.iter().position(|(id, _)| *id == criterion.id) {
                Some(at) => at,
                None => {
                    parsed.push((&criterion.id, Templates::parse(criterion)));
                    parsed.len() - 1
                }
            };
            let templates = &parsed[at].1;
            let body = templates
                .body
                .iter()
                .map(|block| match block {
                    Block::Paragraph(line) => Block::Paragraph(resolve(line)),
                    Block::Bullets(items) => {
                        Block::Bullets(items.iter().map(&mut resolve).collect())
                    }
                })
                .collect();
            // The plan's one-line fields: paragraphs and bullets run together.
            let mut resolve_line = |blocks: &[Block<Vec<Piece>>]| -> Line {
                let mut line: Line = Vec::new();
                for block in blocks {
                    let lines = match block {
                        Block::Paragraph(l) => std::slice::from_ref(l),
                        Block::Bullets(items) => items.as_slice(),
                    };
                    for l in lines {
                        if !line.is_empty() {
                            line.push(Span::Text(" ".into()));
                        }
                        line.extend(resolve(l));
                    }
                }
                line
            };
            let plan_fields = templates
                .plan
                .as_ref()
                .filter(|_| doc_has_plan)
                .map(|fields| fields.each_ref().map(|blocks| resolve_line(blocks)));
            let points_line = points.map(|share| match (share, total_points) {
                (Some(p), Some(total)) => vec![Span::Value(fill(
                    m.points_value,
                    &[("points", &p.to_string()), ("total", &total.to_string())],
                ))],
                _ => {
                    if !doc.missing.contains(&Placeholder::Points) {
                        doc.missing.push(Placeholder::Points);
                    }
                    vec![Span::Missing(Placeholder::Points)]
                }
            });
            let in_lot = |ids: &'c [String]| -> Vec<&'c Label> {
                ids.iter()
                    .filter_map(|l| catalog.label(l))
                    .filter(|l| l.applies_to_category(&category.id))
                    .collect()
            };
            let labels = in_lot(&criterion.verification.labels);
            let partial_labels = in_lot(&criterion.verification.partial_labels);
            for label in labels.iter().chain(&partial_labels) {
                if !named_labels.contains(&label.id.as_str()) {
                    named_labels.push(&label.id);
                }
            }
            let key = drop_key(&category.id, &criterion.id);
            if let (Some(short), Some(_)) = (points_short.as_mut(), criterion.award.as_ref()) {
                short.candidates.push(DroppableAward {
                    key: key.clone(),
                    number: number.clone(),
                    title: criterion.title.clone(),
                });
            }
            section.items.push(Item {
                key,
                id: criterion.id.clone(),
                number: number.clone(),
                title: criterion.title.clone(),
                level: criterion.level,
                body,
                points: points_line,
                scoring: criterion.award.as_ref().map(|a| a.scoring.clone()),
                verification: ItemVerification {
                    submit: criterion.verification.submit.clone(),
                    labels: labels.iter().map(|l| l.name.clone()).collect(),
                    partial_labels: partial_labels.iter().map(|l| l.name.clone()).collect(),
                    equivalent: criterion.verification.equivalent.clone(),
                },
                legal: criterion
                    .legal_basis
                    .iter()
                    .filter_map(|l| catalog.legal_basis(l).map(|l| l.citation.clone()))
                    .collect(),
            });
            let reference = Reference {
                lot: lot_number,
                number,
            };
            let notes = criterion
                .notes
                .iter()
                .filter(|n| n.categories.contains(&category.id))
                .map(|n| LotNote {
                    lots: vec![lot_number],
                    text: n.text.clone(),
                });
            match doc.guidance.iter_mut().find(|g| g.id == criterion.id) {
                Some(entry) => {
                    entry.used_in.push(reference.clone());
                    for note in notes {
                        match entry.notes.iter_mut().find(|n| n.text == note.text) {
                            Some(same) => same.lots.push(lot_number),
                            None => entry.notes.push(note),
                        }
                    }
                }
                None => doc.guidance.push(GuidanceEntry {
                    id: criterion.id.clone(),
                    title: criterion.title.clone(),
                    used_in: vec![reference.clone()],
                    note: criterion.guidance.clone(),
                    notes: notes.collect(),
                    instead_of: Vec::new(),
                }),
            }
            if let (Some(plan), Some([kpi, cadence, follow_up, remediation])) =
                (doc.plan.as_mut(), plan_fields)
            {
                match plan.iter_mut().find(|p| p.id == criterion.id) {
                    Some(entry) => entry.used_in.push(reference),
                    None => plan.push(PlanEntry {
                        id: criterion.id.clone(),
                        title: criterion.title.clone(),
                        used_in: vec![reference],
                        kpi,
                        cadence,
                        follow_up,
                        remediation,
                    }),
                }
            }
            if !used.iter().any(|u| u.id == criterion.id) {
                used.push(criterion);
            }
        }
        // Why a covered criterion is missing: said in the guidance of the one kept instead.
        for (left_out, by, reason) in found.covered {
            let Some(entry) = doc.guidance.iter_mut().find(|g| g.id == by.id) else {
                continue;
            };
            match entry.instead_of.iter_mut().find(|r| r.id == left_out.id) {
                Some(replacement) => replacement.lots.push(lot_number),
                None => entry.instead_of.push(Replacement {
                    lots: vec![lot_number],
                    id: left_out.id.clone(),
                    title: left_out.title.clone(),
                    reason: reason.to_string(),
                }),
            }
        }
        if let Some(short) = points_short.as_mut() {
            // Lowest suggested weight first: the criteria a buyer would drop first.
            let weight = |key: &str| {
                key.split_once('/')
                    .and_then(|(_, id)| catalog.criterion(id))
                    .and_then(|c| c.award.as_ref())
                    .map_or(0, |a| a.weight)
            };
            short.candidates.sort_by_key(|c| weight(&c.key));
        }
        let has_award = sections
            .iter()
            .any(|s| s.kind == CriterionKind::AwardCriterion);
        doc.lots.push(Lot {
            number: lot_number,
            category: category.id.clone(),
            name: category.name.clone(),
            cpv: category.cpv.clone(),
            cpv_note: category.cpv_note.clone(),
            features: LotFeature::ALL
                .into_iter()
                .filter(|f| category.asks(*f) && selection.lot_has(&category.id, *f))
                .collect(),
            risks: catalog
                .risks
                .iter()
                .filter(|r| selection.risks.contains(&r.id))
                .map(|r| r.name.clone())
                .collect(),
            sections,
            unallocated_points: total_points
                .filter(|_| !has_award && selection.stages.contains(&ProcedureStage::Award)),
            points_short: points_short.filter(|s| s.needed > s.total),
        });
    }

    // References in catalogue order, each once.
    doc.legal = catalog
        .legal
        .iter()
        .filter(|l| used.iter().any(|c| c.legal_basis.contains(&l.id)))
        .cloned()
        .collect();
    doc.labels = catalog
        .labels
        .iter()
        .filter(|l| named_labels.contains(&l.id.as_str()))
        .cloned()
        .collect();
    // The sources the included guidance cites, and those of the labels named.
    let mut cited: Vec<&str> = Vec::new();
    for entry in &doc.guidance {
        for text in std::iter::once(&entry.note).chain(entry.notes.iter().map(|n| &n.text)) {
            for id in citations(text) {
                if !cited.contains(&id) {
                    cited.push(id);
                }
            }
        }
    }
    doc.sources = catalog
        .sources
        .iter()
        .filter(|s| {
            cited.contains(&s.id.as_str()) || doc.labels.iter().any(|l| l.sources.contains(&s.id))
        })
        .cloned()
        .collect();
    doc.missing.sort();
    doc.text_hash = short_sha256(super::render::text::body(&doc).as_bytes());
    doc
}
