//! The contract details the buyer types in (authority, duration, value, periods…), kept as typed
//! so that nothing is ever lost, and read as the values filled into tender text.

use super::template::Placeholder;
use serde::{Deserialize, Serialize};

/// A contract detail the buyer types in; kept as typed so nothing is ever lost.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum DetailField {
    Authority,
    ContractMonths,
    /// `YYYY-MM-DD`: when the contract starts, to say which dated legal duties apply during it.
    StartDate,
    EstimatedValue,
    AwardPoints,
    DisclosureDays,
    RemediationDays,
    ResponseDays,
    NoticeDays,
    DocumentsDays,
    ReminderDays,
    ReportDays,
    /// Days after the end of each contract year to deliver the annual report.
    AnnualReportDays,
    /// Where the tender documents carry the table of what each accepted label covers.
    LabelAnnex,
    /// The percentage of a one-off lot's price the buyer may hold back for an uncorrected breach.
    WithholdShare,
}

impl DetailField {
    pub const ALL: [DetailField; 15] = [
        DetailField::Authority,
        DetailField::ContractMonths,
        DetailField::StartDate,
        DetailField::EstimatedValue,
        DetailField::AwardPoints,
        DetailField::DisclosureDays,
        DetailField::RemediationDays,
        DetailField::ResponseDays,
        DetailField::NoticeDays,
        DetailField::DocumentsDays,
        DetailField::ReminderDays,
        DetailField::ReportDays,
        DetailField::AnnualReportDays,
        DetailField::LabelAnnex,
        DetailField::WithholdShare,
    ];

    /// A stable name, used in element ids.
    pub fn code(self) -> &'static str {
        match self {
            DetailField::Authority => "authority",
            DetailField::ContractMonths => "contract-months",
            DetailField::StartDate => "start-date",
            DetailField::EstimatedValue => "estimated-value",
            DetailField::AwardPoints => "award-points",
            DetailField::DisclosureDays => "disclosure-days",
            DetailField::RemediationDays => "remediation-days",
            DetailField::ResponseDays => "response-days",
            DetailField::NoticeDays => "notice-days",
            DetailField::DocumentsDays => "documents-days",
            DetailField::ReminderDays => "reminder-days",
            DetailField::ReportDays => "report-days",
            DetailField::AnnualReportDays => "annual-report-days",
            DetailField::LabelAnnex => "label-annex",
            DetailField::WithholdShare => "withhold-share",
        }
    }

    /// The most characters a field keeps; longer input is cut with a notice.
    pub fn max_chars(self) -> usize {
        match self {
            DetailField::Authority => 200,
            DetailField::EstimatedValue | DetailField::LabelAnnex => 100,
            DetailField::StartDate => 10,
            _ => 8,
        }
    }

    /// The accepted range for whole-number fields.
    pub fn number_range(self) -> Option<(u32, u32)> {
        match self {
            DetailField::Authority
            | DetailField::EstimatedValue
            | DetailField::StartDate
            | DetailField::LabelAnnex => None,
            DetailField::ContractMonths => Some((1, 600)),
            DetailField::AwardPoints => Some((1, 1000)),
            DetailField::WithholdShare => Some((1, 100)),
            _ => Some((1, 365)),
        }
    }

    /// The suggested value of a period that clause texts use: the text uses it while the buyer
    /// has not set another, so an untouched field never leaves a marker in the tender.
    pub fn suggested(self) -> Option<u32> {
        match self {
            DetailField::DisclosureDays => Some(60),
            DetailField::RemediationDays => Some(30),
            DetailField::ResponseDays => Some(30),
            DetailField::NoticeDays => Some(10),
            DetailField::DocumentsDays => Some(10),
            DetailField::ReminderDays => Some(15),
            DetailField::ReportDays => Some(30),
            DetailField::AnnualReportDays => Some(90),
            _ => None,
        }
    }

    /// The field a buyer fills in to replace a placeholder's marker (`None` for the lot's name,
    /// which is never missing).
    pub fn for_placeholder(placeholder: Placeholder) -> Option<DetailField> {
        match placeholder {
            Placeholder::Authority => Some(DetailField::Authority),
            Placeholder::ContractDuration => Some(DetailField::ContractMonths),
            Placeholder::EstimatedValue => Some(DetailField::EstimatedValue),
            Placeholder::Points => Some(DetailField::AwardPoints),
            Placeholder::LabelTable => Some(DetailField::LabelAnnex),
            Placeholder::WithholdShare => Some(DetailField::WithholdShare),
            Placeholder::Lot => None,
            period => DetailField::ALL
                .into_iter()
                .find(|f| f.placeholder() == Some(period)),
        }
    }

    /// The placeholder this field fills, if it is a period the clause texts use.
    pub fn placeholder(self) -> Option<Placeholder> {
        match self {
            DetailField::DisclosureDays => Some(Placeholder::DisclosureDays),
            DetailField::RemediationDays => Some(Placeholder::RemediationDays),
            DetailField::ResponseDays => Some(Placeholder::ResponseDays),
            DetailField::NoticeDays => Some(Placeholder::NoticeDays),
            DetailField::DocumentsDays => Some(Placeholder::DocumentsDays),
            DetailField::ReminderDays => Some(Placeholder::ReminderDays),
            DetailField::ReportDays => Some(Placeholder::ReportDays),
            DetailField::AnnualReportDays => Some(Placeholder::AnnualReportDays),
            _ => None,
        }
    }
}

/// The contract details filled into placeholders.
#[derive(Serialize, Deserialize, Debug, Clone, Default, PartialEq, Eq)]
#[serde(default, deny_unknown_fields)]
pub struct ContractDetails {
    pub authority: String,
    pub contract_months: String,
    pub start_date: String,
    pub estimated_value: String,
    pub award_points: String,
    pub disclosure_days: String,
    pub remediation_days: String,
    pub response_days: String,
    pub notice_days: String,
    pub documents_days: String,
    pub reminder_days: String,
    pub report_days: String,
    pub annual_report_days: String,
    pub label_annex: String,
    pub withhold_share: String,
}

impl ContractDetails {
    pub fn get(&self, field: DetailField) -> &str {
        match field {
            DetailField::Authority => &self.authority,
            DetailField::ContractMonths => &self.contract_months,
            DetailField::StartDate => &self.start_date,
            DetailField::EstimatedValue => &self.estimated_value,
            DetailField::AwardPoints => &self.award_points,
            DetailField::DisclosureDays => &self.disclosure_days,
            DetailField::RemediationDays => &self.remediation_days,
            DetailField::ResponseDays => &self.response_days,
            DetailField::NoticeDays => &self.notice_days,
            DetailField::DocumentsDays => &self.documents_days,
            DetailField::ReminderDays => &self.reminder_days,
            DetailField::ReportDays => &self.report_days,
            DetailField::AnnualReportDays => &self.annual_report_days,
            DetailField::LabelAnnex => &self.label_annex,
            DetailField::WithholdShare => &self.withhold_share,
        }
    }

    pub fn get_mut(&mut self, field: DetailField) -> &mut String {
        match field {
            DetailField::Authority => &mut self.authority,
            DetailField::ContractMonths => &mut self.contract_months,
            DetailField::StartDate => &mut self.start_date,
            DetailField::EstimatedValue => &mut self.estimated_value,
            DetailField::AwardPoints => &mut self.award_points,
            DetailField::DisclosureDays => &mut self.disclosure_days,
            DetailField::RemediationDays => &mut self.remediation_days,
            DetailField::ResponseDays => &mut self.response_days,
            DetailField::NoticeDays => &mut self.notice_days,
            DetailField::DocumentsDays => &mut self.documents_days,
            DetailField::ReminderDays => &mut self.reminder_days,
            DetailField::ReportDays => &mut self.report_days,
            DetailField::AnnualReportDays => &mut self.annual_report_days,
            DetailField::LabelAnnex => &mut self.label_annex,
            DetailField::WithholdShare => &mut self.withhold_share,
        }
    }

    /// The field's whole-number value, if it holds a valid one.
    pub fn number(&self, field: DetailField) -> Option<u32> {
        let (min, max) = field.number_range()?;
        let value: u32 = self.get(field).trim().parse().ok()?;
        (min..=max).contains(&value).then_some(value)
    }

    /// The value the text uses: the buyer's, or the suggested one while the field is empty.
    pub fn number_or_suggested(&self, field: DetailField) -> Option<u32> {
        if self.get(field).trim().is_empty() {
            field.suggested()
        } else {
            self.number(field)
        }
    }

    /// The contract's start date, if a real one was given.
    pub fn start_date(&self) -> Option<&str> {
        let value = self.start_date.trim();
        super::dates::parse(value).map(|_| value)
    }

    /// The field's text, trimmed, if not empty.
    pub fn text(&self, field: DetailField) -> Option<&str> {
        let value = self.get(field).trim();
        (!value.is_empty()).then_some(value)
    }
}
