//! Command line: renders a selection to the same text the widget exports, byte for byte.
//!
//! For authorities that generate tender documents in scripts, and as a consistency check of the
//! widget. The selection comes from a shared link's fragment or from a JSON file.

use criteria_builder::domain::assemble::assemble;
use criteria_builder::domain::changes;
use criteria_builder::domain::coverage;
use criteria_builder::domain::embedded;
use criteria_builder::domain::fragment;
use criteria_builder::domain::i18n::Language;
use criteria_builder::domain::i18n::MESSAGE_COUNT;
use criteria_builder::domain::overlay::{self, Overlay};
use criteria_builder::domain::proportion;
use criteria_builder::domain::render::office::template;
use criteria_builder::domain::render::{Format, Part};
use criteria_builder::domain::saved;
use criteria_builder::domain::translation;
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "\
Usage: criteria render [--format markdown|text|html|docx|odt|grid-csv|notice-json] [--part PART] [--language LANG[,LANG2]] [--template FILE] [--overlay FILE] (--fragment FRAGMENT | --json FILE)
       criteria overlay FILE [--json]
       criteria answers [--language LANG[,LANG2]] (--fragment FRAGMENT | --json FILE)
       criteria export-catalog --out-dir DIR
       criteria coverage [--language en|de|fr]
       criteria translation-template --language CODE --out-dir DIR

Renders a selection to the document the widget exports, byte for byte.
  --fragment  the part after '#' of a link shared from the widget (a whole link works too)
  --json      a file of answers saved by the widget (\"Save answers as a file\", docs/answers.md), or
              the selection alone as JSON (the \"answers\" member of that file), e.g.
              {\"categories\": [\"laptops-desktops\", \"monitors\"], \"risks\": [\"forced-labour\"],
               \"level\": \"advanced\", \"stages\": [\"selection\", \"contract\"],
               \"one_off\": [], \"take_back\": [\"laptops-desktops\"],
               \"refurbished\": [\"monitors\"], \"refurbished_only\": [],
               \"details\": {\"authority\": \"City of Example\", \"contract_months\": \"48\",
                           \"start_date\": \"2027-03-01\"},
               \"joined\": [\"monitors:laptops-desktops\"], \"lot_levels\": [],
               \"added\": [], \"dropped\": [], \"working_notes\": false,
               \"language\": \"de\", \"second_language\": \"fr\",
               \"catalog_version\": \"2026.12.3\"}
              (one_off, take_back, refurbished, refurbished_only: the lots, by first product, that
              are a one-off purchase, include take-back, accept refurbished equipment, take only
              refurbished equipment; joined: products bought in another product's lot, as
              product:lot's first product;
              lot_levels: a level for some lots, as product:level; added: related criteria the buyer
              added, dropped: criteria dropped, both as product/CRITERION-ID; working_notes: keep
              catalogue references, legal basis and risks in the tender text; catalog_version: the
              catalogue the selection was made with; what changed since is reported on standard error)
  --language  the widget's language (en, de or fr; default: the selection's, else en): the document is
              in it where its catalogue is translated; with a second one (de,fr) every export carries
              the document in both, side by side in HTML, .docx and .odt, and paragraph after
              paragraph in Markdown and text (default: the selection's second_language, if any)
  --format    markdown (default), text, html (the standalone print-friendly file), docx (Word),
              odt (OpenDocument, LibreOffice), or grid-csv (the
              evaluation grid of the award criteria: per lot, each with its points and scoring,
              and a column per bidder; comma-separated in English, semicolons in German and French),
              or notice-json (the notice data: per lot the eForms values and the OCDS
              sustainability block, docs/notice-data.md)
  --overlay   an authority's overlay (.toml, or its JSON form .json; README, \"The authority's own
              criteria\"), applied as the widget applies it: its own criteria, marked as such, the
              catalogue criteria it hides left out, its name, version and hash in the footer
  overlay     checks an overlay against the catalogue in every language with the build's rules
              (every problem with file, entry and reason); with --json, writes its JSON form, which
              the widget reads
  --template  a Word (.docx, .dotx) or OpenDocument (.odt, .ott) file whose heading, body and list
              styles the docx or odt download takes, as in the widget
  --part      what to write, as the widget's export offers it: whole (default), tender (the tender
              text for publication), selection, specifications, award, contract (one stage),
              management (the contract-management plan), guidance (notes and references) or
              questionnaire (the supplier questionnaire: a numbered question per criterion, with
              the proof it accepts and room for the answer per lot) or notice (the eForms notice
              data per lot)
What could not be used from the selection is reported on standard error.

answers prints the file of saved answers the widget's \"Save answers as a file\" downloads for the
same selection (docs/answers.md), byte for byte.

export-catalog writes the complete catalogue of every language that has one (catalog-<lang>.bin) and
the UI messages of every translated language (messages-<lang>.bin) into DIR, next
to the widget's files: the widget fetches it after its first step is interactive.

translation-template writes, for the catalogue translation into CODE (an existing one, or a new
language), every entry that is not translated yet or whose English changed since: in the form of
catalog/CODE/, each with the `source` hash of its English text, the text still English. Translate the
text, put the entries into catalog/CODE/ (any file name) and build: the check names every difference.

coverage prints what the catalogue covers: criteria per category, risk, level and kind, then its
checks: category / high-salience risk / level without a criterion, criterion / category without a
route to proof, criteria delivering the same thing in one lot, tender text worded conditionally on
the lot's scope, and award criteria that could be worth 0 points (exit status 1 if any is found).";

/// The coverage report: counts, then gaps. `Err` only for a catalogue that cannot be read.
fn coverage_report(args: &[String]) -> Result<(String, bool), String> {
    let language = match args {
        [] => Language::default(),
        [flag, code] if flag == "--language" => {
            Language::from_code(code).ok_or_else(|| format!("unknown language {code:?}"))?
        }
        _ => return Err(String::new()),
    };
    let bytes =
        embedded::bytes(language.document_language()).ok_or("no catalogue for this language")?;
    let catalog = embedded::decode(bytes).map_err(|e| e.to_string())?;
    let counts = coverage::counts(&catalog);
    // What is translated for this language: its UI messages (complete, or the build fails) and
    // its catalogue, entry by entry (missing and stale ones are shown in English, marked).
    let translation = match language {
        Language::En => String::new(),
        other => {
            let mut out = format!(
                "language {}: UI messages {} of {} translated ({})\n",
                other.code(),
                if other.loaded().is_some() {
                    MESSAGE_COUNT
                } else {
                    0
                },
                MESSAGE_COUNT,
                other.status().unwrap_or("no messages file"),
            );
            match &catalog.meta.translation {
                None => out.push_str(
                    "catalogue: not yet translated, criteria and documents are in English\n",
                ),
                Some(t) => {
                    let total = translation::units(
                        &embedded::catalog(Language::En).map_err(|e| e.to_string())?,
                    )
                    .len();
                    out.push_str(&format!(
                        "catalogue: translation of the English catalogue {} (catalogue hash {}): {} of {} entries translated and current; {} not translated; {} stale (English changed since)\n  status: {}\n",
                        t.reference_version,
                        t.reference_hash,
                        total - t.missing.len() - t.stale.len(),
                        total,
                        t.missing.len(),
                        t.stale.len(),
                        t.status,
                    ));
                    for name in &t.missing {
                        out.push_str(&format!("  not translated: {name}\n"));
                    }
                    for name in &t.stale {
                        out.push_str(&format!("  stale: {name}\n"));
                    }
                }
            }
            out
        }
    };
    let mut out = translation;
    out.push_str(&format!(
        "catalogue {} version {}: {} criteria, {} categories, {} risks, {} labels, {} legal bases, {} sources, {} salience cells\n",
        catalog.meta.language,
        catalog.meta.version,
        counts.total,
        catalog.categories.len(),
        catalog.risks.len(),
        catalog.labels.len(),
        catalog.legal.len(),
        catalog.sources.len(),
        catalog.salience.len()
    ));
    out.push_str("\nper category (criteria that apply, including those for every category):\n");
    for (id, n) in &counts.per_category {
        out.push_str(&format!("  {id:<26} {n}\n"));
    }
    out.push_str("\nper risk:\n");
    for (id, n) in &counts.per_risk {
        out.push_str(&format!("  {id:<26} {n}\n"));
    }
    out.push_str("\nper level:\n");
    for (level, n) in &counts.per_level {
        out.push_str(&format!("  {:<26} {n}\n", level.code()));
    }
    out.push_str("\nper kind:\n");
    for (kind, n) in &counts.per_kind {
        out.push_str(&format!("  {:<26} {n}\n", format!("{kind:?}")));
    }
    let gap_list = |out: &mut String, title: &str, gaps: &[coverage::Gap]| {
        out.push_str(&format!("\n{title}: {}\n", gaps.len()));
        for g in gaps {
            out.push_str(&format!(
                "  {} / {} / {}\n",
                g.category,
                g.risk,
                g.level.code()
            ));
        }
    };
    let gaps = coverage::gaps(&catalog);
    gap_list(
        &mut out,
        "category / high-salience risk / level without a criterion",
        &gaps,
    );
    gap_list(
        &mut out,
        "category / high-salience risk / level covered only with a scope answer (reported, not an error; the document says which answer brings criteria)",
        &coverage::scope_only(&catalog),
    );
    let left_out = coverage::left_out_by_answer(&catalog);
    out.push_str(&format!(
        "\ncategory / high-salience risk / level whose criteria a scope answer leaves out (reported, not an error; the document says so): {}\n",
        left_out.len()
    ));
    for (g, feature) in &left_out {
        out.push_str(&format!(
            "  {} / {} / {}: {}\n",
            g.category,
            g.risk,
            g.level.code(),
            feature.code()
        ));
    }
    let missing = coverage::missing_proof_routes(&catalog);
    out.push_str(&format!(
        "\ncriterion / category without a route to proof: {} of {} pairs\n",
        missing.len(),
        coverage::proof_route_pairs(&catalog)
    ));
    for (id, category) in &missing {
        out.push_str(&format!("  {id} / {category}\n"));
    }
    let overlaps = coverage::overlaps(&catalog);
    let pairs = coverage::overlapping_pairs(&overlaps);
    out.push_str(&format!(
        "\ncriteria delivering the same thing in one lot: {} pairs in {} of {} lot shapes (category x level x stages x scope)\n",
        pairs.len(),
        overlaps.len(),
        coverage::lot_shape_count(&catalog)
    ));
    for (first, second, deliverable) in &pairs {
        out.push_str(&format!("  {first} and {second}: {deliverable}\n"));
    }
    let conditional = coverage::conditional_texts(&catalog);
    out.push_str(&format!(
        "\ntender texts worded conditionally on the lot's scope: {}\n",
        conditional.len()
    ));
    for (id, phrase) in &conditional {
        out.push_str(&format!("  {id}: \"{phrase}\"\n"));
    }
    let zero = coverage::zero_points(&catalog);
    out.push_str(&format!(
        "\naward criteria that could be worth 0 points (totals 0 to 200 in every lot shape): {}\n",
        zero.len()
    ));
    for (id, reason) in &zero {
        out.push_str(&format!("  {id}: {reason}\n"));
    }
    let foreign = coverage::foreign_label_mentions(&catalog);
    out.push_str(&format!(
        "\nlabels named in a document whose lot they cannot prove anything for: {}\n",
        foreign.len()
    ));
    for f in &foreign {
        out.push_str(&format!(
            "  {}: {} (\"{}\")\n",
            f.category, f.label, f.mention
        ));
    }
    let sound = foreign.is_empty()
        && gaps.is_empty()
        && missing.is_empty()
        && overlaps.is_empty()
        && conditional.is_empty()
        && zero.is_empty();
    Ok((out, sound))
}

/// Writes a translator's template for a language into `dir`.
fn translation_template(args: &[String]) -> Result<String, String> {
    let (code, dir) = match args {
        [flag, code, out, dir] if flag == "--language" && out == "--out-dir" => (code, dir),
        _ => return Err(String::new()),
    };
    if code == "en" || code.is_empty() || !code.chars().all(|c| c.is_ascii_lowercase()) {
        return Err(format!(
            "{code:?} is not a language to translate into (e.g. nl, sv, it)"
        ));
    }
    let english = embedded::catalog(Language::En).map_err(|e| e.to_string())?;
    let current = embedded::EMBEDDED
        .iter()
        .find(|(c, _)| c == code)
        .map(|(_, bytes)| embedded::decode(bytes))
        .transpose()
        .map_err(|e| e.to_string())?;
    let mut written = Vec::new();
    for (name, text) in translation::template(&english, current.as_ref()) {
        let path = std::path::Path::new(dir).join(&name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        written.push(path.display().to_string());
    }
    if written.is_empty() {
        return Ok(format!(
            "the {code} catalogue is complete and current: nothing to translate\n"
        ));
    }
    Ok(format!("{}\n", written.join("\n")))
}

/// Writes each language's complete catalogue file into `dir`.
fn export_catalog(args: &[String]) -> Result<String, String> {
    let dir = match args {
        [flag, dir] if flag == "--out-dir" => dir,
        _ => return Err(String::new()),
    };
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {dir}: {e}"))?;
    let mut written = Vec::new();
    // Each language's catalogue where it has one, and each translated language's UI messages.
    let messages = |language: Language| {
        embedded::MESSAGES
            .iter()
            .find(|(code, _)| *code == language.code())
            .map(|(_, bytes)| *bytes)
    };
    for language in Language::ALL {
        let files = [
            (embedded::bytes(language), embedded::file_name(language)),
            (messages(language), language.messages_file()),
        ];
        for (bytes, name) in files {
            let Some(bytes) = bytes else { continue };
            let path = std::path::Path::new(dir).join(name);
            std::fs::write(&path, bytes)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            written.push(path.display().to_string());
        }
    }
    if embedded::bytes(Language::En).is_none() {
        return Err("no English catalogue".into());
    }
    Ok(format!("{}\n", written.join("\n")))
}

struct Args {
    /// `answers` prints the saved-answers file instead of a document.
    answers: bool,
    format: String,
    part: Part,
    /// `None`: the selection's own language, else English.
    language: Option<Language>,
    /// The documents' second language (`--language de,fr`), else the selection's.
    second: Option<Language>,
    fragment: Option<String>,
    json: Option<String>,
    /// A Word or OpenDocument template whose styles the office formats take.
    template: Option<String>,
    /// An authority's overlay (TOML or JSON).
    overlay: Option<String>,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut parsed = Args {
        answers: false,
        format: "markdown".into(),
        part: Part::Whole,
        language: None,
        second: None,
        fragment: None,
        json: None,
        template: None,
        overlay: None,
    };
    let mut rest = args.iter();
    match rest.next().map(String::as_str) {
        Some("render") => {}
        Some("answers") => parsed.answers = true,
        Some("--help" | "-h") | None => return Err(String::new()),
        Some(other) => return Err(format!("unknown command {other:?}")),
    }
    while let Some(flag) = rest.next() {
        let mut value = || rest.next().cloned().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--format" => parsed.format = value()?,
            "--template" => parsed.template = Some(value()?),
            "--overlay" => parsed.overlay = Some(value()?),
            "--part" => {
                let code = value()?;
                parsed.part = Part::from_code(&code).ok_or(format!(
                    "unknown part {code:?} (whole, tender, selection, specifications, award, contract, management or guidance)"
                ))?;
            }
            "--language" => {
                let codes = value()?;
                let language = |code: &str| {
                    Language::from_code(code).ok_or(format!("unknown language {code:?}"))
                };
                match codes.split_once(',') {
                    Some((first, second)) => {
                        parsed.language = Some(language(first)?);
                        parsed.second = Some(language(second)?);
                    }
                    None => parsed.language = Some(language(&codes)?),
                }
            }
            "--fragment" => parsed.fragment = Some(value()?),
            "--json" => parsed.json = Some(value()?),
            "--help" | "-h" => return Err(String::new()),
            other => return Err(format!("unknown option {other:?}")),
        }
    }
    if parsed.fragment.is_some() == parsed.json.is_some() {
        return Err("give exactly one of --fragment or --json".into());
    }
    Ok(parsed)
}

fn run(args: Args) -> Result<Vec<u8>, String> {
    // The document's language: the chosen one where its catalogue exists, English until then, as
    // the widget in that language downloads it.
    let (mut selection, read_notices) = match (&args.fragment, &args.json) {
        (Some(link), _) => {
            let fragment = link.rsplit_once('#').map_or(link.as_str(), |(_, f)| f);
            fragment::decode(fragment)
        }
        (_, Some(path)) => {
            let contents =
                std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            let value: serde_json::Value =
                serde_json::from_str(&contents).map_err(|e| format!("{path}: not JSON: {e}"))?;
            // Saved answers, or (as scripts wrote them before answers were saved as files) the
            // answers alone: read by the widget's own reader either way.
            let framed = value.get("format").is_some();
            let value = if framed {
                saved::Json::from(&value)
            } else {
                saved::Json::Object(vec![
                    ("format".into(), saved::Json::String(saved::FORMAT.into())),
                    ("version".into(), saved::Json::Number(saved::VERSION.into())),
                    ("answers".into(), saved::Json::from(&value)),
                ])
            };
            saved::open(&value).map_err(|e| {
                let e = e.to_string();
                let e = if framed {
                    e
                } else {
                    e.replacen("\"answers.", "\"", 1)
                };
                format!("{path}: cannot open the answers: {e}")
            })?
        }
        (None, None) => unreachable!("parse_args requires one source"),
    };
    // The languages as the widget opened with this selection has them: the one asked for, else
    // the selection's own; and the documents' second language, if any.
    let language = args
        .language
        .or_else(|| Language::from_code(&selection.language))
        .unwrap_or_default();
    // What the reading itself left out, in that language.
    for notice in read_notices {
        eprintln!("note: {}", language.messages().notice(&notice));
    }
    let document_language = language.document_language();
    let given = args.overlay.as_deref().map(read_overlay).transpose()?;
    let catalogue = |language: Language| -> Result<_, String> {
        let catalog = embedded::catalog(language).map_err(|e| e.to_string())?;
        match &given {
            Some((path, o)) => overlay::apply(&catalog, o, path).map_err(|e| problems(&e)),
            None => Ok(catalog),
        }
    };
    let catalog = catalogue(document_language)?;
    let second = args
        .second
        .or_else(|| Language::from_code(&selection.second_language))
        .map(Language::document_language)
        .filter(|l| *l != document_language);
    let m = language.messages();
    // What could not be used, what changed since the selection was made, and what is worth
    // checking: the same notes the widget shows, on standard error.
    let mut notices = selection.retain_known(&catalog);
    notices.extend(changes::since(&catalog, &selection));
    for notice in notices {
        eprintln!("note: {}", m.notice(&notice));
    }
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    let today = proportion::date_from_days(i64::try_from(days).unwrap_or(0));
    for hint in proportion::hints(&catalog, &selection, &today) {
        eprintln!("note: {}", m.hint(&hint));
    }
    if args.answers {
        // As the widget saves them: recorded as made with this catalogue, in the languages asked.
        selection.catalog_version = catalog.meta.version.clone();
        if let Some(language) = args.language {
            selection.language = language.code().to_string();
        }
        if let Some(second) = args.second {
            selection.second_language = second.code().to_string();
        }
        return Ok(saved::write(&selection).into_bytes());
    }
    let format = Format::from_code(&args.format).ok_or_else(|| {
        let known: Vec<&str> = Format::ALL.into_iter().map(Format::code).collect();
        format!("unknown format {:?} ({})", args.format, known.join(", "))
    })?;
    let document = assemble(&catalog, &selection, document_language);
    let second = match second {
        Some(language) => Some(assemble(&catalogue(language)?, &selection, language)),
        None => None,
    };
    let template = match &args.template {
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            let inflate = |data: &[u8], size: usize| {
                miniz_oxide::inflate::decompress_to_vec_with_limit(data, size).ok()
            };
            let template = template::read(&bytes, &inflate).map_err(|problem| {
                document_language
                    .messages()
                    .template_problem(path, &problem)
            })?;
            Some(template)
        }
        None => None,
    };
    Ok(format.render_with(&document, second.as_ref(), args.part, template.as_ref()))
}

/// An overlay file: TOML by its extension, JSON otherwise.
fn read_overlay(path: &str) -> Result<(String, Overlay), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let read = if path.to_ascii_lowercase().ends_with(".toml") {
        toml::from_str::<Overlay>(&text).map_err(|e| e.to_string())
    } else {
        serde_json::from_str::<Overlay>(&text).map_err(|e| e.to_string())
    };
    let name = path.rsplit('/').next().unwrap_or(path).to_string();
    read.map(|o| (name, o))
        .map_err(|e| format!("{path}: not a readable overlay: {}", e.trim()))
}

fn problems(errors: &[criteria_builder::domain::catalog_check::CatalogError]) -> String {
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    format!("the overlay cannot be used:\n{}", lines.join("\n"))
}

/// `criteria overlay FILE [--json]`: checks the overlay against every language's catalogue; the
/// JSON form on standard output where asked, otherwise what it adds and hides.
fn overlay_command(args: &[String]) -> Result<String, String> {
    let (path, json) = match args {
        [path] => (path, false),
        [path, flag] if flag == "--json" => (path, true),
        _ => return Err(String::new()),
    };
    let (name, o) = read_overlay(path)?;
    for language in Language::ALL {
        let catalog = embedded::catalog(language).map_err(|e| e.to_string())?;
        overlay::apply(&catalog, &o, &name).map_err(|e| problems(&e))?;
    }
    if json {
        return serde_json::to_string_pretty(&o)
            .map(|text| text + "\n")
            .map_err(|e| e.to_string());
    }
    let stamp = o.stamp();
    Ok(format!(
        "{name}: \u{201c}{}\u{201d} version {} of {}, hash {}: {} criteria of its own, {} catalogue criteria hidden; checked against the catalogue in {}.\n",
        stamp.name,
        stamp.version,
        stamp.authority,
        stamp.hash,
        o.criterion.len(),
        o.hide.len(),
        Language::ALL.map(Language::code).join(", ")
    ))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // Commands that write files and list them on standard error.
    let writer = match args.first().map(String::as_str) {
        Some("export-catalog") => Some(export_catalog as fn(&[String]) -> Result<String, String>),
        Some("translation-template") => Some(translation_template as _),
        _ => None,
    };
    if let Some(command) = writer {
        return match command(&args[1..]) {
            Ok(listing) => {
                eprint!("{listing}");
                ExitCode::SUCCESS
            }
            Err(message) => {
                if !message.is_empty() {
                    eprintln!("error: {message}\n");
                }
                eprintln!("{USAGE}");
                ExitCode::from(2)
            }
        };
    }
    if args.first().map(String::as_str) == Some("overlay") {
        return match overlay_command(&args[1..]) {
            Ok(out) => {
                print!("{out}");
                ExitCode::SUCCESS
            }
            Err(message) if message.is_empty() => {
                eprintln!("{USAGE}");
                ExitCode::from(2)
            }
            Err(message) => {
                eprintln!("error: {message}");
                ExitCode::FAILURE
            }
        };
    }
    if args.first().map(String::as_str) == Some("coverage") {
        return match coverage_report(&args[1..]) {
            Ok((report, complete)) => {
                print!("{report}");
                if complete {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::FAILURE
                }
            }
            Err(message) => {
                if !message.is_empty() {
                    eprintln!("error: {message}\n");
                }
                eprintln!("{USAGE}");
                ExitCode::from(2)
            }
        };
    }
    let parsed = match parse_args(&args) {
        Ok(parsed) => parsed,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("error: {message}\n");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(parsed) {
        Ok(output) => {
            let mut stdout = std::io::stdout().lock();
            if stdout
                .write_all(&output)
                .and_then(|_| stdout.flush())
                .is_err()
            {
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
