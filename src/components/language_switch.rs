//! The language switch: each language named in its own words, every answer kept on a change. Next
//! to it, what the translation is and, where the catalogue is not yet translated, that the
//! criteria and the document stay in English.

use super::WizardContext;
use crate::domain::i18n::{fill, Language};
use crate::state::Action;
use yew::prelude::*;

pub fn language_switch(ctx: &WizardContext) -> Html {
    let m = ctx.messages();
    let id = ctx.id("language");
    let hint_id = ctx.id("language-hint");
    let state = ctx.state.clone();
    let onchange = Callback::from(move |e: Event| {
        let chosen = Language::from_code(&super::selected(&e));
        if let Some(language) = chosen {
            state.dispatch(Action::SetLanguage(language));
        }
    });
    let current = ctx.state.language;
    let status = current.status();
    let untranslated = current.document_language() != current;
    // Where the catalogue is translated: its own status, and how many entries are still English.
    let translation = ctx
        .state
        .catalog
        .meta
        .translation
        .as_ref()
        .filter(|_| ctx.state.document_language() == current);
    let in_english = translation.map_or(0, |t| t.missing.len() + t.stale.len());
    let catalogue_status = translation
        .map(|t| t.status.as_str())
        .filter(|s| Some(*s) != status);
    let described = (status.is_some() || untranslated).then(|| hint_id.clone());
    html! {
        <div class="ecb-language">
            <label class="ecb-label" for={id.clone()}>{ m.language_label }</label>
            <select class="ecb-select" id={id} aria-describedby={described} {onchange}>
                { for Language::ALL.into_iter().map(|l| html! {
                    <option value={l.code()} lang={l.code()} selected={l == current}>{ l.name() }</option>
                }) }
            </select>
            if status.is_some() || untranslated {
                <p class="ecb-hint" id={hint_id}>
                    { status.unwrap_or_default() }
                    if untranslated {
                        { " " }{ m.catalogue_not_translated }
                    }
                    if let Some(s) = catalogue_status {
                        { " " }{ s }
                    }
                    if in_english > 0 {
                        { " " }{ fill(m.catalogue_partly_translated, &[("n", &in_english.to_string())]) }
                    }
                </p>
            }
        </div>
    }
}
