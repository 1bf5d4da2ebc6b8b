"""Every Markdown output drops unsafe link targets (javascript:, data:, vbscript:) from the inputs' text."""

from __future__ import annotations

import yaml
from conftest import CONTRACT

PAYLOAD = "[click me](javascript:alert(1))"


def _copy(tmp_path, name: str, edit) -> object:
    data = yaml.safe_load((CONTRACT / name).read_text(encoding="utf-8"))
    edit(data)
    dest = tmp_path / name
    dest.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return dest


def _assert_neutralised(text: str) -> None:
    assert "javascript:" not in text.replace("javascript\\:", "")
    assert "click me" in text


def test_checklist_markdown(invoke, tmp_path):
    def edit(data):
        data["compliance"][0]["evidence"] = PAYLOAD
    assessment = _copy(tmp_path, "compliance.yaml", edit)
    out = tmp_path / "c.md"
    result = invoke("checklist", CONTRACT / "requirements.yaml", "--assessment", assessment, "-o", out)
    assert result.exit_code == 0, result.output
    _assert_neutralised(out.read_text(encoding="utf-8"))


def test_action_register_markdown(invoke, tmp_path):
    def edit(data):
        data["agenda"][1]["actions"][0]["text"] = f"Read {PAYLOAD}"
    meeting = _copy(tmp_path, "meeting.yaml", edit)
    out = tmp_path / "r.md"
    assert invoke("actions", meeting, "-o", out).exit_code == 0
    _assert_neutralised(out.read_text(encoding="utf-8"))


def test_status_report_markdown(invoke, tmp_path):
    def edit(data):
        data["overall"]["summary"] = f"See {PAYLOAD}."
    status = _copy(tmp_path, "status.yaml", edit)
    out = tmp_path / "report.md"
    assert invoke("deck", status, "-o", out).exit_code == 0
    _assert_neutralised(out.read_text(encoding="utf-8"))


def test_live_notes_draft(invoke, tmp_path):
    def edit(data):
        data["agenda"][0]["notes"] = f"See {PAYLOAD}."
    meeting = _copy(tmp_path, "meeting.yaml", edit)
    out = tmp_path / "notes.md"
    assert invoke("minutes", meeting, "--draft", "--no-previous", "-o", out).exit_code == 0
    _assert_neutralised(out.read_text(encoding="utf-8"))
