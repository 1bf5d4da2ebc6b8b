"""`docgen checklist` end to end: outputs, summary line, gate, warnings, bad input, Markdown specs."""

from __future__ import annotations

import json

import pytest
from conftest import CONTRACT

REQ, ASSESS, SPEC_MD = CONTRACT / "requirements.yaml", CONTRACT / "compliance.yaml", CONTRACT / "spec.md"


def test_several_outputs_and_summary_line(invoke, tmp_path):
    outs = [tmp_path / f"c.{ext}" for ext in ("docx", "xlsx", "md", "csv", "xml", "json")]
    args = ["checklist", REQ, "--assessment", ASSESS]
    for out in outs:
        args += ["-o", out]
    result = invoke(*args)
    assert result.exit_code == 0, result.stderr
    assert all(out.stat().st_size > 0 for out in outs)
    assert result.stdout.startswith(
        "checklist: 5 requirements, 2 compliant, 1 partial, 1 non compliant, 1 not applicable, "
        "0 not verified -> ")
    assert str(outs[0]) in result.stdout
    assert result.stderr == ""


def test_gate_fails_on_must_but_writes_output(invoke, tmp_path):
    out = tmp_path / "c.docx"
    result = invoke("checklist", REQ, "--assessment", ASSESS, "-o", out, "--fail-on", "must")
    assert result.exit_code == 1
    assert out.exists()
    assert "checklist: 5 requirements" in result.stdout
    assert "gate failed (--fail-on must): 1 must requirement not met: PAY-002 (partial)" in \
        result.stderr
    assert "Traceback" not in result.stderr


def test_gate_passes_when_nothing_at_level_fails(invoke, tmp_path):
    assessment = tmp_path / "a.yaml"
    assessment.write_text(
        "compliance:\n" + "".join(f"  - id: PAY-00{i}\n    status: compliant\n" for i in (1, 2, 4))
        + "  - id: PAY-003\n    status: partial\n    comment: one band\n", encoding="utf-8")
    ok = invoke("checklist", REQ, "-a", assessment, "-o", tmp_path / "c.json", "--fail-on", "must")
    assert ok.exit_code == 0
    bad = invoke("checklist", REQ, "-a", assessment, "-o", tmp_path / "c.json", "--fail-on", "should")
    assert bad.exit_code == 1 and "PAY-003 (partial)" in bad.stderr


def test_warnings_go_to_stderr_with_file_and_line(invoke, tmp_path):
    assessment = tmp_path / "a.yaml"
    assessment.write_text("compliance:\n  - id: PAY-002\n    status: partial\n", encoding="utf-8")
    result = invoke("checklist", REQ, "-a", assessment, "-o", tmp_path / "c.csv")
    assert result.exit_code == 0
    assert result.stderr == f"warning: {assessment}:2: compliance[0]: PAY-002 is partial but has no comment\n"


def test_bad_input_exit_2_nothing_written_existing_untouched(invoke, tmp_path):
    assessment = tmp_path / "a.yaml"
    assessment.write_text("compliance:\n  - id: PAY-001\n    status: done\n  - id: NOPE-1\n"
                          "    status: compliant\n", encoding="utf-8")
    out = tmp_path / "c.docx"
    out.write_bytes(b"previous")
    result = invoke("checklist", REQ, "-a", assessment, "-o", out, "-o", tmp_path / "new.xlsx")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {assessment}:3: compliance[0].status: 'done' is not one of")
    assert out.read_bytes() == b"previous"
    assert not (tmp_path / "new.xlsx").exists()
    assert list(tmp_path.glob("*.tmp")) == []


def test_unknown_id_error(invoke, tmp_path):
    assessment = tmp_path / "a.yaml"
    assessment.write_text("compliance:\n  - id: NOPE-1\n    status: compliant\n", encoding="utf-8")
    result = invoke("checklist", REQ, "-a", assessment, "-o", tmp_path / "c.md")
    assert result.exit_code == 2
    assert result.stderr == (f"error: {assessment}:2: compliance[0].id: 'NOPE-1' is not a "
                             "requirement of requirements.yaml\n")


@pytest.mark.parametrize("args, message", [
    (["-o", "x.odt"], "unknown output format '.odt'"),
    (["--mode", "keyword", "-o", "x.md"], "--mode and --id-pattern apply to Markdown"),
])
def test_option_errors(invoke, tmp_path, args, message):
    args = [str(tmp_path / a) if a.startswith("x.") else a for a in args]
    result = invoke("checklist", REQ, *args)
    assert result.exit_code == 2 and message in result.stderr


def test_output_is_required(invoke):
    result = invoke("checklist", REQ)
    assert result.exit_code == 2 and "-o" in result.stderr


def test_markdown_spec_by_identifier(invoke, tmp_path):
    out = tmp_path / "c.json"
    result = invoke("checklist", SPEC_MD, "-o", out)
    assert result.exit_code == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["specification"]["reference"] == "SPEC-ESS-002"
    assert [i["id"] for i in data["items"]] == [f"ESS-00{n}" for n in range(1, 7)]
    assert "ESS-999" not in out.read_text(encoding="utf-8")
    levels = {i["id"]: (i["level"], i["section"]) for i in data["items"]}
    assert levels["ESS-004"] == ("may", "2. Payslips")
    assert levels["ESS-005"] == ("must", "3. Leave requests")
    assert result.stdout.startswith("checklist: 6 requirements")


def test_markdown_without_requirement_suggests_the_other_mode(invoke, tmp_path):
    spec = tmp_path / "s.md"
    spec.write_text("# Notes\n\nNothing normative here.\n", encoding="utf-8")
    result = invoke("checklist", spec, "--mode", "id", "-o", tmp_path / "c.md")
    assert result.exit_code == 2
    assert "no requirement" in result.stderr.lower() and "--mode keyword" in result.stderr
    assert not (tmp_path / "c.md").exists()
