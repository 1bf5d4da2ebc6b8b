"""CSV inputs of `docgen checklist`: column checks, line numbers, BOM, semicolons."""

from __future__ import annotations

import pytest

from docgen.checklist import load_checklist
from docgen.errors import InputError
from docgen.readers.csv_table import read_csv_table


def test_rows_and_lines(tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes("\ufeffID, Text ,section\nA-1,\"two\nlines\",S1\n\nA-2,y,\n".encode())
    source = read_csv_table(path, "requirements", ("id", "text"))
    assert source.data["requirements"] == [
        {"id": "A-1", "text": "two\nlines", "section": "S1"}, {"id": "A-2", "text": "y"}]
    assert source.line_of("requirements[0].text") == 2
    assert source.line_of("requirements[1].id") == 5


def test_missing_columns_are_named(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("identifier,description\nA-1,x\n")
    with pytest.raises(InputError) as excinfo:
        load_checklist(path)
    assert str(excinfo.value) == (
        f"{path}:1: missing columns id, text (found: identifier, description)")


def test_csv_errors_carry_row_lines(tmp_path):
    spec = tmp_path / "r.csv"
    spec.write_text("id,text\nA-1,x\nA-2,\n")
    with pytest.raises(InputError) as excinfo:
        load_checklist(spec)
    assert [str(p) for p in excinfo.value.problems] == [
        f"{spec}:3: requirements[1].text: required key is missing"]


def test_empty_csv(tmp_path):
    spec = tmp_path / "r.csv"
    spec.write_text("id,text\n")
    with pytest.raises(InputError, match="requirements: must hold at least one entry"):
        load_checklist(spec)
    spec.write_text("")
    with pytest.raises(InputError, match="is empty"):
        load_checklist(spec)
