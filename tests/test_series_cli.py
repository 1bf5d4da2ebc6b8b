"""Actions across a series end to end: series lookup, --previous, `previous:`, warnings, samples."""

from __future__ import annotations

import shutil

import docx
from conftest import ROOT

SERIES = ROOT / "samples" / "series"
FIRST, SECOND = "weekly-2026-11-17.yaml", "weekly-2026-11-24.yaml"


def copy_series(folder):
    for name in (FIRST, SECOND):
        shutil.copy(SERIES / name, folder / name)
    return folder / FIRST, folder / SECOND


def review_rows(path):
    """Return the rows (cell texts) of the review-of-previous-actions table of Word minutes."""
    document = docx.Document(str(path))
    for table in document.tables:
        header = [c.text for c in table.rows[0].cells]
        if header and header[-1] == "Comment" and header[0] == "ID":
            return [[c.text for c in row.cells] for row in table.rows[1:]]
    raise AssertionError("no previous-actions table")


def test_second_sample_minutes_show_carry_over_and_overdue(invoke, tmp_path):
    result = invoke("minutes", SERIES / SECOND, "-o", tmp_path / "m.docx", "-o", tmp_path / "m.md")
    assert result.exit_code == 0, result.output
    rows = {r[0]: r for r in review_rows(tmp_path / "m.docx")}
    assert list(rows) == ["W-033", "W-040", "W-041", "W-042"]
    assert "Overdue (4 days)" in rows["W-040"][4]          # carried, never restated
    assert rows["W-033"][4].startswith("In progress") and "Overdue (11 days)" in rows["W-033"][4]
    assert rows["W-033"][5] == "Facilities confirmed two rooms out of three."  # updated by id
    assert rows["W-042"][4] == "Done" and rows["W-041"][4] == "Open"
    md = (tmp_path / "m.md").read_text(encoding="utf-8")
    assert md.count("| **W-040** |") == 1 and "**Overdue (4 days)**" in md


def test_lookup_ignores_later_meetings_and_other_series(invoke, tmp_path):
    first, second = copy_series(tmp_path)
    other = tmp_path / "other.yaml"
    other.write_text(second.read_text(encoding="utf-8").replace(
        "series: HRIS weekly project meeting", "series: Another series").replace(
        "2026-11-24", "2026-11-01"), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a meeting", encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("meeting: [unclosed", encoding="utf-8")
    result = invoke("minutes", first, "-o", tmp_path / "first.md")
    assert result.exit_code == 0, result.output
    md = (tmp_path / "first.md").read_text(encoding="utf-8")
    assert "W-045" not in md and "W-031" in md  # nothing from the later meeting or other series
    result = invoke("minutes", second, "-o", tmp_path / "second.md")
    assert "| **W-040** |" in (tmp_path / "second.md").read_text(encoding="utf-8")


def test_explicit_previous_and_no_previous(invoke, tmp_path):
    first, second = copy_series(tmp_path)
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.move(str(second), alone / SECOND)
    result = invoke("minutes", alone / SECOND, "-o", tmp_path / "none.md")
    assert "| **W-040** |" not in (tmp_path / "none.md").read_text(encoding="utf-8")
    result = invoke("minutes", alone / SECOND, "--previous", first, "-o", tmp_path / "with.md")
    assert result.exit_code == 0, result.output
    assert "| **W-040** |" in (tmp_path / "with.md").read_text(encoding="utf-8")
    result = invoke("minutes", alone / SECOND, "--previous", first, "--no-previous",
                    "-o", tmp_path / "n.md")
    assert result.exit_code == 0
    assert "| **W-040** |" not in (tmp_path / "n.md").read_text(encoding="utf-8")


def test_previous_key_relative_to_the_input(invoke, tmp_path):
    first, second = copy_series(tmp_path)
    sub = tmp_path / "next"
    sub.mkdir()
    text = second.read_text(encoding="utf-8").replace(
        "series: HRIS weekly project meeting", "series: Renamed")
    (sub / "next.yaml").write_text(text + f"\nprevious:\n  - ../{FIRST}\n", encoding="utf-8")
    result = invoke("minutes", sub / "next.yaml", "-o", tmp_path / "k.md")
    assert result.exit_code == 0, result.output
    assert "| **W-040** |" in (tmp_path / "k.md").read_text(encoding="utf-8")


def test_conflicts_are_warnings_naming_both_files_exit_0(runner, tmp_path):
    from docgen.cli import cli

    first, second = copy_series(tmp_path)
    second.write_text(second.read_text(encoding="utf-8").replace(
        "text: Book the training rooms for the key-user sessions",
        "text: Order the coffee machine").replace(
        "status: in_progress\n    comment: Facilities confirmed two rooms out of three.",
        "status: in_progress"), encoding="utf-8")
    result = runner.invoke(cli, ["minutes", str(second), "-o", str(tmp_path / "c.md")])
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 1
    assert "W-033" in warnings[0] and FIRST in warnings[0] and SECOND in warnings[0]
    assert (tmp_path / "c.md").is_file()


def test_missing_previous_file_is_an_input_error(invoke, tmp_path):
    result = invoke("minutes", SERIES / SECOND, "--previous", tmp_path / "nope.yaml",
                    "-o", tmp_path / "x.md")
    assert result.exit_code == 2
    assert "nope.yaml" in result.stderr and not (tmp_path / "x.md").exists()
