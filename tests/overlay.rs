//! The authority's overlay: applied with the catalogue's own rules, every problem reported with
//! the overlay, the entry and the reason, never a panic.

mod common;

use criteria_builder::domain::overlay::{apply, Overlay};

const CITY: &str = include_str!("fixtures/overlay/city-of-example.toml");

fn city() -> Overlay {
    toml::from_str(CITY).expect("the example overlay reads")
}

#[test]
fn the_example_overlay_adds_hides_and_stamps() {
    let catalog = common::english();
    let merged = apply(&catalog, &city(), "city-of-example.toml").unwrap_or_else(|e| {
        panic!(
            "{}",
            e.iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    let own = merged
        .criteria
        .iter()
        .find(|c| c.id == "CITY-CPC-01")
        .unwrap();
    assert!(own.authority);
    assert!(!merged.criteria.iter().any(|c| c.id == "CHEM-AC-01"));
    assert!(merged
        .criteria
        .iter()
        .filter(|c| c.id != "CITY-CPC-01")
        .all(|c| !c.authority));
    let stamp = merged.meta.overlay.as_ref().unwrap();
    assert_eq!(stamp.name, "City of Example ICT criteria");
    assert_eq!(stamp.version, "2026.1");
    assert_eq!(stamp.hash.len(), 12, "{}", stamp.hash);
}

#[test]
fn the_json_form_is_the_toml_form_and_hashes_the_same() {
    let json: Overlay =
        serde_json::from_str(include_str!("../www/examples/city-overlay.json")).unwrap();
    assert_eq!(json, city());
    assert_eq!(json.stamp().hash, city().stamp().hash);
    // The example page's file is what `criteria overlay FILE --json` writes for the fixture.
    assert_eq!(
        serde_json::to_string_pretty(&city()).unwrap() + "\n",
        include_str!("../www/examples/city-overlay.json")
    );
}

/// The example with one change, applied: its problems as "file: entry: reason".
fn problems(change: impl FnOnce(&mut Overlay)) -> Vec<String> {
    let mut overlay = city();
    change(&mut overlay);
    match apply(&common::english(), &overlay, "city.json") {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

fn assert_reports(change: impl FnOnce(&mut Overlay), expected: &str) {
    let found = problems(change);
    assert!(
        found.iter().any(|p| p == expected),
        "expected {expected:?}, found {found:#?}"
    );
}

#[test]
fn each_kind_of_problem_is_reported_with_the_file_the_entry_and_the_reason() {
    assert_reports(
        |o| o.criterion[0].id = "LR-CPC-01".into(),
        "city.json: LR-CPC-01: the catalogue has a criterion with this ID: give the authority's own an ID of its own (e.g. with the authority's prefix)",
    );
    assert_reports(
        |o| {
            let twin = o.criterion[0].clone();
            o.criterion.push(twin);
        },
        "city.json: CITY-CPC-01: duplicate criterion ID",
    );
    assert_reports(
        |o| o.criterion[0].categories = vec!["toasters".into()],
        "city.json: CITY-CPC-01: unknown category \"toasters\"",
    );
    assert_reports(
        |o| o.criterion[0].legal_basis.clear(),
        "city.json: CITY-CPC-01: legal_basis is empty: every criterion states its legal basis",
    );
    assert_reports(
        |o| o.criterion[0].legal_basis = vec!["dir-1999-99".into()],
        "city.json: CITY-CPC-01: unknown legal basis \"dir-1999-99\"",
    );
    assert_reports(
        |o| o.hide = vec!["NO-SUCH-01".into()],
        "city.json: NO-SUCH-01: hide: the catalogue has no criterion with this ID",
    );
    assert_reports(
        |o| o.overlay.version = " ".into(),
        "city.json: overlay.version is empty",
    );
    let placeholder = problems(|o| o.criterion[0].text += " Within {no_such_days} days.");
    assert!(
        placeholder
            .iter()
            .any(|p| p.starts_with("city.json: CITY-CPC-01: ") && p.contains("no_such_days")),
        "{placeholder:#?}"
    );
    let source = problems(|o| o.source.clear());
    assert!(
        source
            .iter()
            .any(|p| p.starts_with("city.json: CITY-CPC-01: ") && p.contains("C1")),
        "{source:#?}"
    );
}

#[test]
fn the_documents_mark_the_authoritys_criteria_and_name_the_overlay_in_the_footer() {
    use criteria_builder::domain::assemble::assemble;
    use criteria_builder::domain::fragment;
    use criteria_builder::domain::i18n::Language;
    use criteria_builder::domain::render::{Format, Part};
    let merged = apply(&common::english(), &city(), "city.json").unwrap();
    let (selection, _) =
        fragment::decode("v=1&c=laptops-desktops&r=forced-labour,hazardous-chemicals&l=advanced&s=specifications,award,contract");
    let document = assemble(&merged, &selection, Language::En);
    let text = String::from_utf8(
        Format::Text
            .render_text(&document, None, Part::Whole)
            .unwrap(),
    )
    .unwrap();
    assert!(text.contains("Contact point for supply-chain questions"));
    assert_eq!(
        text.matches("Criterion written by City of Example, not taken from the catalogue.")
            .count(),
        1
    );
    assert!(
        !text.contains("CHEM-AC-01"),
        "a hidden criterion is left out"
    );
    let stamp = merged.meta.overlay.as_ref().unwrap();
    assert!(text.contains(&format!(
        "Includes criteria written by City of Example: \u{201c}City of Example ICT criteria\u{201d}, version 2026.1, overlay hash {}.",
        stamp.hash
    )));
}

#[test]
fn an_overlay_with_nothing_in_it_but_its_name_changes_no_criterion() {
    let bare: Overlay =
        toml::from_str("[overlay]\nname = \"Bare\"\nversion = \"1\"\nauthority = \"Town\"\n")
            .unwrap();
    let catalog = common::english();
    let merged = apply(&catalog, &bare, "bare.toml").unwrap();
    assert_eq!(merged.criteria, catalog.criteria);
}

mod hostile {
    use super::*;
    use proptest::prelude::*;

    /// A JSON value made of the overlay's own keys and a few others, nested a little.
    fn value() -> impl Strategy<Value = serde_json::Value> {
        let key = prop::sample::select(vec![
            "overlay",
            "name",
            "version",
            "authority",
            "intro",
            "contact",
            "hide",
            "defaults",
            "selection",
            "criterion",
            "id",
            "kind",
            "level",
            "categories",
            "addresses",
            "title",
            "text",
            "guidance",
            "legal_basis",
            "sources",
            "last_reviewed",
            "verification",
            "submit",
            "own_evidence",
            "source",
            "url",
            "legal",
            "label",
            "covers",
            "x",
        ]);
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            "[ -~]{0,24}".prop_map(serde_json::Value::from),
            prop::sample::select(vec![
                "CITY-CPC-01",
                "LR-CPC-01",
                "laptops-desktops",
                "*",
                "forced-labour",
                "basic",
                "contract-clause",
                "dir-2014-24-art-70",
                "C1",
                "{authority}",
                "{lot",
                "2026-11-01",
            ])
            .prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(4, 48, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
                prop::collection::vec((key.clone(), inner), 0..6).prop_map(|pairs| {
                    serde_json::Value::Object(
                        pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
                    )
                }),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any JSON is read or refused with a reason; any overlay read is applied or refused
        /// with problems that all name the file; nothing panics.
        #[test]
        fn any_json_gives_an_overlay_or_a_reason(value in value()) {
            if let Ok(overlay) = serde_json::from_value::<Overlay>(value) {
                if let Err(errors) = apply(&common::english(), &overlay, "host.json") {
                    prop_assert!(!errors.is_empty());
                    prop_assert!(errors.iter().all(|e| e.file == "host.json"));
                }
            }
        }

        /// The example with one field of its criterion replaced by any text is applied or
        /// refused naming the file and that criterion, never a panic.
        #[test]
        fn any_text_in_a_field_of_the_example(field in 0usize..6, text in "\\PC{0,80}") {
            let mut overlay = city();
            let c = &mut overlay.criterion[0];
            match field {
                0 => c.id = text,
                1 => c.title = text,
                2 => c.text = text,
                3 => c.guidance = text,
                4 => c.verification.submit = text,
                _ => c.last_reviewed = text,
            }
            let id = overlay.criterion[0].id.clone();
            if let Err(errors) = apply(&common::english(), &overlay, "host.json") {
                prop_assert!(errors.iter().all(|e| e.file == "host.json"));
                prop_assert!(errors.iter().any(|e| e.id.as_deref() == Some(id.as_str()) || e.id.is_none()), "{errors:?}");
            }
        }
    }
}

mod in_the_widget {
    use super::*;
    use criteria_builder::domain::catalog::AmbitionLevel;
    use criteria_builder::domain::i18n::Language;
    use criteria_builder::domain::overlay::Checked;
    use criteria_builder::state::{Action, CheckedOverlay, WizardState};
    use std::rc::Rc;
    use yew::Reducible;

    fn checked() -> Box<CheckedOverlay> {
        let overlay = city();
        let stamp = overlay.stamp();
        Box::new(CheckedOverlay {
            checked: Checked { overlay, stamp },
            bytes: Vec::new(),
        })
    }

    fn state(link: Option<&str>) -> Rc<WizardState> {
        Rc::new(WizardState::new(
            Rc::new(common::english()),
            true,
            Language::En,
            link,
        ))
    }

    #[test]
    fn a_checked_overlay_is_merged_and_its_answers_taken_where_nothing_was_answered() {
        let fresh = state(None).reduce(Action::OverlayLoaded("city.json".into(), Ok(checked())));
        assert!(fresh
            .catalog
            .criteria
            .iter()
            .any(|c| c.id == "CITY-CPC-01" && c.authority));
        assert!(!fresh.catalog.criteria.iter().any(|c| c.id == "CHEM-AC-01"));
        assert_eq!(fresh.selection.level, Some(AmbitionLevel::Advanced));
        assert_eq!(
            fresh
                .selection
                .details
                .number(criteria_builder::domain::selection::DetailField::AwardPoints),
            Some(20)
        );
        // A buyer who already answered keeps the answers; the criteria are merged all the same.
        let answered = state(Some("v=1&c=monitors&l=basic"))
            .reduce(Action::OverlayLoaded("city.json".into(), Ok(checked())));
        assert_eq!(answered.selection.level, Some(AmbitionLevel::Basic));
        assert!(answered
            .catalog
            .criteria
            .iter()
            .any(|c| c.id == "CITY-CPC-01"));
    }

    #[test]
    fn problems_are_shown_and_the_catalogue_stays_as_it_is() {
        let before = state(None);
        let after = before.clone().reduce(Action::OverlayLoaded(
            "city.json".into(),
            Err(vec!["city.json: CITY-CPC-01: duplicate criterion ID".into()]),
        ));
        assert_eq!(
            after.overlay_problems,
            ["city.json: CITY-CPC-01: duplicate criterion ID"]
        );
        assert_eq!(after.catalog.criteria, before.catalog.criteria);
        assert!(after.overlay.is_none());
    }
}
