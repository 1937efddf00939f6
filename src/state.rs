//! The wizard's state and the actions that change it. Plain data and a pure reducer: every
//! decision is delegated to `domain`, so this is tested natively and components only dispatch.

use crate::domain::catalog::{AmbitionLevel, Catalog, LotFeature};
use crate::domain::changes;
use crate::domain::draft::{self, Restored, StorageProblem};
use crate::domain::embedded::{self, LoadProblem};
use crate::domain::fragment;
use crate::domain::i18n::Language;
use crate::domain::notice::Notice;
use crate::domain::overlay::{self, Checked};
use crate::domain::render::office::template::{Kind, TemplateProblem};
use crate::domain::render::Part;
use crate::domain::saved::OpenProblem;
use crate::domain::selection::{DetailField, FieldError, ProcedureStage, Selection, Step};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::Reducible;

/// Where keyboard focus should go after an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FocusTarget {
    /// The heading of the current step (after a step change).
    StepHeading,
    /// The error summary (after a failed "Continue").
    ErrorSummary,
    /// The list of dropped criteria (after a drop, whose button is gone).
    DroppedList,
    /// The "Drop" button of a criterion (after restoring it, or dropping the one before it).
    Criterion(String),
    /// The preview's heading (after restoring all).
    Preview,
    /// The draft message (after "Stop saving", whose button is gone).
    Draft,
    /// A contract detail's input (from "Still to complete").
    Detail(DetailField),
    /// The notes on the answers (after opening a file, or failing to).
    Notices,
}

/// Whether the complete catalogue (criteria, salience, labels) is there yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogStatus {
    Complete,
    Loading,
    /// Fetching or reading it failed; the widget says why and what to do.
    Failed(LoadProblem),
}

/// A short message about a side effect (copy, download), announced politely.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Copied,
    LinkCopied,
    CopyFailed,
    Downloaded(String),
    /// An office file is being written (said once it takes longer than a moment).
    Preparing(String),
    /// An office file could not be written: the worker or a file it needs did not load.
    PrepareFailed(String),
}

/// Whether the answers are kept as a draft in the browser's storage (only if the host asked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftStatus {
    /// The host did not ask for a draft.
    Off,
    /// Answers are saved in this browser as the buyer goes.
    Kept,
    /// Answers from an earlier visit were restored (until the next change is saved).
    Restored,
    /// The buyer asked to stop saving; the stored draft is removed.
    Forgotten,
    /// Storage could not be used; the answers stay in the page only.
    Problem(StorageProblem),
}

/// The authority's overlay as the office worker checked it, and its bytes (which go back to the
/// worker with every office download).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedOverlay {
    pub checked: Checked,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WizardState {
    /// The catalogue shown: the complete one of the document language once it is here.
    pub catalog: Rc<Catalog>,
    /// The complete catalogues loaded so far, one per language, so that switching back is instant.
    pub catalogues: Vec<Rc<Catalog>>,
    /// The catalogue the widget was mounted with (the reference catalogue's core, or a complete
    /// one), shown again for its language while a complete catalogue is on its way.
    pub mounted: Rc<Catalog>,
    /// Whether every language's complete catalogue is built in (native, `embedded-catalogue`),
    /// so none is fetched.
    pub embedded: bool,
    pub catalog_status: CatalogStatus,
    /// Bumped on every attempt to fetch the complete catalogue.
    pub catalog_attempt: u32,
    pub language: Language,
    /// Bumped when a translated language's messages arrive, so the widget re-renders in it.
    pub messages_seq: u32,
    /// The widget opened in a translated language whose messages are still on their way: it waits
    /// for them (a few milliseconds) rather than flash English. A later switch shows the current
    /// words meanwhile.
    pub awaiting_messages: bool,
    pub selection: Selection,
    pub step: Step,
    /// Problems shown after a failed "Continue", until fixed.
    pub errors: Vec<FieldError>,
    /// What could not be used from a link or host option.
    pub notices: Vec<Notice>,
    /// The answers a file opened over, offered back while its notice is shown (nothing the buyer
    /// had is lost to a file opened by mistake).
    pub replaced: Option<Box<Selection>>,
    /// Bumped whenever focus should move; 0 means never (the widget does not grab focus on load).
    pub focus_request: u32,
    pub focus: FocusTarget,
    pub status: Option<Status>,
    /// Bumped with every status, so that repeating an action announces it again.
    pub status_seq: u32,
    /// The part of the document the export buttons write.
    pub export_part: Part,
    /// The risk chosen in "Start from a risk" (a hint view; never part of the selection).
    pub risk_first: String,
    pub draft: DraftStatus,
    /// Whether "What this catalogue covers" is open.
    pub coverage_open: bool,
    /// The buyer's own template for the office downloads: its file name, kind and bytes (the
    /// office worker reads it for each download); kept in this page only, never stored or shared.
    pub template: Option<(String, Kind, Rc<Vec<u8>>)>,
    /// The last file that could not be used as template, and why (`None`: it could not be
    /// checked); the built-in styles are used.
    pub template_problem: Option<(String, Option<TemplateProblem>)>,
    /// The authority's overlay, applied to every complete catalogue, and what the host named it
    /// (its address, or "overlay" for an object); `None` once a problem was found in it.
    pub overlay: Option<Rc<CheckedOverlay>>,
    /// Why the overlay could not be used (each problem as the build would say it, in English).
    pub overlay_problems: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The complete catalogue arrived, or could not be had.
    CatalogLoaded(Result<Rc<Catalog>, LoadProblem>),
    RetryCatalog,
    ShowRiskFirst(String),
    ToggleCategory(String),
    ToggleRisk(String),
    SetLevel(AmbitionLevel),
    ToggleStage(ProcedureStage),
    /// Answer a lot's scope question (take-back, refurbished) for a category.
    ToggleFeature(LotFeature, String),
    /// Answer a scope question that has graded answers (refurbished: no, accepted, required) for
    /// a category: the question, the category, and the answer given (`None`: no).
    AnswerScope(LotFeature, String, Option<LotFeature>),
    SetDetail(DetailField, String),
    Continue,
    Back,
    GoTo(Step),
    /// Drop criteria (one, or a group: a risk, a stage, a lot), then move focus to the criterion
    /// named (the next one in the preview), or to the dropped list when none is.
    Drop {
        keys: Vec<String>,
        then_focus: Option<String>,
    },
    Restore(String),
    RestoreAll,
    /// Add a related criterion that was offered.
    Add(String),
    ToggleWorkingNotes,
    /// Give a lot its own level, or (`None`) the level for all lots.
    SetLotLevel(String, Option<AmbitionLevel>),
    /// Which part the export buttons write.
    SetExportPart(Part),
    /// Buy a category in another category's lot (`Some`), or in a lot of its own.
    JoinLot(String, Option<String>),
    /// Go to the details step, on the field named.
    EditDetail(DetailField),
    DismissNotices,
    /// A selection from outside (a link, the address bar): replaces the current one.
    LoadFragment(String),
    /// Answers opened from a file (its name), as `saved::open` read them.
    OpenAnswers {
        file: String,
        selection: Box<Selection>,
        notices: Vec<Notice>,
    },
    /// Back to the answers the last opened file replaced.
    UndoOpen,
    /// A file that could not be opened as saved answers: said, and nothing else changes.
    OpenFailed {
        file: String,
        problem: OpenProblem,
    },
    SetStatus(Option<Status>),
    /// The buyer's template was read: the office downloads use its styles.
    UseTemplate {
        file: String,
        kind: Kind,
        bytes: Rc<Vec<u8>>,
    },
    /// A file chosen as template could not be read (`None`: not checked, the worker did not
    /// load): said; the built-in styles stay.
    TemplateFailed {
        file: String,
        problem: Option<TemplateProblem>,
    },
    /// Back to the built-in styles.
    ForgetTemplate,
    /// The outcome of saving the draft after a change.
    DraftSaved(Result<(), StorageProblem>),
    /// The host's overlay arrived (or could not be read): what the host named it, and it.
    OverlayLoaded(String, Result<Box<CheckedOverlay>, Vec<String>>),
    /// Stop keeping a draft in this browser, and remove the stored one.
    ForgetDraft,
    ToggleCoverage,
    /// Show the widget in another language; every answer is kept.
    SetLanguage(Language),
    /// Write every export in a second language too (`None`: one language).
    SetSecondLanguage(Option<Language>),
    /// A translated language's messages arrived, or could not be had (it then stays in English).
    MessagesLoaded,
}

impl WizardState {
    /// A fresh wizard, optionally restoring a selection from a fragment. A restored selection that
    /// is complete opens on the review step. `complete` says whether `catalog` is the complete
    /// catalogue or only its core (the rest then has to be fetched).
    pub fn new(
        catalog: Rc<Catalog>,
        complete: bool,
        language: Language,
        fragment: Option<&str>,
    ) -> Self {
        let mut state = WizardState {
            catalogues: if complete {
                vec![catalog.clone()]
            } else {
                Vec::new()
            },
            embedded: complete,
            mounted: catalog.clone(),
            catalog,
            catalog_status: if complete {
                CatalogStatus::Complete
            } else {
                CatalogStatus::Loading
            },
            catalog_attempt: 0,
            language,
            messages_seq: 0,
            awaiting_messages: language.loaded().is_none(),
            selection: Selection::default(),
            step: Step::Products,
            errors: Vec::new(),
            notices: Vec::new(),
            replaced: None,
            focus_request: 0,
            focus: FocusTarget::StepHeading,
            status: None,
            status_seq: 0,
            export_part: Part::Tender,
            risk_first: String::new(),
            draft: DraftStatus::Off,
            coverage_open: false,
            template: None,
            template_problem: None,
            overlay: None,
            overlay_problems: Vec::new(),
        };
        state.selection.catalog_version = state.catalog.meta.version.clone();
        if let Some(fragment) = fragment.filter(|f| !f.trim_start_matches('#').is_empty()) {
            state.load(fragment);
        }
        // In the language the answers or the host chose.
        state.awaiting_messages = state.language.loaded().is_none();
        state.follow_language();
        // The first render fetches whatever is missing; attempts count from there.
        state.catalog_attempt = 0;
        state
    }

    /// The language of the catalogue shown, and so of the document: the widget's document
    /// language once its catalogue is here.
    pub fn document_language(&self) -> Language {
        Language::from_code(&self.catalog.meta.language).unwrap_or_default()
    }

    /// The second language the documents are written in, if the buyer chose one other than the
    /// first.
    pub fn second_language(&self) -> Option<Language> {
        Language::from_code(&self.selection.second_language)
            .map(Language::document_language)
            .filter(|l| *l != self.language.document_language())
    }

    /// The complete catalogue of a language, if it is here.
    pub fn catalogue(&self, language: Language) -> Option<Rc<Catalog>> {
        self.catalogues
            .iter()
            .find(|c| c.meta.language == language.code())
            .cloned()
    }

    /// Until the complete catalogue of the document language arrives, shows its categories and
    /// risks from the language's messages file, if the catalogue shown is in another language.
    fn show_core(&mut self) {
        let wanted = self.language.document_language();
        if self.catalog.meta.language == wanted.code() || self.catalogue(wanted).is_some() {
            return;
        }
        if let Some(core) = wanted.core_catalogue() {
            self.catalog = Rc::new(core);
        } else if self.mounted.meta.language == wanted.code() {
            self.catalog = self.mounted.clone();
        }
    }

    /// The first catalogue the documents need that is not here yet: the document language's, then
    /// the second language's.
    pub fn missing_catalogue(&self) -> Option<Language> {
        [
            Some(self.language.document_language()),
            self.second_language(),
        ]
        .into_iter()
        .flatten()
        .find(|l| self.catalogue(*l).is_none())
    }

    /// Shows the catalogue of the widget's document language: at once where it is here (loaded
    /// before, or embedded), otherwise the current one stays until the fetch (`catalog_attempt`)
    /// brings it; the same for the documents' second language. The answers are the same in every
    /// language.
    fn follow_language(&mut self) {
        while let Some(missing) = self.missing_catalogue().filter(|_| self.embedded) {
            match embedded::catalog(missing) {
                Ok(c) => {
                    let c = self.overlaid(Rc::new(c));
                    self.catalogues.push(c)
                }
                Err(_) => break,
            }
        }
        if let Some(catalog) = self.catalogue(self.language.document_language()) {
            if !Rc::ptr_eq(&catalog, &self.catalog) {
                let notices = self.selection.retain_known(&catalog);
                self.notices.extend(notices);
                self.catalog = catalog;
            }
        }
        if self.missing_catalogue().is_none() {
            self.catalog_status = CatalogStatus::Complete;
            self.catch_up_with_catalogue();
        } else {
            self.catalog_status = CatalogStatus::Loading;
            self.catalog_attempt = self.catalog_attempt.wrapping_add(1);
            self.show_core();
        }
    }

    fn load(&mut self, fragment: &str) {
        let (selection, notices) = fragment::decode(fragment);
        self.adopt(selection, notices);
    }

    fn adopt(&mut self, mut selection: Selection, mut notices: Vec<Notice>) {
        notices.extend(selection.retain_known(&self.catalog));
        // A link or draft made in another language opens in it.
        if let Some(language) = Language::from_code(&selection.language) {
            self.language = language;
        }
        self.step = selection.first_incomplete_step();
        self.selection = selection;
        self.notices = notices;
        self.errors.clear();
        self.catch_up_with_catalogue();
        self.follow_language();
    }

    /// A complete catalogue with the overlay merged in (a core one, or one that has it already, is
    /// returned as it is). The overlay was checked in the office worker with the build's rules.
    fn overlaid(&self, catalog: Rc<Catalog>) -> Rc<Catalog> {
        match &self.overlay {
            Some(given) if !catalog.criteria.is_empty() && catalog.meta.overlay.is_none() => {
                let checked = &given.checked;
                Rc::new(overlay::merge(
                    &catalog,
                    &checked.overlay,
                    checked.stamp.clone(),
                ))
            }
            _ => catalog,
        }
    }

    /// Takes the host's checked overlay: merges it into the catalogues here (the others get it
    /// as they arrive) and, where the buyer has not answered anything yet, starts from its answers.
    fn take_overlay(&mut self, given: CheckedOverlay) {
        let given = Rc::new(given);
        self.overlay_problems.clear();
        self.overlay = Some(given.clone());
        let catalogues = std::mem::take(&mut self.catalogues);
        self.catalogues = catalogues.into_iter().map(|c| self.overlaid(c)).collect();
        self.catalog = self.overlaid(self.catalog.clone());
        let defaults = given.checked.overlay.defaults.selection.as_str();
        let untouched = self.selection.categories.is_empty()
            && self.selection.risks.is_empty()
            && self.selection.level.is_none()
            && self.selection.stages.is_empty();
        if untouched && !defaults.trim().is_empty() {
            let language = self.selection.language.clone();
            let (mut selection, notices) = fragment::decode(defaults);
            selection.language = language;
            selection.catalog_version = self.catalog.meta.version.clone();
            self.adopt(selection, notices);
        }
    }

    /// Once the complete catalogue is here, says what changed since the answers were saved (for
    /// the criteria of this selection), and records the answers as made with this version.
    fn catch_up_with_catalogue(&mut self) {
        let current = &self.catalog.meta.version;
        if self.catalog.criteria.is_empty() || &self.selection.catalog_version == current {
            return;
        }
        let notices = changes::since(&self.catalog, &self.selection);
        self.notices.extend(notices);
        self.selection.catalog_version = current.clone();
    }

    /// Turns the draft on, restoring what the browser's storage held (`Ok(None)`: nothing). A
    /// selection that came from a link or the host is not replaced by the stored draft.
    pub fn with_draft(mut self, stored: Result<Option<String>, StorageProblem>) -> Self {
        let has_selection = !self.selection.is_empty() || !self.notices.is_empty();
        self.draft = DraftStatus::Kept;
        match stored {
            Err(problem) => self.draft = DraftStatus::Problem(problem),
            Ok(None) => {}
            Ok(Some(_)) if has_selection => {}
            Ok(Some(text)) => match draft::decode(&text) {
                Restored::Whole(selection) => {
                    self.adopt(selection, Vec::new());
                    self.draft = DraftStatus::Restored;
                }
                Restored::Partly(selection) => {
                    self.adopt(selection, vec![Notice::DraftDamaged]);
                    self.draft = DraftStatus::Restored;
                }
                Restored::Unreadable => self.notices.push(Notice::DraftUnreadable),
            },
        }
        // A draft made in another language opens in it.
        self.awaiting_messages = self.language.loaded().is_none();
        self
    }

    /// The selection as a fragment, for the address bar and shared links.
    pub fn fragment(&self) -> String {
        fragment::encode(&self.selection)
    }

    fn request_focus(&mut self, target: FocusTarget) {
        self.focus = target;
        self.focus_request = self.focus_request.wrapping_add(1).max(1);
    }

    /// After an edit, keep showing only the errors that are still there.
    fn refresh_errors(&mut self) {
        if self.errors.is_empty() {
            return;
        }
        let shown: Vec<_> = self.errors.iter().map(|e| e.field).collect();
        self.errors = self
            .selection
            .problems(self.step)
            .into_iter()
            .filter(|e| shown.contains(&e.field))
            .collect();
    }
}

fn toggle(set: &mut BTreeSet<String>, value: String) {
    if !set.remove(&value) {
        set.insert(value);
    }
}

impl Reducible for WizardState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::ToggleCategory(id) if next.catalog.category(&id).is_some() => {
                toggle(&mut next.selection.categories, id);
                next.selection.normalize_lots();
            }
            Action::ToggleRisk(id) if next.catalog.risk(&id).is_some() => {
                toggle(&mut next.selection.risks, id)
            }
            Action::SetLevel(level) => next.selection.level = Some(level),
            Action::ToggleStage(stage) => {
                if !next.selection.stages.remove(&stage) {
                    next.selection.stages.insert(stage);
                }
            }
            Action::SetDetail(field, value) => *next.selection.details.get_mut(field) = value,
            Action::ToggleFeature(feature, id)
                if next.catalog.category(&id).is_some_and(|c| c.asks(feature)) =>
            {
                let on = !next.selection.lot_has(&id, feature);
                next.selection.set_feature(&id, feature, on);
            }
            Action::AnswerScope(question, id, answer)
                if next.catalog.category(&id).is_some_and(|c| c.asks(question))
                    && answer.is_none_or(|a| a.asked_as() == question) =>
            {
                next.selection.set_feature(&id, question, false);
                if let Some(answer) = answer {
                    next.selection.set_feature(&id, answer, true);
                }
            }
            Action::Continue => {
                let problems = next.selection.problems(next.step);
                if problems.is_empty() {
                    if let Some(step) = next.step.next() {
                        next.step = step;
                        next.errors.clear();
                        next.request_focus(FocusTarget::StepHeading);
                    }
                } else {
                    next.errors = problems;
                    next.request_focus(FocusTarget::ErrorSummary);
                }
            }
            Action::Back => match next.step.previous() {
                Some(step) => {
                    next.step = step;
                    next.errors.clear();
                    next.request_focus(FocusTarget::StepHeading);
                }
                None => return self,
            },
            // Only steps already answered can be revisited; later ones open in order.
            Action::GoTo(step)
                if step <= next.selection.first_incomplete_step() || step < next.step =>
            {
                next.step = step;
                next.errors.clear();
                next.request_focus(FocusTarget::StepHeading);
            }
            Action::Drop { keys, then_focus } => {
                let mut changed = false;
                for key in keys {
                    changed |= next.selection.dropped.insert(key);
                }
                if changed {
                    next.request_focus(match then_focus {
                        Some(key) => FocusTarget::Criterion(key),
                        None => FocusTarget::DroppedList,
                    });
                }
            }
            Action::RestoreAll if !next.selection.dropped.is_empty() => {
                next.selection.dropped.clear();
                next.request_focus(FocusTarget::Preview);
            }
            Action::Add(key) => {
                next.selection.dropped.remove(&key);
                if next.selection.added.insert(key.clone()) {
                    next.request_focus(FocusTarget::Criterion(key));
                }
            }
            Action::ToggleWorkingNotes => {
                next.selection.working_notes = !next.selection.working_notes
            }
            Action::SetLotLevel(category, level)
                if next.selection.categories.contains(&category) =>
            {
                match level {
                    Some(level) if Some(level) != next.selection.level => {
                        next.selection.lot_levels.insert(&category, level.code());
                    }
                    _ => {
                        next.selection.lot_levels.remove(&category);
                    }
                }
            }
            Action::SetExportPart(part) => next.export_part = part,
            Action::JoinLot(member, host) if next.selection.categories.contains(&member) => {
                match host {
                    Some(host)
                        if host != member
                            && next.selection.categories.contains(&host)
                            && !next.selection.joined.contains_key(&host)
                            && !next.selection.joined.values().any(|h| h == member) =>
                    {
                        next.selection.joined.insert(&member, &host);
                    }
                    None => {
                        next.selection.joined.remove(&member);
                    }
                    _ => return self,
                }
                next.selection.normalize_lots();
            }
            Action::EditDetail(field) => {
                next.step = Step::Details;
                next.errors.clear();
                next.request_focus(FocusTarget::Detail(field));
            }
            Action::Restore(key) => {
                if next.selection.dropped.remove(&key) {
                    next.request_focus(FocusTarget::Criterion(key));
                }
            }
            Action::DismissNotices => {
                next.notices.clear();
                next.replaced = None;
            }
            Action::UndoOpen => {
                if let Some(previous) = next.replaced.take() {
                    next.adopt(*previous, Vec::new());
                    next.request_focus(FocusTarget::StepHeading);
                }
            }
            Action::LoadFragment(fragment) => {
                if fragment.trim_start_matches('#') == self.fragment() {
                    return self;
                }
                next.load(&fragment);
                next.replaced = None;
                next.request_focus(FocusTarget::StepHeading);
            }
            Action::OpenAnswers {
                file,
                selection,
                notices,
            } => {
                next.replaced =
                    (!self.selection.is_empty()).then(|| Box::new(self.selection.clone()));
                next.adopt(*selection, notices);
                next.notices.insert(0, Notice::FileOpened(file));
                next.request_focus(FocusTarget::Notices);
            }
            Action::OpenFailed { file, problem } => {
                // The latest file's problem replaces an earlier one; a file opened before stays
                // said, with the way back to the answers it replaced.
                next.notices
                    .retain(|n| !matches!(n, Notice::FileUnusable { .. }));
                next.notices.push(Notice::FileUnusable { file, problem });
                next.request_focus(FocusTarget::Notices);
            }
            Action::SetStatus(status) => {
                next.status_seq = next.status_seq.wrapping_add(1);
                next.status = status;
            }
            Action::CatalogLoaded(Ok(catalog)) => {
                let catalog = next.overlaid(catalog);
                next.catalogues
                    .retain(|c| c.meta.language != catalog.meta.language);
                next.catalogues.push(catalog);
                // Shown if it is the one the documents need; otherwise kept for later. The next
                // missing one, if any, is fetched.
                next.follow_language();
            }
            Action::CatalogLoaded(Err(message)) => {
                next.catalog_status = CatalogStatus::Failed(message)
            }
            Action::RetryCatalog if matches!(next.catalog_status, CatalogStatus::Failed(_)) => {
                next.catalog_status = CatalogStatus::Loading;
                next.catalog_attempt += 1;
            }
            Action::ShowRiskFirst(risk) => next.risk_first = risk,
            Action::OverlayLoaded(_, Ok(overlay)) => next.take_overlay(*overlay),
            Action::OverlayLoaded(_, Err(problems)) => next.overlay_problems = problems,
            Action::DraftSaved(result) if next.draft != DraftStatus::Forgotten => {
                next.draft = match result {
                    Ok(()) => DraftStatus::Kept,
                    Err(problem) => DraftStatus::Problem(problem),
                }
            }
            Action::ToggleCoverage => next.coverage_open = !next.coverage_open,
            Action::UseTemplate { file, kind, bytes } => {
                next.template = Some((file, kind, bytes));
                next.template_problem = None;
            }
            Action::TemplateFailed { file, problem } => {
                next.template = None;
                next.template_problem = Some((file, problem));
            }
            Action::ForgetTemplate => {
                next.template = None;
                next.template_problem = None;
            }
            Action::SetSecondLanguage(language) => {
                next.selection.second_language =
                    language.map(|l| l.code().to_string()).unwrap_or_default();
                next.follow_language();
            }
            Action::SetLanguage(language) => {
                next.language = language;
                next.selection.language = language.code().to_string();
                next.follow_language();
            }
            Action::MessagesLoaded => {
                next.messages_seq = next.messages_seq.wrapping_add(1);
                next.awaiting_messages = false;
                next.show_core();
            }
            Action::ForgetDraft if next.draft != DraftStatus::Off => {
                next.draft = DraftStatus::Forgotten;
                next.request_focus(FocusTarget::Draft);
            }
            _ => return self,
        }
        if next.selection != self.selection {
            next.status = None;
            next.refresh_errors();
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
