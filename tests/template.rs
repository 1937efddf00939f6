//! The buyer's template (render::office::template): read from a Word or OpenDocument package,
//! its styles used by the office downloads, and any other file refused with a reason, never a
//! panic. LibreOffice and python-docx check the result in tests/e2e/office.test.mjs.

mod common;

use common::{zip_entries as entries, zip_part as part};
use criteria_builder::domain::assemble::assemble;
use criteria_builder::domain::embedded;
use criteria_builder::domain::fragment;
use criteria_builder::domain::i18n::Language;
use criteria_builder::domain::render::office::template::{self, Kind, Template, TemplateProblem};
use criteria_builder::domain::render::{Format, Part};
use proptest::prelude::*;

const LINK: &str = "v=1&c=laptops-desktops,monitors&r=forced-labour,child-labour&l=advanced&s=selection,specifications,award,contract&a=City&p=20";

fn document() -> criteria_builder::domain::document::Document {
    let (selection, _) = fragment::decode(LINK);
    assemble(
        &embedded::catalog(Language::En).unwrap(),
        &selection,
        Language::En,
    )
}

fn inflate(data: &[u8], size: usize) -> Option<Vec<u8>> {
    miniz_oxide::inflate::decompress_to_vec_with_limit(data, size).ok()
}

fn read(zip: &[u8]) -> Result<Template, TemplateProblem> {
    template::read(zip, &inflate)
}

/// A ZIP of these entries, deflated as Word and LibreOffice write them.
fn deflated_zip(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let crc = |data: &[u8]| {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 != 0 {
                    0xEDB8_8320 ^ (crc >> 1)
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    };
    for (name, data) in entries {
        let packed = miniz_oxide::deflate::compress_to_vec(data, 6);
        let offset = out.len() as u32;
        let header = |sig: u32, out: &mut Vec<u8>, central: bool| {
            out.extend(sig.to_le_bytes());
            if central {
                out.extend(20u16.to_le_bytes());
            }
            out.extend(20u16.to_le_bytes());
            out.extend(0u16.to_le_bytes());
            out.extend(8u16.to_le_bytes());
            out.extend([0, 0, 0x21, 0]);
            out.extend(crc(data).to_le_bytes());
            out.extend((packed.len() as u32).to_le_bytes());
            out.extend((data.len() as u32).to_le_bytes());
            out.extend((name.len() as u16).to_le_bytes());
            out.extend(0u16.to_le_bytes());
        };
        header(0x0403_4b50, &mut out, false);
        out.extend(name.as_bytes());
        out.extend(&packed);
        header(0x0201_4b50, &mut central, true);
        central.extend([0u8; 10]);
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    }
    let start = out.len() as u32;
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(start.to_le_bytes());
    out.extend([0u8; 2]);
    out
}

#[test]
fn the_builders_own_files_read_as_templates_that_change_nothing_they_need() {
    let doc = document();
    for format in [Format::Docx, Format::Odt] {
        let own = format.render(&doc, None, Part::Whole);
        let template = read(&own).unwrap();
        assert_eq!(
            template.kind,
            if format == Format::Docx {
                Kind::Word
            } else {
                Kind::OpenDocument
            }
        );
        let styled = format.render_with(&doc, None, Part::Whole, Some(&template));
        let (body, styles) = match format {
            Format::Docx => ("word/document.xml", "word/styles.xml"),
            _ => ("content.xml", "styles.xml"),
        };
        // Every style it needs is there already: nothing is added, the body is the same.
        assert_eq!(part(&styled, body), part(&own, body), "{format:?}");
        assert!(!part(&styled, styles).contains("Ecb"), "{format:?}");
        // A template of the other kind is left aside.
        let other = if format == Format::Docx {
            Format::Odt
        } else {
            Format::Docx
        };
        assert_eq!(
            other.render_with(&doc, None, Part::Whole, Some(&template)),
            other.render(&doc, None, Part::Whole)
        );
    }
}

#[test]
fn a_deflated_word_template_with_german_style_ids_gives_its_styles_to_the_download() {
    let doc = document();
    let own = Format::Docx.render(&doc, None, Part::Whole);
    // As German Word writes them: localised IDs, a style of its own, no "Criterion detail".
    let localised: Vec<(String, Vec<u8>)> = entries(&own)
        .into_iter()
        .map(|(name, data)| {
            let mut text = String::from_utf8(data).unwrap();
            if name == "word/styles.xml" {
                text = text.replace("w:styleId=\"Heading1\"", "w:styleId=\"berschrift1\"");
                let start = text.find("<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"CriterionDetail\"").unwrap();
                let end = start + text[start..].find("</w:style>").unwrap() + "</w:style>".len();
                text.replace_range(start..end, "");
                text = text.replace("<w:name w:val=\"heading 1\"/>", "<w:name w:val=\"heading 1\"/><w:rPr><w:color w:val=\"C00000\"/></w:rPr>");
            }
            (name, text.into_bytes())
        })
        .collect();
    let template = read(&deflated_zip(&localised)).unwrap();
    let styled = Format::Docx.render_with(&doc, None, Part::Whole, Some(&template));
    let body = part(&styled, "word/document.xml");
    let styles = part(&styled, "word/styles.xml");
    assert!(body.contains("<w:pStyle w:val=\"berschrift1\"/>"));
    assert!(!body.contains("<w:pStyle w:val=\"Heading1\"/>"));
    assert!(
        styles.contains("C00000"),
        "the template's own formatting is kept"
    );
    // The style it lacked is added under an ID of our own, and used.
    assert!(styles.contains("w:styleId=\"EcbCriterionDetail\""));
    assert!(body.contains("<w:pStyle w:val=\"EcbCriterionDetail\"/>"));
    // Its numbering has our bullets added, far from its own numbers.
    assert!(part(&styled, "word/numbering.xml").contains("w:numId=\"9000\""));
}

#[test]
fn files_that_are_not_templates_are_refused_with_a_reason() {
    let doc = document();
    let own = Format::Docx.render(&doc, None, Part::Whole);
    assert_eq!(read(b"not a zip at all"), Err(TemplateProblem::NotPackage));
    assert_eq!(read(&[]), Err(TemplateProblem::NotPackage));
    // A spreadsheet: a package without a text document's styles.
    let sheet = deflated_zip(&[("xl/workbook.xml".into(), b"<workbook/>".to_vec())]);
    assert_eq!(read(&sheet), Err(TemplateProblem::NotText));
    // Styles that are not Word's styles XML.
    let broken = deflated_zip(&[("word/styles.xml".into(), b"<html></html>".to_vec())]);
    assert_eq!(read(&broken), Err(TemplateProblem::NoStyles));
    // A part whose checksum fails.
    let mut bad = own.clone();
    let at = bad.windows(10).position(|w| w == b"<w:styles ").unwrap();
    bad[at + 3] = b'X';
    assert_eq!(
        read(&bad),
        Err(TemplateProblem::Damaged("word/styles.xml".into()))
    );
    // Encrypted entries.
    let mut locked = deflated_zip(&[("word/styles.xml".into(), b"<w:styles></w:styles>".to_vec())]);
    let central = locked
        .windows(4)
        .position(|w| w == [0x50, 0x4b, 0x01, 0x02])
        .unwrap();
    locked[central + 8] |= 1;
    assert_eq!(read(&locked), Err(TemplateProblem::Unsupported));
    // Too large.
    let huge = vec![0u8; template::MAX_BYTES + 1];
    assert!(matches!(read(&huge), Err(TemplateProblem::TooLarge { .. })));
    // Every cut of a real template is refused or read, never a panic.
    for len in (0..own.len()).step_by(97) {
        let _ = read(&own[..len]);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_bytes_give_a_template_or_a_problem(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = read(&bytes);
    }

    #[test]
    fn a_damaged_template_is_refused_or_still_writes_a_file(flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let doc = document();
        let mut zip = deflated_zip(&entries(&Format::Docx.render(&doc, None, Part::Tender)));
        for (at, byte) in flips {
            let at = at.index(zip.len());
            zip[at] = byte;
        }
        if let Ok(template) = read(&zip) {
            let out = Format::Docx.render_with(&doc, None, Part::Tender, Some(&template));
            prop_assert!(out.starts_with(b"PK\x03\x04"));
        }
    }
}
