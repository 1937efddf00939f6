//! The catalogue's consistency rules, on every target: the build runs them on the authored
//! catalogue (through `catalog_source`, which reads the TOML files natively), and the widget runs
//! the same rules in the browser on a catalogue with an authority's overlay applied. Every error
//! names the file, the entry ID where there is one, and the reason (which names the field).

use super::catalog::{citations, Catalog, ChangeKind, Criterion, CriterionKind, LotFeature};
use super::template::{self, Placeholder};
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

/// Document-sharing sites and news aggregators: a copy, never the page that supports a sentence.
const SHARING_HOSTS: [&str; 12] = [
    "scribd.com",
    "docslib.org",
    "readkong.com",
    "cupdf.com",
    "dokumen.tips",
    "fdokumen.com",
    "zbook.org",
    "docplayer.net",
    "docplayer.se",
    "menafn.com",
    "wallstreet-online.de",
    "finanznachrichten.de",
];

/// Words that betray unfinished text; a tender must never receive them.
const FILLER: [&str; 4] = ["lorem", "tbd", "xxx", "placeholder text"];

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

    if catalog.changes.first().map(|c| c.version.as_str()) != Some(catalog.meta.version.as_str()) {
        err(
            "#catalog",
            format!(
                "the newest [[change]] entry must be for version {} (the change log lists the newest first)",
                catalog.meta.version
            ),
        );
    }
    let mut versions = BTreeSet::new();
    for (i, c) in catalog.changes.iter().enumerate() {
        if !is_date(&c.date) {
            err(
                "#catalog",
                format!("change {}: date {:?} is not YYYY-MM-DD", c.version, c.date),
            );
        }
        if !versions.insert(c.version.as_str()) {
            err(
                "#catalog",
                format!("change {}: the version is listed twice", c.version),
            );
        }
        if let Some(older) = catalog.changes.get(i + 1) {
            if older.date > c.date {
                err(
                    "#catalog",
                    format!(
                        "change {} is dated before change {}: the change log lists the newest first",
                        c.version, older.version
                    ),
                );
            }
        }
        for entry in &c.criteria {
            // An older entry may name a criterion that a later version removed.
            let removed_later = catalog.changes.iter().any(|other| {
                other.criteria.iter().any(|e| {
                    e.id == entry.id && e.what == ChangeKind::Removed && other.version != c.version
                })
            });
            let where_ = format!("change {}: criterion {}", c.version, entry.id);
            if entry.reason.trim().is_empty() {
                err("#catalog", format!("{where_}: a reason is required"));
            }
            for cat in entry
                .categories
                .iter()
                .filter(|k| catalog.category(k).is_none())
            {
                err("#catalog", format!("{where_}: unknown category {cat:?}"));
            }
            match (entry.what, catalog.criterion(&entry.id)) {
                (ChangeKind::Removed, None) if entry.categories.is_empty() => err(
                    "#catalog",
                    format!("{where_}: a removed criterion lists the categories it applied to"),
                ),
                (ChangeKind::Removed, _) | (_, Some(_)) => {}
                (_, None) if removed_later => {}
                (_, None) => err(
                    "#catalog",
                    format!("{where_}: no such criterion (only a removed one may be missing)"),
                ),
            }
        }
    }
    // A criterion removed as a whole keeps its ID retired: it never comes back with other text.
    for c in &catalog.changes {
        for entry in &c.criteria {
            let whole = entry.what == ChangeKind::Removed && entry.categories.is_empty();
            if whole && catalog.criterion(&entry.id).is_some() {
                err(
                    &entry.id,
                    format!(
                        "was removed in version {}: a retired ID is never used again",
                        c.version
                    ),
                );
            }
        }
    }
    let mut deliverables = BTreeSet::new();
    for d in &catalog.deliverables {
        if !deliverables.insert(d.id.as_str()) {
            err(&d.id, "duplicate deliverable ID".into());
        }
        if d.name.trim().is_empty() {
            err(&d.id, "a deliverable needs a name".into());
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
        for cpv in &c.cpv {
            if cpv.code.len() != 8 || !cpv.code.bytes().all(|b| b.is_ascii_digit()) {
                err(
                    &c.id,
                    format!(
                        "CPV code {:?} is not 8 digits (write it without the check digit)",
                        cpv.code
                    ),
                );
            }
            if cpv.label.trim().is_empty() {
                err(
                    &c.id,
                    format!("CPV code {} needs its official label", cpv.code),
                );
            }
        }
        if c.cpv.is_empty() && c.cpv_note.trim().is_empty() {
            err(
                &c.id,
                "no CPV code: say in cpv_note why none fits, rather than leaving it unsaid".into(),
            );
        }
        for feature in &c.asks {
            let needed = catalog
                .criteria
                .iter()
                .filter(|k| k.applies_to_category(&c.id))
                .flat_map(|k| k.requires.iter().chain(&k.unless))
                .any(|f| f.asked_as() == *feature);
            if !needed && !catalog.criteria.is_empty() {
                err(
                    &c.id,
                    format!(
                        "asks about {:?}, but no criterion for this category depends on the answer",
                        feature.code()
                    ),
                );
            }
        }
    }
    for t in &catalog.thresholds {
        let where_ = format!("threshold {}–{}", t.valid_from, t.valid_to);
        if catalog.legal_basis(&t.legal).is_none() {
            err(
                "#thresholds",
                format!("{where_}: unknown legal entry {:?}", t.legal),
            );
        }
        if !is_date(&t.valid_from) || !is_date(&t.valid_to) || t.valid_from > t.valid_to {
            err(
                "#thresholds",
                format!("{where_}: the period must be two YYYY-MM-DD dates, the first not after the second"),
            );
        }
        if t.central == 0 || t.sub_central == 0 {
            err("#thresholds", format!("{where_}: a threshold is zero"));
        }
    }
    for d in &catalog.duties {
        if catalog.legal_basis(&d.legal).is_none() {
            err(&d.id, format!("unknown legal entry {:?}", d.legal));
        }
        if !is_date(&d.from) {
            err(&d.id, "from must be a YYYY-MM-DD date".into());
        }
        if d.name.trim().is_empty() || d.criteria.is_empty() {
            err(
                &d.id,
                "a duty needs a name and the criteria it concerns".into(),
            );
        }
        for c in d.criteria.iter().filter(|c| catalog.criterion(c).is_none()) {
            err(&d.id, format!("unknown criterion {c:?}"));
        }
    }
    if catalog.duties.windows(2).any(|w| w[0].from > w[1].from) {
        err("#duties", "duties are listed in date order".into());
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
        if !is_primary_source(&l.url) {
            err(
                &l.id,
                format!(
                    "url {:?} is not a primary text: link the EUR-Lex ELI or CELEX address, ILO NORMLEX, or the issuing body's own page ({})",
                    l.url,
                    PRIMARY_HOSTS.join(", ")
                ),
            );
        }
    }
    for s in &catalog.sources {
        unique(&s.id, "source", &mut err);
        let rest = s
            .url
            .strip_prefix("https://")
            .or_else(|| s.url.strip_prefix("http://"));
        let Some(rest) = rest else {
            err(
                &s.id,
                format!("source URL {:?} must start with https://", s.url),
            );
            continue;
        };
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        if rest.trim_end_matches('/').len() <= host.len() {
            err(
                &s.id,
                format!(
                    "source URL {:?} is a site's home page: cite the page that supports the sentence",
                    s.url
                ),
            );
        }
        if SHARING_HOSTS
            .iter()
            .any(|h| host == *h || host.ends_with(&format!(".{h}")))
        {
            err(
                &s.id,
                format!(
                    "source URL {:?} is on a document-sharing or aggregator site: cite the publisher's own page",
                    s.url
                ),
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
        if l.mentions.iter().all(|m| m.trim().is_empty()) {
            err(
                &l.id,
                "mentions is empty: list how catalogue text names the label, so that documents for other categories can be checked".into(),
            );
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
    if c.addresses.is_empty() {
        err(
            id,
            "addresses is empty: say which risks the criterion is about".into(),
        );
    }
    for r in c
        .addresses
        .iter()
        .chain(&c.touches)
        .filter(|r| catalog.risk(r).is_none())
    {
        err(id, format!("unknown risk {r:?}"));
    }
    for r in c.touches.iter().filter(|r| c.addresses.contains(r)) {
        err(
            id,
            format!("risk {r:?} is both addressed and touched: keep it in one list"),
        );
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
        .chain(&c.verification.partial_labels)
        .filter(|l| catalog.label(l).is_none())
    {
        err(id, format!("unknown label {l:?}"));
    }
    for l in c
        .verification
        .partial_labels
        .iter()
        .filter(|l| c.verification.labels.contains(l))
    {
        err(
            id,
            format!("label {l:?} is listed both as a whole proof and as a partial one"),
        );
    }
    for k in c
        .verification
        .own_evidence
        .iter()
        .filter(|k| *k != "*" && catalog.category(k).is_none())
    {
        err(
            id,
            format!("verification.own_evidence: unknown category {k:?}"),
        );
    }
    for cover in &c.covers {
        match catalog.criterion(&cover.id) {
            None => err(id, format!("covers unknown criterion {:?}", cover.id)),
            Some(other) if other.id == c.id => err(id, "covers itself".into()),
            Some(other)
                if !catalog
                    .categories
                    .iter()
                    .any(|k| c.applies_to_category(&k.id) && other.applies_to_category(&k.id)) =>
            {
                err(
                    id,
                    format!(
                        "covers {}, but the two never apply to the same category",
                        other.id
                    ),
                )
            }
            Some(_) => {}
        }
        if cover.reason.trim().is_empty() {
            err(id, format!("covers {}: a reason is required", cover.id));
        }
    }
    for feature in &c.requires {
        if c.categories.iter().any(|k| k == "*") {
            err(
                id,
                format!(
                    "requires {:?} but applies to every category: name the categories that ask it",
                    feature.code()
                ),
            );
        }
        for k in c.categories.iter().filter_map(|k| catalog.category(k)) {
            if !k.asks(*feature) {
                err(
                    id,
                    format!(
                        "requires {:?}, but the category {} does not ask it (add it to the category's asks)",
                        feature.code(),
                        k.id
                    ),
                );
            }
        }
    }
    for d in c
        .delivers
        .iter()
        .filter(|d| !catalog.deliverables.iter().any(|x| &x.id == *d))
    {
        err(id, format!("delivers unknown deliverable {d:?}"));
    }
    for note in &c.notes {
        if note.text.trim().is_empty() || note.categories.is_empty() {
            err(id, "a note needs categories and text".into());
        }
        if note.text.contains('{') || note.text.contains('}') {
            err(
                id,
                "a note contains a brace: placeholders are filled only in text and management"
                    .into(),
            );
        }
        for k in &note.categories {
            if catalog.category(k).is_none() {
                err(id, format!("note: unknown category {k:?}"));
            } else if !c.applies_to_category(k) {
                err(
                    id,
                    format!("note for {k}, a category the criterion does not apply to"),
                );
            }
        }
    }
    // The listed sources are exactly those the guidance and its notes cite, so that a document
    // lists the sources of the guidance it includes and nothing else.
    let mut cited: BTreeSet<&str> = citations(&c.guidance).into_iter().collect();
    for note in &c.notes {
        cited.extend(citations(&note.text));
    }
    let listed: BTreeSet<&str> = c.sources.iter().map(String::as_str).collect();
    for s in cited.difference(&listed) {
        err(
            id,
            format!("the guidance cites [{s}], which is not in sources"),
        );
    }
    for s in listed.difference(&cited) {
        err(
            id,
            format!("sources lists {s}, which the guidance and its notes never cite"),
        );
    }
    let any_label = !c.verification.labels.is_empty() || !c.verification.partial_labels.is_empty();
    if any_label && c.verification.equivalent.trim().is_empty() {
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
    if c.closing && (!c.replaces.is_empty() || !c.covers.is_empty()) {
        err(
            id,
            "a closing criterion applies with the others of its kind: it cannot replace or cover anything".into(),
        );
    }
    if c.closing {
        // A closing criterion that depends on a scope answer needs its counterpart for the other
        // answer, so that every lot keeps one.
        let counterpart = |feature: LotFeature, wanted_requires: bool| {
            catalog.criteria.iter().any(|k| {
                k.id != c.id
                    && k.closing
                    && k.kind == c.kind
                    && k.level == c.level
                    && if wanted_requires {
                        k.requires == [feature] && k.unless.is_empty()
                    } else {
                        k.unless == [feature] && k.requires.is_empty()
                    }
                    && catalog
                        .categories
                        .iter()
                        .filter(|x| c.applies_to_category(&x.id) && x.asks(feature))
                        .all(|x| k.applies_to_category(&x.id))
            })
        };
        let pairs = c
            .requires
            .iter()
            .map(|f| (*f, false))
            .chain(c.unless.iter().map(|f| (*f, true)));
        for (feature, wanted_requires) in pairs {
            if c.requires.len() + c.unless.len() > 1 || !counterpart(feature, wanted_requires) {
                err(
                    id,
                    format!(
                        "a closing criterion that depends on {:?} needs one counterpart of its kind and level for the other answer, in the same categories",
                        feature.code()
                    ),
                );
            }
        }
    }
    for feature in &c.unless {
        if c.requires.contains(feature) {
            err(
                id,
                format!("both requires and is left out by {:?}", feature.code()),
            );
        }
        let asked = catalog
            .categories
            .iter()
            .any(|k| c.applies_to_category(&k.id) && k.asks(*feature));
        if !asked && !catalog.categories.is_empty() {
            err(
                id,
                format!(
                    "is left out by {:?}, but none of its categories asks it",
                    feature.code()
                ),
            );
        }
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

/// Where the primary texts of legal entries are published.
pub const PRIMARY_HOSTS: [&str; 10] = [
    "eur-lex.europa.eu",
    "data.europa.eu",
    "curia.europa.eu",
    "normlex.ilo.org",
    "www.ilo.org",
    "www.ohchr.org",
    "www.oecd.org",
    "www.basel.int",
    "legalinstruments.oecd.org",
    "mneguidelines.oecd.org",
];

/// Whether `url` is an address on one of the [`PRIMARY_HOSTS`].
pub fn is_primary_source(url: &str) -> bool {
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    PRIMARY_HOSTS.contains(&host) && rest.len() > host.len() + 1
}

/// Whether `s` is a real calendar date written `YYYY-MM-DD` (the widget's own reading of dates).
pub fn is_date(s: &str) -> bool {
    super::dates::parse(s).is_some()
}
