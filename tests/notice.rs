//! The notice data (domain::notice_data, render::notice): every code it writes is in the eForms
//! code lists (tests/fixtures/eforms, an extract of the SDK) and has its official label in every
//! language; the OCDS block uses the extension's code lists; the mapping covers every exclusion
//! ground and end-of-life criterion of the catalogue; the JSON says what the document says.

use std::collections::BTreeSet;

use criteria_builder::domain::assemble::assemble;
use criteria_builder::domain::catalog::{AmbitionLevel, CriterionKind};
use criteria_builder::domain::embedded;
use criteria_builder::domain::i18n::Language;
use criteria_builder::domain::notice_data::{
    label, notice_data, END_OF_LIFE, EXCLUSIONS, SELECTION_CODE, WORKPLACE_RISKS,
};
use criteria_builder::domain::render::{parts_of, Format, Part};
use criteria_builder::domain::selection::{ProcedureStage, Selection};

fn code_lists() -> BTreeSet<String> {
    include_str!("fixtures/eforms/codelists.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("key\t"))
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect()
}

fn ocds_codes(csv: &str) -> BTreeSet<String> {
    csv.lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect()
}

/// Every category, every risk, spearhead, every stage, take-back and refurbished where asked.
fn largest(language: Language) -> Selection {
    let catalog = embedded::catalog(language).unwrap();
    let mut selection = Selection {
        categories: catalog.categories.iter().map(|c| c.id.clone()).collect(),
        risks: catalog.risks.iter().map(|r| r.id.clone()).collect(),
        level: Some(AmbitionLevel::Spearhead),
        stages: ProcedureStage::ALL.into_iter().collect(),
        ..Default::default()
    };
    selection.take_back = selection.categories.clone();
    selection.details.authority = "City".into();
    selection.details.award_points = "40".into();
    selection
}

#[test]
fn every_code_written_is_in_the_eforms_code_lists_with_a_label_in_every_language() {
    let lists = code_lists();
    let goals = ocds_codes(include_str!(
        "fixtures/ocds-sustainability/sustainabilityGoal.csv"
    ));
    let strategies = ocds_codes(include_str!(
        "fixtures/ocds-sustainability/sustainabilityStrategy.csv"
    ));
    for language in [Language::En, Language::De, Language::Fr] {
        let catalog = embedded::catalog(language).unwrap();
        let doc = assemble(&catalog, &largest(language), language);
        let data = notice_data(&doc);
        assert_eq!(data.lots.len(), doc.lots.len());
        let mut used: Vec<String> = Vec::new();
        for e in &data.exclusions {
            assert!(!e.grounds.is_empty(), "{} has no eForms code", e.number);
            used.extend(e.grounds.iter().map(|g| format!("exclusion-ground.{g}")));
            used.extend(e.espd.iter().map(|g| format!("criterion.{g}")));
        }
        for lot in &data.lots {
            used.extend(
                lot.strategic
                    .iter()
                    .map(|c| format!("strategic-procurement.{c}")),
            );
            used.extend(lot.social.iter().map(|c| format!("social-objective.{c}")));
            used.extend(
                lot.environmental
                    .iter()
                    .map(|c| format!("environmental-impact.{c}")),
            );
            for goal in &lot.goals {
                assert!(goals.contains(*goal), "OCDS goal {goal}");
            }
            for strategy in &lot.strategies {
                assert!(strategies.contains(*strategy), "OCDS strategy {strategy}");
            }
            if !lot.criteria.is_empty() {
                assert!(lot.strategic.contains(&"soc-obj"), "{}", lot.id);
                assert!(lot.social.contains(&"hum-right"), "{}", lot.id);
            }
        }
        used.extend(["award-criterion-type.quality", "number-weight.poi-exa"].map(String::from));
        used.push(format!("selection-criterion.{SELECTION_CODE}"));
        for code in &used {
            assert!(
                lists.contains(code),
                "{code} is not in the eForms code lists"
            );
            let official = label(&format!("code|{code}"), language);
            assert!(!official.is_empty(), "{code} has no label in {language:?}");
        }
        for bt in [
            "BT-06", "BT-21", "BT-137", "BT-262", "BT-263", "BT-539", "BT-540", "BT-541",
            "BT-5421", "BT-67(a)", "BT-67(b)", "BT-70", "BT-750", "BT-774", "BT-775", "BT-777",
            "BT-809",
        ] {
            assert!(
                !label(&format!("BT|{bt}"), language).is_empty(),
                "{bt} in {language:?}"
            );
        }
        // The largest selection has take-back, so some lot is also an environmental one, and
        // workplace risks are chosen, so fair working conditions are an objective.
        assert!(data.lots.iter().any(|l| l.strategic.contains(&"env-imp")));
        assert!(data.lots.iter().any(|l| l.social.contains(&"work-cond")));
    }
    // The official labels, as the SDK gives them.
    assert_eq!(
        label("BT|BT-70", Language::De),
        "Bedingungen für die Ausführung des Auftrags"
    );
    assert_eq!(
        label("code|social-objective.hum-right", Language::En),
        "Human rights due diligence in global supply chains"
    );
}

#[test]
fn the_mapping_covers_the_catalogue() {
    let catalog = embedded::catalog(Language::En).unwrap();
    let ids: BTreeSet<&str> = catalog.criteria.iter().map(|c| c.id.as_str()).collect();
    for c in &catalog.criteria {
        match c.kind {
            CriterionKind::ExclusionGround => assert!(
                EXCLUSIONS.iter().any(|(id, _, _)| *id == c.id),
                "{}: add its eForms and ESPD codes to notice_data::EXCLUSIONS",
                c.id
            ),
            // Each is a supply-chain management and tracking system (Annex XII Part II(d), Article 58).
            CriterionKind::SelectionCriterion => assert!(
                c.legal_basis.iter().any(|l| l == "dir-2014-24-art-58"),
                "{}: is {SELECTION_CODE} still its code?",
                c.id
            ),
            _ => {}
        }
    }
    for id in END_OF_LIFE {
        assert!(ids.contains(id), "{id} is not in the catalogue");
    }
    for risk in WORKPLACE_RISKS {
        assert!(catalog.risks.iter().any(|r| r.id == *risk), "{risk}");
    }
}

#[test]
fn the_json_gives_each_lot_its_codes_and_points_adding_up_to_the_buyers_total() {
    let language = Language::De;
    let doc = assemble(
        &embedded::catalog(language).unwrap(),
        &largest(language),
        language,
    );
    assert!(parts_of(&doc).contains(&Part::Notice));
    let bytes = Format::NoticeJson.render(&doc, None, Part::Whole);
    let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(json["format"], "ethical-ict-criteria-notice-data");
    assert_eq!(json["language"], "de");
    assert_eq!(json["textHash"], doc.text_hash.as_str());
    let lots = json["lots"].as_array().unwrap();
    assert_eq!(lots.len(), doc.lots.len());
    for (lot, doc_lot) in lots.iter().zip(&doc.lots) {
        assert_eq!(lot["BT-137"], format!("LOT-{:04}", doc_lot.number).as_str());
        assert_eq!(lot["ocds"]["id"], lot["BT-137"]);
        let award = lot["awardCriteria"].as_array().unwrap();
        if !award.is_empty() {
            let total: u64 = award.iter().map(|a| a["BT-541"].as_u64().unwrap()).sum();
            assert_eq!(total, 40, "{}", lot["BT-137"]);
        }
        match doc_lot.cpv.first() {
            Some(cpv) => assert_eq!(lot["BT-262"], cpv.code.as_str()),
            None => assert!(lot["cpvNote"].as_str().is_some_and(|n| !n.is_empty())),
        }
    }
    // The same notice data in the document part, in every format.
    let markdown = String::from_utf8(Format::Markdown.render(&doc, None, Part::Notice)).unwrap();
    assert!(markdown.contains("**BT-775 Gefördertes soziales Ziel:** hum-right"));
    for format in [Format::Html, Format::Text, Format::Docx, Format::Odt] {
        assert!(!format.render(&doc, None, Part::Notice).is_empty());
    }
}
