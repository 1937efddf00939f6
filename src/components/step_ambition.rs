//! Step 3: the ambition level and which parts of the procedure to write text for.

use super::checkbox::Choice;
use super::{inline_error, WizardContext};
use crate::domain::assemble::lot_shapes;
use crate::domain::catalog::AmbitionLevel;
use crate::domain::i18n::fill;
use crate::domain::measure::Measure;
use crate::domain::selection::{Field, ProcedureStage};
use crate::state::Action;
use yew::prelude::*;

/// What a level gives for the buyer's answers, under its radio button.
fn preview(ctx: &WizardContext, measure: &Measure) -> Html {
    let m = ctx.messages();
    html! {
        <p class="ecb-level-preview">
            { fill(m.level_preview, &[
                ("criteria", &measure.criteria.to_string()),
                ("pages", &measure.tender_pages.to_string()),
                ("bidder", &measure.bidder_pages.to_string()),
                ("read", &measure.award_to_read.to_string()),
                ("rule", &measure.award_by_rule.to_string()),
            ]) }
        </p>
    }
}

/// With several lots: a level per lot, the one above being the default.
fn lot_levels(ctx: &WizardContext) -> Html {
    let m = ctx.messages();
    let selection = &ctx.state.selection;
    let lots = lot_shapes(&ctx.state.catalog, selection);
    if lots.len() < 2 {
        return Html::default();
    }
    let same = fill(
        m.lot_level_same,
        &[("level", selection.level.map_or(m.not_given, |l| m.level(l)))],
    );
    html! {
        <details class="ecb-details" open={!selection.lot_levels.is_empty()}>
            <summary class="ecb-details-summary">{ m.lot_levels_title }</summary>
            <p class="ecb-hint">{ m.lot_levels_hint }</p>
            { for lots.iter().enumerate().map(|(i, members)| {
                let host = selection.lot_host(&members[0].id).to_string();
                let name = members.iter().map(|c| c.name.as_str()).collect::<Vec<_>>().join("; ");
                let id = ctx.id(&format!("lot-level-{host}"));
                let state = ctx.state.clone();
                let category = host.clone();
                let onchange = Callback::from(move |e: Event| {
                    let code = super::selected(&e);
                    state.dispatch(Action::SetLotLevel(category.clone(), AmbitionLevel::from_code(&code)));
                });
                let own = selection.lot_levels.get(&host).and_then(AmbitionLevel::from_code);
                let label = fill(m.lot_heading, &[("n", &(i + 1).to_string()), ("name", &name)]);
                html! {
                    <div class="ecb-field">
                        <label class="ecb-label" for={id.clone()}>{ label }</label>
                        <select class="ecb-select" {id} {onchange}>
                            <option value="" selected={own.is_none()}>{ same.clone() }</option>
                            { for AmbitionLevel::ALL.into_iter().map(|level| html! {
                                <option value={level.code()} selected={own == Some(level)}>{ m.level(level) }</option>
                            }) }
                        </select>
                    </div>
                }
            }) }
        </details>
    }
}

pub fn step_ambition(
    ctx: &WizardContext,
    heading_ref: &NodeRef,
    measures: &[(AmbitionLevel, Measure)],
) -> Html {
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
                                extra: measures
                                    .iter()
                                    .find(|(l, _)| *l == level)
                                    .map(|(_, measure)| preview(ctx, measure))
                                    .unwrap_or_default(),
                                checked: selection.level == Some(level),
                                radio: true,
                                lang: None,
                                on_toggle: Callback::from(move |_| state.dispatch(Action::SetLevel(level))),
                            }
                            .view()
                    }) }
                </div>
                { lot_levels(ctx) }
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
                                lang: None,
                                on_toggle: Callback::from(move |_| state.dispatch(Action::ToggleStage(stage))),
                            }
                            .view()
                    }) }
                </div>
            </fieldset>
        </>
    }
}
