//! The catalogue's soundness checks (issue 8): each holds for the authored catalogue, and each fails
//! when one entry is broken on purpose, so none of them can pass vacuously.

mod common;

use common::english;
use criteria_builder::domain::assemble::assemble;
use criteria_builder::domain::catalog::{AmbitionLevel, Catalog, LotFeature, Note};
use criteria_builder::domain::coverage;
use criteria_builder::domain::i18n::Language;
use criteria_builder::domain::render::{text, Part};
use criteria_builder::domain::selection::{ProcedureStage, Selection};

fn criterion_mut<'a>(
    catalog: &'a mut Catalog,
    id: &str,
) -> &'a mut criteria_builder::domain::catalog::Criterion {
    catalog
        .criteria
        .iter_mut()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no criterion {id}"))
}

#[test]
fn every_criterion_can_be_proven_in_every_category_it_is_offered_for() {
    let c = english();
    assert_eq!(coverage::missing_proof_routes(&c), Vec::new());
    assert!(coverage::proof_route_pairs(&c) > 300);
    // A label that loses a category leaves the criteria that rely on it alone without proof there.
    let mut broken = c.clone();
    let edge = broken
        .labels
        .iter_mut()
        .find(|l| l.id == "tco-certified-edge")
        .unwrap();
    edge.categories.retain(|k| k != "smartphones-tablets");
    let missing = coverage::missing_proof_routes(&broken);
    assert_eq!(
        missing,
        [("EOL-AC-02".to_string(), "smartphones-tablets".to_string())]
    );
    // Offering a label-only criterion for a category no label of it certifies is caught too.
    let mut broken = c.clone();
    criterion_mut(&mut broken, "EOL-AC-02")
        .categories
        .push("monitors".into());
    assert_eq!(
        coverage::missing_proof_routes(&broken),
        vec![("EOL-AC-02".to_string(), "monitors".to_string())]
    );
}

#[test]
fn dropping_a_criterion_that_covers_another_restores_the_covered_one() {
    use criteria_builder::domain::assemble::lot_criteria;
    use criteria_builder::domain::selection::drop_key;
    let c = english();
    let mut selection = Selection {
        categories: ["laptops-desktops".to_string()].into_iter().collect(),
        risks: c.risks.iter().map(|r| r.id.clone()).collect(),
        stages: ProcedureStage::ALL.into_iter().collect(),
        level: Some(AmbitionLevel::Spearhead),
        ..Selection::default()
    };
    let kept = |s: &Selection| -> Vec<String> {
        lot_criteria(&c, s, "laptops-desktops")
            .kept
            .iter()
            .map(|k| k.id.clone())
            .collect()
    };
    assert!(kept(&selection).contains(&"LAB-TS-01".to_string()));
    assert!(!kept(&selection).contains(&"CHEM-TS-01".to_string()));
    selection
        .dropped
        .insert(drop_key("laptops-desktops", "LAB-TS-01"));
    assert!(
        kept(&selection).contains(&"CHEM-TS-01".to_string()),
        "without the label specification, the safer-cleaning specification applies on its own"
    );
    let doc = assemble(&c, &selection, Language::En);
    let lot_ids: Vec<&str> = doc.lot_items(1).iter().map(|i| i.id.as_str()).collect();
    assert!(lot_ids.contains(&"CHEM-TS-01") && !lot_ids.contains(&"LAB-TS-01"));
}

#[test]
fn no_two_criteria_of_one_lot_deliver_the_same_thing() {
    let c = english();
    assert_eq!(coverage::overlaps(&c), Vec::new());
    // 11 categories, their scope answers, 3 levels and 15 sets of tender stages.
    assert!(coverage::lot_shape_count(&c) > 1000);
    // Without the "covers" relation, a leasing lot gets two maps and two yearly reports again.
    let mut broken = c.clone();
    criterion_mut(&mut broken, "LEASE-CPC-02").covers.clear();
    let pairs = coverage::overlapping_pairs(&coverage::overlaps(&broken));
    assert!(
        pairs
            .iter()
            .any(|(a, b, _)| { (a, b) == (&"DD-CPC-01".into(), &"LEASE-CPC-02".into()) }),
        "{pairs:?}"
    );
    // Without "replaces", an advanced lot asks for two smelter lists.
    let mut broken = c.clone();
    criterion_mut(&mut broken, "CM-CPC-02").replaces.clear();
    let pairs = coverage::overlapping_pairs(&coverage::overlaps(&broken));
    assert!(
        pairs
            .iter()
            .any(|(a, b, d)| { a == "CM-CPC-01" && b == "CM-CPC-02" && d == "smelter-list" }),
        "{pairs:?}"
    );
}

#[test]
fn no_tender_text_is_conditional_on_the_lots_scope() {
    let c = english();
    assert_eq!(coverage::conditional_texts(&c), Vec::new());
    let mut broken = c.clone();
    let eol = criterion_mut(&mut broken, "EOL-SC-02");
    eol.text = eol.text.replace(
        "The contract for {lot} includes the take-back of used equipment.",
        "Where this lot ({lot}) includes the take-back of used equipment,",
    );
    assert_eq!(
        coverage::conditional_texts(&broken),
        vec![("EOL-SC-02".to_string(), "where this lot".to_string())]
    );
}

#[test]
fn no_award_criterion_can_be_worth_nothing() {
    let c = english();
    assert_eq!(coverage::zero_points(&c), Vec::new());
    let mut broken = c.clone();
    criterion_mut(&mut broken, "DD-AC-01")
        .award
        .as_mut()
        .unwrap()
        .weight = 0;
    assert!(coverage::zero_points(&broken)
        .iter()
        .any(|(id, why)| id == "DD-AC-01" && why.contains("weight")));
    let mut broken = c.clone();
    let award = criterion_mut(&mut broken, "CM-AC-01");
    award.text = award.text.replace("Up to {points} points", "Points");
    assert!(coverage::zero_points(&broken)
        .iter()
        .any(|(id, why)| id == "CM-AC-01" && why.contains("{points}")));
}

#[test]
fn a_document_names_only_labels_that_apply_to_its_lots() {
    let c = english();
    assert_eq!(coverage::foreign_label_mentions(&c), Vec::new());
    // A guidance note naming an IT ecolabel in an electric-bus document is caught.
    let mut broken = c.clone();
    criterion_mut(&mut broken, "LR-CPC-01").notes.push(Note {
        categories: vec!["ev-batteries".into()],
        text: "TCO Certified can serve as proof [R41].".into(),
    });
    criterion_mut(&mut broken, "LR-CPC-01")
        .sources
        .push("R41".into());
    let found = coverage::foreign_label_mentions(&broken);
    assert!(found
        .iter()
        .any(|f| f.category == "ev-batteries" && f.label == "tco-certified"));
    // An electric-bus document names no IT ecolabel, at any level and with any scope answer.
    for level in AmbitionLevel::ALL {
        let selection = Selection {
            categories: ["ev-batteries".to_string()].into_iter().collect(),
            risks: c.risks.iter().map(|r| r.id.clone()).collect(),
            level: Some(level),
            stages: ProcedureStage::ALL.into_iter().collect(),
            take_back: ["ev-batteries".to_string()].into_iter().collect(),
            ..Default::default()
        };
        let doc = text::render(&assemble(&c, &selection, Language::En), Part::Whole);
        for name in [
            "TCO",
            "EPEAT",
            "Blue Angel",
            "Nordic Swan",
            "EU Ecolabel",
            "e-Stewards",
        ] {
            assert!(!doc.contains(name), "{level:?}: {name}");
        }
    }
}

/// A selection of one laptop lot with every risk and stage at `level`, with or without take-back.
fn laptops(level: AmbitionLevel, take_back: bool, refurbished: bool) -> Selection {
    let mut selection = Selection {
        categories: ["laptops-desktops".to_string()].into_iter().collect(),
        risks: english().risks.iter().map(|r| r.id.clone()).collect(),
        level: Some(level),
        stages: ProcedureStage::ALL.into_iter().collect(),
        ..Default::default()
    };
    if take_back {
        selection.take_back.insert("laptops-desktops".into());
    }
    if refurbished {
        selection.refurbished.insert("laptops-desktops".into());
    }
    selection
}

fn ids(catalog: &Catalog, selection: &Selection) -> Vec<String> {
    assemble(catalog, selection, Language::En)
        .lot_items(1)
        .iter()
        .map(|i| i.id.clone())
        .collect()
}

#[test]
fn take_back_and_refurbishment_criteria_follow_the_buyers_answers() {
    let c = english();
    let needing = |feature: LotFeature| -> Vec<String> {
        c.criteria
            .iter()
            .filter(|k| k.requires.contains(&feature) && k.applies_to_category("laptops-desktops"))
            .map(|k| k.id.clone())
            .collect()
    };
    assert!(needing(LotFeature::TakeBack).len() >= 6);
    assert!(needing(LotFeature::Refurbished).len() >= 2);
    for level in AmbitionLevel::ALL {
        let without = ids(&c, &laptops(level, false, false));
        let with = ids(&c, &laptops(level, true, true));
        for id in needing(LotFeature::TakeBack)
            .iter()
            .chain(&needing(LotFeature::Refurbished))
        {
            assert!(!without.contains(id), "{level:?}: {id} without the answer");
        }
        assert!(
            with.iter()
                .any(|id| needing(LotFeature::TakeBack).contains(id)),
            "{level:?}: no take-back criterion with take-back"
        );
        assert!(
            with.iter()
                .any(|id| needing(LotFeature::Refurbished).contains(id)),
            "{level:?}: no refurbishment criterion with refurbished equipment"
        );
        // E-waste compensation never offers take-back, so it never contradicts a lot without it.
        let doc = text::render(
            &assemble(&c, &laptops(level, false, false), Language::En),
            Part::Whole,
        );
        assert!(!doc.to_lowercase().contains("where this lot"));
        assert!(!doc.contains("take-back service that takes back the offered products"));
    }
}

#[test]
fn the_eu_thresholds_the_catalogue_knows_are_still_in_force() {
    let c = english();
    let today = common::today();
    let newest = c
        .thresholds
        .iter()
        .map(|t| t.valid_to.as_str())
        .max()
        .unwrap();
    assert!(
        today.as_str() <= newest,
        "the EU thresholds in legal.toml were valid until {newest}: add the thresholds of the \
         Commission's delegated regulation for the current period (today is {today})"
    );
    assert!(c
        .thresholds
        .iter()
        .any(|t| t.valid_from.as_str() <= today.as_str() && today.as_str() <= t.valid_to.as_str()));
}

/// The CPV codes and their labels are the official ones: checked against the eForms extract of the
/// team's shared reference folder where it is present next to the repository.
#[test]
fn cpv_codes_carry_their_official_labels() {
    let c = english();
    for category in &c.categories {
        for cpv in &category.cpv {
            assert_eq!(cpv.code.len(), 8, "{}", category.id);
        }
    }
    let Ok(tsv) = std::fs::read_to_string("../shared/reference/eforms/codes.tsv") else {
        eprintln!("note: ../shared/reference/eforms/codes.tsv not found; labels not compared");
        return;
    };
    let mut checked = 0;
    for category in &c.categories {
        for cpv in &category.cpv {
            let key = format!("code|name|cpv.{}\t", cpv.code);
            let line = tsv
                .lines()
                .find(|l| l.starts_with(&key))
                .unwrap_or_else(|| {
                    panic!("{}: CPV {} is not in the extract", category.id, cpv.code)
                });
            let english_label = line.split('\t').nth(1).unwrap();
            assert_eq!(english_label, cpv.label, "{}: {}", category.id, cpv.code);
            checked += 1;
        }
    }
    assert!(checked >= 20);
}

#[test]
fn it_asset_disposition_says_it_has_no_cpv_code_rather_than_a_near_one() {
    let c = english();
    let itad = c.category("itad-services").unwrap();
    assert!(itad.cpv.is_empty());
    assert!(itad.cpv_note.contains("No CPV code"));
}

#[test]
fn what_bidders_write_is_recorded_as_the_text_limits_it() {
    // English catalogue: "no more than three pages" in the tender text or what is submitted.
    let c = english();
    let words = [
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
    ];
    let mut with_pages = 0;
    for k in &c.criteria {
        let text = format!("{} {}", k.text, k.verification.submit);
        let most = words
            .iter()
            .filter(|(w, _)| {
                ["no more than", "at most"].iter().any(|limit| {
                    text.contains(&format!("{limit} {w} pages"))
                        || text.contains(&format!("{limit} {w} page "))
                })
            })
            .map(|(_, n)| *n)
            .max()
            .unwrap_or(0);
        assert_eq!(k.bidder_pages, most, "{}: bidder_pages", k.id);
        with_pages += usize::from(most > 0);
    }
    assert!(with_pages >= 10, "{with_pages}");
}
