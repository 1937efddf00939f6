//! The supplier questionnaire (the `questionnaire` part): every criterion of the tender is asked
//! once for the lots where its proof is the same, tender criteria before contract clauses, with the
//! proof it accepts and room for the answer, in every format and in two languages.

use criteria_builder::domain::assemble::assemble;
use criteria_builder::domain::embedded;
use criteria_builder::domain::fragment;
use criteria_builder::domain::i18n::Language;
use criteria_builder::domain::render::{markdown, parts_of, Format, Part};
use std::collections::BTreeSet;

const LINK: &str = "v=1&c=laptops-desktops,monitors,ev-batteries&r=forced-labour,child-labour,conflict-minerals&l=spearhead&s=selection,specifications,award,contract,management&tb=laptops-desktops&a=City&m=48&p=30";

#[test]
fn every_tender_criterion_is_a_numbered_question_with_its_proof_and_room_for_the_answer() {
    let catalog = embedded::catalog(Language::En).unwrap();
    let (selection, _) = fragment::decode(LINK);
    let doc = assemble(&catalog, &selection, Language::En);
    assert!(parts_of(&doc).contains(&Part::Questionnaire));
    let text = markdown::render(&doc, Part::Questionnaire);
    let m = Language::En.messages();
    // Numbered 1, 2, 3… without a gap, each naming its criterion.
    let questions: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("#### Question "))
        .collect();
    for (i, q) in questions.iter().enumerate() {
        assert!(q.starts_with(&format!("#### Question {} (", i + 1)), "{q}");
    }
    let asked: BTreeSet<&str> = questions
        .iter()
        .filter_map(|q| q.split_once('(')?.1.split_once(')').map(|(n, _)| n))
        .collect();
    let in_tender: BTreeSet<&str> = doc
        .sections
        .iter()
        .flat_map(|s| s.items())
        .map(|i| i.number.as_str())
        .collect();
    assert_eq!(
        asked, in_tender,
        "every criterion of the tender, and nothing else"
    );
    // A criterion whose proof is the same in every lot is asked once for all of them.
    let ex = questions.iter().filter(|q| q.contains("(EX1)")).count();
    assert_eq!(ex, 1);
    // Tender criteria first, then the contract clauses with what the plan checks.
    let clauses_at = text.find(m.questionnaire_contract).unwrap();
    assert!(text[..clauses_at].contains("(AC1)") && !text[..clauses_at].contains("(CPC1)"));
    assert!(text[clauses_at..].contains(&format!("**{}:**", m.questionnaire_checked)));
    // Labels keep "or equivalent"; every question has room for its answer.
    assert!(text.contains(", or equivalent"));
    let answer_lines: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("**Your answer"))
        .collect();
    assert!(answer_lines.len() >= questions.len());
    assert!(
        answer_lines.iter().all(|l| l.ends_with("……")),
        "room for the answer on every line"
    );
    // Only the questionnaire: no tender text, no guidance.
    assert!(!text.contains(m.part_tender));
    assert!(text.contains(m.part_name_questionnaire));
}

#[test]
fn the_questionnaire_comes_in_every_format_and_in_two_languages() {
    let (selection, _) = fragment::decode(LINK);
    let de = assemble(
        &embedded::catalog(Language::De).unwrap(),
        &selection,
        Language::De,
    );
    let fr = assemble(
        &embedded::catalog(Language::Fr).unwrap(),
        &selection,
        Language::Fr,
    );
    for format in [Format::Markdown, Format::Text, Format::Html] {
        let one = String::from_utf8(format.render(&de, None, Part::Questionnaire)).unwrap();
        assert!(
            one.contains(Language::De.messages().questionnaire_title),
            "{format:?}"
        );
        let pair = String::from_utf8(format.render(&de, Some(&fr), Part::Questionnaire)).unwrap();
        assert!(
            pair.contains(Language::Fr.messages().questionnaire_title),
            "{format:?}"
        );
    }
    assert_eq!(Part::from_code("questionnaire"), Some(Part::Questionnaire));
}
