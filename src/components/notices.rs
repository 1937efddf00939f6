//! What could not be used from a shared link or host option, with a way to dismiss it.

use super::WizardContext;
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
    html! {
        <section class="ecb-notices" aria-labelledby={title_id.clone()}>
            <h2 class="ecb-notices-title" id={title_id}>{ m.notices_title }</h2>
            <ul>
                { for ctx.state.notices.iter().map(|n| html! { <li>{ m.notice(n) }</li> }) }
            </ul>
            <button type="button" class="ecb-button ecb-button-secondary" onclick={dismiss}>
                { m.dismiss }
            </button>
        </section>
    }
}
