"""Place a DeckPlan on the template with python-pptx and write a reproducible .pptx atomically."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Pt

from docgen.deck import xml_shapes as xs
from docgen.deck.measure import Font, font_for, text_width
from docgen.deck.shapes import (
    ChartShape,
    DeckPlan,
    LineShape,
    Para,
    SlidePlan,
    TableShape,
    TextShape,
)
from docgen.deck.template import DeckTemplate
from docgen.ooxml.package import fix_core_times, package_bytes, write_package

GEOMETRY = {"rect": MSO_SHAPE.RECTANGLE, "roundRect": MSO_SHAPE.ROUNDED_RECTANGLE,
            "ellipse": MSO_SHAPE.OVAL, "diamond": MSO_SHAPE.DIAMOND, "vert": MSO_SHAPE.RECTANGLE}
ALIGN = {"l": PP_ALIGN.LEFT, "c": PP_ALIGN.CENTER, "r": PP_ALIGN.RIGHT}
ANCHOR = {"t": MSO_ANCHOR.TOP, "ctr": MSO_ANCHOR.MIDDLE, "b": MSO_ANCHOR.BOTTOM}
TEXT = "262626"
BAND = "F7F9FC"
# python-pptx gives fields no id of its own; a fixed GUID keeps bytes reproducible.
FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"


def write_deck(plan: DeckPlan, template: DeckTemplate, dest: Path, when: datetime) -> Path:
    """Write ``plan`` on ``template`` to ``dest`` (reproducible, atomic); return ``dest``."""
    template.check([(s.kind, s.layout) for s in plan.slides])
    return write_package(deck_parts(plan, template, when), dest)


def deck_parts(plan: DeckPlan, template: DeckTemplate, when: datetime) -> dict[str, bytes]:
    """Return the parts of the deck package for ``plan`` with core times set to ``when``."""
    prs = Presentation(io.BytesIO(template.data))
    layouts = {layout.name: layout for layout in prs.slide_layouts}
    footers = {name: _footers(layout) for name, layout in layouts.items()}
    font = font_for(template.frame.font_name)
    for number, slide_plan in enumerate(plan.slides, 1):
        name = template.layout_for(slide_plan.kind, slide_plan.layout)
        slide = prs.slides.add_slide(layouts[name])
        _fill_placeholders(slide, slide_plan, plan, number, footers[name], font)
        _draw_all(slide, slide_plan.shapes)
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


def _fill_placeholders(slide, sp: SlidePlan, plan: DeckPlan, number: int, footers,
                       font: Font) -> None:
    for ph in list(slide.placeholders):
        kind = ph.placeholder_format.type.name if ph.placeholder_format.type else ""
        if kind in ("TITLE", "CENTER_TITLE"):
            _set_text(ph.text_frame, [Para([], sp.title_size or 28)], sp.title, bold=None)
        elif kind in ("SUBTITLE", "BODY", "OBJECT") and sp.subtitle:
            _paras(ph.text_frame, sp.subtitle, placeholder=True)
        else:
            # An empty placeholder would show "Click to add text" in PowerPoint.
            ph._element.getparent().remove(ph._element)
    if sp.layout == "Title Slide":
        return
    for kind, layout_ph in footers:
        text = {"FOOTER": plan.footer, "DATE": plan.date_text, "SLIDE_NUMBER": str(number)}[kind]
        _clone_footer(slide, layout_ph, text, kind == "SLIDE_NUMBER", font)


def _footers(layout) -> list:
    return [(ph.placeholder_format.type.name, ph) for ph in layout.placeholders
            if ph.placeholder_format.type is not None
            and ph.placeholder_format.type.name in ("FOOTER", "DATE", "SLIDE_NUMBER")]


def _footer_size(layout_ph, text: str, font: Font) -> float:
    """Return the largest size from 10 pt down to 7 pt at which ``text`` fits its placeholder."""
    width = (layout_ph.width or 0) / 12700 - 14.4
    size = 10.0
    while size > 7 and text_width(text, size, False, font) > width:
        size -= 0.5
    return size


def _clone_footer(slide, layout_ph, text: str, field: bool, font: Font) -> None:
    el = etree.fromstring(etree.tostring(layout_ph._element))
    sp_pr = el.find(qn("p:spPr"))
    for child in list(sp_pr):
        sp_pr.remove(child)
    body = el.find(qn("p:txBody"))
    for p in body.findall(qn("a:p")):
        body.remove(p)
    p = etree.SubElement(body, qn("a:p"))
    if field:
        run = etree.SubElement(p, qn("a:fld"), id=FIELD_ID, type="slidenum")
    else:
        run = etree.SubElement(p, qn("a:r"))
    size = _footer_size(layout_ph, text, font)
    etree.SubElement(run, qn("a:rPr"), lang="en-US", sz=str(int(size * 100)))
    etree.SubElement(run, qn("a:t")).text = text
    slide.shapes._spTree.append(el)


def _rgb(hex_: str) -> RGBColor:
    return RGBColor.from_string(hex_)


def _set_text(tf, paras: list[Para], text: str, bold: bool | None) -> None:
    tf.text = text
    for p in tf.paragraphs:
        for r in p.runs:
            r.font.size = Pt(paras[0].size)
            if bold is not None:
                r.font.bold = bold


def _paras(tf, paras: list[Para], placeholder: bool = False, default_color: str = TEXT) -> None:
    tf.word_wrap = True
    first = True
    for para in paras:
        p = tf.paragraphs[0] if first else tf.add_paragraph()
        first = False
        p.alignment = ALIGN[para.align]
        if para.space_before:
            p.space_before = Pt(para.space_before)
        p_pr = p._p.get_or_add_pPr()
        if para.bullet:
            p_pr.set("marL", str(int(Pt(14))))
            p_pr.set("indent", str(-int(Pt(14))))
            if para.bullet == "1.":
                etree.SubElement(p_pr, qn("a:buFont"), typeface="+mj-lt")
                etree.SubElement(p_pr, qn("a:buAutoNum"), type="arabicPeriod")
            else:
                etree.SubElement(p_pr, qn("a:buFont"), typeface="Arial")
                etree.SubElement(p_pr, qn("a:buChar"), char="•")
        else:
            p_pr.set("marL", "0")
            p_pr.set("indent", "0")
            etree.SubElement(p_pr, qn("a:buNone"))
        for run in para.runs:
            r = p.add_run()
            r.text = run.text
            r.font.size = Pt(para.size)
            r.font.bold = run.bold
            if run.italic:
                r.font.italic = True
            colour = run.color or para.color or (None if placeholder else default_color)
            if colour:
                r.font.color.rgb = _rgb(colour)


def _draw_all(slide, shapes: list) -> None:
    xml = []
    for n, shape in enumerate(shapes, 100):
        if isinstance(shape, TableShape):
            xml.append(xs.table_xml(shape, n))
        elif isinstance(shape, LineShape):
            xml.append(xs.line_xml(shape, n))
        elif isinstance(shape, TextShape):
            xml.append(xs.text_xml(shape, n))
    tree = slide.shapes._spTree
    if xml:
        holder = etree.fromstring(f"<p:spTree {xs.NS}>{''.join(xml)}</p:spTree>")
        for child in list(holder):
            tree.append(child)
    for shape in shapes:
        if isinstance(shape, ChartShape):
            _chart(slide, shape)


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
