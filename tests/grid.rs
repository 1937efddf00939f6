//! The evaluation grid (render::grid): read back with a CSV parser as a spreadsheet reads it, its
//! rows are the award criteria of each lot with the points the document gives them.

use criteria_builder::domain::assemble::assemble;
use criteria_builder::domain::catalog::CriterionKind;
use criteria_builder::domain::document::Layout;
use criteria_builder::domain::embedded;
use criteria_builder::domain::fragment;
use criteria_builder::domain::i18n::Language;
use criteria_builder::domain::render::{grid, Format, Part};

const LINK: &str = "v=1&c=laptops-desktops,monitors,smartphones-tablets&r=forced-labour,child-labour,conflict-minerals&l=spearhead&s=selection,specifications,award,contract&a=City&m=48&p=40";

fn rows(csv: &str, separator: u8) -> Vec<Vec<String>> {
    let body = csv
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark for spreadsheets");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn the_grid_lists_each_lots_award_criteria_with_points_adding_up_to_the_total() {
    for (language, separator) in [
        (Language::En, b','),
        (Language::De, b';'),
        (Language::Fr, b';'),
    ] {
        let catalog = embedded::catalog(language).unwrap();
        let (selection, _) = fragment::decode(LINK);
        let doc = assemble(&catalog, &selection, language);
        let csv = String::from_utf8(Format::GridCsv.render(&doc, None, Part::Tender)).unwrap();
        assert_eq!(grid::separator(language) as u8, separator);
        let rows = rows(&csv, separator);
        let m = language.messages();
        assert_eq!(
            rows[0][..5],
            [
                m.grid_lot,
                m.grid_criterion,
                m.grid_title,
                m.grid_points,
                m.grid_scoring
            ]
        );
        assert_eq!(rows[0].len(), 5 + grid::BIDDERS);
        let award = doc
            .sections
            .iter()
            .find(|s| s.kind == CriterionKind::AwardCriterion)
            .expect("award criteria");
        let Layout::PerLot(groups) = &award.layout else {
            panic!("award criteria per lot")
        };
        let mut at = 1;
        for group in groups {
            let mut sum = 0;
            for item in &group.items {
                let row = &rows[at];
                assert_eq!(row.len(), 5 + grid::BIDDERS);
                assert_eq!(
                    (row[1].as_str(), row[2].as_str()),
                    (item.number.as_str(), item.title.as_str())
                );
                let points: u32 = row[3].parse().expect("points as a number");
                assert!(points >= 1);
                assert_eq!(Some(points), item.max_points);
                assert_eq!(row[4], *item.scoring.as_ref().unwrap());
                assert!(
                    row[5..].iter().all(String::is_empty),
                    "bidder columns are left to fill in"
                );
                sum += points;
                at += 1;
            }
            // The lot's total row: the buyer's 40 points.
            assert_eq!(
                (rows[at][2].as_str(), rows[at][3].as_str()),
                (m.grid_total, "40")
            );
            assert_eq!(sum, 40);
            at += 1;
        }
        assert!(
            groups.len() == 3 && at == rows.len() - 1,
            "one block per lot, then the footer"
        );
        assert!(rows[at][0].contains(&doc.text_hash));
        // Byte for byte the same whatever the part, and with or without a second language.
        assert_eq!(
            Format::GridCsv.render(&doc, Some(&doc), Part::Whole),
            csv.as_bytes()
        );
    }
}

#[test]
fn without_a_total_the_points_show_the_marker_and_no_total_row() {
    let catalog = embedded::catalog(Language::En).unwrap();
    let (selection, _) = fragment::decode(LINK.trim_end_matches("&p=40"));
    let doc = assemble(&catalog, &selection, Language::En);
    let csv = String::from_utf8(Format::GridCsv.render(&doc, None, Part::Whole)).unwrap();
    let rows = rows(&csv, b',');
    assert!(
        rows[1..rows.len() - 1].iter().all(|r| r[3] == "[points]"),
        "{rows:?}"
    );
    assert!(!csv.contains(Language::En.messages().grid_total));
}

#[test]
fn fields_are_quoted_and_formulas_defused() {
    let field = |text: &str| {
        let mut out = String::new();
        grid::field(&mut out, text, ';');
        out
    };
    assert_eq!(field("plain"), "plain");
    assert_eq!(field("a;b"), "\"a;b\"");
    assert_eq!(field("say \"yes\""), "\"say \"\"yes\"\"\"");
    assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(field("+1"), "'+1");
    assert_eq!(field("-1"), "'-1");
    assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(
        field("a,b"),
        "a,b",
        "a comma is text where the separator is a semicolon"
    );
}

#[test]
fn the_grid_is_a_part_with_a_table_per_lot_in_the_office_formats_and_a_list_elsewhere() {
    let catalog = embedded::catalog(Language::En).unwrap();
    let (selection, _) = fragment::decode(LINK);
    let doc = assemble(&catalog, &selection, Language::En);
    assert!(criteria_builder::domain::render::parts_of(&doc).contains(&Part::Grid));
    assert_eq!(Part::from_code("evaluation-grid"), Some(Part::Grid));
    let lots_with_award = doc.lots.iter().filter(|l| {
        doc.lot_items(l.number)
            .iter()
            .any(|i| i.number.starts_with("AC"))
    });
    let lots = lots_with_award.count();
    assert!(lots >= 2);
    let markdown = String::from_utf8(Format::Markdown.render(&doc, None, Part::Grid)).unwrap();
    assert_eq!(
        markdown
            .matches("Total points of the lot**; Points: 40")
            .count(),
        lots
    );
    assert!(markdown.contains("; Bidder 3: score: "));
    let html = String::from_utf8(Format::Html.render(&doc, None, Part::Grid)).unwrap();
    assert_eq!(html.matches("<table class=\"ecb-grid\">").count(), lots);
    assert_eq!(
        html.matches("<th scope=\"col\">Bidder 1: score</th>")
            .count(),
        lots
    );
    for format in [Format::Docx, Format::Odt] {
        let zip = format.render(&doc, None, Part::Grid);
        let text = String::from_utf8_lossy(&zip);
        let tables = text.matches("<w:tbl>").count() + text.matches("<table:table ").count();
        assert_eq!(tables, lots, "{format:?}");
        assert!(text.contains("Bidder 2: score"), "{format:?}");
    }
}
