//! "Use your own template…" in the export: a Word or LibreOffice file of the buyer's authority
//! whose styles the office downloads take. Read in the browser only, by the office worker (which
//! also writes the office files); kept for this page, never stored or shared.

use crate::domain::i18n::fill;
use crate::domain::render::office::template::{self, Kind, TemplateProblem};
use crate::office_client;
use crate::state::{Action, WizardState};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TemplateFileProps {
    pub state: UseReducerHandle<WizardState>,
    pub instance: u32,
}

#[function_component(TemplateFile)]
pub fn template_file(props: &TemplateFileProps) -> Html {
    let m = props.state.language.messages();
    let input = use_node_ref();
    // The file being read, said while it is; a later choice wins over an earlier one still read.
    let reading = use_state(|| None::<(u32, String)>);
    let choose = super::open_file_input(&input);
    let onchange = {
        let (state, reading) = (props.state.clone(), reading.clone());
        Callback::from(move |e: Event| {
            let Some(file) = super::chosen_file(&e) else {
                return;
            };
            let name = file.name();
            let seq = reading.as_ref().map_or(0, |(n, _)| n.wrapping_add(1));
            reading.set(Some((seq, name.clone())));
            let (state, reading) = (state.clone(), reading.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let size = file.size() as usize;
                let result = if size > template::MAX_BYTES {
                    Err(Some(TemplateProblem::TooLarge {
                        bytes: size,
                        max: template::MAX_BYTES,
                    }))
                } else {
                    match gloo::file::futures::read_as_bytes(&file).await {
                        Ok(bytes) => office_client::check(&bytes).await.map(|kind| (kind, bytes)),
                        Err(_) => Err(Some(TemplateProblem::NotPackage)),
                    }
                };
                // A later choice wins over this one.
                if reading.as_ref().is_some_and(|(n, _)| *n != seq) {
                    return;
                }
                reading.set(None);
                state.dispatch(match result {
                    Ok((kind, bytes)) => Action::UseTemplate {
                        file: name,
                        kind,
                        bytes: Rc::new(bytes),
                    },
                    Err(problem) => Action::TemplateFailed {
                        file: name,
                        problem,
                    },
                });
            });
        })
    };
    let forget = {
        let state = props.state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ForgetTemplate))
    };
    let status = match (
        &*reading,
        &props.state.template,
        &props.state.template_problem,
    ) {
        (Some((_, file)), _, _) => Some(fill(m.template_reading, &[("file", file)])),
        (None, Some((file, kind, _)), _) => Some(fill(
            match kind {
                Kind::Word => m.template_used_word,
                Kind::OpenDocument => m.template_used_odt,
            },
            &[("file", file)],
        )),
        (None, None, Some((file, Some(problem)))) => Some(m.template_problem(file, problem)),
        (None, None, Some((file, None))) => Some(fill(m.prepare_failed, &[("file", file)])),
        (None, None, None) => None,
    };
    let hint_id = format!("ecb{}-template-hint", props.instance);
    html! {
        <div class="ecb-template-file">
            <p class="ecb-hint" id={hint_id.clone()}>{ m.template_hint }</p>
            <div class="ecb-button-group">
                <button type="button" class="ecb-button ecb-button-secondary"
                        aria-describedby={hint_id} onclick={choose}>{ m.template_choose }</button>
                if props.state.template.is_some() {
                    <button type="button" class="ecb-button ecb-button-secondary"
                            onclick={forget}>{ m.template_forget }</button>
                }
                // Chosen through the button above, which says what it is for.
                <input type="file" class="ecb-file-input" hidden=true tabindex="-1" aria-hidden="true"
                       accept=".docx,.dotx,.odt,.ott" ref={input} {onchange} />
            </div>
            <p class="ecb-status" role="status" aria-live="polite">
                if let Some(status) = status {
                    <span>{ status }</span>
                }
            </p>
        </div>
    }
}
