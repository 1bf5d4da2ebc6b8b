"""Specifications in Word (.docx), Excel (.xlsx) and ReqIF (.reqif, .reqifz): what docgen reads from them.

Every fixture is made here, as a PMO would receive it: a Word specification with a title,
numbered headings, the BCP 14 boilerplate, numbered lists and a requirement table; a French
Excel matrix whose header sits on row 4 under a title; a DOORS-like ReqIF export with
chapters, XHTML text and a priority enumeration, and the same zipped.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from docgen.readers.table import ReadOptions, read

BOILERPLATE = ('The key words "MUST", "MUST NOT", "REQUIRED", "SHALL", "SHOULD" and "MAY" in this '
               "document are to be interpreted as described in BCP 14 [RFC2119] [RFC8174].")
TABLE = [("ID", "Requirement", "Priority"),
         ("PAY-010", "Export files MUST be signed with the payroll key.", "Must"),
         ("PAY-011", "Signing keys SHOULD be rotated every year.", "Should")]


def _word_spec(path: Path, table: bool = True) -> Path:
    """Write a Word specification: title, headings, boilerplate, lists, a requirement table."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("Payroll Interface Specification", style="Title")
    doc.add_heading("1 Conventions", 1)
    doc.add_paragraph(BOILERPLATE)
    doc.add_heading("2 Export", 1)
    doc.add_paragraph("PAY-001: The interface MUST export every active employee. It runs nightly.")
    doc.add_paragraph("The export file:")
    doc.add_paragraph("PAY-002 The file SHOULD be encoded in UTF-8.", style="List Number")
    doc.add_paragraph("PAY-003 Its name MAY carry the date.", style="List Number 2")
    doc.add_paragraph("Each transfer:")
    doc.add_paragraph("MUST be acknowledged within one hour.", style="List Bullet")
    doc.add_heading("2.1 Security", 2)
    if table:
        grid = doc.add_table(rows=0, cols=3)
        for row in TABLE:
            for cell, value in zip(grid.add_row().cells, row):
                cell.text = value
    doc.add_paragraph("PAY-020 Errors SHALL be logged with the employee number.")
    doc.save(path)
    return path


def _markdown_spec(path: Path, table: bool = True) -> Path:
    """Write the same specification as Markdown."""
    rows = "\n".join("| " + " | ".join(row) + " |" for row in TABLE[1:])
    text = f"""---
title: Payroll Interface Specification
---

# 1 Conventions

{BOILERPLATE}

# 2 Export

PAY-001: The interface MUST export every active employee. It runs nightly.

The export file:

1. PAY-002 The file SHOULD be encoded in UTF-8.
   - PAY-003 Its name MAY carry the date.

Each transfer:

- MUST be acknowledged within one hour.

## 2.1 Security

""" + (f"| ID | Requirement | Priority |\n| --- | --- | --- |\n{rows}\n\n" if table else "") + \
        "PAY-020 Errors SHALL be logged with the employee number.\n"
    path.write_text(text, encoding="utf-8")
    return path


def _requirements(path: Path, mode: str | None = None) -> tuple[dict, list[dict]]:
    source = read(path, "requirements", ReadOptions(mode=mode))
    return source.data["specification"], source.data["requirements"]


def test_word_spec_gives_the_requirements_of_the_same_markdown(tmp_path):
    spec, word = _requirements(_word_spec(tmp_path / "spec.docx"))
    md_spec, markdown = _requirements(_markdown_spec(tmp_path / "spec.md"))
    assert spec == md_spec == {"title": "Payroll Interface Specification"}
    assert word == markdown
    assert [(r["id"], r["level"], r["section"]) for r in word] == [
        ("PAY-001", "must", "2 Export"), ("PAY-002", "should", "2 Export"), ("PAY-003", "may", "2 Export"),
        ("PAY-010", "must", "2.1 Security"), ("PAY-011", "should", "2.1 Security"),
        ("PAY-020", "must", "2.1 Security")]
    assert word[0]["text"] == "The interface MUST export every active employee. It runs nightly."
    assert word[3]["text"] == "Export files MUST be signed with the payroll key."


def test_word_spec_in_keyword_mode_follows_the_markdown_rules(tmp_path):
    _, word = _requirements(_word_spec(tmp_path / "spec.docx", table=False), "keyword")
    _, markdown = _requirements(_markdown_spec(tmp_path / "spec.md", table=False), "keyword")
    assert word == markdown
    texts = [r["text"] for r in word]
    assert not any("interpreted as described" in t for t in texts)  # the boilerplate
    assert "Each transfer: MUST be acknowledged within one hour." in texts  # the lead-in
    assert [r["id"] for r in word][:2] == ["2-1", "2-2"]


def test_word_places_name_paragraphs_and_table_rows(tmp_path):
    source = read(_word_spec(tmp_path / "spec.docx"), "requirements")
    assert source.lines["requirements[0]"] == "paragraph 5"
    assert source.lines["requirements[4]"] == "table 1, row 3"
    assert source.lines["specification.title"] == "paragraph 1"


def test_word_table_with_bad_priority_is_reported_at_its_row(tmp_path, invoke):
    from docx import Document

    doc = Document()
    doc.add_heading("Scope", 1)
    grid = doc.add_table(rows=0, cols=3)
    for row in [("Req ID", "Description", "MoSCoW"), ("ESS-1", "Login by SSO.", "M"),
                ("ESS-2", "Dark mode.", "Someday")]:
        for cell, value in zip(grid.add_row().cells, row):
            cell.text = value
    doc.save(tmp_path / "spec.docx")
    result = invoke("checklist", tmp_path / "spec.docx", "-o", tmp_path / "c.json")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {tmp_path / 'spec.docx'}: table 1, row 3: requirements[1].level: 'someday' is not one of must, "
        "should, may"]
    assert not (tmp_path / "c.json").exists()


def test_localised_heading_styles_give_sections(tmp_path):
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE

    doc = Document()
    titre = doc.styles.add_style("Titre 1", WD_STYLE_TYPE.PARAGRAPH)
    doc.add_paragraph("Exigences générales", style=titre)
    doc.add_paragraph("GEN-01 Le système MUST journaliser les accès.")
    doc.add_paragraph("GEN-02 Le système SHOULD chiffrer les sauvegardes.")
    doc.save(tmp_path / "cdc.docx")
    spec, reqs = _requirements(tmp_path / "cdc.docx")
    assert spec["title"] == "Exigences générales"  # no Title style: the first heading
    assert [(r["id"], r["section"], r["level"]) for r in reqs] == [
        ("GEN-01", "Exigences générales", "must"), ("GEN-02", "Exigences générales", "should")]


def _french_matrix(path: Path, cover: bool = False) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Exigences"
    if cover:
        front = book.create_sheet("Page de garde", 0)
        front.append(["Titre", "Cahier des charges SIRH"])
        front.append(["Référence", "CDC-SIRH-004"])
        front.append(["Version", "2.1"])
    sheet["A1"] = "Matrice des exigences – SIRH"
    sheet["A2"] = "Diffusion restreinte"
    sheet.append([])
    sheet.append(["Réf.", "Domaine", "Libellé", "Priorité", "Catégorie"])
    sheet.append(["SIRH-001", "Paie", "Le système MUST exporter les salariés actifs.", "Obligatoire",
                  "fonctionnelle"])
    sheet.append(["SIRH-002", None, "Le fichier est signé électroniquement.", "Souhaité", "sécurité"])
    sheet.append(["Reporting"])
    sheet.append(["SIRH-003", None, "Un tableau de bord mensuel des effectifs.", "Optionnel", None])
    sheet.append(["SIRH-004", None, "Export vers l'ancien SIRH.", "Won't", None])
    sheet.append(["SIRH-005", None, "Les journaux SHALL être conservés un an.", None, None])
    sheet.append(["SIRH-006", None, "Alerte en cas d'échec.", "S", None])
    book.save(path)
    return path


def test_excel_matrix_in_french_with_header_on_row_4(tmp_path):
    source = read(_french_matrix(tmp_path / "matrice.xlsx"), "requirements")
    assert source.data["specification"] == {"title": "Matrice des exigences – SIRH"}
    reqs = source.data["requirements"]
    assert [(r["id"], r["section"], r["level"]) for r in reqs] == [
        ("SIRH-001", "Paie", "must"), ("SIRH-002", "Paie", "should"), ("SIRH-003", "Reporting", "may"),
        ("SIRH-005", "Reporting", "must"), ("SIRH-006", "Reporting", "should")]
    assert reqs[0]["category"] == "fonctionnelle" and reqs[0]["keywords"] == ["MUST"]
    assert reqs[3]["keywords"] == ["SHALL"]  # no priority: the keyword gives the level
    assert source.lines["requirements[1].level"] == "Exigences!D6"
    assert [str(w) for w in source.warnings] == [
        f"{tmp_path / 'matrice.xlsx'}: Exigences!A9: SIRH-004 is won't have (out of scope): left out of the checklist"]


def test_excel_matrix_title_from_its_cover_sheet(tmp_path):
    spec, reqs = _requirements(_french_matrix(tmp_path / "matrice.xlsx", cover=True))
    assert spec == {"title": "Cahier des charges SIRH", "reference": "CDC-SIRH-004", "version": "2.1"}
    assert len(reqs) == 5


def test_excel_matrix_errors_name_sheet_and_cell(tmp_path, invoke):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Requirements"
    sheet.append(["ID", "Text", "Level"])
    sheet.append(["CRM-1", "Contacts are deduplicated.", "Mandatory"])
    sheet.append(["CRM-2", "Quotes are versioned.", "Haute"])
    sheet.append(["CRM-3", None, "Desirable"])
    book.save(tmp_path / "crm.xlsx")
    result = invoke("checklist", tmp_path / "crm.xlsx", "-o", tmp_path / "c.json")
    assert result.exit_code == 2
    where = tmp_path / "crm.xlsx"
    assert sorted(result.stderr.strip().splitlines()) == sorted([
        f"error: {where}: Requirements!C3: requirements[1].level: 'haute' is not one of must, should, may",
        f"error: {where}: Requirements!A4: requirements[2].text: required key is missing"])


def test_excel_without_a_matrix_header_is_one_clear_error(tmp_path, invoke):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Name", "Budget"])
    book.save(tmp_path / "budget.xlsx")
    result = invoke("checklist", tmp_path / "budget.xlsx", "-o", tmp_path / "c.json")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "no requirement matrix found" in result.stderr


def _reqif(path: Path) -> Path:
    from reqif_fixture import reqif_document

    path.write_text(reqif_document(), encoding="utf-8")
    return path


def test_reqif_spec_objects_with_hierarchy(tmp_path):
    source = read(_reqif(tmp_path / "spec.reqif"), "requirements")
    assert source.data["specification"] == {"title": "Payroll Interface Specification"}
    assert source.data["requirements"] == [
        {"id": "PAY-001", "text": "The interface **MUST** export every active employee.", "level": "must",
         "keywords": ["MUST"], "section": "1 Export"},
        {"id": "PAY-002", "text": "The file SHOULD be encoded in UTF-8 & signed.", "level": "should",
         "keywords": ["SHOULD"], "section": "1 Export"},
        {"id": "OBJ-5", "text": "Keys are rotated yearly.", "level": "should", "keywords": [],
         "section": "1.1 Security"},
    ]
    assert isinstance(source.lines["requirements[0]"], int)


def test_reqifz_reads_as_the_reqif_inside(tmp_path):
    plain = _reqif(tmp_path / "spec.reqif")
    with zipfile.ZipFile(tmp_path / "spec.reqifz", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(plain, "export/spec.reqif")
    assert read(tmp_path / "spec.reqifz", "requirements").data == read(plain, "requirements").data


def test_reqif_checklist_through_the_cli(tmp_path, invoke):
    result = invoke("checklist", _reqif(tmp_path / "spec.reqif"), "-o", tmp_path / "c.json")
    assert result.exit_code == 0, result.stderr
    items = json.loads((tmp_path / "c.json").read_text())["items"]
    assert [i["id"] for i in items] == ["PAY-001", "PAY-002", "OBJ-5"]


def test_reqif_with_entities_is_refused(tmp_path, invoke):
    from reqif_fixture import reqif_document

    evil = reqif_document().replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>')
    (tmp_path / "evil.reqif").write_text(evil.replace("Keys are rotated", "&x; Keys"), encoding="utf-8")
    result = invoke("checklist", tmp_path / "evil.reqif", "-o", tmp_path / "c.json")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {tmp_path / 'evil.reqif'}: refused: declares a DTD or entities (XXE / entity expansion); "
        "ReqIF exports never need them"]


def test_reqifz_bomb_is_refused(tmp_path, invoke):
    with zipfile.ZipFile(tmp_path / "bomb.reqifz", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("spec.reqif", b"<REQ-IF>" + b" " * (40 * 1024 * 1024) + b"</REQ-IF>")
    result = invoke("checklist", tmp_path / "bomb.reqifz", "-o", tmp_path / "c.json")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "possible zip bomb" in result.stderr


@pytest.mark.parametrize("name", ["spec.docm", "matrix.xlsm"])
def test_macro_enabled_files_are_refused(tmp_path, invoke, name):
    (tmp_path / name).write_bytes(b"PK\x03\x04 not even read")
    result = invoke("checklist", tmp_path / name, "-o", tmp_path / "c.json")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {tmp_path / name}: refused: macro-enabled")


@pytest.mark.parametrize("name", ["spec.docx", "matrix.xlsx"])
def test_password_protected_files_are_refused(tmp_path, invoke, name):
    (tmp_path / name).write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    result = invoke("checklist", tmp_path / name, "-o", tmp_path / "c.json")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "password-protected" in lines[0] and lines[0].startswith(f"error: {tmp_path / name}: ")


def test_word_zip_bomb_is_refused(tmp_path, invoke):
    spec = _word_spec(tmp_path / "spec.docx")
    with zipfile.ZipFile(spec) as original:
        parts = {name: original.read(name) for name in original.namelist()}
    with zipfile.ZipFile(tmp_path / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in parts.items():
            archive.writestr(name, blob)
        archive.writestr("word/media/padding.bin", b"\x00" * (30 * 1024 * 1024))
    result = invoke("checklist", tmp_path / "bomb.docx", "-o", tmp_path / "c.json")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "possible zip bomb" in lines[0]
