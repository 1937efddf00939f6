//! The command line prints exactly what the widget downloads.

use criteria_builder::domain::assemble::assemble;
use criteria_builder::domain::embedded;
use criteria_builder::domain::fragment;
use criteria_builder::domain::i18n::Language;
use criteria_builder::domain::render::{html, markdown, text, Part};
use std::process::Command;

const LINK: &str = "https://example.org/tool#v=1&c=laptops-desktops,smartphones-tablets&r=forced-labour,conflict-minerals&l=advanced&s=selection,specifications,award,contract,management&a=City%20of%20Example&m=48&p=20";

type Render = fn(&criteria_builder::domain::document::Document, Part) -> String;

fn expected(render: Render) -> String {
    expected_part(render, Part::Whole)
}

fn expected_part(render: Render, part: Part) -> String {
    let catalog = embedded::catalog(Language::En).unwrap();
    let (mut selection, _) = fragment::decode(LINK.split_once('#').unwrap().1);
    selection.retain_known(&catalog);
    render(&assemble(&catalog, &selection, Language::En), part)
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
        ("markdown", markdown::render as Render),
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
fn renders_each_part_byte_for_byte_as_the_widget_exports_it() {
    for part in Part::ALL {
        for (format, render) in [
            ("markdown", markdown::render as Render),
            ("text", text::render),
            ("html", html::standalone),
        ] {
            let out = cli(&[
                "render",
                "--format",
                format,
                "--part",
                part.code(),
                "--fragment",
                LINK,
            ]);
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let got = String::from_utf8(out.stdout).unwrap();
            assert_eq!(got, expected_part(render, part), "{format} {part:?}");
        }
    }
    let tender = expected_part(text::render, Part::Tender);
    let whole = expected(text::render);
    assert!(tender.len() < whole.len());
    assert!(!tender.contains("Part C. Guidance notes"));
    let bad = cli(&["render", "--part", "appendix", "--fragment", LINK]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown part"));
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
    // A translated language reports what is translated: its messages and its catalogue, entry by
    // entry, with what it translates.
    let german = String::from_utf8(cli(&["coverage", "--language", "de"]).stdout).unwrap();
    assert!(german.starts_with("language de: UI messages "), "{german}");
    assert!(
        german.contains(&format!(
            "catalogue: translation of the English catalogue {} (catalogue hash {})",
            catalog.meta.version, catalog.meta.content_hash
        )),
        "{german}"
    );
    assert!(german.contains(" 0 not translated; 0 stale"), "{german}");
    // Rendering in German gives the German document, its footer stating the translation; with a
    // second language, both, each paragraph marked with its language.
    let json = std::env::temp_dir().join("criteria-cli-de.json");
    std::fs::write(
        &json,
        r#"{"categories": ["laptops-desktops"], "risks": ["forced-labour"], "level": "basic", "stages": ["contract"]}"#,
    )
    .unwrap();
    let path = json.to_string_lossy().to_string();
    let de = cli(&["render", "--language", "de", "--json", &path]);
    assert_eq!(de.status.code(), Some(0));
    let de = String::from_utf8(de.stdout).unwrap();
    assert!(
        de.contains("Bedingungen für die Ausführung des Auftrags"),
        "{de}"
    );
    assert!(de.contains("Übersetzter Katalog."), "{de}");
    assert!(!de.contains("The contractor shall"), "{de}");
    let pair = cli(&[
        "render",
        "--language",
        "de,fr",
        "--format",
        "text",
        "--json",
        &path,
    ]);
    let pair = String::from_utf8(pair.stdout).unwrap();
    assert!(
        pair.contains("\n[DE] ") && pair.contains("\n[FR] "),
        "{pair}"
    );
    assert!(
        pair.contains("Bedingungen für die Ausführung des Auftrags / "),
        "{pair}"
    );
    // The selection's own second language is used when the flag gives none.
    std::fs::write(
        &json,
        r#"{"categories": ["laptops-desktops"], "risks": ["forced-labour"], "level": "basic", "stages": ["contract"], "language": "de", "second_language": "fr"}"#,
    )
    .unwrap();
    let from_json = cli(&["render", "--format", "text", "--json", &path]);
    assert_eq!(String::from_utf8(from_json.stdout).unwrap(), pair);
}

#[test]
fn the_translation_template_lists_what_a_language_still_needs() {
    let dir = std::env::temp_dir().join("criteria-cli-template");
    let _ = std::fs::remove_dir_all(&dir);
    let out_dir = dir.to_string_lossy().to_string();
    // German is complete and current: nothing to translate.
    let de = cli(&[
        "translation-template",
        "--language",
        "de",
        "--out-dir",
        &out_dir,
    ]);
    assert_eq!(de.status.code(), Some(0));
    assert!(String::from_utf8(de.stderr)
        .unwrap()
        .contains("complete and current"));
    // A new language gets every entry, each with the hash of its English text.
    let nl = cli(&[
        "translation-template",
        "--language",
        "nl",
        "--out-dir",
        &out_dir,
    ]);
    assert_eq!(nl.status.code(), Some(0));
    let risks = std::fs::read_to_string(dir.join("risks.toml")).unwrap();
    assert!(
        risks.starts_with("[[risk]]\nid = \"forced-labour\"\nsource = \""),
        "{risks}"
    );
    assert!(dir.join("criteria/GEN.toml").is_file());
    assert_eq!(
        cli(&[
            "translation-template",
            "--language",
            "en",
            "--out-dir",
            &out_dir
        ])
        .status
        .code(),
        Some(2)
    );
}
