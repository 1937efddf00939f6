//! "Save answers as a file" and "Open saved answers", on every step: a JSON file the buyer keeps,
//! sends or opens again (the same file `criteria render --json` reads). Read in the browser only.

use crate::browser;
use crate::domain::i18n::fill;
use crate::domain::saved::{self, OpenProblem};
use crate::state::{Action, WizardState};
use gloo::file::callbacks::FileReader;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnswersFileProps {
    pub state: UseReducerHandle<WizardState>,
    pub instance: u32,
}

#[function_component(AnswersFile)]
pub fn answers_file(props: &AnswersFileProps) -> Html {
    let m = props.state.language.messages();
    let input = use_node_ref();
    // The file being read; dropped (and so aborted) when another is chosen or the widget goes.
    let reader = use_mut_ref(|| None::<FileReader>);
    let saved_as = use_state(|| None::<(u32, String)>);
    let save = {
        let (state, saved_as) = (props.state.clone(), saved_as.clone());
        Callback::from(move |_: MouseEvent| {
            let json = saved::write(&state.selection);
            let name = saved::file_name(&browser::today());
            if browser::download(&name, "application/json", json.as_bytes()).is_ok() {
                let seq = saved_as.as_ref().map_or(0, |(n, _)| n.wrapping_add(1));
                saved_as.set(Some((seq, name)));
            }
        })
    };
    let choose = super::open_file_input(&input);
    let onchange = {
        let (state, reader) = (props.state.clone(), reader.clone());
        Callback::from(move |e: Event| {
            let Some(file) = super::chosen_file(&e) else {
                return;
            };
            let name = file.name();
            if file.size() > saved::MAX_BYTES {
                state.dispatch(Action::OpenFailed {
                    file: name,
                    problem: OpenProblem::TooLarge { bytes: file.size() },
                });
                return;
            }
            let state = state.clone();
            let task = gloo::file::callbacks::read_as_text(&file, move |text| {
                state.dispatch(match text.map_err(|_| OpenProblem::NotJson) {
                    Ok(text) => match browser::open_answers(&text) {
                        Ok((selection, notices)) => Action::OpenAnswers {
                            file: name,
                            selection: Box::new(selection),
                            notices,
                        },
                        Err(problem) => Action::OpenFailed {
                            file: name,
                            problem,
                        },
                    },
                    Err(problem) => Action::OpenFailed {
                        file: name,
                        problem,
                    },
                })
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let hint_id = format!("ecb{}-answers-file-hint", props.instance);
    html! {
        <div class="ecb-answers-file">
            <p class="ecb-hint" id={hint_id.clone()}>{ m.answers_file_hint }</p>
            <div class="ecb-button-group">
                <button type="button" class="ecb-button ecb-button-secondary"
                        aria-describedby={hint_id.clone()} onclick={save}>{ m.save_answers }</button>
                <button type="button" class="ecb-button ecb-button-secondary"
                        aria-describedby={hint_id} onclick={choose}>{ m.open_answers }</button>
                // Chosen through the button above, which says what it is for.
                <input type="file" class="ecb-file-input" accept=".json,application/json" hidden=true
                       tabindex="-1" aria-hidden="true" ref={input} {onchange} />
            </div>
            <p class="ecb-status" role="status" aria-live="polite">
                if let Some((seq, file)) = (*saved_as).clone() {
                    <span key={seq}>{ fill(m.answers_saved, &[("file", &file)]) }</span>
                }
            </p>
        </div>
    }
}
