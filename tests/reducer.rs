//! The wizard's reducer, natively: steps, validation, focus requests, links.

mod common;

use criteria_builder::domain::embedded::LoadProblem;

use common::fixture;
use criteria_builder::domain::catalog::{AmbitionLevel, LotFeature};
use criteria_builder::domain::i18n::Language;
use criteria_builder::domain::notice::Notice;
use criteria_builder::domain::selection::{DetailField, Field, Problem, ProcedureStage, Step};
use criteria_builder::state::{Action, CatalogStatus, FocusTarget, WizardState};
use std::rc::Rc;
use yew::Reducible;

fn fresh() -> Rc<WizardState> {
    Rc::new(WizardState::new(
        Rc::new(fixture()),
        true,
        Language::En,
        None,
    ))
}

fn run(state: Rc<WizardState>, actions: Vec<Action>) -> Rc<WizardState> {
    actions.into_iter().fold(state, |s, a| s.reduce(a))
}

#[test]
fn continue_without_an_answer_shows_an_error_and_focuses_the_summary() {
    let state = fresh().reduce(Action::Continue);
    assert_eq!(state.step, Step::Products);
    assert_eq!(state.errors[0].field, Field::Categories);
    assert_eq!(state.errors[0].problem, Problem::NoCategory);
    assert_eq!(state.focus, FocusTarget::ErrorSummary);
    assert!(state.focus_request > 0);
    // Fixing the answer clears the error at once.
    let fixed = state.reduce(Action::ToggleCategory("laptops".into()));
    assert!(fixed.errors.is_empty());
}

#[test]
fn a_full_journey_reaches_the_review_with_focus_on_each_heading() {
    let state = run(
        fresh(),
        vec![
            Action::ToggleCategory("laptops".into()),
            Action::Continue,
            Action::ToggleRisk("forced".into()),
            Action::Continue,
            Action::SetLevel(AmbitionLevel::Basic),
            Action::ToggleStage(ProcedureStage::Contract),
            Action::Continue,
            Action::SetDetail(DetailField::Authority, "City of Example".into()),
            Action::Continue,
        ],
    );
    assert_eq!(state.step, Step::Review);
    assert_eq!(state.focus, FocusTarget::StepHeading);
    assert_eq!(state.focus_request, 4);
    let back = state.reduce(Action::Back);
    assert_eq!(back.step, Step::Details);
    assert_eq!(
        back.selection.details.authority, "City of Example",
        "nothing typed is lost"
    );
}

#[test]
fn award_points_are_required_only_with_award_criteria() {
    let base = run(
        fresh(),
        vec![
            Action::ToggleCategory("laptops".into()),
            Action::Continue,
            Action::ToggleRisk("forced".into()),
            Action::Continue,
            Action::SetLevel(AmbitionLevel::Basic),
            Action::ToggleStage(ProcedureStage::Award),
            Action::Continue,
            Action::SetDetail(DetailField::ContractMonths, "four years".into()),
            Action::Continue,
        ],
    );
    assert_eq!(base.step, Step::Details);
    let fields: Vec<_> = base.errors.iter().map(|e| (e.field, e.problem)).collect();
    assert!(fields.contains(&(Field::Detail(DetailField::AwardPoints), Problem::Required)));
    assert!(fields.contains(&(
        Field::Detail(DetailField::ContractMonths),
        Problem::NotWholeNumber
    )));
    let m = Language::En.messages();
    assert_eq!(
        m.problem(&base.errors[0]),
        "Contract duration in months must be a whole number, like 12"
    );
}

#[test]
fn the_management_plan_alone_is_not_a_tender() {
    let state = run(
        fresh(),
        vec![
            Action::ToggleCategory("laptops".into()),
            Action::Continue,
            Action::ToggleRisk("forced".into()),
            Action::Continue,
            Action::SetLevel(AmbitionLevel::Basic),
            Action::ToggleStage(ProcedureStage::Management),
            Action::Continue,
        ],
    );
    assert_eq!(state.step, Step::Ambition);
    assert_eq!(state.errors[0].problem, Problem::NoTenderStage);
}

#[test]
fn an_action_that_changes_nothing_keeps_the_same_state() {
    let state = fresh();
    let same = state.clone().reduce(Action::Back);
    assert!(Rc::ptr_eq(&state, &same));
    let unknown = state
        .clone()
        .reduce(Action::ToggleCategory("no-such-category".into()));
    assert!(Rc::ptr_eq(&state, &unknown));
    let later = state.clone().reduce(Action::GoTo(Step::Review));
    assert!(
        Rc::ptr_eq(&state, &later),
        "unanswered steps cannot be skipped"
    );
}

#[test]
fn a_complete_link_opens_on_the_review_and_an_old_one_says_what_it_dropped() {
    let link = "v=1&c=laptops,tablets-old&r=forced&l=basic&s=contract&x=laptops/GONE-01";
    let state = WizardState::new(Rc::new(fixture()), true, Language::En, Some(link));
    assert_eq!(state.step, Step::Review);
    assert!(state
        .notices
        .contains(&Notice::UnknownCategory("tablets-old".into())));
    assert!(state
        .notices
        .contains(&Notice::UnknownCriterion("laptops/GONE-01".into())));
    // A link from before catalogue versions were recorded: said, with the take-back question
    // it never answered read as no.
    assert!(state.notices.contains(&Notice::OlderCatalogue {
        from: None,
        to: "test-1".into()
    }));
    assert!(state.notices.contains(&Notice::ScopeNotAsked {
        feature: LotFeature::TakeBack,
        lots: vec!["Laptops".into()]
    }));
    assert_eq!(
        state.fragment(),
        "v=1&cv=test-1&c=laptops&r=forced&l=basic&s=contract"
    );
    let dismissed = Rc::new(state).reduce(Action::DismissNotices);
    assert!(dismissed.notices.is_empty());
}

#[test]
fn dropping_and_restoring_round_trip_through_the_fragment() {
    let state = WizardState::new(
        Rc::new(fixture()),
        true,
        Language::En,
        Some("v=1&c=laptops&r=forced&l=basic&s=contract"),
    );
    let dropped = Rc::new(state).reduce(Action::Drop {
        keys: vec!["laptops/CL-01".into()],
        then_focus: None,
    });
    assert!(dropped.fragment().ends_with("&x=laptops/CL-01"));
    let restored = dropped.reduce(Action::Restore("laptops/CL-01".into()));
    assert!(!restored.fragment().contains("&x="));
}

#[test]
fn the_complete_catalogue_arrives_later_and_only_then_are_dropped_criteria_checked() {
    let full = fixture();
    let mut core = full.clone();
    core.criteria.clear();
    core.salience.clear();
    let link = "v=1&c=laptops&r=forced&l=basic&s=contract&x=laptops/CL-01,laptops/GONE-01";
    let state = Rc::new(WizardState::new(
        Rc::new(core),
        false,
        Language::En,
        Some(link),
    ));
    assert_eq!(state.catalog_status, CatalogStatus::Loading);
    assert_eq!(
        state.selection.dropped.len(),
        2,
        "not judged against the core"
    );
    assert!(state.notices.is_empty());

    let failed = state
        .clone()
        .reduce(Action::CatalogLoaded(Err(LoadProblem::Status(404))));
    assert_eq!(
        failed.catalog_status,
        CatalogStatus::Failed(LoadProblem::Status(404))
    );
    let retry = failed.reduce(Action::RetryCatalog);
    assert_eq!(retry.catalog_status, CatalogStatus::Loading);
    assert_eq!(retry.catalog_attempt, 1);
    assert!(
        Rc::ptr_eq(&retry, &retry.clone().reduce(Action::RetryCatalog)),
        "no retry while loading"
    );

    let loaded = retry.reduce(Action::CatalogLoaded(Ok(Rc::new(full))));
    assert_eq!(loaded.catalog_status, CatalogStatus::Complete);
    assert_eq!(loaded.selection.dropped.len(), 1);
    assert_eq!(
        loaded.notices,
        [
            Notice::UnknownCriterion("laptops/GONE-01".into()),
            Notice::OlderCatalogue {
                from: None,
                to: "test-1".into()
            },
            Notice::ScopeNotAsked {
                feature: LotFeature::TakeBack,
                lots: vec!["Laptops".into()]
            },
            Notice::ScopeNotAsked {
                feature: LotFeature::Refurbished,
                lots: vec!["Laptops".into()]
            }
        ]
    );
    assert_eq!(loaded.selection.catalog_version, "test-1");
}

mod draft {
    use super::*;
    use criteria_builder::domain::draft::{encode, StorageProblem, MARKER};
    use criteria_builder::state::DraftStatus;

    fn with_draft(stored: Result<Option<String>, StorageProblem>) -> Rc<WizardState> {
        Rc::new(WizardState::new(Rc::new(fixture()), true, Language::En, None).with_draft(stored))
    }

    fn answered() -> Rc<WizardState> {
        run(
            fresh(),
            vec![
                Action::ToggleCategory("laptops".into()),
                Action::SetDetail(DetailField::Authority, "<b>Town</b> \u{202e}".into()),
            ],
        )
    }

    #[test]
    fn a_saved_draft_is_restored_and_said_so() {
        let saved = encode(&answered().selection);
        let state = with_draft(Ok(Some(saved)));
        assert_eq!(state.selection, answered().selection);
        assert_eq!(state.draft, DraftStatus::Restored);
        assert!(state.notices.is_empty());
        // The next successful save turns the message into "saved as you go".
        let state = state.reduce(Action::DraftSaved(Ok(())));
        assert_eq!(state.draft, DraftStatus::Kept);
    }

    #[test]
    fn a_link_wins_over_the_draft_and_the_draft_is_left_alone() {
        let saved = encode(&answered().selection);
        let state = WizardState::new(Rc::new(fixture()), true, Language::En, Some("v=1&c=phones"))
            .with_draft(Ok(Some(saved)));
        assert!(state.selection.categories.contains("phones"));
        assert!(!state.selection.categories.contains("laptops"));
        assert_eq!(state.draft, DraftStatus::Kept);
    }

    #[test]
    fn damaged_or_foreign_drafts_are_reported_and_the_widget_starts() {
        let state = with_draft(Ok(Some("\u{0}garbage{".into())));
        assert_eq!(state.notices, vec![Notice::DraftUnreadable]);
        assert_eq!(state.step, Step::Products);
        assert_eq!(state.draft, DraftStatus::Kept);

        let damaged = format!("{MARKER}v=1&cv=test-1&c=laptops&a=%E2%28&zz");
        let state = with_draft(Ok(Some(damaged)));
        assert!(state.selection.categories.contains("laptops"));
        assert_eq!(state.notices, vec![Notice::DraftDamaged]);
        assert_eq!(state.draft, DraftStatus::Restored);
    }

    #[test]
    fn blocked_or_full_storage_is_said_and_nothing_typed_is_lost() {
        let state = with_draft(Err(StorageProblem::Blocked));
        assert_eq!(state.draft, DraftStatus::Problem(StorageProblem::Blocked));
        let state = run(
            state,
            vec![
                Action::ToggleCategory("laptops".into()),
                Action::SetDetail(DetailField::Authority, "Town".into()),
                Action::DraftSaved(Err(StorageProblem::Full)),
            ],
        );
        assert_eq!(state.draft, DraftStatus::Problem(StorageProblem::Full));
        assert_eq!(state.selection.details.get(DetailField::Authority), "Town");
        assert!(state.selection.categories.contains("laptops"));
        // Storage comes back: the message says so.
        let state = state.reduce(Action::DraftSaved(Ok(())));
        assert_eq!(state.draft, DraftStatus::Kept);
    }

    #[test]
    fn forgetting_stops_saving_and_keeps_the_answers() {
        let state = with_draft(Ok(None)).reduce(Action::ToggleCategory("laptops".into()));
        let state = state.reduce(Action::ForgetDraft);
        assert_eq!(state.draft, DraftStatus::Forgotten);
        assert!(state.selection.categories.contains("laptops"));
        let same = state.clone().reduce(Action::DraftSaved(Ok(())));
        assert!(Rc::ptr_eq(&same, &state));
        // Without a draft (the host did not ask), forgetting does nothing.
        let off = fresh();
        assert!(Rc::ptr_eq(&off.clone().reduce(Action::ForgetDraft), &off));
    }
}

#[test]
fn the_coverage_view_opens_and_closes_without_touching_the_answers() {
    let state = fresh().reduce(Action::ToggleCategory("laptops".into()));
    let open = state.clone().reduce(Action::ToggleCoverage);
    assert!(open.coverage_open);
    assert_eq!(open.selection, state.selection);
    assert!(!open.reduce(Action::ToggleCoverage).coverage_open);
}

#[test]
fn a_lot_answers_its_scope_questions_and_only_those_it_asks() {
    let state = fresh().reduce(Action::ToggleCategory("laptops".into()));
    let with = state.clone().reduce(Action::ToggleFeature(
        LotFeature::TakeBack,
        "laptops".into(),
    ));
    assert!(with.selection.take_back.contains("laptops"));
    assert!(with.fragment().contains("&tb=laptops"));
    let without = with.reduce(Action::ToggleFeature(
        LotFeature::TakeBack,
        "laptops".into(),
    ));
    assert!(without.selection.take_back.is_empty());
    // Phones do not ask about take-back, so the answer cannot be given for them.
    let refused = state
        .clone()
        .reduce(Action::ToggleFeature(LotFeature::TakeBack, "phones".into()));
    assert!(Rc::ptr_eq(&state, &refused));
}

#[test]
fn answers_saved_with_this_catalogue_open_without_change_notices() {
    let answered = run(
        fresh(),
        vec![
            Action::ToggleCategory("laptops".into()),
            Action::ToggleRisk("forced".into()),
            Action::ToggleFeature(LotFeature::TakeBack, "laptops".into()),
        ],
    );
    let link = answered.fragment();
    assert!(link.contains("cv=test-1"));
    let reopened = WizardState::new(Rc::new(fixture()), true, Language::En, Some(&link));
    assert!(reopened.notices.is_empty(), "{:?}", reopened.notices);
    assert_eq!(reopened.selection, answered.selection);
    // A version this widget does not know is said, not silently trusted.
    let unknown = link.replace("cv=test-1", "cv=2031.1.1");
    let reopened = WizardState::new(Rc::new(fixture()), true, Language::En, Some(&unknown));
    assert!(reopened
        .notices
        .contains(&Notice::UnknownCatalogue("2031.1.1".into())));
}

fn reviewing() -> Rc<WizardState> {
    Rc::new(WizardState::new(
        Rc::new(fixture()),
        true,
        Language::En,
        Some("v=1&c=laptops,phones&r=forced,minerals&l=advanced&s=selection,specifications,award,contract&p=20"),
    ))
}

#[test]
fn dropping_a_group_moves_focus_on_and_restore_all_brings_everything_back() {
    let state = reviewing().reduce(Action::Drop {
        keys: vec!["laptops/EX-01".into(), "phones/EX-01".into()],
        then_focus: Some("laptops/SC-01".into()),
    });
    assert_eq!(state.selection.dropped.len(), 2);
    assert_eq!(state.focus, FocusTarget::Criterion("laptops/SC-01".into()));
    let state = state.reduce(Action::Drop {
        keys: vec!["laptops/AC-01".into()],
        then_focus: None,
    });
    assert_eq!(state.focus, FocusTarget::DroppedList);
    let restored = state.reduce(Action::RestoreAll);
    assert!(restored.selection.dropped.is_empty());
    assert_eq!(restored.focus, FocusTarget::Preview);
    // Nothing dropped: restoring all changes nothing.
    assert!(Rc::ptr_eq(
        &restored,
        &restored.clone().reduce(Action::RestoreAll)
    ));
}

#[test]
fn adding_an_offered_criterion_keeps_it_in_the_link() {
    let state = reviewing().reduce(Action::Drop {
        keys: vec!["laptops/AC-02".into()],
        then_focus: None,
    });
    let state = state.reduce(Action::Add("laptops/AC-02".into()));
    assert!(state.selection.added.contains("laptops/AC-02"));
    assert!(!state.selection.dropped.contains("laptops/AC-02"));
    assert!(state.fragment().contains("&ad=laptops/AC-02"));
    assert_eq!(state.focus, FocusTarget::Criterion("laptops/AC-02".into()));
}

#[test]
fn a_lot_level_equal_to_the_general_one_is_no_exception() {
    let state = reviewing().reduce(Action::SetLotLevel(
        "phones".into(),
        Some(AmbitionLevel::Basic),
    ));
    assert_eq!(state.selection.lot_levels.get("phones"), Some("basic"));
    assert!(state.fragment().contains("&ll=phones:basic"));
    let same = state.reduce(Action::SetLotLevel(
        "phones".into(),
        Some(AmbitionLevel::Advanced),
    ));
    assert!(same.selection.lot_levels.is_empty());
    let unknown = reviewing();
    assert!(Rc::ptr_eq(
        &unknown,
        &unknown.clone().reduce(Action::SetLotLevel(
            "tablets".into(),
            Some(AmbitionLevel::Basic)
        ))
    ));
}

#[test]
fn review_options_and_links_to_missing_details() {
    let state = reviewing().reduce(Action::ToggleWorkingNotes);
    assert!(state.selection.working_notes);
    assert!(state.fragment().ends_with("&wn=1"));
    let state = state.reduce(Action::EditDetail(DetailField::Authority));
    assert_eq!(state.step, Step::Details);
    assert_eq!(state.focus, FocusTarget::Detail(DetailField::Authority));
}

#[test]
fn repeating_an_export_announces_it_again() {
    use criteria_builder::state::Status;
    let once = reviewing().reduce(Action::SetStatus(Some(Status::Copied)));
    let twice = once.clone().reduce(Action::SetStatus(Some(Status::Copied)));
    assert_eq!(twice.status, once.status);
    assert_ne!(twice.status_seq, once.status_seq, "a new node is announced");
}

#[test]
fn a_category_joins_another_lot_and_leaves_it_when_that_one_goes() {
    let state = reviewing().reduce(Action::JoinLot("phones".into(), Some("laptops".into())));
    assert_eq!(state.selection.joined.get("phones"), Some("laptops"));
    assert!(state.fragment().contains("&lw=phones:laptops"));
    // A lot that others joined cannot itself join another.
    let refused = state
        .clone()
        .reduce(Action::JoinLot("laptops".into(), Some("phones".into())));
    assert!(Rc::ptr_eq(&state, &refused));
    let without_host = state.reduce(Action::ToggleCategory("laptops".into()));
    assert!(without_host.selection.joined.is_empty());
}

#[test]
fn refurbished_only_implies_accepted_and_withdrawing_accepted_withdraws_it() {
    let state = fresh().reduce(Action::ToggleCategory("laptops".into()));
    let only = state.reduce(Action::ToggleFeature(
        LotFeature::RefurbishedOnly,
        "laptops".into(),
    ));
    assert!(only.selection.lot_has("laptops", LotFeature::Refurbished));
    assert!(only
        .selection
        .lot_has("laptops", LotFeature::RefurbishedOnly));
    assert!(only.fragment().contains("&rf=laptops&ro=laptops"));
    // Unticking "only" leaves "accepted".
    let accepted = only.clone().reduce(Action::ToggleFeature(
        LotFeature::RefurbishedOnly,
        "laptops".into(),
    ));
    assert!(accepted
        .selection
        .lot_has("laptops", LotFeature::Refurbished));
    assert!(!accepted
        .selection
        .lot_has("laptops", LotFeature::RefurbishedOnly));
    // Unticking "accepted" withdraws "only" too.
    let none = only.reduce(Action::ToggleFeature(
        LotFeature::Refurbished,
        "laptops".into(),
    ));
    assert!(!none.selection.lot_has("laptops", LotFeature::Refurbished));
    assert!(none.selection.refurbished_only.is_empty());
}

#[test]
fn switching_the_language_keeps_every_answer_and_goes_into_the_link() {
    use criteria_builder::domain::embedded;
    let english = Rc::new(embedded::catalog(Language::En).unwrap());
    let state = Rc::new(WizardState::new(english, true, Language::En, None))
        .reduce(Action::ToggleCategory("laptops-desktops".into()))
        .reduce(Action::ToggleRisk("forced-labour".into()));
    let german = state.clone().reduce(Action::SetLanguage(Language::De));
    assert_eq!(german.language, Language::De);
    assert_eq!(german.selection.categories, state.selection.categories);
    assert_eq!(german.selection.risks, state.selection.risks);
    assert!(
        german.fragment().ends_with("&ln=de"),
        "{}",
        german.fragment()
    );
    // A link made in German opens in German.
    let reopened = WizardState::new(
        state.catalog.clone(),
        true,
        Language::En,
        Some(&german.fragment()),
    );
    assert_eq!(reopened.language, Language::De);
    assert_eq!(reopened.catalog.meta.language, "de");
}

#[test]
fn switching_the_language_shows_that_languages_catalogue_and_back_again_at_once() {
    use criteria_builder::domain::embedded;
    let english = Rc::new(embedded::catalog(Language::En).unwrap());
    let state = Rc::new(WizardState::new(english.clone(), true, Language::En, None))
        .reduce(Action::ToggleCategory("laptops-desktops".into()))
        .reduce(Action::ToggleRisk("forced-labour".into()));
    let german = state.clone().reduce(Action::SetLanguage(Language::De));
    assert_eq!(german.catalog.meta.language, "de");
    assert_eq!(german.document_language(), Language::De);
    assert_eq!(german.catalog_status, CatalogStatus::Complete);
    assert_eq!(german.selection.categories, state.selection.categories);
    assert!(german.notices.is_empty(), "{:?}", german.notices);
    // Back to English: the catalogue loaded before, not a new copy.
    let back = german.reduce(Action::SetLanguage(Language::En));
    assert!(Rc::ptr_eq(&back.catalog, &english));
    // A catalogue that arrives for a language the buyer has left is kept, not shown.
    let french = Rc::new(embedded::catalog(Language::Fr).unwrap());
    let kept = back.reduce(Action::CatalogLoaded(Ok(french.clone())));
    assert!(Rc::ptr_eq(&kept.catalog, &english));
    let switched = kept.reduce(Action::SetLanguage(Language::Fr));
    assert!(Rc::ptr_eq(&switched.catalog, &french));
}

#[test]
fn a_german_first_step_shows_german_categories_from_the_messages_file_before_the_catalogue() {
    use criteria_builder::domain::embedded;
    // As in the browser: only the English core is built in; the German messages (here embedded,
    // in the browser fetched) carry the German categories and risks.
    let mut core = embedded::catalog(Language::En).unwrap();
    core.criteria.clear();
    core.salience.clear();
    let core = Rc::new(core);
    let german = Rc::new(WizardState::new(core.clone(), false, Language::De, None));
    assert_eq!(german.catalog_status, CatalogStatus::Loading);
    assert_eq!(german.catalog.meta.language, "de");
    let laptops = german.catalog.category("laptops-desktops").unwrap();
    assert_eq!(
        laptops.name,
        Language::De.core_catalogue().unwrap().categories[0].name
    );
    assert_ne!(laptops.name, core.categories[0].name);
    // Back to English before any complete catalogue arrived: the English core again.
    let english = german.reduce(Action::SetLanguage(Language::En));
    assert!(Rc::ptr_eq(&english.catalog, &core));
    assert_eq!(english.catalog_status, CatalogStatus::Loading);
}

#[test]
fn opened_answers_replace_the_selection_and_a_bad_file_changes_nothing() {
    use criteria_builder::domain::saved::OpenProblem;
    let state = run(fresh(), vec![Action::ToggleCategory("laptops".into())]);
    // A file that could not be opened: said, with nothing else changed.
    let failed = state.clone().reduce(Action::OpenFailed {
        file: "broken.json".into(),
        problem: OpenProblem::Field {
            path: "answers.stages[1]".into(),
            reason: "unknown variant".into(),
        },
    });
    assert_eq!(failed.selection, state.selection);
    assert_eq!(failed.step, state.step);
    assert_eq!(failed.focus, FocusTarget::Notices);
    assert!(matches!(
        failed.notices.as_slice(),
        [Notice::FileUnusable { file, .. }] if file == "broken.json"
    ));
    // A second failure replaces the first notice.
    let again = failed.reduce(Action::OpenFailed {
        file: "other.json".into(),
        problem: OpenProblem::NotJson,
    });
    assert_eq!(again.notices.len(), 1);
    // Opened answers: adopted as from a link (unknown names left out and said), at the first
    // step that still needs an answer, with the file named first.
    let (selection, _) =
        criteria_builder::domain::fragment::decode("v=1&c=laptops,time-machines&r=forced");
    let opened = again.reduce(Action::OpenAnswers {
        file: "answers.json".into(),
        selection: Box::new(selection),
        notices: Vec::new(),
    });
    assert_eq!(opened.notices[0], Notice::FileOpened("answers.json".into()));
    assert!(opened
        .notices
        .contains(&Notice::UnknownCategory("time-machines".into())));
    assert!(!opened
        .notices
        .iter()
        .any(|n| matches!(n, Notice::FileUnusable { .. })));
    assert_eq!(opened.selection.categories.len(), 1);
    assert_eq!(opened.step, Step::Ambition);
    assert_eq!(opened.focus, FocusTarget::Notices);
    // The answers it replaced are offered back, also after another file failed to open.
    assert_eq!(opened.replaced.as_deref(), Some(&state.selection));
    let failed_after = opened.clone().reduce(Action::OpenFailed {
        file: "broken.json".into(),
        problem: OpenProblem::NotJson,
    });
    assert!(failed_after
        .notices
        .contains(&Notice::FileOpened("answers.json".into())));
    let undone = failed_after.reduce(Action::UndoOpen);
    assert_eq!(undone.selection, state.selection);
    assert_eq!(undone.replaced, None);
    assert_eq!(undone.step, state.selection.first_incomplete_step());
    // Dismissing the notes lets the old answers go.
    let dismissed = opened.reduce(Action::DismissNotices);
    assert_eq!(dismissed.replaced, None);
    assert_eq!(
        dismissed.clone().reduce(Action::UndoOpen).selection,
        dismissed.selection
    );
}
