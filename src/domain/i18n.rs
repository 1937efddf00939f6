//! The one place every string shown to a buyer comes from: widget and document alike.
//!
//! Each language is one `Messages` value; a missing string is a compile error, not a blank in a
//! tender. The language is chosen per widget instance, so two widgets on one page may differ.
//! Strings with `{name}` parts are completed with [`fill`].

mod en;

use super::catalog::{
    AmbitionLevel, ChangeKind, CriterionKind, LabelKind, LotFeature, SalienceLevel,
    SupplyChainStage,
};
use super::message_data::MessageData;
use super::proportion::{Hint, ThresholdPosition};
use super::selection::{DetailField, ProcedureStage, Step};
use super::template::Placeholder;
use std::borrow::Cow;
use std::sync::OnceLock;

/// A language the widget speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    #[default]
    En,
    De,
    Fr,
}

include!(concat!(env!("OUT_DIR"), "/messages_from.rs"));

/// The translated languages' messages once read (from the embedded bytes natively, from a fetched
/// file in the browser): built once per language and kept for the page's life.
static LOADED: [OnceLock<&'static Messages>; 2] = [OnceLock::new(), OnceLock::new()];
/// Their translation status, in their own words, as their messages file states it.
static STATUS: [OnceLock<&'static str>; 2] = [OnceLock::new(), OnceLock::new()];

impl Language {
    pub const ALL: [Language; 3] = [Language::En, Language::De, Language::Fr];

    /// The BCP 47 code, as used in `lang` attributes and host options.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::De => "de",
            Language::Fr => "fr",
        }
    }

    /// The language's own name, as the language switch shows it.
    pub fn name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::De => "Deutsch",
            Language::Fr => "Fran\u{e7}ais",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Its messages; English until a translated language's messages are loaded.
    pub fn messages(self) -> &'static Messages {
        self.loaded().unwrap_or(&en::EN)
    }

    /// Its messages if they are at hand: English always, a translated language once loaded (or
    /// embedded, as in native builds).
    pub fn loaded(self) -> Option<&'static Messages> {
        let Some(index) = self.translated() else {
            return Some(&en::EN);
        };
        if let Some(m) = LOADED[index].get() {
            return Some(m);
        }
        let bytes = super::embedded::MESSAGES
            .iter()
            .find(|(code, _)| *code == self.code())
            .map(|(_, bytes)| *bytes)?;
        self.install(bytes).ok()
    }

    /// Reads a translated language's messages file (`messages-<code>.bin`) and keeps them.
    pub fn install(self, bytes: &[u8]) -> Result<&'static Messages, MessagesError> {
        let Some(index) = self.translated() else {
            return Ok(&en::EN);
        };
        let slot = &LOADED[index];
        if let Some(m) = slot.get() {
            return Ok(m);
        }
        let data: MessageData =
            postcard::from_bytes(bytes).map_err(|e| MessagesError::Damaged(e.to_string()))?;
        if data.language != self.code()
            || data.values.len() != MESSAGE_COUNT
            || data.month_names.len() != 12
        {
            return Err(MessagesError::Mismatch);
        }
        // Built once per language for the page's life: leaking gives the `'static` strings every
        // view borrows.
        let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
        let values: Vec<&'static str> = data.values.into_iter().map(leak).collect();
        let values: [&'static str; MESSAGE_COUNT] =
            values.try_into().map_err(|_| MessagesError::Mismatch)?;
        let mut months = [""; 12];
        for (slot, name) in months.iter_mut().zip(data.month_names) {
            *slot = leak(name);
        }
        let status = leak(data.status);
        let messages: &'static Messages = Box::leak(Box::new(from_values(values, months)));
        STATUS[index].get_or_init(|| status);
        Ok(slot.get_or_init(|| messages))
    }

    /// What a translated language's messages are and who checked them, once loaded.
    pub fn status(self) -> Option<&'static str> {
        STATUS[self.translated()?].get().copied()
    }

    /// Where a translated language keeps its loaded messages and status (`None` for English,
    /// which is compiled in).
    fn translated(self) -> Option<usize> {
        match self {
            Language::En => None,
            Language::De => Some(0),
            Language::Fr => Some(1),
        }
    }

    /// The file a translated language's messages are published in, next to the widget.
    pub fn messages_file(self) -> String {
        format!("messages-{}.bin", self.code())
    }

    /// The language the catalogue, and so the document, is written in: this one where its
    /// catalogue exists, otherwise English (the widget says so next to the language switch).
    pub fn document_language(self) -> Language {
        if super::embedded::bytes(self).is_some() {
            self
        } else {
            Language::En
        }
    }
}

/// Why a translated language's messages could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MessagesError {
    #[error("the messages file is damaged ({0})")]
    Damaged(String),
    #[error("the messages file belongs to another version of the widget")]
    Mismatch,
}

/// Replaces each `{name}` in `template` with its value.
///
/// A count takes the language's plural form with `{name|1:form|forms}`: the first form where the
/// value is one of the listed whole numbers (the language's CLDR "one" category: `1` in English and
/// German, `0,1` in French), the second otherwise; `#` in a form stands for the value. Values are inserted as they are, never read as
/// templates themselves; a `{name}` without a value stays as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let inner = &after[..end];
        let (name, forms) = match inner.split_once('|') {
            Some((name, forms)) => (name, Some(forms)),
            None => (inner, None),
        };
        match (values.iter().find(|(k, _)| *k == name), forms) {
            (Some((_, value)), None) => out.push_str(value),
            (Some((_, value)), Some(forms)) => out.push_str(&plural_form(value, forms)),
            (None, _) => {
                out.push('{');
                out.push_str(inner);
                out.push('}');
            }
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The form of `1:form|forms` (or `0,1:form|forms`) for a value.
fn plural_form<'a>(value: &str, forms: &'a str) -> Cow<'a, str> {
    let Some((one, other)) = forms.split_once('|') else {
        return Cow::Borrowed(forms);
    };
    let (set, one_form) = one.split_once(':').unwrap_or(("1", one));
    let n = value.trim().parse::<u64>().ok();
    let is_one = n.is_some_and(|n| set.split(',').any(|k| k.trim().parse::<u64>() == Ok(n)));
    let form = if is_one { one_form } else { other };
    // `#` stands for the value itself ("{d|0,1:1er|#}": "1er", "15").
    if form.contains('#') {
        Cow::Owned(form.replace('#', value))
    } else {
        Cow::Borrowed(form)
    }
}

/// Every string of one language.
#[derive(Debug)]
pub struct Messages {
    // Frame
    pub widget_title: &'static str,
    pub widget_intro: &'static str,
    pub language_label: &'static str,
    pub load_unreachable: &'static str,
    pub load_status: &'static str,
    pub load_unreadable: &'static str,
    pub load_mismatch: &'static str,
    pub load_damaged: &'static str,
    pub catalogue_not_translated: &'static str,
    pub step_of: &'static str,
    pub continue_: &'static str,
    pub back: &'static str,
    pub error_summary_title: &'static str,
    pub error_prefix: &'static str,
    pub notices_title: &'static str,
    pub dismiss: &'static str,
    /// `{n}`: how many criteria of the selection changed since the answers were saved.
    pub changed_criteria: &'static str,
    pub select_all: &'static str,
    pub select_one: &'static str,
    pub catalogue_loading: &'static str,
    pub catalogue_failed: &'static str,
    pub retry: &'static str,
    pub crashed: &'static str,

    // Step 1
    pub step_products: &'static str,
    pub step_products_hint: &'static str,
    pub risk_first_title: &'static str,
    pub risk_first_hint: &'static str,
    pub risk_first_label: &'static str,
    pub risk_first_none: &'static str,
    pub risk_first_result: &'static str,
    pub risk_first_nothing: &'static str,

    // Step 2
    pub step_risks: &'static str,
    pub step_risks_hint: &'static str,
    pub suggested: &'static str,
    pub matrix_title: &'static str,
    pub matrix_caption: &'static str,
    pub matrix_stages: &'static str,
    pub matrix_risk: &'static str,
    pub not_listed: &'static str,
    pub salience_sources: &'static str,

    // Step 3
    pub step_ambition: &'static str,
    pub level_legend: &'static str,
    pub level_hint: &'static str,
    pub level_basic_hint: &'static str,
    pub level_advanced_hint: &'static str,
    pub level_spearhead_hint: &'static str,
    pub stages_legend: &'static str,

    // Step 4
    pub step_details: &'static str,
    pub step_details_hint: &'static str,
    pub field_authority: &'static str,
    pub field_authority_hint: &'static str,
    pub field_months: &'static str,
    pub field_months_hint: &'static str,
    pub field_value: &'static str,
    pub field_value_hint: &'static str,
    pub field_points: &'static str,
    pub field_points_hint: &'static str,
    pub field_disclosure: &'static str,
    pub field_disclosure_hint: &'static str,
    pub field_remediation: &'static str,
    pub field_remediation_hint: &'static str,

    // Step 5
    pub step_review: &'static str,
    pub answers_title: &'static str,
    pub change: &'static str,
    pub answer_products: &'static str,
    pub answer_risks: &'static str,
    pub answer_level: &'static str,
    pub answer_stages: &'static str,
    pub answer_details: &'static str,
    pub not_given: &'static str,
    pub preview_title: &'static str,
    pub preview_hint: &'static str,
    pub drop: &'static str,
    pub restore: &'static str,
    pub dropped_title: &'static str,
    pub export_title: &'static str,
    pub copy_rich: &'static str,
    pub copy_plain: &'static str,
    pub download_markdown: &'static str,
    pub download_text: &'static str,
    pub download_html: &'static str,
    pub copy_link: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub link_copied: &'static str,
    pub downloaded: &'static str,

    // Errors
    pub error_no_category: &'static str,
    pub error_no_risk: &'static str,
    pub error_no_level: &'static str,
    pub error_no_tender_stage: &'static str,
    pub error_required: &'static str,
    pub error_not_whole: &'static str,
    pub error_out_of_range: &'static str,
    pub error_too_long: &'static str,

    // Notices about outside input
    pub notice_link_too_long: &'static str,
    pub notice_no_version: &'static str,
    pub notice_newer_version: &'static str,
    pub notice_unknown_category: &'static str,
    pub notice_unknown_risk: &'static str,
    pub notice_unknown_level: &'static str,
    pub notice_unknown_stage: &'static str,
    pub notice_unknown_criterion: &'static str,
    pub notice_unknown_part: &'static str,
    pub notice_undecodable: &'static str,
    pub notice_value_cut: &'static str,
    pub coverage_open: &'static str,
    pub coverage_title: &'static str,
    pub coverage_version: &'static str,
    pub coverage_totals: &'static str,
    pub coverage_reviewed: &'static str,
    pub coverage_per_level: &'static str,
    pub coverage_matrix_title: &'static str,
    pub coverage_matrix_caption: &'static str,
    pub coverage_category: &'static str,
    pub coverage_criteria_count: &'static str,
    pub coverage_complete: &'static str,
    pub coverage_gaps: &'static str,
    pub coverage_labels_title: &'static str,
    pub coverage_labels_caption: &'static str,
    pub coverage_covers: &'static str,
    pub coverage_does_not_cover: &'static str,
    pub coverage_categories: &'static str,
    pub coverage_all_categories: &'static str,
    pub coverage_changes_title: &'static str,
    pub label_kind_label: &'static str,
    pub label_kind_audit: &'static str,
    pub label_kind_programme: &'static str,
    pub label_kind_standard: &'static str,
    pub label_kind_monitoring: &'static str,
    pub label_kind_legal: &'static str,
    pub notice_draft_damaged: &'static str,
    pub notice_draft_unreadable: &'static str,
    /// Answers are kept in this browser's storage as the buyer goes.
    pub draft_kept: &'static str,
    pub draft_restored: &'static str,
    pub draft_forgotten: &'static str,
    pub draft_blocked: &'static str,
    pub draft_full: &'static str,
    pub draft_failed: &'static str,
    pub draft_forget: &'static str,

    // Document
    pub doc_title: &'static str,
    pub doc_authority: &'static str,
    pub doc_level: &'static str,
    pub doc_intro: &'static str,
    pub part_tender: &'static str,
    pub lot_heading: &'static str,
    pub lot_risks: &'static str,
    pub lot_groups_title: &'static str,
    pub lot_groups_hint: &'static str,
    pub lot_of: &'static str,
    pub lot_own: &'static str,
    pub lot_is_host: &'static str,
    pub lot_with: &'static str,
    pub field_start: &'static str,
    pub field_start_hint: &'static str,
    pub error_not_a_date: &'static str,
    pub duty_before: &'static str,
    pub duty_same_day: &'static str,
    pub applies_each: &'static str,
    pub applies_each_selection: &'static str,
    pub scope_gap_take_back: &'static str,
    pub scope_gap_refurbished: &'static str,
    pub scope_gap_one_off: &'static str,
    pub scope_answer_no: &'static str,
    pub scope_answer_yes: &'static str,
    pub scope_answer_refurbished: &'static str,
    pub scope_answer_refurbished_only: &'static str,
    pub scope_left_out: &'static str,
    pub scope_left_out_refurbished_only: &'static str,
    pub scope_gap_refurbished_only: &'static str,
    pub duty_during: &'static str,
    pub duty_after: &'static str,
    pub duty_open_end: &'static str,
    pub duty_no_start: &'static str,
    pub page_title: &'static str,
    pub risks_manage_title: &'static str,
    pub risks_manage_hint: &'static str,
    pub risk_first_count: &'static str,
    pub toc_title: &'static str,
    pub summary_title: &'static str,
    pub summary_lot: &'static str,
    pub summary_level: &'static str,
    pub summary_points: &'static str,
    pub summary_criteria: &'static str,
    pub summary_none: &'static str,
    pub summary_effort: &'static str,
    pub summary_bidder_pages: &'static str,
    pub summary_bidder_none: &'static str,
    pub summary_award: &'static str,
    pub summary_go_export: &'static str,
    pub still_to_complete: &'static str,
    pub still_to_complete_hint: &'static str,
    pub level_preview: &'static str,
    pub lot_levels_title: &'static str,
    pub lot_levels_hint: &'static str,
    pub lot_level_same: &'static str,
    /// A lot's name as quoted in tender text.
    pub lot_quoted: &'static str,
    pub lot_phrase_one: &'static str,
    pub lot_phrase_many: &'static str,
    pub lots_one: &'static str,
    pub lots_many: &'static str,
    pub label_for_lots: &'static str,
    pub applies_to: &'static str,
    pub applies_all: &'static str,
    pub lots_title: &'static str,
    pub doc_intro_notes: &'static str,
    pub doc_part: &'static str,
    pub part_name_tender: &'static str,
    pub part_name_plan: &'static str,
    pub part_name_stage: &'static str,
    pub part_name_guidance: &'static str,
    pub guidance_risks: &'static str,
    pub guidance_addresses: &'static str,
    pub why_risks: &'static str,
    pub why_added: &'static str,
    pub why_risk_hotspot: &'static str,
    pub why_scope: &'static str,
    pub offered_title: &'static str,
    pub offered_hint: &'static str,
    pub offered_row: &'static str,
    pub add: &'static str,
    pub restore_all_n: &'static str,
    pub drop_group_title: &'static str,
    pub drop_group_hint: &'static str,
    pub drop_risk: &'static str,
    pub drop_stage: &'static str,
    pub drop_lot: &'static str,
    pub working_notes_label: &'static str,
    pub working_notes_hint: &'static str,
    pub export_part_legend: &'static str,
    pub part_whole: &'static str,
    pub part_plan_only: &'static str,
    pub part_guidance_only: &'static str,
    pub part_stage_only: &'static str,
    pub part_tender_only: &'static str,
    pub lot_empty: &'static str,
    pub verification: &'static str,
    pub accepted_proof: &'static str,
    pub accepted_partial_proof: &'static str,
    pub or_equivalent: &'static str,
    pub equivalent_proof: &'static str,
    pub legal_basis: &'static str,
    pub catalogue_ref: &'static str,
    pub points: &'static str,
    pub points_value: &'static str,
    pub scoring: &'static str,
    pub award_unallocated: &'static str,
    pub labels_as_under: &'static str,
    pub part_plan: &'static str,
    pub plan_intro: &'static str,
    pub plan_kpi: &'static str,
    pub plan_cadence: &'static str,
    pub plan_follow_up: &'static str,
    pub plan_remediation: &'static str,
    pub part_guidance: &'static str,
    pub guidance_intro: &'static str,
    pub part_references: &'static str,
    pub references_legal: &'static str,
    pub references_labels: &'static str,
    pub label_covers: &'static str,
    pub label_not_covers: &'static str,
    pub references_sources: &'static str,
    pub footer: &'static str,
    pub months: &'static str,
    pub list_and: &'static str,

    // Names of fixed choices
    pub level_basic: &'static str,
    pub level_advanced: &'static str,
    pub level_spearhead: &'static str,
    pub stage_selection: &'static str,
    pub stage_specifications: &'static str,
    pub stage_award: &'static str,
    pub stage_contract: &'static str,
    pub stage_management: &'static str,
    pub kind_exclusion: &'static str,
    pub kind_selection: &'static str,
    pub kind_specification: &'static str,
    pub kind_award: &'static str,
    pub kind_clause: &'static str,
    pub chain_raw_materials: &'static str,
    pub chain_components: &'static str,
    pub chain_manufacturing: &'static str,
    pub chain_use: &'static str,
    pub chain_end_of_life: &'static str,
    pub salience_high: &'static str,
    pub salience_medium: &'static str,
    pub salience_low: &'static str,
    pub marker_authority: &'static str,
    pub marker_lot: &'static str,
    pub marker_label_table: &'static str,
    pub field_label_annex: &'static str,
    pub field_label_annex_hint: &'static str,
    pub field_withhold_share: &'static str,
    pub field_withhold_share_hint: &'static str,
    pub marker_withhold_share: &'static str,
    pub marker_contract_duration: &'static str,
    pub marker_estimated_value: &'static str,
    pub marker_points: &'static str,
    pub marker_disclosure_days: &'static str,
    pub marker_remediation_days: &'static str,
    pub marker_response_days: &'static str,
    pub marker_notice_days: &'static str,
    pub marker_documents_days: &'static str,
    pub marker_reminder_days: &'static str,
    pub marker_report_days: &'static str,
    pub marker_annual_report_days: &'static str,

    // Lot scope (step 1)
    pub scope_take_back_legend: &'static str,
    pub scope_take_back_hint: &'static str,
    pub scope_refurbished_legend: &'static str,
    pub scope_refurbished_hint: &'static str,
    pub scope_one_off_legend: &'static str,
    pub scope_one_off_hint: &'static str,
    pub scope_refurbished_only_legend: &'static str,
    pub scope_refurbished_only_hint: &'static str,
    pub answer_take_back: &'static str,
    pub answer_refurbished: &'static str,
    pub answer_one_off: &'static str,
    pub answer_refurbished_only: &'static str,
    pub no_lot: &'static str,
    pub feature_take_back: &'static str,
    pub feature_refurbished: &'static str,
    pub feature_one_off: &'static str,
    pub feature_refurbished_only: &'static str,

    // Periods and hints (step 4, review)
    pub periods_title: &'static str,
    pub periods_hint: &'static str,
    pub field_response: &'static str,
    pub field_response_hint: &'static str,
    pub field_notice: &'static str,
    pub field_notice_hint: &'static str,
    pub field_documents: &'static str,
    pub field_documents_hint: &'static str,
    pub field_reminder: &'static str,
    pub field_reminder_hint: &'static str,
    pub field_report: &'static str,
    pub field_report_hint: &'static str,
    pub field_annual_report: &'static str,
    pub field_annual_report_hint: &'static str,
    pub suggested_value: &'static str,
    pub hints_title: &'static str,
    pub hint_value_read: &'static str,
    pub hint_value_assumed_euro: &'static str,
    pub hint_other_currency: &'static str,
    pub hint_above_both: &'static str,
    pub hint_between: &'static str,
    pub hint_below_both: &'static str,
    pub hint_thresholds_outdated: &'static str,
    pub hint_heavy_small: &'static str,
    pub hint_heavy_short: &'static str,
    pub hint_heavy_small_short: &'static str,
    pub hint_points_short: &'static str,
    pub hint_thin_points: &'static str,

    // Catalogue changes since a link or draft was made
    pub notice_unknown_scope: &'static str,
    pub notice_unknown_language: &'static str,
    pub notice_scope_not_asked_take_back: &'static str,
    pub notice_scope_not_asked_refurbished: &'static str,
    pub notice_scope_not_asked_one_off: &'static str,
    pub notice_scope_not_asked_refurbished_only: &'static str,
    pub notice_older_catalogue: &'static str,
    pub notice_older_catalogue_unversioned: &'static str,
    pub notice_unknown_catalogue: &'static str,
    pub notice_criterion_changed: &'static str,
    pub change_added: &'static str,
    pub change_reworded: &'static str,
    pub change_removed: &'static str,
    pub change_rescoped: &'static str,

    // Document additions
    pub lot_cpv: &'static str,
    pub lot_scope: &'static str,
    pub lot_feature_take_back: &'static str,
    pub lot_feature_refurbished: &'static str,
    pub lot_feature_one_off: &'static str,
    pub lot_feature_refurbished_only: &'static str,
    pub guidance_instead_of: &'static str,
    /// `{lots}`: lot numbers; `{text}`: the first paragraph of a note for some categories.
    pub guidance_note_lots: &'static str,

    // Numbers and dates in this language
    /// Put between groups of three digits.
    pub thousands_separator: &'static str,
    /// A euro amount, `{n}` being the grouped number.
    pub euro_amount: &'static str,
    /// `{d}`, `{month}` and `{y}`.
    pub date_format: &'static str,
    pub month_names: [&'static str; 12],
}

impl Messages {
    pub fn level(&self, level: AmbitionLevel) -> &'static str {
        match level {
            AmbitionLevel::Basic => self.level_basic,
            AmbitionLevel::Advanced => self.level_advanced,
            AmbitionLevel::Spearhead => self.level_spearhead,
        }
    }

    pub fn level_hint(&self, level: AmbitionLevel) -> &'static str {
        match level {
            AmbitionLevel::Basic => self.level_basic_hint,
            AmbitionLevel::Advanced => self.level_advanced_hint,
            AmbitionLevel::Spearhead => self.level_spearhead_hint,
        }
    }

    pub fn stage(&self, stage: ProcedureStage) -> &'static str {
        match stage {
            ProcedureStage::Selection => self.stage_selection,
            ProcedureStage::Specifications => self.stage_specifications,
            ProcedureStage::Award => self.stage_award,
            ProcedureStage::Contract => self.stage_contract,
            ProcedureStage::Management => self.stage_management,
        }
    }

    /// The heading of a wizard step.
    pub fn step_title(&self, step: Step) -> &'static str {
        match step {
            Step::Products => self.step_products,
            Step::Risks => self.step_risks,
            Step::Ambition => self.step_ambition,
            Step::Details => self.step_details,
            Step::Review => self.step_review,
        }
    }

    pub fn kind_heading(&self, kind: CriterionKind) -> &'static str {
        match kind {
            CriterionKind::ExclusionGround => self.kind_exclusion,
            CriterionKind::SelectionCriterion => self.kind_selection,
            CriterionKind::TechnicalSpecification => self.kind_specification,
            CriterionKind::AwardCriterion => self.kind_award,
            CriterionKind::ContractClause => self.kind_clause,
        }
    }

    pub fn supply_chain_stage(&self, stage: SupplyChainStage) -> &'static str {
        match stage {
            SupplyChainStage::RawMaterials => self.chain_raw_materials,
            SupplyChainStage::Components => self.chain_components,
            SupplyChainStage::Manufacturing => self.chain_manufacturing,
            SupplyChainStage::Use => self.chain_use,
            SupplyChainStage::EndOfLife => self.chain_end_of_life,
        }
    }

    pub fn label_kind(&self, kind: LabelKind) -> &'static str {
        match kind {
            LabelKind::Label => self.label_kind_label,
            LabelKind::Audit => self.label_kind_audit,
            LabelKind::Programme => self.label_kind_programme,
            LabelKind::Standard => self.label_kind_standard,
            LabelKind::Monitoring => self.label_kind_monitoring,
            LabelKind::LegalRequirement => self.label_kind_legal,
        }
    }

    pub fn salience(&self, level: SalienceLevel) -> &'static str {
        match level {
            SalienceLevel::High => self.salience_high,
            SalienceLevel::Medium => self.salience_medium,
            SalienceLevel::Low => self.salience_low,
        }
    }

    /// The visible marker for a placeholder the buyer has not filled in.
    pub fn marker(&self, placeholder: Placeholder) -> &'static str {
        match placeholder {
            Placeholder::Authority => self.marker_authority,
            Placeholder::Lot => self.marker_lot,
            Placeholder::ContractDuration => self.marker_contract_duration,
            Placeholder::EstimatedValue => self.marker_estimated_value,
            Placeholder::Points => self.marker_points,
            Placeholder::DisclosureDays => self.marker_disclosure_days,
            Placeholder::RemediationDays => self.marker_remediation_days,
            Placeholder::ResponseDays => self.marker_response_days,
            Placeholder::NoticeDays => self.marker_notice_days,
            Placeholder::DocumentsDays => self.marker_documents_days,
            Placeholder::ReminderDays => self.marker_reminder_days,
            Placeholder::ReportDays => self.marker_report_days,
            Placeholder::AnnualReportDays => self.marker_annual_report_days,
            Placeholder::LabelTable => self.marker_label_table,
            Placeholder::WithholdShare => self.marker_withhold_share,
        }
    }

    pub fn field_label(&self, field: DetailField) -> &'static str {
        match field {
            DetailField::Authority => self.field_authority,
            DetailField::ContractMonths => self.field_months,
            DetailField::StartDate => self.field_start,
            DetailField::EstimatedValue => self.field_value,
            DetailField::AwardPoints => self.field_points,
            DetailField::DisclosureDays => self.field_disclosure,
            DetailField::RemediationDays => self.field_remediation,
            DetailField::ResponseDays => self.field_response,
            DetailField::NoticeDays => self.field_notice,
            DetailField::DocumentsDays => self.field_documents,
            DetailField::ReminderDays => self.field_reminder,
            DetailField::ReportDays => self.field_report,
            DetailField::AnnualReportDays => self.field_annual_report,
            DetailField::LabelAnnex => self.field_label_annex,
            DetailField::WithholdShare => self.field_withhold_share,
        }
    }

    pub fn field_hint(&self, field: DetailField) -> &'static str {
        match field {
            DetailField::Authority => self.field_authority_hint,
            DetailField::ContractMonths => self.field_months_hint,
            DetailField::StartDate => self.field_start_hint,
            DetailField::EstimatedValue => self.field_value_hint,
            DetailField::AwardPoints => self.field_points_hint,
            DetailField::DisclosureDays => self.field_disclosure_hint,
            DetailField::RemediationDays => self.field_remediation_hint,
            DetailField::ResponseDays => self.field_response_hint,
            DetailField::NoticeDays => self.field_notice_hint,
            DetailField::DocumentsDays => self.field_documents_hint,
            DetailField::ReminderDays => self.field_reminder_hint,
            DetailField::ReportDays => self.field_report_hint,
            DetailField::AnnualReportDays => self.field_annual_report_hint,
            DetailField::LabelAnnex => self.field_label_annex_hint,
            DetailField::WithholdShare => self.field_withhold_share_hint,
        }
    }

    /// What a lot misses without a yes to a scope question.
    /// Why a file could not be used, as the clause inside `catalogue_failed`.
    pub fn load_problem(&self, problem: super::embedded::LoadProblem) -> String {
        use super::embedded::LoadProblem;
        match problem {
            LoadProblem::Unreachable => self.load_unreachable.to_string(),
            LoadProblem::Status(status) => {
                fill(self.load_status, &[("status", &status.to_string())])
            }
            LoadProblem::Unreadable => self.load_unreadable.to_string(),
            LoadProblem::Mismatch => self.load_mismatch.to_string(),
            LoadProblem::Damaged => self.load_damaged.to_string(),
        }
    }

    /// An answer to a question with graded answers, as the radio says it (`None`: no).
    pub fn scope_answer(&self, question: LotFeature, answer: Option<LotFeature>) -> &'static str {
        match answer {
            None => self.scope_answer_no,
            Some(LotFeature::RefurbishedOnly) => self.scope_answer_refurbished_only,
            Some(_) if question == LotFeature::Refurbished => self.scope_answer_refurbished,
            Some(_) => self.scope_answer_yes,
        }
    }

    /// Said where an answer the lot gave left out every criterion for some chosen risks.
    pub fn scope_left_out(&self, feature: LotFeature) -> &'static str {
        match feature {
            LotFeature::RefurbishedOnly => self.scope_left_out_refurbished_only,
            _ => self.scope_left_out,
        }
    }

    pub fn scope_gap(&self, feature: LotFeature) -> &'static str {
        match feature {
            LotFeature::TakeBack => self.scope_gap_take_back,
            LotFeature::Refurbished => self.scope_gap_refurbished,
            LotFeature::OneOff => self.scope_gap_one_off,
            LotFeature::RefurbishedOnly => self.scope_gap_refurbished_only,
        }
    }

    /// The short name of a scope question's answer.
    pub fn feature(&self, feature: LotFeature) -> &'static str {
        match feature {
            LotFeature::TakeBack => self.feature_take_back,
            LotFeature::Refurbished => self.feature_refurbished,
            LotFeature::OneOff => self.feature_one_off,
            LotFeature::RefurbishedOnly => self.feature_refurbished_only,
        }
    }

    /// The scope line of a lot in the document.
    pub fn lot_feature(&self, feature: LotFeature) -> &'static str {
        match feature {
            LotFeature::TakeBack => self.lot_feature_take_back,
            LotFeature::Refurbished => self.lot_feature_refurbished,
            LotFeature::OneOff => self.lot_feature_one_off,
            LotFeature::RefurbishedOnly => self.lot_feature_refurbished_only,
        }
    }

    pub fn scope_legend(&self, feature: LotFeature) -> &'static str {
        match feature {
            LotFeature::TakeBack => self.scope_take_back_legend,
            LotFeature::Refurbished => self.scope_refurbished_legend,
            LotFeature::OneOff => self.scope_one_off_legend,
            LotFeature::RefurbishedOnly => self.scope_refurbished_only_legend,
        }
    }

    pub fn scope_hint(&self, feature: LotFeature) -> &'static str {
        match feature {
            LotFeature::TakeBack => self.scope_take_back_hint,
            LotFeature::Refurbished => self.scope_refurbished_hint,
            LotFeature::OneOff => self.scope_one_off_hint,
            LotFeature::RefurbishedOnly => self.scope_refurbished_only_hint,
        }
    }

    pub fn answer_feature(&self, feature: LotFeature) -> &'static str {
        match feature {
            LotFeature::TakeBack => self.answer_take_back,
            LotFeature::Refurbished => self.answer_refurbished,
            LotFeature::OneOff => self.answer_one_off,
            LotFeature::RefurbishedOnly => self.answer_refurbished_only,
        }
    }

    pub fn change_kind(&self, kind: ChangeKind) -> &'static str {
        match kind {
            ChangeKind::Added => self.change_added,
            ChangeKind::Reworded => self.change_reworded,
            ChangeKind::Removed => self.change_removed,
            ChangeKind::Rescoped => self.change_rescoped,
        }
    }

    /// A whole number with this language's thousands separator: 2,500,000.
    pub fn number(&self, n: u64) -> String {
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(self.thousands_separator);
            }
            out.push(ch);
        }
        out
    }

    /// A euro amount: €2,500,000.
    pub fn euros(&self, n: u64) -> String {
        fill(self.euro_amount, &[("n", &self.number(n))])
    }

    /// A `YYYY-MM-DD` date in words (31 December 2027); other text is returned as it is.
    pub fn date(&self, iso: &str) -> String {
        let parts: Vec<&str> = iso.split('-').collect();
        let (Some(y), Some(m), Some(d)) = (parts.first(), parts.get(1), parts.get(2)) else {
            return iso.to_string();
        };
        let (Ok(month), Ok(day)) = (m.parse::<usize>(), d.parse::<u32>()) else {
            return iso.to_string();
        };
        match month.checked_sub(1).and_then(|i| self.month_names.get(i)) {
            Some(name) => fill(
                self.date_format,
                &[("d", &day.to_string()), ("month", name), ("y", y)],
            ),
            None => iso.to_string(),
        }
    }

    /// The sentence for a proportionality hint.
    pub fn hint(&self, hint: &Hint) -> String {
        match hint {
            Hint::ValueRead {
                units,
                assumed_euro,
            } => {
                let template = if *assumed_euro {
                    self.hint_value_assumed_euro
                } else {
                    self.hint_value_read
                };
                fill(template, &[("amount", &self.euros(*units))])
            }
            Hint::OtherCurrency => self.hint_other_currency.to_string(),
            Hint::Thresholds {
                position,
                central,
                sub_central,
                valid_to,
                legal,
            } => {
                let template = match position {
                    ThresholdPosition::AboveBoth => self.hint_above_both,
                    ThresholdPosition::Between => self.hint_between,
                    ThresholdPosition::BelowBoth => self.hint_below_both,
                };
                fill(
                    template,
                    &[
                        ("central", &self.euros(*central)),
                        ("sub_central", &self.euros(*sub_central)),
                        ("valid_to", &self.date(valid_to)),
                        ("legal", legal),
                    ],
                )
            }
            Hint::ThresholdsOutdated { valid_to } => fill(
                self.hint_thresholds_outdated,
                &[("valid_to", &self.date(valid_to))],
            ),
            Hint::HeavyLevel {
                level,
                small,
                short,
            } => {
                let template = match (small, short) {
                    (true, true) => self.hint_heavy_small_short,
                    (true, false) => self.hint_heavy_small,
                    _ => self.hint_heavy_short,
                };
                fill(template, &[("level", self.level(*level))])
            }
            Hint::PointsShort {
                lot,
                name,
                criteria,
                total,
                candidates,
            } => {
                let names: Vec<String> = candidates
                    .iter()
                    // Quoted as the language quotes a name.
                    .map(|c| format!("{} {}", c.id, fill(self.lot_quoted, &[("name", &c.title)])))
                    .collect();
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                fill(
                    self.hint_points_short,
                    &[
                        ("lot", &lot.to_string()),
                        ("name", name),
                        ("criteria", &criteria.to_string()),
                        ("total", &total.to_string()),
                        ("drop", &criteria.saturating_sub(*total).to_string()),
                        ("list", &self.join_list(&names)),
                    ],
                )
            }
            Hint::ThinPoints {
                lot,
                name,
                criteria,
                total,
            } => fill(
                self.hint_thin_points,
                &[
                    ("lot", &lot.to_string()),
                    ("name", name),
                    ("criteria", &criteria.to_string()),
                    ("total", &total.to_string()),
                ],
            ),
        }
    }

    /// "a, b and c".
    /// How tender text names the lots a criterion applies to: "the lot “Laptops”".
    pub fn lot_phrase(&self, names: &[&str]) -> String {
        let quoted: Vec<String> = names
            .iter()
            .map(|n| fill(self.lot_quoted, &[("name", n)]))
            .collect();
        match quoted.as_slice() {
            [one] => fill(self.lot_phrase_one, &[("name", one)]),
            _ => {
                let quoted: Vec<&str> = quoted.iter().map(String::as_str).collect();
                fill(self.lot_phrase_many, &[("names", &self.join_list(&quoted))])
            }
        }
    }

    /// "lot 1", "lots 1 and 2".
    pub fn lot_numbers(&self, lots: &[usize]) -> String {
        match lots {
            [one] => fill(self.lots_one, &[("n", &one.to_string())]),
            _ => {
                let list: Vec<String> = lots.iter().map(ToString::to_string).collect();
                let list: Vec<&str> = list.iter().map(String::as_str).collect();
                fill(self.lots_many, &[("list", &self.join_list(&list))])
            }
        }
    }

    pub fn join_list(&self, items: &[&str]) -> String {
        match items {
            [] => String::new(),
            [one] => (*one).to_string(),
            [rest @ .., last] => format!("{} {} {}", rest.join(", "), self.list_and, last),
        }
    }
}

use super::notice::Notice;
use super::selection::{Field, FieldError, Problem};

impl Messages {
    /// The message for a problem with an answer, naming the field.
    pub fn problem(&self, error: &FieldError) -> String {
        let field = match error.field {
            Field::Detail(f) => self.field_label(f),
            _ => "",
        };
        match error.problem {
            Problem::NoCategory => self.error_no_category.to_string(),
            Problem::NoRisk => self.error_no_risk.to_string(),
            Problem::NoLevel => self.error_no_level.to_string(),
            Problem::NoTenderStage => self.error_no_tender_stage.to_string(),
            Problem::Required => fill(self.error_required, &[("field", field)]),
            Problem::NotWholeNumber => fill(self.error_not_whole, &[("field", field)]),
            Problem::OutOfRange { min, max } => fill(
                self.error_out_of_range,
                &[
                    ("field", field),
                    ("min", &min.to_string()),
                    ("max", &max.to_string()),
                ],
            ),
            Problem::TooLong { max } => fill(
                self.error_too_long,
                &[("field", field), ("max", &max.to_string())],
            ),
            Problem::NotADate => fill(self.error_not_a_date, &[("field", field)]),
        }
    }

    /// The message for something ignored in outside input.
    pub fn notice(&self, notice: &Notice) -> String {
        let id = |template: &str, id: &str| fill(template, &[("id", id)]);
        match notice {
            Notice::LinkTooLong { length, max } => fill(
                self.notice_link_too_long,
                &[("length", &length.to_string()), ("max", &max.to_string())],
            ),
            Notice::NoVersion => self.notice_no_version.to_string(),
            Notice::NewerVersion(v) => fill(self.notice_newer_version, &[("version", v)]),
            Notice::UnknownCategory(x) => id(self.notice_unknown_category, x),
            Notice::UnknownRisk(x) => id(self.notice_unknown_risk, x),
            Notice::UnknownLevel(x) => id(self.notice_unknown_level, x),
            Notice::UnknownStage(x) => id(self.notice_unknown_stage, x),
            Notice::UnknownCriterion(x) => id(self.notice_unknown_criterion, x),
            Notice::UnknownPart(x) => id(self.notice_unknown_part, x),
            Notice::UnknownLanguage(x) => id(self.notice_unknown_language, x),
            Notice::Undecodable(x) => id(self.notice_undecodable, x),
            Notice::ValueCut(field) => fill(
                self.notice_value_cut,
                &[("field", self.field_label(*field))],
            ),
            Notice::DraftDamaged => self.notice_draft_damaged.to_string(),
            Notice::DraftUnreadable => self.notice_draft_unreadable.to_string(),
            Notice::UnknownScope(feature, x) => fill(
                self.notice_unknown_scope,
                &[("feature", self.feature(*feature)), ("id", x)],
            ),
            Notice::ScopeNotAsked { feature, lots } => {
                let lots: Vec<&str> = lots.iter().map(String::as_str).collect();
                let template = match feature {
                    LotFeature::TakeBack => self.notice_scope_not_asked_take_back,
                    LotFeature::Refurbished => self.notice_scope_not_asked_refurbished,
                    LotFeature::OneOff => self.notice_scope_not_asked_one_off,
                    LotFeature::RefurbishedOnly => self.notice_scope_not_asked_refurbished_only,
                };
                fill(template, &[("lots", &self.join_list(&lots))])
            }
            Notice::OlderCatalogue { from, to } => match from {
                Some(from) => fill(self.notice_older_catalogue, &[("from", from), ("to", to)]),
                None => fill(self.notice_older_catalogue_unversioned, &[("to", to)]),
            },
            Notice::UnknownCatalogue(v) => fill(self.notice_unknown_catalogue, &[("version", v)]),
            Notice::CriterionChanged {
                version,
                id,
                title,
                what,
                reason,
            } => fill(
                self.notice_criterion_changed,
                &[
                    ("id", id),
                    ("title", title),
                    ("what", self.change_kind(*what)),
                    ("version", version),
                    ("reason", reason),
                ],
            ),
        }
    }
}
