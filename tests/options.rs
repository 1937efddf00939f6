//! Host-page options: checked in meaning, with errors that name the field.

use criteria_builder::domain::i18n::Language;
use criteria_builder::domain::options::{RawOptions, Theme};

#[test]
fn defaults_are_english_auto_theme_and_no_url_sync() {
    let options = RawOptions::default().check().unwrap();
    assert_eq!(options.language, Language::En);
    assert_eq!(options.theme, Theme::Auto);
    assert!(!options.sync_url);
}

#[test]
fn valid_options_are_taken() {
    let raw = RawOptions {
        language: Some("en".into()),
        selection: Some("v=1&c=laptops-desktops".into()),
        theme: Some("dark".into()),
        sync_url: Some(true),
    };
    let options = raw.check().unwrap();
    assert_eq!(options.theme, Theme::Dark);
    assert!(options.sync_url);
    assert_eq!(options.selection.as_deref(), Some("v=1&c=laptops-desktops"));
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
        "invalid option `language`: expected one of \"en\", got \"xx\""
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
