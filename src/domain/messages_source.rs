//! Reading and checking a language's UI messages (`catalog/<lang>/messages.toml`) against the
//! English ones (`src/domain/i18n/en.rs`), the reference every translation follows.
//!
//! Used by `build.rs`, which fails the build on any problem, and by the native tests. A translator
//! edits one TOML file without reading Rust; every problem names the file, the message key and what
//! differs from the English, so it can be fixed at once.

use super::message_data::MessageData;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

/// One problem in a language's messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageError {
    pub file: String,
    pub key: Option<String>,
    pub reason: String,
}

impl fmt::Display for MessageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.key {
            Some(key) => write!(f, "{}: {}: {}", self.file, key, self.reason),
            None => write!(f, "{}: {}", self.file, self.reason),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MessageFile {
    meta: Meta,
    messages: BTreeMap<String, String>,
    calendar: Calendar,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Meta {
    language: String,
    name: String,
    status: String,
    /// The whole numbers that take the singular ("one") form in `{n|…:form|forms}`, as CLDR
    /// gives them for the language: "1" (English, German), "0,1" (French).
    plural_one: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Calendar {
    month_names: Vec<String>,
}

/// The English messages as (key, text), in order, read from the source of `en.rs`.
pub fn english(en_rs: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for line in en_rs.lines() {
        let Some(rest) = line.strip_prefix("    ") else {
            continue;
        };
        let Some((key, value)) = rest.split_once(": \"") else {
            continue;
        };
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            continue;
        }
        let Some(value) = value.strip_suffix("\",") else {
            continue;
        };
        found.push((key.to_string(), unescape(value)));
    }
    found
}

/// A Rust string literal's text: `\u{201c}`, `\"`, `\\` and `\n` resolved.
fn unescape(literal: &str) -> String {
    let mut out = String::new();
    let mut chars = literal.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('u') => {
                let code: String = chars
                    .by_ref()
                    .skip_while(|c| *c == '{')
                    .take_while(|c| *c != '}')
                    .collect();
                if let Some(ch) = u32::from_str_radix(&code, 16).ok().and_then(char::from_u32) {
                    out.push(ch);
                }
            }
            Some('n') => out.push('\n'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// The `{name}` placeholders of a message, in order, with those a plural choice `{name|…}` uses.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        let name = after[..end].split('|').next().unwrap_or_default();
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            found.push(name);
        }
        rest = &after[end + 1..];
    }
    found
}

/// The plural choices of a message, `{name|1:form|forms}`, as (name, numbers, form, forms).
pub fn plurals(text: &str) -> Vec<(&str, &str, &str, &str)> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        let inner = &after[..end];
        if let Some((name, forms)) = inner.split_once('|') {
            let (one, other) = forms.split_once('|').unwrap_or((forms, ""));
            let (set, one) = one.split_once(':').unwrap_or(("", one));
            found.push((name, set, one, other));
        }
        rest = &after[end + 1..];
    }
    found
}

/// A message without the number lists of its plural choices (`{n|0,1:form|forms}` gives
/// `{n|form|forms}`).
fn without_plural_rules(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(bar) = rest.find('|') {
        out.push_str(&rest[..=bar]);
        let after = &rest[bar + 1..];
        match after.find(':') {
            Some(colon)
                if after[..colon]
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ',' || c == ' ') =>
            {
                rest = &after[colon + 1..];
            }
            _ => rest = after,
        }
    }
    out.push_str(rest);
    out
}

/// The runs of digits in a text ("Article 57(4)" gives 57 and 4).
pub fn numbers(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Reads and checks one language's messages against the English ones.
pub fn load(
    file: &str,
    contents: &str,
    english: &[(String, String)],
) -> Result<MessageData, Vec<MessageError>> {
    let problem = |key: Option<&str>, reason: String| MessageError {
        file: file.to_string(),
        key: key.map(str::to_string),
        reason,
    };
    let parsed: MessageFile = toml::from_str(contents)
        .map_err(|e| vec![problem(None, format!("not valid messages TOML: {e}"))])?;
    let mut errors = Vec::new();
    let folder = file.rsplit('/').nth(1).unwrap_or_default();
    if parsed.meta.language != folder {
        errors.push(problem(
            None,
            format!(
                "meta.language is {:?} but the folder is {folder:?}",
                parsed.meta.language
            ),
        ));
    }
    for (field, value) in [
        ("meta.name", &parsed.meta.name),
        ("meta.status", &parsed.meta.status),
    ] {
        if value.trim().is_empty() {
            errors.push(problem(None, format!("{field} is empty")));
        }
    }
    if parsed.calendar.month_names.len() != 12
        || parsed
            .calendar
            .month_names
            .iter()
            .any(|m| m.trim().is_empty())
    {
        errors.push(problem(
            None,
            "calendar.month_names needs the twelve month names, none empty".into(),
        ));
    }
    let mut values = Vec::with_capacity(english.len());
    for (key, en) in english {
        let Some(text) = parsed.messages.get(key) else {
            errors.push(problem(Some(key), format!("missing (English: {en:?})")));
            values.push(String::new());
            continue;
        };
        // A separator may be a (no-break) space; a message with words may not be blank.
        let blank =
            text.is_empty() || (text.trim().is_empty() && en.chars().any(char::is_alphabetic));
        if blank && !en.is_empty() {
            errors.push(problem(Some(key), "empty".into()));
        }
        // The same names, however often each is used (a count may also choose a plural form).
        let want: std::collections::BTreeSet<&str> = placeholders(en).into_iter().collect();
        let have: std::collections::BTreeSet<&str> = placeholders(text).into_iter().collect();
        if want != have {
            errors.push(problem(
                Some(key),
                format!("placeholders differ: English has {want:?}, this has {have:?}"),
            ));
        }
        let names = placeholders(en);
        for (name, set, one, other) in plurals(text) {
            let set_ok = set.replace(' ', "") == parsed.meta.plural_one.replace(' ', "");
            if !names.contains(&name)
                || !set_ok
                || one.is_empty()
                || other.is_empty()
                || other.contains('|')
            {
                errors.push(problem(
                    Some(key),
                    format!(
                        "plural choice {{{name}|{set}:{one}|{other}}} must read {{name|{}:form|forms}} with a placeholder of the English text",
                        parsed.meta.plural_one
                    ),
                ));
            }
        }
        // The numbers of the plural rules (`{n|1:…}`) are the language's, not the text's.
        let (en_text, text_plain) = (without_plural_rules(en), without_plural_rules(text));
        let have_numbers = numbers(&text_plain);
        for n in numbers(&en_text) {
            if !have_numbers.contains(&n) {
                errors.push(problem(
                    Some(key),
                    format!("the number {n} of the English text is missing"),
                ));
            }
        }
        values.push(text.clone());
    }
    for key in parsed.messages.keys() {
        if !english.iter().any(|(k, _)| k == key) {
            errors.push(problem(
                Some(key),
                "not an English message key (misspelt or removed?)".into(),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(MessageData {
        language: parsed.meta.language,
        name: parsed.meta.name,
        status: parsed.meta.status,
        values,
        month_names: parsed.calendar.month_names,
        core: Vec::new(),
    })
}
