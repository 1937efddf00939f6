//! Answers saved as a file and opened again (domain::saved): the layout, the checks that name the
//! field at fault, and the command line reading and writing the same file.

use criteria_builder::domain::embedded;
use criteria_builder::domain::fragment;
use criteria_builder::domain::i18n::Language;
use criteria_builder::domain::notice::Notice;
use criteria_builder::domain::saved::{self, OpenProblem};
use criteria_builder::domain::selection::Selection;
use std::process::Command;

const LINK: &str = "v=1&c=laptops-desktops,monitors&r=forced-labour,child-labour&l=advanced&s=selection,specifications,award,contract&tb=laptops-desktops&a=City%20of%20%22Example%22%20%26%20Co&m=48&p=30&ln=de";

fn open(json: &str) -> Result<(Selection, Vec<Notice>), OpenProblem> {
    let value: serde_json::Value = serde_json::from_str(json).expect("test JSON");
    saved::open(&saved::Json::from(&value))
}

fn field_error(json: &str) -> String {
    match open(json) {
        Err(OpenProblem::Field { path, .. }) => path,
        other => panic!("expected a field error, got {other:?}"),
    }
}

fn with_answers(answers: &str) -> String {
    format!(
        r#"{{"format": "{}", "version": 1, "answers": {answers}}}"#,
        saved::FORMAT
    )
}

#[test]
fn saved_answers_open_to_the_same_selection() {
    let (selection, notices) = fragment::decode(LINK);
    assert!(notices.is_empty(), "{notices:?}");
    let json = saved::write(&selection);
    // The hand-written layout is serde's own, byte for byte.
    assert_eq!(
        json,
        serde_json::to_string_pretty(&saved::save(&selection)).unwrap() + "\n"
    );
    assert!(json.starts_with("{\n  \"format\": \"ethical-ict-criteria-answers\",\n  \"version\": 1,\n  \"answers\": {"), "{json}");
    let (opened, notices) = open(&json).unwrap();
    assert_eq!(opened, selection);
    assert!(notices.is_empty(), "{notices:?}");
}

#[test]
fn a_file_that_is_not_saved_answers_is_refused_with_what_is_wrong() {
    assert_eq!(
        open(r#"{"categories": []}"#).unwrap_err(),
        OpenProblem::NotAnswers
    );
    for json in [r#"[1, 2]"#, r#""answers""#, "42", "null", "[]"] {
        assert_eq!(open(json).unwrap_err(), OpenProblem::NotAnswers, "{json}");
    }
    assert_eq!(
        open(r#"{"format": "something-else", "version": 1}"#).unwrap_err(),
        OpenProblem::NotAnswers
    );
    assert_eq!(
        open(&format!(
            r#"{{"format": "{}", "version": 7}}"#,
            saved::FORMAT
        ))
        .unwrap_err(),
        OpenProblem::NewerVersion(7)
    );
    assert_eq!(
        field_error(&format!(r#"{{"format": "{}"}}"#, saved::FORMAT)),
        "version"
    );
    assert_eq!(
        field_error(&format!(
            r#"{{"format": "{}", "version": 0}}"#,
            saved::FORMAT
        )),
        "version"
    );
}

#[test]
fn a_value_of_the_wrong_kind_names_its_field() {
    assert_eq!(
        field_error(&with_answers(r#"{"categories": "laptops-desktops"}"#)),
        "answers.categories"
    );
    assert_eq!(
        field_error(&with_answers(r#"{"stages": ["award", "lunch"]}"#)),
        "answers.stages[1]"
    );
    assert_eq!(
        field_error(&with_answers(r#"{"level": "heroic"}"#)),
        "answers.level"
    );
    assert_eq!(
        field_error(&with_answers(r#"{"details": {"authority": 5}}"#)),
        "answers.details.authority"
    );
    assert_eq!(
        field_error(&with_answers(r#"{"working_notes": "yes"}"#)),
        "answers.working_notes"
    );
    // A member the answers do not have is named too, so that no answer is silently ignored.
    assert_eq!(
        field_error(&with_answers(r#"{"colour": "green"}"#)),
        "answers.colour"
    );
    // Beside the answers, a member the layout does not have (a note someone added) is ignored.
    let noted = format!(
        r#"{{"format": "{}", "version": 1, "note": "for Anna", "answers": {{"risks": ["child-labour"]}}}}"#,
        saved::FORMAT
    );
    assert_eq!(open(&noted).unwrap().0.risks.len(), 1);
}

#[test]
fn what_the_catalogue_does_not_know_is_said_when_adopted_as_from_a_link() {
    let (mut selection, notices) = open(&with_answers(
        r#"{"categories": ["laptops-desktops", "time-machines"], "risks": ["forced-labour"]}"#,
    ))
    .unwrap();
    assert!(notices.is_empty());
    let catalog = embedded::catalog(Language::En).unwrap();
    let notices = selection.retain_known(&catalog);
    assert_eq!(
        notices,
        vec![Notice::UnknownCategory("time-machines".into())]
    );
    assert_eq!(selection.categories.len(), 1);
    // Empty answers are an empty selection; a file without answers opens as one.
    let (empty, notices) = open(&format!(
        r#"{{"format": "{}", "version": 1}}"#,
        saved::FORMAT
    ))
    .unwrap();
    assert_eq!(empty, Selection::default());
    assert!(notices.is_empty());
}

#[test]
fn a_long_typed_value_is_kept_whole_as_a_draft_keeps_it() {
    let long = "x".repeat(5000);
    let (opened, notices) = open(&with_answers(&format!(
        r#"{{"details": {{"authority": "{long}"}}}}"#
    )))
    .unwrap();
    assert_eq!(opened.details.authority, long);
    assert!(notices.is_empty());
}

fn cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_criteria"))
        .args(args)
        .output()
        .expect("the command line runs")
}

#[test]
fn the_command_line_writes_the_file_and_renders_from_it() {
    let saved = cli(&["answers", "--fragment", LINK]);
    assert!(
        saved.status.success(),
        "{}",
        String::from_utf8_lossy(&saved.stderr)
    );
    let json = String::from_utf8(saved.stdout).unwrap();
    let (selection, _) = open(&json).unwrap();
    assert_eq!(selection.language, "de");
    assert!(
        !selection.catalog_version.is_empty(),
        "recorded with the catalogue version"
    );
    let dir = std::env::temp_dir().join(format!("ecb-saved-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("answers.json");
    std::fs::write(&file, &json).unwrap();
    let from_file = cli(&["render", "--json", file.to_str().unwrap()]);
    let from_link = cli(&["render", "--fragment", LINK]);
    assert!(
        from_file.status.success(),
        "{}",
        String::from_utf8_lossy(&from_file.stderr)
    );
    assert_eq!(from_file.stdout, from_link.stdout);
    // A damaged file: the error names the field, and nothing is printed.
    std::fs::write(&file, json.replace("\"risks\": [", "\"risks\": [3, ")).unwrap();
    let damaged = cli(&["render", "--json", file.to_str().unwrap()]);
    assert!(!damaged.status.success());
    assert!(damaged.stdout.is_empty());
    let error = String::from_utf8_lossy(&damaged.stderr);
    assert!(error.contains("field \"answers.risks[0]\""), "{error}");
    std::fs::write(&file, "not json").unwrap();
    let error =
        String::from_utf8(cli(&["render", "--json", file.to_str().unwrap()]).stderr).unwrap();
    assert!(error.contains("not JSON"), "{error}");
    std::fs::remove_dir_all(&dir).ok();
}
