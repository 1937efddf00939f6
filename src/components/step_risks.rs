//! Step 2: which risks matter. Each risk shows how salient it is for the chosen categories, as a
//! hint; the salience matrix below gives the detail.

use super::checkbox::Choice;
use super::salience_matrix::salience_matrix;
use super::{inline_error, WizardContext};
use crate::domain::catalog::{RiskTopic, SalienceLevel};
use crate::domain::i18n::fill;
use crate::domain::selection::Field;
use crate::state::Action;
use yew::prelude::*;

pub fn step_risks(ctx: &WizardContext, heading_ref: &NodeRef) -> Html {
    let m = ctx.messages();
    let catalog = &ctx.state.catalog;
    let chosen = ctx.chosen_categories();
    let hint_id = ctx.id("risks-question-hint");
    let error_id = ctx.id("risks-error");
    let has_error = ctx.error_for(Field::Risks).is_some();
    let describedby = if has_error {
        format!("{hint_id} {error_id}")
    } else {
        hint_id.clone()
    };

    // The hint badge: the highest salience among the chosen categories, and which ones.
    let badge = |risk: &str| -> Html {
        let best = chosen.iter().map(|c| catalog.salience(&c.id, risk)).max();
        match best {
            Some(level) if level > SalienceLevel::Low => {
                let names: Vec<&str> = chosen
                    .iter()
                    .filter(|c| catalog.salience(&c.id, risk) == level)
                    .map(|c| c.name.as_str())
                    .collect();
                let text = fill(
                    m.suggested,
                    &[
                        ("level", m.salience(level)),
                        ("categories", &m.join_list(&names)),
                    ],
                );
                html! {
                    <span class={classes!("ecb-badge", format!("ecb-sal-{}", level.code()))}>{ text }</span>
                }
            }
            _ => html! {},
        }
    };

    let choice = |id: String, risk: &RiskTopic| -> Html {
        let state = ctx.state.clone();
        let value = risk.id.clone();
        Choice {
            id,
            name: ctx.id("risk"),
            label: risk.name.clone(),
            hint: Some(risk.description.clone()),
            extra: badge(&risk.id),
            checked: ctx.state.selection.risks.contains(&risk.id),
            radio: false,
            lang: ctx.catalogue_lang(),
            on_toggle: Callback::from(move |_| state.dispatch(Action::ToggleRisk(value.clone()))),
        }
        .view()
    };
    html! {
        <>
            <fieldset class={classes!("ecb-fieldset", has_error.then_some("ecb-fieldset-error"))}
                      aria-describedby={describedby}>
                <legend class="ecb-legend">
                    <h2 class="ecb-heading" tabindex="-1" ref={heading_ref.clone()}>{ m.step_risks }</h2>
                </legend>
                <p class="ecb-hint" id={hint_id}>{ m.step_risks_hint }{ " " }{ m.select_all }</p>
                { inline_error(ctx, Field::Risks, &error_id) }
                <div class="ecb-choices">
                    { for catalog.risks.iter().filter(|r| !r.manages).enumerate().map(|(i, risk)| {
                        // The first box is where the error summary's link lands.
                        let id = if i == 0 { ctx.id("risks") } else { ctx.id(&format!("risk-{}", risk.id)) };
                        choice(id, risk)
                    }) }
                </div>
                if catalog.risks.iter().any(|r| r.manages) {
                    <p class="ecb-choices-subheading">{ m.risks_manage_title }</p>
                    <p class="ecb-hint">{ m.risks_manage_hint }</p>
                    <div class="ecb-choices">
                        { for catalog.risks.iter().filter(|r| r.manages).map(|risk| {
                            choice(ctx.id(&format!("risk-{}", risk.id)), risk)
                        }) }
                    </div>
                }
            </fieldset>
            { salience_matrix(ctx) }
        </>
    }
}
