//! The selection as a URL fragment: the only thing a shared link carries.
//!
//! Format (version 1): `v=1&cv=<catalogue version>&c=<categories>&r=<risks>&l=<level>&s=<stages>`
//! `&tb=<lots with take-back>&rf=<lots with refurbished equipment>&ro=<lots with refurbished equipment
//! only>&oo=<lots bought as a one-off purchase>&a=<authority>&m=<months>`
//! `&e=<estimated value>&p=<award points>&dd=<disclosure days>&rd=<remediation days>`
//! `&rs=<response days>&nt=<notice days>&dc=<documents days>&rm=<reminder days>&rp=<report days>`
//! `&x=<dropped>`. Lists are comma-separated; every value is percent-encoded (UTF-8). Keys added
//! after the first links (`cv`, `tb`, `rf`, `ro`, `oo` and the periods) are simply absent from older
//! links.
//! Reading never fails: whatever cannot be used is skipped and reported as a [`Notice`], and the
//! rest is kept.

use super::catalog::AmbitionLevel;
use super::details::DetailField;
use super::i18n::Language;
use super::notice::Notice;
use super::selection::{ProcedureStage, Selection};

/// The format version written into every link.
pub const VERSION: u32 = 1;

/// The longest fragment read at all; a longer one is ignored whole rather than half-read.
pub const MAX_LEN: usize = 8192;

fn detail_key(field: DetailField) -> &'static str {
    match field {
        DetailField::Authority => "a",
        DetailField::ContractMonths => "m",
        DetailField::StartDate => "sd",
        DetailField::EstimatedValue => "e",
        DetailField::AwardPoints => "p",
        DetailField::DisclosureDays => "dd",
        DetailField::RemediationDays => "rd",
        DetailField::ResponseDays => "rs",
        DetailField::NoticeDays => "nt",
        DetailField::DocumentsDays => "dc",
        DetailField::ReminderDays => "rm",
        DetailField::ReportDays => "rp",
        DetailField::AnnualReportDays => "ar",
        DetailField::LabelAnnex => "lt",
        DetailField::WithholdShare => "wh",
    }
}

/// Writes the selection as a fragment (without the leading `#`). Deterministic.
pub fn encode(selection: &Selection) -> String {
    let mut parts = vec![format!("v={VERSION}")];
    let list = |items: &mut dyn Iterator<Item = &str>| -> String {
        items.map(percent_encode).collect::<Vec<_>>().join(",")
    };
    if !selection.catalog_version.is_empty() {
        parts.push(format!("cv={}", percent_encode(&selection.catalog_version)));
    }
    if !selection.categories.is_empty() {
        parts.push(format!(
            "c={}",
            list(&mut selection.categories.iter().map(String::as_str))
        ));
    }
    if !selection.risks.is_empty() {
        parts.push(format!(
            "r={}",
            list(&mut selection.risks.iter().map(String::as_str))
        ));
    }
    if let Some(level) = selection.level {
        parts.push(format!("l={}", level.code()));
    }
    if !selection.stages.is_empty() {
        parts.push(format!(
            "s={}",
            list(&mut selection.stages.iter().map(|s| s.code()))
        ));
    }
    for (key, set) in [
        ("tb", &selection.take_back),
        ("rf", &selection.refurbished),
        ("ro", &selection.refurbished_only),
        ("oo", &selection.one_off),
    ] {
        if !set.is_empty() {
            parts.push(format!(
                "{key}={}",
                list(&mut set.iter().map(String::as_str))
            ));
        }
    }
    for field in DetailField::ALL {
        let value = selection.details.get(field);
        if !value.is_empty() {
            parts.push(format!("{}={}", detail_key(field), percent_encode(value)));
        }
    }
    if !selection.dropped.is_empty() {
        parts.push(format!(
            "x={}",
            list(&mut selection.dropped.iter().map(String::as_str))
        ));
    }
    if !selection.added.is_empty() {
        parts.push(format!(
            "ad={}",
            list(&mut selection.added.iter().map(String::as_str))
        ));
    }
    if !selection.lot_levels.is_empty() {
        let levels: Vec<String> = selection
            .lot_levels
            .iter()
            .map(|(lot, level)| format!("{}:{}", percent_encode(lot), percent_encode(level)))
            .collect();
        parts.push(format!("ll={}", levels.join(",")));
    }
    if !selection.joined.is_empty() {
        let joined: Vec<String> = selection
            .joined
            .iter()
            .map(|(member, host)| format!("{}:{}", percent_encode(member), percent_encode(host)))
            .collect();
        parts.push(format!("lw={}", joined.join(",")));
    }
    if selection.working_notes {
        parts.push("wn=1".to_string());
    }
    if !selection.language.is_empty() {
        parts.push(format!("ln={}", percent_encode(&selection.language)));
    }
    if !selection.second_language.is_empty() {
        parts.push(format!("l2={}", percent_encode(&selection.second_language)));
    }
    parts.join("&")
}

/// Reads a fragment (with or without the leading `#`). Never panics, whatever the input.
pub fn decode(fragment: &str) -> (Selection, Vec<Notice>) {
    decode_within(fragment, MAX_LEN, true)
}

/// Reads the fragment form of a draft kept in this browser. Unlike a link, a draft holds exactly
/// what the buyer typed, so it has no length cap and over-long values are not cut (the details
/// step then shows them with their error, rather than silently shortening them).
pub(crate) fn decode_draft(fragment: &str) -> (Selection, Vec<Notice>) {
    decode_within(fragment, usize::MAX, false)
}

fn decode_within(fragment: &str, max_len: usize, cut: bool) -> (Selection, Vec<Notice>) {
    let mut selection = Selection::default();
    let mut notices = Vec::new();
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > max_len {
        notices.push(Notice::LinkTooLong {
            length: fragment.len(),
            max: max_len,
        });
        return (selection, notices);
    }
    if fragment.trim().is_empty() {
        return (selection, notices);
    }
    let mut version_seen = false;
    for part in fragment.split('&').filter(|p| !p.is_empty()) {
        let (key, raw) = part.split_once('=').unwrap_or((part, ""));
        let items = || raw.split(',').filter(|i| !i.is_empty()).map(percent_decode);
        match key {
            "v" => {
                version_seen = true;
                if raw != VERSION.to_string() {
                    notices.push(Notice::NewerVersion(shorten(raw)));
                }
            }
            "cv" => match percent_decode(raw) {
                Some(version) => selection.catalog_version = shorten(&version),
                None => notices.push(Notice::Undecodable(key.to_string())),
            },
            "ln" | "l2" => match percent_decode(raw) {
                Some(code) if Language::from_code(&code).is_some() => {
                    if key == "ln" {
                        selection.language = code;
                    } else {
                        selection.second_language = code;
                    }
                }
                Some(code) => notices.push(Notice::UnknownLanguage(shorten(&code))),
                None => notices.push(Notice::Undecodable(key.to_string())),
            },
            "wn" => match raw {
                "1" => selection.working_notes = true,
                "0" => selection.working_notes = false,
                _ => notices.push(Notice::Undecodable(key.to_string())),
            },
            "lw" => {
                for item in items() {
                    match item.as_deref().and_then(|i| i.split_once(':')) {
                        Some((member, host)) if !member.is_empty() && !host.is_empty() => {
                            selection.joined.insert(member, host);
                        }
                        _ => notices.push(Notice::Undecodable(key.to_string())),
                    }
                }
            }
            "ll" => {
                for item in items() {
                    let parsed = item.as_deref().and_then(|i| {
                        let (lot, level) = i.rsplit_once(':')?;
                        Some((lot.to_string(), AmbitionLevel::from_code(level)?))
                    });
                    match parsed {
                        Some((lot, level)) => {
                            selection.lot_levels.insert(&lot, level.code());
                        }
                        None => notices.push(Notice::UnknownLevel(shorten(
                            item.as_deref().unwrap_or(raw),
                        ))),
                    }
                }
            }
            "c" | "r" | "x" | "tb" | "rf" | "ro" | "oo" | "ad" => {
                let target = match key {
                    "c" => &mut selection.categories,
                    "r" => &mut selection.risks,
                    "tb" => &mut selection.take_back,
                    "rf" => &mut selection.refurbished,
                    "ro" => &mut selection.refurbished_only,
                    "oo" => &mut selection.one_off,
                    "ad" => &mut selection.added,
                    _ => &mut selection.dropped,
                };
                for item in items() {
                    match item {
                        Some(value) => {
                            target.insert(value);
                        }
                        None => notices.push(Notice::Undecodable(key.to_string())),
                    }
                }
            }
            "l" => match percent_decode(raw)
                .as_deref()
                .and_then(AmbitionLevel::from_code)
            {
                Some(level) => selection.level = Some(level),
                None => notices.push(Notice::UnknownLevel(shorten(raw))),
            },
            "s" => {
                for item in items() {
                    match item.as_deref().and_then(ProcedureStage::from_code) {
                        Some(stage) => {
                            selection.stages.insert(stage);
                        }
                        None => notices.push(Notice::UnknownStage(shorten(
                            item.as_deref().unwrap_or(raw),
                        ))),
                    }
                }
            }
            _ => match DetailField::ALL.into_iter().find(|f| detail_key(*f) == key) {
                Some(field) => match percent_decode(raw) {
                    Some(value) if !cut => *selection.details.get_mut(field) = value,
                    Some(value) => {
                        let max = field.max_chars();
                        let kept: String = value.chars().take(max).collect();
                        if kept.len() < value.len() {
                            notices.push(Notice::ValueCut(field));
                        }
                        *selection.details.get_mut(field) = kept;
                    }
                    None => notices.push(Notice::Undecodable(key.to_string())),
                },
                None => notices.push(Notice::UnknownPart(shorten(key))),
            },
        }
    }
    if !version_seen {
        notices.push(Notice::NoVersion);
    }
    (selection, notices)
}

/// At most 40 characters of outside text, for a notice.
fn shorten(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes (and `+` as a space, as some mail clients rewrite it); `None` when the
/// escapes are broken or the bytes are not UTF-8.
fn percent_decode(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = value.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_round_trip_keeps_unicode_and_separators() {
        let text = "Ville de Liège & Co, 50% + «test» /x";
        assert_eq!(percent_decode(&percent_encode(text)).as_deref(), Some(text));
    }

    #[test]
    fn broken_escapes_are_rejected_not_guessed() {
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%e"), None);
        assert_eq!(percent_decode("%ff%fe"), None);
    }
}
