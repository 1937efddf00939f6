//! The root of a widget: owns the one reducer, keeps the URL fragment in step, moves focus, and
//! lays out the current step with its navigation.

use super::answers_file::AnswersFile;
use super::catalogue_coverage::catalogue_coverage;
use super::draft_status::draft_status;
use super::error_summary::error_summary;
use super::hooks::{
    use_address, use_answers_out, use_catalogue, use_coverage, use_documents, use_focus,
    use_host_events, use_level_measures, use_messages, use_overlay,
};
use super::language_switch::language_switch;
use super::notices::notices;
use super::step_ambition::step_ambition;
use super::step_details::step_details;
use super::step_products::step_products;
use super::step_review::step_review;
use super::step_risks::step_risks;
use super::WizardContext;
use crate::browser;
use crate::domain::catalog::Catalog;
use crate::domain::embedded;
use crate::domain::i18n::{fill, Language};
use crate::domain::options::HostOptions;
use crate::domain::selection::{Selection, Step};
use crate::state::{Action, WizardState};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub instance: u32,
    pub options: HostOptions,
    pub catalog: Rc<Catalog>,
    /// Where the current selection is published for the host's handle.
    pub selection_out: Rc<RefCell<Selection>>,
    /// The host's overlay for the office worker to read and check: its object, or its address.
    pub overlay: Option<wasm_bindgen::JsValue>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let sync_url = props.options.sync_url;
    let state = {
        let catalog = props.catalog.clone();
        let language = props.options.language;
        // A host-given selection wins; a stand-alone page restores from its address.
        let initial = props
            .options
            .selection
            .clone()
            .or_else(|| sync_url.then(browser::location_fragment).flatten());
        let storage_key = props.options.storage_key.clone();
        use_reducer(move || {
            let state = WizardState::new(catalog, embedded::COMPLETE, language, initial.as_deref());
            match storage_key {
                Some(key) => state.with_draft(browser::load_draft(&key)),
                None => state,
            }
        })
    };
    let ctx = WizardContext {
        state: state.clone(),
        instance: props.instance,
        files: props.options.catalog_url.as_deref().map(Rc::from),
        statement: props
            .options
            .accessibility_statement
            .as_deref()
            .map(Rc::from),
    };
    let m = ctx.messages();
    use_answers_out(
        &state,
        props.selection_out.clone(),
        sync_url,
        props.options.storage_key.clone(),
    );
    use_address(&state, sync_url);
    use_catalogue(&state, props.catalog.clone(), ctx.files.clone());
    use_messages(&state, ctx.files.clone());
    use_overlay(&state, props.overlay.clone(), ctx.files.clone());

    // The benchmark's "first step interactive": the first render is in the DOM and takes input.
    use_effect_with((), |_| browser::mark("ecb:first-step-interactive"));
    let (heading_ref, summary_ref, root_ref) = use_focus(&state);
    use_host_events(&state, &root_ref, props.options.event_text);
    let onsubmit = {
        let state = state.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            state.dispatch(Action::Continue);
        })
    };
    let onback = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Back))
    };
    let step = state.step;
    let (document, second) = use_documents(&state);
    let level_measures = use_level_measures(&state);
    let covered = use_coverage(&state);
    let body = match (step, document.as_ref()) {
        (Step::Products, _) => step_products(&ctx, &heading_ref),
        (Step::Risks, _) => step_risks(&ctx, &heading_ref),
        (Step::Ambition, _) => step_ambition(&ctx, &heading_ref, &level_measures),
        (Step::Details, _) => step_details(&ctx, &heading_ref),
        (Step::Review, Some(document)) => {
            step_review(&ctx, &heading_ref, document, (*second).as_ref())
        }
        (Step::Review, None) => html! {
            <>
                <h2 class="ecb-heading" tabindex="-1" ref={heading_ref.clone()}>{ m.step_review }</h2>
                { super::catalogue_pending(&ctx).unwrap_or_default() }
            </>
        },
    };
    let step_of = fill(
        m.step_of,
        &[
            ("n", &step.number().to_string()),
            ("total", &Step::ALL.len().to_string()),
        ],
    );
    let theme = format!("ecb-theme-{}", props.options.theme.code());
    // The language the widget's own words are in right now (English until a translation arrives).
    let shown_language = if state.language.loaded().is_some() {
        state.language
    } else {
        Language::En
    };

    // The host's own statement, or ours in the language the widget speaks.
    let statement = ctx
        .statement
        .as_deref()
        .map(str::to_string)
        .unwrap_or_else(|| {
            browser::asset_url(&format!("www/accessibility/{}.html", shown_language.code()))
        });

    if state.awaiting_messages {
        return html! {
            <section class={classes!("ecb", theme)} lang={state.language.code()} data-ecb-root=""
                     ref={root_ref} aria-busy="true"></section>
        };
    }
    html! {
            <section class={classes!("ecb", theme)} lang={shown_language.code()} data-ecb-root=""
                     ref={root_ref}
                     aria-label={m.widget_title}>
                <p class="ecb-intro">{ m.widget_intro }</p>
                if let Some(given) = state.overlay.as_ref().filter(|o| !o.checked.overlay.overlay.intro.trim().is_empty()) {
                    <p class="ecb-intro ecb-overlay-intro">{ given.checked.overlay.overlay.intro.clone() }</p>
                }
                if !state.overlay_problems.is_empty() {
                    <div class="ecb-inset ecb-inset-error ecb-overlay-problems">
                        <p>{ m.overlay_problems }</p>
                        <ul>
                            { for state.overlay_problems.iter().map(|p| html! { <li>{ p.clone() }</li> }) }
                        </ul>
                    </div>
                }
                { language_switch(&ctx) }
                { notices(&ctx) }
                { error_summary(&ctx, &summary_ref) }
                <form class="ecb-form" novalidate=true {onsubmit}>
                    <p class="ecb-step-of">{ step_of }</p>
                    { body }
                    <div class="ecb-nav">
                        if step != Step::Review {
                            <button type="submit" class="ecb-button">{ m.continue_ }</button>
                        }
                        if step.previous().is_some() {
                            <button type="button" class="ecb-button ecb-button-secondary" onclick={onback}>
                                { m.back }
                            </button>
                        }
                    </div>
                </form>
                { draft_status(&ctx) }
                <AnswersFile state={state.clone()} instance={props.instance} />
                { catalogue_coverage(&ctx, covered.as_ref().as_ref()) }
                if let Some(given) = state.overlay.as_ref().filter(|o| !o.checked.overlay.overlay.contact.trim().is_empty()) {
                    <p class="ecb-overlay-contact">{ given.checked.overlay.overlay.contact.clone() }</p>
                }
                <p class="ecb-statement">
                    <a href={statement} target="_blank" rel="noopener">{ m.accessibility_statement }</a>
                </p>
            </section>
    }
}
