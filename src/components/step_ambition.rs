//! Step 3: the ambition level and which parts of the procedure to write text for.

use super::checkbox::Choice;
use super::{inline_error, WizardContext};
use crate::domain::catalog::AmbitionLevel;
use crate::domain::selection::{Field, ProcedureStage};
use crate::state::Action;
use yew::prelude::*;

pub fn step_ambition(ctx: &WizardContext, heading_ref: &NodeRef) -> Html {
    let m = ctx.messages();
    let selection = &ctx.state.selection;
    let describe = |field: Field, hint: &str, error: &str| {
        if ctx.error_for(field).is_some() {
            format!("{hint} {error}")
        } else {
            hint.to_string()
        }
    };
    let (level_hint, level_error) = (ctx.id("level-question-hint"), ctx.id("level-error"));
    let (stages_hint, stages_error) = (ctx.id("stages-question-hint"), ctx.id("stages-error"));
    let error_class = |field: Field| {
        ctx.error_for(field)
            .is_some()
            .then_some("ecb-fieldset-error")
    };
    html! {
        <>
            <h2 class="ecb-heading" tabindex="-1" ref={heading_ref.clone()}>{ m.step_ambition }</h2>
            <fieldset class={classes!("ecb-fieldset", error_class(Field::Level))}
                      aria-describedby={describe(Field::Level, &level_hint, &level_error)}>
                <legend class="ecb-legend ecb-legend-medium">{ m.level_legend }</legend>
                <p class="ecb-hint" id={level_hint}>{ m.level_hint }{ " " }{ m.select_one }</p>
                { inline_error(ctx, Field::Level, &level_error) }
                <div class="ecb-choices">
                    { for AmbitionLevel::ALL.into_iter().enumerate().map(|(i, level)| {
                        let id = if i == 0 { ctx.id("level") } else { ctx.id(&format!("level-{}", level.code())) };
                        let state = ctx.state.clone();
                        Choice {
                                id,
                                name: ctx.id("level-choice"),
                                label: m.level(level).to_string(),
                                hint: Some(m.level_hint(level).to_string()),
                                extra: Html::default(),
                                checked: selection.level == Some(level),
                                radio: true,
                                on_toggle: Callback::from(move |_| state.dispatch(Action::SetLevel(level))),
                            }
                            .view()
                    }) }
                </div>
            </fieldset>
            <fieldset class={classes!("ecb-fieldset", error_class(Field::Stages))}
                      aria-describedby={describe(Field::Stages, &stages_hint, &stages_error)}>
                <legend class="ecb-legend ecb-legend-medium">{ m.stages_legend }</legend>
                <p class="ecb-hint" id={stages_hint}>{ m.select_all }</p>
                { inline_error(ctx, Field::Stages, &stages_error) }
                <div class="ecb-choices">
                    { for ProcedureStage::ALL.into_iter().enumerate().map(|(i, stage)| {
                        let id = if i == 0 { ctx.id("stages") } else { ctx.id(&format!("stage-{}", stage.code())) };
                        let state = ctx.state.clone();
                        Choice {
                                id,
                                name: ctx.id("stage"),
                                label: m.stage(stage).to_string(),
                                hint: None,
                                extra: Html::default(),
                                checked: selection.stages.contains(&stage),
                                radio: false,
                                on_toggle: Callback::from(move |_| state.dispatch(Action::ToggleStage(stage))),
                            }
                            .view()
                    }) }
                </div>
            </fieldset>
        </>
    }
}
