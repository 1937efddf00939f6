//! The UI messages of every translated language follow the English ones: same keys, same
//! placeholders, the same numbers, nothing empty. The check runs in the build; these tests run it
//! on purpose-broken files to show that it catches each kind of mistake, and check that a
//! translated language is used once loaded.

use criteria_builder::domain::i18n::{Language, MESSAGE_COUNT};
use criteria_builder::domain::messages_source::{english, load, numbers, placeholders};

fn en() -> Vec<(String, String)> {
    english(include_str!("../src/domain/i18n/en.rs"))
}

/// A valid German file whose every message is the English one (enough for the checks).
fn copy_of_english() -> String {
    let mut out = String::from(
        "[meta]\nlanguage = \"de\"\nname = \"Deutsch\"\nstatus = \"Test.\"\nplural_one = \"1\"\n\n[messages]\n",
    );
    for (key, text) in en() {
        out.push_str(&format!("{key} = {}\n", toml_string(&text)));
    }
    out.push_str("\n[calendar]\nmonth_names = [\"1\", \"2\", \"3\", \"4\", \"5\", \"6\", \"7\", \"8\", \"9\", \"10\", \"11\", \"12\"]\n");
    out
}

fn toml_string(text: &str) -> String {
    format!(
        "\"{}\"",
        text.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n")
    )
}

fn errors_of(contents: &str) -> Vec<String> {
    match load("catalog/de/messages.toml", contents, &en()) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn every_english_message_is_read_from_its_source() {
    let en = en();
    assert_eq!(en.len(), MESSAGE_COUNT);
    assert!(en.len() > 350, "{}", en.len());
    let title = en.iter().find(|(k, _)| k == "widget_title").unwrap();
    assert_eq!(title.1, "Ethical ICT criteria builder");
    // Escapes are resolved: the typographic quotes of the source are characters.
    assert!(en.iter().any(|(_, t)| t.contains('\u{201c}')));
    assert_eq!(placeholders("Step {n} of {total}"), ["n", "total"]);
    assert_eq!(
        numbers("Article 57(4)(a), 2014/24"),
        ["57", "4", "2014", "24"]
    );
}

#[test]
fn the_check_catches_each_kind_of_mistake() {
    let good = copy_of_english();
    assert_eq!(errors_of(&good), Vec::<String>::new());
    let step = "step_of = \"Step {n} of {total}\"";
    assert!(good.contains(step));
    let cases = [
        (
            good.replace(step, ""),
            "catalog/de/messages.toml: step_of: missing",
        ),
        (
            good.replace(step, "step_of = \"Schritt {n} von {gesamt}\""),
            "catalog/de/messages.toml: step_of: placeholders differ",
        ),
        (
            good.replace(step, "step_of = \"\""),
            "catalog/de/messages.toml: step_of: empty",
        ),
        (
            good.replace(step, &format!("{step}\nstep_off = \"x\"")),
            "catalog/de/messages.toml: step_off: not an English message key",
        ),
        (
            good.replace("language = \"de\"", "language = \"fr\""),
            "meta.language is \"fr\" but the folder is \"de\"",
        ),
        (
            good.replace("status = \"Test.\"", "status = \" \""),
            "meta.status is empty",
        ),
        (
            good.replace("\"11\", \"12\"]", "\"11\"]"),
            "calendar.month_names needs the twelve month names",
        ),
        (
            good.replace("[messages]", "[message]"),
            "not valid messages TOML",
        ),
        (
            good.replace(
                "months = \"{n} {n|1:month|months}\"",
                "months = \"{n} {n|0,1:Monat|Monate}\"",
            ),
            "catalog/de/messages.toml: months: plural choice",
        ),
        (
            good.replace(
                "months = \"{n} {n|1:month|months}\"",
                "months = \"{n} {x|1:Monat|Monate}\"",
            ),
            "catalog/de/messages.toml: months: plural choice",
        ),
    ];
    for (contents, expected) in cases {
        let errors = errors_of(&contents);
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "expected {expected:?}, got {errors:?}"
        );
    }
    // A number of the English text that the translation lost.
    let en = en();
    let (key, text) = en
        .iter()
        .find(|(_, t)| !numbers(t).is_empty() && placeholders(t).is_empty())
        .unwrap();
    let line = format!("{key} = {}", toml_string(text));
    let broken = good.replace(&line, &format!("{key} = \"ohne Zahl\""));
    let errors = errors_of(&broken);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("of the English text is missing")),
        "{errors:?}"
    );
}

#[test]
fn a_translated_language_speaks_once_loaded_and_writes_its_documents_in_its_catalogue() {
    for language in [Language::De, Language::Fr] {
        let m = language.messages();
        // Native builds embed the translated messages.
        assert!(language.loaded().is_some(), "{language:?}");
        assert_ne!(
            m.continue_,
            Language::En.messages().continue_,
            "{language:?}"
        );
        assert!(language.status().is_some_and(|s| !s.is_empty()));
        // Its catalogue is translated: criteria and documents are in the language.
        assert_eq!(language.document_language(), language);
    }
    assert_eq!(Language::En.document_language(), Language::En);
    assert_eq!(Language::from_code("de"), Some(Language::De));
    assert_eq!(Language::De.name(), "Deutsch");
    assert_eq!(Language::Fr.name(), "Fran\u{e7}ais");
}

#[test]
fn the_stand_alone_page_offers_exactly_the_widgets_languages() {
    let boot = include_str!("../www/boot.js");
    let line = boot
        .lines()
        .find(|l| l.contains("const offered = ["))
        .expect("boot.js lists the languages it offers");
    let codes: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
    let listed: Vec<&str> = line
        .split('\'')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s)
        .collect();
    assert_eq!(listed, codes);
}

#[test]
fn counts_take_each_languages_plural_form_for_0_1_2_5_and_21() {
    use criteria_builder::domain::i18n::fill;
    let form =
        |language: Language, n: u32| fill(language.messages().months, &[("n", &n.to_string())]);
    let en: Vec<String> = [0, 1, 2, 5, 21]
        .iter()
        .map(|n| form(Language::En, *n))
        .collect();
    assert_eq!(
        en,
        ["0 months", "1 month", "2 months", "5 months", "21 months"]
    );
    let de: Vec<String> = [0, 1, 2, 5, 21]
        .iter()
        .map(|n| form(Language::De, *n))
        .collect();
    assert_eq!(
        de,
        ["0 Monate", "1 Monat", "2 Monate", "5 Monate", "21 Monate"]
    );
    // French counts 0 and 1 in the singular.
    let criteria = |n: u32| {
        fill(
            Language::Fr.messages().coverage_criteria_count,
            &[("n", &n.to_string())],
        )
    };
    let fr: Vec<String> = [0, 1, 2, 5, 21].iter().map(|n| criteria(*n)).collect();
    assert_eq!(
        fr,
        [
            "0 crit\u{e8}re",
            "1 crit\u{e8}re",
            "2 crit\u{e8}res",
            "5 crit\u{e8}res",
            "21 crit\u{e8}res"
        ]
    );
    // A value is inserted as it is, never read as a template.
    assert_eq!(fill("{a} {b}", &[("a", "{b}"), ("b", "x")]), "{b} x");
}

#[test]
fn dates_read_as_each_language_writes_them() {
    assert_eq!(Language::En.messages().date("2027-08-01"), "1 August 2027");
    assert_eq!(
        Language::De.messages().date("2027-08-18"),
        "18. August 2027"
    );
    assert_eq!(
        Language::Fr.messages().date("2027-08-18"),
        "18 ao\u{fb}t 2027"
    );
    assert_eq!(
        Language::Fr.messages().date("2027-08-01"),
        "1er ao\u{fb}t 2027"
    );
}

#[test]
fn a_loading_problem_is_said_in_the_widgets_language() {
    use criteria_builder::domain::embedded::LoadProblem;
    use criteria_builder::domain::i18n::fill;
    let said = |language: Language, problem: LoadProblem| {
        let m = language.messages();
        fill(m.catalogue_failed, &[("reason", &m.load_problem(problem))])
    };
    let de = said(Language::De, LoadProblem::Status(404));
    assert!(de.contains("404") && de.contains("Status"), "{de}");
    for problem in [
        LoadProblem::Unreachable,
        LoadProblem::Status(500),
        LoadProblem::Unreadable,
        LoadProblem::Mismatch,
        LoadProblem::Damaged,
    ] {
        for language in [Language::De, Language::Fr] {
            let text = said(language, problem);
            // No English reason inside the sentence.
            let english = Language::En.messages().load_problem(problem);
            assert!(!text.contains(&english), "{text}");
        }
    }
}

#[test]
fn the_document_headings_use_each_languages_terminology_table() {
    use criteria_builder::domain::catalog::CriterionKind;
    for (language, file) in [
        (Language::De, include_str!("../catalog/de/terms.toml")),
        (Language::Fr, include_str!("../catalog/fr/terms.toml")),
    ] {
        let table: toml::Table = toml::from_str(file).expect("terms.toml is valid TOML");
        let terms = table["term"].as_array().expect("[[term]] entries");
        let term = |id: &str| -> String {
            terms
                .iter()
                .find(|t| t["id"].as_str() == Some(id))
                .and_then(|t| t[language.code()].as_str())
                .unwrap_or_else(|| panic!("{language:?}: no term {id}"))
                .to_string()
        };
        let m = language.messages();
        // Each kind of criterion is headed by the term the table gives for it (a contract clause by
        // the term for conditions for performance of the contract, never a synonym).
        for (kind, id) in [
            (CriterionKind::ExclusionGround, "exclusion-grounds"),
            (
                CriterionKind::TechnicalSpecification,
                "technical-specifications",
            ),
            (CriterionKind::AwardCriterion, "award-criteria"),
            (
                CriterionKind::ContractClause,
                "contract-performance-clauses",
            ),
        ] {
            assert_eq!(m.kind_heading(kind), term(id), "{language:?} {kind:?}");
        }
        // Every entry names its source, and where eForms has the term, the table says which.
        for t in terms {
            assert!(
                t["source"].as_str().is_some_and(|s| !s.trim().is_empty()),
                "{language:?}: {t:?}"
            );
        }
        assert!(terms.iter().any(|t| t["source"]
            .as_str()
            .is_some_and(|s| s.starts_with("eForms BT-67(a)"))));
    }
}

/// The widget links its accessibility statement in the language it speaks: every language has one.
#[test]
fn every_language_has_its_accessibility_statement() {
    for language in criteria_builder::domain::i18n::Language::ALL {
        let path = format!(
            "{}/www/accessibility/{}.html",
            env!("CARGO_MANIFEST_DIR"),
            language.code()
        );
        let page = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{path} is missing"));
        assert!(
            page.contains(&format!("<html lang=\"{}\">", language.code())),
            "{path} is not marked as written in its language"
        );
        for other in criteria_builder::domain::i18n::Language::ALL {
            if other != language {
                assert!(
                    page.contains(&format!("href=\"{}.html\"", other.code())),
                    "{path} does not link the statement in {}",
                    other.code()
                );
            }
        }
    }
}
