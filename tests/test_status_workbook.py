"""The status workbook (#15): `templates init` writes status.xlsx; deck, validate and build read it.

The round trip fills the exported workbook with openpyxl, as Excel would save it, with the
values of docs/formats/status.yaml, and checks the deck is the YAML's. Errors name sheet and
cell; macro-enabled, password-protected and zip-bomb workbooks are refused in one line.
"""

from __future__ import annotations

import shutil
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from conftest import CONTRACT
from hostile import assert_clean_failure, run_docgen
from pptx import Presentation

from docgen.build.discover import kind_of
from docgen.deck.typography import plain
from docgen.inputs import load
from docgen.readers.yaml_source import read_yaml

EXAMPLE = CONTRACT / "status.yaml"
LIST_SHEETS = {"Workstreams": "workstreams", "Milestones": "milestones", "Budget": "budget", "Risks": "risks",
               "Issues": "issues", "Decisions": "decisions_required", "Actions": "actions"}


@pytest.fixture
def exported(invoke, tmp_path) -> Path:
    """Return the status.xlsx `docgen templates init` wrote."""
    result = invoke("templates", "init", tmp_path / "corp")
    assert result.exit_code == 0, result.output
    return tmp_path / "corp" / "status.xlsx"


def slide_texts(path: Path) -> list[str]:
    """Return every text of the deck at ``path``: text frames and table cells, slide by slide."""
    texts = []
    for slide in Presentation(path).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
    return texts


def dump(path: Path) -> dict:
    """Return the validated status of ``path`` as a dict, texts without trailing new lines."""
    def clean(value):
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value.rstrip("\n") if isinstance(value, str) else value
    return clean(load(path, "status").model_dump())


def as_cell(key: str, value: object) -> object:
    """Return a status value as Excel holds it: dates as dates, lists one item per line."""
    if isinstance(value, list):
        return "\n".join(map(str, value))
    if isinstance(value, str) and key in ("baseline", "forecast", "actual", "due", "deadline", "report_date"):
        return date.fromisoformat(value)
    return value


def fill_from_example(path: Path) -> dict:
    """Clear the data of the workbook at ``path`` and write the example's values with openpyxl; return them."""
    data = read_yaml(EXAMPLE).data
    book = openpyxl.load_workbook(path)
    for sheet_name, section in (("Project", "project"), ("Overall", "overall")):
        sheet = book[sheet_name]
        for row in sheet.iter_rows(min_row=2):
            key = row[0].value
            row[1].value = None
            if key in data[section]:
                row[1].value = as_cell(key, data[section][key])
            elif key.startswith("earned_value."):
                row[1].value = data["earned_value"][key.split(".")[1]]
    for sheet_name, key in LIST_SHEETS.items():
        sheet = book[sheet_name]
        headings = [c.value for c in sheet[1]]
        sheet.delete_rows(2, sheet.max_row)
        for entry in data[key]:
            sheet.append([as_cell(h, entry.get(h)) for h in headings])
    dims = book["Dimensions"]
    dims.delete_rows(2, dims.max_row)
    for name, dim in data["dimensions"].items():
        dims.append([name, dim["status"], dim.get("trend"), dim.get("comment")])
    for sheet_name, key in (("Achievements", "achievements"), ("Next steps", "next_steps")):
        book[sheet_name].delete_rows(2, book[sheet_name].max_row)
        for text in data[key]:
            book[sheet_name].append([text])
    book.save(path)
    return data


def test_init_writes_a_status_workbook_laid_out_as_the_format(exported):
    book = openpyxl.load_workbook(exported)
    assert book.sheetnames == ["README", "Project", "Overall", "Dimensions", "Workstreams", "Milestones", "Budget",
                               "Risks", "Issues", "Decisions", "Actions", "Achievements", "Next steps", "Sources"]
    assert [c.value for c in book["Risks"][1]] == ["id", "title", "probability", "impact", "owner", "mitigation",
                                                   "status", "trend"]
    assert [c.value for c in book["Dimensions"][1]] == ["dimension", "status", "trend", "comment"]
    assert book["Project"]["A2"].value == "name" and book["Project"]["B2"].value == "HRIS Core HR & Payroll Deployment"
    assert book["Project"]["C2"].value.endswith("(required)")
    assert all(book[name].freeze_panes == "A2" for name in book.sheetnames[1:])
    lists = {(str(v.sqref), v.formula1) for v in book["Risks"].data_validations.dataValidation}
    assert ("C2:C1000", '"1,2,3,4,5"') in lists and ("G2:G1000", '"open,closed"') in lists
    assert ("H2:H1000", '"up,stable,down"') in lists
    overall = {(str(v.sqref), v.formula1) for v in book["Overall"].data_validations.dataValidation}
    assert ("B2", '"green,amber,red"') in overall
    milestone = book["Milestones"]["C2"]
    assert milestone.is_date and milestone.value.date() == date(2026, 6, 30)
    assert book["Decisions"]["D2"].value == ("Go live on 5 January with manual corrections\n"
                                             "Second parallel run, go-live kept, buffer reduced")
    readme = "\n".join(str(c.value) for c in book["README"]["A"] if c.value)
    assert "docgen deck status.xlsx" in readme and "Risks!C3" in readme
    assert "| `status.xlsx` | Not a template" in (exported.parent / "README.md").read_text(encoding="utf-8")


def test_exported_workbook_gives_the_deck_of_the_yaml_example(invoke, exported, tmp_path):
    assert dump(exported) == dump(EXAMPLE)
    assert invoke("deck", exported, "-o", tmp_path / "xlsx.pptx").exit_code == 0
    assert invoke("deck", EXAMPLE, "-o", tmp_path / "yaml.pptx").exit_code == 0
    assert slide_texts(tmp_path / "xlsx.pptx") == slide_texts(tmp_path / "yaml.pptx")


def test_workbook_filled_in_with_openpyxl_gives_the_same_deck(invoke, exported, tmp_path):
    fill_from_example(exported)
    book = openpyxl.load_workbook(exported)
    book["Issues"]["E2"] = "2026-12-05"  # a date typed as text reads as well
    book["Risks"].insert_rows(2)  # an empty row is skipped
    book.save(exported)
    assert dump(exported) == dump(EXAMPLE)
    result = invoke("deck", exported, "-o", tmp_path / "xlsx.pptx", "-o", tmp_path / "report.md")
    assert result.exit_code == 0, result.output
    invoke("deck", EXAMPLE, "-o", tmp_path / "yaml.pptx")
    texts = slide_texts(tmp_path / "xlsx.pptx")
    assert texts == slide_texts(tmp_path / "yaml.pptx")
    assert "Payroll gaps not closed before go-live" in texts
    assert "Approve a second payroll parallel run" in (tmp_path / "report.md").read_text(encoding="utf-8")


def test_error_names_sheet_and_cell(invoke, exported):
    book = openpyxl.load_workbook(exported)
    book["Risks"].insert_rows(2)
    book["Risks"]["C3"] = 7
    book["Milestones"]["D3"] = "30/11/2026"
    book["Actions"]["B2"] = None
    book.save(exported)
    result = invoke("deck", exported)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert f"error: {exported}: Risks!C3: risks[0].probability: 7 is out of range (input should be less than or " \
           "equal to 5)" in lines
    assert any(line.startswith(f"error: {exported}: Milestones!D3: milestones[1].forecast: '30/11/2026' is not a "
                               "valid date") for line in lines)
    assert f"error: {exported}: Actions!B2: actions[0].text: required key is missing" in lines
    assert not exported.with_suffix(".pptx").exists()


def test_french_headings_any_case_and_options_split(tmp_path):
    book = openpyxl.Workbook()
    projet = book.active
    projet.title = "Projet"
    for row in (("Clé", "Valeur"), ("Nom", "Refonte paie"), ("Date du rapport", date(2026, 11, 23)),
                ("Langue", "fr")):
        projet.append(row)
    book.create_sheet("Global").append(["statut", "Amber"])
    risks = book.create_sheet("Risques")
    risks.append(["Réf", "  Titre ", "PROBABILITÉ", "impact", "Responsable", "Statut"])
    risks.append(["R-1", "Retard éditeur", 4, 3, "Inès", "Open"])
    risks.append([None, None, None, None, None, None])
    risks.append(["R-2", "Départ expert", "2", "5", "Paul", "closed"])
    jalons = book.create_sheet("Jalons")
    jalons.append(["Nom", "Date de référence", "Prévision", "Statut"])
    jalons.append(["Recette", "2026-12-01", date(2026, 12, 15), "at risk"])
    decisions = book.create_sheet("Décisions")
    decisions.append(["Titre", "Options", "Échéance"])
    decisions.append(["Choisir l'éditeur", "A; B\nC", date(2026, 12, 1)])
    actions = book.create_sheet("Actions")
    actions.append(["ID", "Texte", "Responsable", "Échéance", "Priorité"])
    actions.append(["A-1", "Relancer l'éditeur", "Hugo", date(2026, 12, 2), "High"])
    book.create_sheet("Axes").append(["Dimension", "Statut", "Tendance", "Commentaire"])
    book["Axes"].append(["Planning", "red", "down", "Recette décalée"])
    book["Axes"].append(["Qualité", None, None, None])  # a name alone: not reported
    path = tmp_path / "statut.xlsx"
    book.save(path)
    assert kind_of(path) == "status"
    status = load(path, "status")
    assert status.project.name == "Refonte paie" and status.project.report_date == date(2026, 11, 23)
    assert [(r.id, r.title, r.probability, r.impact, r.owner, r.status) for r in status.risks] == [
        ("R-1", "Retard éditeur", 4, 3, "Inès", "open"), ("R-2", "Départ expert", 2, 5, "Paul", "closed")]
    milestone = status.milestones[0]
    assert (milestone.baseline, milestone.forecast, milestone.slip_days, milestone.status) == (
        date(2026, 12, 1), date(2026, 12, 15), 14, "at_risk")
    assert status.decisions_required[0].options == ["A", "B", "C"]
    assert status.decisions_required[0].deadline == date(2026, 12, 1)
    assert (status.actions[0].owner, status.actions[0].due, status.actions[0].priority) == (
        "Hugo", date(2026, 12, 2), "high")
    assert status.dimensions.schedule.status == "red" and status.dimensions.quality is None


def test_build_takes_a_status_workbook(invoke, exported, tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    shutil.copy(exported, folder / "status.xlsx")
    other = openpyxl.Workbook()
    other.active.title = "RAID"
    other.save(folder / "raid.xlsx")  # a workbook without a Project sheet is not an input
    assert kind_of(folder / "status.xlsx") == "status" and kind_of(folder / "raid.xlsx") is None
    result = invoke("build", folder, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    # the cover keeps "(HRIS-26)" on one line (word joiners around its hyphen)
    assert plain(slide_texts(tmp_path / "out" / "status.pptx")[0]) == \
        "HRIS Core HR & Payroll Deployment (HRIS-26)"
    assert not (tmp_path / "out" / "raid.pptx").exists()


def test_validate_reads_a_status_workbook(invoke, exported):
    result = invoke("validate", exported)
    assert result.exit_code == 0 and f"ok: {exported} (status)" in result.output


# --- refused workbooks: one line, exit 2, in a child process capped in time and memory ----------


def test_macro_enabled_workbook_is_refused(exported):
    macro = exported.with_suffix(".xlsm")
    shutil.copy(exported, macro)
    run = run_docgen("deck", macro.name, cwd=exported.parent)
    assert_clean_failure(run, "status.xlsm: refused: macro-enabled Excel file (.xlsm); save it as .xlsx")
    assert len(run.stderr.strip().splitlines()) == 1


def test_password_protected_workbook_is_refused(tmp_path):
    (tmp_path / "status.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    run = run_docgen("deck", "status.xlsx", cwd=tmp_path)
    assert_clean_failure(run, "status.xlsx: refused: an encrypted (password-protected) or legacy binary Office file")
    assert len(run.stderr.strip().splitlines()) == 1


def test_zip_bomb_workbook_is_refused(exported):
    bomb = exported.parent / "bomb.xlsx"
    with zipfile.ZipFile(exported) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info.filename, source.read(info))
        with out.open("xl/media/pad.bin", "w") as pad:
            for _ in range(24):
                pad.write(bytes(1024 * 1024))  # 24 MB of zeros in about 24 KB
    assert bomb.stat().st_size < 200_000
    run = run_docgen("deck", bomb.name, cwd=bomb.parent)
    assert_clean_failure(run, "bomb.xlsx: refused: expands to more than 100 MB (possible zip bomb)")
    assert len(run.stderr.strip().splitlines()) == 1
    assert not bomb.with_suffix(".pptx").exists()
