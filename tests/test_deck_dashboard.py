"""The one-page dashboard after the cover, and the slide order of deck.yaml (issue 17)."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from office import needs_office, render
from pptx import Presentation

from docgen.deck.order import DEFAULT_ORDER
from docgen.deck.plan import plan_deck
from docgen.deck.shapes import Frame
from docgen.deck.typography import plain
from docgen.labels import load_labels
from docgen.ooxml.drawingml.palette import MEANING_ROLES
from docgen.ooxml.drawingml.shapes import Box, TextShape
from docgen.template_path import builtin_dir
from tests.deck_data import CONTRACT, large_status
from tests.test_deck_plan import boxes_ok, plan_of

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "status.yaml"
NBSP = " "  # slide_text() gives no-break spaces back as spaces
HEADLINE = "Go-live on 5 January kept; a second parallel run to approve today"


def slide_text(slide) -> str:
    """Return every text of the slide's shapes, one per line."""
    return "\n".join(plain(shape.text_frame.text) for shape in slide.shapes if shape.has_text_frame)


@pytest.fixture(scope="module")
def sample_deck(tmp_path_factory) -> Path:
    """Return the deck of samples/status.yaml built with the built-in template."""
    from click.testing import CliRunner

    from docgen.cli import cli

    dest = tmp_path_factory.mktemp("dash") / "deck.pptx"
    result = CliRunner().invoke(cli, ["deck", str(SAMPLE), "-o", str(dest)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return dest


def test_dashboard_follows_the_cover_and_decisions_come_before_the_detail():
    _, plan = plan_of(SAMPLE)
    kinds = [s.kind for s in plan.slides]
    assert kinds[:4] == ["cover", "dashboard", "summary", "decisions"]
    detail = ("dimensions", "workstreams", "milestones", "budget", "risks", "issues", "actions")
    assert kinds.index("decisions") < min(kinds.index(k) for k in detail)


def test_dashboard_slide_holds_the_committee_summary(sample_deck):
    slide = Presentation(sample_deck).slides[1]
    assert plain(slide.shapes.title.text) == HEADLINE  # overall.headline
    text = slide_text(slide)
    for expected in ("Overall status", "AMBER", "→ Stable", "Scope", "Schedule", "Amber\n↓ Worsening",
                     "Quality", "Amber\n↑ Improving", "Resources", "Risks",
                     "Next milestones", "Data migration mock 3", "2 Dec 2026 · baseline 20 Nov 2026",
                     f"+12{NBSP}d", "Parallel run 2 complete", f"+18{NBSP}d", "UAT sign-off", f"+7{NBSP}d",
                     "Budget", "Spent (budget €840k)", "€598k · 71%", "Forecast at completion", "€847k",
                     "+€7k against budget (+0.8 %)", "SPI 0.96 · CPI 0.98",
                     "Top risks", "R-004 Payroll gaps not closed before go-live", "Inès Dupont · ↑ Rising",
                     "Decisions asked of the committee", "DR-03  Approve a second payroll parallel run",
                     "Recommended: Second parallel run, go-live kept, buffer reduced", "By 24 Nov 2026",
                     "DR-04  Release 25 k€ of contingency for extra payroll testers", "By 30 Nov 2026"):
        assert expected in text, expected
    lines = text.splitlines()
    assert "Go-live" not in lines and "Design sign-off" not in lines  # the 4th next and a reached milestone
    risks = re.findall(r"R-0\d\d", text)
    assert risks == ["R-004", "R-009", "R-012"]  # the top 3 by score: 20, 12, 10


def test_dashboard_is_drawn_with_theme_and_meaning_colours(sample_deck):
    with zipfile.ZipFile(sample_deck) as package:
        xml = package.read("ppt/slides/slide2.xml").decode("utf-8")
    meaning = {value.upper() for value in MEANING_ROLES.values()}
    assert set(re.findall(r'srgbClr val="([0-9A-F]{6})"', xml)) <= meaning
    assert "schemeClr" in xml


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_dashboard_shapes_stay_in_the_body_and_never_overlap(lang):
    for data in (CONTRACT, large_status()):
        boxes_ok(plan_of(data, lang)[1])
    status, _ = plan_of(large_status())
    narrow = Frame(720, 540, body=Box(36, 88, 648, 404))  # a 4:3 corporate page
    boxes_ok(plan_deck(status, load_labels(lang), narrow), narrow)


def test_dashboard_text_is_never_under_12_pt():
    _, plan = plan_of(large_status())
    slide = next(s for s in plan.slides if s.kind == "dashboard")
    sizes = {p.size for shape in slide.shapes if isinstance(shape, TextShape) for p in shape.paras}
    assert min(sizes) >= 12


def test_large_status_dashboard_counts_what_it_leaves_out():
    _, plan = plan_of(large_status())
    slide = next(s for s in plan.slides if s.kind == "dashboard")
    assert any(note.startswith("Top risks: 3 of 40 shown") for note in slide.notes), slide.notes
    assert any(note.startswith("Next milestones: 3 of") for note in slide.notes), slide.notes


def test_no_dashboard_for_a_status_with_only_its_overall_rag():
    _, plan = plan_of({"project": {"name": "P", "report_date": "2026-01-05"}, "overall": {"status": "green"}})
    assert [s.kind for s in plan.slides] == ["cover", "summary"]


def _template_folder(tmp_path: Path, settings: str) -> Path:
    """Return a template folder holding the built-in deck.pptx and ``settings`` as its deck.yaml."""
    folder = tmp_path / "pmo"
    folder.mkdir(exist_ok=True)
    shutil.copyfile(builtin_dir() / "deck.pptx", folder / "deck.pptx")
    (folder / "deck.yaml").write_text(settings, encoding="utf-8")
    return folder


def test_order_in_deck_yaml_sets_and_filters_the_slides(tmp_path, invoke):
    folder = _template_folder(tmp_path, "palette: {heading: accent1}\n"
                                        "order: [cover, decisions, dashboard, heatmap, actions]\n")
    dest = tmp_path / "deck.pptx"
    result = invoke("deck", SAMPLE, "--templates", folder, "-o", dest)
    assert result.exit_code == 0, result.stderr
    titles = [plain(s.shapes.title.text) for s in Presentation(dest).slides]
    assert titles == ["HRIS Core HR & Payroll Deployment (HRIS-26)", "Decisions required", HEADLINE,
                      "Risk heat map", "Actions"]


@pytest.mark.parametrize("settings, expected", [
    ("order: [cover, dashbord, risks]\n", "order[1]: 'dashbord' is not a slide kind; known: cover, dashboard"),
    ("order: [cover, risks, risks]\n", "order[2]: 'risks' is listed twice"),
    ("order: cover\n", "order: expected a list of slide kinds"),
])
def test_bad_order_is_an_error_naming_deck_yaml_and_the_key(tmp_path, invoke, settings, expected):
    folder = _template_folder(tmp_path, settings)
    dest = tmp_path / "deck.pptx"
    result = invoke("deck", SAMPLE, "--templates", folder, "-o", dest)
    assert result.exit_code == 2
    assert f"{(folder / 'deck.yaml').resolve()}: {expected}" in " ".join(result.stderr.split())
    assert not dest.exists()


def test_default_order_names_every_planner():
    from docgen.deck.plan import PLANNERS

    assert set(DEFAULT_ORDER) == set(PLANNERS)


@pytest.mark.office
@needs_office
def test_libreoffice_prints_the_dashboard(sample_deck, tmp_path):
    shown = render(sample_deck, tmp_path / "office")
    page = " ".join(shown.texts[1].split())
    for expected in ("Go-live on 5 January kept", "AMBER", "Next milestones", "Data migration mock 3", "+12",
                     "€598k · 71%", "€847k", "Top risks", "R-004", "R-009", "R-012",
                     "Decisions asked of the committee", "DR-03", "By 24 Nov 2026", "DR-04", "By 30 Nov 2026"):
        assert expected in page, expected
