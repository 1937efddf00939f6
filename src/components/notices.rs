//! What could not be used from a shared link or host option, with a way to dismiss it.

use super::WizardContext;
use crate::domain::i18n::fill;
use crate::domain::notice::Notice;
use crate::state::Action;
use yew::prelude::*;

pub fn notices(ctx: &WizardContext) -> Html {
    let m = ctx.messages();
    if ctx.state.notices.is_empty() {
        return html! {};
    }
    let title_id = ctx.id("notices-title");
    let dismiss = {
        let state = ctx.state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::DismissNotices))
    };
    let undo = {
        let state = ctx.state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::UndoOpen))
    };
    // What changed for each criterion can run to dozens of lines: it sits behind a summary.
    let (changed, general): (Vec<&Notice>, Vec<&Notice>) = ctx
        .state
        .notices
        .iter()
        .partition(|n| matches!(n, Notice::CriterionChanged { .. }));
    let item = |n: &&Notice| html! { <li>{ m.notice(n) }</li> };
    html! {
        <section class="ecb-notices" aria-labelledby={title_id.clone()}>
            <h2 class="ecb-notices-title" id={title_id} tabindex="-1">{ m.notices_title }</h2>
            if !general.is_empty() {
                <ul>{ for general.iter().map(item) }</ul>
            }
            if !changed.is_empty() {
                <details class="ecb-changed">
                    <summary>{ fill(m.changed_criteria, &[("n", &changed.len().to_string())]) }</summary>
                    <ul>{ for changed.iter().map(item) }</ul>
                </details>
            }
            <div class="ecb-button-group">
                if ctx.state.replaced.is_some() {
                    <button type="button" class="ecb-button ecb-button-secondary" onclick={undo}>
                        { m.undo_open }
                    </button>
                }
                <button type="button" class="ecb-button ecb-button-secondary" onclick={dismiss}>
                    { m.dismiss }
                </button>
            </div>
        </section>
    }
}
