"""DrawingML for slides, text boxes, tables and lines, built as strings (no object API: speed).

Every look is explicit (fills, borders, run colours): no table style or theme effect is relied
on, so PowerPoint and LibreOffice draw the same thing. Colours are docgen's roles, drawn with a
:class:`~docgen.ooxml.drawingml.palette.Palette`: theme colours of the template (``<a:schemeClr>``) unless
``deck.yaml`` says otherwise, RAG and the other meaning colours as RGB.
"""

from __future__ import annotations

from docgen.ooxml.drawingml.palette import DEFAULT, Palette
from docgen.ooxml.drawingml.shapes import BORDER, PANEL, Cell, LineShape, Para, TableShape, TextShape
from docgen.ooxml.xmltext import esc

EMU = 12700
TEXT = "text"
BAND = "band"
ROW = "row"
ALIGN = {"l": "l", "c": "ctr", "r": "r"}
BACKGROUND = "bg1"  # what a shape without fill is drawn on: the slide background


SLIDE_HEAD = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<p:sld "
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/>'
    "</p:nvGrpSpPr><p:grpSpPr/>")
SLIDE_TAIL = "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"


def slide_xml(shapes: str) -> bytes:
    """Return a slide part whose shape tree holds ``shapes`` (colours mapped as the master's)."""
    return (SLIDE_HEAD + shapes + SLIDE_TAIL).encode("utf-8")


def emu(points: float) -> int:
    """Return ``points`` in EMU."""
    return int(round(points * EMU))


def _xfrm(x: float, y: float, w: float, h: float, tag: str = "a:xfrm") -> str:
    return (f'<{tag}><a:off x="{emu(x)}" y="{emu(y)}"/>'
            f'<a:ext cx="{emu(w)}" cy="{emu(h)}"/></{tag}>')


_NO_BULLET = ' marL="0" indent="0"', "<a:buNone/>"
_BULLETS = {"1.": '<a:buFont typeface="+mj-lt"/><a:buAutoNum type="arabicPeriod"/>'}
_BULLET = '<a:buFont typeface="Arial"/><a:buChar char="•"/>'


def paras_xml(paras: list[Para], default_color: str | None = TEXT, pal: Palette = DEFAULT,
              behind: str = BACKGROUND) -> str:
    """Return ``<a:p>`` elements for ``paras`` with explicit sizes, colours and bullets.

    Colours are drawn readable on ``behind`` (the fill under the text, see :meth:`Palette.text_on`).
    """
    out = []
    for para in paras:
        size = int(round(para.size * 100))
        if para.bullet:
            ind = f' marL="{emu(14)}" indent="{-emu(14)}"'
            bullet = _BULLETS.get(para.bullet, _BULLET)
        else:
            ind, bullet = _NO_BULLET
        before = (f'<a:spcBef><a:spcPts val="{int(round(para.space_before * 100))}"/></a:spcBef>'
                  if para.space_before else "")
        runs = "".join(_run_xml(run.text, size, run.bold, run.italic,
                                run.color or para.color or default_color, pal, behind) for run in para.runs)
        out.append(_para_xml(para.align, size, runs, ind, before + bullet))
    return "".join(out) or '<a:p><a:endParaRPr lang="en-US" dirty="0"/></a:p>'


def _run_xml(text: str, size: int, bold: bool, italic: bool, colour: str | None,
             pal: Palette = DEFAULT, behind: str = BACKGROUND) -> str:
    """Return one ``<a:r>`` in ``colour`` made readable on ``behind``; ``size`` is in hundredths of a point."""
    attrs = f' lang="en-US" sz="{size}" b="{1 if bold else 0}"' + (' i="1"' if italic else "")
    rpr = (f'<a:rPr{attrs} dirty="0">{pal.solid(pal.text_on(colour, behind))}</a:rPr>' if colour
           else f'<a:rPr{attrs} dirty="0"/>')
    return f"<a:r>{rpr}<a:t>{esc(text)}</a:t></a:r>"


def _para_xml(align: str, size: int, runs: str, ind: str = _NO_BULLET[0],
              marks: str = _NO_BULLET[1]) -> str:
    """Return one ``<a:p>`` holding ``runs`` (an empty one keeps its size in endParaRPr)."""
    end = "" if runs else f'<a:endParaRPr lang="en-US" sz="{size}" dirty="0"/>'
    return f'<a:p><a:pPr algn="{ALIGN[align]}"{ind}>{marks}</a:pPr>{runs}{end}</a:p>'


def text_xml(shape: TextShape, sid: int, pal: Palette = DEFAULT) -> str:
    """Return the ``<p:sp>`` of a text box or filled shape."""
    b = shape.box
    geometry = "rect" if shape.geometry == "vert" else shape.geometry
    adj = ('<a:avLst><a:gd name="adj" fmla="val 12000"/></a:avLst>' if geometry == "roundRect"
           else "<a:avLst/>")
    fill = pal.solid(shape.fill) if shape.fill else "<a:noFill/>"
    line = (f'<a:ln w="9525">{pal.solid(shape.line)}</a:ln>' if shape.line
            else "<a:ln><a:noFill/></a:ln>")
    ins = emu(shape.inset)
    vert = ' vert="vert270"' if shape.geometry == "vert" else ""
    box = ' txBox="1"' if not (shape.fill or shape.line) and geometry == "rect" else ""
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{sid}" name="{esc(shape.name)}"/>'
            f'<p:cNvSpPr{box}/><p:nvPr/></p:nvSpPr><p:spPr>{_xfrm(b.x, b.y, b.w, b.h)}'
            f'<a:prstGeom prst="{geometry}">{adj}</a:prstGeom>{fill}{line}'
            f'</p:spPr><p:txBody><a:bodyPr wrap="square" lIns="{ins}" tIns="{ins}" '
            f'rIns="{ins}" bIns="{ins}" anchor="{shape.anchor}" rtlCol="0"{vert}><a:noAutofit/>'
            f'</a:bodyPr><a:lstStyle/>{paras_xml(shape.paras, TEXT, pal, shape.fill or BACKGROUND)}'
            '</p:txBody></p:sp>')


def notes_paras_xml(notes: list[str]) -> str:
    """Return the ``<a:p>`` elements of speaker notes: one per line of each note."""
    out = []
    for line in (line for note in notes for line in note.split("\n")):
        out.append(f'<a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>{esc(line)}</a:t></a:r></a:p>'
                   if line else '<a:p><a:endParaRPr lang="en-US" dirty="0"/></a:p>')
    return "".join(out) or '<a:p><a:endParaRPr lang="en-US" dirty="0"/></a:p>'


def line_xml(shape: LineShape, sid: int, pal: Palette = DEFAULT) -> str:
    """Return the ``<p:cxnSp>`` of a straight line."""
    b = shape.box
    flip = ""
    if (shape.x2 - shape.x1) * (shape.y2 - shape.y1) < 0:
        flip = ' flipV="1"'
    dash = '<a:prstDash val="dash"/>' if shape.dash else ""
    xfrm = _xfrm(b.x, b.y, b.w, b.h).replace("<a:xfrm>", f"<a:xfrm{flip}>")
    return (f'<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{sid}" name="Line {sid}"/><p:cNvCxnSpPr/>'
            f'<p:nvPr/></p:nvCxnSpPr><p:spPr>{xfrm}<a:prstGeom prst="line"><a:avLst/>'
            f'</a:prstGeom><a:ln w="{emu(shape.width)}">{pal.solid(shape.color)}{dash}</a:ln>'
            "</p:spPr></p:cxnSp>")


def _border(pal: Palette) -> str:
    """Return the four cell borders of a table drawn in the palette's ``border`` colour."""
    return "".join(f'<a:{side} w="12700">{pal.solid(BORDER)}</a:{side}>'
                   for side in ("lnL", "lnR", "lnT", "lnB"))


def _cell_paras(cell: Cell, size: int, pal: Palette = DEFAULT, fill: str = ROW) -> str:
    """Return a table cell's paragraphs on ``fill``: one per line, the first bold for ``lead_bold``."""
    lines = cell.text.split("\n")
    colour = cell.color or TEXT
    lead = cell.lead_bold and len(lines) > 1
    return "".join(
        _para_xml(cell.align, size,
                  _run_xml(text, size, cell.bold or (lead and n == 0), False, colour, pal, fill) if text else "")
        for n, text in enumerate(lines))


def table_xml(shape: TableShape, sid: int, pal: Palette = DEFAULT) -> str:
    """Return the ``<p:graphicFrame>`` of a table with explicit widths, heights and fills."""
    b = shape.box
    grid = "".join(f'<a:gridCol w="{emu(w)}"/>' for w in shape.col_widths)
    mx, my = emu(shape.margin_x), emu(shape.margin_y)
    tc_pr = f'<a:tcPr marL="{mx}" marR="{mx}" marT="{my}" marB="{my}" anchor="ctr">{_border(pal)}'
    rows = []
    last = len(shape.rows) - 1
    for r, (height, cells) in enumerate(zip(shape.row_heights, shape.rows)):
        total = shape.total_row and r == last
        size = shape.header_size if r == 0 else shape.size
        sz = int(round(size * 100))
        tcs = []
        for cell in cells:
            fill = cell.fill or (PANEL if total else BAND if r % 2 == 0 else ROW)
            tcs.append(f"<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>{_cell_paras(cell, sz, pal, fill)}"
                       f"</a:txBody>{tc_pr}{pal.solid(fill)}</a:tcPr></a:tc>")
        rows.append(f'<a:tr h="{emu(height)}">{"".join(tcs)}</a:tr>')
    return (f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{sid}" name="{esc(shape.name)}"/>'
            f'<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/>'
            f'</p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>'
            f'{_xfrm(b.x, b.y, b.w, b.h, "p:xfrm")}<a:graphic><a:graphicData '
            'uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl>'
            f'<a:tblPr firstRow="1"/><a:tblGrid>{grid}</a:tblGrid>{"".join(rows)}</a:tbl>'
            "</a:graphicData></a:graphic></p:graphicFrame>")
