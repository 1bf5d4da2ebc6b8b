"""Place a DeckPlan on the template and write a reproducible .pptx atomically.

Nothing is opened per deck: the template's parts come from its cached
:class:`~docgen.deck.skeleton.Skeleton`, and the slides (titles, footer placeholders, text
boxes, tables, lines, charts) are written as DrawingML text (:mod:`docgen.deck.xml_shapes`,
:mod:`docgen.deck.xml_chart`) with the chart data workbooks (:mod:`docgen.ooxml.chart_workbook`).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from docgen.deck import xml_shapes as xs
from docgen.deck.measure import Font, font_for, shorten, text_width
from docgen.deck.palette import Palette, palette_for
from docgen.deck.shapes import (
    ChartShape,
    DeckPlan,
    LineShape,
    SlidePlan,
    TableShape,
    TextShape,
)
from docgen.deck.skeleton import NOTES_MARK, TEXT_MARK, LayoutInfo, Skeleton
from docgen.deck.template import DeckTemplate
from docgen.deck.xml_chart import chart_frame_xml, chart_xml
from docgen.ooxml.chart_workbook import workbook_bytes
from docgen.ooxml.opc import RT, Rel, content_types_xml, next_partname, next_rid, rels_xml
from docgen.ooxml.package import fix_core_times, write_package
from docgen.ooxml.xmltext import esc

# python-pptx gives fields no id of its own; a fixed GUID keeps bytes reproducible.
FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
CT_SLIDE = "application/vnd.openxmlformats-officedocument.presentationml.slide+xml"
CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CT_NOTES = "application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml"
FOOTER_FLOOR = 7.0  # footer sizes go down to 7 pt; a longer footer is then shortened with "…"
_ID = re.compile(r'\sid="(\d+)"')


def write_deck(plan: DeckPlan, template: DeckTemplate, dest: Path, when: datetime) -> Path:
    """Write ``plan`` on ``template`` to ``dest`` (reproducible, atomic); return ``dest``."""
    template.check([(s.kind, s.layout) for s in plan.slides])
    return write_package(deck_parts(plan, template, when), dest)


def deck_parts(plan: DeckPlan, template: DeckTemplate, when: datetime) -> dict[str, bytes]:
    """Return the parts of the deck package for ``plan`` with core times set to ``when``."""
    skeleton = template.skeleton
    if any(s.notes for s in plan.slides):  # speaker notes need a notes master
        skeleton = skeleton.with_notes()
    deck = _Package.start(skeleton, when)
    font = font_for(template.frame.font_name)
    pal = palette_for(template.path)  # deck.yaml beside the template, else theme colours
    deck.palette = pal
    for number, slide_plan in enumerate(plan.slides, 1):
        info = skeleton.layouts[template.layout_for(slide_plan.kind, slide_plan.layout)]
        title, placed = _placeholders_xml(slide_plan, plan, number, info, font, pal)
        deck.add_slide(info, title, placed, slide_plan.shapes, slide_plan.notes)
    core = skeleton.core_xml(plan.title, plan.footer, plan.language).encode("utf-8")
    return deck.finish(core)


@dataclass
class _Package:
    """A deck being assembled on a skeleton: its parts and the lists that name them."""

    skeleton: Skeleton
    when: datetime
    parts: dict[str, bytes]
    used: set[str]
    rels: list[Rel]
    overrides: dict[str, str]
    defaults: dict[str, str]
    slide_ids: list[str] = field(default_factory=list)
    palette: Palette = field(default_factory=Palette)

    @classmethod
    def start(cls, skeleton: Skeleton, when: datetime) -> _Package:
        """Return an empty deck on ``skeleton`` (its static parts, no new slides yet)."""
        return cls(skeleton, when, dict(skeleton.parts), set(skeleton.used_names),
                   list(skeleton.rels), dict(skeleton.overrides), dict(skeleton.defaults))

    def add_slide(self, info: LayoutInfo, title: str, placed: list[tuple[tuple[int, int], str]],
                  shapes: list, notes: list[str] | None = None) -> None:
        """Add a slide on ``info``'s layout holding ``title``, ``placed``, ``shapes`` and ``notes``.

        ``title`` is the title placeholder's XML, ``placed`` the other placeholders as ((top, left), XML).
        The shape tree is in reading order (see :func:`reading_order`).
        """
        index = self.skeleton.slide_count + len(self.slide_ids) + 1
        name = f"ppt/slides/slide{index}.xml"
        rels = [Rel("rId1", RT + "slideLayout", info.target)]
        rid = next_rid({r.rid for r in self.rels})
        self.rels.append(Rel(rid, RT + "slide", f"slides/slide{index}.xml"))
        entry = self.skeleton.presentation[1]
        number = self.skeleton.first_slide_id + len(self.slide_ids)
        self.slide_ids.append(entry.replace("{id}", str(number)).replace("{rid}", rid))
        written, key = [], (-1, -1)
        for sid, shape in enumerate(reading_order(shapes), 100):
            key = position(shape) if _holds_text(shape) else key  # a decoration goes with the shape before it
            written.append((key, self._shape_xml(shape, sid, rels)))
        ordered = sorted(placed + written, key=lambda item: item[0])  # stable: ties keep their order
        body = title + "".join(xml for _, xml in ordered)
        if notes:
            rels.append(Rel(next_rid({r.rid for r in rels}), RT + "notesSlide",
                            posixpath.relpath(self._add_notes(name, notes), "ppt/slides")))
        self.parts[name] = xs.slide_xml(body)
        self.parts[f"ppt/slides/_rels/slide{index}.xml.rels"] = rels_xml(rels)
        self.overrides[name] = CT_SLIDE
        self.used.add(name)

    def _shape_xml(self, shape, sid: int, rels: list[Rel]) -> str:
        """Return the XML of one planned shape with id ``sid`` (a chart adds its part and its relation to ``rels``)."""
        if isinstance(shape, ChartShape):
            chart_rid = next_rid({r.rid for r in rels})
            target = posixpath.relpath(self._add_chart(shape), "ppt/slides")
            rels.append(Rel(chart_rid, RT + "chart", target))
            return chart_frame_xml(shape, sid, chart_rid)
        if isinstance(shape, TableShape):
            return xs.table_xml(shape, sid, self.palette)
        if isinstance(shape, LineShape):
            return xs.line_xml(shape, sid, self.palette)
        return xs.text_xml(shape, sid, self.palette)

    def _add_notes(self, slide: str, notes: list[str]) -> str:
        """Add the notes slide of the slide part ``slide`` holding ``notes``; return its part name."""
        name = next_partname("ppt/notesSlides/notesSlide%d.xml", self.used)
        self.used.add(name)
        self.parts[name] = self.skeleton.notes_xml.replace(NOTES_MARK, xs.notes_paras_xml(notes)).encode("utf-8")
        self.parts[name.replace("notesSlides/", "notesSlides/_rels/") + ".rels"] = rels_xml([
            Rel("rId1", RT + "notesMaster", posixpath.relpath(self.skeleton.notes_master, "ppt/notesSlides")),
            Rel("rId2", RT + "slide", posixpath.relpath(slide, "ppt/notesSlides")),
        ])
        self.overrides[name] = CT_NOTES
        return name

    def _add_chart(self, chart: ChartShape) -> str:
        """Add the chart part of ``chart`` and its data workbook; return the chart's part name."""
        name = next_partname("ppt/charts/chart%d.xml", self.used)
        self.used.add(name)
        book = next_partname("ppt/embeddings/Microsoft_Excel_Sheet%d.xlsx", self.used)
        self.used.add(book)
        self.parts[name] = chart_xml(chart, self.palette)
        self.parts[book] = workbook_bytes(chart.categories, chart.series, chart.number_format,
                                          self.when)
        self.parts[name.replace("charts/", "charts/_rels/") + ".rels"] = rels_xml(
            [Rel("rId1", RT + "package", posixpath.relpath(book, "ppt/charts"))])
        self.overrides[name] = CT_CHART
        self.defaults["xlsx"] = CT_XLSX
        return name

    def finish(self, core: bytes) -> dict[str, bytes]:
        """Return every part, with presentation, relationships, content types and ``core``."""
        head, _, tail = self.skeleton.presentation
        self.parts["ppt/presentation.xml"] = (head + "".join(self.slide_ids) + tail).encode("utf-8")
        self.parts["ppt/_rels/presentation.xml.rels"] = rels_xml(self.rels)
        self.parts["docProps/core.xml"] = fix_core_times(core, self.when)
        self.parts["[Content_Types].xml"] = content_types_xml(self.defaults, self.overrides)
        return self.parts


def _placeholders_xml(sp: SlidePlan, plan: DeckPlan, number: int, info: LayoutInfo,
                      font: Font, pal: Palette) -> tuple[str, list[tuple[tuple[int, int], str]]]:
    """Return the title placeholder's XML, and ((top, left), XML) of the subtitle and footer placeholders."""
    title = ""
    placed = []
    if info.title_ph:
        size = int(round((sp.title_size or 28) * 100))
        title = (
            f'<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title 1"/><p:cNvSpPr><a:spLocks noGrp="1"/>'
            f"</p:cNvSpPr><p:nvPr>{info.title_ph}</p:nvPr></p:nvSpPr><p:spPr/><p:txBody>"
            f'<a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US" sz="{size}" dirty="0"/>'
            f"<a:t>{esc(sp.title)}</a:t></a:r></a:p></p:txBody></p:sp>")
    if info.subtitle_ph and sp.subtitle:
        placed.append((info.positions.get("subtitle", (0, 0)),
            f'<p:sp><p:nvSpPr><p:cNvPr id="3" name="Subtitle 2"/><p:cNvSpPr><a:spLocks '
            f'noGrp="1"/></p:cNvSpPr><p:nvPr>{info.subtitle_ph}</p:nvPr></p:nvSpPr><p:spPr/>'
            f"<p:txBody><a:bodyPr/><a:lstStyle/>{xs.paras_xml(sp.subtitle, None, pal)}"
            "</p:txBody></p:sp>"))
    if sp.layout == "Title Slide":
        return title, placed
    values = {"footer": plan.footer, "date": plan.date_text, "number": str(number)}
    for kind, template, width, _ in info.footers:
        placed.append((info.positions.get(kind, (0, 0)), _footer_xml(kind, values[kind], template, width, font)))
    return title, placed


def _footer_xml(kind: str, text: str, template: str, width: float, font: Font) -> str:
    """Return a footer placeholder (``kind`` footer, date or number) holding ``text`` sized to fit ``width`` points."""
    size = 10.0
    while size > FOOTER_FLOOR and text_width(text, size, False, font) > width - 14.4:
        size -= 0.5
    # Still too wide: shortened, whole on the cover or in its notes (a width of 0 is unknown).
    if width > 14.4 and text_width(text, size, False, font) > width - 14.4:
        text = shorten(text, width - 14.4, size, 1, False, font)
    rpr = f'<a:rPr lang="en-US" sz="{int(size * 100)}"/>'
    run = (f'<a:fld id="{FIELD_ID}" type="slidenum">{rpr}<a:t>{text}</a:t></a:fld>'
           if kind == "number" else f"<a:r>{rpr}<a:t>{esc(text)}</a:t></a:r>")
    return template.replace(TEXT_MARK, run)


def _holds_text(shape) -> bool:
    """Return True when ``shape`` is read out: a table, a chart, or a text shape with some text."""
    if isinstance(shape, (TableShape, ChartShape)):
        return True
    return isinstance(shape, TextShape) and any(p.text.strip() for p in shape.paras)


def position(shape) -> tuple[int, int]:
    """Return (top, left) in EMU of ``shape`` as written: where it falls in the reading order."""
    if isinstance(shape, ChartShape):  # chart frames truncate, as python-pptx does
        return int(shape.box.y * xs.EMU), int(shape.box.x * xs.EMU)
    return xs.emu(shape.box.y), xs.emu(shape.box.x)


def reading_order(shapes: list) -> list:
    """Return ``shapes`` in the order the shape tree draws them, so a screen reader reads them in visual order.

    The shapes read out (:func:`_holds_text`) go top to bottom, then left to right. Each decoration
    (line, empty fill) goes just above the last shape it was planned over (a progress bar over its
    table, a marker over its connector), and never above a shape planned over it (a label over a
    connector): that one wins when both cannot hold.
    """
    out = sorted((s for s in shapes if _holds_text(s)), key=position)
    rank = {id(s): n for n, s in enumerate(shapes)}
    for shape in shapes:
        if _holds_text(shape):
            continue
        overlapping = [n for n, other in enumerate(out) if other.box.overlaps(shape.box)]
        under = [n for n in overlapping if rank[id(out[n])] < rank[id(shape)]]
        over = [n for n in overlapping if rank[id(out[n])] > rank[id(shape)]]
        out.insert(min(max(under, default=-1) + 1, min(over, default=len(out))), shape)
    return out
