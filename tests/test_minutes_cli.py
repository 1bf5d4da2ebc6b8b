"""The minutes command end to end, and every bad-input case: one clear line, exit 2, nothing written."""

from __future__ import annotations

import docx
import pytest
from conftest import CONTRACT, REALWORLD_MINUTES


def test_version_and_help(invoke):
    from docgen import __version__

    result = invoke("--version")
    assert result.exit_code == 0 and __version__ in result.output
    result = invoke("minutes", "--help")
    assert result.exit_code == 0 and "--output" in result.output


def test_every_command_has_help_and_is_documented(invoke):
    from conftest import ROOT

    from docgen.cli import COMMANDS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        result = invoke(name, "--help")
        assert result.exit_code == 0, name
        assert "Usage:" in result.output
        assert f"docgen {name}" in readme, f"`docgen {name}` is not documented in README.md"


def test_default_output_next_to_input(invoke, tmp_path):
    source = tmp_path / "meeting.yaml"
    source.write_bytes((CONTRACT / "meeting.yaml").read_bytes())
    result = invoke("minutes", source)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "meeting.docx").is_file()


def test_several_outputs(invoke, tmp_path):
    result = invoke("minutes", CONTRACT / "meeting.yaml", "-o", tmp_path / "m.docx",
                    "-o", tmp_path / "m.md", "-o", tmp_path / "m.html")
    assert result.exit_code == 0, result.output
    md = (tmp_path / "m.md").read_text(encoding="utf-8")
    assert md.startswith("# HRIS Steering Committee n°7")
    assert "| **A-019** | Fix overtime rules for part-time contracts and re-test | Inès Dupont |" in md
    assert "[gap report](https://example.com/gap-report)" in md
    html = (tmp_path / "m.html").read_text(encoding="utf-8")
    assert '<a href="https://example.com/gap-report">gap report</a>' in html
    assert "<strong>October payroll</strong>" in html
    assert "<script" not in html


@pytest.mark.parametrize("name", ["nodejs-tsc-2018-08-29.md", "django-steering-council-2025-10-13.md"])
def test_real_markdown_minutes(invoke, tmp_path, name):
    dest = tmp_path / "out.docx"
    result = invoke("minutes", REALWORLD_MINUTES / name, "-o", dest)
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in docx.Document(str(dest)).paragraphs)
    assert "Agenda" in text


BAD_INPUTS = {
    "syntax": ("meeting:\n  title: x\n  date: [2026\n", "bad.yaml:3: YAML syntax error"),
    "missing": ("meeting:\n  date: 2026-01-05\nattendees: [{name: a}]\nagenda: [{title: t}]\n",
                "bad.yaml:1: meeting.title: required key is missing"),
    "type": ("meeting: {title: x, date: 2026-01-05}\nattendees: [{name: a}]\nagenda: {title: t}\n",
             "bad.yaml:3: agenda: expected a list"),
    "date": ("meeting: {title: x, date: 2026-02-30}\nattendees: [{name: a}]\nagenda: [{title: t}]\n",
             "meeting.date: '2026-02-30' is not a valid date (day is out of range for month)"),
    "enum": ("meeting: {title: x, date: 2026-01-05}\nattendees:\n  - name: a\n    attendance: maybe\n"
             "agenda: [{title: t}]\n",
             "bad.yaml:4: attendees[0].attendance: 'maybe' is not one of present, remote, excused, absent"),
    "empty": ("", "bad.yaml: is empty"),
    "not_mapping": ("- a\n- b\n", "bad.yaml:1: top level is a list, expected a mapping of keys"),
    "no_attendees": ("meeting: {title: x, date: 2026-01-05}\nagenda: [{title: t}]\n",
                     "bad.yaml: attendees: required key is missing"),
    "time": ("meeting: {title: x, date: 2026-01-05, start: '25:99'}\nattendees: [{name: a}]\n"
             "agenda: [{title: t}]\n", "meeting.start: '25:99' is not a time"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_one_clear_line_exit_2_nothing_written(invoke, tmp_path, case):
    text, expected = BAD_INPUTS[case]
    source = tmp_path / "bad.yaml"
    source.write_text(text, encoding="utf-8")
    dest = tmp_path / "out.docx"
    dest.write_bytes(b"previous minutes")
    result = invoke("minutes", source, "-o", dest)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert expected in result.output.replace(str(tmp_path) + "/", "")
    assert all(line.startswith("error: ") for line in result.output.splitlines())
    assert dest.read_bytes() == b"previous minutes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml", "out.docx"]


def test_all_problems_reported_together(invoke, tmp_path):
    source = tmp_path / "bad.yaml"
    source.write_text("meeting: {date: 2026-13-01}\nattendees:\n  - attendance: maybe\n"
                      "agenda: [{title: t, duration: long}]\n", encoding="utf-8")
    result = invoke("minutes", source, "-o", tmp_path / "x.docx")
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert len(lines) == 5, lines
    joined = "\n".join(lines)
    for expected in ("meeting.title: required key is missing", "meeting.date:",
                     "attendees[0].name: required key is missing", "attendees[0].attendance:",
                     "agenda[0].duration: 'long' is not a whole number"):
        assert expected in joined


def test_missing_input_file(invoke, tmp_path):
    result = invoke("minutes", tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert result.output.strip().endswith("nope.yaml: file not found")


def test_binary_input(invoke, tmp_path):
    source = tmp_path / "photo.yaml"
    source.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    result = invoke("minutes", source)
    assert result.exit_code == 2
    assert "is a binary file" in result.output


def test_non_utf8_input_decoded(invoke, tmp_path):
    source = tmp_path / "latin1.yaml"
    source.write_bytes("meeting: {title: Réunion, date: 2026-01-05}\nattendees: [{name: Zoé}]\n"
                       "agenda: [{title: Café}]\n".encode("cp1252"))
    dest = tmp_path / "m.docx"
    result = invoke("minutes", source, "-o", dest)
    assert result.exit_code == 0, result.output
    assert docx.Document(str(dest)).paragraphs[0].text == "Réunion"


def test_unknown_output_format(invoke, tmp_path):
    result = invoke("minutes", CONTRACT / "meeting.yaml", "-o", tmp_path / "m.odt")
    assert result.exit_code == 2
    assert "unknown output format '.odt'" in result.output


def test_times_written_without_quotes(invoke, tmp_path):
    source = tmp_path / "m.yaml"
    source.write_text("meeting: {title: T, date: 2026-01-05, start: 14:00, end: 9:30}\n"
                      "attendees: [{name: a}]\nagenda: [{title: t}]\n", encoding="utf-8")
    result = invoke("minutes", source, "-o", tmp_path / "m.md")
    assert result.exit_code == 0, result.output
    assert "14:00–09:30" in (tmp_path / "m.md").read_text(encoding="utf-8")


def test_validate_command(invoke, tmp_path):
    result = invoke("validate", CONTRACT / "meeting.yaml")
    assert result.exit_code == 0 and "ok:" in result.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("meeting: {title: x}\nattendees: [{name: a}]\nagenda: [{title: t}]\n")
    result = invoke("validate", CONTRACT / "meeting.yaml", bad)
    assert result.exit_code == 2
    assert "meeting.date: required key is missing" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml"]


def test_validate_every_contract_kind(invoke):
    files = [CONTRACT / n for n in ("meeting.yaml", "status.yaml", "requirements.yaml",
                                     "compliance.yaml", "spec.md")]
    result = invoke("validate", *files)
    assert result.exit_code == 0, result.output
    kinds = [line.rsplit("(", 1)[1].rstrip(")") for line in result.output.splitlines()]
    assert kinds == ["meeting", "status", "spec", "assessment", "spec"]


def test_validate_status_problem_has_key_path(invoke, tmp_path):
    bad = tmp_path / "status.yaml"
    bad.write_text((CONTRACT / "status.yaml").read_text(encoding="utf-8").replace(
        "status: amber                                  # (required)", "status: purple"),
        encoding="utf-8")
    result = invoke("validate", bad)
    assert result.exit_code == 2
    assert "overall.status: 'purple' is not one of green, amber, red" in result.output


@pytest.mark.parametrize("body, expected", [
    ("# {{ meeting.titel }}", "undefined variable (line 3): "),
    ("# {{ meeting.title.__class__.__mro__ }}", "refused by the template sandbox"),
    ("# {{ meeting.title }", "template syntax error (line 3): unexpected '}'"),
])
def test_text_template_errors_name_file_and_line(invoke, tmp_path, body, expected):
    folder = tmp_path / "pmo"
    folder.mkdir()
    (folder / "minutes.md.j2").write_text(
        '{% extends "builtin:minutes.md.j2" %}\n{% block title %}\n' + body + "{% endblock %}\n",
        encoding="utf-8")
    dest = tmp_path / "m.md"
    result = invoke("minutes", CONTRACT / "meeting.yaml", "-o", dest, "--templates", folder)
    assert result.exit_code == 2
    assert expected in result.output
    assert str(folder / "minutes.md.j2") in result.output
    assert not dest.exists()


def test_markdown_minutes_drop_empty_columns(invoke, tmp_path):
    dest = tmp_path / "tsc.md"
    result = invoke("minutes", REALWORLD_MINUTES / "nodejs-tsc-2018-08-29.md", "-o", dest)
    assert result.exit_code == 0, result.output
    text = dest.read_text(encoding="utf-8")
    assert "| Name | Organisation | Attendance |" in text
    assert "| Colin Ihrig (@cjihrig) | TSC | Present |" in text
