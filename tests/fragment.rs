//! The URL fragment: whatever arrives never panics, what can be read is kept, what cannot is told.

use criteria_builder::domain::catalog::AmbitionLevel;
use criteria_builder::domain::draft;
use criteria_builder::domain::fragment::{decode, encode, MAX_LEN};
use criteria_builder::domain::notice::Notice;
use criteria_builder::domain::selection::{
    ContractDetails, DetailField, Pairs, ProcedureStage, Selection,
};
use proptest::prelude::*;

fn sample() -> Selection {
    Selection {
        categories: ["laptops-desktops", "smartphones-tablets"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        risks: ["forced-labour"].iter().map(|s| s.to_string()).collect(),
        level: Some(AmbitionLevel::Advanced),
        stages: [ProcedureStage::Selection, ProcedureStage::Award]
            .into_iter()
            .collect(),
        details: ContractDetails {
            authority: "Ville de Liège & Région, 50% «test» #1".into(),
            contract_months: "48".into(),
            start_date: "2027-03-01".into(),
            award_points: "20".into(),
            ..Default::default()
        },
        dropped: ["laptops-desktops/LR-SC-01"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        take_back: ["laptops-desktops".to_string()].into_iter().collect(),
        refurbished: ["smartphones-tablets".to_string()].into_iter().collect(),
        refurbished_only: ["smartphones-tablets".to_string()].into_iter().collect(),
        one_off: ["laptops-desktops".to_string()].into_iter().collect(),
        added: ["laptops-desktops/CM-AC-01".to_string()]
            .into_iter()
            .collect(),
        lot_levels: [("smartphones-tablets", "basic")].into_iter().collect(),
        working_notes: true,
        joined: [("monitors", "laptops-desktops")].into_iter().collect(),
        catalog_version: "2026.12.1".into(),
        language: String::new(),
        second_language: String::new(),
    }
}

#[test]
fn a_selection_survives_the_round_trip_exactly() {
    let selection = sample();
    let fragment = encode(&selection);
    assert!(fragment.starts_with("v=1&"));
    let (back, notices) = decode(&format!("#{fragment}"));
    assert_eq!(back, selection);
    assert!(notices.is_empty(), "{notices:?}");
}

#[test]
fn the_fragment_is_stable_and_readable() {
    assert_eq!(
        encode(&sample()),
        "v=1&cv=2026.12.1&c=laptops-desktops,smartphones-tablets&r=forced-labour&l=advanced\
         &s=selection,award&tb=laptops-desktops&rf=smartphones-tablets&ro=smartphones-tablets&oo=laptops-desktops\
         &a=Ville%20de%20Li%C3%A8ge%20%26%20R%C3%A9gion%2C%2050%25%20%C2%ABtest%C2%BB%20%231&m=48&sd=2027-03-01&p=20\
         &x=laptops-desktops/LR-SC-01&ad=laptops-desktops/CM-AC-01&ll=smartphones-tablets:basic&lw=monitors:laptops-desktops&wn=1"
    );
}

#[test]
fn damaged_parts_are_skipped_with_a_notice_and_the_rest_is_kept() {
    let (selection, notices) =
        decode("v=1&c=laptops-desktops,bad%zz&l=heroic&s=award,nope&q=1&a=%E2%28");
    assert!(selection.categories.contains("laptops-desktops"));
    assert_eq!(selection.categories.len(), 1);
    assert_eq!(selection.level, None);
    assert_eq!(selection.stages.len(), 1);
    assert_eq!(selection.details.authority, "");
    assert!(notices.contains(&Notice::Undecodable("c".into())));
    assert!(notices.contains(&Notice::UnknownLevel("heroic".into())));
    assert!(notices.contains(&Notice::UnknownStage("nope".into())));
    assert!(notices.contains(&Notice::UnknownPart("q".into())));
    assert!(notices.contains(&Notice::Undecodable("a".into())));
}

#[test]
fn versions_are_checked() {
    let (_, notices) = decode("c=laptops-desktops");
    assert_eq!(notices, [Notice::NoVersion]);
    let (selection, notices) = decode("v=2&c=laptops-desktops");
    assert_eq!(notices, [Notice::NewerVersion("2".into())]);
    assert_eq!(
        selection.categories.len(),
        1,
        "a newer link is still read as far as possible"
    );
}

#[test]
fn an_oversized_fragment_is_ignored_whole() {
    let huge = format!("v=1&a={}", "x".repeat(MAX_LEN));
    let (selection, notices) = decode(&huge);
    assert_eq!(selection, Selection::default());
    assert!(matches!(
        notices[..],
        [Notice::LinkTooLong { max: MAX_LEN, .. }]
    ));
}

#[test]
fn over_long_values_are_cut_with_a_notice() {
    let long = "a".repeat(500);
    let (selection, notices) = decode(&format!("v=1&a={long}&m=123456789012"));
    assert_eq!(
        selection.details.authority.chars().count(),
        DetailField::Authority.max_chars()
    );
    assert!(notices.contains(&Notice::ValueCut(DetailField::Authority)));
    assert!(notices.contains(&Notice::ValueCut(DetailField::ContractMonths)));
}

#[test]
fn a_truncated_link_keeps_its_complete_parts() {
    let fragment = encode(&sample());
    let cut = &fragment[..fragment.find("&a=").unwrap() + 10];
    let (selection, _) = decode(cut);
    assert_eq!(selection.level, Some(AmbitionLevel::Advanced));
    assert_eq!(selection.categories.len(), 2);
}

#[test]
fn empty_input_is_an_empty_selection_without_notices() {
    for input in ["", "#", "   "] {
        let (selection, notices) = decode(input);
        assert_eq!(selection, Selection::default());
        assert!(notices.is_empty());
    }
}

fn id() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9-]{0,20}"
}

prop_compose! {
    fn reachable()(
        categories in prop::collection::btree_set(id(), 0..5),
        risks in prop::collection::btree_set(id(), 0..5),
        level in prop::option::of(prop::sample::select(AmbitionLevel::ALL.to_vec())),
        stages in prop::collection::btree_set(prop::sample::select(ProcedureStage::ALL.to_vec()), 0..5),
        authority in "\\PC{0,200}",
        months in "[0-9]{0,8}",
        value in "\\PC{0,100}",
        dropped in prop::collection::btree_set("[a-z-]{1,10}/[A-Z0-9-]{1,10}", 0..5),
        take_back in prop::collection::btree_set(id(), 0..3),
        refurbished in prop::collection::btree_set(id(), 0..3),
        refurbished_only in prop::collection::btree_set(id(), 0..2),
        one_off in prop::collection::btree_set(id(), 0..2),
        language in prop::option::of(prop::sample::select(
            criteria_builder::domain::i18n::Language::ALL.to_vec(),
        )),
        second_language in prop::option::of(prop::sample::select(
            criteria_builder::domain::i18n::Language::ALL.to_vec(),
        )),
        catalog_version in "([0-9]{4}\\.[0-9]{1,2}\\.[0-9]{1,2})?",
        periods in prop::collection::vec("[0-9]{0,3}", 6),
        added in prop::collection::btree_set("[a-z-]{1,10}/[A-Z0-9-]{1,10}", 0..3),
        lot_levels in prop::collection::btree_map(id(), prop::sample::select(AmbitionLevel::ALL.to_vec()), 0..3)
            .prop_map(|m| m.iter().map(|(k, v)| (k.as_str(), v.code())).collect::<Pairs>()),
        working_notes in any::<bool>(),
        joined in prop::collection::btree_map(id(), id(), 0..3)
            .prop_map(|m| m.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect::<Pairs>()),
    ) -> Selection {
        Selection {
            categories, risks, level, stages, dropped, take_back, refurbished, catalog_version,
            added, lot_levels, working_notes, joined, refurbished_only, one_off,
            language: language.map(|l| l.code().to_string()).unwrap_or_default(),
            second_language: second_language.map(|l| l.code().to_string()).unwrap_or_default(),
            details: ContractDetails {
                authority, contract_months: months, estimated_value: value,
                response_days: periods[0].clone(), notice_days: periods[1].clone(),
                documents_days: periods[2].clone(), reminder_days: periods[3].clone(),
                report_days: periods[4].clone(), annual_report_days: periods[5].clone(),
                ..Default::default()
            },
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Saved answers (domain::saved) open to exactly what was saved, and again after a second save.
    #[test]
    fn saved_answers_open_to_what_was_saved(selection in reachable()) {
        use criteria_builder::domain::saved;
        let json = saved::write(&selection);
        // The hand-written file is serde's layout of the same answers, byte for byte.
        prop_assert_eq!(&json, &(serde_json::to_string_pretty(&saved::save(&selection)).unwrap() + "\n"));
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let (opened, notices) = saved::open(&saved::Json::from(&value)).unwrap();
        prop_assert_eq!(&opened, &saved::normalise(&selection).0);
        prop_assert!(notices.is_empty(), "{:?}", notices);
        let again: serde_json::Value = serde_json::from_str(&saved::write(&opened)).unwrap();
        prop_assert_eq!(saved::open(&saved::Json::from(&again)).unwrap().0, opened);
    }

    /// Any text offered as a file of saved answers opens or says why not, never panics.
    #[test]
    fn any_text_as_saved_answers_opens_or_says_why(text in "\\PC*", answers in "\\PC{0,200}") {
        use criteria_builder::domain::saved;
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) {
            let _ = saved::open(&saved::Json::from(&value));
        }
        let framed = format!(r#"{{"format": "{}", "version": 1, "answers": {answers}}}"#, saved::FORMAT);
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(&framed) {
            let _ = saved::open(&saved::Json::from(&value));
        }
    }

    #[test]
    fn any_string_decodes_without_panicking(input in "\\PC*") {
        let _ = decode(&input);
    }

    #[test]
    fn any_bytes_decode_without_panicking(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = decode(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn fragment_shaped_garbage_decodes_without_panicking(
        parts in prop::collection::vec(("[a-z]{1,2}", "[a-zA-Z0-9%,./&=#+-]{0,40}"), 0..20)
    ) {
        let input: Vec<String> = parts.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let _ = decode(&input.join("&"));
    }

    #[test]
    fn every_reachable_state_round_trips(selection in reachable()) {
        let fragment = encode(&selection);
        prop_assert!(fragment.len() <= MAX_LEN);
        let (back, notices) = decode(&fragment);
        prop_assert!(notices.is_empty(), "{:?}", notices);
        prop_assert_eq!(back, selection);
    }

    /// The draft kept in browser storage: anything stored gives a selection or "unreadable", and
    /// every reachable state, including values far longer than a link keeps, comes back whole.
    #[test]
    fn any_stored_draft_reads_without_panicking(input in "\\PC*", marked in any::<bool>()) {
        let stored = if marked { format!("{}{input}", draft::MARKER) } else { input };
        let _ = draft::decode(&stored);
    }

    #[test]
    fn every_reachable_state_round_trips_through_a_draft(
        mut selection in reachable(),
        long in "\\PC{0,3000}",
    ) {
        selection.details.authority.push_str(&long);
        prop_assert_eq!(draft::decode(&draft::encode(&selection)), draft::Restored::Whole(selection));
    }
}

#[test]
fn the_link_carries_the_language_and_an_unknown_one_opens_in_english_with_a_notice() {
    let mut selection = sample();
    selection.language = "de".into();
    let fragment = encode(&selection);
    assert!(fragment.ends_with("&ln=de"), "{fragment}");
    let (back, notices) = decode(&fragment);
    assert_eq!(back.language, "de");
    assert!(notices.is_empty(), "{notices:?}");
    let (back, notices) = decode("v=1&c=laptops-desktops&ln=xx");
    assert!(back.language.is_empty());
    assert_eq!(
        notices,
        [criteria_builder::domain::notice::Notice::UnknownLanguage(
            "xx".into()
        )]
    );
}

#[test]
fn the_link_carries_the_document_language_pair_and_an_unknown_second_one_is_dropped_with_a_notice()
{
    let mut selection = sample();
    selection.language = "de".into();
    selection.second_language = "fr".into();
    let fragment = encode(&selection);
    assert!(fragment.ends_with("&ln=de&l2=fr"), "{fragment}");
    let (back, notices) = decode(&fragment);
    assert_eq!(
        (back.language.as_str(), back.second_language.as_str()),
        ("de", "fr")
    );
    assert!(notices.is_empty(), "{notices:?}");
    // An unknown pair: the known language is kept, the unknown one dropped and named.
    let (back, notices) = decode("v=1&c=laptops-desktops&ln=de&l2=nl");
    assert_eq!(back.language, "de");
    assert!(back.second_language.is_empty());
    assert_eq!(
        notices,
        [criteria_builder::domain::notice::Notice::UnknownLanguage(
            "nl".into()
        )]
    );
}
