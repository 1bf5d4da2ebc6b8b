"""A "DRAFT" watermark in the page headers of a .docx, the way Word's own Design > Watermark makes it.

The shape sits in each header part, behind the text, centred on the page and turned 45°. It is
written as markup compatibility (``mc:AlternateContent``): Word 2010 and later, and LibreOffice,
read the DrawingML text box (whose words LibreOffice exports to PDF as text, so a reader or a
test finds "DRAFT" there); older readers read the fallback, Word's classic VML WordArt shape
(``PowerPlusWaterMarkObject``). A section without a header gets a header part holding only the
watermark. Knows no model: the caller passes the parts, the section properties and the word.
"""

from __future__ import annotations

import re

from docgen.ooxml.docx_package import with_override
from docgen.ooxml.xmltext import esc

SHAPE_NAME = "PowerPlusWaterMarkObject"
_NAMESPACES = {
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "w10": "urn:schemas-microsoft-com:office:word",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
}
_HEADER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
_HEADER_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
_BOX_CX, _BOX_CY = 5486400, 1828800  # 6 x 2 inches, in EMU
# Word's WordArt "plain text" shape type (#136), as Word writes it for a watermark.
_SHAPETYPE = (
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas>'
    + "".join(f'<v:f eqn="{eqn}"/>' for eqn in (
        "sum #0 0 10800", "prod #0 2 1", "sum 21600 0 @1", "sum 0 0 @2", "sum 21600 0 @3", "if @0 @3 0",
        "if @0 21600 @1", "if @0 0 @2", "if @0 @4 21600", "mid @5 @6", "mid @8 @5", "mid @7 @8",
        "mid @6 @7", "sum @6 0 @5"))
    + '</v:formulas><v:path textpathok="t" o:connecttype="custom" '
    'o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>'
    '<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/>'
    '</v:handles><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>')


def _font_half_points(text: str) -> int:
    """Return the font size (half-points) at which ``text`` fills about the box's width, 120 pt at most."""
    width_points = _BOX_CX / 12700
    return max(40, min(240, int(2 * width_points / (0.68 * max(len(text), 1)))))


def _vml(text: str, number: int) -> str:
    """Return Word's classic VML watermark shape (the fallback) showing ``text``."""
    return (f'<w:pict>{_SHAPETYPE}<v:shape id="{SHAPE_NAME}{number}" o:spid="_x0000_s{2048 + number}" '
            'type="#_x0000_t136" style="position:absolute;margin-left:0;margin-top:0;width:412.4pt;'
            'height:137.45pt;rotation:315;z-index:-251657216;mso-position-horizontal:center;'
            'mso-position-horizontal-relative:margin;mso-position-vertical:center;'
            'mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="silver" stroked="f">'
            f'<v:fill opacity=".5"/><v:textpath style="font-family:&quot;Calibri&quot;;font-size:1pt" '
            f'string="{esc(text)}"/><w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict>')


def _drawing(text: str, number: int) -> str:
    """Return the DrawingML text box (behind the text, centred on the margins, turned 315°) showing ``text``."""
    return (
        '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        f'relativeHeight="{251657216 + number}" behindDoc="1" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:align>center</wp:align>'
        '</wp:positionH><wp:positionV relativeFrom="margin"><wp:align>center</wp:align></wp:positionV>'
        f'<wp:extent cx="{_BOX_CX}" cy="{_BOX_CY}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{9000 + number}" name="{SHAPE_NAME}{number}" descr="{esc(text)}"/>'
        '<wp:cNvGraphicFramePr/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        '<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm rot="18900000"><a:off x="0" y="0"/>'
        f'<a:ext cx="{_BOX_CX}" cy="{_BOX_CY}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        '<a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr><wps:txbx><w:txbxContent><w:p><w:pPr>'
        '<w:spacing w:before="0" w:after="0"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/>'
        f'<w:color w:val="C0C0C0"/><w:sz w:val="{_font_half_points(text)}"/></w:rPr>'
        f'<w:t xml:space="preserve">{esc(text)}</w:t></w:r></w:p></w:txbxContent></wps:txbx>'
        '<wps:bodyPr rot="0" wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr"><a:noAutofit/>'
        '</wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>')


def watermark_paragraph(text: str, number: int = 1) -> str:
    """Return the header paragraph (``w:p``) holding the watermark shape ``number`` that shows ``text``."""
    return ('<w:p><w:pPr><w:pStyle w:val="Header"/><w:spacing w:before="0" w:after="0" w:line="20" '
            'w:lineRule="exact"/></w:pPr><w:r><w:rPr><w:noProof/></w:rPr><mc:AlternateContent>'
            f'<mc:Choice Requires="wps">{_drawing(text, number)}</mc:Choice>'
            f'<mc:Fallback>{_vml(text, number)}</mc:Fallback></mc:AlternateContent></w:r></w:p>')


def _declared(xml: str) -> str:
    """Return header ``xml`` with the namespaces of the watermark declared on its root element."""
    start = re.search(r"<w:hdr\b[^>]*>", xml)
    if start is None:
        return xml
    tag = start.group(0)
    extra = "".join(f' xmlns:{p}="{uri}"' for p, uri in _NAMESPACES.items() if f"xmlns:{p}=" not in tag)
    closing = tag[:-2] + extra + "/>" if tag.endswith("/>") else tag[:-1] + extra + ">"
    return xml.replace(tag, closing, 1)


def watermarked_header(xml: bytes, text: str, number: int = 1) -> bytes:
    """Return header part ``xml`` with the watermark paragraph ``number`` showing ``text`` appended."""
    doc = _declared(xml.decode("utf-8"))
    if re.search(r"<w:hdr\b[^>]*/>", doc):
        doc = re.sub(r"(<w:hdr\b[^>]*)/>", r"\1></w:hdr>", doc, count=1)
    return doc.replace("</w:hdr>", watermark_paragraph(text, number) + "</w:hdr>").encode("utf-8")


def _new_header(text: str, number: int) -> bytes:
    """Return a header part holding only the watermark ``number`` showing ``text``."""
    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
    return watermarked_header(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {ns}></w:hdr>'
                              .encode(), text, number)


def with_watermark(parts: dict[str, bytes], sect_pr: str, text: str) -> tuple[dict[str, bytes], str]:
    """Return the package ``parts`` and section properties ``sect_pr`` with a ``text`` watermark on every page.

    Every header part gets the shape; a page kind the section shows without a header (the
    default pages, and the first page when ``w:titlePg`` is set) gets a header of its own.
    """
    parts = dict(parts)
    headers = sorted(name for name in parts if re.fullmatch(r"word/header[^/]*\.xml", name))
    for number, name in enumerate(headers, 1):
        parts[name] = watermarked_header(parts[name], text, number)
    kinds = ["default"] + (["first"] if re.search(r"<w:titlePg(?:\s[^>]*)?/>", sect_pr) else [])
    missing = [k for k in kinds if f'w:type="{k}"' not in "".join(re.findall(r"<w:headerReference\b[^>]*>", sect_pr))]
    for offset, kind in enumerate(missing, len(headers) + 1):
        name, rid = f"word/header-watermark-{kind}.xml", f"rIdDocgenWatermark{kind.title()}"
        parts[name] = _new_header(text, offset)
        rel = f'<Relationship Id="{rid}" Type="{_HEADER_REL}" Target="{name.removeprefix("word/")}"/>'
        rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
        parts["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", rel + "</Relationships>").encode()
        parts["[Content_Types].xml"] = with_override(parts["[Content_Types].xml"], f"/{name}", _HEADER_CT)
        sect_pr = re.sub(r"(<w:sectPr\b[^>]*>)", rf'\1<w:headerReference w:type="{kind}" r:id="{rid}"/>',
                         sect_pr, count=1)
    return parts, sect_pr
