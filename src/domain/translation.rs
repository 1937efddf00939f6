//! Translated catalogues: which fields a translator translates, how each translated entry records
//! the English it was made from, and the checks that keep a translation faithful to it.
//!
//! A translation is a folder `catalog/<language>/` with `translation.toml` (its status) and files
//! that mirror the English ones, holding only the translatable fields of each entry and a `source`
//! hash of that entry's English fields. The build merges it into a complete catalogue in that
//! language. An entry whose English changed since (its hash differs) or that is not translated yet
//! keeps the English text and is listed in the catalogue's [`Translation`], so that documents and
//! `criteria coverage` say so: a translation is never silently stale. Native and build only.

use super::catalog::{Catalog, SupplyChainStage, Translation};
use super::catalog_source::CatalogError;
use super::digest::short_sha256;
use super::messages_source::{numbers, placeholders};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// One field of an entry: where it is (`text`, `verification.submit`, `cpv.0.label`) and whether
/// a translator translates it (`false` for the identifiers inside lists, kept as they are).
type Visitor<'a> = dyn FnMut(&str, &str, &str, &mut String, bool) + 'a;

fn stage_code(stage: SupplyChainStage) -> &'static str {
    match stage {
        SupplyChainStage::RawMaterials => "raw-materials",
        SupplyChainStage::Components => "components",
        SupplyChainStage::Manufacturing => "manufacturing",
        SupplyChainStage::Use => "use",
        SupplyChainStage::EndOfLife => "end-of-life",
    }
}

/// Calls `f(section, key, path, value, translatable)` for every text field a translation covers,
/// entry by entry in catalogue order. Empty optional fields are not visited. Sources keep their
/// published titles, so they are not visited. The change log is, a version per entry: a buyer
/// reopening an older link reads why their criteria changed.
pub fn visit(cat: &mut Catalog, f: &mut Visitor<'_>) {
    let text = |f: &mut Visitor<'_>, s: &str, k: &str, p: &str, v: &mut String| {
        if !v.is_empty() {
            f(s, k, p, v, true);
        }
    };
    for c in &mut cat.categories {
        let k = c.id.clone();
        text(f, "category", &k, "name", &mut c.name);
        text(f, "category", &k, "description", &mut c.description);
        text(f, "category", &k, "cpv_note", &mut c.cpv_note);
        for (i, cpv) in c.cpv.iter_mut().enumerate() {
            f(
                "category",
                &k,
                &format!("cpv.{i}.code"),
                &mut cpv.code,
                false,
            );
            text(f, "category", &k, &format!("cpv.{i}.label"), &mut cpv.label);
        }
    }
    for r in &mut cat.risks {
        let k = r.id.clone();
        text(f, "risk", &k, "name", &mut r.name);
        text(f, "risk", &k, "description", &mut r.description);
    }
    for l in &mut cat.labels {
        let k = l.id.clone();
        text(f, "label", &k, "name", &mut l.name);
        text(f, "label", &k, "covers", &mut l.covers);
        text(f, "label", &k, "does_not_cover", &mut l.does_not_cover);
    }
    for l in &mut cat.legal {
        let k = l.id.clone();
        text(f, "legal", &k, "citation", &mut l.citation);
        text(f, "legal", &k, "summary", &mut l.summary);
    }
    for d in &mut cat.duties {
        let k = d.id.clone();
        text(f, "duty", &k, "name", &mut d.name);
        text(f, "duty", &k, "binds", &mut d.binds);
    }
    for s in &mut cat.salience {
        let k = format!("{}/{}/{}", s.category, s.risk, stage_code(s.stage));
        text(f, "salience", &k, "reason", &mut s.reason);
    }
    for d in &mut cat.deliverables {
        let k = d.id.clone();
        text(f, "deliverable", &k, "name", &mut d.name);
    }
    for change in &mut cat.changes {
        let k = change.version.clone();
        text(f, "change", &k, "summary", &mut change.summary);
        for (i, c) in change.criteria.iter_mut().enumerate() {
            f("change", &k, &format!("criterion.{i}.id"), &mut c.id, false);
            text(
                f,
                "change",
                &k,
                &format!("criterion.{i}.reason"),
                &mut c.reason,
            );
        }
    }
    for c in &mut cat.criteria {
        let k = c.id.clone();
        let s = "criterion";
        text(f, s, &k, "title", &mut c.title);
        text(f, s, &k, "text", &mut c.text);
        text(f, s, &k, "guidance", &mut c.guidance);
        for (i, n) in c.notes.iter_mut().enumerate() {
            text(f, s, &k, &format!("note.{i}.text"), &mut n.text);
        }
        for (i, cover) in c.covers.iter_mut().enumerate() {
            f(s, &k, &format!("covers.{i}.id"), &mut cover.id, false);
            text(f, s, &k, &format!("covers.{i}.reason"), &mut cover.reason);
        }
        let v = &mut c.verification;
        text(f, s, &k, "verification.submit", &mut v.submit);
        text(f, s, &k, "verification.equivalent", &mut v.equivalent);
        if let Some(a) = &mut c.award {
            text(f, s, &k, "award.scoring", &mut a.scoring);
        }
        if let Some(m) = &mut c.management {
            text(f, s, &k, "management.kpi", &mut m.kpi);
            text(f, s, &k, "management.cadence", &mut m.cadence);
            text(f, s, &k, "management.follow_up", &mut m.follow_up);
            text(f, s, &k, "management.remediation", &mut m.remediation);
        }
    }
}

/// One translatable entry of the English catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub section: String,
    pub key: String,
    /// (path, English value, translatable), in catalogue order.
    pub fields: Vec<(String, String, bool)>,
}

impl Unit {
    /// What a translation of this entry records as its `source`: the short SHA-256 of its
    /// translatable English fields, each as `path=value` and a line break, sorted by path.
    pub fn source_hash(&self) -> String {
        let mut fields: Vec<&(String, String, bool)> = self.fields.iter().filter(|f| f.2).collect();
        fields.sort_by(|a, b| a.0.cmp(&b.0));
        let joined: String = fields
            .iter()
            .map(|(path, value, _)| format!("{path}={value}\n"))
            .collect();
        short_sha256(joined.as_bytes())
    }

    /// `criterion BAT-CPC-04`: how reports and the catalogue's [`Translation`] name it.
    pub fn name(&self) -> String {
        format!("{} {}", self.section, self.key)
    }
}

/// The translatable entries of a catalogue, in catalogue order.
pub fn units(cat: &Catalog) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    let mut copy = cat.clone();
    visit(&mut copy, &mut |section, key, path, value, translatable| {
        if !units
            .last()
            .is_some_and(|u| u.section == section && u.key == key)
        {
            units.push(Unit {
                section: section.to_string(),
                key: key.to_string(),
                fields: Vec::new(),
            });
        }
        if let Some(unit) = units.last_mut() {
            unit.fields
                .push((path.to_string(), value.clone(), translatable));
        }
    });
    units
}

/// `translation.toml`: a translation's language and status.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatusFile {
    language: String,
    /// One sentence in the language: what the translation is made from and who checked it.
    status: String,
}

/// The files of a translation folder that are not part of the catalogue text.
pub const NOT_CATALOGUE_TEXT: [&str; 3] = ["messages.toml", "terms.toml", "translation.toml"];

/// One translated entry as read from its file.
struct Entry {
    file: String,
    source: Option<String>,
    fields: BTreeMap<String, String>,
}

/// Merges a translation folder (`(path, contents)` pairs, with its `translation.toml`) into the
/// English catalogue: a complete catalogue in `language`, or every problem found (file, entry,
/// field, what differs). Stale and missing entries are not problems: they keep the English text
/// and are listed in the result's `meta.translation`.
pub fn merge(
    english: &Catalog,
    language: &str,
    files: &[(String, String)],
) -> Result<Catalog, Vec<CatalogError>> {
    let mut errors = Vec::new();
    let problem = |file: &str, id: Option<String>, reason: String| CatalogError {
        file: file.to_string(),
        id,
        reason,
    };
    let mut status = None;
    let mut title = None;
    let mut entries: BTreeMap<(String, String), Entry> = BTreeMap::new();
    let mut sorted: Vec<&(String, String)> = files.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, contents) in sorted {
        let name = path.rsplit('/').next().unwrap_or(path);
        if name == "translation.toml" {
            match toml::from_str::<StatusFile>(contents) {
                Ok(s) if s.language != language => errors.push(problem(
                    path,
                    None,
                    format!(
                        "language is {:?} but the folder is {language:?}",
                        s.language
                    ),
                )),
                Ok(s) if s.status.trim().is_empty() => {
                    errors.push(problem(path, None, "status is empty".into()))
                }
                Ok(s) => status = Some(s.status),
                Err(e) => errors.push(problem(path, None, format!("not valid TOML: {e}"))),
            }
            continue;
        }
        if NOT_CATALOGUE_TEXT.contains(&name) {
            continue;
        }
        let table: toml::Table = match toml::from_str(contents) {
            Ok(t) => t,
            Err(e) => {
                errors.push(problem(path, None, format!("not valid TOML: {e}")));
                continue;
            }
        };
        for (section, value) in table {
            if section == "catalog" {
                match value.get("title").and_then(toml::Value::as_str) {
                    Some(t) => title = Some(t.to_string()),
                    None => errors.push(problem(
                        path,
                        Some("catalog".into()),
                        "the [catalog] table takes only `title`, the catalogue's translated title"
                            .into(),
                    )),
                }
                continue;
            }
            let Some(list) = value.as_array() else {
                errors.push(problem(
                    path,
                    None,
                    format!("`{section}` should be a list of entries ([[{section}]])"),
                ));
                continue;
            };
            for item in list {
                let Some(item) = item.as_table() else {
                    errors.push(problem(path, None, format!("`{section}`: not a table")));
                    continue;
                };
                match read_entry(&section, item) {
                    Ok((key, source, fields)) => {
                        let id = Some(format!("{section} {key}"));
                        if let Some(first) = entries.get(&(section.clone(), key.clone())) {
                            errors.push(problem(
                                path,
                                id,
                                format!("translated twice (also in {})", first.file),
                            ));
                            continue;
                        }
                        entries.insert(
                            (section.clone(), key),
                            Entry {
                                file: path.clone(),
                                source,
                                fields,
                            },
                        );
                    }
                    Err(reason) => errors.push(problem(path, Some(section.clone()), reason)),
                }
            }
        }
    }
    let Some(status) = status else {
        errors.push(problem(
            &format!("catalog/{language}/translation.toml"),
            None,
            "missing: a translation states its status there (language, status)".into(),
        ));
        return Err(errors);
    };

    let units = units(english);
    let known: BTreeSet<(String, String)> = units
        .iter()
        .map(|u| (u.section.clone(), u.key.clone()))
        .collect();
    for ((section, key), entry) in &entries {
        if !known.contains(&(section.clone(), key.clone())) {
            errors.push(problem(
                &entry.file,
                Some(format!("{section} {key}")),
                "the English catalogue has no such entry (removed or renamed?): delete it or \
                 correct the id"
                    .into(),
            ));
        }
    }
    let mut accepted: BTreeMap<(String, String), &Entry> = BTreeMap::new();
    let mut translation = Translation {
        reference_version: english.meta.version.clone(),
        reference_hash: english.meta.content_hash.clone(),
        status,
        missing: Vec::new(),
        stale: Vec::new(),
    };
    for unit in &units {
        let at = (unit.section.clone(), unit.key.clone());
        let Some(entry) = entries.get(&at) else {
            translation.missing.push(unit.name());
            continue;
        };
        let id = |path: &str| Some(format!("{} · {path}", unit.name()));
        let Some(source) = &entry.source else {
            errors.push(problem(
                &entry.file,
                Some(unit.name()),
                format!(
                    "no `source`: copy the source hash of the English entry it translates \
                     ({:?} now) from `criteria translation-template`",
                    unit.source_hash()
                ),
            ));
            continue;
        };
        if *source != unit.source_hash() {
            translation.stale.push(unit.name());
            continue;
        }
        let before = errors.len();
        for (path, english_value, translatable) in &unit.fields {
            let Some(value) = entry.fields.get(path) else {
                errors.push(problem(&entry.file, id(path), "missing".into()));
                continue;
            };
            if *translatable {
                for reason in differences(english_value, value) {
                    errors.push(problem(&entry.file, id(path), reason));
                }
            } else if value != english_value {
                errors.push(problem(
                    &entry.file,
                    id(path),
                    format!("must stay {english_value:?} as in the English, not {value:?}"),
                ));
            }
        }
        for path in entry.fields.keys() {
            if !unit.fields.iter().any(|f| f.0 == *path) {
                errors.push(problem(
                    &entry.file,
                    id(path),
                    "the English entry has no such field".into(),
                ));
            }
        }
        if errors.len() == before {
            accepted.insert(at, entry);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut merged = english.clone();
    visit(
        &mut merged,
        &mut |section, key, path, value, translatable| {
            if !translatable {
                return;
            }
            if let Some(v) = accepted
                .get(&(section.to_string(), key.to_string()))
                .and_then(|e| e.fields.get(path))
            {
                *value = v.clone();
            }
        },
    );
    merged.meta.language = language.to_string();
    if let Some(title) = title {
        merged.meta.title = title;
    }
    merged.meta.content_hash = String::new();
    merged.meta.translation = Some(translation);
    Ok(merged)
}

type ReadEntry = (String, Option<String>, BTreeMap<String, String>);

/// An entry's key, its `source` and its other fields flattened to paths.
fn read_entry(section: &str, item: &toml::Table) -> Result<ReadEntry, String> {
    let string = |name: &str| item.get(name).and_then(toml::Value::as_str);
    let key = if section == "change" {
        string("version")
            .ok_or_else(|| "a change entry without `version`".to_string())?
            .to_string()
    } else if section == "salience" {
        match (string("category"), string("risk"), string("stage")) {
            (Some(c), Some(r), Some(s)) => format!("{c}/{r}/{s}"),
            _ => return Err("a salience entry needs category, risk and stage".into()),
        }
    } else {
        string("id")
            .ok_or_else(|| "an entry without `id`".to_string())?
            .to_string()
    };
    let mut fields = BTreeMap::new();
    for (name, value) in item {
        if matches!(name.as_str(), "id" | "source")
            || (section == "change" && name == "version")
            || (section == "salience" && matches!(name.as_str(), "category" | "risk" | "stage"))
        {
            continue;
        }
        flatten(name, value, &mut fields)
            .map_err(|reason| format!("{section} {key} · {name}: {reason}"))?;
    }
    let source = string("source").map(str::to_string);
    Ok((key, source, fields))
}

fn flatten(
    path: &str,
    value: &toml::Value,
    out: &mut BTreeMap<String, String>,
) -> Result<(), String> {
    match value {
        toml::Value::String(s) => {
            out.insert(path.to_string(), s.clone());
        }
        toml::Value::Table(t) => {
            for (k, v) in t {
                flatten(&format!("{path}.{k}"), v, out)?;
            }
        }
        toml::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                flatten(&format!("{path}.{i}"), v, out)?;
            }
        }
        _ => return Err("only text is translated here".into()),
    }
    Ok(())
}

/// Every way a translated field differs from its English where it must not: each reason names
/// what the English has and what the translation has.
pub fn differences(english: &str, translated: &str) -> Vec<String> {
    let mut out = Vec::new();
    if translated.trim().is_empty() {
        out.push("is empty".into());
        return out;
    }
    let mut compare = |what: &str, a: Vec<String>, b: Vec<String>| {
        let (mut a, mut b) = (a, b);
        a.sort();
        b.sort();
        if a != b {
            let lacking = minus(&a, &b);
            let extra = minus(&b, &a);
            let mut reason = format!("{what} differ from the English:");
            if !lacking.is_empty() {
                reason.push_str(&format!(" missing {}", lacking.join(", ")));
            }
            if !extra.is_empty() {
                if !lacking.is_empty() {
                    reason.push(';');
                }
                reason.push_str(&format!(" not in the English {}", extra.join(", ")));
            }
            out.push(reason);
        }
    };
    let owned = |v: Vec<&str>| v.into_iter().map(str::to_string).collect::<Vec<_>>();
    compare(
        "placeholders",
        owned(placeholders(english))
            .into_iter()
            .map(|p| format!("{{{p}}}"))
            .collect(),
        owned(placeholders(translated))
            .into_iter()
            .map(|p| format!("{{{p}}}"))
            .collect(),
    );
    compare(
        "numbers",
        owned(numbers(english)),
        owned(numbers(translated)),
    );
    compare(
        "convention codes",
        conventions(english),
        conventions(translated),
    );
    compare(
        "source references",
        references(english),
        references(translated),
    );
    compare("addresses", urls(english), urls(translated));
    let shape = |s: &str| {
        let paragraphs = s
            .trim()
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
            .count();
        let items = s.lines().filter(|l| l.starts_with("- ")).count();
        (paragraphs, items)
    };
    let (a, b) = (shape(english), shape(translated));
    if a.0 != b.0 {
        out.push(format!(
            "has {} paragraph(s), the English {} (paragraphs are separated by one empty line)",
            b.0, a.0
        ));
    }
    if a.1 != b.1 {
        out.push(format!(
            "has {} list item(s), the English {} (an item is a line starting with \"- \")",
            b.1, a.1
        ));
    }
    out
}

fn minus(a: &[String], b: &[String]) -> Vec<String> {
    let mut rest = b.to_vec();
    let mut out = Vec::new();
    for x in a {
        if let Some(at) = rest.iter().position(|y| y == x) {
            rest.remove(at);
        } else {
            out.push(x.clone());
        }
    }
    out
}

/// ILO convention codes: `C29`, `C155` (a capital C and digits, standing alone).
fn conventions(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (i, _) in text.match_indices('C') {
        let before_ok = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        let digits: String = text[i + 1..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let after = text[i + 1 + digits.len()..].chars().next();
        if before_ok
            && !digits.is_empty()
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
        {
            out.push(format!("C{digits}"));
        }
    }
    out
}

/// Citations of the catalogue's sources: `[S29]`, `[R95]`.
fn references(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices('[') {
        let rest = &text[i + 1..];
        let Some(end) = rest.find(']') else { break };
        let inner = &rest[..end];
        let number = inner.get(1..).unwrap_or_default();
        let digits = number.chars().take_while(char::is_ascii_digit).count();
        if (inner.starts_with('S') || inner.starts_with('R'))
            && digits > 0
            && number[digits..].chars().all(|c| c.is_ascii_lowercase())
        {
            out.push(format!("[{inner}]"));
        }
    }
    out
}

/// Web addresses, to the first space or closing bracket.
fn urls(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices("http") {
        let rest = &text[i..];
        if !(rest.starts_with("http://") || rest.starts_with("https://")) {
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, ')' | ']' | '"' | '>' | '»' | '“'))
            .unwrap_or(rest.len());
        out.push(rest[..end].trim_end_matches(['.', ',', ';']).to_string());
    }
    out
}

/// A translator's template: every entry of `english` that `merged` (the language's current
/// catalogue, if any) lacks or has stale, with its `source` hash and the English text to replace.
/// Paste its entries into the language's file of the same name; the check then says what differs.
pub fn template(english: &Catalog, merged: Option<&Catalog>) -> Vec<(String, String)> {
    let wanted = |u: &Unit| match merged.and_then(|m| m.meta.translation.as_ref()) {
        Some(t) => t.in_english(&u.section, &u.key),
        None => true,
    };
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    for unit in units(english).iter().filter(|u| wanted(u)) {
        let file = match unit.section.as_str() {
            "category" => "categories.toml".to_string(),
            "risk" => "risks.toml".into(),
            "label" => "labels.toml".into(),
            "legal" | "duty" => "legal.toml".into(),
            "salience" => "salience.toml".into(),
            "deliverable" => "deliverables.toml".into(),
            "change" => "changes.toml".into(),
            // By the ID's prefix (`BAT-CPC-04` → criteria/BAT.toml): any file name will do.
            _ => format!(
                "criteria/{}.toml",
                unit.key.split('-').next().unwrap_or("criteria")
            ),
        };
        files.entry(file).or_default().push_str(&entry_toml(unit));
    }
    files.into_iter().collect()
}

/// One entry in the form of the translation files, its text still English.
fn entry_toml(unit: &Unit) -> String {
    let mut top = String::new();
    let mut tables: BTreeMap<String, String> = BTreeMap::new();
    let mut lists: BTreeMap<String, BTreeMap<usize, Vec<(String, String)>>> = BTreeMap::new();
    for (path, value, _) in &unit.fields {
        let parts: Vec<&str> = path.split('.').collect();
        match parts.as_slice() {
            [name] => top.push_str(&format!("{name} = {}\n", toml_string(value))),
            [table, name] => tables
                .entry((*table).to_string())
                .or_default()
                .push_str(&format!("{name} = {}\n", toml_string(value))),
            [list, index, name] => lists
                .entry((*list).to_string())
                .or_default()
                .entry(index.parse().unwrap_or_default())
                .or_default()
                .push(((*name).to_string(), value.clone())),
            _ => {}
        }
    }
    let mut out = format!("[[{}]]\n", unit.section);
    if unit.section == "salience" {
        let mut key = unit.key.splitn(3, '/');
        for name in ["category", "risk", "stage"] {
            out.push_str(&format!(
                "{name} = {}\n",
                toml_string(key.next().unwrap_or(""))
            ));
        }
    } else if unit.section == "change" {
        out.push_str(&format!("version = {}\n", toml_string(&unit.key)));
    } else {
        out.push_str(&format!("id = {}\n", toml_string(&unit.key)));
    }
    out.push_str(&format!("source = \"{}\"\n", unit.source_hash()));
    out.push_str(&top);
    // Lists of short entries inline; notes and a version's criteria as tables of their own.
    let tables_of_their_own = ["note", "criterion"];
    for (list, items) in &lists {
        if tables_of_their_own.contains(&list.as_str()) {
            continue;
        }
        let inline: Vec<String> = items
            .values()
            .map(|fields| {
                let parts: Vec<String> = fields
                    .iter()
                    .map(|(k, v)| format!("{k} = {}", toml_string(v)))
                    .collect();
                format!("{{ {} }}", parts.join(", "))
            })
            .collect();
        out.push_str(&format!("{list} = [{}]\n", inline.join(", ")));
    }
    for (table, body) in &tables {
        out.push_str(&format!("\n[{}.{table}]\n{body}", unit.section));
    }
    for list in tables_of_their_own {
        for fields in lists.get(list).into_iter().flat_map(BTreeMap::values) {
            out.push_str(&format!("\n[[{}.{list}]]\n", unit.section));
            for (k, v) in fields {
                out.push_str(&format!("{k} = {}\n", toml_string(v)));
            }
        }
    }
    out.push('\n');
    out
}

/// A TOML string: multi-line text as a `"""` block starting on its own line.
fn toml_string(value: &str) -> String {
    if value.contains('\n') {
        format!(
            "\"\"\"\n{}\"\"\"",
            value.replace('\\', "\\\\").replace("\"\"\"", "\"\"\\\"")
        )
    } else {
        let mut out = String::from("\"");
        for c in value.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }
}
