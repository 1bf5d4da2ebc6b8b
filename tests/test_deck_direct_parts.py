"""Deck parts written as text match what python-pptx and XlsxWriter write for the same content."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import pytest
from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.util import Pt

from docgen.ooxml.chart_workbook import column_letter, workbook_bytes
from docgen.ooxml.drawingml.chart_xml import chart_xml
from docgen.ooxml.drawingml.shapes import Box, ChartShape
from docgen.ooxml.opc import Rel, content_types_xml, next_partname, next_rid, rels_xml
from docgen.ooxml.package import fix_core_times

WHEN = datetime(2026, 11, 23)
CASES = [
    (["Licences", "Integrator services", "Internal staff", "Contingency"],
     [("Budget", [180.0, 420.0, 150.0, 50.0]), ("Actual", [180.0, 301.5, 96.0, 15.0]),
      ("Forecast", [180.0, 431.0, 148.0, 50.0])], "#,##0", "Budget (k€)"),
    ([f"Cat {i} & <x>" for i in range(40)],
     [("B", [i * 1.5 for i in range(40)]), ("A", [i * 1e7 / 3 for i in range(40)])],
     "#,##0.0", "Forty"),
    (["x", " y", "x"], [("x", [1.0, 2.0, 3.0])], "General", ""),
]


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def _c14n(xml: bytes) -> bytes:
    return etree.tostring(etree.fromstring(xml), method="c14n")


@pytest.mark.parametrize("categories, series, number_format, title", CASES)
def test_workbook_matches_xlsxwriter(categories, series, number_format, title):
    data = CategoryChartData()
    data.categories = categories
    for name, values in series:
        data.add_series(name, values, number_format=number_format)
    expected = _parts(data.xlsx_blob)
    expected["docProps/core.xml"] = fix_core_times(expected["docProps/core.xml"], WHEN)
    assert _parts(workbook_bytes(categories, series, number_format, WHEN)) == expected


def _python_pptx_chart(shape: ChartShape) -> bytes:
    """Return the chart part python-pptx writes for ``shape`` styled as docgen styles it."""
    data = CategoryChartData()
    data.categories = shape.categories
    for name, values in shape.series:
        data.add_series(name, values, number_format=shape.number_format)
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    frame = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, 0, 0, Pt(400), Pt(300), data)
    chart = frame.chart
    chart.font.size = Pt(11)
    chart.has_title = bool(shape.title)
    if shape.title:
        chart.chart_title.text_frame.text = shape.title
        for p in chart.chart_title.text_frame.paragraphs:
            for r in p.runs:
                r.font.size, r.font.bold = Pt(13), True
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    plot = chart.plots[0]
    plot.gap_width, plot.overlap = 60, -10
    # docgen's roles series1..3 and grid: theme colours accent1..3 and "Background 1, darker 15 %".
    for series, colour in zip(plot.series, (MSO_THEME_COLOR.ACCENT_1, MSO_THEME_COLOR.ACCENT_2,
                                            MSO_THEME_COLOR.ACCENT_3)):
        series.format.fill.solid()
        series.format.fill.fore_color.theme_color = colour
    axis = chart.value_axis
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.theme_color = MSO_THEME_COLOR.BACKGROUND_1
    axis.major_gridlines.format.line.color.brightness = -0.15
    axis.tick_labels.number_format = shape.number_format
    axis.tick_labels.number_format_is_linked = False
    axis.format.line.fill.background()
    return frame.chart_part.blob


@pytest.mark.parametrize("categories, series, number_format, title", CASES)
def test_chart_matches_python_pptx(categories, series, number_format, title):
    shape = ChartShape(Box(0, 0, 400, 300), categories, series, title, number_format)
    assert _c14n(chart_xml(shape)) == _c14n(_python_pptx_chart(shape))


def test_opc_names_and_ids():
    assert next_rid({"rId1", "rId2"}) == "rId3"
    assert next_rid({"rId1", "rId3"}) == "rId2"
    assert next_partname("ppt/charts/chart%d.xml", {"ppt/charts/chart1.xml"}) == \
        "ppt/charts/chart2.xml"
    assert [column_letter(n) for n in (1, 26, 27, 52)] == ["A", "Z", "AA", "AZ"]
    rels = rels_xml([Rel("rId10", "t", "b"), Rel("rId2", "t", "a&b", external=True)]).decode()
    assert rels.index('Id="rId2"') < rels.index('Id="rId10"')
    assert 'Target="a&amp;b" TargetMode="External"' in rels
    types = content_types_xml({"xml": "x", "rels": "r"}, {"b.xml": "B", "a.xml": "A"}).decode()
    assert types.index('Extension="rels"') < types.index('Extension="xml"')
    assert types.index('PartName="/a.xml"') < types.index('PartName="/b.xml"')
