"""The annotated notes corpus is whole: every file has its truth, its split and its source.

The scores of ``python -m docgen.eval.notes`` are only as good as the corpus: a file without
truth would be skipped silently, one without a split would be in no figure, and one whose
source row is missing could not be checked against its origin or its licence.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "data" / "realworld_notes_corpus"
ATTENDANCE = {"present", "remote", "excused", "absent"}
# Kept for an independent check of the reader (issue 14): no corpus file may come from them.
INDEPENDENT_CHECK = ("openjs-foundation/cross-project-council", "dhis2/notes", "rust-lang/leadership-council",
                     "rse-aunz/rse-aunz.github.io", "sktime/community-org", "panosc-eu/panosc",
                     "DavidVladuca/NetNote-TUD-project", "AFPy/afpy_gestion", "PQuod/MaisondelaPoesiedeRennes",
                     "ossf/wg-best-practices-os-developers", "nteract/meeting-minutes")
_ROW = re.compile(r"^\| `(?P<name>[^`]+\.md)` \| (?P<repo>[\w.-]+/[\w.-]+) : `[^`]+` @ `(?P<commit>[0-9a-f]{40})` \|",
                  re.MULTILINE)

NOTES = sorted(p for p in CORPUS.glob("*.md") if p.name != "README.md")


def _readme_rows() -> dict[str, str]:
    """Return {file name: repository} from the source table of the corpus README."""
    text = (CORPUS / "README.md").read_text(encoding="utf-8")
    return {m.group("name"): m.group("repo") for m in _ROW.finditer(text)}


def test_every_notes_file_has_its_truth_and_every_truth_its_file():
    truths = {p.name.removesuffix(".expected.json") for p in CORPUS.glob("*.expected.json")}
    assert sorted(truths) == sorted(p.stem for p in NOTES)
    assert len(NOTES) >= 100


def test_the_split_assigns_every_file_and_holds_a_third_out():
    split = json.loads((CORPUS / "split.json").read_text(encoding="utf-8"))
    assert sorted(split) == [p.name for p in NOTES]
    assert set(split.values()) == {"dev", "heldout"}
    held = sum(value == "heldout" for value in split.values())
    assert 0.30 <= held / len(split) <= 0.36, f"{held} of {len(split)} held out"


def test_every_file_has_a_source_row_and_none_comes_from_the_independent_check():
    rows = _readme_rows()
    assert [p.name for p in NOTES if p.name not in rows] == []
    assert sorted(name for name, repo in rows.items() if repo in INDEPENDENT_CHECK) == []


@pytest.mark.parametrize("path", NOTES, ids=lambda p: p.stem)
def test_each_truth_has_the_scored_shape(path):
    truth = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    assert set(truth) == {"date", "attendees", "decisions", "actions"}
    date.fromisoformat(truth["date"])
    assert all(set(a) == {"name", "attendance"} and a["name"].strip() and a["attendance"] in ATTENDANCE
               for a in truth["attendees"])
    assert all(isinstance(d, str) and d.strip() for d in truth["decisions"])
    for action in truth["actions"]:
        assert set(action) == {"text", "owner", "due"} and action["text"].strip()
        assert action["owner"] is None or action["owner"].strip()
        if action["due"] is not None:
            date.fromisoformat(action["due"])


SECOND = sorted((CORPUS / "second_reading").glob("*.expected.json"))


def test_the_second_reading_annotates_corpus_files_in_the_scored_shape():
    split = json.loads((CORPUS / "split.json").read_text(encoding="utf-8"))
    names = [p.name.removesuffix(".expected.json") + ".md" for p in SECOND]
    assert [n for n in names if n not in split] == []
    # 24 dev files, and every held-out file: how far two readings agree on what the rules never saw
    assert sum(split[n] == "dev" for n in names) >= 20
    assert sorted(n for n in names if split[n] == "heldout") == sorted(n for n, s in split.items() if s == "heldout")
    for path in SECOND:
        truth = json.loads(path.read_text(encoding="utf-8"))
        assert set(truth) == {"date", "attendees", "decisions", "actions"}
        date.fromisoformat(truth["date"])
        assert all(a["attendance"] in ATTENDANCE for a in truth["attendees"])
        assert all(set(a) == {"text", "owner", "due"} for a in truth["actions"])
