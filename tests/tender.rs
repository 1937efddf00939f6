//! A document built the way tenders are, by the buyer's choice: criteria included for the risks
//! they address, related ones offered, one number per criterion, stages published once or per
//! lot, working notes kept out of the tender text, and every part exportable on its own.

mod common;

use common::{fixture, full_selection};
use criteria_builder::domain::assemble::{assemble, lot_criteria};
use criteria_builder::domain::catalog::{AmbitionLevel, CriterionKind};
use criteria_builder::domain::digest::short_sha256;
use criteria_builder::domain::document::Layout;
use criteria_builder::domain::i18n::Language;
use criteria_builder::domain::measure::{measure, pages, per_level};
use criteria_builder::domain::render::{markdown, parts_of, text, Part};
use criteria_builder::domain::selection::{drop_key, ProcedureStage};

/// The fixture with AC-02 (about minerals) also touching forced labour.
fn touching() -> criteria_builder::domain::catalog::Catalog {
    let mut c = fixture();
    let ac = c.criteria.iter_mut().find(|k| k.id == "AC-02").unwrap();
    ac.touches = vec!["forced".into()];
    c
}

#[test]
fn a_criterion_comes_in_for_what_it_addresses_and_is_only_offered_for_what_it_touches() {
    let c = touching();
    let mut selection = full_selection(AmbitionLevel::Advanced);
    selection.risks = ["forced".to_string()].into_iter().collect();
    let found = lot_criteria(&c, &selection, "laptops");
    let kept: Vec<&str> = found.kept.iter().map(|k| k.id.as_str()).collect();
    assert!(!kept.contains(&"AC-02"), "{kept:?}");
    let offered: Vec<&str> = found.offered.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(offered, ["AC-02"]);
    let doc = assemble(&c, &selection, Language::En);
    assert_eq!(doc.offered.len(), 1);
    assert_eq!(doc.offered[0].touches, ["Forced labour"]);
    assert_eq!(doc.offered[0].key, "laptops/AC-02");

    // Added by the buyer, it is in, says why, and is no longer offered.
    selection.added.insert(drop_key("laptops", "AC-02"));
    let doc = assemble(&c, &selection, Language::En);
    let item = doc
        .lot_items(1)
        .into_iter()
        .find(|i| i.id == "AC-02")
        .unwrap()
        .clone();
    assert!(item.why.added);
    assert!(item.why.risks.is_empty());
    assert!(doc.offered.is_empty());
    // The others say which chosen risk brought them in.
    let ac = doc
        .lot_items(1)
        .into_iter()
        .find(|i| i.id == "AC-01")
        .unwrap();
    assert_eq!(ac.why.risks, ["Forced labour"]);
}

#[test]
fn a_criterion_made_redundant_by_a_kept_one_is_not_offered() {
    let mut c = fixture();
    // CL-01 touches minerals; at spearhead, CL-02 replaces it in the laptops lot.
    let cl = c.criteria.iter_mut().find(|k| k.id == "CL-01").unwrap();
    cl.addresses = vec!["minerals".into()];
    cl.touches = vec!["forced".into()];
    let mut selection = full_selection(AmbitionLevel::Spearhead);
    selection.risks = ["forced".to_string()].into_iter().collect();
    let found = lot_criteria(&c, &selection, "laptops");
    assert!(found.offered.iter().all(|k| k.id != "CL-01"));
    // In the phones lot nothing replaces it: offered there.
    let found = lot_criteria(&c, &selection, "phones");
    assert!(found.offered.iter().any(|k| k.id == "CL-01"));
}

#[test]
fn selection_and_clauses_are_written_once_with_their_lots_and_specifications_per_lot() {
    let doc = assemble(
        &fixture(),
        &full_selection(AmbitionLevel::Advanced),
        Language::En,
    );
    let layout = |kind| &doc.sections.iter().find(|s| s.kind == kind).unwrap().layout;
    match layout(CriterionKind::ExclusionGround) {
        Layout::Procedure(items) => {
            assert_eq!(items.len(), 1, "once per procedure");
            assert_eq!(items[0].lots, [1, 2]);
            assert_eq!(items[0].keys, ["laptops/EX-01", "phones/EX-01"]);
        }
        other => panic!("{other:?}"),
    }
    match layout(CriterionKind::TechnicalSpecification) {
        Layout::PerLot(groups) => {
            assert_eq!(groups.len(), 2);
            // The same specification keeps its number in both lots.
            assert_eq!(groups[0].items[0].number, "TS1");
            assert_eq!(groups[1].items[0].number, "TS1");
        }
        other => panic!("{other:?}"),
    }
    let md = markdown::render(&doc, Part::Tender);
    assert_eq!(md.matches("EX1. Title of EX-01").count(), 1, "{md}");
    assert!(md.contains("**Applies to:** all lots"));
    // A criterion for several lots names them all where the text says {lot}.
    let mut c = fixture();
    c.criteria
        .iter_mut()
        .find(|k| k.id == "EX-01")
        .unwrap()
        .text = "Exclusion in {lot}.".into();
    let md = markdown::render(
        &assemble(&c, &full_selection(AmbitionLevel::Advanced), Language::En),
        Part::Whole,
    );
    assert!(
        md.contains(
            "Exclusion in each of the lots \u{201c}Laptops\u{201d} and \u{201c}Phones\u{201d}."
        ),
        "{md}"
    );
    // Separate contracts: a clause written once says it applies to each lot separately.
    assert!(
        md.contains("This applies to each of these lots separately"),
        "{md}"
    );
}

#[test]
fn a_clause_for_some_lots_is_marked_with_them() {
    let doc = assemble(
        &fixture(),
        &full_selection(AmbitionLevel::Spearhead),
        Language::En,
    );
    let md = markdown::render(&doc, Part::Whole);
    // CL-02 (laptops) replaces CL-01 there; CL-01 stays for phones.
    assert!(md.contains("CPC1. Title of CL-01"), "{md}");
    assert!(md.contains("**Applies to:** Lot 2: Phones"), "{md}");
    assert!(md.contains("**Applies to:** Lot 1: Laptops"), "{md}");
}

#[test]
fn the_tender_text_leaves_working_notes_to_the_guidance_unless_asked() {
    let mut selection = full_selection(AmbitionLevel::Advanced);
    let c = fixture();
    let doc = assemble(&c, &selection, Language::En);
    let tender = text::render(&doc, Part::Tender);
    for note in ["catalogue ref.", "Legal basis:", "Risks addressed"] {
        assert!(!tender.contains(note), "{note} in the tender text");
    }
    let guidance = text::render(&doc, Part::Guidance);
    assert!(guidance.contains("(catalogue ref. EX-01)"));
    assert!(guidance.contains("Legal basis: Directive 2014/24/EU, Article 70"));
    assert!(guidance.contains("Addresses: Forced labour"));
    selection.working_notes = true;
    let with_notes = text::render(&assemble(&c, &selection, Language::En), Part::Tender);
    for note in ["catalogue ref.", "Legal basis:", "Risks addressed"] {
        assert!(
            with_notes.contains(note),
            "{note} missing with working notes"
        );
    }
}

#[test]
fn every_part_exports_alone_with_the_hash_of_its_own_text() {
    let doc = assemble(
        &fixture(),
        &full_selection(AmbitionLevel::Advanced),
        Language::En,
    );
    let parts = parts_of(&doc);
    assert_eq!(parts.len(), Part::ALL.len(), "{parts:?}");
    for part in parts {
        let body = text::body(&doc, part);
        let full = text::render(&doc, part);
        let hash = if part == Part::Whole {
            doc.text_hash.clone()
        } else {
            short_sha256(body.as_bytes())
        };
        assert!(full.contains(&format!("Text hash {hash}")), "{part:?}");
        let has = |heading: &str| body.contains(heading);
        match part {
            Part::Whole => assert!(has("Part A") && has("Part B") && has("Part C")),
            Part::Tender => assert!(has("Part A") && !has("Part B") && !has("Part C")),
            Part::Stage(ProcedureStage::Award) => {
                assert!(has("AC1.") && !has("TS1.") && !has("CPC1.") && !has("SC1."))
            }
            Part::Stage(ProcedureStage::Specifications) => {
                assert!(has("TS1.") && !has("AC1.") && !has("Part B"))
            }
            Part::Stage(ProcedureStage::Contract) => assert!(has("CPC1.") && !has("TS1.")),
            Part::Stage(ProcedureStage::Selection) => {
                assert!(has("EX1.") && has("SC1.") && !has("CPC1."))
            }
            Part::Stage(ProcedureStage::Management) => {
                assert!(has("Part B") && !has("Part A") && !has("Part C"))
            }
            Part::Guidance => assert!(has("Part C") && has("References") && !has("Part A")),
            Part::Questionnaire => {
                assert!(has("Supplier questionnaire") && has("(EX1)") && !has("Part A"))
            }
            Part::Notice => assert!(has("BT-06") && has("LOT-0001") && !has("Part A")),
            Part::Grid => {
                assert!(has("Evaluation grid") && has("Bidder 3: score") && !has("Part A"))
            }
        }
    }
}

#[test]
fn a_lot_can_have_its_own_level() {
    let c = fixture();
    let mut selection = full_selection(AmbitionLevel::Spearhead);
    selection.lot_levels.insert("laptops", "basic");
    let doc = assemble(&c, &selection, Language::En);
    let ids: Vec<&str> = doc.lot_items(1).iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        ["EX-01", "SC-01", "AC-01", "CL-01"],
        "laptops at basic"
    );
    assert_eq!(doc.lots[0].level, Some(AmbitionLevel::Basic));
    assert_eq!(doc.lots[1].level, Some(AmbitionLevel::Spearhead));
    assert!(text::render(&doc, Part::Tender).contains("Ambition level: Basic"));
}

#[test]
fn the_effort_of_each_level_is_measured_before_it_is_chosen() {
    let mut c = fixture();
    c.criteria
        .iter_mut()
        .find(|k| k.id == "AC-02")
        .unwrap()
        .bidder_pages = 3;
    let selection = full_selection(AmbitionLevel::Basic);
    let levels = per_level(&c, &selection, Language::En);
    assert_eq!(levels.len(), 3);
    let (basic, advanced) = (levels[0].1, levels[1].1);
    assert!(basic.criteria < advanced.criteria);
    assert_eq!(basic.bidder_pages, 0);
    assert_eq!(advanced.bidder_pages, 3);
    assert_eq!((advanced.award_to_read, advanced.award_by_rule), (1, 1));
    let doc = assemble(&c, &selection, Language::En);
    let m = measure(&c, &doc);
    assert_eq!(
        m.tender_pages,
        pages(text::body(&doc, Part::Tender).chars().count())
    );
    assert_eq!((pages(1), pages(4000), pages(4001)), (1, 1, 2));
}

#[test]
fn each_criterion_says_where_the_risk_it_was_chosen_for_is_worst() {
    use criteria_builder::domain::catalog::{SalienceLevel, SupplyChainStage};
    use criteria_builder::domain::embedded;
    use criteria_builder::domain::selection::Selection;
    let c = embedded::catalog(Language::En).unwrap();
    let selection = Selection {
        categories: ["laptops-desktops".to_string()].into_iter().collect(),
        risks: ["forced-labour", "child-labour"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        level: Some(AmbitionLevel::Basic),
        stages: ProcedureStage::ALL.into_iter().collect(),
        ..Selection::default()
    };
    let doc = assemble(&c, &selection, Language::En);
    let clause = doc
        .lot_items(1)
        .into_iter()
        .find(|i| i.id == "LR-CPC-01")
        .unwrap()
        .clone();
    assert_eq!(clause.why.risks, ["Forced labour", "Child labour"]);
    assert_eq!(
        clause.why.hotspots,
        [
            Some((SalienceLevel::High, vec![SupplyChainStage::Components])),
            Some((SalienceLevel::High, vec![SupplyChainStage::RawMaterials])),
        ]
    );
    // Basic, one lot, two risks, all tender stages: a handful of criteria in at most three pages
    // (ten criteria and over five pages before catalogue 2026.12.2, four pages in 2026.12.2).
    assert!(doc.lot_items(1).len() <= 7, "{}", doc.lot_items(1).len());
    let tender = text::body(&doc, Part::Tender).chars().count();
    assert!(pages(tender) <= 3, "{tender} characters of tender text");
    // Nothing it only touches is added: no conflict-minerals criterion, no award essay.
    assert!(doc.lot_items(1).iter().all(|i| !i.id.starts_with("CM-")));
    assert!(doc
        .lot_items(1)
        .iter()
        .filter(|i| i.points.is_some())
        .all(|i| c.criterion(&i.id).is_some_and(|k| k.bidder_pages == 0)));
    assert!(doc.offered.iter().any(|o| o.id == "CM-CPC-01"));
}

#[test]
fn dated_legal_duties_are_said_as_applying_during_the_contract_or_not() {
    use criteria_builder::domain::embedded;
    use criteria_builder::domain::selection::{DetailField, Field, Problem, Selection, Step};
    let c = embedded::catalog(Language::En).unwrap();
    let mut selection = Selection {
        categories: ["ev-batteries".to_string()].into_iter().collect(),
        risks: ["battery-minerals".to_string()].into_iter().collect(),
        level: Some(AmbitionLevel::Basic),
        stages: ProcedureStage::ALL.into_iter().collect(),
        ..Selection::default()
    };
    let passport = |selection: &Selection| -> String {
        let doc = assemble(&c, selection, Language::En);
        doc.guidance
            .iter()
            .find(|g| g.id == "BAT-TS-01")
            .unwrap()
            .duties
            .join(" ")
    };
    assert!(passport(&selection).contains("give the contract start date"));
    selection.details.start_date = "2026-06-01".into();
    assert!(passport(&selection).contains("give the contract duration"));
    selection.details.contract_months = "12".into();
    let during = passport(&selection);
    assert!(
        during.contains("while this contract runs (1 June 2026 to 31 May 2027)"),
        "{during}"
    );
    selection.details.contract_months = "6".into();
    assert!(passport(&selection).contains("after this contract ends on 30 November 2026"));
    selection.details.start_date = "2027-03-01".into();
    let before = passport(&selection);
    assert!(
        before.contains("applies from 18 February 2027")
            && before.contains("before this contract starts on 1 March 2027")
            && before.contains("It binds the economic operator that places an electric-vehicle"),
        "{before}"
    );
    selection.details.start_date = "2027-02-18".into();
    assert!(passport(&selection).contains("the day this contract starts"));
    selection.details.start_date = "2027-03-01".into();
    // The text of the duty appears in the guidance only, never in the tender text.
    let doc = assemble(&c, &selection, Language::En);
    assert!(!text::body(&doc, Part::Tender).contains("before this contract starts"));
    assert!(text::body(&doc, Part::Guidance).contains("before this contract starts"));
    // A date that does not exist is an error on the details step.
    selection.details.start_date = "2027-02-30".into();
    assert_eq!(
        selection.detail_problem(DetailField::StartDate),
        Some(Problem::NotADate)
    );
    assert!(selection
        .problems(Step::Details)
        .iter()
        .any(|e| e.field == Field::Detail(DetailField::StartDate)));
}

#[test]
fn products_bought_together_form_one_lot_with_each_criterion_saying_which_it_concerns() {
    let c = fixture();
    let mut selection = full_selection(AmbitionLevel::Spearhead);
    selection.joined.insert("phones", "laptops");
    let doc = assemble(&c, &selection, Language::En);
    assert_eq!(doc.lots.len(), 1);
    assert_eq!(doc.lots[0].categories, ["laptops", "phones"]);
    assert_eq!(doc.lots[0].name, "Laptops; Phones");
    // CL-02 (laptops only, spearhead) replaces CL-01 for laptops; phones keep CL-01.
    let items = doc.lot_items(1);
    let cl01 = items.iter().find(|i| i.id == "CL-01").unwrap();
    assert_eq!(cl01.keys, ["phones/CL-01"]);
    assert_eq!(cl01.only, ["Phones"]);
    let ex = items.iter().find(|i| i.id == "EX-01").unwrap();
    assert_eq!(ex.keys, ["laptops/EX-01", "phones/EX-01"]);
    assert!(ex.only.is_empty());
    // The label proves the specification for laptops only: said by product.
    let ts = items.iter().find(|i| i.id == "TS-01").unwrap();
    assert!(ts.only.is_empty());
    assert_eq!(
        ts.verification.labels,
        ["TCO Certified (for \u{201c}Laptops\u{201d})"]
    );
    let md = markdown::render(&doc, Part::Tender);
    assert!(
        md.contains("**Applies to:** \u{201c}Phones\u{201d}"),
        "{md}"
    );
    assert!(
        md.contains("the lot \u{201c}Laptops; Phones\u{201d}"),
        "{md}"
    );
    // One award model for the lot: the points add up once.
    let points: Vec<_> = items.iter().filter(|i| i.points.is_some()).collect();
    assert_eq!(points.len(), 2);
    // A grouping that no longer holds (the host unticked) falls apart into lots of their own.
    selection.categories.remove("laptops");
    selection.normalize_lots();
    assert!(selection.joined.is_empty());
}

#[test]
fn a_lot_with_nothing_for_a_chosen_risk_says_which_answer_would_bring_criteria() {
    use criteria_builder::domain::catalog::LotFeature;
    use criteria_builder::domain::embedded;
    use criteria_builder::domain::selection::Selection;
    let c = embedded::catalog(Language::En).unwrap();
    let mut selection = Selection {
        categories: ["monitors".to_string()].into_iter().collect(),
        risks: ["end-of-life".to_string()].into_iter().collect(),
        level: Some(AmbitionLevel::Advanced),
        stages: ProcedureStage::ALL.into_iter().collect(),
        ..Selection::default()
    };
    let doc = assemble(&c, &selection, Language::En);
    assert!(doc
        .scope_gaps
        .iter()
        .any(|g| g.feature == LotFeature::TakeBack
            && g.risks == ["Working conditions at end of life"]));
    assert!(text::body(&doc, Part::Guidance).contains("apply only if the lot includes taking back"));
    selection.take_back.insert("monitors".into());
    let doc = assemble(&c, &selection, Language::En);
    assert!(doc
        .scope_gaps
        .iter()
        .all(|g| g.feature != LotFeature::TakeBack));
    assert!(!doc.lot_items(1).is_empty());
}

#[test]
fn the_label_table_is_a_detail_the_buyer_must_name_before_publishing() {
    use criteria_builder::domain::embedded;
    use criteria_builder::domain::selection::Selection;
    use criteria_builder::domain::template::Placeholder;
    let c = embedded::catalog(Language::En).unwrap();
    let mut selection = Selection {
        categories: ["laptops-desktops".to_string()].into_iter().collect(),
        risks: ["forced-labour".to_string()].into_iter().collect(),
        level: Some(AmbitionLevel::Basic),
        stages: ProcedureStage::ALL.into_iter().collect(),
        ..Selection::default()
    };
    let doc = assemble(&c, &selection, Language::En);
    assert!(doc.missing.contains(&Placeholder::LabelTable));
    assert!(text::body(&doc, Part::Tender).contains("[the annex with the label table]"));
    selection.details.label_annex = "Annex 4 to the tender documents".into();
    let doc = assemble(&c, &selection, Language::En);
    assert!(!doc.missing.contains(&Placeholder::LabelTable));
    assert!(text::body(&doc, Part::Tender).contains("the table in Annex 4 to the tender documents"));
}

#[test]
fn an_answer_leaves_out_the_criteria_that_do_not_fit_it_and_the_document_says_so() {
    use criteria_builder::domain::catalog::LotFeature;
    let mut c = fixture();
    for k in c
        .criteria
        .iter_mut()
        .filter(|k| k.id == "TS-01" || k.id == "AC-02")
    {
        k.unless = vec![LotFeature::RefurbishedOnly];
    }
    c.categories[0].asks = vec![LotFeature::Refurbished];
    let mut selection = full_selection(AmbitionLevel::Advanced);
    selection.categories = ["laptops".to_string()].into_iter().collect();
    let ids = |selection: &criteria_builder::domain::selection::Selection| -> Vec<String> {
        lot_criteria(&c, selection, "laptops")
            .kept
            .iter()
            .map(|k| k.id.clone())
            .collect()
    };
    // Accepted: the criteria stay.
    selection.set_feature("laptops", LotFeature::Refurbished, true);
    assert!(ids(&selection).contains(&"TS-01".to_string()));
    assert!(assemble(&c, &selection, Language::En).scope_gaps.is_empty());
    // Required: they go, and the lot says which risk lost its criteria, and why.
    selection.set_feature("laptops", LotFeature::RefurbishedOnly, true);
    let kept = ids(&selection);
    assert!(!kept.contains(&"TS-01".to_string()), "{kept:?}");
    assert!(!kept.contains(&"AC-02".to_string()), "{kept:?}");
    assert!(kept.contains(&"AC-01".to_string()), "{kept:?}");
    let doc = assemble(&c, &selection, Language::En);
    assert_eq!(doc.scope_gaps.len(), 1, "{:?}", doc.scope_gaps);
    let gap = &doc.scope_gaps[0];
    assert!(gap.held);
    assert_eq!(gap.feature, LotFeature::RefurbishedOnly);
    assert_eq!(gap.risks, ["Conflict minerals"]);
    let guidance = text::body(&doc, Part::Guidance);
    assert!(
        guidance.contains("which delivers only refurbished equipment, the criteria on Conflict minerals are left out"),
        "{guidance}"
    );
    // The lot's scope line says the stricter answer only.
    assert_eq!(doc.lots[0].features, [LotFeature::RefurbishedOnly]);
    // Withdrawing "accepted" withdraws "required" too; the criteria come back.
    selection.set_feature("laptops", LotFeature::Refurbished, false);
    assert!(selection.refurbished_only.is_empty());
    assert!(ids(&selection).contains(&"TS-01".to_string()));
}

#[test]
fn a_one_off_purchase_gets_the_breach_clause_for_it_and_old_answers_are_read_as_no() {
    use criteria_builder::domain::catalog::LotFeature;
    use criteria_builder::domain::changes::since;
    use criteria_builder::domain::embedded;
    use criteria_builder::domain::notice::Notice;
    use criteria_builder::domain::selection::Selection;
    let c = embedded::catalog(Language::En).unwrap();
    let mut selection = Selection {
        categories: ["laptops-desktops", "monitors"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        risks: ["forced-labour".to_string()].into_iter().collect(),
        level: Some(AmbitionLevel::Basic),
        stages: ProcedureStage::ALL.into_iter().collect(),
        ..Selection::default()
    };
    let clause = |doc: &criteria_builder::domain::document::Document, id: &str| {
        doc.sections
            .iter()
            .flat_map(|s| s.items())
            .find(|i| i.id == id)
            .map(|i| (i.number.clone(), i.lots.clone()))
    };
    // Orders over a term (the default): the breach clause may suspend new orders.
    let doc = assemble(&c, &selection, Language::En);
    assert_eq!(clause(&doc, "GEN-CPC-01").map(|(_, l)| l), Some(vec![1, 2]));
    assert!(clause(&doc, "GEN-CPC-02").is_none());
    assert!(text::body(&doc, Part::Tender).contains("suspend new orders"));
    // Lot 1 a one-off purchase: it gets its own breach clause, with its own number, and no
    // suspension of orders that will never come; lot 2 keeps the other.
    selection.set_feature("laptops-desktops", LotFeature::OneOff, true);
    let doc = assemble(&c, &selection, Language::En);
    let (n1, lots1) = clause(&doc, "GEN-CPC-01").unwrap();
    let (n2, lots2) = clause(&doc, "GEN-CPC-02").unwrap();
    assert_eq!((lots1, lots2), (vec![2], vec![1]));
    assert_ne!(n1, n2);
    assert_eq!(doc.lots[0].features, [LotFeature::OneOff]);
    let one_off = c.criterion("GEN-CPC-02").unwrap();
    assert!(!one_off.text.contains("new orders"), "{}", one_off.text);
    assert!(text::body(&doc, Part::Tender)
        .contains("Scope: one-off purchase, with no orders placed later"));
    // The share of the price that may be held back is the buyer's: a marker until set.
    use criteria_builder::domain::template::Placeholder;
    assert!(doc.missing.contains(&Placeholder::WithholdShare));
    assert!(text::body(&doc, Part::Tender).contains("up to [share] % of the price"));
    selection.details.withhold_share = "10".into();
    let doc = assemble(&c, &selection, Language::En);
    assert!(!doc.missing.contains(&Placeholder::WithholdShare));
    assert!(text::body(&doc, Part::Tender).contains("up to 10 % of the price"));
    // Both lots one-off: nothing in the tender suspends orders.
    selection.set_feature("monitors", LotFeature::OneOff, true);
    let doc = assemble(&c, &selection, Language::En);
    assert!(clause(&doc, "GEN-CPC-01").is_none());
    assert!(!text::body(&doc, Part::Tender).contains("suspend new orders"));
    // Answers saved with 2026.12.2 never gave this answer: read as no, and said so.
    let old = Selection {
        catalog_version: "2026.12.2".into(),
        one_off: Default::default(),
        ..selection
    };
    let notices = since(&c, &old);
    assert!(
        notices.iter().any(|n| matches!(n, Notice::ScopeNotAsked { feature: LotFeature::OneOff, lots } if lots.len() == 2)),
        "{notices:?}"
    );
}

#[test]
fn a_label_list_is_written_once_and_a_lot_without_award_criteria_is_marked() {
    use criteria_builder::domain::catalog::LotFeature;
    use criteria_builder::domain::embedded;
    use criteria_builder::domain::selection::Selection;
    let c = embedded::catalog(Language::En).unwrap();
    let mut selection = Selection {
        categories: ["laptops-desktops".to_string()].into_iter().collect(),
        risks: ["forced-labour", "child-labour"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        level: Some(AmbitionLevel::Basic),
        stages: ProcedureStage::ALL.into_iter().collect(),
        ..Selection::default()
    };
    selection.details.award_points = "20".into();
    let doc = assemble(&c, &selection, Language::En);
    let tender = text::body(&doc, Part::Tender);
    // The specification names its labels; the award criterion with the same list refers to it.
    assert_eq!(
        tender.matches("EPEAT (Global Electronics Council)").count(),
        2,
        "{tender}"
    );
    assert!(
        tender.contains("the labels listed under TS1, or equivalent"),
        "{tender}"
    );
    // Exported alone, the award stage names them in full.
    let award = text::body(&doc, Part::Stage(ProcedureStage::Award));
    assert!(award.contains("EPEAT (Global Electronics Council)"));
    assert!(!award.contains("listed under"));

    // Refurbished only: the label award criterion gives way to the one on refurbishment sites.
    selection.set_feature("laptops-desktops", LotFeature::RefurbishedOnly, true);
    let doc = assemble(&c, &selection, Language::En);
    let ids: Vec<&str> = doc.lot_items(1).iter().map(|i| i.id.as_str()).collect();
    assert!(
        ids.contains(&"REF-AC-01") && !ids.contains(&"LAB-AC-01"),
        "{ids:?}"
    );
    // With it dropped, no award criterion is left, and the text says what the buyer must settle
    // instead of publishing an incomplete weighting.
    selection
        .dropped
        .insert(drop_key("laptops-desktops", "REF-AC-01"));
    let doc = assemble(&c, &selection, Language::En);
    let tender = text::body(&doc, Part::Tender);
    assert!(
        tender.contains("[No ethical award criterion applies to this lot at this level"),
        "{tender}"
    );
}
