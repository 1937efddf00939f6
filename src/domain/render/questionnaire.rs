//! The supplier questionnaire: from the chosen criteria, one numbered question per criterion (once
//! for every lot it applies to), what the bidder provides and the proof each accepts ("or
//! equivalent" kept), with room for the answer per lot. First what is submitted with the tender,
//! then the contract clauses, accepted with the tender and delivered during the contract. A part
//! like the others, so it comes in every format and in two languages.

use super::{clean, field, labelled, plain, Sink};
use crate::domain::catalog::CriterionKind;
use crate::domain::document::{Document, Item};
use crate::domain::i18n::fill;

/// Room for an answer: a dotted line in every format (no character any format escapes).
const ANSWER_SPACE: &str = "……………………………………………………";

/// Each criterion once, in tender order, with every lot it applies to; a criterion written per
/// lot whose proof differs between lots (other labels count for other products) is asked per lot.
fn questions(doc: &Document, contract: bool) -> Vec<(&Item, Vec<usize>)> {
    let mut out: Vec<(&Item, Vec<usize>)> = Vec::new();
    // The number's digits: EX1 < EX2 < … within a kind.
    let rank = |item: &Item| -> u32 {
        item.number
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .parse()
            .unwrap_or(u32::MAX)
    };
    for section in &doc.sections {
        if (section.kind == CriterionKind::ContractClause) != contract {
            continue;
        }
        let start = out.len();
        for item in section.items() {
            let same =
                |seen: &&Item| seen.number == item.number && seen.verification == item.verification;
            match out[start..].iter_mut().find(|(seen, _)| same(seen)) {
                Some((_, lots)) => {
                    for lot in &item.lots {
                        // Lots come in order, so the list stays in order.
                        if !lots.contains(lot) {
                            lots.push(*lot);
                        }
                    }
                }
                None => {
                    // In number order within the kind (per-lot criteria come lot by lot).
                    let at = out[start..]
                        .iter()
                        .position(|(seen, _)| rank(seen) > rank(item))
                        .map_or(out.len(), |i| start + i);
                    out.insert(at, (item, item.lots.clone()));
                }
            }
        }
    }
    out
}

pub(super) fn walk(doc: &Document, sink: &mut dyn Sink) {
    let m = doc.language.messages();
    sink.heading(2, m.questionnaire_title);
    sink.paragraph(&[plain(m.questionnaire_intro)]);
    let plan = doc.plan.as_deref().unwrap_or_default();
    let mut n = 0;
    for (contract, heading) in [
        (false, m.questionnaire_with_tender),
        (true, m.questionnaire_contract),
    ] {
        let questions = questions(doc, contract);
        if questions.is_empty() {
            continue;
        }
        sink.heading(3, heading);
        for (item, lots) in questions {
            n += 1;
            sink.heading(
                4,
                &clean(&fill(
                    m.questionnaire_question,
                    &[
                        ("n", &n.to_string()),
                        ("number", &item.number),
                        ("title", &item.title),
                    ],
                )),
            );
            let lot_names = super::lot_titles(doc, &lots);
            if doc.lots.len() > 1 {
                let names: Vec<&str> = lot_names.iter().map(String::as_str).collect();
                sink.paragraph(&field(m, m.applies_to, &m.join_list(&names)));
            }
            sink.paragraph(&field(
                m,
                m.questionnaire_provide,
                &item.verification.submit,
            ));
            for (lead, labels) in [
                (m.accepted_proof, &item.verification.labels),
                (m.accepted_partial_proof, &item.verification.partial_labels),
            ] {
                if !labels.is_empty() {
                    let mut names = labels.clone();
                    names.push(m.or_equivalent.to_string());
                    sink.paragraph(&field(m, lead, &names.join(", ")));
                }
            }
            if !item.verification.equivalent.trim().is_empty() {
                sink.paragraph(&field(m, m.equivalent_proof, &item.verification.equivalent));
            }
            // What the contract manager will check, from the plan, for a clause.
            if let Some(entry) = plan.iter().find(|e| e.number == item.number) {
                let kpi: String = super::spans(m, &entry.kpi)
                    .into_iter()
                    .map(|i| i.text)
                    .collect();
                sink.paragraph(&field(m, m.questionnaire_checked, &kpi));
            }
            // Room for the answer, once per lot where the criterion stands in several.
            if lot_names.len() > 1 {
                let lines: Vec<Vec<_>> = lot_names
                    .iter()
                    .map(|lot| {
                        vec![
                            labelled(m, &fill(m.questionnaire_answer_lot, &[("lot", lot)])),
                            plain(&format!(" {ANSWER_SPACE}")),
                        ]
                    })
                    .collect();
                sink.bullets(&lines);
            } else {
                sink.paragraph(&[
                    labelled(m, m.questionnaire_answer),
                    plain(&format!(" {ANSWER_SPACE}")),
                ]);
            }
        }
    }
}
