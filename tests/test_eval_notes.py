"""The notes scorer (docgen.eval.notes) on two small hand-made files: exact figures."""

from __future__ import annotations

import json

import pytest

from docgen.eval import notes

MEETING = """\
# Team sync 2026-03-05

## Attendees

- Alice Martin
- Bob Stone
- Chloé Dubois

## Decisions

- Release 2.1 ships on Friday.

## Action items

- [ ] Alice Martin: update the release notes (due 2026-03-12)
- [ ] BS: book the demo room

The team agreed to drop the legacy exporter.
"""

TRUTH = {
    "date": "2026-03-05",
    "attendees": [{"name": "Alice Martin", "attendance": "present"},
                  {"name": "bob stone", "attendance": "present"},
                  {"name": "Chloe Dubois", "attendance": "present"},
                  {"name": "Dan Ray", "attendance": "excused"}],
    "decisions": ["Release 2.1 ships on Friday", "Drop the legacy exporter"],
    "actions": [{"text": "Update the release notes", "owner": "Alice Martin", "due": "2026-03-12"},
                {"text": "Book the demo room", "owner": "Bob Stone", "due": "2026-03-09"}],
}

NOT_A_MEETING = "Nothing here is a meeting.\n"

TRUTH_REFUSED = {
    "date": "2026-01-01",
    "attendees": [{"name": "Eve", "attendance": "present"}],
    "decisions": [],
    "actions": [{"text": "Write the minutes", "owner": "Eve", "due": None}],
}


def write(folder, name, text, truth):
    (folder / f"{name}.md").write_text(text, encoding="utf-8")
    (folder / f"{name}.expected.json").write_text(json.dumps(truth), encoding="utf-8")


def corpus(tmp_path):
    write(tmp_path, "sync", MEETING, TRUTH)
    write(tmp_path, "refused", NOT_A_MEETING, TRUTH_REFUSED)
    (tmp_path / "split.json").write_text(json.dumps({"sync.md": "dev", "refused.md": "heldout"}))
    (tmp_path / "README.md").write_text("# not annotated, not scored\n")
    return tmp_path


def test_scores_two_files_exactly(tmp_path):
    folder = corpus(tmp_path)
    results = [notes.score_file(p) for p in notes.annotated_files(folder)]
    assert [(r.name, r.status) for r in results] == [("refused.md", "refused"), ("sync.md", "read")]
    report = notes.summary(results)
    got = {f: (v["right"], v["truth"], v["found"]) for f, v in report["fields"].items()}
    assert got == {"attendees": (3, 5, 3), "decisions": (1, 2, 1), "actions": (2, 3, 2),
                   "owners": (2, 3, 2), "due": (1, 2, 1)}
    assert report["fields"]["attendees"]["recall"] == 0.6
    assert report["fields"]["due"]["precision"] == 1.0
    assert report["meeting_date"] == {"right": 1, "files": 2}
    assert report["refused"] == ["refused.md"] and report["crashed"] == []


def test_split_and_json_output(tmp_path, capsys):
    folder = corpus(tmp_path)
    assert notes.main([str(folder), "--split", "dev", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["files"] == 1
    assert report["fields"]["decisions"] == {"truth": 2, "found": 1, "right": 1,
                                             "recall": 0.5, "precision": 1.0}
    assert notes.main([str(folder), "--split", "heldout"]) == 0
    out = capsys.readouterr().out
    assert "meeting date: 0/1 files (0%)" in out
    assert "refused: 1 refused.md" in out


def test_matching_rules():
    assert notes.normalise_name("Théo @theo-b (Bordeaux)") == "theo bordeaux"
    assert notes.same_person("Ilhan", "@Ilhan") and notes.normalise_name("\\@mfisher87") == "mfisher87"
    assert notes.same_person("Matt Fisher", "MF") and notes.same_person("Léa Roux", "lea roux")
    assert not notes.same_person("Matt Fisher", "Greg") and not notes.same_person(None, "Greg")
    # one to one: the second, weaker candidate does not take a matched truth line
    truth = ["Publish the blog post", "Book the room"]
    found = ["Martin will publish the blog post on Friday", "publish the blog post", "lunch"]
    assert notes.match_texts(truth, found) == [(0, 1)]
    assert notes.overlap(notes.words("le comité valide le budget"), notes.words("Budget validé")) == 1.0
    assert notes.overlap(notes.words("Book the room"), notes.words("book a flight")) == 0.5


def test_owner_wrong_and_due_wrong_are_not_counted():
    found = {"date": "2026-03-05", "attendees": [], "decisions": [],
             "actions": [{"text": "update the release notes", "owner": "Bob", "due": "2026-03-13"}]}
    result = notes.score("x.md", TRUTH, found)
    assert vars(result.counts["actions"]) == {"truth": 2, "found": 1, "right": 1}
    assert vars(result.counts["owners"]) == {"truth": 2, "found": 1, "right": 0}
    assert vars(result.counts["due"]) == {"truth": 2, "found": 1, "right": 0}


def test_several_owners_match_however_they_are_joined():
    from docgen.eval.notes import same_person

    assert same_person("Sean and Alexa", "Sean, Alexa")
    assert same_person("Léa et Marc", "Marc / Léa")
    assert not same_person("Sean and Alexa", "Sean, Bob")
    assert not same_person("Sean and Alexa", "Sean")
    assert same_person("Greg Wilson", "GW")  # one person: initials, as before


def test_a_second_reading_is_scored_against_the_truth_beside_the_reader(tmp_path, capsys):
    folder = corpus(tmp_path)
    second = tmp_path / "second"
    second.mkdir()
    reading = dict(TRUTH, decisions=["Release 2.1 ships on Friday"],
                   actions=TRUTH["actions"][:1] + [{"text": "Book the demo room", "owner": "BS", "due": None}])
    (second / "sync.expected.json").write_text(json.dumps(reading), encoding="utf-8")
    assert notes.main([str(folder), "--against", str(second), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    readings, reader = report["second_reading"], report["reader"]
    assert readings["files"] == reader["files"] == 1  # only the file with a second reading
    got = {f: (v["right"], v["truth"], v["found"]) for f, v in readings["fields"].items()}
    assert got == {"attendees": (4, 4, 4), "decisions": (1, 2, 1), "actions": (2, 2, 2),
                   "owners": (2, 2, 2), "due": (1, 2, 1)}
    assert reader["fields"]["attendees"]["right"] == 3
    # the reader against the second reading, which kept one decision and wrote no due date
    against_second = {f: (v["right"], v["truth"], v["found"])
                      for f, v in report["reader_against_second"]["fields"].items()}
    found = {f: v["found"] for f, v in reader["fields"].items()}
    assert against_second["decisions"] == (1, 1, found["decisions"])
    assert against_second["due"][1] == 1


def test_against_refuses_the_per_file_options(tmp_path):
    folder = corpus(tmp_path)
    with pytest.raises(SystemExit) as stop:
        notes.main([str(folder), "--against", str(tmp_path), "--misses"])
    assert stop.value.code == 2
