//! Selection in, document out: order, numbering, ambition, replacement, dropping, placeholders,
//! points and the footer, on a small catalogue built in code.

mod common;

use common::{fixture, full_selection};
use criteria_builder::domain::assemble::assemble;
use criteria_builder::domain::catalog::{AmbitionLevel, CriterionKind};
use criteria_builder::domain::digest::short_sha256;
use criteria_builder::domain::document::{Document, Item, Span};
use criteria_builder::domain::i18n::Language;
use criteria_builder::domain::render::{markdown, text, Part};
use criteria_builder::domain::selection::{drop_key, ProcedureStage};
use criteria_builder::domain::template::{Block, Placeholder};
use proptest::prelude::*;

fn ids(doc: &Document, lot: usize) -> Vec<String> {
    doc.lot_items(lot + 1)
        .iter()
        .map(|i| format!("{}={}", i.number, i.id))
        .collect()
}

#[test]
fn criteria_come_in_tender_order_with_one_number_per_criterion_in_the_document() {
    let doc = assemble(
        &fixture(),
        &full_selection(AmbitionLevel::Advanced),
        Language::En,
    );
    assert_eq!(doc.lots.len(), 2);
    assert_eq!(doc.lots[0].name, "Laptops");
    assert_eq!(
        ids(&doc, 0),
        [
            "EX1=EX-01",
            "SC1=SC-01",
            "TS1=TS-01",
            "AC1=AC-01",
            "AC2=AC-02",
            "CPC1=CL-01"
        ]
    );
    // The same criterion has the same number in every lot.
    assert_eq!(ids(&doc, 1), ["EX1=EX-01", "TS1=TS-01", "CPC1=CL-01"]);
    let kinds: Vec<CriterionKind> = doc.sections.iter().map(|s| s.kind).collect();
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(kinds, sorted, "sections follow tender order");
}

#[test]
fn a_higher_level_includes_the_lower_ones_and_replaces_what_it_supersedes() {
    let catalog = fixture();
    let basic = assemble(
        &catalog,
        &full_selection(AmbitionLevel::Basic),
        Language::En,
    );
    assert_eq!(
        ids(&basic, 0),
        ["EX1=EX-01", "SC1=SC-01", "AC1=AC-01", "CPC1=CL-01"]
    );
    let spearhead = assemble(
        &catalog,
        &full_selection(AmbitionLevel::Spearhead),
        Language::En,
    );
    let lot = ids(&spearhead, 0);
    // Numbers run over the whole document: CL-01 (phones) comes before CL-02 (laptops).
    assert!(lot.contains(&"CPC2=CL-02".to_string()), "{lot:?}");
    assert!(
        !lot.iter().any(|i| i.ends_with("=CL-01")),
        "CL-02 replaces CL-01: {lot:?}"
    );
    // Phones have no CL-02, so CL-01 stays there.
    assert!(ids(&spearhead, 1).contains(&"CPC1=CL-01".to_string()));
}

#[test]
fn only_chosen_risks_and_stages_are_included() {
    let catalog = fixture();
    let mut selection = full_selection(AmbitionLevel::Advanced);
    selection.risks.remove("forced");
    selection.stages = [ProcedureStage::Award].into_iter().collect();
    let doc = assemble(&catalog, &selection, Language::En);
    assert_eq!(ids(&doc, 0), ["AC1=AC-02"]);
    assert!(doc.lot_items(2).is_empty());
    assert_eq!(doc.lots[1].criteria, 0);
    assert!(doc.plan.is_none(), "no plan unless asked for");
    assert!(
        text::render(&doc, Part::Whole).contains("No criterion in the catalogue matches this lot")
    );
}

#[test]
fn dropped_criteria_leave_the_text_and_can_be_listed_for_restoring() {
    let catalog = fixture();
    let mut selection = full_selection(AmbitionLevel::Advanced);
    selection.dropped.insert(drop_key("laptops", "SC-01"));
    let doc = assemble(&catalog, &selection, Language::En);
    assert!(!ids(&doc, 0).iter().any(|i| i.ends_with("=SC-01")));
    assert_eq!(doc.dropped.len(), 1);
    assert_eq!(doc.dropped[0].key, "laptops/SC-01");
    assert!(!markdown::render(&doc, Part::Whole).contains("Tenderers shall describe their system"));
}

#[test]
fn dropping_a_criterion_that_replaces_another_brings_the_replaced_one_back() {
    let catalog = fixture();
    let mut selection = full_selection(AmbitionLevel::Spearhead);
    selection.dropped.insert(drop_key("laptops", "CL-02"));
    let doc = assemble(&catalog, &selection, Language::En);
    let lot = ids(&doc, 0);
    assert!(
        lot.contains(&"CPC1=CL-01".to_string()),
        "CL-02 was dropped, so the clause it replaced applies again: {lot:?}"
    );
    assert!(!lot.iter().any(|i| i.ends_with("=CL-02")));
    assert_eq!(doc.dropped[0].id, "CL-02");
}

#[test]
fn a_closing_clause_follows_the_other_clauses_and_goes_with_them() {
    let mut catalog = fixture();
    let mut breach = common::criterion(
        "BR-01",
        CriterionKind::ContractClause,
        AmbitionLevel::Basic,
        &["*"],
        &["forced", "minerals"],
        "Breach of the clauses above.",
    );
    breach.closing = true;
    // First in the catalogue, yet placed after the lot's other clauses.
    catalog.criteria.insert(0, breach);
    let mut selection = full_selection(AmbitionLevel::Spearhead);
    let doc = assemble(&catalog, &selection, Language::En);
    let lot = ids(&doc, 0);
    assert_eq!(
        &lot[lot.len() - 2..],
        ["CPC2=CL-02", "CPC3=BR-01"],
        "{lot:?}"
    );
    // Without another clause of its kind in the lot it has nothing to speak about.
    selection.risks.remove("forced");
    let doc = assemble(&catalog, &selection, Language::En);
    assert!(!ids(&doc, 0).iter().any(|i| i.ends_with("=BR-01")));
    // Dropping the lot's only other clause takes it away too, and it is not listed as dropped.
    let mut selection = full_selection(AmbitionLevel::Advanced);
    selection.dropped.insert(drop_key("phones", "CL-01"));
    let doc = assemble(&catalog, &selection, Language::En);
    assert!(
        !ids(&doc, 1).iter().any(|i| i.contains("BR-01")),
        "{:?}",
        ids(&doc, 1)
    );
    assert!(ids(&doc, 0).contains(&"CPC2=BR-01".to_string()));
    assert_eq!(doc.dropped.len(), 1);
}

#[test]
fn a_note_for_some_categories_says_which_lots_it_concerns() {
    use criteria_builder::domain::catalog::Note;
    let mut catalog = fixture();
    let ts = catalog
        .criteria
        .iter_mut()
        .find(|c| c.id == "TS-01")
        .unwrap();
    ts.notes = vec![
        Note {
            categories: vec!["laptops".into(), "phones".into()],
            text: "Check the market first.".into(),
        },
        Note {
            categories: vec!["phones".into()],
            text: "Phones only.\n\nA second paragraph.".into(),
        },
    ];
    let doc = assemble(
        &catalog,
        &full_selection(AmbitionLevel::Advanced),
        Language::En,
    );
    let plain = text::render(&doc, Part::Whole);
    assert!(
        plain.contains("In lot 1 and 2: Check the market first."),
        "{plain}"
    );
    assert!(plain.contains("In lot 2: Phones only."));
    assert!(!plain.contains("In lot 2: A second paragraph."));
    // With one lot, saying so would be noise.
    let mut one = full_selection(AmbitionLevel::Advanced);
    one.categories.remove("laptops");
    let plain = text::render(&assemble(&catalog, &one, Language::En), Part::Whole);
    assert!(plain.contains("Phones only.") && !plain.contains("In lot 1: Phones only."));
}

#[test]
fn award_points_add_up_exactly_to_the_total_in_every_lot() {
    let doc = assemble(
        &fixture(),
        &full_selection(AmbitionLevel::Advanced),
        Language::En,
    );
    let award: Vec<&Item> = doc
        .lot_items(1)
        .into_iter()
        .filter(|i| i.points.is_some())
        .collect();
    let texts: Vec<String> = award
        .iter()
        .map(|i| match &i.points.as_ref().unwrap()[0] {
            Span::Value(v) => v.clone(),
            other => panic!("points missing: {other:?}"),
        })
        .collect();
    // Weights 3 and 1 share 20 points as 15 and 5.
    assert_eq!(
        texts,
        [
            "up to 15 of the 20 points for ethical award criteria",
            "up to 5 of the 20 points for ethical award criteria"
        ]
    );
    assert!(markdown::render(&doc, Part::Whole).contains("Up to 15 points."));
    // Phones have no award criterion: the points are said to be unallocated, not silently lost.
    assert_eq!(doc.lots[1].unallocated_points, Some(20));
}

#[test]
fn placeholders_are_filled_and_unfilled_ones_show_a_marker() {
    let catalog = fixture();
    let filled = assemble(
        &catalog,
        &full_selection(AmbitionLevel::Spearhead),
        Language::En,
    );
    let md = markdown::render(&filled, Part::Whole);
    assert!(md.contains("Exclusion for breaches during 48 months."));
    assert!(md.contains("Disclose factories for EUR 2 million; remedy within 30 days."));
    assert!(md.contains("shall report within 60 days."));
    assert!(md.contains("first point the lot \u{201c}Laptops\u{201d}"));
    assert!(filled.missing.is_empty(), "{:?}", filled.missing);

    let mut selection = full_selection(AmbitionLevel::Spearhead);
    selection.details = Default::default();
    let empty = assemble(&catalog, &selection, Language::En);
    let txt = text::render(&empty, Part::Whole);
    assert!(
        txt.contains("Exclusion for breaches during [contract duration]."),
        "{txt}"
    );
    // Every period has a suggested value: an untouched one leaves no marker.
    assert!(txt.contains("remedy within 30 days"), "{txt}");
    assert!(txt.contains("shall report within 60 days."));
    assert!(txt.contains("Up to [points] points."));
    assert_eq!(
        empty.missing,
        [
            Placeholder::Authority,
            Placeholder::ContractDuration,
            Placeholder::EstimatedValue,
            Placeholder::Points,
        ]
    );
    // Markers are emphasised in Markdown so they cannot be overlooked.
    assert!(markdown::render(&empty, Part::Whole).contains("**\\[contract duration\\]**"));
}

#[test]
fn bullets_survive_assembly() {
    let doc = assemble(
        &fixture(),
        &full_selection(AmbitionLevel::Advanced),
        Language::En,
    );
    let ts = doc.lot_items(1)[2];
    assert!(matches!(ts.body[1], Block::Bullets(ref items) if items.len() == 2));
    assert!(markdown::render(&doc, Part::Whole)
        .contains("- first point the lot \u{201c}Laptops\u{201d}\n- second point\n"));
}

#[test]
fn guidance_stays_out_of_the_tender_text_and_the_plan_lists_clauses() {
    let doc = assemble(
        &fixture(),
        &full_selection(AmbitionLevel::Advanced),
        Language::En,
    );
    let md = markdown::render(&doc, Part::Whole);
    let part_a = md.split("## Part B").next().unwrap();
    assert!(
        !part_a.contains("Guidance for"),
        "guidance leaked into the tender text"
    );
    let guidance = md.split("## Part C").nth(1).unwrap();
    assert!(guidance.contains("Guidance for SC-01."));
    // A criterion used in two lots appears once in the guidance, with both references.
    assert!(
        guidance.contains("EX1. Title of EX-01 (lots 1 and 2) (catalogue ref. EX-01)"),
        "{guidance}"
    );
    let plan = doc.plan.as_ref().unwrap();
    assert_eq!(plan.len(), 1);
    assert_eq!(plan[0].kpi, [Span::Text("KPI of CL-01".into())]);
    // The plan's placeholders are filled like the tender text.
    assert!(
        md.contains(
            "Remediation and exit:** A plan within 30 days, or City of Example ends the contract."
        ),
        "{md}"
    );
}

#[test]
fn labels_are_offered_or_equivalent_and_referenced() {
    let doc = assemble(
        &fixture(),
        &full_selection(AmbitionLevel::Advanced),
        Language::En,
    );
    let txt = text::render(&doc, Part::Whole);
    assert!(
        txt.contains("Accepted as proof: TCO Certified, or equivalent"),
        "{txt}"
    );
    assert!(txt.contains("Equivalent proof: A test report."));
    assert!(txt.contains("TCO Certified. Covers: Factories. Does not cover: Mines."));
    assert!(txt.contains("Legal basis: Directive 2014/24/EU, Article 70"));
}

#[test]
fn the_footer_names_the_catalogue_and_a_hash_anyone_can_recompute() {
    let doc = assemble(
        &fixture(),
        &full_selection(AmbitionLevel::Advanced),
        Language::En,
    );
    let body = text::body(&doc, Part::Whole);
    assert_eq!(doc.text_hash, short_sha256(body.as_bytes()));
    assert_eq!(doc.text_hash.len(), 12);
    let full = text::render(&doc, Part::Whole);
    assert!(full.starts_with(&body));
    let footer = &full[body.len()..];
    assert!(footer.contains("version test-1"));
    assert!(footer.contains("catalogue hash 0123456789ab"));
    assert!(footer.contains(&format!("Text hash {}", doc.text_hash)));
    // Another authority name gives another text hash.
    let mut other = full_selection(AmbitionLevel::Advanced);
    other.details.authority = "Region of Example".into();
    assert_ne!(
        assemble(&fixture(), &other, Language::En).text_hash,
        doc.text_hash
    );
}

#[test]
fn a_label_is_offered_only_in_lots_it_can_prove_anything_for() {
    let doc = assemble(
        &fixture(),
        &full_selection(AmbitionLevel::Advanced),
        Language::En,
    );
    let ts = |lot: usize| {
        doc.lot_items(lot + 1)
            .into_iter()
            .find(|i| i.number.starts_with("TS"))
            .unwrap()
            .clone()
    };
    assert_eq!(ts(0).verification.labels, ["TCO Certified"]);
    assert!(
        ts(1).verification.labels.is_empty(),
        "the label covers laptops only"
    );
    assert_eq!(
        ts(1).verification.equivalent,
        "A test report.",
        "equivalent proof is still described"
    );
}

#[test]
fn nothing_chosen_gives_an_empty_but_valid_document() {
    let doc = assemble(&fixture(), &Default::default(), Language::En);
    assert!(doc.lots.is_empty());
    assert!(text::render(&doc, Part::Whole).contains("Ethical requirements for ICT procurement"));
}

proptest! {
    #[test]
    fn the_same_selection_always_gives_byte_identical_output(
        level in prop::sample::select(AmbitionLevel::ALL.to_vec()),
        points in 0u32..2000,
        drop_sc in any::<bool>(),
    ) {
        let mut selection = full_selection(level);
        selection.details.award_points = points.to_string();
        if drop_sc {
            selection.dropped.insert(drop_key("laptops", "SC-01"));
        }
        let catalog = fixture();
        let a = markdown::render(&assemble(&catalog, &selection, Language::En), Part::Whole);
        let b = markdown::render(&assemble(&catalog.clone(), &selection.clone(), Language::En), Part::Whole);
        prop_assert_eq!(a, b);
    }
}
