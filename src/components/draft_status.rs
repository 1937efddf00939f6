//! One line saying whether the answers are kept in this browser, with a way to stop that. Shown
//! only when the host asked for a draft (`storageKey`).

use super::WizardContext;
use crate::domain::draft::StorageProblem;
use crate::state::{Action, DraftStatus};
use yew::prelude::*;

pub fn draft_status(ctx: &WizardContext) -> Html {
    let m = ctx.messages();
    let draft = ctx.state.draft;
    let message = match draft {
        DraftStatus::Off => return html! {},
        DraftStatus::Kept => m.draft_kept,
        DraftStatus::Restored => m.draft_restored,
        DraftStatus::Forgotten => m.draft_forgotten,
        DraftStatus::Problem(StorageProblem::Blocked) => m.draft_blocked,
        DraftStatus::Problem(StorageProblem::Full) => m.draft_full,
        DraftStatus::Problem(StorageProblem::Failed) => m.draft_failed,
    };
    let forget = {
        let state = ctx.state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ForgetDraft))
    };
    let problem = matches!(draft, DraftStatus::Problem(_));
    html! {
        <div class={classes!("ecb-draft", problem.then_some("ecb-draft-problem"))} role="status">
            // Focus lands here when "Stop saving" removes itself.
            <p tabindex="-1">{ message }</p>
            if matches!(draft, DraftStatus::Kept | DraftStatus::Restored) {
                <button type="button" class="ecb-link-button" onclick={forget}>{ m.draft_forget }</button>
            }
        </div>
    }
}
