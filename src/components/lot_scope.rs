//! Step 1, after the categories: the scope questions a lot asks (does it include take-back of used
//! equipment, may refurbished equipment be delivered). Criteria that depend on the answer are
//! offered only on a yes, so that no tender text starts "where this lot includes …".

use super::checkbox::Choice;
use super::WizardContext;
use crate::domain::catalog::LotFeature;
use crate::state::Action;
use yew::prelude::*;

pub fn lot_scope(ctx: &WizardContext) -> Html {
    let m = ctx.messages();
    let questions = LotFeature::ALL.into_iter().filter_map(|feature| {
        let lots = ctx.lots_asking(feature);
        if lots.is_empty() {
            return None;
        }
        let hint_id = ctx.id(&format!("{}-hint", feature.code()));
        Some(html! {
            <fieldset class="ecb-fieldset" aria-describedby={hint_id.clone()}>
                <legend class="ecb-legend ecb-legend-medium">{ m.scope_legend(feature) }</legend>
                <p class="ecb-hint" id={hint_id}>{ m.scope_hint(feature) }{ " " }{ m.select_all }</p>
                <div class="ecb-choices">
                    { for lots.into_iter().map(|category| {
                        let state = ctx.state.clone();
                        let id = category.id.clone();
                        Choice {
                            id: ctx.id(&format!("{}-{}", feature.code(), category.id)),
                            name: ctx.id(feature.code()),
                            label: category.name.clone(),
                            hint: None,
                            extra: Html::default(),
                            checked: ctx.state.selection.lot_has(&category.id, feature),
                            radio: false,
                            on_toggle: Callback::from(move |_| {
                                state.dispatch(Action::ToggleFeature(feature, id.clone()))
                            }),
                        }
                        .view()
                    }) }
                </div>
            </fieldset>
        })
    });
    questions.collect()
}
