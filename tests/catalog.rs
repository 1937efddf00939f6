//! The authored catalogue: it loads, it is what the widget embeds, it covers what the issue asks,
//! and a malformed one is reported with file, criterion ID and reason.

mod common;

use common::english;
use criteria_builder::domain::catalog::{AmbitionLevel, CriterionKind, SalienceLevel};
use criteria_builder::domain::catalog_source::{is_date, load};
use criteria_builder::domain::coverage;
use criteria_builder::domain::embedded;
use criteria_builder::domain::i18n::Language;
use std::collections::BTreeSet;

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
            c.criteria
                .iter()
                .any(|k| k.addresses.iter().any(|r| r == risk)),
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
        let kinds: BTreeSet<CriterionKind> = doc.sections.iter().map(|s| s.kind).collect();
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
fn no_criterion_was_last_reviewed_more_than_two_years_ago() {
    let c = english();
    let today = common::today();
    let y: i64 = today[..4].parse().unwrap();
    let cutoff = format!("{:04}{}", y - 2, &today[4..]);
    for criterion in &c.criteria {
        assert!(
            is_date(&criterion.last_reviewed),
            "{}: {}",
            criterion.id,
            criterion.last_reviewed
        );
    }
    let stale = coverage::reviewed_before(&c, &cutoff);
    assert!(
        stale.is_empty(),
        "criteria last reviewed before {cutoff}; review them and update last_reviewed: {stale:?}"
    );
    // The rule itself bites: a date three years back is reported.
    let mut old = c.clone();
    old.criteria[0].last_reviewed = format!("{:04}-01-01", y - 3);
    assert_eq!(coverage::reviewed_before(&old, &cutoff).len(), 1);
}

#[test]
fn every_high_salience_risk_of_every_category_has_criteria_at_every_level() {
    let c = english();
    let gaps = coverage::gaps(&c);
    assert!(
        gaps.is_empty(),
        "no criterion for these category / high-salience risk / level combinations:\n{}",
        gaps.iter()
            .map(|g| format!("  {} / {} / {:?}", g.category, g.risk, g.level))
            .collect::<Vec<_>>()
            .join("\n")
    );
    // Every high-salience pair is enumerated, and there are some (the test is not vacuous).
    let pairs = c
        .categories
        .iter()
        .flat_map(|k| c.risks.iter().map(move |r| (k, r)))
        .filter(|(k, r)| c.salience(&k.id, &r.id) == SalienceLevel::High)
        .count();
    assert!(pairs >= c.categories.len(), "{pairs} high-salience pairs");
    // Removing the criteria of one level for a pair is caught.
    let (category, risk) = c
        .categories
        .iter()
        .flat_map(|k| c.risks.iter().map(move |r| (k.id.clone(), r.id.clone())))
        .find(|(k, r)| c.salience(k, r) == SalienceLevel::High)
        .unwrap();
    let mut thin = c.clone();
    thin.criteria.retain(|k| {
        !(k.level == AmbitionLevel::Spearhead
            && k.applies_to_category(&category)
            && k.addresses.contains(&risk))
    });
    assert!(coverage::gaps(&thin)
        .iter()
        .any(|g| g.category == category && g.risk == risk && g.level == AmbitionLevel::Spearhead));
}

#[test]
fn the_catalogue_covers_every_category_and_risk_the_buyers_need() {
    let c = english();
    for category in [
        "laptops-desktops",
        "monitors",
        "smartphones-tablets",
        "servers-datacentre",
        "networking-equipment",
        "printers-imaging",
        "peripherals-accessories",
        "ev-batteries",
        "light-ev-batteries",
        "itad-services",
        "leasing-daas",
    ] {
        assert!(
            c.category(category).is_some(),
            "missing category {category}"
        );
    }
    let counts = coverage::counts(&c);
    for (risk, n) in &counts.per_risk {
        assert!(*n > 0, "no criterion for risk {risk}");
    }
    for label in [
        "tco-certified",
        "tco-certified-edge",
        "epeat",
        "blue-angel",
        "eu-ecolabel",
        "rba-vap",
        "rmi-rmap",
        "irma",
        "e-stewards",
        "r2v3",
        "en-50625",
        "electronics-watch",
        "fairtrade-gold",
        "eu-battery-passport",
        "gba-battery-passport",
    ] {
        assert!(c.label(label).is_some(), "missing label {label}");
    }
    for legal in [
        "dir-2014-24-art-18-2",
        "dir-2014-24-art-42",
        "dir-2014-24-art-43",
        "dir-2014-24-art-67",
        "dir-2014-24-art-69",
        "dir-2014-24-art-70",
        "dir-2014-24-art-71",
        "reg-2023-1542",
        "reg-2024-3015",
        "reg-2017-821",
        "dir-2024-1760",
        "basel-ewaste-2025",
        "ilo-fundamental",
        "ungp",
        "oecd-rbc-dd",
        "oecd-minerals",
    ] {
        assert!(
            c.legal_basis(legal).is_some(),
            "missing legal basis {legal}"
        );
    }
    assert!(
        c.legal
            .iter()
            .any(|l| l.id.starts_with("dir-2014-24-art-57")),
        "missing Article 57"
    );
}

fn malformed_with(criteria: &str, extra: &[(&str, &str)]) -> Vec<String> {
    let meta = "[catalog]\nlanguage = \"en\"\nversion = \"1\"\ntitle = \"T\"\n[[change]]\nversion = \"1\"\ndate = \"2026-01-01\"\nsummary = \"s\"\n[[deliverable]]\nid = \"report\"\nname = \"A report\"\n";
    let mut files = vec![
        ("x/en/catalog.toml".to_string(), meta.to_string()),
        (
            "x/en/categories.toml".to_string(),
            "[[category]]\nid = \"laptops\"\nname = \"L\"\ndescription = \"d\"\ncpv = [{ code = \"30213100\", label = \"Portable computers\" }]\n".to_string(),
        ),
        (
            "x/en/risks.toml".to_string(),
            "[[risk]]\nid = \"forced\"\nname = \"F\"\ndescription = \"d\"\n".to_string(),
        ),
        (
            "x/en/legal.toml".to_string(),
            "[[legal]]\nid = \"art-70\"\ncitation = \"C\"\nsummary = \"s\"\nurl = \"https://eur-lex.europa.eu/eli/dir/2014/24/oj\"\n".to_string(),
        ),
        (
            "x/en/sources.toml".to_string(),
            "[[source]]\nid = \"R1\"\ntitle = \"t\"\nurl = \"https://example.org/page\"\n".to_string(),
        ),
        ("x/en/criteria/bad.toml".to_string(), criteria.to_string()),
    ];
    for (name, contents) in extra {
        match files.iter_mut().find(|(path, _)| path.ends_with(name)) {
            Some(file) => file.1 = contents.to_string(),
            None => files.push((format!("x/en/{name}"), contents.to_string())),
        }
    }
    match load(&files) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

fn malformed(criteria: &str) -> Vec<String> {
    malformed_with(criteria, &[])
}

const GOOD: &str = r#"
[[criterion]]
id = "A-01"
kind = "contract-clause"
level = "basic"
categories = ["laptops"]
addresses = ["forced"]
delivers = ["report"]
title = "T"
text = "The contractor shall act within {remediation_days}."
guidance = "G [R1]"
legal_basis = ["art-70"]
sources = ["R1"]
last_reviewed = "2026-11-25"
[criterion.verification]
submit = "S"
own_evidence = ["*"]
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
        (
            GOOD.replace("own_evidence = [\"*\"]\n", ""),
            "x/en/criteria/bad.toml: not valid catalogue TOML",
        ),
        (
            GOOD.replace("guidance = \"G [R1]\"", "guidance = \"G\""),
            "x/en/criteria/bad.toml: A-01: sources lists R1, which the guidance and its notes never cite",
        ),
        (
            GOOD.replace("guidance = \"G [R1]\"", "guidance = \"G [R1][R2]\""),
            "x/en/criteria/bad.toml: A-01: the guidance cites [R2], which is not in sources",
        ),
        (
            GOOD.replace("delivers = [\"report\"]", "delivers = [\"map\"]"),
            "x/en/criteria/bad.toml: A-01: delivers unknown deliverable \"map\"",
        ),
        (
            GOOD.replace("delivers = [\"report\"]", "delivers = [\"report\"]\nrequires = [\"take-back\"]"),
            "x/en/criteria/bad.toml: A-01: requires \"take-back\", but the category laptops does not ask it",
        ),
        (
            GOOD.replace("delivers = [\"report\"]", "delivers = [\"report\"]\ncovers = [{ id = \"B-01\", reason = \"r\" }]"),
            "x/en/criteria/bad.toml: A-01: covers unknown criterion \"B-01\"",
        ),
        (
            format!("{GOOD}\n[[criterion.note]]\ncategories = [\"phones\"]\ntext = \"N\"\n"),
            "x/en/criteria/bad.toml: A-01: note: unknown category \"phones\"",
        ),
        (
            GOOD.replace("delivers = [\"report\"]", "delivers = [\"report\"]\nclosing = true\nrequires = [\"take-back\"]"),
            "x/en/criteria/bad.toml: A-01: a closing criterion that depends on \"take-back\" needs one counterpart",
        ),
        (
            GOOD.replace("delivers = [\"report\"]", "delivers = [\"report\"]\nunless = [\"one-off\"]"),
            "x/en/criteria/bad.toml: A-01: is left out by \"one-off\", but none of its categories asks it",
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

#[test]
fn sources_legal_texts_and_cpv_codes_are_checked_where_they_are_read() {
    let cases: [(&str, &str, &str); 5] = [
        (
            "sources.toml",
            "[[source]]\nid = \"R1\"\ntitle = \"t\"\nurl = \"https://example.org/\"\n",
            "x/en/sources.toml: R1: source URL \"https://example.org/\" is a site's home page",
        ),
        (
            "sources.toml",
            "[[source]]\nid = \"R1\"\ntitle = \"t\"\nurl = \"https://www.scribd.com/document/1\"\n",
            "x/en/sources.toml: R1: source URL \"https://www.scribd.com/document/1\" is on a document-sharing",
        ),
        (
            "legal.toml",
            "[[legal]]\nid = \"art-70\"\ncitation = \"C\"\nsummary = \"s\"\nurl = \"https://example.org/directive\"\n",
            "x/en/legal.toml: art-70: url \"https://example.org/directive\" is not a primary text",
        ),
        (
            "categories.toml",
            "[[category]]\nid = \"laptops\"\nname = \"L\"\ndescription = \"d\"\n",
            "x/en/categories.toml: laptops: no CPV code: say in cpv_note why none fits",
        ),
        (
            "categories.toml",
            "[[category]]\nid = \"laptops\"\nname = \"L\"\ndescription = \"d\"\ncpv = [{ code = \"3021310\", label = \"Portable computers\" }]\n",
            "x/en/categories.toml: laptops: CPV code \"3021310\" is not 8 digits",
        ),
    ];
    for (file, contents, expected) in cases {
        let errors = malformed_with(GOOD, &[(file, contents)]);
        assert!(
            errors.iter().any(|e| e.starts_with(expected)),
            "expected {expected:?}, got {errors:?}"
        );
    }
}

#[test]
fn the_change_log_names_real_criteria_and_never_reuses_a_retired_id() {
    let change = |entry: &str| {
        format!("[catalog]\nlanguage = \"en\"\nversion = \"2\"\ntitle = \"T\"\n[[change]]\nversion = \"2\"\ndate = \"2026-02-01\"\nsummary = \"s\"\n{entry}\n[[change]]\nversion = \"1\"\ndate = \"2026-01-01\"\nsummary = \"s\"\n[[deliverable]]\nid = \"report\"\nname = \"A report\"\n")
    };
    let cases = [
        (
            change("[[change.criterion]]\nid = \"Z-99\"\nwhat = \"reworded\"\nreason = \"r\""),
            "change 2: criterion Z-99: no such criterion",
        ),
        (
            change("[[change.criterion]]\nid = \"Z-99\"\nwhat = \"removed\"\nreason = \"r\""),
            "change 2: criterion Z-99: a removed criterion lists the categories it applied to",
        ),
        (
            change("[[change.criterion]]\nid = \"A-01\"\nwhat = \"removed\"\nreason = \"r\""),
            "A-01: was removed in version 2: a retired ID is never used again",
        ),
    ];
    for (catalog_toml, expected) in cases {
        let errors = malformed_with(GOOD, &[("catalog.toml", &catalog_toml)]);
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "expected {expected:?}, got {errors:?}"
        );
    }
    // A removed criterion that names its categories is a valid entry.
    let fine = change(
        "[[change.criterion]]\nid = \"Z-99\"\nwhat = \"removed\"\ncategories = [\"laptops\"]\nreason = \"r\"",
    );
    assert_eq!(
        malformed_with(GOOD, &[("catalog.toml", &fine)]),
        Vec::<String>::new()
    );
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

/// The spearhead level carries the strongest practice in the field (issue 4): each practice is
/// the subject of at least one spearhead criterion.
#[test]
fn the_spearhead_level_includes_the_strongest_practice() {
    let c = english();
    let spearhead: Vec<String> = c
        .criteria
        .iter()
        .filter(|k| k.level == AmbitionLevel::Spearhead)
        .map(|k| format!("{} {}", k.title, k.text).to_lowercase())
        .collect();
    for (practice, words) in [
        (
            "factory disclosure including main components",
            &["main components"][..],
        ),
        (
            "independent worker-driven monitoring",
            &["worker-driven monitoring"],
        ),
        ("remedy for workers", &["remedy"]),
        ("chemical inventories", &["chemical inventor"]),
        ("smelter and refiner assurance", &["smelter"]),
        ("mine-level assurance", &["mine-level", "mine sites"]),
    ] {
        assert!(
            spearhead
                .iter()
                .any(|text| words.iter().any(|w| text.contains(w))),
            "no spearhead criterion on {practice}"
        );
    }
}

#[test]
fn each_high_risk_on_its_own_gets_criteria_or_says_which_answer_would() {
    use criteria_builder::domain::assemble::assemble;
    use criteria_builder::domain::selection::{ProcedureStage, Selection};
    let c = english();
    let mut checked = 0;
    for category in &c.categories {
        for risk in c
            .risks
            .iter()
            .filter(|r| c.salience(&category.id, &r.id) == SalienceLevel::High)
        {
            // With no scope answer, and with each answer the category asks.
            let answers = std::iter::once(None).chain(
                criteria_builder::domain::catalog::LotFeature::ALL
                    .into_iter()
                    .filter(|f| category.asks(*f))
                    .map(Some),
            );
            for (level, answer) in AmbitionLevel::ALL
                .into_iter()
                .flat_map(|l| answers.clone().map(move |a| (l, a)))
            {
                let mut selection = Selection {
                    categories: [category.id.clone()].into_iter().collect(),
                    risks: [risk.id.clone()].into_iter().collect(),
                    level: Some(level),
                    stages: ProcedureStage::ALL.into_iter().collect(),
                    ..Selection::default()
                };
                if let Some(feature) = answer {
                    selection.set_feature(&category.id, feature, true);
                }
                let doc = assemble(&c, &selection, Language::En);
                let criteria = doc
                    .lot_items(1)
                    .into_iter()
                    .filter(|i| c.criterion(&i.id).is_some_and(|k| !k.closing))
                    .count();
                assert!(
                    criteria > 0 || !doc.scope_gaps.is_empty(),
                    "{} / {} / {:?} / {:?}: no criterion and no word on why",
                    category.id,
                    risk.id,
                    level,
                    answer
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 300, "{checked}");
}
