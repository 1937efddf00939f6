"""Reads a .docx with python-docx (a second, independent reader) or an .odt with the standard
library, and prints what the tests compare as JSON: the headings (level, text) of the body, the
document properties, and the languages the paragraphs are marked with."""
import json
import sys
import zipfile
import xml.etree.ElementTree as ET


def docx(path):
    import docx  # python3-docx

    document = docx.Document(path)
    headings = []
    for paragraph in document.paragraphs:
        name = paragraph.style.name
        if name.startswith("Heading "):
            headings.append({"level": int(name.split()[1]), "text": paragraph.text})
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    languages = sorted(
        {e.get(W + "val") for e in document.element.body.iter(W + "lang")}
    )
    core = document.core_properties
    with zipfile.ZipFile(path) as z:
        custom = ET.fromstring(z.read("docProps/custom.xml"))
    props = {p.get("name"): "".join(p.itertext()) for p in custom}
    return {
        "headings": headings,
        "languages": languages,
        "title": core.title,
        "identifier": core.identifier,
        "version": core.version,
        "properties": props,
        "tables": len(document.tables),
        "styles": sorted({p.style.name for p in document.paragraphs}),
    }


def odt(path):
    ns = {
        "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
        "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
        "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
        "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
        "dc": "http://purl.org/dc/elements/1.1/",
        "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
        "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    }
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        first = z.infolist()[0]
        content = ET.fromstring(z.read("content.xml"))
        meta = ET.fromstring(z.read("meta.xml"))
    text_body = content.find("office:body/office:text", ns)
    headings = [
        {
            "level": int(h.get("{%s}outline-level" % ns["text"])),
            "text": "".join(h.itertext()),
        }
        for h in text_body.findall("text:h", ns)
    ]
    languages = sorted(
        {
            p.get("{%s}language" % ns["fo"])
            for p in content.iter("{%s}text-properties" % ns["style"])
            if p.get("{%s}language" % ns["fo"])
        }
    )
    props = {
        u.get("{%s}name" % ns["meta"]): u.text
        for u in meta.iter("{%s}user-defined" % ns["meta"])
    }
    return {
        "headings": headings,
        "languages": languages,
        "title": meta.find("office:meta/dc:title", ns).text,
        "properties": props,
        "first_entry": first.filename,
        "first_stored": first.compress_type == zipfile.ZIP_STORED,
        "tables": len(text_body.findall("table:table", ns)),
        "entries": names,
    }


if __name__ == "__main__":
    path = sys.argv[1]
    print(json.dumps(docx(path) if path.endswith(".docx") else odt(path), ensure_ascii=False))
