//! Reading and checking the authored catalogue (TOML files of one language folder).
//!
//! Used by `build.rs` (which fails the build on any error) and by the native tests and tools. It never
//! ships to the browser: the widget gets the checked catalogue in binary form. Every error names the
//! file, the entry ID where there is one, and the reason, so an author can fix it at once.

use super::catalog::{
    Catalog, CatalogMeta, Category, Change, Criterion, CriterionKind, Label, LegalBasis, RiskTopic,
    SalienceCell, Source,
};
use super::template::{self, Placeholder};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt;

/// One problem in the authored catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogError {
    pub file: String,
    pub id: Option<String>,
    pub reason: String,
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.id {
            Some(id) => write!(f, "{}: {}: {}", self.file, id, self.reason),
            None => write!(f, "{}: {}", self.file, self.reason),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    catalog: MetaFile,
    #[serde(default)]
    change: Vec<Change>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MetaFile {
    language: String,
    version: String,
    title: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CategoriesFile {
    #[serde(default)]
    category: Vec<Category>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RisksFile {
    #[serde(default)]
    risk: Vec<RiskTopic>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LabelsFile {
    #[serde(default)]
    label: Vec<Label>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LegalFile {
    #[serde(default)]
    legal: Vec<LegalBasis>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    #[serde(default)]
    source: Vec<Source>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SalienceFile {
    #[serde(default)]
    salience: Vec<SalienceCell>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CriteriaFile {
    #[serde(default)]
    criterion: Vec<Criterion>,
}

/// Words that betray unfinished text; a tender must never receive them.
const FILLER: [&str; 4] = ["lorem", "tbd", "xxx", "placeholder text"];

/// Reads the files of one language folder (`(path, contents)` pairs, paths relative to the
/// repository) into a checked catalogue, or every problem found.
pub fn load(files: &[(String, String)]) -> Result<Catalog, Vec<CatalogError>> {
    let mut errors = Vec::new();
    let mut meta: Option<(String, CatalogMeta)> = None;
    let mut catalog = Catalog {
        meta: CatalogMeta {
            language: String::new(),
            version: String::new(),
            title: String::new(),
            changes: Vec::new(),
            content_hash: String::new(),
        },
        categories: Vec::new(),
        risks: Vec::new(),
        labels: Vec::new(),
        legal: Vec::new(),
        sources: Vec::new(),
        salience: Vec::new(),
        criteria: Vec::new(),
    };
    // Which file each entry came from, for error messages.
    let mut origin: Vec<(String, String)> = Vec::new();

    let mut sorted: Vec<&(String, String)> = files.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, contents) in sorted {
        let name = path.rsplit('/').next().unwrap_or(path);
        let in_criteria = path.contains("/criteria/");
        let fail = |reason: String| CatalogError {
            file: path.clone(),
            id: None,
            reason,
        };
        macro_rules! parse {
            ($ty:ty) => {
                match toml::from_str::<$ty>(contents) {
                    Ok(v) => v,
                    Err(e) => {
                        errors.push(fail(format!(
                            "not valid catalogue TOML: {}",
                            e.to_string().trim()
                        )));
                        continue;
                    }
                }
            };
        }
        if in_criteria {
            let file = parse!(CriteriaFile);
            for c in &file.criterion {
                origin.push((c.id.clone(), path.clone()));
            }
            catalog.criteria.extend(file.criterion);
            continue;
        }
        match name {
            "catalog.toml" => {
                let file = parse!(CatalogFile);
                meta = Some((
                    path.clone(),
                    CatalogMeta {
                        language: file.catalog.language,
                        version: file.catalog.version,
                        title: file.catalog.title,
                        changes: file.change,
                        content_hash: String::new(),
                    },
                ));
            }
            "categories.toml" => {
                let file = parse!(CategoriesFile);
                for c in &file.category {
                    origin.push((c.id.clone(), path.clone()));
                }
                catalog.categories = file.category;
            }
            "risks.toml" => {
                let file = parse!(RisksFile);
                for r in &file.risk {
                    origin.push((r.id.clone(), path.clone()));
                }
                catalog.risks = file.risk;
            }
            "labels.toml" => {
                let file = parse!(LabelsFile);
                for l in &file.label {
                    origin.push((l.id.clone(), path.clone()));
                }
                catalog.labels = file.label;
            }
            "legal.toml" => {
                let file = parse!(LegalFile);
                for l in &file.legal {
                    origin.push((l.id.clone(), path.clone()));
                }
                catalog.legal = file.legal;
            }
            "sources.toml" => {
                let file = parse!(SourcesFile);
                for s in &file.source {
                    origin.push((s.id.clone(), path.clone()));
                }
                catalog.sources = file.source;
            }
            "salience.toml" => {
                let file = parse!(SalienceFile);
                catalog.salience = file.salience;
                origin.push(("#salience".into(), path.clone()));
            }
            "ui.toml" => {}
            _ => errors.push(fail(
                "unexpected file: a language folder holds catalog.toml, categories.toml, risks.toml, \
                 labels.toml, legal.toml, sources.toml, salience.toml and criteria/*.toml"
                    .into(),
            )),
        }
    }

    match meta {
        Some((_, m)) => catalog.meta = m,
        None => errors.push(CatalogError {
            file: "catalog.toml".into(),
            id: None,
            reason: "missing: every language folder needs catalog.toml with [catalog] language, version and title".into(),
        }),
    }
    let file_of = |id: &str| -> String {
        origin
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, f)| f.clone())
            .unwrap_or_else(|| "(catalogue)".into())
    };
    errors.extend(check(&catalog, &file_of));
    if errors.is_empty() {
        Ok(catalog)
    } else {
        Err(errors)
    }
}

/// Every consistency rule of the catalogue; `file_of` maps an ID to the file it came from.
pub fn check(catalog: &Catalog, file_of: &dyn Fn(&str) -> String) -> Vec<CatalogError> {
    let mut errors = Vec::new();
    let mut err = |id: &str, reason: String| {
        let file = file_of(id);
        errors.push(CatalogError {
            file,
            id: if id.starts_with('#') {
                None
            } else {
                Some(id.to_string())
            },
            reason,
        });
    };

    if catalog.meta.changes.first().map(|c| c.version.as_str())
        != Some(catalog.meta.version.as_str())
    {
        err(
            "#catalog",
            format!(
                "the newest [[change]] entry must be for version {} (the change log lists the newest first)",
                catalog.meta.version
            ),
        );
    }
    for c in &catalog.meta.changes {
        if !is_date(&c.date) {
            err(
                "#catalog",
                format!("change {}: date {:?} is not YYYY-MM-DD", c.version, c.date),
            );
        }
    }

    let lower_id = |id: &str| {
        !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    let mut seen = BTreeSet::new();
    let mut unique = |id: &str, what: &str, err: &mut dyn FnMut(&str, String)| {
        if !seen.insert(format!("{what}:{id}")) {
            err(id, format!("duplicate {what} ID"));
        }
    };
    for c in &catalog.categories {
        unique(&c.id, "category", &mut err);
        if !lower_id(&c.id) || c.id == "*" {
            err(
                &c.id,
                "category IDs are lowercase letters, digits and dashes".into(),
            );
        }
    }
    for r in &catalog.risks {
        unique(&r.id, "risk", &mut err);
        if !lower_id(&r.id) {
            err(
                &r.id,
                "risk IDs are lowercase letters, digits and dashes".into(),
            );
        }
    }
    for l in &catalog.legal {
        unique(&l.id, "legal", &mut err);
        if !lower_id(&l.id) {
            err(
                &l.id,
                "legal IDs are lowercase letters, digits and dashes".into(),
            );
        }
    }
    for s in &catalog.sources {
        unique(&s.id, "source", &mut err);
        if !s.url.starts_with("https://") && !s.url.starts_with("http://") {
            err(
                &s.id,
                format!("source URL {:?} must start with https://", s.url),
            );
        }
    }
    let source_ok = |id: &str| catalog.source(id).is_some();
    for l in &catalog.labels {
        unique(&l.id, "label", &mut err);
        if !lower_id(&l.id) {
            err(
                &l.id,
                "label IDs are lowercase letters, digits and dashes".into(),
            );
        }
        if l.sources.is_empty() {
            err(&l.id, "a label needs at least one source".into());
        }
        for s in l.sources.iter().filter(|s| !source_ok(s)) {
            err(&l.id, format!("unknown source {s:?}"));
        }
        for c in l
            .categories
            .iter()
            .filter(|c| catalog.category(c).is_none())
        {
            err(&l.id, format!("unknown category {c:?}"));
        }
    }

    let mut cells = BTreeSet::new();
    for cell in &catalog.salience {
        let where_ = format!(
            "salience {} × {} × {:?}",
            cell.category, cell.risk, cell.stage
        );
        if catalog.category(&cell.category).is_none() {
            err(
                "#salience",
                format!("{where_}: unknown category {:?}", cell.category),
            );
        }
        if catalog.risk(&cell.risk).is_none() {
            err(
                "#salience",
                format!("{where_}: unknown risk {:?}", cell.risk),
            );
        }
        if !cells.insert((cell.category.clone(), cell.risk.clone(), cell.stage)) {
            err("#salience", format!("{where_}: listed twice"));
        }
        if cell.reason.trim().is_empty() {
            err("#salience", format!("{where_}: a reason is required"));
        }
        if cell.sources.is_empty() {
            err("#salience", format!("{where_}: a source is required"));
        }
        for s in cell.sources.iter().filter(|s| !source_ok(s)) {
            err("#salience", format!("{where_}: unknown source {s:?}"));
        }
    }

    for c in &catalog.criteria {
        unique(&c.id, "criterion", &mut err);
        check_criterion(catalog, c, &mut err);
    }
    errors
}

fn check_criterion(catalog: &Catalog, c: &Criterion, err: &mut dyn FnMut(&str, String)) {
    let id = c.id.as_str();
    if id.is_empty()
        || !id
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
    {
        err(
            id,
            "criterion IDs are uppercase letters, digits and dashes".into(),
        );
    }
    for (field, value) in [
        ("title", &c.title),
        ("guidance", &c.guidance),
        ("verification.submit", &c.verification.submit),
    ] {
        if value.trim().is_empty() {
            err(id, format!("{field} is empty"));
        }
    }
    if c.categories.is_empty() {
        err(
            id,
            "categories is empty (use [\"*\"] for every category)".into(),
        );
    }
    for cat in c
        .categories
        .iter()
        .filter(|c| *c != "*" && catalog.category(c).is_none())
    {
        err(id, format!("unknown category {cat:?}"));
    }
    if c.risks.is_empty() {
        err(id, "risks is empty".into());
    }
    for r in c.risks.iter().filter(|r| catalog.risk(r).is_none()) {
        err(id, format!("unknown risk {r:?}"));
    }
    if c.legal_basis.is_empty() {
        err(
            id,
            "legal_basis is empty: every criterion states its legal basis".into(),
        );
    }
    for l in c
        .legal_basis
        .iter()
        .filter(|l| catalog.legal_basis(l).is_none())
    {
        err(id, format!("unknown legal basis {l:?}"));
    }
    if c.sources.is_empty() {
        err(
            id,
            "sources is empty: every criterion cites a source".into(),
        );
    }
    for s in c.sources.iter().filter(|s| catalog.source(s).is_none()) {
        err(id, format!("unknown source {s:?}"));
    }
    for l in c
        .verification
        .labels
        .iter()
        .filter(|l| catalog.label(l).is_none())
    {
        err(id, format!("unknown label {l:?}"));
    }
    if !c.verification.labels.is_empty() && c.verification.equivalent.trim().is_empty() {
        err(
            id,
            "verification.equivalent is empty: a criterion that accepts labels says what equivalent proof looks like (Directive 2014/24/EU Art. 43)".into(),
        );
    }
    if !is_date(&c.last_reviewed) {
        err(
            id,
            format!("last_reviewed {:?} is not YYYY-MM-DD", c.last_reviewed),
        );
    }
    match (&c.award, c.kind) {
        (None, CriterionKind::AwardCriterion) => err(
            id,
            "an award criterion needs [criterion.award] with weight and scoring".into(),
        ),
        (Some(_), kind) if kind != CriterionKind::AwardCriterion => {
            err(id, "[criterion.award] is only for award criteria".into())
        }
        (Some(a), _) if !(1..=10).contains(&a.weight) => {
            err(id, format!("award weight {} is outside 1 to 10", a.weight))
        }
        (Some(a), _) if a.scoring.trim().is_empty() => err(id, "award scoring is empty".into()),
        _ => {}
    }
    if let Some(m) = &c.management {
        if m.kpi.trim().is_empty() || m.cadence.trim().is_empty() {
            err(id, "management needs a kpi and a cadence".into());
        }
        for (field, value) in [
            ("kpi", &m.kpi),
            ("cadence", &m.cadence),
            ("follow_up", &m.follow_up),
            ("remediation", &m.remediation),
        ] {
            if value.trim().is_empty() {
                continue;
            }
            match template::parse(value) {
                Ok(blocks) if template::placeholders(&blocks).contains(&Placeholder::Points) => {
                    err(
                        id,
                        format!("management.{field}: {{points}} is only meaningful in award text"),
                    )
                }
                Ok(_) => {}
                Err(e) => err(id, format!("management.{field}: {e}")),
            }
        }
    }
    // These are shown as written: a placeholder there would reach the buyer unfilled.
    for (field, value) in [
        ("title", &c.title),
        ("guidance", &c.guidance),
        ("verification.submit", &c.verification.submit),
        ("verification.equivalent", &c.verification.equivalent),
    ] {
        if value.contains('{') || value.contains('}') {
            err(
                id,
                format!(
                    "{field} contains a brace: placeholders are filled only in text and management"
                ),
            );
        }
    }
    match template::parse(&c.text) {
        Ok(blocks) => {
            let used = template::placeholders(&blocks);
            if used.contains(&Placeholder::Points) && c.kind != CriterionKind::AwardCriterion {
                err(id, "{points} is only meaningful in award criteria".into());
            }
        }
        Err(e) => err(id, format!("text: {e}")),
    }
    for r in &c.replaces {
        match catalog.criterion(r) {
            None => err(id, format!("replaces unknown criterion {r:?}")),
            Some(old) if old.kind != c.kind => err(
                id,
                format!("replaces {r}, which is a different kind of criterion"),
            ),
            Some(old) if old.level >= c.level => err(
                id,
                format!("replaces {r}, which is not of a lower ambition level"),
            ),
            _ => {}
        }
    }
    let words: Vec<String> = [
        c.title.as_str(),
        c.text.as_str(),
        c.guidance.as_str(),
        c.verification.submit.as_str(),
        c.verification.equivalent.as_str(),
    ]
    .iter()
    .flat_map(|t| t.split(|ch: char| !ch.is_alphanumeric()))
    .filter(|w| !w.is_empty())
    .map(str::to_lowercase)
    .collect();
    for filler in FILLER {
        let needle: Vec<&str> = filler.split(' ').collect();
        if words
            .windows(needle.len())
            .any(|w| w.iter().zip(&needle).all(|(a, b)| a == b))
        {
            err(id, format!("contains filler text {filler:?}"));
        }
    }
}

/// `YYYY-MM-DD` with a plausible month and day.
pub fn is_date(s: &str) -> bool {
    parse_date(s).is_some()
}

/// Parses `YYYY-MM-DD` into (year, month, day).
pub fn parse_date(s: &str) -> Option<(u32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}
