"""A deck package assembled on a template's skeleton: slides, notes slides, charts and their workbooks.

Nothing is opened per deck: the template's parts come from its cached
:class:`~docgen.ooxml.pptx_skeleton.Skeleton`, and the slides (titles, footer placeholders, text
boxes, tables, lines, charts) are written as DrawingML text (:mod:`docgen.ooxml.drawingml.shape_xml`,
:mod:`docgen.ooxml.drawingml.chart_xml`) with the chart data workbooks (:mod:`docgen.ooxml.chart_workbook`).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from datetime import datetime

from docgen.ooxml.chart_workbook import workbook_bytes
from docgen.ooxml.drawingml import shape_xml as xs
from docgen.ooxml.drawingml.chart_xml import chart_frame_xml, chart_xml
from docgen.ooxml.drawingml.palette import Palette
from docgen.ooxml.drawingml.shapes import Box, ChartShape, LineShape, Para, TableShape
from docgen.ooxml.opc import RT, Rel, content_types_xml, next_partname, next_rid, rels_xml
from docgen.ooxml.package import fix_core_times
from docgen.ooxml.pptx_skeleton import NOTES_MARK, TEXT_MARK, LayoutInfo, Skeleton
from docgen.ooxml.xmltext import esc

# python-pptx gives fields no id of its own; a fixed GUID keeps bytes reproducible.
FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
CT_SLIDE = "application/vnd.openxmlformats-officedocument.presentationml.slide+xml"
CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CT_NOTES = "application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml"
Placed = list[tuple[tuple[int, int], str]]  # ((top, left) in EMU, XML) of shapes in reading order


@dataclass
class DeckPackage:
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
    def start(cls, skeleton: Skeleton, when: datetime) -> DeckPackage:
        """Return an empty deck on ``skeleton`` (its static parts, no new slides yet)."""
        return cls(skeleton, when, dict(skeleton.parts), set(skeleton.used_names),
                   list(skeleton.rels), dict(skeleton.overrides), dict(skeleton.defaults))

    def add_slide(self, info: LayoutInfo, title: str, placed: Placed,
                  shapes: list[tuple[tuple[int, int], object]], notes: list[str] | None = None) -> None:
        """Add a slide on ``info``'s layout holding ``title``, ``placed``, ``shapes`` and ``notes``.

        ``title`` is the title placeholder's XML, ``placed`` the other placeholders as ((top, left), XML),
        ``shapes`` the planned shapes in the order the shape tree draws them, each with the (top, left)
        it is read out at; the placeholders are put among them by that key.
        """
        index = self.skeleton.slide_count + len(self.slide_ids) + 1
        name = f"ppt/slides/slide{index}.xml"
        rels = [Rel("rId1", RT + "slideLayout", info.target)]
        rid = next_rid({r.rid for r in self.rels})
        self.rels.append(Rel(rid, RT + "slide", f"slides/slide{index}.xml"))
        entry = self.skeleton.presentation[1]
        number = self.skeleton.first_slide_id + len(self.slide_ids)
        self.slide_ids.append(entry.replace("{id}", str(number)).replace("{rid}", rid))
        written = [(key, self._shape_xml(shape, sid, rels)) for sid, (key, shape) in enumerate(shapes, 100)]
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
        master = self.skeleton.notes_master
        assert master is not None, "a deck with notes is written on a skeleton with a notes master"
        name = next_partname("ppt/notesSlides/notesSlide%d.xml", self.used)
        self.used.add(name)
        self.parts[name] = self.skeleton.notes_xml.replace(NOTES_MARK, xs.notes_paras_xml(notes)).encode("utf-8")
        self.parts[name.replace("notesSlides/", "notesSlides/_rels/") + ".rels"] = rels_xml([
            Rel("rId1", RT + "notesMaster", posixpath.relpath(master, "ppt/notesSlides")),
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


def title_xml(placeholder: str, title: str, size: float | None, box: Box | None = None) -> str:
    """Return the title placeholder (``placeholder`` its ``p:ph``) holding ``title`` at ``size`` points (28 unset).

    ``box``: where the title goes instead of the layout's placeholder position (clear of a logo).
    """
    hundredths = int(round((size or 28) * 100))
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title 1"/><p:cNvSpPr><a:spLocks noGrp="1"/>'
        f"</p:cNvSpPr><p:nvPr>{placeholder}</p:nvPr></p:nvSpPr>{_placed(box)}<p:txBody>"
        f'<a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US" sz="{hundredths}" dirty="0"/>'
        f"<a:t>{esc(title)}</a:t></a:r></a:p></p:txBody></p:sp>")


def _placed(box: Box | None) -> str:
    """Return a placeholder's shape properties: at ``box``, or where its layout puts it (None)."""
    if box is None:
        return "<p:spPr/>"
    return (f'<p:spPr><a:xfrm><a:off x="{xs.emu(box.x)}" y="{xs.emu(box.y)}"/>'
            f'<a:ext cx="{xs.emu(box.w)}" cy="{xs.emu(box.h)}"/></a:xfrm></p:spPr>')


def subtitle_xml(placeholder: str, paras: list[Para], pal: Palette, box: Box | None = None) -> str:
    """Return the subtitle placeholder (``placeholder`` its ``p:ph``) holding ``paras`` drawn with ``pal``.

    ``box``: where it goes instead of the layout's position (clear of a logo).
    """
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="3" name="Subtitle 2"/><p:cNvSpPr><a:spLocks '
            f'noGrp="1"/></p:cNvSpPr><p:nvPr>{placeholder}</p:nvPr></p:nvSpPr>{_placed(box)}'
            f"<p:txBody><a:bodyPr/><a:lstStyle/>{xs.paras_xml(paras, None, pal)}"
            "</p:txBody></p:sp>")


def footer_xml(kind: str, text: str, template: str, size: float) -> str:
    """Return the footer placeholder ``template`` (``kind`` footer, date or number) holding ``text`` at ``size`` points.

    The slide number is a field (PowerPoint renumbers it); ``text`` is then written as given.
    """
    rpr = f'<a:rPr lang="en-US" sz="{int(size * 100)}"/>'
    run = (f'<a:fld id="{FIELD_ID}" type="slidenum">{rpr}<a:t>{text}</a:t></a:fld>'
           if kind == "number" else f"<a:r>{rpr}<a:t>{esc(text)}</a:t></a:r>")
    return template.replace(TEXT_MARK, run)
