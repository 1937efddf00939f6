//! The template reader: any bytes, read as a buyer's Word or OpenDocument template, give a
//! template or a problem naming why not, never a panic; a template it reads writes a package.
#![no_main]

use criteria_builder::domain::assemble::assemble;
use criteria_builder::domain::document::Document;
use criteria_builder::domain::embedded;
use criteria_builder::domain::fragment;
use criteria_builder::domain::i18n::Language;
use criteria_builder::domain::render::office::template;
use criteria_builder::domain::render::{Format, Part};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn document() -> &'static Document {
    static DOC: OnceLock<Document> = OnceLock::new();
    DOC.get_or_init(|| {
        let (selection, _) = fragment::decode("v=1&c=monitors&r=child-labour&l=basic&s=award&p=10");
        assemble(&embedded::catalog(Language::En).unwrap(), &selection, Language::En)
    })
}

fuzz_target!(|data: &[u8]| {
    let inflate = |packed: &[u8], size: usize| {
        miniz_oxide::inflate::decompress_to_vec_with_limit(packed, size).ok()
    };
    if let Ok(template) = template::read(data, &inflate) {
        for format in [Format::Docx, Format::Odt] {
            let out = format.render_with(document(), None, Part::Tender, Some(&template));
            assert!(out.starts_with(b"PK\x03\x04"));
        }
    }
});
