//! Turning a selection into the tender document: which criteria, in which order, with which numbers,
//! points and filled-in text. Every export format and the preview render this one structure.

use super::catalog::{
    citations, AmbitionLevel, Catalog, Category, CpvCode, Criterion, CriterionKind, LotFeature,
    RiskTopic, SalienceLevel, SupplyChainStage,
};
use super::details::DetailField;
use super::digest::short_sha256;
use super::document::{
    Document, DroppableAward, DroppedItem, GuidanceEntry, Item, ItemVerification, Layout, Line,
    Lot, LotGroup, LotNote, Offer, PlanEntry, PointsShortfall, Replacement, ScopeGap, Section,
    Span, Why,
};
use super::i18n::{fill, Language, Messages};
use super::points::allocate;
use super::selection::{drop_key, ProcedureStage, Selection};
use super::template::{self, Block, Piece, Placeholder};
use std::collections::BTreeSet;

/// The criteria that apply to one lot, those left out because another covers them, and the
/// related ones offered to the buyer.
pub struct LotCriteria<'c> {
    /// In tender order.
    pub kept: Vec<&'c Criterion>,
    /// (left out, kept instead, why).
    pub covered: Vec<(&'c Criterion, &'c Criterion, &'c str)>,
    /// Criteria that touch a chosen risk without addressing any, not added by the buyer, and not
    /// made redundant by a kept one: offered in the review.
    pub offered: Vec<&'c Criterion>,
}

/// The criteria that apply to one category for the selection, in tender order: of the lot's
/// level or below, addressing a chosen risk (or added by the buyer), in a chosen stage, and
/// needing no scope the lot lacks. A criterion a higher-level one replaces, or one another
/// applicable criterion covers, is left out, unless the buyer dropped the criterion that replaces
/// or covers it from this lot: then the left-out one comes back, so dropping never silently loses
/// a requirement. The dropped criteria themselves stay in `kept` ([`assemble`] lists them as
/// dropped).
pub fn lot_criteria<'c>(
    catalog: &'c Catalog,
    selection: &Selection,
    category: &str,
) -> LotCriteria<'c> {
    let Some(level) = selection.lot_level(category) else {
        return LotCriteria {
            kept: Vec::new(),
            covered: Vec::new(),
            offered: Vec::new(),
        };
    };
    let eligible = |c: &Criterion| {
        c.applies_to_category(category)
            && c.level <= level
            && selection.stages.iter().any(|s| s.includes(c.kind))
            && c.requires.iter().all(|f| selection.lot_has(category, *f))
            && !c.unless.iter().any(|f| selection.lot_has(category, *f))
    };
    let chosen = |risks: &[String]| risks.iter().any(|r| selection.risks.contains(r));
    let added = |c: &Criterion| selection.added.contains(&drop_key(category, &c.id));
    let mut found: Vec<(usize, &Criterion)> = catalog
        .criteria
        .iter()
        .enumerate()
        .filter(|(_, c)| eligible(c) && (chosen(&c.addresses) || added(c)))
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
    let kept: Vec<&Criterion> = found.into_iter().map(|(_, c)| c).collect();
    // Offered: related, not already in, and not made redundant by what is in.
    let redundant = |c: &Criterion| {
        kept.iter().any(|k| {
            !dropped(k)
                && (k.replaces.contains(&c.id)
                    || k.covers.iter().any(|cover| cover.id == c.id)
                    || c.replaces.contains(&k.id) && k.level > c.level)
        })
    };
    let offered = catalog
        .criteria
        .iter()
        .filter(|c| {
            eligible(c)
                && !c.closing
                && chosen(&c.touches)
                && !kept.iter().any(|k| k.id == c.id)
                && !covered.iter().any(|(left_out, _, _)| left_out.id == c.id)
                && !redundant(c)
        })
        .collect();
    LotCriteria {
        kept,
        covered,
        offered,
    }
}

/// The placeholders that the criteria of a selection use, in their tender text or plan: the details
/// step asks only for the periods the chosen clauses need.
pub fn placeholders_used(catalog: &Catalog, selection: &Selection) -> BTreeSet<Placeholder> {
    let mut used = BTreeSet::new();
    let mut seen: Vec<&str> = Vec::new();
    for category in selection.chosen_categories(catalog) {
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

/// The lots of a selection: each chosen category is a lot, unless it is bought in another
/// category's lot. Lots follow the catalogue order of their first category.
pub fn lot_shapes<'c>(catalog: &'c Catalog, selection: &Selection) -> Vec<Vec<&'c Category>> {
    let mut lots: Vec<(&str, Vec<&Category>)> = Vec::new();
    for category in selection.chosen_categories(catalog) {
        let host = selection.lot_host(&category.id);
        match lots.iter_mut().find(|(h, _)| *h == host) {
            Some((_, members)) => members.push(category),
            None => lots.push((host, vec![category])),
        }
    }
    lots.into_iter().map(|(_, members)| members).collect()
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

/// The value a placeholder takes for the lots an item applies to, or `None` when the buyer still
/// has to give it.
fn slot_value(
    m: &Messages,
    selection: &Selection,
    lot_names: &[&str],
    points: Option<u32>,
    slot: Placeholder,
) -> Option<String> {
    let details = &selection.details;
    match slot {
        Placeholder::Authority => details.text(DetailField::Authority).map(str::to_string),
        Placeholder::EstimatedValue => details
            .text(DetailField::EstimatedValue)
            .map(str::to_string),
        Placeholder::LabelTable => details.text(DetailField::LabelAnnex).map(str::to_string),
        Placeholder::WithholdShare => details
            .number(DetailField::WithholdShare)
            .map(|n| n.to_string()),
        Placeholder::Lot => Some(m.lot_phrase(lot_names)),
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

/// A criterion kept in a lot, before numbering, with the lot's categories it applies to.
struct Kept<'c> {
    criterion: &'c Criterion,
    index: usize,
    members: Vec<&'c Category>,
}

/// What one lot keeps, and its award points.
struct LotPlan<'c> {
    lot: usize,
    /// Its categories' names, as the text names the lot.
    name: String,
    members: Vec<&'c Category>,
    kept: Vec<Kept<'c>>,
    /// Points per award criterion id.
    points: Vec<(&'c str, Option<u32>)>,
}

impl<'c> LotPlan<'c> {
    /// The lot's categories that keep a criterion.
    fn keeping(&self, id: &str) -> &[&'c Category] {
        self.kept
            .iter()
            .find(|k| k.criterion.id == id)
            .map_or(&[], |k| k.members.as_slice())
    }
}

/// Fills a criterion's templates for the lots it applies to.
struct Filler<'a, 'c> {
    m: &'static Messages,
    selection: &'a Selection,
    missing: &'a mut Vec<Placeholder>,
    parsed: &'a mut Vec<(&'c str, Templates)>,
}

impl<'c> Filler<'_, 'c> {
    fn note_missing(&mut self, slot: Placeholder) {
        if !self.missing.contains(&slot) {
            self.missing.push(slot);
        }
    }

    fn line(&mut self, line: &[Piece], lots: &[&str], points: Option<u32>) -> Line {
        let mut out = Vec::with_capacity(line.len());
        for piece in line {
            out.push(match piece {
                Piece::Text(t) => Span::Text(t.clone()),
                Piece::Slot(slot) => {
                    match slot_value(self.m, self.selection, lots, points, *slot) {
                        Some(value) => Span::Value(value),
                        None => {
                            self.note_missing(*slot);
                            Span::Missing(*slot)
                        }
                    }
                }
            });
        }
        out
    }

    fn templates(&mut self, criterion: &'c Criterion) -> usize {
        match self.parsed.iter().position(|(id, _)| *id == criterion.id) {
            Some(at) => at,
            None => {
                self.parsed
                    .push((&criterion.id, Templates::parse(criterion)));
                self.parsed.len() - 1
            }
        }
    }

    fn body(
        &mut self,
        criterion: &'c Criterion,
        lots: &[&str],
        points: Option<u32>,
    ) -> Vec<Block<Line>> {
        let at = self.templates(criterion);
        let blocks = self.parsed[at].1.body.clone();
        blocks
            .iter()
            .map(|block| match block {
                Block::Paragraph(line) => Block::Paragraph(self.line(line, lots, points)),
                Block::Bullets(items) => {
                    Block::Bullets(items.iter().map(|l| self.line(l, lots, points)).collect())
                }
            })
            .collect()
    }

    /// The plan's one-line fields: paragraphs and bullets run together.
    fn plan(&mut self, criterion: &'c Criterion, lots: &[&str]) -> Option<[Line; 4]> {
        let at = self.templates(criterion);
        let fields = self.parsed[at].1.plan.clone()?;
        Some(fields.map(|blocks| {
            let mut line: Line = Vec::new();
            for block in &blocks {
                let lines = match block {
                    Block::Paragraph(l) => std::slice::from_ref(l),
                    Block::Bullets(items) => items.as_slice(),
                };
                for l in lines {
                    if !line.is_empty() {
                        line.push(Span::Text(" ".into()));
                    }
                    line.extend(self.line(l, lots, None));
                }
            }
            line
        }))
    }
}

/// Where a criterion goes in a tender: by kind, the closing one last, then level, then
/// catalogue order.
fn tender_rank(c: &Criterion, index: usize) -> u64 {
    ((c.kind as u64) << 40) | (u64::from(c.closing) << 36) | ((c.level as u64) << 32) | index as u64
}

/// `items` stably ordered by `keys` (one per item). Lists here are short; an insertion sort of
/// indices keeps one small routine in the widget instead of a sort instantiated per list type.
fn reorder<T>(items: Vec<T>, keys: &[u64]) -> Vec<T> {
    let mut order: Vec<usize> = Vec::with_capacity(items.len());
    for i in 0..items.len() {
        let at = order.partition_point(|&j| keys[j] <= keys[i]);
        order.insert(at, i);
    }
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// Whether a dated duty applies while the contract runs, in a sentence for the guidance.
fn duty_note(
    catalog: &Catalog,
    m: &Messages,
    selection: &Selection,
    duty: &super::catalog::DatedDuty,
) -> String {
    let details = &selection.details;
    let law = catalog
        .legal_basis(&duty.legal)
        .map_or(duty.legal.as_str(), |l| l.citation.as_str());
    let start = details.start_date();
    let end = start.and_then(|s| {
        details
            .number(DetailField::ContractMonths)
            .and_then(|months| super::dates::contract_end(s, months))
    });
    let from = duty.from.as_str();
    let template = match (start, end.as_deref()) {
        (None, _) => m.duty_no_start,
        (Some(s), _) if from == s => m.duty_same_day,
        (Some(s), _) if from < s => m.duty_before,
        (Some(_), None) => m.duty_open_end,
        (Some(_), Some(e)) if from <= e => m.duty_during,
        (Some(_), Some(_)) => m.duty_after,
    };
    fill(
        template,
        &[
            ("name", &duty.name),
            ("date", &m.date(from)),
            ("law", law),
            ("binds", &duty.binds),
            ("start", &start.map(|s| m.date(s)).unwrap_or_default()),
            ("end", &end.map(|e| m.date(&e)).unwrap_or_default()),
        ],
    )
}

/// Where a risk is worst for some categories: the highest level and its stages.
fn hotspot(
    catalog: &Catalog,
    categories: &[&str],
    risk: &str,
) -> Option<(SalienceLevel, Vec<SupplyChainStage>)> {
    let cells: Vec<_> = catalog
        .salience
        .iter()
        .filter(|c| c.risk == risk && categories.contains(&c.category.as_str()))
        .collect();
    let level = cells.iter().map(|c| c.level).max()?;
    let stages = SupplyChainStage::ALL
        .into_iter()
        .filter(|s| cells.iter().any(|c| c.stage == *s && c.level == level))
        .collect();
    Some((level, stages))
}

fn push_lot(lots: &mut Vec<usize>, lot: usize) {
    if !lots.contains(&lot) {
        lots.push(lot);
    }
}

/// Whether criteria of a kind are written once per lot rather than once per procedure.
pub fn per_lot(kind: CriterionKind) -> bool {
    matches!(
        kind,
        CriterionKind::TechnicalSpecification | CriterionKind::AwardCriterion
    )
}

/// A criterion's title as the document shows it: in a translated catalogue, an entry still in
/// English says so after its title (never silently mixed languages).
fn shown_title(catalog: &Catalog, c: &Criterion, m: &Messages) -> String {
    match &catalog.meta.translation {
        Some(t) if t.in_english("criterion", &c.id) => format!("{} {}", c.title, m.in_english),
        _ => c.title.clone(),
    }
}

/// Assembles the document for a selection. Pure and deterministic.
pub fn assemble<'c>(catalog: &'c Catalog, selection: &Selection, language: Language) -> Document {
    let m = language.messages();
    let details = &selection.details;
    let total_points = details.number(DetailField::AwardPoints);
    let risk_names = |ids: &[String]| -> Vec<String> {
        catalog
            .risks
            .iter()
            .filter(|r| ids.contains(&r.id))
            .map(|r| r.name.clone())
            .collect()
    };
    let mut doc = Document {
        language,
        authority: details.text(DetailField::Authority).map(str::to_string),
        level: selection.level,
        working_notes: selection.working_notes,
        risks: selection
            .chosen_risks(catalog)
            .map(|r| r.name.clone())
            .collect(),
        risk_ids: selection
            .chosen_risks(catalog)
            .map(|r| r.id.clone())
            .collect(),
        lots: Vec::new(),
        sections: Vec::new(),
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
        offered: Vec::new(),
        scope_gaps: Vec::new(),
        catalog_title: catalog.meta.title.clone(),
        catalog_version: catalog.meta.version.clone(),
        catalog_hash: catalog.meta.content_hash.clone(),
        translation: catalog.meta.translation.clone(),
        overlay: catalog.meta.overlay.clone(),
        text_hash: String::new(),
        text_chars: 0,
    };
    let position = |c: &Criterion| {
        catalog
            .criteria
            .iter()
            .position(|k| k.id == c.id)
            .unwrap_or(usize::MAX)
    };

    // 1. What each lot keeps, drops and is offered; its points. Lots follow catalogue order.
    let mut plans: Vec<LotPlan> = Vec::new();
    let mut covered_by: Vec<(usize, &Criterion, &Criterion, &str)> = Vec::new();
    for (lot_index, members) in lot_shapes(catalog, selection).into_iter().enumerate() {
        let lot = lot_index + 1;
        let grouped = members.len() > 1;
        let mut kept: Vec<Kept> = Vec::new();
        for category in &members {
            let found = lot_criteria(catalog, selection, &category.id);
            // In a lot of several categories, lists name the category a key belongs to.
            let within = grouped.then(|| category.name.clone());
            for criterion in found.kept {
                let key = drop_key(&category.id, &criterion.id);
                if selection.dropped.contains(&key) {
                    doc.dropped.push(DroppedItem {
                        key,
                        id: criterion.id.clone(),
                        kind: criterion.kind,
                        lot,
                        within: within.clone(),
                        title: shown_title(catalog, criterion, m),
                    });
                } else {
                    match kept.iter_mut().find(|k| k.criterion.id == criterion.id) {
                        Some(k) => k.members.push(category),
                        None => kept.push(Kept {
                            criterion,
                            index: position(criterion),
                            members: vec![category],
                        }),
                    }
                }
            }
            for criterion in found.offered {
                doc.offered.push(Offer {
                    key: drop_key(&category.id, &criterion.id),
                    id: criterion.id.clone(),
                    kind: criterion.kind,
                    lot,
                    within: within.clone(),
                    title: shown_title(catalog, criterion, m),
                    touches: risk_names(
                        &criterion
                            .touches
                            .iter()
                            .filter(|r| selection.risks.contains(*r))
                            .cloned()
                            .collect::<Vec<_>>(),
                    ),
                });
            }
            for (left_out, by, reason) in found.covered {
                covered_by.push((lot, left_out, by, reason));
            }
            // Risks that only a yes to an unanswered scope question would bring criteria for.
            // The closing breach clause speaks about the others and addresses nothing on its own.
            let addressed = |kept: &[&Criterion], risk: &str| {
                kept.iter()
                    .any(|c| !c.closing && c.addresses.iter().any(|r| r == risk))
            };
            let now = lot_criteria(catalog, selection, &category.id).kept;
            // For each answer the lot is asked: the risks a yes would bring criteria for (the lot
            // did not give it), or the risks it left without criteria (the lot gave it).
            for feature in LotFeature::ALL.into_iter().filter(|f| category.asks(*f)) {
                let held = selection.feature(feature).contains(&category.id);
                if !held && selection.lot_has(&category.id, feature) {
                    continue; // implied by a stricter answer: that one speaks for it
                }
                let mut other = selection.clone();
                if held {
                    other.feature_mut(feature).remove(&category.id);
                    if let Some(milder) = feature.implies() {
                        other.feature_mut(milder).insert(category.id.clone());
                    }
                } else {
                    other.feature_mut(feature).insert(category.id.clone());
                }
                let then = lot_criteria(catalog, &other, &category.id).kept;
                let risks: Vec<String> = selection
                    .chosen_risks(catalog)
                    .filter(|r| !addressed(&now, &r.id) && addressed(&then, &r.id))
                    .map(|r| r.name.clone())
                    .collect();
                if !risks.is_empty() {
                    doc.scope_gaps.push(ScopeGap {
                        lot,
                        name: category.name.clone(),
                        feature,
                        risks,
                        held,
                    });
                }
            }
        }
        let host = members[0];
        let name = members
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        // Tender order within the lot, whatever order its categories brought them in.
        let keys: Vec<u64> = kept
            .iter()
            .map(|k| tender_rank(k.criterion, k.index))
            .collect();
        let kept = reorder(kept, &keys);
        let awards: Vec<&Criterion> = kept
            .iter()
            .map(|k| k.criterion)
            .filter(|c| c.award.is_some())
            .collect();
        let weights: Vec<u32> = awards
            .iter()
            .filter_map(|c| c.award.as_ref().map(|a| a.weight))
            .collect();
        let shares = total_points.map(|total| (total, allocate(total, &weights)));
        let points_short = match &shares {
            Some((total, None)) => Some(PointsShortfall {
                needed: u32::try_from(weights.len()).unwrap_or(u32::MAX),
                total: *total,
                candidates: Vec::new(),
            }),
            _ => None,
        };
        let shares: Vec<u32> = shares.and_then(|(_, s)| s).unwrap_or_default();
        let points = awards
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), shares.get(i).copied()))
            .collect();
        let has_award = !awards.is_empty();
        let mut cpv: Vec<CpvCode> = Vec::new();
        for c in members.iter().flat_map(|m| &m.cpv) {
            if !cpv.iter().any(|k| k.code == c.code) {
                cpv.push(c.clone());
            }
        }
        doc.lots.push(Lot {
            number: lot,
            category: host.id.clone(),
            categories: members.iter().map(|c| c.id.clone()).collect(),
            name: name.clone(),
            cpv,
            cpv_note: members
                .iter()
                .map(|c| c.cpv_note.trim())
                .filter(|n| !n.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
            features: {
                let held = |f: LotFeature| {
                    members
                        .iter()
                        .any(|c| c.asks(f) && selection.lot_has(&c.id, f))
                };
                // A stricter answer says the milder one it implies.
                LotFeature::ALL
                    .into_iter()
                    .filter(|f| held(*f))
                    .filter(|f| {
                        !LotFeature::ALL
                            .into_iter()
                            .any(|s| s.implies() == Some(*f) && held(s))
                    })
                    .collect()
            },
            level: selection.lot_level(&host.id),
            criteria: kept.len(),
            unallocated_points: total_points
                .filter(|_| !has_award && selection.stages.contains(&ProcedureStage::Award)),
            points_short,
        });
        plans.push(LotPlan {
            lot,
            name,
            members,
            kept,
            points,
        });
    }

    // Offered criteria in tender order within each lot.
    let keys: Vec<u64> = doc
        .offered
        .iter()
        .map(|o| {
            let index = catalog.criteria.iter().position(|c| c.id == o.id);
            ((o.lot as u64) << 40) | ((o.kind as u64) << 32) | index.unwrap_or(0) as u64
        })
        .collect();
    doc.offered = reorder(std::mem::take(&mut doc.offered), &keys);

    // 2. One number per criterion in the whole document, in tender order.
    let mut order: Vec<(CriterionKind, bool, AmbitionLevel, usize, &Criterion)> = Vec::new();
    // (kind, closing, level, catalogue index, criterion), put in tender order below.
    for plan in &plans {
        for k in &plan.kept {
            if !order.iter().any(|o| o.4.id == k.criterion.id) {
                let c = k.criterion;
                order.push((c.kind, c.closing, c.level, k.index, c));
            }
        }
    }
    let keys: Vec<u64> = order.iter().map(|o| tender_rank(o.4, o.3)).collect();
    let order = reorder(order, &keys);
    let mut numbers: Vec<(&str, String)> = Vec::new();
    for kind in CriterionKind::ALL {
        for (n, (_, _, _, _, c)) in order.iter().filter(|o| o.0 == kind).enumerate() {
            numbers.push((&c.id, format!("{}{}", kind.number_prefix(), n + 1)));
        }
    }
    let number_of = |id: &str| {
        numbers
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    };
    for lot in &mut doc.lots {
        if let Some(short) = lot.points_short.as_mut() {
            let Some(plan) = plans.iter().find(|p| p.lot == lot.number) else {
                continue;
            };
            let awards: Vec<&Criterion> = plan
                .kept
                .iter()
                .map(|k| k.criterion)
                .filter(|c| c.award.is_some())
                .collect();
            // Lowest suggested weight first: the criteria a buyer would drop first.
            let weights: Vec<u64> = awards
                .iter()
                .map(|c| c.award.as_ref().map_or(0, |a| u64::from(a.weight)))
                .collect();
            let awards = reorder(awards, &weights);
            short.candidates = awards
                .iter()
                .map(|c| DroppableAward {
                    key: plan
                        .keeping(&c.id)
                        .first()
                        .map(|m| drop_key(&m.id, &c.id))
                        .unwrap_or_default(),
                    number: number_of(&c.id),
                    title: shown_title(catalog, c, m),
                })
                .collect();
        }
        lot.points_short = lot.points_short.take().filter(|s| s.needed > s.total);
    }

    // 3. The sections, each criterion filled in for the lots it applies to.
    let mut parsed: Vec<(&str, Templates)> = Vec::new();
    let mut missing: Vec<Placeholder> = Vec::new();
    let mut named_labels: Vec<&str> = Vec::new();
    let mut filler = Filler {
        m,
        selection,
        missing: &mut missing,
        parsed: &mut parsed,
    };
    let mut build_item =
        |filler: &mut Filler<'_, 'c>, criterion: &'c Criterion, in_lots: &[&LotPlan<'c>]| -> Item {
            let lots: Vec<usize> = in_lots.iter().map(|p| p.lot).collect();
            let names: Vec<&str> = in_lots.iter().map(|p| p.name.as_str()).collect();
            // (lot, category) for each category of those lots that keeps the criterion.
            let units: Vec<(usize, &Category)> = in_lots
                .iter()
                .flat_map(|p| p.keeping(&criterion.id).iter().map(move |c| (p.lot, *c)))
                .collect();
            // Said where the criterion applies to some categories of its lots only.
            let only: Vec<String> = if in_lots
                .iter()
                .all(|p| p.keeping(&criterion.id).len() == p.members.len())
            {
                Vec::new()
            } else {
                units.iter().map(|(_, c)| c.name.clone()).collect()
            };
            let points = match in_lots {
                [one] if criterion.award.is_some() => one
                    .points
                    .iter()
                    .find(|(id, _)| *id == criterion.id)
                    .and_then(|(_, p)| *p),
                _ => None,
            };
            let body = filler.body(criterion, &names, points);
            let points_line = criterion
                .award
                .as_ref()
                .map(|_| match (points, total_points) {
                    (Some(p), Some(total)) => vec![Span::Value(fill(
                        m.points_value,
                        &[("points", &p.to_string()), ("total", &total.to_string())],
                    ))],
                    _ => {
                        filler.note_missing(Placeholder::Points);
                        vec![Span::Missing(Placeholder::Points)]
                    }
                });
            // A label is named for the lots it can prove anything for; where that is not every lot
            // of the item, the lots are said with it.
            let label_names = |ids: &'c [String], named: &mut Vec<&'c str>| -> Vec<String> {
                ids.iter()
                    .filter_map(|l| catalog.label(l))
                    .filter_map(|label| {
                        let valid: Vec<&(usize, &Category)> = units
                            .iter()
                            .filter(|(_, c)| label.applies_to_category(&c.id))
                            .collect();
                        if valid.is_empty() {
                            return None;
                        }
                        if !named.contains(&label.id.as_str()) {
                            named.push(&label.id);
                        }
                        // Whole lots are named by number, parts of a lot by category.
                        let whole_lots: Vec<usize> = in_lots
                            .iter()
                            .filter(|p| {
                                p.keeping(&criterion.id)
                                    .iter()
                                    .all(|c| label.applies_to_category(&c.id))
                            })
                            .map(|p| p.lot)
                            .collect();
                        Some(if valid.len() == units.len() {
                            label.name.clone()
                        } else if valid.iter().all(|(lot, _)| whole_lots.contains(lot)) {
                            fill(
                                m.label_for_lots,
                                &[("name", &label.name), ("lots", &m.lot_numbers(&whole_lots))],
                            )
                        } else {
                            let names: Vec<String> = valid
                                .iter()
                                .map(|(_, c)| fill(m.lot_quoted, &[("name", &c.name)]))
                                .collect();
                            let names: Vec<&str> = names.iter().map(String::as_str).collect();
                            fill(
                                m.label_for_lots,
                                &[("name", &label.name), ("lots", &m.join_list(&names))],
                            )
                        })
                    })
                    .collect()
            };
            let labels = label_names(&criterion.verification.labels, &mut named_labels);
            let partial_labels =
                label_names(&criterion.verification.partial_labels, &mut named_labels);
            let scope = criterion.requires.clone();
            let added = units
                .iter()
                .any(|(_, c)| selection.added.contains(&drop_key(&c.id, &criterion.id)));
            Item {
                keys: units
                    .iter()
                    .map(|(_, c)| drop_key(&c.id, &criterion.id))
                    .collect(),
                only,
                id: criterion.id.clone(),
                number: number_of(&criterion.id),
                title: shown_title(catalog, criterion, m),
                level: criterion.level,
                lots,
                body,
                points: points_line,
                max_points: points,
                scoring: criterion.award.as_ref().map(|a| a.scoring.clone()),
                verification: ItemVerification {
                    submit: criterion.verification.submit.clone(),
                    labels,
                    partial_labels,
                    equivalent: criterion.verification.equivalent.clone(),
                },
                legal: criterion
                    .legal_basis
                    .iter()
                    .filter_map(|l| catalog.legal_basis(l).map(|l| l.citation.clone()))
                    .collect(),
                authority: criterion
                    .authority
                    .then(|| catalog.meta.overlay.as_ref().map(|o| o.authority.clone()))
                    .flatten(),
                why: {
                    // In catalogue order of risks, like the names.
                    let chosen: Vec<&RiskTopic> = selection
                        .chosen_risks(catalog)
                        .filter(|r| criterion.addresses.contains(&r.id))
                        .collect();
                    Why {
                        risks: chosen.iter().map(|r| r.name.clone()).collect(),
                        hotspots: chosen
                            .iter()
                            .map(|r| {
                                let categories: Vec<&str> =
                                    units.iter().map(|(_, c)| c.id.as_str()).collect();
                                hotspot(catalog, &categories, &r.id)
                            })
                            .collect(),
                        added,
                        scope,
                    }
                },
            }
        };
    for kind in CriterionKind::ALL {
        let of_kind: Vec<&Criterion> = order.iter().filter(|o| o.0 == kind).map(|o| o.4).collect();
        if of_kind.is_empty() {
            continue;
        }
        let keeps = |p: &LotPlan, c: &Criterion| p.kept.iter().any(|k| k.criterion.id == c.id);
        let layout = if per_lot(kind) {
            let mut groups = Vec::new();
            for plan in &plans {
                let items: Vec<Item> = of_kind
                    .iter()
                    .filter(|c| keeps(plan, c))
                    .map(|c| build_item(&mut filler, c, &[plan]))
                    .collect();
                if !items.is_empty() {
                    groups.push(LotGroup {
                        lot: plan.lot,
                        items,
                    });
                }
            }
            Layout::PerLot(groups)
        } else {
            Layout::Procedure(
                of_kind
                    .iter()
                    .map(|c| {
                        let in_lots: Vec<&LotPlan> = plans.iter().filter(|p| keeps(p, c)).collect();
                        build_item(&mut filler, c, &in_lots)
                    })
                    .collect(),
            )
        };
        doc.sections.push(Section { kind, layout });
    }

    // 4. The plan and the guidance: one entry per criterion, with the lots it is used in.
    for (_, _, _, _, criterion) in &order {
        let in_lots: Vec<&LotPlan> = plans
            .iter()
            .filter(|p| p.kept.iter().any(|k| k.criterion.id == criterion.id))
            .collect();
        let lots: Vec<usize> = in_lots.iter().map(|p| p.lot).collect();
        let names: Vec<&str> = in_lots.iter().map(|p| p.name.as_str()).collect();
        let number = number_of(&criterion.id);
        if let Some(plan) = doc.plan.as_mut() {
            if let Some([kpi, cadence, follow_up, remediation]) = filler.plan(criterion, &names) {
                plan.push(PlanEntry {
                    id: criterion.id.clone(),
                    number: number.clone(),
                    title: shown_title(catalog, criterion, m),
                    lots: lots.clone(),
                    kpi,
                    cadence,
                    follow_up,
                    remediation,
                });
            }
        }
        let mut notes: Vec<LotNote> = Vec::new();
        for plan in &in_lots {
            for note in criterion.notes.iter().filter(|n| {
                plan.keeping(&criterion.id)
                    .iter()
                    .any(|c| n.categories.contains(&c.id))
            }) {
                match notes.iter_mut().find(|n| n.text == note.text) {
                    Some(same) => push_lot(&mut same.lots, plan.lot),
                    None => notes.push(LotNote {
                        lots: vec![plan.lot],
                        text: note.text.clone(),
                    }),
                }
            }
        }
        let mut instead_of: Vec<Replacement> = Vec::new();
        for (lot, left_out, _, reason) in covered_by.iter().filter(|c| c.2.id == criterion.id) {
            match instead_of.iter_mut().find(|r| r.id == left_out.id) {
                Some(replacement) => push_lot(&mut replacement.lots, *lot),
                None => instead_of.push(Replacement {
                    lots: vec![*lot],
                    id: left_out.id.clone(),
                    title: shown_title(catalog, left_out, m),
                    reason: reason.to_string(),
                }),
            }
        }
        doc.guidance.push(GuidanceEntry {
            id: criterion.id.clone(),
            number,
            title: shown_title(catalog, criterion, m),
            lots,
            note: criterion.guidance.clone(),
            notes,
            instead_of,
            legal: criterion
                .legal_basis
                .iter()
                .filter_map(|l| catalog.legal_basis(l).map(|l| l.citation.clone()))
                .collect(),
            addresses: risk_names(&criterion.addresses),
            duties: catalog
                .duties
                .iter()
                .filter(|d| d.criteria.contains(&criterion.id))
                .map(|d| duty_note(catalog, m, selection, d))
                .collect(),
        });
    }

    // 5. References in catalogue order, each once.
    doc.legal = catalog
        .legal
        .iter()
        .filter(|l| order.iter().any(|o| o.4.legal_basis.contains(&l.id)))
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
    missing.sort();
    doc.missing = missing;
    let text = super::render::text::body(&doc, super::render::Part::Whole);
    doc.text_hash = short_sha256(text.as_bytes());
    doc.text_chars = text.chars().count();
    doc
}
