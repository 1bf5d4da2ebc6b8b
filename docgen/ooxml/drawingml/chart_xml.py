"""DrawingML for the native clustered column chart, built as text (python-pptx's chart API is slow).

The XML is what python-pptx writes for ``add_chart(COLUMN_CLUSTERED, ...)`` after docgen's
styling (11 pt text, bold 13 pt title, legend at the bottom, 60% gap, -10% overlap, series
colours, light gridlines, value axis number format, no axis line); series and gridline colours
are palette roles (theme colours of the template unless ``deck.yaml`` says otherwise). Its data sheet is
:func:`docgen.ooxml.chart_workbook.workbook_bytes`.
"""

from __future__ import annotations

from docgen.ooxml.chart_workbook import column_letter
from docgen.ooxml.drawingml.palette import DEFAULT, Palette
from docgen.ooxml.drawingml.shapes import ChartShape
from docgen.ooxml.xmltext import esc

DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
# python-pptx's fixed axis ids for bar charts (any pair of ids works; fixed keeps bytes stable).
CAT_AX, VAL_AX = "-2068027336", "-2113994440"


def chart_frame_xml(shape: ChartShape, sid: int, rid: str) -> str:
    """Return the slide's ``<p:graphicFrame>`` pointing at the chart part related as ``rid``."""
    b = shape.box
    x, y, w, h = (int(v * 12700) for v in (b.x, b.y, b.w, b.h))  # python-pptx's Pt() truncates
    descr = esc(shape.descr or shape.title or shape.name)
    return (f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{sid}" name="{esc(shape.name)}" '
            f'descr="{descr}"/>'
            '<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/>'
            f'</p:nvGraphicFramePr><p:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/>'
            f'</p:xfrm><a:graphic><a:graphicData uri="{C_NS}"><c:chart xmlns:c="{C_NS}" '
            f'r:id="{rid}"/></a:graphicData></a:graphic></p:graphicFrame>')


def chart_xml(shape: ChartShape, pal: Palette = DEFAULT) -> bytes:
    """Return the chart part (``c:chartSpace``) of ``shape``, its data in Sheet1 of the workbook."""
    series = "".join(_series_xml(shape, i, pal) for i in range(len(shape.series)))
    nf = esc(shape.number_format)
    return (
        f'{DECLARATION}<c:chartSpace xmlns:c="{C_NS}" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<c:date1904 val="0"/><c:chart>{_title_xml(shape.title)}<c:plotArea><c:barChart>'
        f'<c:barDir val="col"/><c:grouping val="clustered"/>{series}<c:gapWidth val="60"/>'
        f'<c:overlap val="-10"/><c:axId val="{CAT_AX}"/><c:axId val="{VAL_AX}"/></c:barChart>'
        f'<c:catAx><c:axId val="{CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="b"/><c:majorTickMark val="out"/>'
        f'<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="{VAL_AX}"/>'
        '<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>'
        '<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
        f'<c:valAx><c:axId val="{VAL_AX}"/><c:scaling/><c:delete val="0"/><c:axPos val="l"/>'
        f'<c:majorGridlines><c:spPr><a:ln>{pal.solid("grid")}'
        f'</a:ln></c:spPr></c:majorGridlines><c:numFmt formatCode="{nf}" sourceLinked="0"/>'
        '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        f'<c:spPr><a:ln><a:noFill/></a:ln></c:spPr><c:crossAx val="{CAT_AX}"/>'
        '<c:crosses val="autoZero"/></c:valAx></c:plotArea><c:legend><c:legendPos val="b"/>'
        '<c:overlay val="0"/></c:legend><c:dispBlanksAs val="gap"/></c:chart><c:txPr>'
        '<a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1100"/></a:pPr>'
        '<a:endParaRPr lang="en-US"/></a:p></c:txPr><c:externalData r:id="rId1">'
        '<c:autoUpdate val="0"/></c:externalData></c:chartSpace>'
    ).encode("utf-8")


def _title_xml(title: str) -> str:
    if not title:
        return '<c:autoTitleDeleted val="1"/>'
    paras = "".join(f'<a:p><a:r><a:rPr sz="1300" b="1"/><a:t>{esc(line)}</a:t></a:r></a:p>'
                    for line in title.split("\n"))
    return (f"<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/>{paras}</c:rich></c:tx>"
            '<c:layout/><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>')


def _series_xml(shape: ChartShape, index: int, pal: Palette) -> str:
    name, values = shape.series[index]
    col = column_letter(index + 2)
    count = len(shape.categories)
    cats = "".join(f'<c:pt idx="{i}"><c:v>{esc(c)}</c:v></c:pt>'
                   for i, c in enumerate(shape.categories))
    points = "".join(f'<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>'
                     for i, v in enumerate(values) if v is not None)
    colour = shape.colors[index] if index < len(shape.colors) else None
    fill = f"<c:spPr>{pal.solid(colour)}</c:spPr>" if colour else ""
    return (
        f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/><c:tx><c:strRef>'
        f'<c:f>Sheet1!${col}$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0">'
        f'<c:v>{esc(name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>{fill}'
        f'<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${count + 1}</c:f><c:strCache>'
        f'<c:ptCount val="{count}"/>{cats}</c:strCache></c:strRef></c:cat>'
        f'<c:val><c:numRef><c:f>Sheet1!${col}$2:${col}${len(values) + 1}</c:f><c:numCache>'
        f'<c:formatCode>{esc(shape.number_format)}</c:formatCode><c:ptCount val="{len(values)}"/>'
        f"{points}</c:numCache></c:numRef></c:val></c:ser>"
    )
