"""The agenda: Word content (python-docx), Markdown and HTML, CLI, French labels, empty cases."""

from __future__ import annotations

import docx
from conftest import CONTRACT, ROOT

SERIES = ROOT / "samples" / "series"
SECOND = SERIES / "weekly-2026-11-24.yaml"


def tables(path):
    return [[[c.text for c in row.cells] for row in t.rows] for t in docx.Document(str(path)).tables]


def paragraphs(path):
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_word_agenda_content(invoke, tmp_path):
    out = tmp_path / "agenda.docx"
    result = invoke("agenda", SECOND, "-o", out)
    assert result.exit_code == 0, result.output
    texts = paragraphs(out)
    assert texts[0] == "HRIS weekly project meeting – week 48"
    assert texts[1] == "Agenda · 24 November 2026 · 09:30–10:30"
    for heading in ("Invited", "Agenda", "Open actions to review",
                    "Documents to read before the meeting"):
        assert heading in texts
    assert "Parallel-run calendar (draft v2)" in texts
    assert "Dry run 2 reject list (shared drive, Migration/DR2)" in texts
    all_tables = tables(out)
    invited = next(t for t in all_tables if t[0] == ["Name", "Role", "Organisation"])
    assert ["Nadia Benali", "Change & training manager", "Client"] in invited
    assert len(invited) == 7
    agenda = next(t for t in all_tables if t[0][:2] == ["#", "Start"])
    assert agenda[0] == ["#", "Start", "Item", "Presenter", "Duration"]
    assert [r[1] for r in agenda[1:5]] == ["09:30", "09:35", "10:05", "10:20"]
    assert agenda[2][2:] == ["Payroll parallel run", "Inès Dupont", "30 min"]
    assert agenda[5][2] == "Total – End 10:30" and agenda[5][4] == "60 min"
    actions = next(t for t in all_tables if t[0][0] == "ID")
    ids = [r[0] for r in actions[1:]]
    assert ids == ["W-033", "W-040", "W-041"]  # carried from week 47; W-042 is done
    assert "Overdue (4 days)" in actions[2][4]
    # the document's hyperlink to the calendar is a real relationship
    rels = docx.Document(str(out)).part.rels.values()
    assert any(r.is_external and "parallel-run-calendar" in r.target_ref for r in rels)


def test_agenda_is_reproducible(invoke, tmp_path):
    invoke("agenda", SECOND, "-o", tmp_path / "a.docx")
    invoke("agenda", SECOND, "-o", tmp_path / "b.docx")
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()


def test_markdown_and_html_agenda(invoke, tmp_path):
    result = invoke("agenda", SECOND, "-o", tmp_path / "a.md", "-o", tmp_path / "a.html")
    assert result.exit_code == 0, result.output
    md = (tmp_path / "a.md").read_text(encoding="utf-8")
    assert "| 2 | 09:35 | Payroll parallel run | Inès Dupont | 30 min |" in md
    assert "| **W-040** |" in md and "**Overdue (4 days)**" in md
    assert "- [Parallel-run calendar (draft v2)](https://example.com/hris/parallel-run-calendar)" in md
    html = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert '<a href="https://example.com/hris/parallel-run-calendar">' in html
    assert "<b>10:05</b>" in html and "Overdue" in html


def test_contract_meeting_agenda_and_no_open_action(invoke, tmp_path):
    source = tmp_path / "meeting.yaml"
    source.write_text((CONTRACT / "meeting.yaml").read_text(encoding="utf-8").replace(
        "status: in_progress", "status: done"), encoding="utf-8")
    result = invoke("agenda", source)
    assert result.exit_code == 0, result.output
    out = tmp_path / "meeting-agenda.docx"
    assert "No open action to review." in paragraphs(out)
    agenda = next(t for t in tables(out) if t[0][:2] == ["#", "Start"])
    assert [r[1] for r in agenda[1:4]] == ["14:00", "14:05", "14:35"]


def test_french_agenda(invoke, tmp_path):
    result = invoke("agenda", ROOT / "samples" / "comite-pilotage.yaml", "-o", tmp_path / "odj.md")
    assert result.exit_code == 0, result.output
    md = (tmp_path / "odj.md").read_text(encoding="utf-8")
    assert "## Participants convoqués" in md and "## Actions ouvertes à passer en revue" in md
    assert "| # | Début | Point | Intervenant | Durée |" in md


def test_bad_output_extension_writes_nothing(invoke, tmp_path):
    result = invoke("agenda", SECOND, "-o", tmp_path / "a.pptx")
    assert result.exit_code == 2 and "a.pptx" in result.stderr
    assert not (tmp_path / "a.pptx").exists()
