"""Word meeting notes (.docx): read through the Markdown notes reader, problems named by paragraph."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from docgen import minutes
from docgen.errors import InputError
from docgen.readers.notes_docx import read_notes_docx, to_markdown

BULLETS = "90"  # the numId of the three-level bulleted list the fixtures add


def _label(doc, label: str, rest: str, style: str | None = None):
    """Return a paragraph opening with the bold run ``label``."""
    paragraph = doc.add_paragraph(style=style)
    paragraph.add_run(label).bold = True
    paragraph.add_run(rest)
    return paragraph


def _multilevel_bullets(doc) -> None:
    """Add a three-level bulleted list definition (numId BULLETS) to the numbering part."""
    numbering = doc.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for level in range(3):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        fmt = OxmlElement("w:numFmt")
        fmt.set(qn("w:val"), "bullet")
        text = OxmlElement("w:lvlText")
        text.set(qn("w:val"), "•")
        lvl.append(fmt)
        lvl.append(text)
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), BULLETS)
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)


def _item(doc, text: str, level: int, num_id: str = BULLETS):
    """Return a List Paragraph numbered by w:numPr (``num_id``, level ``level``)."""
    paragraph = doc.add_paragraph(text, style="List Paragraph")
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = int(num_id)
    return paragraph


def _hyperlink(paragraph, text: str, url: str) -> None:
    """Append a w:hyperlink to ``url`` showing ``text``."""
    rid = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def english_note(path: Path) -> Path:
    """Write the English steering-committee note as Word; return its path."""
    doc = docx.Document()
    _multilevel_bullets(doc)
    doc.add_paragraph("CRM Steering Committee #4", style="Title")
    _label(doc, "Date:", " 24 November 2026")
    _label(doc, "Location:", " Paris, room 4.02")
    doc.add_heading("Attendees", 1)
    for person in ("Claire Martin — Sponsor (Client)", "Marc Dubois — Project manager (Supplier)",
                   "Ana Lopez — Architect (Supplier)"):
        doc.add_paragraph(person, style="List Bullet")
    doc.add_heading("Agenda", 1)
    doc.add_heading("Budget review", 2)
    paragraph = doc.add_paragraph("The forecast is within budget; see the ")
    _hyperlink(paragraph, "dashboard", "https://example.com/crm/dashboard")
    paragraph.add_run(".")
    _label(doc, "Decision:", " Keep the go-live on 1 March 2027.")
    _label(doc, "ACTION:", " Marc Dubois to send the revised forecast (due 2026-12-01)")
    doc.add_heading("Data migration", 2)
    _item(doc, "Two rehearsals done", 0)
    _item(doc, "the second one in 3 hours", 1)
    _item(doc, "Cut-over planned for February", 0)
    _label(doc, "Decision:", " Approve the cut-over plan.")
    doc.add_paragraph("☐ Ana Lopez: book the rehearsal room (due 2026-12-05)")
    doc.add_heading("Planning", 2)
    table = doc.add_table(rows=3, cols=3)
    for row, cells in zip(table.rows, (("Action", "Owner", "Due"),
                                       ("Update the risk register", "Claire Martin", "2026-12-10"),
                                       ("Send the test plan", "Ana Lopez", "2026-12-15"))):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    doc.save(path)
    return path


ENGLISH_MARKDOWN = """\
# CRM Steering Committee #4

Date: 24 November 2026
Location: Paris, room 4.02

## Attendees

- Claire Martin — Sponsor (Client)
- Marc Dubois — Project manager (Supplier)
- Ana Lopez — Architect (Supplier)

## Agenda

### Budget review

The forecast is within budget; see the [dashboard](https://example.com/crm/dashboard).

Decision: Keep the go-live on 1 March 2027.

ACTION: Marc Dubois to send the revised forecast (due 2026-12-01)

### Data migration

- Two rehearsals done
    - the second one in 3 hours
- Cut-over planned for February

Decision: Approve the cut-over plan.

- [ ] Ana Lopez: book the rehearsal room (due 2026-12-05)

### Planning

| Action | Owner | Due |
| --- | --- | --- |
| Update the risk register | Claire Martin | 2026-12-10 |
| Send the test plan | Ana Lopez | 2026-12-15 |
"""


def french_note(path: Path) -> Path:
    """Write a French note (bold labels ``Présents :``, ``Décision :``, ``Responsable :``); return its path."""
    doc = docx.Document()
    doc.add_heading("Comité de pilotage SIRH — 10 mars 2026", 1)
    _label(doc, "Présents :", " Claire Martin, Marc Dubois, Ana Lopez")
    _label(doc, "Excusé :", " Paul Girard")
    doc.add_heading("Ordre du jour", 2)
    doc.add_heading("Budget", 3)
    doc.add_paragraph("Le budget 2026 est confirmé.")
    _label(doc, "Décision :", " le budget est validé.")
    doc.add_heading("Recette", 3)
    doc.add_paragraph("Valider le périmètre", style="List Number")
    item = _label(doc, "Action :", " Préparer le plan de recette. ", style="List Number")
    item.add_run("Responsable :").bold = True
    item.add_run(" Ana Lopez. ")
    item.add_run("Échéance :").bold = True
    item.add_run(" 20 mars 2026")
    doc.save(path)
    return path


def test_english_word_note_gives_the_minutes(tmp_path):
    note = minutes.load(english_note(tmp_path / "steering.docx"))
    assert note.meeting.title == "CRM Steering Committee #4"
    assert str(note.meeting.date) == "2026-11-24"
    assert note.meeting.location == "Paris, room 4.02"
    assert [(a.name, a.role, a.organisation) for a in note.attendees] == [
        ("Claire Martin", "Sponsor", "Client"), ("Marc Dubois", "Project manager", "Supplier"),
        ("Ana Lopez", "Architect", "Supplier")]
    assert [item.title for item in note.agenda] == ["Budget review", "Data migration", "Planning"]
    budget, migration, planning = note.agenda
    assert "[dashboard](https://example.com/crm/dashboard)" in budget.notes
    assert [d.text for d in budget.decisions] == ["Keep the go-live on 1 March 2027."]
    assert [(a.text, a.owner, str(a.due)) for a in budget.actions] == [
        ("send the revised forecast", "Marc Dubois", "2026-12-01")]
    assert migration.notes == "- Two rehearsals done\n    - the second one in 3 hours\n- Cut-over planned for February"
    assert [d.text for d in migration.decisions] == ["Approve the cut-over plan."]
    assert [(a.text, a.owner, str(a.due), a.status) for a in migration.actions] == [
        ("book the rehearsal room", "Ana Lopez", "2026-12-05", "open")]
    assert [(a.text, a.owner, str(a.due)) for a in planning.actions] == [
        ("Update the risk register", "Claire Martin", "2026-12-10"),
        ("Send the test plan", "Ana Lopez", "2026-12-15")]


def test_french_word_note(tmp_path):
    note = minutes.load(french_note(tmp_path / "copil.docx"))
    assert note.meeting.language == "fr"
    assert str(note.meeting.date) == "2026-03-10"
    assert note.meeting.title == "Comité de pilotage SIRH — 10 mars 2026"
    assert [(a.name, a.attendance) for a in note.attendees] == [
        ("Claire Martin", "present"), ("Marc Dubois", "present"), ("Ana Lopez", "present"),
        ("Paul Girard", "excused")]
    budget, recette = note.agenda
    assert [d.text for d in budget.decisions] == ["le budget est validé."]
    assert [(a.text, a.owner, str(a.due)) for a in recette.actions] == [
        ("Préparer le plan de recette.", "Ana Lopez", "2026-03-20")]
    assert recette.notes == "1. Valider le périmètre"


def test_word_note_reads_as_its_markdown(tmp_path):
    word = english_note(tmp_path / "steering.docx")
    markdown = tmp_path / "steering.md"
    markdown.write_text(ENGLISH_MARKDOWN, encoding="utf-8")
    assert minutes.load(word).model_dump() == minutes.load(markdown).model_dump()


def test_word_markdown_keeps_labels_lists_and_places(tmp_path):
    notes = to_markdown(docx.Document(english_note(tmp_path / "steering.docx")))
    lines = notes.lines
    assert lines[0] == "# CRM Steering Committee #4"
    assert "**Date:** 24 November 2026" in lines
    assert "### Data migration" in lines
    assert "    - the second one in 3 hours" in lines
    assert "- [ ] Ana Lopez: book the rehearsal room (due 2026-12-05)" in lines
    assert notes.place_of(lines.index("**Date:** 24 November 2026") + 1) == "paragraph 2"
    assert notes.place_of(lines.index("| Send the test plan | Ana Lopez | 2026-12-15 |") + 1) == "table 1, row 3"


def test_minutes_cli_on_word_notes(tmp_path, invoke):
    note = english_note(tmp_path / "steering.docx")
    out = tmp_path / "m.docx"
    result = invoke("minutes", note, "-o", out)
    assert result.exit_code == 0, result.output
    written = docx.Document(out)
    text = "\n".join(p.text for p in written.paragraphs)
    cells = "\n".join(c.text for t in written.tables for row in t.rows for c in row.cells)
    assert "CRM Steering Committee #4" in text + cells
    for expected in ("Keep the go-live on 1 March 2027.", "Approve the cut-over plan.",
                     "send the revised forecast", "book the rehearsal room", "Update the risk register"):
        assert expected in text + cells
    assert "Marc Dubois" in cells and "Ana Lopez" in cells


def test_macro_enabled_note_is_refused(tmp_path, invoke):
    note = english_note(tmp_path / "steering.docx")
    macro = tmp_path / "steering.docm"
    macro.write_bytes(note.read_bytes())
    result = invoke("minutes", macro, "-o", tmp_path / "m.docx")
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "steering.docm" in result.output and "macro" in result.output
    assert not (tmp_path / "m.docx").exists()


def test_note_holding_a_vba_project_is_refused(tmp_path, invoke):
    note = english_note(tmp_path / "steering.docx")
    with zipfile.ZipFile(note, "a") as package:
        package.writestr("word/vbaProject.bin", b"\x00" * 64)
    result = invoke("minutes", note, "-o", tmp_path / "m.docx")
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "vbaProject.bin" in result.output


def test_corrupt_note_is_refused(tmp_path, invoke):
    note = english_note(tmp_path / "steering.docx")
    note.write_bytes(note.read_bytes()[:2000])
    result = invoke("minutes", note, "-o", tmp_path / "m.docx")
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert result.output == f"error: {note}: is not a valid Word file (corrupt zip)\n"


def test_note_without_a_date_is_refused(tmp_path, invoke):
    doc = docx.Document()
    doc.add_heading("Weekly sync", 1)
    doc.add_paragraph("ACTION: Marc Dubois to send the forecast")
    note = tmp_path / "sync.docx"
    doc.save(note)
    with pytest.raises(InputError) as raised:
        minutes.load(note)
    assert str(raised.value) == (f"{note}: no meeting date found: add front matter `date:`, a `Date:` line, "
                                 "or a date in the file name")
    result = invoke("minutes", note, "-o", tmp_path / "m.docx")
    assert result.exit_code == 2 and "no meeting date found" in result.output


def test_date_and_title_from_document_properties(tmp_path):
    doc = docx.Document()
    doc.core_properties.title = "Architecture board 2026-10-06"
    doc.add_paragraph("Attendees: Claire Martin, Marc Dubois")
    doc.add_paragraph("Decision: Adopt the event bus.")
    note = tmp_path / "board.docx"
    doc.save(note)
    source = read_notes_docx(note)
    assert source.data["meeting"]["date"] == "2026-10-06"
    assert source.data["meeting"]["title"] == "Architecture board 2026-10-06"
    assert source.lines["meeting.date"] == source.lines["meeting.title"] == "document properties"
    assert [a.name for a in minutes.load(note).attendees] == ["Claire Martin", "Marc Dubois"]


def test_problem_names_the_word_place(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("Sync 2026-11-24", style="Title")
    doc.add_heading("Budget", 1)
    doc.add_paragraph("")
    doc.add_paragraph("Marc: send the forecast")
    table = doc.add_table(rows=2, cols=3)
    for row, cells in zip(table.rows, (("Action", "Owner", "Due"), ("Update", "Claire", "2026-02-31"))):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    doc.add_paragraph("Decision: keep the plan.")
    note = tmp_path / "sync.docx"
    doc.save(note)
    with pytest.raises(InputError) as raised:
        minutes.load(note)
    assert str(raised.value) == (f"{note}: table 1, row 2: agenda[0].actions[0].due: '2026-02-31' is not a valid "
                                 "date (day is out of range for month)")
    source = read_notes_docx(note)
    assert source.lines["agenda[0].decisions[0]"] == "paragraph 5"


def _field_link(paragraph, text: str, url: str) -> None:
    """Append a complex HYPERLINK field (begin, instruction, separate, result, end) showing ``text``."""
    def run(child):
        r = OxmlElement("w:r")
        r.append(child)
        paragraph._p.append(r)

    for kind, instruction in (("begin", None), (None, f' HYPERLINK "{url}" '), ("separate", None)):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run(char)
        else:
            instr = OxmlElement("w:instrText")
            instr.text = instruction
            run(instr)
    shown = OxmlElement("w:t")
    shown.text = text
    run(shown)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run(end)


def test_localised_styles_checkboxes_and_field_links(tmp_path):
    from docx.enum.style import WD_STYLE_TYPE

    doc = docx.Document()
    for name in ("Titre 1", "Titre 2", "Titre 3"):  # as LibreOffice names them in a French document: no basedOn
        doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    doc.add_paragraph("Point hebdo projet SIRH — mardi 10 mars 2026", style="Titre 1")
    doc.add_paragraph("Présents", style="Titre 2")
    doc.add_paragraph("Claire Martin, Ana Lopez")
    doc.add_paragraph("Ordre du jour", style="Titre 2")
    doc.add_paragraph("Fournisseurs", style="Titre 3")
    doc.add_paragraph("-----")
    paragraph = doc.add_paragraph("Voir le ")
    _field_link(paragraph, "planning", "https://example.com/planning")
    doc.add_paragraph("☒ Ana Lopez : relancer le fournisseur")
    doc.add_paragraph("☐ Claire Martin : valider le budget (pour le 17/03/2026)")
    notes = to_markdown(doc)
    assert notes.lines[:3] == ["# Point hebdo projet SIRH — mardi 10 mars 2026", "", "## Présents"]
    assert "-----" not in notes.lines
    assert "Voir le [planning](https://example.com/planning)" in notes.lines
    assert "- [x] Ana Lopez : relancer le fournisseur" in notes.lines
    path = tmp_path / "hebdo.docx"
    doc.save(path)
    note = minutes.load(path)
    assert (str(note.meeting.date), note.meeting.language) == ("2026-03-10", "fr")
    assert [a.name for a in note.attendees] == ["Claire Martin", "Ana Lopez"]
    (item,) = note.agenda
    assert (item.title, item.notes) == ("Fournisseurs", "Voir le [planning](https://example.com/planning)")
    assert [(a.text, a.owner, a.status, str(a.due)) for a in item.actions] == [
        ("relancer le fournisseur", "Ana Lopez", "done", "None"),
        ("valider le budget", "Claire Martin", "open", "2026-03-17")]


def test_password_protected_note_is_refused(tmp_path, invoke):
    note = tmp_path / "steering.docx"
    note.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096)
    result = invoke("minutes", note, "-o", tmp_path / "m.docx")
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "password-protected" in result.output


def test_default_output_does_not_overwrite_word_notes(tmp_path, invoke):
    note = english_note(tmp_path / "steering.docx")
    before = note.read_bytes()
    assert invoke("minutes", note).exit_code == 0
    assert note.read_bytes() == before
    minutes = docx.Document(str(tmp_path / "steering-minutes.docx"))
    assert minutes.paragraphs[0].text
