"""Build samples/pmo-templates/deck-onepage.pptx: a 3-slide committee deck with Jinja tags.

Run ``python samples/pmo-templates/src/build_deck_onepage.py``. The result is an ordinary
PowerPoint file a PMO would write by hand: a cover whose texts are tags (``{{ project.name }}``,
the period, the overall RAG word, the summary), a risk table whose middle row repeats per risk
(``{%tr for r in risks %}`` … ``{%tr endfor %}``), and a decision slide repeated once per
decision required (a text box holding only ``{%slide for d in decisions_required %}``), its
options a paragraph loop (``{%p for o in d.options %}``). It is built on the built-in
deck.pptx, so it shares its slide master, fonts and colours.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Cm, Pt

HERE = Path(__file__).resolve().parent
FOLDER = HERE.parent
BASE = HERE.parents[2] / "templates" / "deck.pptx"
NAVY, WHITE = RGBColor(0x1F, 0x3A, 0x5F), RGBColor(0xFF, 0xFF, 0xFF)
TEAL, LIGHT = RGBColor(0x7F, 0xD6, 0xD9), RGBColor(0xD9, 0xE2, 0xEC)


def build(dest: Path, base: Path = BASE) -> Path:
    """Write the 3-slide template to ``dest`` on the layouts of ``base``; return ``dest``."""
    prs = Presentation(str(base))
    layouts = {layout.name: layout for layout in prs.slide_layouts}
    _cover(prs.slides.add_slide(layouts["Title Slide"]))
    _risks(prs.slides.add_slide(layouts["Title Only"]))
    _decision(prs.slides.add_slide(layouts["Title Only"]))
    prs.core_properties.title = "Committee deck (docgen template)"
    prs.save(str(dest))
    return dest


def _cover(slide) -> None:
    title = slide.shapes.title.text_frame.paragraphs[0]
    # Written in two runs, as PowerPoint does after an edit: the tag is joined again on rendering.
    title.add_run().text = "{{ project."
    title.add_run().text = "name }}"
    subtitle = slide.placeholders[1].text_frame
    subtitle.text = "{{ project.committee or L['deck.committee'] }} · {{ project.period or date(report_date) }}"
    box = slide.shapes.add_textbox(Cm(2.5), Cm(14.2), Cm(28.8), Cm(3.6)).text_frame
    box.word_wrap = True
    first = box.paragraphs[0]
    label = first.add_run()
    label.text = "{{ L['deck.overall'] }}: "
    label.font.bold = True
    label.font.color.rgb = WHITE
    word = first.add_run()
    word.text = "{{ rag_word(overall.status) }}{% if overall.trend %} ({{ trend_word(overall.trend) }}){% endif %}"
    word.font.bold = True
    word.font.color.rgb = TEAL
    summary = box.add_paragraph()
    summary.text = "{{ plain(overall.summary) }}"
    summary.runs[0].font.size = Pt(14)
    summary.runs[0].font.color.rgb = LIGHT


def _risks(slide) -> None:
    slide.shapes.title.text = "{{ L['deck.titles.risks'] }} · {{ risks | length }}"
    heads = ["ID", "{{ L['deck.risk'] }}", "{{ L['deck.score'] }}", "{{ L['common.owner'] }}",
             "{{ L['deck.mitigation'] }}"]
    cells = ["{{ r.id or loop.index }}", "{{ r.title }}", "{{ r.probability }}×{{ r.impact }} = {{ r.score }}",
             "{{ r.owner or '' }}", "{{ plain(r.mitigation) }}"]
    widths = [Cm(2.4), Cm(10.5), Cm(3.6), Cm(4.2), Cm(10.3)]
    shape = slide.shapes.add_table(4, 5, Cm(1.8), Cm(3.6), sum(widths, Cm(0)), Cm(4.0))
    table = shape.table
    for i, width in enumerate(widths):
        table.columns[i].width = width
    for row in table.rows:
        row.height = Cm(1.0)
    for cell, text in zip(table.rows[0].cells, heads):
        _cell(cell, text, bold=True, color=WHITE, fill=NAVY)
    _cell(table.cell(1, 0), "{%tr for r in risks %}")
    for cell, text in zip(table.rows[2].cells, cells):
        _cell(cell, text)
    _cell(table.cell(3, 0), "{%tr endfor %}")


def _cell(cell, text: str, bold: bool = False, color: RGBColor | None = None,
          fill: RGBColor | None = None) -> None:
    run = cell.text_frame.paragraphs[0].add_run()
    run.text = text
    run.font.size = Pt(12)
    run.font.bold = bold
    if color is not None:
        run.font.color.rgb = color
    if fill is not None:
        cell.fill.solid()
        cell.fill.fore_color.rgb = fill


def _decision(slide) -> None:
    marker = slide.shapes.add_textbox(Cm(0.5), Cm(18.0), Cm(12), Cm(0.8)).text_frame
    marker.text = "{%slide for d in decisions_required %}"
    slide.shapes.title.text = "{{ L['deck.titles.decision'] }} {{ d.id or loop.index }}: {{ d.title }}"
    body = slide.shapes.add_textbox(Cm(1.8), Cm(3.6), Cm(30), Cm(13)).text_frame
    body.word_wrap = True
    lines = [
        ("{{ L['deck.context'] }}: ", "{{ plain(d.context) }}"),
        ("{{ L['deck.options'] }}:", ""),
        ("{%p for o in d.options %}", None),
        ("", "{{ loop.index }}. {{ plain(o) }}"),
        ("{%p endfor %}", None),
        ("{{ L['deck.recommendation'] }}: ", "{{ plain(d.recommendation) }}"),
        ("{%p if d.deadline %}", None),
        ("{{ L['deck.deadline'] }}: ", "{{ date(d.deadline) }}"),
        ("{%p endif %}", None),
    ]
    for index, (label, value) in enumerate(lines):
        p = body.paragraphs[0] if index == 0 else body.add_paragraph()
        run = p.add_run()
        run.text = label
        run.font.size = Pt(18)
        run.font.bold = value is not None
        if value:
            rest = p.add_run()
            rest.text = value
            rest.font.size = Pt(18)
    body.paragraphs[3].level = 1


if __name__ == "__main__":
    out = build(FOLDER / "deck-onepage.pptx")
    sys.stdout.write(f"wrote {out}\n")
