//! Reading the authored catalogue (TOML files of one language folder) and checking it with the
//! rules of `catalog_check`.
//!
//! Used by `build.rs` (which fails the build on any error) and by the native tests and tools. It never
//! ships to the browser: the widget gets the checked catalogue in binary form, and runs the same
//! checks (`catalog_check`) on an authority's overlay. Every error names the file, the entry ID
//! where there is one, and the reason, so an author can fix it at once.

use super::catalog::{
    Catalog, CatalogMeta, Category, Change, Criterion, DatedDuty, Deliverable, Label, LegalBasis,
    RiskTopic, SalienceCell, Source, Thresholds,
};
use serde::Deserialize;

#[allow(unused_imports)]
pub use super::catalog_check::{check, is_date, is_primary_source, CatalogError, PRIMARY_HOSTS};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    catalog: MetaFile,
    #[serde(default)]
    change: Vec<Change>,
    #[serde(default)]
    deliverable: Vec<Deliverable>,
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
    #[serde(default)]
    threshold: Vec<Thresholds>,
    #[serde(default)]
    duty: Vec<DatedDuty>,
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
            content_hash: String::new(),
            translation: None,
            overlay: None,
        },
        categories: Vec::new(),
        risks: Vec::new(),
        changes: Vec::new(),
        labels: Vec::new(),
        legal: Vec::new(),
        sources: Vec::new(),
        salience: Vec::new(),
        criteria: Vec::new(),
        deliverables: Vec::new(),
        thresholds: Vec::new(),
        duties: Vec::new(),
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
                origin.push(("#catalog".into(), path.clone()));
                for d in &file.deliverable {
                    origin.push((d.id.clone(), path.clone()));
                }
                catalog.changes = file.change;
                catalog.deliverables = file.deliverable;
                meta = Some((
                    path.clone(),
                    CatalogMeta {
                        language: file.catalog.language,
                        version: file.catalog.version,
                        title: file.catalog.title,
                        content_hash: String::new(),
                        translation: None,
                        overlay: None,
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
                origin.push(("#thresholds".into(), path.clone()));
                catalog.legal = file.legal;
                catalog.thresholds = file.threshold;
                for d in &file.duty {
                    origin.push((d.id.clone(), path.clone()));
                }
                catalog.duties = file.duty;
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
