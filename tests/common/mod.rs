//! A small catalogue built in code, so assembly tests do not change when the real content does; and
//! the authored catalogue, read from its TOML files, for the tests of the real content.
#![allow(dead_code)]

use criteria_builder::domain::catalog::*;
use criteria_builder::domain::catalog_source::load;
use std::path::Path;

fn files(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push((
                path.to_string_lossy().replace('\\', "/"),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
}

/// The English catalogue as authored, checked by the same loader as the build.
pub fn english() -> Catalog {
    let mut list = Vec::new();
    files(Path::new("catalog/en"), &mut list);
    match load(&list) {
        Ok(catalog) => catalog,
        Err(errors) => panic!(
            "the catalogue has problems:\n{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

/// Today's date (UTC) from the system clock, as `YYYY-MM-DD`: the date rules are about real time.
pub fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        / 86_400;
    criteria_builder::domain::proportion::date_from_days(days as i64)
}
use criteria_builder::domain::selection::{ContractDetails, ProcedureStage, Selection};

pub fn criterion(
    id: &str,
    kind: CriterionKind,
    level: AmbitionLevel,
    categories: &[&str],
    risks: &[&str],
    text: &str,
) -> Criterion {
    Criterion {
        id: id.into(),
        authority: false,
        kind,
        level,
        categories: categories.iter().map(|s| s.to_string()).collect(),
        addresses: risks.iter().map(|s| s.to_string()).collect(),
        touches: Vec::new(),
        title: format!("Title of {id}"),
        text: text.into(),
        guidance: format!("Guidance for {id}."),
        legal_basis: vec!["art-70".into()],
        sources: vec!["R1".into()],
        last_reviewed: "2026-11-25".into(),
        replaces: vec![],
        covers: vec![],
        requires: vec![],
        unless: vec![],
        delivers: vec![],
        notes: vec![],
        closing: false,
        bidder_pages: 0,
        verification: Verification {
            submit: format!("Evidence for {id}."),
            labels: vec![],
            partial_labels: vec![],
            equivalent: String::new(),
            own_evidence: vec!["*".into()],
        },
        award: (kind == CriterionKind::AwardCriterion).then(|| AwardRule {
            weight: 1,
            scoring: "Score it.".into(),
        }),
        management: (kind == CriterionKind::ContractClause).then(|| Management {
            kpi: format!("KPI of {id}"),
            cadence: "Yearly".into(),
            follow_up: String::new(),
            remediation: "A plan within {remediation_days} days, or {authority} ends the contract."
                .into(),
        }),
    }
}

pub fn fixture() -> Catalog {
    use AmbitionLevel::*;
    use CriterionKind::*;
    let mut criteria = vec![
        criterion(
            "CL-01",
            ContractClause,
            Basic,
            &["*"],
            &["forced"],
            "The contractor {authority} shall report within {disclosure_days} days.",
        ),
        criterion(
            "SC-01",
            SelectionCriterion,
            Basic,
            &["laptops"],
            &["forced"],
            "Tenderers shall describe their system.",
        ),
        criterion(
            "TS-01",
            TechnicalSpecification,
            Advanced,
            &["laptops", "phones"],
            &["minerals"],
            "Products shall be covered.\n\n- first point {lot}\n- second point",
        ),
        criterion(
            "AC-01",
            AwardCriterion,
            Basic,
            &["laptops"],
            &["forced"],
            "Up to {points} points.",
        ),
        criterion(
            "AC-02",
            AwardCriterion,
            Advanced,
            &["laptops"],
            &["minerals"],
            "Up to {points} points for minerals.",
        ),
        criterion(
            "EX-01",
            ExclusionGround,
            Basic,
            &["*"],
            &["forced"],
            "Exclusion for breaches during {contract_duration}.",
        ),
        criterion(
            "CL-02",
            ContractClause,
            Spearhead,
            &["laptops"],
            &["forced"],
            "Disclose factories for {estimated_value}; remedy within {remediation_days} days.",
        ),
    ];
    criteria[3].award.as_mut().unwrap().weight = 3;
    criteria[6].replaces = vec!["CL-01".into()];
    criteria[2].verification.labels = vec!["tco".into()];
    criteria[2].verification.equivalent = "A test report.".into();
    Catalog {
        meta: CatalogMeta {
            language: "en".into(),
            version: "test-1".into(),
            title: "Test catalogue".into(),
            content_hash: "0123456789ab".into(),
            translation: None,
            overlay: None,
        },
        changes: vec![],
        deliverables: vec![],
        thresholds: vec![],
        duties: vec![],
        categories: vec![
            Category {
                id: "laptops".into(),
                name: "Laptops".into(),
                description: "Portable computers.".into(),
                cpv: vec![CpvCode {
                    code: "30213100".into(),
                    label: "Portable computers".into(),
                }],
                cpv_note: String::new(),
                asks: vec![LotFeature::TakeBack, LotFeature::Refurbished],
            },
            Category {
                id: "phones".into(),
                name: "Phones".into(),
                description: "Mobile phones.".into(),
                cpv: vec![],
                cpv_note: "No code checked.".into(),
                asks: vec![],
            },
        ],
        risks: vec![
            RiskTopic {
                id: "forced".into(),
                name: "Forced labour".into(),
                description: "d".into(),
                manages: false,
            },
            RiskTopic {
                id: "minerals".into(),
                name: "Conflict minerals".into(),
                description: "d".into(),
                manages: false,
            },
        ],
        labels: vec![Label {
            id: "tco".into(),
            name: "TCO Certified".into(),
            kind: LabelKind::Label,
            covers: "Factories.".into(),
            does_not_cover: "Mines.".into(),
            sources: vec!["R1".into()],
            categories: vec!["laptops".into()],
            mentions: vec!["TCO Certified".into()],
        }],
        legal: vec![LegalBasis {
            id: "art-70".into(),
            citation: "Directive 2014/24/EU, Article 70".into(),
            summary: "Performance conditions.".into(),
            url: "https://eur-lex.europa.eu/eli/dir/2014/24/oj".into(),
        }],
        sources: vec![Source {
            id: "R1".into(),
            title: "A source".into(),
            url: "https://example.org/source".into(),
        }],
        salience: vec![SalienceCell {
            category: "laptops".into(),
            risk: "forced".into(),
            stage: SupplyChainStage::Components,
            level: SalienceLevel::High,
            reason: "Migrant workers.".into(),
            sources: vec!["R1".into()],
        }],
        criteria,
    }
}

/// Everything selected, at the given level, with all details filled in.
pub fn full_selection(level: AmbitionLevel) -> Selection {
    Selection {
        categories: ["laptops", "phones"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        risks: ["forced", "minerals"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        level: Some(level),
        stages: ProcedureStage::ALL.into_iter().collect(),
        details: ContractDetails {
            authority: "City of Example".into(),
            contract_months: "48".into(),
            estimated_value: "EUR 2 million".into(),
            award_points: "20".into(),
            disclosure_days: "60".into(),
            remediation_days: "30".into(),
            ..Default::default()
        },
        ..Default::default()
    }
}

/// The entries of a ZIP file written by `office::zip` (stored entries): name and data, read from
/// the local headers and checked against the central directory's count.
pub fn zip_entries(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
    let u16_at = |at: usize| u16::from_le_bytes([zip[at], zip[at + 1]]) as usize;
    let u32_at = |at: usize| u32::from_le_bytes(zip[at..at + 4].try_into().unwrap()) as usize;
    let mut out = Vec::new();
    let mut at = 0;
    while u32_at(at) == 0x0403_4b50 {
        assert_eq!(u16_at(at + 8), 0, "stored");
        let size = u32_at(at + 18);
        assert_eq!(size, u32_at(at + 22));
        let name_len = u16_at(at + 26);
        let extra = u16_at(at + 28);
        let name = String::from_utf8(zip[at + 30..at + 30 + name_len].to_vec()).unwrap();
        let start = at + 30 + name_len + extra;
        out.push((name, zip[start..start + size].to_vec()));
        at = start + size;
    }
    let end = zip.len() - 22;
    assert_eq!(u32_at(end), 0x0605_4b50, "end of central directory");
    assert_eq!(u16_at(end + 10), out.len());
    assert_eq!(
        u32_at(end + 16),
        at,
        "central directory right after the entries"
    );
    out
}

pub fn zip_part(zip: &[u8], name: &str) -> String {
    let (_, data) = zip_entries(zip)
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no {name}"));
    String::from_utf8(data).unwrap()
}
