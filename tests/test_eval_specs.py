"""The specification scorer (docgen.eval.specs) on two tiny hand-made specifications."""

from __future__ import annotations

import json

from docgen.eval.specs import main, score_folder, totals

KEYWORD_SPEC = """# Tiny keyword spec

The key words "MUST", "SHOULD" and "MAY" in this document are to be interpreted as
described in RFC 2119.

## Rules

The client MUST retry.

The client SHOULD log each retry.

The server MAY cache the answer.
"""

ID_SPEC = """# Tiny id spec

## Requirements

REQ-001 The system SHALL store every record.

REQ-002 The system SHOULD compress old records.
"""


def write(tmp_path, name, text, truth):
    (tmp_path / f"{name}.md").write_text(text, encoding="utf-8")
    (tmp_path / f"{name}.expected.json").write_text(json.dumps(truth), encoding="utf-8")


def corpus(tmp_path):
    write(tmp_path, "kw", KEYWORD_SPEC,
          {"mode": "keyword", "ids": [], "levels": {"must": 1, "should": 1, "may": 2}})
    write(tmp_path, "ids", ID_SPEC,
          {"mode": "id", "ids": ["REQ-001", "REQ-002"], "levels": {"must": 1, "should": 1, "may": 0}})
    (tmp_path / "split.json").write_text(
        json.dumps({"files": {"kw.md": "dev", "ids.md": "heldout"}}), encoding="utf-8")
    return tmp_path


def test_scores_per_file_and_totals(tmp_path):
    scores = {s.name: s for s in score_folder(corpus(tmp_path))}
    kw, ids = scores["kw.md"], scores["ids.md"]
    assert kw.found == {"must": 1, "should": 1, "may": 1}
    assert (kw.exact, kw.difference, kw.ids_ok) == (False, 1, None)
    assert ids.found == {"must": 1, "should": 1, "may": 0}
    assert (ids.exact, ids.difference, ids.ids_ok) == (True, 0, True)
    assert totals(list(scores.values())) == {
        "files": 2, "exact": 1, "expected": 6, "difference": 1, "difference_percent": 16.7,
        "specs_with_ids": 1, "ids_found_auto": 1}


def test_split_and_printed_report(tmp_path, capsys):
    folder = corpus(tmp_path)
    assert [s.name for s in score_folder(folder, "heldout")] == ["ids.md"]
    assert main([str(folder), "--split", "dev"]) == 0
    out = capsys.readouterr().out
    assert "kw.md" in out and "ids.md" not in out
    assert "files exact per level: 0 of 1" in out
    assert "total difference: 1 / 4 expected (25.0 %)" in out
    assert "ids found in auto mode: 0 of 0 specs with ids" in out
    assert main([str(folder), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["totals"]["exact"] == 1 and len(data["files"]) == 2
