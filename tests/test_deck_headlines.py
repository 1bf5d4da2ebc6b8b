"""Action titles: a section's ``headline`` is its slide's title, else the built-in title (issue 17)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from pptx import Presentation

from docgen.deck.typography import plain
from tests.deck_data import CONTRACT, large_status
from tests.test_deck_plan import plan_of

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "status.yaml"
SECTIONS = {  # status key -> slide kind whose title it gives, the built-in title
    "workstreams": ("workstreams", "Workstreams"),
    "milestones": ("milestones", "Milestones"),
    "risks": ("risks", "Risk register"),
    "issues": ("issues", "Issues"),
    "decisions_required": ("decisions", "Decisions required"),
    "actions": ("actions", "Actions"),
}


def contract() -> dict:
    """Return the contract status as data (docs/formats/status.yaml)."""
    return yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))


def titles_of(plan, kind: str) -> list[str]:
    """Return the titles of the slides of ``kind`` (the timeline and heat map have kinds of their own there)."""
    return [plain(s.title) for s in plan.slides if s.kind == kind]


@pytest.mark.parametrize("key", sorted(SECTIONS))
def test_a_list_section_written_as_a_mapping_gives_its_slide_a_headline(key):
    data = contract()
    data[key] = {"headline": f"Headline of   {key}", "items": data[key]}
    status, plan = plan_of(data)
    kind, default = SECTIONS[key]
    assert len(getattr(status, key)) == len(contract()[key])  # the items are all read
    shown = [s for s in plan.slides if s.kind == kind and not s.title.startswith(("Milestone timeline",
                                                                                  "Risk heat map"))]
    assert shown and all(s.title.startswith(f"Headline of {key}") for s in shown)
    others = [s.title for s in plan.slides if s.kind != kind]
    assert not any("Headline of" in t for t in others)
    assert default not in [s.title for s in plan.slides]


def test_budget_headline_as_in_the_issue():
    data = contract()
    data["budget"] = {"headline": "Forecast +€7k, within contingency", "lines": data["budget"],
                      "earned_value": {"spi": 0.9}}
    data.pop("earned_value", None)
    status, plan = plan_of(data)
    assert titles_of(plan, "budget") == ["Forecast +€7k, within contingency"]
    assert status.earned_value.spi == 0.9


def test_continued_slides_number_the_headline():
    data = large_status()
    data["risks"] = {"headline": "Two red risks on payroll; mitigations on track", "items": data["risks"]}
    _, plan = plan_of(data)
    register = [t for t in titles_of(plan, "risks") if t != "Risk heat map"]
    assert len(register) > 1
    assert register == [f"Two red risks on payroll; mitigations on track ({n}/{len(register)})"
                        for n in range(1, len(register) + 1)]
    data["budget"] = {"headline": "Forecast +€35k, contingency used", "lines": data["budget"] * 3}
    budget = titles_of(plan_of(data)[1], "budget")  # the chart on a slide of its own, the table continued
    assert budget[0] == "Forecast +€35k, contingency used"
    assert budget[1:] == [f"Forecast +€35k, contingency used ({n}/{len(budget) - 1})" for n in range(1, len(budget))]


def test_overall_headline_titles_the_dashboard_and_defaults_stay():
    data = contract()
    _, plan = plan_of(data)
    assert titles_of(plan, "dashboard") == [data["overall"]["headline"]]
    del data["overall"]["headline"]
    _, plan = plan_of(data)
    assert titles_of(plan, "dashboard") == ["Status at a glance"]
    assert "Risk register" in [s.title for s in plan.slides] and "Budget" in [s.title for s in plan.slides]


def test_a_headline_too_long_for_the_title_is_shortened_and_whole_in_the_notes():
    data = contract()
    long = "Forecast +€7k within contingency, " * 6 + "end"
    data["budget"] = {"headline": long, "lines": data["budget"]}
    _, plan = plan_of(data)
    slide = next(s for s in plan.slides if s.kind == "budget")
    assert slide.title.endswith("…") and slide.title_size >= 18
    assert any(" ".join(long.split()) in note for note in slide.notes)


def test_empty_headline_keeps_the_built_in_title():
    data = contract()
    data["risks"] = {"headline": "", "items": data["risks"]}
    _, plan = plan_of(data)
    assert "Risk register" in [s.title for s in plan.slides]


def test_french_deck_takes_the_headline_as_written():
    data = copy.deepcopy(contract())
    data["actions"] = {"headline": "3 actions en retard, relancées", "items": data["actions"]}
    _, plan = plan_of(data, "fr")
    assert titles_of(plan, "actions") == ["3 actions en retard, relancées"]


def test_sample_deck_and_report(tmp_path, invoke):
    deck, report = tmp_path / "deck.pptx", tmp_path / "report.md"
    result = invoke("deck", SAMPLE, "-o", deck, "-o", report)
    assert result.exit_code == 0, result.output
    titles = [plain(s.shapes.title.text) for s in Presentation(deck).slides]
    assert "Forecast +€7k, within contingency" in titles and "Budget" not in titles
    assert titles[1] == "Go-live on 5 January kept; a second parallel run to approve today"
    text = report.read_text(encoding="utf-8")
    assert "Forecast +€7k" not in text  # the written report keeps its section names
