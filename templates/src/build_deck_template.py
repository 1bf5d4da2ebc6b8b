"""Build the built-in committee deck template, templates/deck.pptx (run after editing this file).

Usage: python templates/src/build_deck_template.py

Starts from python-pptx's default package and rewrites its master, layouts and theme: 16:9,
a title bar in the theme's accent1 (navy) with an accent2 (teal) rule, footer (project, date) and
slide number placeholders, and the layouts "Title Slide", "Title and Content", "Section Header",
"Title Only", "Blank". Every colour of the master and layouts is a theme colour, so a PMO who
changes the theme's colours (Design > Variants > Colours) restyles the whole deck.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.util import Pt

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from docgen.ooxml.drawingml.palette import colour_xml  # noqa: E402
from docgen.ooxml.package import package_bytes  # noqa: E402
from docgen.ooxml.theme import BUILTIN_THEME  # noqa: E402

NS = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')
W, H = 12192000, 6858000
KEEP = ["Title Slide", "Title and Content", "Section Header", "Title Only", "Blank"]
# Theme colour specs (docgen.ooxml.drawingml.palette): bg1-25 is "Background 1, darker 25 %".
BAR, ACCENT, WHITE = "accent1", "accent2", "bg1"
FOOT_GREY = "bg1-50"  # 7F7F7F
RULE_GREY = "bg1-25"
BODY_TEXT = "tx1+15"
COVER_SUBTITLE = "bg2"


def solid(spec: str) -> str:
    return f"<a:solidFill>{colour_xml(spec, mapped=False)}</a:solidFill>"


def emu(points: float) -> int:
    return int(Pt(points))


def xfrm(x: float, y: float, w: float, h: float) -> str:
    return (f'<a:xfrm><a:off x="{emu(x)}" y="{emu(y)}"/>'
            f'<a:ext cx="{emu(w)}" cy="{emu(h)}"/></a:xfrm>')


def rect(sid: int, name: str, box: tuple, colour: str) -> str:
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{sid}" name="{name}"/><p:cNvSpPr/><p:nvPr userDrawn="1"/>'
            f'</p:nvSpPr><p:spPr>{xfrm(*box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
            f'{solid(colour)}<a:ln><a:noFill/></a:ln>'
            '</p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p>'
            '</p:txBody></p:sp>')


def placeholder(sid: int, name: str, ph: str, box: tuple | None, text: str = "",
                body: str = "", lst: str = "") -> str:
    geometry = f"{xfrm(*box)}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>" if box else ""
    run = f'<a:r><a:rPr lang="en-US"/><a:t>{text}</a:t></a:r>' if text else ""
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{sid}" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/>'
            f'</p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr><p:spPr>{geometry}</p:spPr>'
            f'<p:txBody><a:bodyPr{body}/><a:lstStyle>{lst}</a:lstStyle><a:p>{run}'
            '<a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>')


def footer_lst(align: str, colour: bool) -> str:
    fill = solid(FOOT_GREY) if colour else ""
    return f'<a:lvl1pPr algn="{align}"><a:defRPr sz="1000">{fill}</a:defRPr></a:lvl1pPr>'


def footers(first_id: int, colour: bool = False) -> str:
    """Return the footer placeholders; their colour only on the master's (``colour``).

    LibreOffice applies a theme colour's lighter/darker once per level that repeats it (master,
    layout, slide), so the layouts and slides inherit the master's instead of repeating it.
    """
    return (
        placeholder(first_id, "Date Placeholder", '<p:ph type="dt" sz="half" idx="10"/>',
                    (650, 506, 200, 22), body=' anchor="ctr"', lst=footer_lst("r", colour))
        + placeholder(first_id + 1, "Footer Placeholder", '<p:ph type="ftr" sz="quarter" idx="11"/>',
                      (36, 506, 600, 22), body=' anchor="ctr"', lst=footer_lst("l", colour))
        + placeholder(first_id + 2, "Slide Number Placeholder",
                      '<p:ph type="sldNum" sz="quarter" idx="12"/>', (864, 506, 60, 22),
                      body=' anchor="ctr"', lst=footer_lst("r", colour))
    )


def sptree(inner: str) -> str:
    return ('<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
            '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
            f'<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>{inner}</p:spTree>')


MASTER_SHAPES = (
    rect(20, "Title Bar", (0, 0, 960, 72), BAR)
    + rect(21, "Accent", (0, 72, 960, 4), ACCENT)
    + rect(22, "Footer Rule", (36, 500, 888, 0.75), RULE_GREY)
    + placeholder(2, "Title Placeholder", '<p:ph type="title"/>', (36, 10, 888, 56),
                  "Click to edit the title", ' anchor="ctr" lIns="91440" rIns="91440"')
    + placeholder(3, "Text Placeholder", '<p:ph type="body" idx="1"/>', (36, 88, 888, 404),
                  "Click to edit the text")
    + footers(4, colour=True)
)

TITLE_STYLE = (
    '<p:titleStyle><a:lvl1pPr algn="l" defTabSz="914400" rtl="0" eaLnBrk="1" latinLnBrk="0" '
    'hangingPunct="1"><a:lnSpc><a:spcPct val="90000"/></a:lnSpc><a:spcBef><a:spcPct val="0"/>'
    f'</a:spcBef><a:buNone/><a:defRPr sz="2800" b="1" kern="1200">{solid(WHITE)}'
    '<a:latin typeface="+mj-lt"/><a:ea typeface="+mj-ea"/>'
    '<a:cs typeface="+mj-cs"/></a:defRPr></a:lvl1pPr></p:titleStyle>'
)


def body_style() -> str:
    levels = ""
    for lvl, size in enumerate((2000, 1800, 1600, 1400, 1400), 1):
        mar = 228600 * lvl
        levels += (f'<a:lvl{lvl}pPr marL="{mar}" indent="-228600" algn="l"><a:spcBef>'
                   '<a:spcPts val="600"/></a:spcBef><a:buFont typeface="Arial"/><a:buChar char="•"/>'
                   f'<a:defRPr sz="{size}">{solid(BODY_TEXT)}'
                   f'<a:latin typeface="+mn-lt"/></a:defRPr></a:lvl{lvl}pPr>')
    return f"<p:bodyStyle>{levels}</p:bodyStyle>"


def layout(name: str, kind: str, inner: str, extra: str = "") -> str:
    return (f'<p:sldLayout {NS} type="{kind}" preserve="1"{extra}><p:cSld name="{name}">'
            f'{sptree(inner)}</p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>'
            '</p:sldLayout>')


COVER_BG = f"<p:bg><p:bgPr>{solid(BAR)}<a:effectLst/></p:bgPr></p:bg>"
LAYOUTS = {
    "Title Slide": layout("Title Slide", "title", (
        rect(10, "Accent Bar", (0, 0, 18, 540), ACCENT)
        + rect(11, "Accent Rule", (60, 270, 140, 3), ACCENT)
        + placeholder(2, "Title", '<p:ph type="ctrTitle"/>', (60, 150, 840, 110),
                      "Project name", ' anchor="b"',
                      f'<a:lvl1pPr algn="l"><a:defRPr sz="4000" b="1">{solid(WHITE)}'
                      '</a:defRPr></a:lvl1pPr>')
        + placeholder(3, "Subtitle", '<p:ph type="subTitle" idx="1"/>', (60, 280, 840, 150),
                      "Committee, period", ' anchor="t"',
                      '<a:lvl1pPr marL="0" indent="0" algn="l"><a:buNone/><a:defRPr sz="1800">'
                      f'{solid(COVER_SUBTITLE)}</a:defRPr></a:lvl1pPr>')
    ), ' showMasterSp="0"').replace('<p:cSld name="Title Slide">',
                                    f'<p:cSld name="Title Slide">{COVER_BG}'),
    "Title and Content": layout("Title and Content", "obj", (
        placeholder(2, "Title", '<p:ph type="title"/>', None)
        + placeholder(3, "Content", '<p:ph idx="1"/>', None)
        + footers(4))),
    "Section Header": layout("Section Header", "secHead", (
        placeholder(2, "Title", '<p:ph type="title"/>', (36, 200, 888, 80), "Section",
                    ' anchor="b"', f'<a:lvl1pPr><a:defRPr sz="3600" b="1">{solid(BAR)}'
                    '</a:defRPr></a:lvl1pPr>')
        + placeholder(3, "Text", '<p:ph type="body" idx="1"/>', (36, 290, 888, 60), "",
                      "", '<a:lvl1pPr marL="0" indent="0"><a:buNone/><a:defRPr sz="1800"/>'
                      '</a:lvl1pPr>')
        + footers(4)), ' showMasterSp="0"'),
    "Title Only": layout("Title Only", "titleOnly", (
        placeholder(2, "Title", '<p:ph type="title"/>', None) + footers(3))),
    "Blank": layout("Blank", "blank", footers(2)),
}

# lt2 is the cover's subtitle colour and, much lighter, the band of even table rows.
THEME_COLOURS = {slot: ("sysClr" if slot in ("dk1", "lt1") else "srgbClr", value)
                 for slot, value in BUILTIN_THEME.items()}


def main() -> Path:
    prs = Presentation()
    prs.slide_width, prs.slide_height = W, H
    for lay in list(prs.slide_layouts):
        if lay.name not in KEEP:
            prs.slide_layouts.remove(lay)
    master = prs.slide_master
    root = master._element
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    p = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
    csld = root.find(f"{p}cSld")
    csld.replace(csld.find(f"{p}spTree"), etree.fromstring(f"<x {NS}>{sptree(MASTER_SHAPES)}</x>")[0])
    styles = root.find(f"{p}txStyles")
    styles.replace(styles.find(f"{p}titleStyle"), etree.fromstring(f"<x {NS}>{TITLE_STYLE}</x>")[0])
    styles.replace(styles.find(f"{p}bodyStyle"), etree.fromstring(f"<x {NS}>{body_style()}</x>")[0])
    for lay in prs.slide_layouts:
        new = etree.fromstring(LAYOUTS[lay.name])
        old = lay._element
        for child in list(old):
            old.remove(child)
        for key, value in new.attrib.items():
            old.set(key, value)
        for child in new:
            old.append(child)
    theme_part = next(r.target_part for r in master.part.rels.values() if r.reltype.endswith("/theme"))
    theme = etree.fromstring(theme_part.blob)
    scheme = theme.find(f".//{a}clrScheme")
    scheme.set("name", "docgen")
    for slot, (tag, value) in THEME_COLOURS.items():
        el = scheme.find(f"{a}{slot}")
        for child in list(el):
            el.remove(child)
        clr = etree.SubElement(el, f"{a}{tag}")
        if tag == "sysClr":
            clr.set("val", "windowText" if slot == "dk1" else "window")
            clr.set("lastClr", value)
        else:
            clr.set("val", value)
    for font in theme.iter(f"{a}latin"):
        font.set("typeface", "Calibri")
    theme_part._blob = etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)
    props = prs.core_properties
    props.title, props.author, props.last_modified_by = "docgen committee deck", "docgen", "docgen"
    props.revision = 1
    buf = io.BytesIO()
    prs.save(buf)
    import zipfile

    from docgen.ooxml.package import fix_core_times

    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    parts["docProps/core.xml"] = fix_core_times(parts["docProps/core.xml"])
    dest = ROOT / "templates" / "deck.pptx"
    dest.write_bytes(package_bytes(parts))
    return dest


if __name__ == "__main__":
    print(main())
