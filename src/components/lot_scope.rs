//! Step 1, after the categories: the scope questions a lot asks (is it a one-off purchase, does it
//! include take-back of used equipment, is refurbished equipment accepted or required). Criteria
//! that depend on the answer are offered only with it, so that no tender text starts "where this
//! lot includes …".

use super::checkbox::Choice;
use super::WizardContext;
use crate::domain::catalog::{Category, LotFeature};
use crate::state::Action;
use yew::prelude::*;

pub fn lot_scope(ctx: &WizardContext) -> Html {
    let m = ctx.messages();
    // A stricter answer (refurbished only) is a grade of its milder question, not one of its own.
    let questions = LotFeature::ALL
        .into_iter()
        .filter(|f| f.implies().is_none())
        .filter_map(|feature| {
            let lots = ctx.lots_asking(feature);
            if lots.is_empty() {
                return None;
            }
            let stricter: Vec<LotFeature> = LotFeature::ALL
                .into_iter()
                .filter(|s| s.implies() == Some(feature))
                .collect();
            let hint_id = ctx.id(&format!("{}-hint", feature.code()));
            let (hint_tail, answers) = if stricter.is_empty() {
                (m.select_all, checkboxes(ctx, feature, lots))
            } else {
                ("", graded(ctx, feature, &stricter, lots))
            };
            Some(html! {
                <fieldset class="ecb-fieldset" aria-describedby={hint_id.clone()}>
                    <legend class="ecb-legend ecb-legend-medium">{ m.scope_legend(feature) }</legend>
                    <p class="ecb-hint" id={hint_id}>
                        { m.scope_hint(feature) }
                        if !hint_tail.is_empty() { { " " }{ hint_tail } }
                    </p>
                    { answers }
                </fieldset>
            })
        });
    questions.collect()
}

/// A yes/no question: one checkbox per lot that asks it.
fn checkboxes(ctx: &WizardContext, feature: LotFeature, lots: Vec<&Category>) -> Html {
    html! {
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
                    lang: ctx.catalogue_lang(),
                    on_toggle: Callback::from(move |_| {
                        state.dispatch(Action::ToggleFeature(feature, id.clone()))
                    }),
                }
                .view()
            }) }
        </div>
    }
}

/// A question with graded answers (no, the milder yes, each stricter yes): one radio group per
/// lot, named by the lot.
fn graded(
    ctx: &WizardContext,
    question: LotFeature,
    stricter: &[LotFeature],
    lots: Vec<&Category>,
) -> Html {
    let m = ctx.messages();
    let selection = &ctx.state.selection;
    let answers: Vec<Option<LotFeature>> = std::iter::once(None)
        .chain(std::iter::once(Some(question)))
        .chain(stricter.iter().copied().map(Some))
        .collect();
    html! {
        { for lots.into_iter().map(|category| {
            // The strictest answer the lot holds.
            let held = answers
                .iter()
                .rev()
                .flatten()
                .copied()
                .find(|f| selection.lot_has(&category.id, *f));
            let group = ctx.id(&format!("{}-{}", question.code(), category.id));
            html! {
                <fieldset class="ecb-fieldset ecb-subfieldset">
                    <legend class="ecb-legend" lang={ctx.catalogue_lang()}>{ &category.name }</legend>
                    <div class="ecb-choices">
                        { for answers.iter().map(|answer| {
                            let state = ctx.state.clone();
                            let id = category.id.clone();
                            let answer = *answer;
                            let code = answer.map_or("no", LotFeature::code);
                            Choice {
                                id: format!("{group}-{code}"),
                                name: group.clone(),
                                label: m.scope_answer(question, answer).to_string(),
                                hint: None,
                                extra: Html::default(),
                                checked: held == answer,
                                radio: true,
                                lang: None,
                                on_toggle: Callback::from(move |_| {
                                    state.dispatch(Action::AnswerScope(question, id.clone(), answer))
                                }),
                            }
                            .view()
                        }) }
                    </div>
                </fieldset>
            }
        }) }
    }
}
