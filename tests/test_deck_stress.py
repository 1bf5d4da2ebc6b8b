"""A status much larger and rougher than any sample: every item on some slide, nothing overprinted."""

from __future__ import annotations

import random

import pytest
import yaml
from office import needs_office, render
from test_deck_pptx import assert_no_text_over_text

from docgen.deck.typography import plain

WORDS = ("payroll interface migration cutover supplier parallel run freeze consultation validation "
         "regression ticket employees contracts overtime benefits pension reconciliation").split()


def rough_status(seed: int = 7) -> dict:
    """Return a status with 70 risks, 60 milestones, 50 issues, 60 actions, 30 workstreams,
    25 budget lines, 6 long decisions and a 700-word summary (deterministic)."""
    rnd = random.Random(seed)

    def sentence(n: int) -> str:
        return " ".join(rnd.choice(WORDS) for _ in range(n)).capitalize() + "."

    rag = ["green", "amber", "red"]
    return {
        "project": {"name": "Programme " + sentence(12), "code": "ROUGH-1", "sponsor": "A" * 40,
                    "manager": "Hugo Bernard", "phase": "Build", "period": "November 2026",
                    "report_date": "2026-11-23", "committee": "Board " + sentence(8)},
        "overall": {"status": "red", "summary": " ".join(f"point{i}" for i in range(700))},
        "dimensions": {k: {"status": rnd.choice(rag), "comment": sentence(rnd.randint(3, 90))}
                       for k in ("scope", "schedule", "budget", "quality", "resources", "risks")},
        "workstreams": [{"name": f"WS{i:02d} " + sentence(6), "lead": f"Lead {i}",
                         "status": rnd.choice(rag), "progress": rnd.randint(0, 100),
                         "comment": sentence(rnd.randint(0, 60))} for i in range(30)],
        "achievements": [sentence(rnd.randint(5, 40)) for _ in range(30)],
        "next_steps": [sentence(rnd.randint(5, 40)) for _ in range(30)],
        "milestones": [{"name": f"M{i:02d} " + sentence(rnd.randint(2, 15)),
                        "baseline": f"2026-{i % 12 + 1:02d}-{i % 27 + 1:02d}",
                        "forecast": f"2027-{i % 12 + 1:02d}-{i % 27 + 1:02d}",
                        "status": rnd.choice(["done", "on_track", "at_risk", "late"])} for i in range(60)],
        "budget": [{"category": f"Cat {i} " + sentence(3), "budget": rnd.randint(1000, 900000),
                    "actual": rnd.randint(0, 900000), "forecast": rnd.randint(1000, 1000000)}
                   for i in range(25)],
        "risks": [{"id": f"R-{i:03d}", "title": sentence(rnd.randint(3, 60)),
                   "probability": rnd.randint(1, 5), "impact": rnd.randint(1, 5), "owner": f"Owner {i}",
                   "mitigation": sentence(rnd.randint(0, 80)), "status": "open",
                   "trend": rnd.choice(["up", "stable", "down"])} for i in range(70)],
        "issues": [{"id": f"I-{i:03d}", "title": sentence(rnd.randint(3, 50)),
                    "severity": rnd.choice(["low", "medium", "high", "critical"]), "owner": f"O{i}",
                    "due": "2026-12-01", "status": rnd.choice(["open", "in_progress", "resolved"])}
                   for i in range(50)],
        "decisions_required": [{"id": f"DR-{i}", "title": sentence(12), "context": sentence(rnd.randint(10, 300)),
                                "options": [sentence(rnd.randint(5, 40)) for _ in range(8)],
                                "recommendation": sentence(30), "deadline": "2026-12-01"} for i in range(6)],
        "actions": [{"id": f"A-{i:03d}", "text": sentence(rnd.randint(3, 70)), "owner": f"Owner {i}",
                     "due": f"2026-{i % 12 + 1:02d}-15", "status": rnd.choice(["open", "in_progress", "done"])}
                    for i in range(60)],
    }


def ids(data: dict) -> list[str]:
    return ([r["id"] for r in data["risks"]] + [i["id"] for i in data["issues"]]
            + [a["id"] for a in data["actions"]] + [d["id"] for d in data["decisions_required"]]
            + [m["name"].split()[0] for m in data["milestones"]]
            + [w["name"].split()[0] for w in data["workstreams"]]
            + [f"point{i}" for i in range(700)])


@pytest.fixture(scope="module")
def rough(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rough")
    data = rough_status()
    source = folder / "rough.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return data, source, folder


def test_every_item_is_in_the_deck(rough, invoke):
    from pptx import Presentation

    data, source, folder = rough
    result = invoke("deck", source, "-o", folder / "rough.pptx")
    assert result.exit_code == 0, result.output
    words = set()
    for slide in Presentation(str(folder / "rough.pptx")).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                words.update(plain(shape.text_frame.text).split())
            if shape.has_table:
                for row in shape.table.rows:
                    for cell in row.cells:
                        words.update(plain(cell.text).split())
    missing = [i for i in ids(data) if i not in words]
    assert not missing, missing[:10]


@pytest.mark.office
@needs_office
def test_rough_deck_renders_without_overprinting(rough, invoke):
    data, source, folder = rough
    deck = folder / "rough.pptx"
    if not deck.exists():
        assert invoke("deck", source, "-o", deck).exit_code == 0
    shown = render(deck, folder / "check")
    assert shown.pages == shown.slides == len(shown.pngs) > 1
    assert_no_text_over_text(shown.pdf)
    text = shown.words
    missing = [i for i in ids(data) if i not in text]
    assert not missing, missing[:10]
