//! The Word and OpenDocument files (render::office): ZIP packages whose XML parts carry typed text
//! as text only, the same bytes for the same document, and every part in one and two languages.
//! LibreOffice, python-docx and pdftotext read them in tests/e2e/office.test.mjs.

mod common;

use common::{fixture, full_selection, zip_entries as entries, zip_part as part};
use criteria_builder::domain::assemble::assemble;
use criteria_builder::domain::catalog::AmbitionLevel;
use criteria_builder::domain::embedded;
use criteria_builder::domain::fragment;
use criteria_builder::domain::i18n::Language;
use criteria_builder::domain::render::{parts_of, Format, Part};

const HOSTILE: &str =
    "</w:t></w:r><w:p>x</text:p>]]><!-- & \u{202E}evil\u{202C} line\nbreak\u{0007}\u{FFFF}";

#[test]
fn typed_text_is_escaped_text_in_both_office_formats() {
    let mut selection = full_selection(AmbitionLevel::Spearhead);
    selection.details.authority = HOSTILE.into();
    let doc = assemble(&fixture(), &selection, Language::En);
    for (format, body) in [
        (Format::Docx, "word/document.xml"),
        (Format::Odt, "content.xml"),
    ] {
        let zip = format.render(&doc, None, Part::Whole);
        let xml = part(&zip, body);
        assert!(!xml.contains("</w:t></w:r><w:p>x"), "{format:?}");
        assert!(!xml.contains("]]><!--"), "{format:?}");
        assert!(
            xml.contains("&lt;/w:t&gt;&lt;/w:r&gt;&lt;w:p&gt;x&lt;/text:p&gt;]]&gt;&lt;!-- &amp;")
        );
        for bad in ['\u{202E}', '\u{0007}', '\u{FFFF}'] {
            assert!(!xml.contains(bad), "{format:?}: {bad:?}");
        }
        // The authority is in the properties too, escaped.
        let props = match format {
            Format::Docx => part(&zip, "docProps/core.xml"),
            _ => part(&zip, "meta.xml"),
        };
        assert!(props.contains("&lt;/w:t&gt;"), "{format:?}");
    }
}

#[test]
fn every_part_in_one_and_two_languages_is_a_package_with_the_same_bytes_each_time() {
    let (selection, _) = fragment::decode("v=1&c=laptops-desktops,monitors,ev-batteries&r=forced-labour,child-labour,conflict-minerals&l=spearhead&s=selection,specifications,award,contract,management&tb=laptops-desktops&a=City&m=48&p=30");
    let de = assemble(
        &embedded::catalog(Language::De).unwrap(),
        &selection,
        Language::De,
    );
    let fr = assemble(
        &embedded::catalog(Language::Fr).unwrap(),
        &selection,
        Language::Fr,
    );
    for part in parts_of(&de) {
        for second in [None, Some(&fr)] {
            for format in [Format::Docx, Format::Odt] {
                let zip = format.render(&de, second, part);
                assert_eq!(zip, format.render(&de, second, part), "{format:?} {part:?}");
                let names: Vec<String> = entries(&zip).into_iter().map(|(n, _)| n).collect();
                match format {
                    Format::Odt => {
                        // The mimetype first, stored, so that a reader can identify the file.
                        assert_eq!(names[0], "mimetype");
                        assert_eq!(
                            &zip[38..38 + 39],
                            b"application/vnd.oasis.opendocument.text"
                        );
                    }
                    _ => assert_eq!(names[0], "[Content_Types].xml"),
                }
                for (name, data) in entries(&zip) {
                    if name.ends_with(".xml") || name.ends_with(".rels") {
                        let xml = String::from_utf8(data).unwrap();
                        assert!(xml.starts_with("<?xml"), "{name}");
                    }
                }
            }
        }
    }
    // Two languages: each cell's text is marked with its language.
    let pair = Format::Docx.render(&de, Some(&fr), Part::Tender);
    let body = part(&pair, "word/document.xml");
    assert!(body.contains("<w:lang w:val=\"de\"/>") && body.contains("<w:lang w:val=\"fr\"/>"));
    let pair = Format::Odt.render(&de, Some(&fr), Part::Tender);
    let body = part(&pair, "content.xml");
    assert!(body.contains("fo:language=\"de\"") && body.contains("fo:language=\"fr\""));
}

#[test]
fn each_lot_has_an_award_table_whose_points_add_up_to_the_buyers_total() {
    let (selection, _) = fragment::decode("v=1&c=laptops-desktops,monitors&r=forced-labour,child-labour&l=advanced&s=award&a=City&p=25");
    let doc = assemble(
        &embedded::catalog(Language::En).unwrap(),
        &selection,
        Language::En,
    );
    let xml = part(
        &Format::Docx.render(&doc, None, Part::Whole),
        "word/document.xml",
    );
    assert_eq!(xml.matches("<w:tbl>").count(), doc.lots.len());
    assert_eq!(
        xml.matches(">Total points of the lot<").count(),
        doc.lots.len()
    );
    assert_eq!(
        xml.matches(">25</w:t>").count(),
        doc.lots.len(),
        "the total is the buyer's"
    );
}
