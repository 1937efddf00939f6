//! The command line prints exactly what the widget downloads.

use criteria_builder::domain::assemble::assemble;
use criteria_builder::domain::embedded;
use criteria_builder::domain::fragment;
use criteria_builder::domain::i18n::Language;
use criteria_builder::domain::render::{html, markdown, text};
use std::process::Command;

const LINK: &str = "https://example.org/tool#v=1&c=laptops-desktops,smartphones-tablets&r=forced-labour,conflict-minerals&l=advanced&s=selection,specifications,award,contract,management&a=City%20of%20Example&m=48&p=20";

fn expected(render: fn(&criteria_builder::domain::assemble::Document) -> String) -> String {
    let catalog = embedded::catalog(Language::En).unwrap();
    let (mut selection, _) = fragment::decode(LINK.split_once('#').unwrap().1);
    selection.retain_known(&catalog);
    render(&assemble(&catalog, &selection, Language::En))
}

fn cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_criteria"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn renders_a_link_byte_for_byte_in_every_format() {
    for (format, render) in [
        ("markdown", markdown::render as fn(&_) -> String),
        ("text", text::render),
        ("html", html::standalone),
    ] {
        let out = cli(&["render", "--format", format, "--fragment", LINK]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            expected(render),
            "{format}"
        );
    }
}

#[test]
fn renders_a_json_selection_the_same_as_the_link() {
    let dir = std::env::temp_dir().join(format!("criteria-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("selection.json");
    std::fs::write(
        &file,
        r#"{"categories": ["smartphones-tablets", "laptops-desktops"],
            "risks": ["conflict-minerals", "forced-labour"], "level": "advanced",
            "stages": ["selection", "specifications", "award", "contract", "management"],
            "details": {"authority": "City of Example", "contract_months": "48", "award_points": "20"}}"#,
    )
    .unwrap();
    let out = cli(&["render", "--json", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        expected(markdown::render)
    );
}

#[test]
fn bad_input_gets_a_clear_message_and_a_failing_status() {
    let out = cli(&["render", "--fragment", "v=1&c=no-such-thing&l=heroic"]);
    assert!(
        out.status.success(),
        "a damaged link still renders what it can"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("The ambition level “heroic” is not known"),
        "{err}"
    );
    assert!(
        err.contains("“no-such-thing” is not in the catalogue"),
        "{err}"
    );

    let out = cli(&["render", "--json", "/nonexistent/selection.json"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/selection.json")
    );

    let out = cli(&["render"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Usage: criteria render"));
}

#[test]
fn coverage_prints_the_counts_and_no_gaps() {
    let out = cli(&["coverage"]);
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{report}");
    let catalog = embedded::catalog(Language::En).unwrap();
    assert!(report.contains(&format!(
        "version {}: {} criteria",
        catalog.meta.version,
        catalog.criteria.len()
    )));
    assert!(report.contains("category / high-salience risk / level without a criterion: 0"));
    for category in &catalog.categories {
        assert!(report.contains(&category.id), "{report}");
    }
    assert_eq!(
        cli(&["coverage", "--language", "xx"]).status.code(),
        Some(2)
    );
}
