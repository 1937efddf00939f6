//! The widget's views, one per file. `App` is the only Yew component (it owns the reducer and the
//! effects); the others are plain view functions of the state, because each Yew component adds
//! code to the release wasm and these have no state of their own. They show state and dispatch
//! actions; every decision is made in `domain`.

pub mod answers_file;
pub mod app;
pub mod catalogue_coverage;
pub mod checkbox;
pub mod details_hints;
pub mod document_preview;
pub mod draft_status;
pub mod error_summary;
pub mod export_panel;
pub mod hooks;
pub mod language_switch;
pub mod lot_groups;
pub mod lot_scope;
pub mod notices;
pub mod risk_first;
pub mod salience_matrix;
pub mod step_ambition;
pub mod step_details;
pub mod step_products;
pub mod step_review;
pub mod step_risks;
pub mod template_file;

use crate::domain::catalog::{Category, LotFeature};
use crate::domain::i18n::fill;
use crate::domain::i18n::Messages;
use crate::domain::selection::{Field, FieldError};
use crate::state::{Action, CatalogStatus, WizardState};
use std::rc::Rc;
use yew::prelude::*;

/// Shared data compared by identity, not content: cheap props and memo inputs for values that are
/// rebuilt when they change, never changed in place (a document is assembled anew on every change).
#[derive(Debug)]
pub struct Same<T>(pub Rc<T>);

impl<T> Clone for Same<T> {
    fn clone(&self) -> Self {
        Same(self.0.clone())
    }
}

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Same<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// What every step needs: the state, a way to change it, and this instance's id prefix.
#[derive(Clone, PartialEq)]
pub struct WizardContext {
    pub state: UseReducerHandle<WizardState>,
    /// Unique per mounted widget, so two widgets on a page never share element ids.
    pub instance: u32,
    /// The host's `catalogUrl` folder (absolute), if the data files are not next to the widget.
    pub files: Option<Rc<str>>,
    /// The host's own accessibility statement, if it gave one.
    pub statement: Option<Rc<str>>,
}

/// A button's click that opens the hidden file input behind it.
pub fn open_file_input(input: &NodeRef) -> Callback<MouseEvent> {
    let input = input.clone();
    Callback::from(move |_: MouseEvent| {
        if let Some(input) = input.cast::<web_sys::HtmlInputElement>() {
            input.click();
        }
    })
}

/// The file chosen in the file input an event came from; the input is cleared, so that choosing
/// the same file again reads it again.
pub fn chosen_file(e: &Event) -> Option<gloo::file::File> {
    let input = e.target_dyn_into::<web_sys::HtmlInputElement>()?;
    let file = input.files().and_then(|files| files.get(0))?;
    input.set_value("");
    Some(gloo::file::File::from(file))
}

/// The value of the `<select>` an event came from (empty if it came from elsewhere).
pub fn selected(e: &yew::Event) -> String {
    use wasm_bindgen::JsCast;
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

impl WizardContext {
    /// An element id unique to this widget instance.
    pub fn id(&self, name: &str) -> String {
        format!("ecb{}-{name}", self.instance)
    }

    pub fn messages(&self) -> &'static Messages {
        self.state.language.messages()
    }

    /// The `lang` of catalogue text where it differs from the widget's own words (an untranslated
    /// catalogue shown in a translated widget), for WCAG 3.1.2.
    pub fn catalogue_lang(&self) -> Option<&'static str> {
        let language = self.state.language;
        let shown = if language.loaded().is_some() {
            language
        } else {
            crate::domain::i18n::Language::En
        };
        let catalogue = self.state.document_language();
        (catalogue != shown).then(|| catalogue.code())
    }

    /// The categories the buyer chose, in catalogue (lot) order.
    pub fn chosen_categories(&self) -> Vec<&Category> {
        let state = &self.state;
        state.selection.chosen_categories(&state.catalog).collect()
    }

    /// The chosen lots whose category asks this scope question.
    pub fn lots_asking(&self, feature: LotFeature) -> Vec<&Category> {
        let mut lots = self.chosen_categories();
        lots.retain(|c| c.asks(feature));
        lots
    }

    /// The shown error for a field, if any.
    pub fn error_for(&self, field: Field) -> Option<FieldError> {
        self.state.errors.iter().find(|e| e.field == field).copied()
    }
}

/// While the complete catalogue is not there: a loading note, or the failure with "Try again".
/// `None` once it is complete.
pub fn catalogue_pending(ctx: &WizardContext) -> Option<Html> {
    let m = ctx.messages();
    match &ctx.state.catalog_status {
        CatalogStatus::Complete => None,
        CatalogStatus::Loading => Some(html! {
            <p class="ecb-inset" role="status">{ m.catalogue_loading }</p>
        }),
        CatalogStatus::Failed(reason) => {
            let state = ctx.state.clone();
            let onclick = Callback::from(move |_: MouseEvent| state.dispatch(Action::RetryCatalog));
            Some(html! {
                <div class="ecb-inset ecb-inset-error" role="alert">
                    <p>{ fill(m.catalogue_failed, &[("reason", &m.load_problem(*reason))]) }</p>
                    <button type="button" class="ecb-button ecb-button-secondary" {onclick}>{ m.retry }</button>
                </div>
            })
        }
    }
}

/// The element id an error-summary link points at for a field.
pub fn field_anchor(ctx: &WizardContext, field: Field) -> String {
    match field {
        Field::Categories => ctx.id("categories"),
        Field::Risks => ctx.id("risks"),
        Field::Level => ctx.id("level"),
        Field::Stages => ctx.id("stages"),
        Field::Detail(detail) => ctx.id(&format!("detail-{}", detail.code())),
    }
}

/// An inline error message under a question, announced with its field.
pub fn inline_error(ctx: &WizardContext, field: Field, id: &str) -> Html {
    match ctx.error_for(field) {
        Some(error) => html! {
            <p class="ecb-error-message" id={id.to_string()}>
                <span class="ecb-error-prefix">{ ctx.messages().error_prefix }</span>{ " " }
                { ctx.messages().problem(&error) }
            </p>
        },
        None => html! {},
    }
}
