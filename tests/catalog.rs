//! The authored catalogue: it loads, it is what the widget embeds, it covers what the issue asks,
//! and a malformed one is reported with file, criterion ID and reason.

use criteria_builder::domain::catalog::{AmbitionLevel, Catalog, CriterionKind, SalienceLevel};
use criteria_builder::domain::catalog_source::{load, parse_date};
use criteria_builder::domain::embedded;
use criteria_builder::domain::i18n::Language;
use std::collections::BTreeSet;
use std::path::Path;

fn files(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push((
                path.to_string_lossy().replace('\\', "/"),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
}

fn english() -> Catalog {
    let mut list = Vec::new();
    files(Path::new("catalog/en"), &mut list);
    match load(&list) {
        Ok(catalog) => catalog,
        Err(errors) => panic!(
            "the catalogue has problems:\n{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

#[test]
fn the_embedded_catalogue_is_the_authored_one() {
    let authored = english();
    let mut embedded = embedded::catalog(Language::En).unwrap();
    assert_eq!(embedded.meta.content_hash.len(), 12);
    embedded.meta.content_hash.clear();
    assert_eq!(embedded, authored);
}

#[test]
fn damaged_catalogue_bytes_give_an_error_not_a_panic() {
    assert!(embedded::decode(&[]).is_err());
    assert!(embedded::decode(&[0xff; 64]).is_err());
    let good = embedded::EMBEDDED[0].1;
    assert!(embedded::decode(&good[..good.len() / 2]).is_err());
}

#[test]
fn the_first_catalogue_covers_what_a_buyer_needs() {
    let c = english();
    assert!(c.criteria.len() >= 30, "{} criteria", c.criteria.len());
    for category in [
        "laptops-desktops",
        "smartphones-tablets",
        "ev-batteries",
        "itad-services",
    ] {
        assert!(
            c.category(category).is_some(),
            "missing category {category}"
        );
    }
    assert!(c.categories.len() >= 6);
    for risk in [
        "forced-labour",
        "child-labour",
        "conflict-minerals",
        "battery-minerals",
        "hazardous-chemicals",
        "end-of-life",
        "due-diligence",
    ] {
        assert!(
            c.criteria.iter().any(|k| k.risks.iter().any(|r| r == risk)),
            "no criterion for {risk}"
        );
    }
    for level in AmbitionLevel::ALL {
        assert!(
            c.criteria.iter().any(|k| k.level == level),
            "no {level:?} criterion"
        );
    }
    for kind in [
        CriterionKind::ExclusionGround,
        CriterionKind::SelectionCriterion,
        CriterionKind::TechnicalSpecification,
        CriterionKind::AwardCriterion,
        CriterionKind::ContractClause,
    ] {
        assert!(c.criteria.iter().any(|k| k.kind == kind), "no {kind:?}");
    }
    // Labels: at least one criterion accepts a label as proof, "or equivalent".
    assert!(c.criteria.iter().any(|k| !k.verification.labels.is_empty()));
    // Every category has a salience profile, and every category is served by some criterion.
    for category in &c.categories {
        assert!(
            c.salience.iter().any(|s| s.category == category.id),
            "no salience for {}",
            category.id
        );
        assert!(
            c.criteria
                .iter()
                .any(|k| k.applies_to_category(&category.id)),
            "no criterion for {}",
            category.id
        );
    }
}

#[test]
fn every_category_gets_a_basic_document_for_its_high_salience_risks() {
    use criteria_builder::domain::assemble::assemble;
    use criteria_builder::domain::selection::{ProcedureStage, Selection};
    let c = english();
    for category in &c.categories {
        let risks: BTreeSet<String> = c
            .risks
            .iter()
            .filter(|r| c.salience(&category.id, &r.id) == SalienceLevel::High)
            .map(|r| r.id.clone())
            .collect();
        assert!(
            !risks.is_empty(),
            "{} has no high-salience risk",
            category.id
        );
        let selection = Selection {
            categories: [category.id.clone()].into_iter().collect(),
            risks,
            level: Some(AmbitionLevel::Basic),
            stages: ProcedureStage::ALL.into_iter().collect(),
            ..Default::default()
        };
        let doc = assemble(&c, &selection, Language::En);
        let kinds: BTreeSet<CriterionKind> = doc.lots[0].sections.iter().map(|s| s.kind).collect();
        for kind in [
            CriterionKind::SelectionCriterion,
            CriterionKind::AwardCriterion,
            CriterionKind::ContractClause,
        ] {
            assert!(
                kinds.contains(&kind),
                "{}: basic document has no {kind:?}",
                category.id
            );
        }
    }
}

#[test]
fn reviews_are_dated_and_recent() {
    let c = english();
    for criterion in &c.criteria {
        let (year, _, _) = parse_date(&criterion.last_reviewed).unwrap();
        assert!(
            year >= 2025,
            "{} was last reviewed {}",
            criterion.id,
            criterion.last_reviewed
        );
    }
}

fn malformed(criteria: &str) -> Vec<String> {
    let meta = "[catalog]\nlanguage = \"en\"\nversion = \"1\"\ntitle = \"T\"\n[[change]]\nversion = \"1\"\ndate = \"2026-01-01\"\nsummary = \"s\"\n";
    let files = vec![
        ("x/en/catalog.toml".to_string(), meta.to_string()),
        (
            "x/en/categories.toml".to_string(),
            "[[category]]\nid = \"laptops\"\nname = \"L\"\ndescription = \"d\"\n".to_string(),
        ),
        (
            "x/en/risks.toml".to_string(),
            "[[risk]]\nid = \"forced\"\nname = \"F\"\ndescription = \"d\"\n".to_string(),
        ),
        (
            "x/en/legal.toml".to_string(),
            "[[legal]]\nid = \"art-70\"\ncitation = \"C\"\nsummary = \"s\"\n".to_string(),
        ),
        (
            "x/en/sources.toml".to_string(),
            "[[source]]\nid = \"R1\"\ntitle = \"t\"\nurl = \"https://example.org\"\n".to_string(),
        ),
        ("x/en/criteria/bad.toml".to_string(), criteria.to_string()),
    ];
    match load(&files) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

const GOOD: &str = r#"
[[criterion]]
id = "A-01"
kind = "contract-clause"
level = "basic"
categories = ["laptops"]
risks = ["forced"]
title = "T"
text = "The contractor shall act within {remediation_days}."
guidance = "G"
legal_basis = ["art-70"]
sources = ["R1"]
last_reviewed = "2026-11-25"
[criterion.verification]
submit = "S"
"#;

#[test]
fn a_well_formed_criterion_passes() {
    assert_eq!(malformed(GOOD), Vec::<String>::new());
}

#[test]
fn a_malformed_catalogue_names_file_criterion_and_reason() {
    let cases = [
        (
            GOOD.replace("{remediation_days}", "{deadline}"),
            "x/en/criteria/bad.toml: A-01: text: unknown placeholder {deadline}",
        ),
        (
            GOOD.replace("[\"laptops\"]", "[\"tablets\"]"),
            "x/en/criteria/bad.toml: A-01: unknown category \"tablets\"",
        ),
        (
            GOOD.replace("[\"forced\"]", "[\"slavery\"]"),
            "x/en/criteria/bad.toml: A-01: unknown risk \"slavery\"",
        ),
        (
            GOOD.replace("legal_basis = [\"art-70\"]", "legal_basis = []"),
            "x/en/criteria/bad.toml: A-01: legal_basis is empty",
        ),
        (
            GOOD.replace("sources = [\"R1\"]", "sources = [\"R9\"]"),
            "x/en/criteria/bad.toml: A-01: unknown source \"R9\"",
        ),
        (
            GOOD.replace("2026-11-25", "25/11/2026"),
            "x/en/criteria/bad.toml: A-01: last_reviewed \"25/11/2026\" is not YYYY-MM-DD",
        ),
        (
            GOOD.replace("submit = \"S\"", "submit = \"S\"\nlabels = [\"tco\"]"),
            "x/en/criteria/bad.toml: A-01: unknown label \"tco\"",
        ),
        (
            GOOD.replace("kind = \"contract-clause\"", "kind = \"award-criterion\""),
            "x/en/criteria/bad.toml: A-01: an award criterion needs [criterion.award]",
        ),
        (
            GOOD.replace("title = \"T\"", "title = \"TBD\""),
            "x/en/criteria/bad.toml: A-01: contains filler text \"tbd\"",
        ),
        (
            format!("{GOOD}{GOOD}"),
            "x/en/criteria/bad.toml: A-01: duplicate criterion ID",
        ),
        (
            GOOD.replace("level = \"basic\"", "level = \"heroic\""),
            "x/en/criteria/bad.toml: not valid catalogue TOML",
        ),
        (
            GOOD.replace("title = \"T\"", "title = \"T\"\ncolour = \"red\""),
            "x/en/criteria/bad.toml: not valid catalogue TOML",
        ),
    ];
    for (text, expected) in cases {
        let errors = malformed(&text);
        assert!(
            errors.iter().any(|e| e.starts_with(expected)),
            "expected {expected:?}, got {errors:?}"
        );
    }
}

mod hostile_bytes {
    use criteria_builder::domain::catalog_source::load;
    use criteria_builder::domain::embedded;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// A damaged or foreign catalogue file gives an error, never a panic.
        #[test]
        fn any_bytes_decode_to_a_catalogue_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
            let _ = embedded::decode(&bytes);
        }

        /// Flipping bytes of the real catalogue never panics either.
        #[test]
        fn a_corrupted_real_catalogue_never_panics(flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16)) {
            let mut bytes = embedded::EMBEDDED[0].1.to_vec();
            for (index, value) in flips {
                let i = index.index(bytes.len());
                bytes[i] = value;
            }
            let _ = embedded::decode(&bytes);
        }

        /// Any text in any catalogue file gives a catalogue or located errors, never a panic.
        #[test]
        fn any_toml_text_loads_or_reports(text in "\\PC{0,400}", name in prop::sample::select(vec![
            "catalog.toml", "categories.toml", "risks.toml", "labels.toml", "legal.toml",
            "sources.toml", "salience.toml", "criteria/x.toml",
        ])) {
            if let Err(errors) = load(&[(format!("x/en/{name}"), text)]) {
                prop_assert!(errors.iter().all(|e| !e.reason.is_empty()));
            }
        }
    }
}
