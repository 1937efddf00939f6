//! Whatever a buyer types is inert in every export: no markup, no structure, no hidden controls.

mod common;

use common::{fixture, full_selection};
use criteria_builder::domain::assemble::assemble;
use criteria_builder::domain::catalog::AmbitionLevel;
use criteria_builder::domain::i18n::Language;
use criteria_builder::domain::render::{clean, html, markdown, text, Part};
use proptest::prelude::*;

const HOSTILE: &str = "<script>alert(1)</script> <img src=x onerror=alert(2)> [link](javascript:alert(3)) **bold** _x_ `code` &amp; | a | \u{202E}evil\u{202C} line\nbreak\u{0007}";

fn hostile_document() -> criteria_builder::domain::document::Document {
    let mut selection = full_selection(AmbitionLevel::Spearhead);
    selection.details.authority = HOSTILE.into();
    selection.details.estimated_value = "# Heading? 1. list? - item? > quote?".into();
    assemble(&fixture(), &selection, Language::En)
}

#[test]
fn html_exports_escape_every_angle_bracket_and_ampersand() {
    let doc = hostile_document();
    for out in [
        html::fragment(&doc, Part::Whole),
        html::standalone(&doc, Part::Whole),
    ] {
        assert!(!out.contains("<script>"), "raw script tag in HTML export");
        assert!(!out.contains("<img"), "raw img tag in HTML export");
        assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(out.contains("&amp;amp;"));
        assert!(!out.contains('\u{202E}'));
        assert!(!out.contains('\u{0007}'));
    }
    // The standalone file has no script at all and loads nothing from elsewhere.
    let standalone = html::standalone(&doc, Part::Whole);
    assert!(!standalone.to_lowercase().contains("<script"));
    assert!(!standalone.contains(" src=\""));
    assert!(!standalone.contains(" href=\""));
}

#[test]
fn markdown_export_cannot_gain_links_html_or_structure() {
    let md = markdown::render(&hostile_document(), Part::Whole);
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"));
    assert!(md.contains("\\[link\\](javascript:alert(3))"));
    assert!(md.contains("\\*\\*bold\\*\\*"));
    assert!(md.contains("\\`code\\`"));
    assert!(md.contains("\\&amp;"));
    assert!(!md.contains('\u{202E}'));
    // A value in the middle of a line cannot start a heading or a list.
    assert!(
        md.contains("Disclose factories for \\# Heading? 1. list? - item? \\> quote?;"),
        "{md}"
    );
    for line in md.lines() {
        assert!(
            !line.starts_with("<"),
            "a line starts with raw HTML: {line}"
        );
    }
}

#[test]
fn plain_text_has_no_control_or_bidi_characters() {
    let txt = text::render(&hostile_document(), Part::Whole);
    assert!(
        txt.contains("<script>alert(1)</script>"),
        "plain text keeps the text as typed"
    );
    assert!(!txt.chars().any(|c| c.is_control() && c != '\n'));
    assert!(!txt.contains('\u{202E}'));
    assert!(
        txt.contains("line break"),
        "a line break typed into a one-line field becomes a space"
    );
}

#[test]
fn markdown_escapes_block_starts() {
    assert_eq!(markdown::escape("# not a heading"), "\\# not a heading");
    assert_eq!(markdown::escape("- not a list"), "\\- not a list");
    assert_eq!(markdown::escape("12. not a list"), "12\\. not a list");
    assert_eq!(markdown::escape("plain words"), "plain words");
}

proptest! {
    #[test]
    fn no_typed_text_becomes_html_markup(authority in "\\PC{0,200}") {
        // A blank name shows the marker instead; that case is covered by the assembly tests.
        prop_assume!(!authority.trim().is_empty());
        let mut selection = full_selection(AmbitionLevel::Basic);
        selection.details.authority = authority.clone();
        let out = html::fragment(&assemble(&fixture(), &selection, Language::En), Part::Whole);
        let cleaned = clean(authority.trim());
        // The escaped value is present, and no '<' from the value survives.
        prop_assert!(out.contains(&html::escape(&cleaned)));
        let tags = out.matches('<').count();
        let empty = html::fragment(&assemble(&fixture(), &{
            let mut s = selection.clone();
            s.details.authority = "x".into();
            s
        }, Language::En), Part::Whole);
        prop_assert_eq!(tags, empty.matches('<').count());
    }
}

/// 100 KB of hostile text in every field the buyer can type: inert in every format, nothing lost.
fn huge_document() -> (String, criteria_builder::domain::document::Document) {
    let unit = "<script>x()</script>**[a](b)**\u{202E}|#&\u{0}";
    let huge: String = unit.repeat(100_000 / unit.len() + 1);
    let mut selection = full_selection(AmbitionLevel::Spearhead);
    for field in criteria_builder::domain::selection::DetailField::ALL {
        *selection.details.get_mut(field) = huge.clone();
    }
    (huge, assemble(&fixture(), &selection, Language::En))
}

#[test]
fn hundred_kilobyte_input_is_inert_in_html() {
    let (huge, doc) = huge_document();
    let out = html::standalone(&doc, Part::Whole);
    assert!(!out.contains("<script>"));
    assert!(
        out.contains(&html::escape(&clean(&huge))),
        "the whole value is kept, escaped"
    );
}

#[test]
fn hundred_kilobyte_input_is_inert_in_markdown() {
    let (_, doc) = huge_document();
    let out = markdown::render(&doc, Part::Whole);
    assert!(!out.contains("<script>"));
    assert!(!out.contains('\u{202E}'));
    assert!(out.contains("\\<script\\>x()\\</script\\>\\*\\*\\[a\\](b)\\*\\*\\|\\#\\&"));
}

#[test]
fn hundred_kilobyte_input_is_clean_in_plain_text() {
    let (huge, doc) = huge_document();
    let out = text::render(&doc, Part::Whole);
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'));
    assert!(out.contains(&clean(&huge)), "the whole value is kept");
    // Numbers that are not numbers never reach the text: their markers do.
    assert!(out.contains("[contract duration]"));
}
