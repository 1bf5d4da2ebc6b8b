"""What the notes reader reads from every real notes file, pinned as readable JSON.

One file per notes folder in ``tests/golden/notes/``: per notes file, the meeting date and
title, the attendees with attendance and role, the decisions, and the actions with owner, due
date and status. A change of the reader that changes any of it fails here, naming the files;
when the change is intended, regenerate with ``DOCGEN_REGEN=1 python3 -m pytest
tests/test_notes_golden.py`` and read the diff of the JSON before committing it. (The hand
truth of the corpus is ``NAME.expected.json``, scored by ``python -m docgen.eval.notes``; this
golden is what the reader gives, right or wrong.)
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from docgen.errors import InputError
from docgen.minutes import load

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden" / "notes"
FOLDERS = ("notes", "realworld_minutes", "realworld_more", "realworld_notes_corpus")


def reading(path: Path) -> dict:
    """Return what the reader gives for one notes file, in plain JSON types."""
    try:
        minutes = load(path)
    except InputError as exc:
        return {"refused": str(exc).splitlines()[0].replace(str(path), path.name)}
    return {
        "date": str(minutes.meeting.date),
        "title": minutes.meeting.title,
        "attendees": [[a.name, str(a.attendance), a.role] for a in minutes.attendees],
        "decisions": [d.text for d in minutes.decisions],
        "actions": [[a.text, a.owner, a.due and str(a.due), str(a.status)] for a in minutes.actions],
    }


@pytest.mark.parametrize("folder", FOLDERS)
def test_reader_output_is_pinned(folder):
    files = sorted((DATA / folder).glob("*.md"))
    files = [p for p in files if p.name != "README.md"]
    got = {p.name: reading(p) for p in files}
    golden = GOLDEN / f"{folder}.json"
    if os.environ.get("DOCGEN_REGEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        pytest.skip(f"regenerated {golden.relative_to(Path(__file__).parent)}")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    changed = sorted(name for name in got if expected.get(name) != got[name])
    assert changed == [], f"reader output changed (DOCGEN_REGEN=1 to accept): {changed}"
    assert sorted(expected) == sorted(got), "notes files added or removed: DOCGEN_REGEN=1"
