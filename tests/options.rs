//! Host-page options: checked in meaning, with errors that name the field.

use criteria_builder::domain::i18n::Language;
use criteria_builder::domain::options::{RawOptions, Theme};
use criteria_builder::domain::overlay::OverlaySource;

#[test]
fn defaults_are_english_auto_theme_and_no_url_sync() {
    let options = RawOptions::default().check().unwrap();
    assert_eq!(options.language, Language::En);
    assert_eq!(options.theme, Theme::Auto);
    assert!(!options.sync_url);
    assert!(
        !options.event_text,
        "events carry no typed text unless asked"
    );
}

#[test]
fn valid_options_are_taken() {
    let raw = RawOptions {
        language: Some("en".into()),
        selection: Some("v=1&c=laptops-desktops".into()),
        theme: Some("dark".into()),
        sync_url: Some(true),
        storage_key: Some("city-of-ghent_ict.2026".into()),
        event_text: Some(true),
        catalog_url: Some("https://data.example.eu/ict-criteria".into()),
        accessibility_statement: Some("/about/accessibility.html".into()),
        overlay: Some(OverlaySource::Url("/criteria/city-overlay.json".into())),
    };
    let options = raw.check().unwrap();
    assert!(options.event_text);
    assert_eq!(
        options.catalog_url.as_deref(),
        Some("https://data.example.eu/ict-criteria/"),
        "a folder: the file names are appended after a slash"
    );
    assert_eq!(
        options.accessibility_statement.as_deref(),
        Some("/about/accessibility.html")
    );
    assert_eq!(options.theme, Theme::Dark);
    assert!(options.sync_url);
    assert_eq!(options.selection.as_deref(), Some("v=1&c=laptops-desktops"));
    assert_eq!(
        options.storage_key.as_deref(),
        Some("city-of-ghent_ict.2026")
    );
}

#[test]
fn a_storage_key_must_be_a_short_plain_name() {
    for bad in [
        "",
        "a b",
        "x".repeat(65).as_str(),
        "ключ",
        "a/b",
        "<script>",
    ] {
        let err = RawOptions {
            storage_key: Some(bad.into()),
            ..Default::default()
        }
        .check()
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("invalid option `storageKey`: expected 1 to 64"),
            "{bad:?}: {err}"
        );
    }
}

/// Any JSON value a host could pass: never a panic; either options or an error naming an option.
mod any_host_value {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    fn json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<f64>()
                .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
            any::<i64>().prop_map(|i| Value::Number(i.into())),
            ".{0,40}".prop_map(Value::String),
            prop_oneof![
                Just("en"),
                Just("dark"),
                Just("v=1&c=monitors"),
                Just("ok-key")
            ]
            .prop_map(|s| Value::String(s.into())),
        ];
        leaf.prop_recursive(3, 24, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map(
                    prop_oneof![
                        Just("language".to_string()),
                        Just("selection".to_string()),
                        Just("theme".to_string()),
                        Just("syncUrl".to_string()),
                        Just("storageKey".to_string()),
                        ".{0,12}",
                    ],
                    inner,
                    0..6
                )
                .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn gives_options_or_an_error_naming_an_option(value in json()) {
            // The type layer may refuse it (not an object, unknown key, wrong type); the widget
            // turns that into a JsError naming the path. Not panicking is the property there.
            if let Ok(raw) = serde_json::from_value::<RawOptions>(value) {
                match raw.check() {
                    Ok(options) => {
                        // Whatever was accepted is one of the known values.
                        prop_assert!(matches!(options.theme, Theme::Auto | Theme::Light | Theme::Dark));
                    }
                    Err(err) => {
                        let text = err.to_string();
                        prop_assert!(RawOptions::FIELDS.iter().any(|f| text.contains(&format!("`{f}`"))), "{}", text);
                    }
                }
            }
        }
    }
}

#[test]
fn an_unknown_value_is_rejected_naming_the_field_and_the_choices() {
    let err = RawOptions {
        language: Some("xx".into()),
        ..Default::default()
    }
    .check()
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid option `language`: expected one of \"en\", \"de\", \"fr\", got \"xx\""
    );
    let err = RawOptions {
        theme: Some("pink".into()),
        ..Default::default()
    }
    .check()
    .unwrap_err();
    assert!(err
        .to_string()
        .starts_with("invalid option `theme`: expected one of \"auto\", \"light\", \"dark\""));
}

#[test]
fn host_events_carry_typed_text_only_when_asked() {
    use criteria_builder::domain::fragment;
    use criteria_builder::domain::host_events::selection_event;
    use criteria_builder::domain::selection::Step;
    let (selection, _) = fragment::decode(
        "v=1&c=monitors&r=child-labour&l=basic&s=contract&a=Secret%20City&e=EUR%201%20million",
    );
    let plain = selection_event(&selection, Step::Details, false);
    assert_eq!(plain.step, "details");
    assert_eq!(plain.categories, ["monitors"]);
    assert_eq!(plain.stages, ["contract"]);
    assert_eq!(plain.level, Some("basic"));
    assert!(!plain.with_text);
    assert!(!plain.link.contains("Secret") && !plain.link.contains("million"));
    // The link without the details still opens the same answers.
    let (back, _) = fragment::decode(&plain.link);
    assert_eq!(back.categories, selection.categories);
    assert_eq!(back.risks, selection.risks);
    let with_text = selection_event(&selection, Step::Details, true);
    assert!(with_text.with_text && with_text.link.contains("a=Secret%20City"));
}

#[test]
fn addresses_are_web_addresses_or_relative_ones() {
    let check = |catalog: &str, statement: &str| {
        RawOptions {
            catalog_url: Some(catalog.into()),
            accessibility_statement: Some(statement.into()),
            ..RawOptions::default()
        }
        .check()
    };
    let ok = check("criteria/data/?v=2#x", "HTTPS://city.example/a11y").unwrap();
    assert_eq!(ok.catalog_url.as_deref(), Some("criteria/data/"));
    let ok = check("//cdn.example/files", "../a11y/statement.html?lang=de").unwrap();
    assert_eq!(ok.catalog_url.as_deref(), Some("//cdn.example/files/"));
    for (catalog, statement, field) in [
        ("javascript:alert(1)", "ok.html", "catalogUrl"),
        ("ok/", "javascript:alert(1)", "accessibilityStatement"),
        ("ok/", " data:text/html,x", "accessibilityStatement"),
        ("", "ok.html", "catalogUrl"),
        ("files/\n", "ok.html", "catalogUrl"),
        ("ok/", "JaVaScRiPt:x", "accessibilityStatement"),
        ("ok/", "a11y:statement.html", "accessibilityStatement"),
    ] {
        let error = check(catalog, statement).unwrap_err().to_string();
        assert!(
            error.starts_with(&format!("invalid option `{field}`")),
            "{catalog:?} / {statement:?}: {error}"
        );
    }
    let long = format!("https://x.example/{}", "a".repeat(RawOptions::MAX_URL));
    assert!(check(&long, "ok.html").is_err());
}

#[test]
fn an_overlay_address_is_checked_and_its_toml_form_refused_with_the_way_out() {
    let with = |url: &str| {
        RawOptions {
            overlay: Some(OverlaySource::Url(url.into())),
            ..RawOptions::default()
        }
        .check()
    };
    assert_eq!(
        with("overlay.json").unwrap().overlay,
        Some(OverlaySource::Url("overlay.json".into()))
    );
    let toml = with("/files/Overlay.TOML?v=2").unwrap_err().to_string();
    assert!(
        toml.contains("`criteria overlay FILE.toml --json`"),
        "{toml}"
    );
    assert!(with("javascript:alert(1)").is_err());
}
