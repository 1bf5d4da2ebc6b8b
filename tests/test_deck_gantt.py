"""The Gantt slide of the workstreams (issue 17), read back from the .pptx with python-pptx.

Bars one per dated workstream, widths proportional to duration on one time scale shared by the
continuation slides, baseline bars, milestones as diamonds on their own row, the labelled
report-date line, months written with their year, no text under 12 pt, nothing overlapping;
French labels; no slide without dates; the dates of an MS Project plan's summary tasks.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from pptx import Presentation
from pptx.util import Emu

from docgen.deck.plan import plan_deck
from docgen.labels import load_labels
from docgen.model.status import Status, Workstream
from docgen.model.validate import validated
from docgen.readers.source import Source
from docgen.readers.yaml_source import read_yaml

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "status.yaml"
HEAD = {"project": {"name": "Payroll", "report_date": "2026-11-23"}, "overall": {"status": "amber"}}
MONTH = re.compile(r"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d$")


def build(invoke, tmp_path: Path, data: dict | Path, *args: str) -> Presentation:
    """Return the deck of ``data`` (a status mapping or file) built by the CLI, opened with python-pptx."""
    path = data
    if isinstance(data, dict):
        path = tmp_path / "status.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "deck.pptx"
    result = invoke("deck", path, *args, "-o", out)
    assert result.exit_code == 0, result.output
    return Presentation(out)


def gantt_slides(deck: Presentation, title: str = "Workstream plan") -> list:
    """Return the slides whose title is ``title`` or ``title (i/n)``."""
    return [s for s in deck.slides if s.shapes.title is not None
            and re.fullmatch(re.escape(title) + r"( \(\d+/\d+\))?", s.shapes.title.text)]


def named(slide, name: str) -> list:
    """Return the shapes of ``slide`` called ``name``, top to bottom then left to right (rows in status order)."""
    return sorted((s for s in slide.shapes if s.name == name), key=lambda s: (s.top, s.left))


def text(shape) -> str:
    """Return the text of ``shape`` with its no-break spaces (the deck's typography) as spaces."""
    return shape.text_frame.text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2060", "")


def pts(value: int) -> float:
    return Emu(value).pt


def box(shape) -> tuple[float, float, float, float]:
    return pts(shape.left), pts(shape.top), pts(shape.left + shape.width), pts(shape.top + shape.height)


def overlap(a, b, tol: float = 0.5) -> bool:
    ax0, ay0, ax1, ay1 = box(a)
    bx0, by0, bx1, by1 = box(b)
    return ax0 < bx1 - tol and bx0 < ax1 - tol and ay0 < by1 - tol and by0 < ay1 - tol


def today_line(slide):
    """Return the dashed connector of the report date (the only dashed vertical line of the chart)."""
    lines = [s for s in slide.shapes if s.shape_type == 9 and s.width == 0
             and s._element.find(".//{http://schemas.openxmlformats.org/drawingml/2006/main}prstDash") is not None
             and pts(s.height) > 100]
    assert len(lines) == 1
    return lines[0]


def workstreams(count: int, start: date = date(2026, 1, 5)) -> list[dict]:
    return [{"name": f"Workstream {n:02d}", "status": ["green", "amber", "red"][n % 3],
             "start": str(start + timedelta(days=9 * n)), "end": str(start + timedelta(days=9 * n + 40 + 3 * n)),
             "baseline_start": str(start + timedelta(days=9 * n)),
             "baseline_end": str(start + timedelta(days=9 * n + 40))} for n in range(count)]


def test_the_sample_deck_has_one_gantt_after_the_workstreams(invoke, tmp_path):
    deck = build(invoke, tmp_path, SAMPLE)
    titles = [s.shapes.title.text for s in deck.slides]
    assert titles.index("Workstream plan") == titles.index("Workstreams") + 1
    (slide,) = gantt_slides(deck)
    status = validated(Status, read_yaml(SAMPLE))
    bars = named(slide, "Forecast bar")
    assert len(bars) == len(status.workstreams) == len(named(slide, "Baseline bar")) == 6
    # widths proportional to the duration (end inclusive) on one scale
    per_day = {round(pts(b.width) / ((w.end - w.start).days + 1), 3) for b, w in zip(bars, status.workstreams)}
    assert len(per_day) == 1
    # diamonds: one per milestone, hollow ones at the baselines that moved
    assert len(named(slide, "Milestone marker")) == len(status.milestones) == 8
    assert len(named(slide, "Baseline marker")) == sum(
        1 for m in status.milestones if m.baseline != (m.actual or m.forecast or m.baseline))
    months = [text(s) for s in named(slide, "Month") if text(s)]
    assert months[0] == "Mar 2026" and months[-1] == "Feb 2027" and all(MONTH.match(m) for m in months)
    assert "Dec 2026" in months
    flag = named(slide, "Report date")[0]
    assert text(flag) == "Report date 23 Nov 2026"
    line = today_line(slide)
    assert abs(pts(line.left) - (pts(flag.left) + pts(flag.width) / 2)) < 1  # the label is centred on it
    labels = named(slide, "End date")
    assert [text(s) for s in labels][:3] == ["11 Dec 2026 +14 d", "18 Dec 2026 +18 d",
                                                       "4 Dec 2026 +7 d"]
    texts = [s for s in slide.shapes if s.has_text_frame and text(s).strip() and not s.is_placeholder]
    for n, a in enumerate(texts):
        for b in texts[n + 1:]:
            assert not overlap(a, b), (text(a), text(b))
        if a.name == "End date":
            assert not pts(a.left) <= pts(line.left) <= pts(a.left + a.width), text(a)
    sizes = {r.font.size.pt for s in texts for p in s.text_frame.paragraphs for r in p.runs}
    assert sizes == {12.0}
    notes = slide.notes_slide.notes_text_frame.text
    assert "6 of the 6 workstreams" in notes and "Mar 2026 to Feb 2027" in notes
    assert "1. Design sign-off, 3 Jul 2026 (baseline 30 Jun 2026)" in notes


def test_colours_are_theme_roles(invoke, tmp_path):
    slide = gantt_slides(build(invoke, tmp_path, SAMPLE))[0]
    xml = slide._element.xml
    fills = set(re.findall(r'<a:srgbClr val="([0-9A-F]{6})"', xml))
    # the only RGB values are the meaning colours: RAG fills, late/overrun red
    assert fills <= {"2E9E44", "F2A900", "C8102E", "C00000", "000000", "FFFFFF"}, fills
    bar = named(slide, "Forecast bar")[0]._element.xml
    assert 'schemeClr val="accent1"' in bar


def test_25_workstreams_continue_on_slides_with_the_same_scale(invoke, tmp_path):
    data = {**HEAD, "workstreams": workstreams(25),
            "milestones": [{"name": "Go-live", "baseline": "2026-12-01", "forecast": "2026-12-08"}]}
    slides = gantt_slides(build(invoke, tmp_path, data))
    assert len(slides) >= 2
    assert [s.shapes.title.text for s in slides] == [f"Workstream plan ({n}/{len(slides)})"
                                                     for n in range(1, len(slides) + 1)]
    assert sum(len(named(s, "Forecast bar")) for s in slides) == 25
    headers = [[(text(s), s.left, s.width) for s in named(slide, "Month")] for slide in slides]
    assert all(h == headers[0] for h in headers)  # the same months at the same places
    assert len({today_line(s).left for s in slides}) == 1
    scale = set()
    for slide in slides:
        bars = named(slide, "Forecast bar")
        names = [text(s) for s in named(slide, "Workstream")]
        assert len(bars) == len(names)
        for bar, name in zip(bars, names):
            n = int(name.split()[-1])
            scale.add(round(pts(bar.width) / (41 + 3 * n), 3))
        assert len(named(slide, "Milestone marker")) == 1  # the milestone row on every slide
        frame_bottom = 88 + 404
        assert all(pts(s.top + s.height) <= frame_bottom + 0.5 for s in slide.shapes if not s.is_placeholder)
        assert "of 25 on this slide" in slide.notes_slide.notes_text_frame.text
    assert len(scale) == 1


def test_french_labels(invoke, tmp_path):
    deck = build(invoke, tmp_path, SAMPLE, "--lang", "fr")
    (slide,) = gantt_slides(deck, "Planning des chantiers")
    months = [text(s) for s in named(slide, "Month") if text(s)]
    assert "déc. 2026" in months and "janv. 2027" in months
    assert text(named(slide, "Report date")[0]) == "Date du rapport 23 nov. 2026"
    assert text(named(slide, "Milestones")[0]) == "Jalons"
    assert "+14 j" in [text(s) for s in named(slide, "End date")][0]
    assert "Échelle de temps" in slide.notes_slide.notes_text_frame.text


def test_no_gantt_without_dates(invoke, tmp_path):
    data = {**HEAD, "workstreams": [{"name": "Core HR", "progress": 50}],
            "milestones": [{"name": "Go-live", "baseline": "2026-12-01"}]}
    deck = build(invoke, tmp_path, data)
    assert gantt_slides(deck) == []
    assert "Workstreams" in [s.shapes.title.text for s in deck.slides]


def test_workstreams_without_dates_are_named_in_the_notes():
    data = {**HEAD, "workstreams": [*workstreams(2), {"name": "Hypercare"}]}
    plan = plan_deck(validated(Status, Source(SAMPLE, data)), load_labels("en"))
    (slide,) = [s for s in plan.slides if s.planner == "gantt"]
    assert "Not on the plan (no start and end date): Hypercare." in slide.notes
    assert sum(1 for s in slide.shapes if getattr(s, "name", "") == "Forecast bar") == 2


def test_end_before_start_is_refused():
    with pytest.raises(ValueError, match="end 2026-01-01 is before start 2026-02-01"):
        Workstream(name="Core HR", start="2026-02-01", end="2026-01-01")


PLAN = """\
<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <Tasks>
    <Task><UID>1</UID><Name>Design</Name><OutlineLevel>1</OutlineLevel><Summary>1</Summary>
      <Start>2026-03-02T08:00:00</Start><Finish>2026-07-03T17:00:00</Finish><PercentComplete>100</PercentComplete>
      <Baseline><Number>0</Number><Start>2026-03-02T08:00:00</Start><Finish>2026-06-30T17:00:00</Finish></Baseline>
    </Task>
    <Task><UID>2</UID><Name>Fit-gap workshops</Name><OutlineLevel>2</OutlineLevel><Summary>0</Summary>
      <Start>2026-03-02T08:00:00</Start><Finish>2026-05-29T17:00:00</Finish></Task>
    <Task><UID>3</UID><Name>Build and test</Name><OutlineLevel>1</OutlineLevel><Summary>1</Summary>
      <Start>2026-07-06T08:00:00</Start><Finish>2026-12-18T17:00:00</Finish><PercentComplete>72</PercentComplete>
      <Baseline><Number>0</Number><Start>2026-07-06T08:00:00</Start><Finish>2026-11-30T17:00:00</Finish></Baseline>
    </Task>
    <Task><UID>4</UID><Name>Go-live</Name><OutlineLevel>2</OutlineLevel><Summary>0</Summary><Milestone>1</Milestone>
      <Start>2027-01-05T08:00:00</Start><Finish>2027-01-05T08:00:00</Finish>
      <Baseline><Number>0</Number><Finish>2027-01-05T08:00:00</Finish></Baseline></Task>
  </Tasks>
</Project>
"""


def test_summary_tasks_of_a_plan_give_the_bars_the_status_does_not(invoke, tmp_path):
    (tmp_path / "plan.xml").write_text(PLAN, encoding="utf-8")
    data = {**HEAD, "workstreams": [{"name": "Build and test", "status": "amber", "end": "2026-12-23"}]}
    deck = build(invoke, tmp_path, data, "--plan", str(tmp_path / "plan.xml"))
    (slide,) = gantt_slides(deck)
    assert [text(s) for s in named(slide, "Workstream")] == ["Design", "Build and test"]
    # the plan's start and baselines, the status's end (it wins where both give one)
    assert [text(s) for s in named(slide, "End date")] == ["3 Jul 2026 +3 d",
                                                                     "23 Dec 2026 +23 d"]
    design, build_ = named(slide, "Forecast bar")
    assert round(pts(build_.width) / pts(design.width), 3) == round(171 / 124, 3)
    assert len(named(slide, "Milestone marker")) == 1
    months = [text(s) for s in named(slide, "Month") if text(s)]
    assert months[0] == "Mar 2026" and months[-1] == "Jan 2027"


def test_crowded_milestones_stack_in_lanes_each_with_its_number_and_moved_baseline(invoke, tmp_path):
    data = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    start = date(2026, 10, 5)
    data["milestones"] = [{"id": f"M{n:02d}", "name": f"Wave {n}", "baseline": str(start + timedelta(days=6 * n)),
                           "forecast": str(start + timedelta(days=6 * n + 6 * (n % 2))), "status": "on_track"}
                          for n in range(1, 17)]  # 16 milestones six days apart: diamonds closer than their numbers
    (slide,) = gantt_slides(build(invoke, tmp_path, data))
    markers, numbers = named(slide, "Milestone marker"), [s for s in slide.shapes if s.name.startswith("Milestone M")]
    assert len(markers) == 16 and sorted(text(s) for s in numbers) == [f"M{n:02d}" for n in range(1, 17)]
    assert len({s.top for s in markers}) > 1  # stacked in lanes
    assert len(named(slide, "Baseline marker")) == 8  # the odd ones moved
    for n, a in enumerate(markers + numbers):
        for b in (markers + numbers)[n + 1:]:
            assert not overlap(a, b), (a.name, text(b) if b.has_text_frame else b.name)
    assert "left off" not in slide.notes_slide.notes_text_frame.text
