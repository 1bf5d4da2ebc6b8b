"""Every sample deck is well laid out (issue 17): nothing overlaps, no line through a label, nothing outside, filled.

The planned decks of ``samples/*status*.yaml`` (built-in template and ``samples/pmo-templates``,
in French, against the previous period) and of a 40-risk, 25-milestone status grown from
``samples/status.yaml`` are checked with :mod:`tests.deck_layout`; LibreOffice draws every one of
them (one soffice run) and no word it prints leaves its slide, covers another word, or, on a
timeline, leaves its planned box.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from office import needs_office, render_all

from docgen.labels import load_labels
from docgen.ooxml.drawingml.shapes import LineShape
from tests.deck_data import CONTRACT, write_large
from tests.deck_layout import SlideLayout, check_deck, has_text, plan_file
from tests.test_deck_pptx import assert_no_text_over_text

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
PMO = SAMPLES / "pmo-templates"
FILL = 0.35  # every content slide: covers and dividers aside


def grown_status() -> dict:
    """Return samples/status.yaml grown to 40 risks and 25 milestones (three of them on one day)."""
    data = yaml.safe_load((SAMPLES / "status.yaml").read_text(encoding="utf-8"))
    risks, milestones = data["risks"], data["milestones"]
    for n in range(len(risks), 40):
        risks.append({"id": f"R-{100 + n}", "title": f"Generated risk {n} on the payroll interface and its vendor",
                      "probability": n % 5 + 1, "impact": (n * 3) % 5 + 1, "owner": f"Owner {n % 6}",
                      "mitigation": "Weekly review with the vendor." if n % 2 else "Test slot booked.",
                      "trend": ("up", "stable", "down")[n % 3]})
    start, first = date(2026, 9, 7), len(milestones)
    for n in range(first, 23):
        day = start + timedelta(days=11 * (n - first))
        milestones.append({"name": f"Wave {n} cut-over rehearsal", "baseline": day.isoformat(),
                           "forecast": (day + timedelta(days=n % 3 * 4)).isoformat(),
                           "status": ("on_track", "at_risk", "late")[n % 3]})
    milestones += [{"name": f"Country {c} go-live", "baseline": "2027-01-05", "forecast": "2027-01-05",
                    "status": "on_track"} for c in ("BE", "NL")]  # with the sample's go-live: three on a day
    return data


@pytest.fixture(scope="module")
def grown(tmp_path_factory) -> Path:
    """Return the path of the 40-risk, 25-milestone status written as YAML."""
    path = tmp_path_factory.mktemp("layout") / "status-grown.yaml"
    path.write_text(yaml.safe_dump(grown_status(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _decks() -> dict[str, tuple]:
    """Return deck name -> (status, previous, language, template folders)."""
    decks: dict[str, tuple] = {}
    for sample in sorted(SAMPLES.glob("*status*.yaml")):
        decks[sample.stem] = (sample, None, None, ())
        decks[f"{sample.stem}-pmo"] = (sample, None, None, (PMO,))
    decks["status-fr"] = (SAMPLES / "status.yaml", None, "fr", ())
    decks["status-changes"] = (SAMPLES / "status.yaml", SAMPLES / "status-previous.yaml", None, ())
    decks["contract"] = (CONTRACT, None, None, ())
    decks["grown"] = ("grown", None, None, ())
    return decks


DECKS = _decks()


@pytest.fixture(scope="module")
def layouts(grown) -> dict[str, list[SlideLayout]]:
    """Return deck name -> the layout check of each of its slides."""
    out = {}
    for name, (path, previous, lang, templates) in DECKS.items():
        plan, frame = plan_file(grown if path == "grown" else path, previous, lang, templates)
        out[name] = check_deck(plan, frame)
    return out


def test_grown_status_has_40_risks_and_25_milestones_three_on_one_day():
    data = grown_status()
    assert len(data["risks"]) == 40 and len(data["milestones"]) == 25
    days = [str(m.get("actual") or m["forecast"]) for m in data["milestones"]]
    assert max(days.count(d) for d in days) >= 3


@pytest.mark.parametrize("name", DECKS)
def test_nothing_overlaps_crosses_a_label_or_leaves_the_body(layouts, name):
    problems = [p for slide in layouts[name] for p in slide.problems]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", [n for n in DECKS if n != "contract"])  # the format's example: a few rows a table
def test_every_content_slide_is_at_least_35_percent_filled(layouts, name):
    thin = [f"slide {s.number} ({s.planner}: {s.title}) {s.filled:.0%}" for s in layouts[name]
            if not s.exempt_from_fill and s.filled < FILL]
    assert not thin, thin


def test_timeline_keeps_one_scale_and_labels_the_report_date(tmp_path):
    plan, _ = plan_file(write_large(tmp_path / "large.yaml"))  # 25 milestones two weeks apart
    slides = [s for s in plan.slides if s.planner == "timeline"]
    assert len(slides) > 1
    months = load_labels("en")["date.months_short"]
    scales = set()
    for slide in slides:
        ruler = next(s.box for s in slide.shapes if getattr(s, "name", "") == "Ruler")
        edges = sorted(s.x1 for s in slide.shapes if isinstance(s, LineShape) and s.y1 == ruler.y)
        for left, right in zip(edges, edges[1:]):  # a whole month between two separators of the ruler
            cell = next(s for s in slide.shapes if getattr(s, "name", "") == "Month"
                        and left < s.box.x + s.box.w / 2 < right)
            name, year = cell.paras[0].text.split()
            days = monthrange(2000 + int(year), months.index(name) + 1)[1]
            scales.add(round((right - left) / days, 3))
    assert len(scales) == 1, scales  # points a day
    reports = [s for slide in slides for s in slide.shapes if getattr(s, "name", "") == "Report date"]
    assert len(reports) == 1 and reports[0].paras[0].text.startswith("Report date")
    names = " ".join(p.text for slide in slides for s in slide.shapes if has_text(s) for p in s.paras)
    missing = [n for n in range(1, 26) if f"M{n:02d} Milestone {n:02d}" not in names]
    assert not missing, missing


def test_timeline_is_planned_the_same_twice(grown):
    first, second = plan_file(grown)[0], plan_file(grown)[0]
    timeline = [s.shapes for s in first.slides if s.planner == "timeline"]
    assert timeline == [s.shapes for s in second.slides if s.planner == "timeline"]


def _deck_args(name: str, grown: Path, out: Path) -> list:
    """Return the ``docgen deck`` arguments that make deck ``name`` of DECKS at ``out``."""
    path, previous, lang, templates = DECKS[name]
    args: list = ["deck", grown if path == "grown" else path, "-o", out]
    args += ["--previous", previous] if previous else []
    args += ["--lang", lang] if lang else []
    for folder in templates:
        args += ["--templates", folder]
    return args


@pytest.fixture(scope="module")
def drawn(tmp_path_factory, grown) -> dict:
    """Return deck name -> (what LibreOffice printed for it, its plan, its frame): every deck in one soffice run."""
    from click.testing import CliRunner

    from docgen.cli import cli

    folder = tmp_path_factory.mktemp("drawn")
    decks = {name: folder / f"{name}.pptx" for name in DECKS}
    for name, out in decks.items():
        result = CliRunner().invoke(cli, [str(a) for a in _deck_args(name, grown, out)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    shown = render_all(list(decks.values()), folder / "pdf", resolution=0)
    plans = {name: plan_file(grown if p == "grown" else p, prev, lang, t) for name, (p, prev, lang, t) in DECKS.items()}
    return {name: (drawing, *plans[name]) for name, drawing in zip(decks, shown)}


@pytest.mark.office
@needs_office
@pytest.mark.parametrize("name", DECKS)
def test_libreoffice_draws_every_deck_inside_its_slides_and_boxes(drawn, name):
    shown, plan, frame = drawn[name]
    assert_no_text_over_text(shown.pdf)
    pages = shown.boxes()
    assert len(pages) == len(plan.slides)
    for number, (page, slide) in enumerate(zip(pages, plan.slides), 1):
        assert (page.width, page.height) == pytest.approx((frame.width, frame.height), abs=1)
        off = [w.text for w in page.words if w.x0 < -0.5 or w.y0 < -0.5 or w.x1 > page.width + 0.5
               or w.y1 > page.height + 0.5]
        assert not off, (number, off)
        if slide.planner != "timeline":
            continue
        boxes = [s.box for s in slide.shapes if has_text(s)]
        body = frame.body
        loose = [w.text for w in page.words if body.y <= (w.y0 + w.y1) / 2 <= body.bottom
                 and not any(b.x - 2 <= w.x0 and w.x1 <= b.right + 2 and b.y - 2 <= w.y0 and w.y1 <= b.bottom + 2
                             for b in boxes)]
        assert not loose, (number, loose)
