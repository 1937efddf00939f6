//! The notice data as a part of the document (in every format) and as a JSON file: per lot, the
//! values of the eForms contract notice with their official field names, and the lot's block in
//! the OCDS sustainability extension (domain::notice_data decides the values).

use super::{clean, field, plain, Inline, Sink};
use crate::domain::catalog::CriterionKind;
use crate::domain::document::Document;
use crate::domain::i18n::{fill, Language, Messages};
use crate::domain::notice_data::{
    code_text, field_name, notice_data, LotData, NoticeData, EFORMS_ATTRIBUTION, SELECTION_CODE,
};
use crate::domain::saved::quote;

fn codes(list: &str, codes: &[&str], language: Language) -> String {
    let texts: Vec<String> = codes.iter().map(|c| code_text(list, c, language)).collect();
    texts.join("; ")
}

/// BT-777: which criteria pursue the lot's social objective, and on which risks.
fn description(m: &Messages, lot: &LotData) -> String {
    let risks: Vec<&str> = lot.risks.iter().map(String::as_str).collect();
    clean(&fill(
        m.notice_description,
        &[
            ("criteria", &lot.criteria.join(", ")),
            ("risks", &m.join_list(&risks)),
        ],
    ))
}

fn lot_fields(m: &Messages, language: Language, lot: &LotData) -> Vec<Vec<Inline>> {
    let name = |bt: &str| field_name(bt, language);
    let mut rows = vec![
        field(m, &name("BT-137"), &lot.id),
        field(m, &name("BT-21"), &lot.title),
    ];
    match lot.cpv.split_first() {
        Some((main, more)) => {
            rows.push(field(
                m,
                &name("BT-262"),
                &format!("{} {}", main.code, main.label),
            ));
            if !more.is_empty() {
                let more: Vec<String> = more
                    .iter()
                    .map(|c| format!("{} {}", c.code, c.label))
                    .collect();
                rows.push(field(m, &name("BT-263"), &more.join("; ")));
            }
        }
        None => rows.push(field(m, &name("BT-262"), &lot.cpv_note)),
    }
    if lot.criteria.is_empty() {
        rows.push(vec![plain(m.lot_empty)]);
        return rows;
    }
    rows.push(field(
        m,
        &name("BT-06"),
        &codes("strategic-procurement", &lot.strategic, language),
    ));
    rows.push(field(
        m,
        &name("BT-775"),
        &codes("social-objective", &lot.social, language),
    ));
    if !lot.environmental.is_empty() {
        rows.push(field(
            m,
            &name("BT-774"),
            &codes("environmental-impact", &lot.environmental, language),
        ));
    }
    rows.push(field(m, &name("BT-777"), &description(m, lot)));
    if !lot.performance.is_empty() {
        rows.push(field(m, &name("BT-70"), &lot.performance.join("; ")));
    }
    rows
}

/// The part: an introduction, the procedure's exclusion grounds, then each lot's fields, its
/// award and selection criteria and its OCDS block, and the attribution of the eForms labels.
pub(super) fn walk(doc: &Document, sink: &mut dyn Sink) {
    let m = doc.language.messages();
    let language = doc.language;
    let data = notice_data(doc);
    let name = |bt: &str| field_name(bt, language);
    sink.heading(2, m.notice_title);
    sink.paragraph(&[plain(m.notice_intro)]);
    if !data.exclusions.is_empty() {
        sink.heading(3, m.notice_procedure);
        let rows: Vec<Vec<Inline>> = data
            .exclusions
            .iter()
            .flat_map(|e| {
                [
                    field(
                        m,
                        &name("BT-67(a)"),
                        &codes("exclusion-ground", e.grounds, language),
                    ),
                    field(m, &name("BT-67(b)"), &format!("{}. {}", e.number, e.title)),
                    field(m, m.notice_espd, &codes("criterion", e.espd, language)),
                ]
            })
            .collect();
        sink.bullets(&rows);
    }
    for lot in &data.lots {
        let title = doc
            .lots
            .iter()
            .find(|l| l.number == lot.number)
            .map(|l| super::lot_title(m, l))
            .unwrap_or_default();
        sink.heading(3, &title);
        sink.bullets(&lot_fields(m, language, lot));
        if !lot.award.is_empty() {
            sink.heading(4, m.kind_heading(CriterionKind::AwardCriterion));
            let rows: Vec<Vec<Inline>> = lot
                .award
                .iter()
                .map(|a| {
                    let mut row = field(
                        m,
                        &name("BT-539"),
                        &code_text("award-criterion-type", "quality", language),
                    );
                    row.push(plain("; "));
                    row.extend(field(
                        m,
                        &name("BT-540"),
                        &format!("{}. {}", a.number, a.title),
                    ));
                    row.push(plain("; "));
                    match a.points {
                        Some(points) => {
                            row.extend(field(m, &name("BT-541"), &points.to_string()));
                        }
                        None => {
                            row.push(super::labelled(m, &name("BT-541")));
                            row.push(plain(" "));
                            row.push(Inline {
                                style: super::Style::Missing,
                                text: m.marker_points.to_string(),
                            });
                        }
                    }
                    row.push(plain("; "));
                    row.extend(field(
                        m,
                        &name("BT-5421"),
                        &code_text("number-weight", "poi-exa", language),
                    ));
                    row
                })
                .collect();
            sink.bullets(&rows);
        }
        if !lot.selection.is_empty() {
            sink.heading(4, m.kind_heading(CriterionKind::SelectionCriterion));
            let rows: Vec<Vec<Inline>> = lot
                .selection
                .iter()
                .map(|s| {
                    let mut row = field(
                        m,
                        &name("BT-809"),
                        &code_text("selection-criterion", SELECTION_CODE, language),
                    );
                    row.push(plain("; "));
                    row.extend(field(m, &name("BT-750"), s));
                    row
                })
                .collect();
            sink.bullets(&rows);
        }
        if !lot.goals.is_empty() {
            sink.heading(4, m.notice_ocds);
            let rows: Vec<Vec<Inline>> = lot
                .goals
                .iter()
                .map(|goal| {
                    let mut row = field(m, "goal", goal);
                    row.push(plain("; "));
                    row.extend(field(m, "strategies", &lot.strategies.join(", ")));
                    row
                })
                .collect();
            sink.bullets(&rows);
        }
    }
    sink.paragraph(&[plain(EFORMS_ATTRIBUTION)]);
}

/// A JSON value, written as `JSON.stringify(value, null, 2)` lays it out.
enum Json {
    Text(String),
    Number(u32),
    Bool(bool),
    Null,
    List(Vec<Json>),
    Object(Vec<(&'static str, Json)>),
}

fn text(value: &str) -> Json {
    Json::Text(clean(value))
}

fn texts(values: &[&str]) -> Json {
    Json::List(values.iter().map(|v| text(v)).collect())
}

impl Json {
    fn write(&self, out: &mut String, indent: usize) {
        let pad = |out: &mut String, n: usize| out.extend(std::iter::repeat_n(' ', n));
        match self {
            Json::Text(t) => quote(out, t),
            Json::Number(n) => out.push_str(&n.to_string()),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Null => out.push_str("null"),
            Json::List(items) if items.is_empty() => out.push_str("[]"),
            Json::List(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    pad(out, indent + 2);
                    item.write(out, indent + 2);
                }
                out.push('\n');
                pad(out, indent);
                out.push(']');
            }
            Json::Object(members) if members.is_empty() => out.push_str("{}"),
            Json::Object(members) => {
                out.push('{');
                for (i, (name, value)) in members.iter().enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    pad(out, indent + 2);
                    quote(out, name);
                    out.push_str(": ");
                    value.write(out, indent + 2);
                }
                out.push('\n');
                pad(out, indent);
                out.push('}');
            }
        }
    }
}

fn lot_json(m: &Messages, lot: &LotData) -> Json {
    let mut members = vec![
        ("BT-137", text(&lot.id)),
        ("BT-21", text(&lot.title)),
        (
            "BT-262",
            lot.cpv.first().map_or(Json::Null, |c| text(&c.code)),
        ),
        (
            "BT-263",
            Json::List(lot.cpv.iter().skip(1).map(|c| text(&c.code)).collect()),
        ),
    ];
    if lot.cpv.is_empty() {
        members.push(("cpvNote", text(&lot.cpv_note)));
    }
    members.extend([
        ("BT-06", texts(&lot.strategic)),
        ("BT-775", texts(&lot.social)),
        ("BT-774", texts(&lot.environmental)),
        (
            "BT-777",
            if lot.criteria.is_empty() {
                Json::Null
            } else {
                text(&description(m, lot))
            },
        ),
        (
            "BT-70",
            if lot.performance.is_empty() {
                Json::Null
            } else {
                text(&lot.performance.join("; "))
            },
        ),
        (
            "awardCriteria",
            Json::List(
                lot.award
                    .iter()
                    .map(|a| {
                        Json::Object(vec![
                            ("BT-539", text("quality")),
                            ("BT-540", text(&format!("{}. {}", a.number, a.title))),
                            ("BT-541", a.points.map_or(Json::Null, Json::Number)),
                            ("BT-5421", text("poi-exa")),
                        ])
                    })
                    .collect(),
            ),
        ),
        (
            "selectionCriteria",
            Json::List(
                lot.selection
                    .iter()
                    .map(|s| {
                        Json::Object(vec![("BT-809", text(SELECTION_CODE)), ("BT-750", text(s))])
                    })
                    .collect(),
            ),
        ),
    ]);
    let mut ocds = vec![
        ("id", text(&lot.id)),
        ("hasSustainability", Json::Bool(!lot.goals.is_empty())),
    ];
    if !lot.goals.is_empty() {
        ocds.push((
            "sustainability",
            Json::List(
                lot.goals
                    .iter()
                    .map(|goal| {
                        let mut entry = vec![("goal", text(goal))];
                        if !lot.strategies.is_empty() {
                            entry.push(("strategies", texts(&lot.strategies)));
                        }
                        Json::Object(entry)
                    })
                    .collect(),
            ),
        ));
    }
    members.push(("ocds", Json::Object(ocds)));
    Json::Object(members)
}

/// The notice data as JSON (docs/notice-data.md, docs/notice-data.schema.json), in the
/// document's language, with the text hash of the document it belongs to.
pub fn json(doc: &Document) -> String {
    let m = doc.language.messages();
    let data: NoticeData = notice_data(doc);
    let exclusions: Vec<Json> = data
        .exclusions
        .iter()
        .flat_map(|e| {
            e.grounds.iter().zip(e.espd).map(move |(ground, espd)| {
                Json::Object(vec![
                    ("BT-67(a)", text(ground)),
                    ("BT-67(b)", text(&format!("{}. {}", e.number, e.title))),
                    ("espd", text(espd)),
                ])
            })
        })
        .collect();
    let value = Json::Object(vec![
        ("format", text("ethical-ict-criteria-notice-data")),
        ("version", Json::Number(1)),
        ("language", text(doc.language.code())),
        ("textHash", text(&doc.text_hash)),
        (
            "catalogue",
            Json::Object(vec![
                ("title", text(&doc.catalog_title)),
                ("version", text(&doc.catalog_version)),
            ]),
        ),
        ("attribution", text(EFORMS_ATTRIBUTION)),
        (
            "procedure",
            Json::Object(vec![("exclusionGrounds", Json::List(exclusions))]),
        ),
        (
            "lots",
            Json::List(data.lots.iter().map(|l| lot_json(m, l)).collect()),
        ),
    ]);
    let mut out = String::new();
    value.write(&mut out, 0);
    out.push('\n');
    out
}
