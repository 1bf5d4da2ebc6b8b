"""Hostile shapes through the command line: notes, specifications, CSV and Markdown text fields.

Each case runs docgen in a child process capped at 10 s and 500 MB (tests/hostile.py). Input
that is weird but valid must give exit 0 and no traceback; input refused must be one clean
error line (exit 2) with nothing written.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.hostile import ROOT, assert_clean_failure, run_docgen, snapshot

FORMATS = ROOT / "docs" / "formats"
DEPTH = 400
MB = 1_000_000


def _ok(run, *outputs: Path) -> None:
    assert run.code != -9, f"ran past the time limit ({run.seconds:.1f} s)"
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    assert run.code == 0, (run.code, run.stderr[-2000:])
    for output in outputs:
        assert output.is_file() and output.stat().st_size > 0, output


def _nested_list(depth: int = DEPTH, indent: str = "    ") -> str:
    return "".join(indent * i + f"- level {i}\n" for i in range(depth))


def _notes(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "notes-2026-03-04.md"
    path.write_text("# Weekly sync 2026-03-04\n\n## Topic\n\n" + body, encoding="utf-8")
    return path


def _yaml_block(text: str, indent: int) -> str:
    pad = " " * indent
    return "|\n" + "".join(pad + line + "\n" for line in text.split("\n"))


def _meeting_with_notes(tmp_path: Path, notes: str) -> Path:
    base = (FORMATS / "meeting.yaml").read_text(encoding="utf-8")
    # the first agenda item's one-line notes become the hostile Markdown
    replaced, count = re.subn(r"(?m)^    notes: The minutes of committee.*$",
                              "    notes: " + _yaml_block(notes, 6).rstrip("\n"), base, count=1)
    assert count == 1
    path = tmp_path / "meeting.yaml"
    path.write_text(replaced, encoding="utf-8")
    return path


def _status_with_summary(tmp_path: Path, summary: str) -> Path:
    base = (FORMATS / "status.yaml").read_text(encoding="utf-8")
    start = base.index("  summary: |\n")
    end = base.index("\n\n", start)
    text = base[:start] + "  summary: " + _yaml_block(summary, 4).rstrip("\n") + base[end:]
    path = tmp_path / "status.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# -- Markdown notes ------------------------------------------------------------------------------

NOTES_BODIES = {
    "spaces": "x" + " " * MB + "x\n",
    "brackets": "[" * MB + "\n",
    "stars": "*" * MB + "\n",
    "nested_list": _nested_list(),
    "nested_list_2": _nested_list(indent="  "),
    "block_quotes": ">" * DEPTH + " deep\n",
    "table_10k_columns": "|" + "a|" * 10_000 + "\n|" + "-|" * 10_000 + "\n|" + "b|" * 10_000 + "\n",
    "open_comments": "<!--\n" * 10_000,
    "unclosed_tags": "<div>" * (MB // 5) + "\n",
    "no_newline": "word " * (MB // 5),
}


@pytest.mark.parametrize("shape", list(NOTES_BODIES))
def test_hostile_notes_render_to_word(shape: str, tmp_path: Path) -> None:
    notes = _notes(tmp_path, NOTES_BODIES[shape])
    run = run_docgen("minutes", notes, "-o", "m.docx", cwd=tmp_path)
    _ok(run, tmp_path / "m.docx")


def test_notes_over_200k_lines_are_refused(tmp_path: Path) -> None:
    notes = _notes(tmp_path, "a\n" * 200_001)
    before = snapshot(tmp_path)
    run = run_docgen("minutes", notes, "-o", "m.docx", cwd=tmp_path)
    assert_clean_failure(run, "notes-2026-03-04.md", "lines")
    assert snapshot(tmp_path) == before


def test_notes_over_20k_headings_are_refused(tmp_path: Path) -> None:
    notes = _notes(tmp_path, "# topic\n" * 20_001)
    before = snapshot(tmp_path)
    run = run_docgen("minutes", notes, "-o", "m.docx", cwd=tmp_path)
    assert_clean_failure(run, "notes-2026-03-04.md", "headings")
    assert snapshot(tmp_path) == before


def test_deep_notes_list_keeps_the_decision_after_it(tmp_path: Path) -> None:
    notes = _notes(tmp_path, _nested_list() + "\n## Decisions\n\n- Ship the release\n")
    run = run_docgen("minutes", notes, "-o", "m.md", cwd=tmp_path)
    _ok(run, tmp_path / "m.md")
    written = (tmp_path / "m.md").read_text(encoding="utf-8")
    assert "Ship the release" in written and f"level {DEPTH - 1}" in written


# -- Markdown fields of YAML inputs ----------------------------------------------------------------

@pytest.mark.parametrize("output", ["m.docx", "m.md", "m.html"])
def test_meeting_notes_with_a_400_level_list(output: str, tmp_path: Path) -> None:
    meeting = _meeting_with_notes(tmp_path, _nested_list())
    run = run_docgen("minutes", meeting, "-o", output, cwd=tmp_path)
    _ok(run, tmp_path / output)


def test_meeting_notes_with_400_block_quotes(tmp_path: Path) -> None:
    meeting = _meeting_with_notes(tmp_path, "".join(">" * i + " quoted\n" for i in range(1, DEPTH)))
    run = run_docgen("minutes", meeting, "-o", "m.docx", cwd=tmp_path)
    _ok(run, tmp_path / "m.docx")


def test_meeting_notes_with_20k_brackets(tmp_path: Path) -> None:
    meeting = _meeting_with_notes(tmp_path, "[" * 20_000)
    run = run_docgen("minutes", meeting, "-o", "m.docx", cwd=tmp_path)
    _ok(run, tmp_path / "m.docx")


def test_meeting_notes_list_markers_on_one_line(tmp_path: Path) -> None:
    meeting = _meeting_with_notes(tmp_path, "- " * DEPTH + "x")
    run = run_docgen("minutes", meeting, "-o", "m.docx", cwd=tmp_path)
    _ok(run, tmp_path / "m.docx")


@pytest.mark.parametrize("summary", ["nested_list", "quotes", "brackets"])
def test_status_summary_deep_or_bracketed(summary: str, tmp_path: Path) -> None:
    text = {"nested_list": _nested_list(), "quotes": ">" * DEPTH + " deep",
            "brackets": "[" * 20_000}[summary]
    status = _status_with_summary(tmp_path, text)
    run = run_docgen("deck", status, "-o", "deck.pptx", cwd=tmp_path)
    _ok(run, tmp_path / "deck.pptx")


# -- Markdown specifications ---------------------------------------------------------------------

SPEC_TAILS = {
    "spaces": "x" + " " * MB + "x\n",
    "brackets": "[" * MB + "\n",
    "nested_list": _nested_list(),
    "pipes": "|" * 100_000 + "\n",
    "open_comment": "<!--\n" + "a\n" * 100_000,
    "sentences": "Clients MUST do it. " * 50_000 + "\n",
}


@pytest.mark.parametrize("shape", list(SPEC_TAILS))
def test_hostile_spec_to_checklist(shape: str, tmp_path: Path) -> None:
    spec = tmp_path / "spec.md"
    spec.write_text((FORMATS / "spec.md").read_text(encoding="utf-8") + "\n" + SPEC_TAILS[shape],
                    encoding="utf-8")
    run = run_docgen("checklist", spec, "-o", "c.md", cwd=tmp_path)
    _ok(run, tmp_path / "c.md")


def test_spec_made_only_of_brackets_is_refused(tmp_path: Path) -> None:
    spec = tmp_path / "spec.md"
    spec.write_text("[" * MB, encoding="utf-8")
    run = run_docgen("checklist", spec, "-o", "c.md", cwd=tmp_path)
    assert_clean_failure(run, "spec.md", "no requirement found")
    assert not (tmp_path / "c.md").exists()


# -- CSV -----------------------------------------------------------------------------------------

def test_csv_spec_with_a_megabyte_cell_is_refused_cleanly(tmp_path: Path) -> None:
    spec = tmp_path / "spec.csv"
    spec.write_text('id,text\nREQ-1,"' + "[*_` " * (MB // 5) + '"\nREQ-2,The server MUST log.\n',
                    encoding="utf-8")
    run = run_docgen("checklist", spec, "-o", "c.csv", cwd=tmp_path)
    assert_clean_failure(run, "spec.csv:2", "CSV error")  # the csv module's 128 KiB cell limit
    assert not (tmp_path / "c.csv").exists()


def _hostile_cells(tmp_path: Path) -> tuple[Path, Path]:
    spec = tmp_path / "spec.csv"
    spec.write_text('id,text\nREQ-1,"' + "[*_` " * 25_000 + '"\nREQ-2,"' + ">" * DEPTH + ' x"\n',
                    encoding="utf-8")
    assessment = tmp_path / "assessment.csv"
    assessment.write_text('id,status,evidence\nREQ-1,compliant,"' + "[" * 100_000 + '"\n', encoding="utf-8")
    return spec, assessment


def test_csv_cells_of_hostile_markdown_to_markdown_and_json(tmp_path: Path) -> None:
    spec, assessment = _hostile_cells(tmp_path)
    run = run_docgen("checklist", spec, "--assessment", assessment, "-o", "c.md", "-o", "c.json",
                     cwd=tmp_path)
    _ok(run, tmp_path / "c.md", tmp_path / "c.json")


def test_csv_cells_of_hostile_markdown_under_the_cell_limit(tmp_path: Path) -> None:
    spec = tmp_path / "spec.csv"
    spec.write_text('id,text\nREQ-1,"' + "[*_` " * 25_000 + '"\nREQ-2,"' + ">" * DEPTH + ' x"\n',
                    encoding="utf-8")
    assessment = tmp_path / "assessment.csv"
    assessment.write_text('id,status,evidence\nREQ-1,compliant,"' + "[" * 100_000 + '"\n', encoding="utf-8")
    run = run_docgen("checklist", spec, "--assessment", assessment, "-o", "c.docx", "-o", "c.xlsx",
                     cwd=tmp_path)
    _ok(run, tmp_path / "c.docx", tmp_path / "c.xlsx")


def test_csv_with_10k_columns(tmp_path: Path) -> None:
    spec = tmp_path / "spec.csv"
    spec.write_text("id,text," + ",".join(f"c{i}" for i in range(10_000)) + "\nREQ-1,x MUST y,"
                    + ",".join("v" for _ in range(10_000)) + "\n", encoding="utf-8")
    run = run_docgen("checklist", spec, "-o", "c.md", cwd=tmp_path)
    _ok(run, tmp_path / "c.md")


def test_csv_with_an_unclosed_quote_over_a_megabyte(tmp_path: Path) -> None:
    spec = tmp_path / "spec.csv"
    spec.write_text('id,text\nREQ-1,"' + "a\n" * (MB // 2), encoding="utf-8")
    run = run_docgen("checklist", spec, "-o", "c.md", cwd=tmp_path)
    assert run.code != -9 and "Traceback" not in run.stderr, run.stderr[-2000:]
    assert run.code in (0, 2), (run.code, run.stderr[-2000:])
