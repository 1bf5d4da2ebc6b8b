"""Place a DeckPlan on the template and write a reproducible .pptx atomically.

python-pptx opens the template, creates the slide parts and the native chart; everything else
on a slide (title, footer placeholders, text boxes, tables, lines) is DrawingML built as text
(:mod:`docgen.deck.xml_shapes`) and parsed once per slide, which is several times faster.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.oxml.ns import qn
from pptx.util import Pt

from docgen.deck import xml_shapes as xs
from docgen.deck.measure import Font, font_for, text_width
from docgen.deck.shapes import (
    ChartShape,
    DeckPlan,
    LineShape,
    SlidePlan,
    TableShape,
    TextShape,
)
from docgen.deck.template import DeckTemplate
from docgen.ooxml.package import fix_core_times, package_bytes, write_package
from docgen.ooxml.xmltext import esc

# python-pptx gives fields no id of its own; a fixed GUID keeps bytes reproducible.
FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
FOOTER_KINDS = {"ftr": "footer", "dt": "date", "sldNum": "number"}
MARK = "<a:p>@@TEXT@@</a:p>"


@dataclass
class _Layout:
    """What a slide on one layout needs: the layout, its title/subtitle ph tags, footer templates."""

    layout: object
    title_ph: str | None
    subtitle_ph: str | None
    footers: list  # (kind, xml with MARK, width in points)


def write_deck(plan: DeckPlan, template: DeckTemplate, dest: Path, when: datetime) -> Path:
    """Write ``plan`` on ``template`` to ``dest`` (reproducible, atomic); return ``dest``."""
    template.check([(s.kind, s.layout) for s in plan.slides])
    return write_package(deck_parts(plan, template, when), dest)


def deck_parts(plan: DeckPlan, template: DeckTemplate, when: datetime) -> dict[str, bytes]:
    """Return the parts of the deck package for ``plan`` with core times set to ``when``."""
    prs = Presentation(io.BytesIO(template.data))
    layouts = {layout.name: _layout_info(layout) for layout in prs.slide_layouts}
    font = font_for(template.frame.font_name)
    slides = prs.slides
    for number, slide_plan in enumerate(plan.slides, 1):
        info = layouts[template.layout_for(slide_plan.kind, slide_plan.layout)]
        r_id, slide = prs.part.add_slide(info.layout)
        slides._sldIdLst.add_sldId(r_id)
        xml = _placeholders_xml(slide_plan, plan, number, info, font)
        xml += _shapes_xml(slide_plan.shapes)
        holder = etree.fromstring(f"<p:spTree {xs.NS}>{xml}</p:spTree>")
        tree = slide.shapes._spTree
        for child in list(holder):
            tree.append(child)
        for shape in slide_plan.shapes:
            if isinstance(shape, ChartShape):
                _chart(slide, shape)
    props = prs.core_properties
    props.title, props.subject = plan.title, plan.footer
    props.author = props.last_modified_by = "docgen"
    props.revision = 1
    props.language = plan.language
    parts = _serialise(prs)
    parts["docProps/core.xml"] = fix_core_times(parts["docProps/core.xml"], when)
    for name in parts:
        if name.startswith("ppt/embeddings/") and name.endswith(".xlsx"):
            parts[name] = _reproducible_package(parts[name], when)
    return parts


def _layout_info(layout) -> _Layout:
    title = subtitle = None
    footers = []
    for ph in layout.placeholders:
        el = ph._element
        tag = etree.tostring(el.ph).decode("utf-8")
        kind = el.ph.get("type", "obj")
        if kind in ("title", "ctrTitle") and title is None:
            title = tag
        elif kind in ("subTitle", "body", "obj") and subtitle is None and kind != "title":
            subtitle = tag
        elif kind in FOOTER_KINDS:
            copy = etree.fromstring(etree.tostring(el))
            sp_pr = copy.find(qn("p:spPr"))
            for child in list(sp_pr):
                sp_pr.remove(child)
            body = copy.find(qn("p:txBody"))
            for p in body.findall(qn("a:p")):
                body.remove(p)
            text = etree.tostring(copy).decode("utf-8")
            text = text.replace("</p:txBody>", MARK + "</p:txBody>")
            if "<p:txBody/>" in text or "</p:txBody>" not in text:
                continue
            footers.append((FOOTER_KINDS[kind], text, (ph.width or 0) / 12700))
    return _Layout(layout, title, subtitle, footers)


def _placeholders_xml(sp: SlidePlan, plan: DeckPlan, number: int, info: _Layout,
                      font: Font) -> str:
    out = []
    if info.title_ph:
        size = int(round((sp.title_size or 28) * 100))
        out.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title 1"/><p:cNvSpPr><a:spLocks noGrp="1"/>'
            f"</p:cNvSpPr><p:nvPr>{info.title_ph}</p:nvPr></p:nvSpPr><p:spPr/><p:txBody>"
            f'<a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US" sz="{size}" dirty="0"/>'
            f"<a:t>{esc(sp.title)}</a:t></a:r></a:p></p:txBody></p:sp>")
    if info.subtitle_ph and sp.subtitle:
        out.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="3" name="Subtitle 2"/><p:cNvSpPr><a:spLocks '
            f'noGrp="1"/></p:cNvSpPr><p:nvPr>{info.subtitle_ph}</p:nvPr></p:nvSpPr><p:spPr/>'
            f"<p:txBody><a:bodyPr/><a:lstStyle/>{xs.paras_xml(sp.subtitle, None)}"
            "</p:txBody></p:sp>")
    if sp.layout == "Title Slide":
        return "".join(out)
    values = {"footer": plan.footer, "date": plan.date_text, "number": str(number)}
    for kind, template, width in info.footers:
        text = values[kind]
        size = 10.0
        while size > 7 and text_width(text, size, False, font) > width - 14.4:
            size -= 0.5
        rpr = f'<a:rPr lang="en-US" sz="{int(size * 100)}"/>'
        run = (f'<a:fld id="{FIELD_ID}" type="slidenum">{rpr}<a:t>{text}</a:t></a:fld>'
               if kind == "number" else f"<a:r>{rpr}<a:t>{esc(text)}</a:t></a:r>")
        out.append(template.replace("@@TEXT@@", run))
    return "".join(out)


def _shapes_xml(shapes: list) -> str:
    xml = []
    for n, shape in enumerate(shapes, 100):
        if isinstance(shape, TableShape):
            xml.append(xs.table_xml(shape, n))
        elif isinstance(shape, LineShape):
            xml.append(xs.line_xml(shape, n))
        elif isinstance(shape, TextShape):
            xml.append(xs.text_xml(shape, n))
    return "".join(xml)


def _serialise(prs) -> dict[str, bytes]:
    """Return the package's parts by zip member name, without zipping twice."""
    from pptx.opc.oxml import serialize_part_xml
    from pptx.opc.serialized import _ContentTypesItem

    package = prs.part.package
    parts = list(package.iter_parts())
    out = {
        "[Content_Types].xml": serialize_part_xml(_ContentTypesItem.xml_for(parts)),
        "_rels/.rels": package._rels.xml,
    }
    for part in parts:
        out[part.partname.membername] = part.blob
        if part._rels:
            out[part.partname.rels_uri.membername] = part.rels.xml
    return out


def _reproducible_package(data: bytes, when: datetime) -> bytes:
    """Return the embedded workbook ``data`` with fixed times and zip entries (chart data)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        inner = {info.filename: zf.read(info) for info in zf.infolist()}
    if "docProps/core.xml" in inner:
        inner["docProps/core.xml"] = fix_core_times(inner["docProps/core.xml"], when)
    return package_bytes(inner)


def _rgb(hex_: str) -> RGBColor:
    return RGBColor.from_string(hex_)


def _chart(slide, shape: ChartShape) -> None:
    data = CategoryChartData()
    data.categories = shape.categories
    for name, values in shape.series:
        data.add_series(name, values, number_format=shape.number_format)
    b = shape.box
    frame = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Pt(b.x), Pt(b.y), Pt(b.w),
                                   Pt(b.h), data)
    frame.name = shape.name
    chart = frame.chart
    chart.font.size = Pt(11)
    chart.has_title = bool(shape.title)
    if shape.title:
        chart.chart_title.text_frame.text = shape.title
        for p in chart.chart_title.text_frame.paragraphs:
            for r in p.runs:
                r.font.size = Pt(13)
                r.font.bold = True
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    plot = chart.plots[0]
    plot.gap_width = 60
    plot.overlap = -10
    for series, colour in zip(plot.series, shape.colors):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = _rgb(colour)
    axis = chart.value_axis
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.rgb = _rgb("D9D9D9")
    axis.tick_labels.number_format = shape.number_format
    axis.tick_labels.number_format_is_linked = False
    axis.format.line.fill.background()
