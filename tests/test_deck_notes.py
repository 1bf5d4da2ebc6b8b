"""Speaker notes on every slide: source file, status date, what is shown, left out or shortened (issue 17)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml
from pptx import Presentation

from docgen.deck.typography import plain
from docgen.template_path import builtin_dir
from tests.deck_data import CONTRACT, write_large

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "status.yaml"
PREVIOUS = ROOT / "samples" / "status-previous.yaml"


def notes_by_title(path: Path) -> dict[str, str]:
    """Return slide title -> speaker notes of the deck at ``path`` (every slide must have notes)."""
    out = {}
    for slide in Presentation(path).slides:
        assert slide.has_notes_slide, slide.shapes.title.text
        out[plain(slide.shapes.title.text)] = slide.notes_slide.notes_text_frame.text
    return out


def deck(invoke, tmp_path: Path, source: Path, *extra) -> dict[str, str]:
    """Return the notes by title of the deck of ``source`` built with ``extra`` options."""
    dest = tmp_path / "deck.pptx"
    result = invoke("deck", source, "-o", dest, *extra)
    assert result.exit_code == 0, result.output
    return notes_by_title(dest)


def test_every_slide_names_its_source_and_date(tmp_path, invoke):
    notes = deck(invoke, tmp_path, SAMPLE)
    assert len(notes) == len(Presentation(tmp_path / "deck.pptx").slides)  # titles are unique
    for title, text in notes.items():
        assert text.startswith("Data: status.yaml, status as of 23 November 2026."), title
    assert "Closed risks not shown: R-002." in notes["Risk heat map"]
    assert "7 open risks placed by probability and impact." in notes["Risk heat map"]
    assert "8 risks in the status, sorted by score" in notes["Risk register"]
    assert "8 actions in the status; 2 overdue on 23 November 2026." in notes["Actions"]
    assert "5 budget lines; amounts in k€" in notes["Forecast +€7k, within contingency"]
    assert "3 achievements and 3 next steps in the status." in notes["Executive summary"]
    dashboard = notes["Go-live on 5 January kept; a second parallel run to approve today"]
    assert "Next milestones: 3 of 6 shown." in dashboard and "Top risks: 3 of 7 shown." in dashboard
    assert "Shortened" not in "".join(notes.values())


def test_previous_period_is_named(tmp_path, invoke):
    notes = deck(invoke, tmp_path, SAMPLE, "--previous", PREVIOUS)
    for text in notes.values():
        assert "Compared with the previous period: status-previous.yaml." in text.splitlines()[1]


def test_french_notes(tmp_path, invoke):
    notes = deck(invoke, tmp_path, SAMPLE, "--lang", "fr")
    assert all(text.startswith("Données\u00a0: status.yaml, statut au 23 novembre 2026.") for text in notes.values())


def test_continued_tables_say_which_rows_they_hold(tmp_path, invoke):
    notes = deck(invoke, tmp_path, write_large(tmp_path / "large.yaml"))
    register = [text for title, text in notes.items() if title.startswith("Risk register (")]
    ranges = [tuple(map(int, re.search(r"Rows (\d+)-(\d+) of 40 on this slide", text).groups()))
              for text in register]
    assert ranges[0][0] == 1 and ranges[-1][1] == 40
    assert all(b[0] == a[1] + 1 for a, b in zip(ranges, ranges[1:]))


def test_left_out_data_and_shortened_texts_are_in_the_notes(tmp_path, invoke):
    data = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
    del data["dimensions"]["quality"]
    data["milestones"].append({"name": "Vendor exit", "status": "on_track"})
    data["risks"][0]["title"] = "A very long risk title " * 40
    source = tmp_path / "status.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    folder = tmp_path / "pmo"
    folder.mkdir()
    shutil.copyfile(builtin_dir() / "deck.pptx", folder / "deck.pptx")
    (folder / "deck.yaml").write_text("order: [cover, dashboard, dimensions, timeline, risks]\n",
                                      encoding="utf-8")
    notes = deck(invoke, tmp_path, source, "--templates", folder)
    cover = next(iter(notes.values()))
    assert "Not in this deck (order: in deck.yaml): executive summary, decisions, workstreams" in cover
    assert "Not given in the status: Quality." in notes["Status by dimension"]
    assert "Not on the timeline (no date): Vendor exit." in notes["Milestone timeline"]
    dashboard = notes[data["overall"]["headline"]]  # its top risk is cut to two lines
    assert "Shortened on the slide, in full:" in dashboard
    assert ("A very long risk title " * 40).strip() in dashboard.split("Shortened on the slide, in full:")[1]
