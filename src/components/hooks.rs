//! The side effects and derived values of the widget, one hook each, so that `App` reads as the page
//! it renders: the answers leaving the widget (host handle, address, draft), the stand-alone page's
//! address and history, fetching the catalogue and messages, moving focus, and the documents
//! assembled for the review and the level preview.

use crate::browser;
use crate::domain::assemble::assemble;
use crate::domain::catalog::AmbitionLevel;
use crate::domain::catalog::Catalog;
use crate::domain::coverage::{self, Counts, Gap};
use crate::domain::document::Document;
use crate::domain::draft;
use crate::domain::embedded::{self, LoadProblem};
use crate::domain::host_events;
use crate::domain::i18n::{fill, Language};
use crate::domain::measure::{per_level, Measure};
use crate::domain::selection::{ProcedureStage, Selection, Step};
use crate::office_client;
use crate::state::{Action, CatalogStatus, DraftStatus, FocusTarget, WizardState};
use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

type State = UseReducerHandle<WizardState>;

/// What the catalogue covers: its counts and its gaps.
pub type Covered = (Counts, Vec<Gap>);

/// A document once assembled (`None` until the review step has what it needs).
pub type Assembled = Rc<Option<Rc<Document>>>;

/// How long typing must pause before the address and the stored draft are written.
const TYPING_PAUSE_MS: u32 = 400;

/// The answers leave the widget: to the host's handle at once, to the page's address (stand-alone
/// pages) and the stored draft (if the host asked for one) as described below.
#[hook]
pub fn use_answers_out(
    state: &State,
    out: Rc<RefCell<Selection>>,
    sync_url: bool,
    storage_key: Option<String>,
) {
    {
        // The draft is written only after the buyer changes something, so opening a shared link
        // does not overwrite the draft of an earlier visit. Recording the catalogue version once
        // the complete catalogue arrives is not a change by the buyer.
        let last = use_mut_ref(|| None::<Selection>);
        // Typing in a detail field does not write the address and the stored draft on every
        // character: the write waits until typing pauses, and is done at once when the page is
        // left or the widget removed, so nothing typed is lost.
        let pending = use_mut_ref(|| None::<Rc<dyn Fn()>>);
        let timer = use_mut_ref(|| None::<browser::AfterPaint>);
        {
            let pending = pending.clone();
            use_effect_with((), move |_| {
                let flush = move || {
                    let write = pending.borrow_mut().take();
                    if let Some(write) = write {
                        write();
                    }
                };
                let flush = Rc::new(flush);
                let on_hide = flush.clone();
                let listener =
                    EventListener::new(&gloo::utils::window(), "pagehide", move |_| on_hide());
                move || {
                    drop(listener);
                    flush();
                }
            });
        }
        let draft_key = storage_key.clone().filter(|_| {
            matches!(
                state.draft,
                DraftStatus::Kept | DraftStatus::Restored | DraftStatus::Problem(_)
            )
        });
        let (state, selection) = (state.clone(), state.selection.clone());
        use_effect_with(state.fragment(), move |fragment| {
            *out.borrow_mut() = selection.clone();
            let answers = Selection {
                catalog_version: String::new(),
                ..selection.clone()
            };
            let previous = last.borrow_mut().replace(answers.clone());
            // Only a detail changed: the buyer is typing.
            let typed = previous.as_ref().is_some_and(|p| {
                p.details != answers.details
                    && Selection {
                        details: answers.details.clone(),
                        ..p.clone()
                    } == answers
            });
            let changed = previous.is_some_and(|p| p != answers);
            let fragment = fragment.clone();
            let write: Rc<dyn Fn()> = Rc::new(move || {
                if sync_url {
                    browser::replace_fragment(&fragment);
                }
                if let (true, Some(key)) = (changed, draft_key.as_ref()) {
                    let result = browser::save_draft(key, &draft::from_fragment(&fragment));
                    state.dispatch(Action::DraftSaved(result));
                }
            });
            // Anything else is written right after the answer is painted (replacing what was still
            // waiting), in a task of its own.
            let delay = if typed { TYPING_PAUSE_MS } else { 0 };
            *pending.borrow_mut() = Some(write);
            let pending = pending.clone();
            *timer.borrow_mut() = Some(browser::after_paint(delay, move || {
                let write = pending.borrow_mut().take();
                if let Some(write) = write {
                    write();
                }
            }));
        });
    }
    {
        let key = storage_key;
        use_effect_with(state.draft, move |draft| {
            if let (DraftStatus::Forgotten, Some(key)) = (draft, key) {
                let _ = browser::remove_draft(&key);
            }
        });
    }
}

/// The stand-alone page's address and history: a changed fragment is loaded, each step is a
/// history entry (the browser's Back button goes to the previous step, keeping every answer), and
/// the page's title, heading and `lang` follow the step and the language.
#[hook]
pub fn use_address(state: &State, sync_url: bool) {
    let m = state.language.messages();
    {
        let state = state.clone();
        use_effect_with(sync_url, move |sync_url| {
            let listener = sync_url.then(|| {
                let window = gloo::utils::window();
                EventListener::new(&window, "hashchange", move |_| {
                    if let Some(fragment) = browser::location_fragment() {
                        state.dispatch(Action::LoadFragment(fragment));
                    }
                })
            });
            move || drop(listener)
        });
    }
    // The stand-alone page: each step is a history entry (the browser's Back button goes to the
    // previous step, keeping every answer), and the page title names the step.
    let latest_fragment = use_mut_ref(String::new);
    *latest_fragment.borrow_mut() = state.fragment();
    {
        let (fragment, title) = (
            state.fragment(),
            fill(m.page_title, &[("step", m.step_title(state.step))]),
        );
        use_effect_with(state.step, move |step| {
            if sync_url {
                let n = step.number();
                match browser::history_step() {
                    Some(current) if current == n => {}
                    Some(_) => browser::record_step(n, &fragment, true),
                    None => browser::record_step(n, &fragment, false),
                }
                browser::set_title(&title);
            }
        });
    }
    {
        // The stand-alone page speaks the widget's language too: title, heading and `lang`.
        let shown = if state.language.loaded().is_some() {
            state.language
        } else {
            Language::En
        };
        let title = fill(m.page_title, &[("step", m.step_title(state.step))]);
        let heading = m.widget_title;
        use_effect_with((shown, state.step), move |(shown, _)| {
            if sync_url {
                browser::set_page_language(shown.code(), heading);
                browser::set_title(&title);
            }
        });
    }
    {
        let (state, latest) = (state.clone(), latest_fragment.clone());
        use_effect_with(sync_url, move |sync_url| {
            let listener = sync_url.then(|| {
                let window = gloo::utils::window();
                EventListener::new(&window, "popstate", move |_| {
                    let step = browser::history_step()
                        .and_then(|n| n.checked_sub(1))
                        .and_then(|i| Step::ALL.get(i).copied());
                    if let Some(step) = step {
                        // The entry keeps the answers as they are now, not as they were when
                        // the step was left: going back never undoes an answer.
                        browser::record_step(step.number(), &latest.borrow(), false);
                        state.dispatch(Action::GoTo(step));
                    }
                })
            });
            move || drop(listener)
        });
    }
}

/// The complete catalogue of the document language is fetched once the first step is on screen,
/// again on "Try again", and when the buyer switches to a language whose catalogue is not here yet.
#[hook]
pub fn use_catalogue(state: &State, core: Rc<Catalog>, files: Option<Rc<str>>) {
    {
        // The complete catalogue of the document language is fetched once the first step is on
        // screen, again on "Try again", and when the buyer switches to a language whose catalogue
        // is not here yet.
        let (state, core, missing) = (state.clone(), core, state.missing_catalogue());
        let loading = state.catalog_status == CatalogStatus::Loading;
        use_effect_with(state.catalog_attempt, move |_| {
            if let Some(language) = missing.filter(|_| loading) {
                wasm_bindgen_futures::spawn_local(async move {
                    let url = browser::data_url(files.as_deref(), &embedded::file_name(language));
                    let result = browser::fetch_bytes(&url)
                        .await
                        .and_then(|bytes| {
                            embedded::complete(&core, &bytes).map_err(|e| LoadProblem::from(&e))
                        })
                        .map(Rc::new);
                    state.dispatch(Action::CatalogLoaded(result));
                });
            }
        });
    }
}

/// A translated language's messages are fetched once, when it is first chosen.
#[hook]
pub fn use_messages(state: &State, files: Option<Rc<str>>) {
    {
        // A translated language's messages are fetched once, when it is first chosen (as the
        // widget's language or the documents' second one); until they arrive (or if they cannot be
        // had) the widget stays in English and says nothing wrong.
        let state = state.clone();
        let wanted = (state.language, state.second_language());
        use_effect_with(wanted, move |(language, second)| {
            for language in [Some(*language), *second].into_iter().flatten() {
                if language.loaded().is_none() {
                    let (state, files) = (state.clone(), files.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        let url = browser::data_url(files.as_deref(), &language.messages_file());
                        if let Ok(bytes) = browser::fetch_bytes(&url).await {
                            let _ = language.install(&bytes);
                        }
                        // Arrived or not: the widget speaks the language, or stays in English.
                        state.dispatch(Action::MessagesLoaded);
                    });
                }
            }
        });
    }
}

/// Moves focus where the last action asked (never on page load): returns the refs of the step
/// heading, the error summary and the widget's root.
#[hook]
pub fn use_focus(state: &State) -> (NodeRef, NodeRef, NodeRef) {
    let heading_ref = use_node_ref();
    let summary_ref = use_node_ref();
    let root_ref = use_node_ref();
    {
        let refs = (heading_ref.clone(), summary_ref.clone(), root_ref.clone());
        let target = state.focus.clone();
        use_effect_with(state.focus_request, move |request| {
            // 0: the page just loaded; a widget must not steal the host page's focus.
            if *request > 0 {
                let (heading, summary, root) = refs;
                let within = |selector: String| {
                    root.cast::<web_sys::Element>()
                        .and_then(|r| r.query_selector(&selector).ok().flatten())
                };
                let element = match target {
                    FocusTarget::StepHeading => heading.cast::<web_sys::Element>(),
                    FocusTarget::ErrorSummary => summary.cast::<web_sys::Element>(),
                    FocusTarget::DroppedList => within(".ecb-dropped-title".into()),
                    FocusTarget::Criterion(key) => within(format!("[data-drop-key~=\"{key}\"]")),
                    FocusTarget::Preview => within(".ecb-preview h3".into()),
                    FocusTarget::Draft => within(".ecb-draft p".into()),
                    FocusTarget::Notices => within(".ecb-notices-title".into()),
                    FocusTarget::Detail(field) => {
                        within(format!("[id$=\"-detail-{}\"]", field.code()))
                    }
                };
                if let Some(element) =
                    element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = element.focus();
                }
            }
        });
    }

    (heading_ref, summary_ref, root_ref)
}

/// The document for the review, and the same in the documents' second language: assembled only on
/// the review step, and again only when the selection, the catalogue or the messages change.
#[hook]
pub fn use_documents(state: &State) -> (Assembled, Assembled) {
    // The document is assembled only on the review step, and again only when the selection changes.
    let document = {
        let language = state.document_language();
        let ready = state.step == Step::Review && state.catalog_status == CatalogStatus::Complete;
        // Again when the language's messages arrive: the document's headings and notes are theirs.
        let deps = ready.then(|| {
            (
                state.selection.clone(),
                state.catalog.clone(),
                state.messages_seq,
            )
        });
        use_memo(deps, move |deps| {
            deps.as_ref()
                .map(|(selection, catalog, _)| Rc::new(assemble(catalog, selection, language)))
        })
    };
    // The same document in the second language the buyer asked for, once its catalogue is here.
    let second = {
        let ready = state.step == Step::Review && state.catalog_status == CatalogStatus::Complete;
        let deps = state
            .second_language()
            .filter(|_| ready)
            .and_then(|l| Some((l, state.selection.clone(), state.catalogue(l)?)))
            // Its words once its messages are here.
            .map(|(l, selection, catalog)| (l, selection, catalog, state.messages_seq));
        use_memo(deps, move |deps| {
            deps.as_ref().map(|(language, selection, catalog, _)| {
                Rc::new(assemble(catalog, selection, *language))
            })
        })
    };
    (document, second)
}

/// What each level would give, on step 3.
#[hook]
pub fn use_level_measures(state: &State) -> Rc<Vec<(AmbitionLevel, Measure)>> {
    // What each level would give, on step 3: assembled three times, so only when the answers it
    // depends on change (choosing a level is not one of them), and after the click that changed
    // them is painted: the click answers at once, the figures follow in a task of their own.
    let language = state.document_language();
    let ready = state.step == Step::Ambition
        && state.catalog_status == CatalogStatus::Complete
        && !state.selection.categories.is_empty()
        && !state.selection.risks.is_empty();
    let deps = ready.then(|| {
        let mut at = state.selection.clone();
        at.level = None;
        at.lot_levels.clear();
        if !at.stages.iter().any(|s| *s != ProcedureStage::Management) {
            at.stages = ProcedureStage::ALL.into_iter().collect();
        }
        (at, state.catalog.clone(), language, state.messages_seq)
    });
    // The figures shown, with the answers they were computed for.
    let shown = use_state(|| (None, Rc::new(Vec::new())));
    {
        let shown = shown.clone();
        use_effect_with(deps.clone(), move |deps| {
            let scheduled = deps
                .clone()
                .filter(|d| shown.0.as_ref() != Some(d))
                .map(|deps| {
                    browser::after_paint(0, move || {
                        let (selection, catalog, language, _) = &deps;
                        let measures = per_level(catalog, selection, *language);
                        shown.set((Some(deps), Rc::new(measures)));
                    })
                });
            move || drop(scheduled)
        });
    }
    // Until the new figures arrive, those of the previous answers stay (for one frame); none
    // before the first.
    match deps {
        Some(_) => shown.1.clone(),
        None => Rc::new(Vec::new()),
    }
}

/// What the catalogue covers (counts and gaps), for "What this catalogue covers": computed once per
/// catalogue while the view is open, not on every render.
#[hook]
pub fn use_coverage(state: &State) -> Rc<Option<Covered>> {
    let open = state.coverage_open && state.catalog_status == CatalogStatus::Complete;
    let deps = open.then(|| state.catalog.clone());
    use_memo(deps, |catalog| {
        catalog
            .as_ref()
            .map(|c| (coverage::counts(c), coverage::gaps(c)))
    })
}

/// Tells the host page what the buyer does (domain::host_events): the answers or the step
/// changed, the language changed. Sent from the widget's root, after mounting (not for it).
#[hook]
pub fn use_host_events(state: &State, root: &NodeRef, with_text: bool) {
    // What was last told: what the selection event says (the answers without the catalogue
    // version, filled in after mounting, and without the typed details unless asked for), the
    // step and the language; `None` until mounted. The event itself is built only when they
    // change, not on every render.
    let last = use_mut_ref(|| None::<(Selection, Step, Language)>);
    let root = root.clone();
    let selection = state.selection.clone();
    let told = Selection {
        catalog_version: String::new(),
        details: if with_text {
            selection.details.clone()
        } else {
            Default::default()
        },
        ..selection.clone()
    };
    let deps = (told, state.step, state.language);
    use_effect_with(deps, move |deps| {
        let before = last.borrow_mut().replace(deps.clone());
        if let (Some((answers, step, language)), Some(root)) = (before, root.get()) {
            if (answers, step) != (deps.0.clone(), deps.1) {
                let event = host_events::selection_event(&selection, deps.1, with_text);
                browser::host_event(&root, host_events::SELECTION, &event);
            }
            if language != deps.2 {
                let detail = host_events::language_event(deps.2);
                browser::host_event(&root, host_events::LANGUAGE, &detail);
            }
        }
    });
}

/// The host's overlay: read and checked by the office worker once the widget is mounted (fetched
/// first where the host gave its address). Every problem reaches the widget (and the console) as
/// a sentence for the site's editors; the widget goes on with the catalogue alone.
#[hook]
pub fn use_overlay(state: &State, given: Option<wasm_bindgen::JsValue>, files: Option<Rc<str>>) {
    let problems = state.overlay_problems.clone();
    let state = state.clone();
    use_effect_with((), move |_| {
        if let Some(given) = given {
            wasm_bindgen_futures::spawn_local(async move {
                let file = given.as_string().unwrap_or_else(|| "overlay".into());
                let result = office_client::check_overlay(&given, &file, files.as_deref()).await;
                state.dispatch(Action::OverlayLoaded(file, result));
            })
        }
    });
    use_effect_with(problems, |problems| {
        for problem in problems {
            web_sys::console::error_1(
                &format!("Ethical ICT criteria builder, overlay: {problem}").into(),
            );
        }
    });
}
