//! The words for the domain's enums, problems and notices, in a language's messages.

use super::{fill, Messages};
use crate::domain::catalog::{
    AmbitionLevel, ChangeKind, CriterionKind, LabelKind, LotFeature, SalienceLevel,
    SupplyChainStage,
};
use crate::domain::details::DetailField;
use crate::domain::proportion::{Hint, ThresholdPosition};
use crate::domain::selection::{ProcedureStage, Step};
use crate::domain::template::Placeholder;

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
    pub fn load_problem(&self, problem: crate::domain::embedded::LoadProblem) -> String {
        use crate::domain::embedded::LoadProblem;
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

use crate::domain::notice::Notice;
use crate::domain::saved::OpenProblem;
use crate::domain::selection::{Field, FieldError, Problem};

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
            Notice::FileOpened(file) => fill(self.notice_file_opened, &[("file", file)]),
            Notice::FileUnusable { file, problem } => match problem {
                OpenProblem::TooLarge { bytes } => fill(
                    self.notice_file_too_large,
                    &[("file", file), ("size", &bytes.div_ceil(1000).to_string())],
                ),
                OpenProblem::NotJson => fill(self.notice_file_not_json, &[("file", file)]),
                OpenProblem::NotAnswers => fill(self.notice_file_not_answers, &[("file", file)]),
                OpenProblem::NewerVersion(v) => fill(
                    self.notice_file_newer,
                    &[("file", file), ("version", &v.to_string())],
                ),
                OpenProblem::Field { path, .. } => {
                    fill(self.notice_file_field, &[("file", file), ("field", path)])
                }
            },
            Notice::CriterionChanged {
                version,
                id,
                title,
                what,
                reason,
            } => fill(
                // A criterion no longer in the catalogue has no title to quote.
                if title.is_empty() {
                    self.notice_criterion_changed_untitled
                } else {
                    self.notice_criterion_changed
                },
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

impl Messages {
    /// Why a file cannot be used as a template, as the whole sentence the export shows.
    pub fn template_problem(
        &self,
        file: &str,
        problem: &crate::domain::render::office::template::TemplateProblem,
    ) -> String {
        use crate::domain::render::office::template::TemplateProblem;
        let reason = match problem {
            TemplateProblem::TooLarge { max, .. } => fill(
                self.template_too_large,
                &[("max", &(max / (1024 * 1024)).to_string())],
            ),
            TemplateProblem::NotPackage => self.template_not_package.to_string(),
            TemplateProblem::NotText => self.template_not_text.to_string(),
            TemplateProblem::Unsupported => self.template_unsupported.to_string(),
            TemplateProblem::Damaged(part) => fill(self.template_damaged, &[("part", part)]),
            TemplateProblem::NoStyles => self.template_no_styles.to_string(),
        };
        fill(
            self.template_unusable,
            &[("file", file), ("reason", &reason)],
        )
    }
}
