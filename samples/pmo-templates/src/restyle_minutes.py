"""Build samples/pmo-templates/minutes.docx: the built-in minutes reference restyled for a PMO.

Run ``python samples/pmo-templates/src/restyle_minutes.py``. It does by script what a PMO does
in Word (Home > Styles > Modify): body text in Georgia, headings and title in Arial in the
corporate burgundy, a teal subtitle, and the "docgen Table" style's header row and rules in
burgundy (Table Design > Modify Table Style). Only styles change; docgen fills the content.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from docgen.ooxml.package import read_parts, write_package  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BODY_FONT = "Georgia"
HEADING_FONT = "Arial"
BURGUNDY = "7B1E3A"
TEAL = "00747A"
# style id -> (font, colour); None keeps what the built-in has.
CHANGES = {
    "Normal": (BODY_FONT, None),
    "Title": (HEADING_FONT, BURGUNDY),
    "Subtitle": (HEADING_FONT, TEAL),
    "Heading1": (HEADING_FONT, BURGUNDY),
    "Heading2": (HEADING_FONT, BURGUNDY),
    "Heading3": (HEADING_FONT, TEAL),
}


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def set_run_props(rpr: etree._Element, font: str | None, colour: str | None) -> None:
    """Set the font and colour of the run properties ``rpr`` in place (schema order kept)."""
    if font:
        fonts = rpr.find(_w("rFonts"))
        if fonts is None:
            fonts = etree.Element(_w("rFonts"))
            rpr.insert(0, fonts)
        for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
            fonts.set(_w(attr), font)
    if colour:
        color = rpr.find(_w("color"))
        if color is None:
            color = etree.SubElement(rpr, _w("color"))
            # w:color comes before size, highlight, underline... in CT_RPr.
            later = [c for c in rpr if etree.QName(c).localname in ("sz", "szCs", "highlight", "u", "lang")]
            if later:
                later[0].addprevious(color)
        color.set(_w("val"), colour)


def restyle_styles(styles_xml: bytes, changes: dict[str, tuple[str | None, str | None]]) -> bytes:
    """Return ``styles_xml`` with each style id of ``changes`` given its (font, colour)."""
    root = etree.fromstring(styles_xml)
    for style in root.iter(_w("style")):
        change = changes.get(style.get(_w("styleId")))
        if not change:
            continue
        rpr = style.find(_w("rPr"))
        if rpr is None:
            rpr = etree.SubElement(style, _w("rPr"))
        set_run_props(rpr, *change)
        for border in style.iterfind(f"{_w('pPr')}/{_w('pBdr')}/*"):
            if change[1]:
                border.set(_w("color"), change[1])  # the rule under Heading 1 follows its colour
    body_font = changes.get("Normal", (None, None))[0]
    defaults = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
    if body_font and defaults is not None:
        set_run_props(defaults, body_font, None)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def restyle_table(styles_xml: bytes, style_id: str, colour: str) -> bytes:
    """Return ``styles_xml`` with the table style ``style_id``'s header shading and outer rules in ``colour``."""
    root = etree.fromstring(styles_xml)
    for style in root.iter(_w("style")):
        if style.get(_w("styleId")) != style_id:
            continue
        for rule in style.iterfind(f"{_w('tblPr')}/{_w('tblBorders')}/*"):
            if etree.QName(rule).localname in ("top", "bottom"):
                rule.set(_w("color"), colour)
        for part in style.iterfind(_w("tblStylePr")):
            if part.get(_w("type")) == "firstRow":
                for shd in part.iter(_w("shd")):
                    shd.set(_w("fill"), colour)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def build(source: Path, dest: Path) -> Path:
    """Write ``source`` restyled with :data:`CHANGES` to ``dest``; return ``dest``."""
    parts = read_parts(source)
    parts["word/styles.xml"] = restyle_table(restyle_styles(parts["word/styles.xml"], CHANGES), "DocgenTable", BURGUNDY)
    return write_package(parts, dest)


if __name__ == "__main__":
    out = build(ROOT / "templates" / "minutes.docx", ROOT / "samples" / "pmo-templates" / "minutes.docx")
    sys.stdout.write(f"wrote {out}\n")
