"""Live-notes draft: `docgen minutes X.yaml --draft` then `docgen minutes notes.md` gives the minutes back."""

from __future__ import annotations

import re

from conftest import CONTRACT, ROOT

from docgen.minutes import load

SERIES = ROOT / "samples" / "series"


def normalised(minutes) -> dict:
    """Return the contract data of ``minutes`` with whitespace runs collapsed in every text.

    Left out: what the draft does not carry (documents to read, paths of earlier minutes, the
    purpose of an agenda item, which the notes reader has no line for yet) and the
    comment of a new action, which the one-line action items of the draft have no place for.
    """
    def norm(value):
        if isinstance(value, dict):
            return {k: norm(v) for k, v in value.items() if k not in ("documents", "previous", "purpose")}
        if isinstance(value, list):
            return [norm(v) for v in value]
        return re.sub(r"\s+", " ", value).strip() if isinstance(value, str) else value
    data = norm(minutes.model_dump())
    for item in data["agenda"]:
        for action in item["actions"]:
            action.pop("comment")
    return data


def draft(invoke, source, dest, *extra):
    result = invoke("minutes", source, "--draft", "-o", dest, *extra)
    assert result.exit_code == 0, result.output
    return dest.read_text(encoding="utf-8")


def test_draft_skeleton_layout(invoke, tmp_path):
    text = draft(invoke, SERIES / "weekly-2026-11-24.yaml", tmp_path / "notes.md")
    assert text.startswith("---\n# Live notes.")
    front, body = text.split("\n---\n", 1)
    assert "  series: HRIS weekly project meeting" in front and "- name: Nadia Benali" in front
    assert "# HRIS weekly project meeting – week 48" in body
    assert "## 2. Payroll parallel run\n\nPresenter: Inès Dupont\nDuration: 30 min" in body
    assert body.count("### Decisions") == 4 and body.count("### Actions") == 4
    # the open actions, carried from week 47 and updated by id, in a table to update
    assert "| W-040 | Deliver the overtime-code mapping for part-time contracts | Inès Dupont " \
           "| 2026-11-20 | Open | High |  |" in body
    assert "| W-033 |" in body and "| W-042 |" in body


def test_round_trip_keeps_everything_and_ids(invoke, tmp_path):
    for source in (CONTRACT / "meeting.yaml", ROOT / "samples" / "steering-committee.yaml",
                   SERIES / "weekly-2026-11-17.yaml"):
        notes = tmp_path / (source.stem + "-notes.md")
        draft(invoke, source, notes, "--no-previous")
        assert normalised(load(notes)) == normalised(load(source)), source.name


def test_filled_draft_gives_minutes_with_ids_kept(invoke, tmp_path):
    notes = tmp_path / "notes.md"
    text = draft(invoke, SERIES / "weekly-2026-11-24.yaml", notes)
    text = text.replace("| W-040 | Deliver the overtime-code mapping for part-time contracts "
                        "| Inès Dupont | 2026-11-20 | Open | High |  |",
                        "| W-040 | Deliver the overtime-code mapping for part-time contracts "
                        "| Inès Dupont | 2026-11-20 | Done | High | Delivered in the meeting. |")
    filled = text.replace(
        "## 3. Training plan\n\nPresenter: Sarah Cohen\nDuration: 15 min\n",
        "## 3. Training plan\n\nPresenter: Sarah Cohen\nDuration: 15 min\n\n"
        "Rooms are **booked**.\n")
    filled = filled.replace(
        "- W-046: Send the key-user training invitations — owner: Sarah Cohen, due 2026-12-01\n",
        "- W-046: Send the key-user training invitations — owner: Sarah Cohen, due 2026-12-01\n"
        "- W-047: Print the training guides — owner: Léa Moreau, due 2026-12-04\n")
    filled = filled.replace("## 4. Any other business\n\nDuration: 10 min\n\n### Decisions\n",
                            "## 4. Any other business\n\nDuration: 10 min\n\n### Decisions\n\n"
                            "- D-013: Keep the weekly slot (approved by Hugo Bernard)\n")
    assert filled != text
    notes.write_text(filled, encoding="utf-8")
    result = invoke("minutes", notes, "-o", tmp_path / "m.md", "-o", tmp_path / "m.docx")
    assert result.exit_code == 0, result.output
    minutes = load(notes)
    review = {a.id: a for a in minutes.previous_actions}
    assert review["W-040"].status == "done" and review["W-040"].comment == "Delivered in the meeting."
    assert review["W-033"].comment == "Facilities confirmed two rooms out of three."
    assert [a.id for a in minutes.actions] == ["W-045", "W-046", "W-047"]
    assert minutes.actions[2].owner == "Léa Moreau" and str(minutes.actions[2].due) == "2026-12-04"
    assert minutes.agenda[2].notes.startswith("Rooms are **booked**.\n\nKey-user sessions")
    assert [(d.id, d.approver) for d in minutes.decisions] == [("D-013", "Hugo Bernard")]
    md = (tmp_path / "m.md").read_text(encoding="utf-8")
    assert "| **W-047** | Print the training guides | Léa Moreau |" in md
    assert "| **W-040** |" in md and "Delivered in the meeting." in md


def test_french_draft_round_trip(invoke, tmp_path):
    source = tmp_path / "copil.yaml"
    # A-014's text holds "pilotes", a plain word that must not be read as the "pilote :" label.
    source.write_text((ROOT / "samples" / "comite-pilotage.yaml").read_text(encoding="utf-8"),
                      encoding="utf-8")
    notes = tmp_path / "copil-notes.md"
    text = draft(invoke, source, notes)
    assert "## Suivi des actions précédentes" in text and "Intervenant: " in text
    assert "responsable: " in text and "échéance 2026-" in text
    assert normalised(load(notes)) == normalised(load(source))


def test_draft_needs_a_markdown_output(invoke, tmp_path):
    result = invoke("minutes", SERIES / "weekly-2026-11-24.yaml", "--draft", "-o",
                    tmp_path / "n.docx")
    assert result.exit_code == 2 and "--draft" in result.stderr
    assert not (tmp_path / "n.docx").exists()
