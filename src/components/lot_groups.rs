//! Step 1, with several categories: which lot each is bought in. By default each category is a lot
//! of its own; a buyer can put, say, monitors and accessories in the laptops lot (the usual
//! workplace lot).

use super::WizardContext;
use crate::domain::i18n::fill;
use crate::state::Action;
use yew::prelude::*;

pub fn lot_groups(ctx: &WizardContext) -> Html {
    let m = ctx.messages();
    let selection = &ctx.state.selection;
    let chosen = ctx.chosen_categories();
    if chosen.len() < 2 {
        return Html::default();
    }
    // A category can join a lot whose first category has not joined another lot itself.
    let hosts: Vec<_> = chosen
        .iter()
        .filter(|c| !selection.joined.contains_key(&c.id))
        .copied()
        .collect();
    html! {
        <details class="ecb-details" open={!selection.joined.is_empty()}>
            <summary class="ecb-details-summary">{ m.lot_groups_title }</summary>
            <div class="ecb-details-body">
                <p class="ecb-hint">{ m.lot_groups_hint }</p>
                { for chosen.iter().map(|category| {
                    let id = ctx.id(&format!("lot-of-{}", category.id));
                    let state = ctx.state.clone();
                    let member = category.id.clone();
                    let onchange = Callback::from(move |e: Event| {
                        let host = super::selected(&e);
                        state.dispatch(Action::JoinLot(member.clone(), (!host.is_empty()).then_some(host)));
                    });
                    let current = selection.joined.get(&category.id).unwrap_or_default().to_string();
                    // A category that others joined stays the first of its lot.
                    let is_host = selection.joined.values().any(|h| h == category.id);
                    html! {
                        <div class="ecb-field">
                            <label class="ecb-label" for={id.clone()}>
                                { fill(m.lot_of, &[("category", &category.name)]) }
                            </label>
                            if is_host {
                                <p class="ecb-hint" id={format!("{id}-hint")}>{ m.lot_is_host }</p>
                            }
                            <select class="ecb-select" id={id.clone()} {onchange} disabled={is_host}
                                    aria-describedby={is_host.then(|| format!("{id}-hint"))}>
                                <option value="" selected={current.is_empty()}>{ m.lot_own }</option>
                                { for hosts.iter().filter(|h| h.id != category.id).map(|h| html! {
                                    <option value={h.id.clone()} selected={current == h.id}>
                                        { fill(m.lot_with, &[("category", &h.name)]) }
                                    </option>
                                }) }
                            </select>
                        </div>
                    }
                }) }
            </div>
        </details>
    }
}
