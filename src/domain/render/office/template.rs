//! The buyer's own template: a Word file (`.docx`/`.dotx`) or an OpenDocument text (`.odt`/`.ott`)
//! whose heading, body and list styles the office downloads use. It is read where the buyer
//! chose it (in the browser, nothing leaves the page) and is hostile input like any other: a file
//! that is not such a package, too large, damaged or packed in a way this reader does not know
//! gives a [`TemplateProblem`] and the built-in styles, never a panic.
//!
//! Reading is in two steps so that the browser can inflate with its own `DecompressionStream`
//! (no inflater ships in the widget): [`open`] finds the parts it needs in the ZIP directory,
//! the caller inflates them, [`finish`] checks them and builds the [`Template`]. [`read`] does
//! both with an inflater given by the caller (the command line's and the fuzz target's).

use super::zip::crc32;

/// The largest template file read.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
/// The largest part read out of it, inflated.
pub const MAX_PART: usize = 8 * 1024 * 1024;

/// Which office format a template is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    OpenDocument,
}

/// Why a template cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateProblem {
    TooLarge {
        bytes: usize,
        max: usize,
    },
    /// Not a ZIP package at all.
    NotPackage,
    /// A package, but neither a Word document nor an OpenDocument text (a spreadsheet, say).
    NotText,
    /// Encrypted, split, ZIP64 or compressed in another way than deflate.
    Unsupported,
    /// A part is cut short, fails its checksum or does not inflate.
    Damaged(String),
    /// The styles part is missing or is not the styles XML the format defines.
    NoStyles,
}

/// A part as it lies in the package, still to be inflated (`deflated`) or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packed {
    pub name: &'static str,
    pub deflated: bool,
    pub data: Vec<u8>,
    pub size: usize,
    pub crc: u32,
}

/// The style names a document refers to, mapped to the template's style IDs (Word), and the
/// parts that carry the template's styles into the download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub kind: Kind,
    /// The styles part as the template has it.
    pub styles: String,
    /// Word: the numbering part, where it has one.
    pub numbering: Option<String>,
    /// Word: the theme, where it has one (heading styles often take their fonts from it).
    pub theme: Option<String>,
}

const WORD_PARTS: [&str; 3] = [
    "word/styles.xml",
    "word/numbering.xml",
    "word/theme/theme1.xml",
];
const ODF_PARTS: [&str; 2] = ["mimetype", "styles.xml"];

fn u16_at(zip: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_le_bytes(zip.get(at..at.checked_add(2)?)?.try_into().ok()?) as usize)
}

fn u32_at(zip: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        zip.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

/// The parts of the package this reader needs, with the kind of template it is.
pub fn open(zip: &[u8]) -> Result<(Kind, Vec<Packed>), TemplateProblem> {
    if zip.len() > MAX_BYTES {
        return Err(TemplateProblem::TooLarge {
            bytes: zip.len(),
            max: MAX_BYTES,
        });
    }
    // The end-of-central-directory record: within the last 22 + 65,535 bytes (its comment).
    let lowest = zip.len().saturating_sub(22 + 65_535);
    let end = (lowest..zip.len().saturating_sub(21))
        .rev()
        .find(|&at| u32_at(zip, at) == Some(0x0605_4b50))
        .ok_or(TemplateProblem::NotPackage)?;
    let count = u16_at(zip, end + 10).ok_or(TemplateProblem::NotPackage)?;
    let directory = u32_at(zip, end + 16).ok_or(TemplateProblem::NotPackage)?;
    if directory == u32::MAX || count == 0xFFFF {
        return Err(TemplateProblem::Unsupported);
    }
    let mut at = directory as usize;
    let mut found: Vec<(&'static str, bool, usize, usize, usize, u32)> = Vec::new();
    let mut names_seen = 0usize;
    for _ in 0..count {
        if u32_at(zip, at) != Some(0x0201_4b50) {
            return Err(TemplateProblem::Damaged("central directory".into()));
        }
        let field = |offset: usize| u16_at(zip, at + offset).ok_or(TemplateProblem::NotPackage);
        let flags = field(8)?;
        let method = field(10)?;
        let crc = u32_at(zip, at + 16).ok_or(TemplateProblem::NotPackage)?;
        let packed = u32_at(zip, at + 20).ok_or(TemplateProblem::NotPackage)?;
        let size = u32_at(zip, at + 24).ok_or(TemplateProblem::NotPackage)?;
        let (name_len, extra, comment) = (field(28)?, field(30)?, field(32)?);
        let local = u32_at(zip, at + 42).ok_or(TemplateProblem::NotPackage)?;
        let name = zip
            .get(at + 46..at + 46 + name_len)
            .ok_or(TemplateProblem::NotPackage)?;
        let wanted = WORD_PARTS
            .iter()
            .chain(ODF_PARTS.iter())
            .find(|w| w.as_bytes() == name);
        names_seen += 1;
        if let Some(wanted) = wanted {
            if flags & 1 != 0 || !(method == 0 || method == 8) {
                return Err(TemplateProblem::Unsupported);
            }
            if [packed, size, local].contains(&u32::MAX) {
                return Err(TemplateProblem::Unsupported);
            }
            if size as usize > MAX_PART {
                return Err(TemplateProblem::TooLarge {
                    bytes: size as usize,
                    max: MAX_PART,
                });
            }
            if !found.iter().any(|f| f.0 == *wanted) {
                found.push((
                    wanted,
                    method == 8,
                    local as usize,
                    packed as usize,
                    size as usize,
                    crc,
                ));
            }
        }
        at += 46 + name_len + extra + comment;
    }
    if names_seen == 0 {
        return Err(TemplateProblem::NotText);
    }
    let has = |name: &str| found.iter().any(|f| f.0 == name);
    let kind = if has("word/styles.xml") {
        Kind::Word
    } else if has("mimetype") && has("styles.xml") {
        Kind::OpenDocument
    } else {
        return Err(TemplateProblem::NotText);
    };
    let keep: &[&str] = match kind {
        Kind::Word => &WORD_PARTS,
        Kind::OpenDocument => &ODF_PARTS,
    };
    let mut parts = Vec::new();
    for (name, deflated, local, packed, size, crc) in found {
        if !keep.contains(&name) {
            continue;
        }
        let damaged = || TemplateProblem::Damaged(name.to_string());
        if u32_at(zip, local) != Some(0x0403_4b50) {
            return Err(damaged());
        }
        let start = local
            .checked_add(30)
            .and_then(|s| s.checked_add(u16_at(zip, local + 26)?))
            .and_then(|s| s.checked_add(u16_at(zip, local + 28)?))
            .ok_or_else(damaged)?;
        let data = zip
            .get(start..start.checked_add(packed).ok_or_else(damaged)?)
            .ok_or_else(damaged)?;
        parts.push(Packed {
            name,
            deflated,
            data: data.to_vec(),
            size,
            crc,
        });
    }
    Ok((kind, parts))
}

/// Checks the inflated parts (size, checksum, UTF-8, the styles root) and builds the template.
pub fn finish(kind: Kind, parts: Vec<(Packed, Vec<u8>)>) -> Result<Template, TemplateProblem> {
    let mut texts: Vec<(&'static str, String)> = Vec::new();
    for (packed, data) in parts {
        if data.len() != packed.size || crc32(&data) != packed.crc {
            return Err(TemplateProblem::Damaged(packed.name.to_string()));
        }
        let text = String::from_utf8(data)
            .map_err(|_| TemplateProblem::Damaged(packed.name.to_string()))?;
        texts.push((packed.name, text));
    }
    let take = |name: &str| {
        texts
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| t.clone())
    };
    match kind {
        Kind::Word => {
            let styles = take("word/styles.xml").ok_or(TemplateProblem::NoStyles)?;
            if !styles.contains("<w:styles") || !styles.trim_end().ends_with("</w:styles>") {
                return Err(TemplateProblem::NoStyles);
            }
            let numbering = take("word/numbering.xml")
                .filter(|n| n.contains("<w:numbering") && n.trim_end().ends_with("</w:numbering>"));
            Ok(Template {
                kind,
                styles,
                numbering,
                theme: take("word/theme/theme1.xml").filter(|t| t.contains("<a:theme")),
            })
        }
        Kind::OpenDocument => {
            let mimetype = take("mimetype").unwrap_or_default();
            if !mimetype.starts_with("application/vnd.oasis.opendocument.text") {
                return Err(TemplateProblem::NotText);
            }
            let styles = take("styles.xml").ok_or(TemplateProblem::NoStyles)?;
            if !styles.contains("<office:document-styles")
                || !(styles.contains("</office:styles>") || styles.contains("<office:styles/>"))
            {
                return Err(TemplateProblem::NoStyles);
            }
            Ok(Template {
                kind,
                styles,
                numbering: None,
                theme: None,
            })
        }
    }
}

/// Inflates raw deflate data to at most `size` bytes, or fails.
pub type Inflate<'a> = &'a dyn Fn(&[u8], usize) -> Option<Vec<u8>>;

/// Reads a template with the caller's inflater.
pub fn read(zip: &[u8], inflate: Inflate<'_>) -> Result<Template, TemplateProblem> {
    let (kind, parts) = open(zip)?;
    let mut inflated = Vec::new();
    for packed in parts {
        let data = if packed.deflated {
            inflate(&packed.data, packed.size)
                .ok_or_else(|| TemplateProblem::Damaged(packed.name.to_string()))?
        } else {
            packed.data.clone()
        };
        inflated.push((packed, data));
    }
    finish(kind, inflated)
}

/// The value of an attribute in an element's opening tag (`name="value"` or `name='value'`).
pub(super) fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(at) = rest.find(name) {
        let before = rest[..at].chars().next_back();
        let after = &rest[at + name.len()..];
        rest = after;
        if !matches!(before, Some(' ' | '\n' | '\r' | '\t')) {
            continue;
        }
        let after = after.trim_start();
        let Some(after) = after.strip_prefix('=') else {
            continue;
        };
        let after = after.trim_start();
        let quote = after.chars().next()?;
        if quote != '"' && quote != '\'' {
            return None;
        }
        let value = &after[1..];
        return value.find(quote).map(|end| &value[..end]);
    }
    None
}

/// Word styles of a styles part: (lowercased `w:name`, `w:styleId`, `w:type`), in order.
pub(super) fn word_styles(styles: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut rest = styles;
    while let Some(start) = rest.find("<w:style ") {
        rest = &rest[start..];
        let end = rest
            .find("</w:style>")
            .or_else(|| rest.find("/>"))
            .unwrap_or(rest.len());
        let element = &rest[..end];
        let open_end = element.find('>').unwrap_or(element.len());
        let tag = &element[..open_end];
        let id = attribute(tag, "w:styleId").unwrap_or_default();
        let kind = attribute(tag, "w:type").unwrap_or("paragraph");
        let name = element
            .find("<w:name ")
            .and_then(|at| {
                let name_tag = &element[at..];
                let close = name_tag.find('>').unwrap_or(name_tag.len());
                attribute(&name_tag[..close], "w:val")
            })
            .unwrap_or_default();
        if !id.is_empty() {
            out.push((name.to_ascii_lowercase(), id.to_string(), kind.to_string()));
        }
        rest = &rest[end.max(1)..];
    }
    out
}

impl TemplateProblem {
    /// The problem as a code and a detail (the part, or the size), as the office worker reports it
    /// to the page.
    pub fn code(&self) -> (&'static str, String) {
        match self {
            TemplateProblem::TooLarge { bytes, max } => ("too-large", format!("{bytes}/{max}")),
            TemplateProblem::NotPackage => ("not-package", String::new()),
            TemplateProblem::NotText => ("not-text", String::new()),
            TemplateProblem::Unsupported => ("unsupported", String::new()),
            TemplateProblem::Damaged(part) => ("damaged", part.clone()),
            TemplateProblem::NoStyles => ("no-styles", String::new()),
        }
    }

    /// The problem of a code and detail from [`TemplateProblem::code`]; an unknown code is read
    /// as a file that is not a template.
    pub fn from_code(code: &str, detail: &str) -> Self {
        match code {
            "too-large" => {
                let (bytes, max) = detail.split_once('/').unwrap_or(("0", "0"));
                TemplateProblem::TooLarge {
                    bytes: bytes.parse().unwrap_or(0),
                    max: max.parse().unwrap_or(MAX_BYTES),
                }
            }
            "not-text" => TemplateProblem::NotText,
            "unsupported" => TemplateProblem::Unsupported,
            "damaged" => TemplateProblem::Damaged(detail.to_string()),
            "no-styles" => TemplateProblem::NoStyles,
            _ => TemplateProblem::NotPackage,
        }
    }
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Word => "word",
            Kind::OpenDocument => "odt",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        match code {
            "word" => Some(Kind::Word),
            "odt" => Some(Kind::OpenDocument),
            _ => None,
        }
    }
}
