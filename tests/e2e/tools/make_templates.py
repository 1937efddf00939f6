"""Makes the buyer templates the office tests use, as an authority's would be: a Word template
(python-docx's default document, its heading and body fonts changed, saved deflated, its style IDs
localised as German Word writes them) and an OpenDocument template (.ott) made from an .odt the
builder wrote, its heading font changed and one of the builder's styles taken out.
Usage: make_templates.py OUT_DIR BUILDER_ODT"""
import sys
import zipfile

import docx  # python3-docx
from docx.shared import Pt, RGBColor

out, odt = sys.argv[1], sys.argv[2]

# Word: Heading 1 in DejaVu Serif, red; Normal in DejaVu Sans Mono.
document = docx.Document()
heading = document.styles["Heading 1"]
heading.font.name = "DejaVu Serif"
heading.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
heading.font.size = Pt(20)
document.styles["Normal"].font.name = "DejaVu Sans Mono"
plain = f"{out}/plain.docx"
document.save(plain)
# German Word writes localised style IDs ("berschrift1" for "heading 1"): the builder must find
# styles by name.
with zipfile.ZipFile(plain) as source, zipfile.ZipFile(f"{out}/authority.dotx", "w", zipfile.ZIP_DEFLATED) as target:
    for item in source.infolist():
        data = source.read(item.filename)
        if item.filename in ("word/styles.xml", "word/document.xml"):
            text = data.decode("utf-8")
            for level in range(1, 10):
                text = text.replace(f'w:styleId="Heading{level}"', f'w:styleId="berschrift{level}"')
                text = text.replace(f'w:val="Heading{level}"', f'w:val="berschrift{level}"')
            data = text.encode("utf-8")
        target.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)

# OpenDocument: from the builder's own .odt, Heading 1 in DejaVu Serif, the criterion detail style
# removed (the builder must add it back), saved as a template, deflated.
with zipfile.ZipFile(odt) as source, zipfile.ZipFile(f"{out}/authority.ott", "w") as target:
    for item in source.infolist():
        data = source.read(item.filename)
        if item.filename == "mimetype":
            target.writestr("mimetype", b"application/vnd.oasis.opendocument.text-template", compress_type=zipfile.ZIP_STORED)
            continue
        if item.filename == "styles.xml":
            text = data.decode("utf-8")
            start = text.index('<style:style style:name="Criterion_20_detail"')
            end = text.index("</style:style>", start) + len("</style:style>")
            text = text[:start] + text[end:]
            text = text.replace(
                'style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="1" style:class="text"><style:text-properties ',
                'style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="1" style:class="text"><style:text-properties style:font-name="DejaVu Serif" fo:font-family="DejaVu Serif" ',
            )
            data = text.encode("utf-8")
        target.writestr(item.filename, data, compress_type=zipfile.ZIP_DEFLATED)
