"""Document control of minutes: draft minutes carry a DRAFT watermark (Word, PDF) and a control table;
`docgen minutes --approve --by NAME [--on DATE]` writes the approved minutes and records the approval."""

from __future__ import annotations

import zipfile

import pytest
from office import needs_office, render

MEETING = """\
# Committee minutes: comments and key order survive --approve
meeting:
  title: Steering committee n°3   # the title
  date: 2026-03-30
  status: draft                   # draft until the chair approves
  version: "0.2"
  chair: Claire Martin

attendees:
  - {name: Claire Martin}
agenda:
  - {title: Go/no-go, presenter: Claire Martin, duration: 20, purpose: decision}
"""


@pytest.fixture
def meeting(tmp_path):
    path = tmp_path / "meeting.yaml"
    path.write_text(MEETING, encoding="utf-8")
    return path


def header_xml(path) -> str:
    with zipfile.ZipFile(path) as package:
        return "".join(package.read(n).decode() for n in package.namelist() if n.startswith("word/header"))


def test_draft_docx_holds_the_watermark_shape(invoke, meeting, tmp_path):
    dest = tmp_path / "m.docx"
    assert invoke("minutes", meeting, "--no-previous", "-o", dest).exit_code == 0
    xml = header_xml(dest)
    assert "PowerPlusWaterMarkObject" in xml and 'string="DRAFT"' in xml and ">DRAFT</w:t>" in xml
    assert 'behindDoc="1"' in xml and "<mc:AlternateContent>" in xml


def test_no_status_means_no_watermark_and_no_control_table(invoke, meeting, tmp_path):
    path = tmp_path / "plain.yaml"
    path.write_text(MEETING.replace("  status: draft                   # draft until the chair approves\n", "")
                    .replace('  version: "0.2"\n', ""), encoding="utf-8")
    word, md = tmp_path / "m.docx", tmp_path / "m.md"
    assert invoke("minutes", path, "--no-previous", "-o", word, "-o", md).exit_code == 0
    assert "WaterMark" not in header_xml(word)
    assert "Document control" not in md.read_text(encoding="utf-8")


def test_control_table_and_purpose_in_text_outputs(invoke, meeting, tmp_path):
    md, html = tmp_path / "m.md", tmp_path / "m.html"
    assert invoke("minutes", meeting, "--no-previous", "-o", md, "-o", html).exit_code == 0
    text = md.read_text(encoding="utf-8")
    assert "## Document control" in text and "| 0.2 | 30 March 2026 | Draft |  |" in text
    assert "Purpose: Decision" in text
    page = html.read_text(encoding="utf-8")
    assert "Document control</h2>" in page and "<td" in page and ">Draft</td>" in page


def test_approve_writes_the_approved_minutes_and_records_it(invoke, meeting, tmp_path):
    dest = tmp_path / "m.docx"
    result = invoke("minutes", meeting, "--no-previous", "--approve", "--by", "Claire Martin",
                    "--on", "2026-04-02", "-o", dest, "-o", tmp_path / "m.md")
    assert result.exit_code == 0, result.output
    text = meeting.read_text(encoding="utf-8")
    assert text == MEETING.replace("status: draft                   #", "status: approved                   #") \
        .replace("  chair: Claire Martin\n", "  chair: Claire Martin\n  approved_by: Claire Martin\n"
                 "  approved_on: 2026-04-02\n")
    assert "WaterMark" not in header_xml(dest)
    assert "| 0.2 | 2 April 2026 | Approved | Claire Martin |" in (tmp_path / "m.md").read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".*tmp*")) and sorted(p.name for p in tmp_path.iterdir()) == [
        "m.docx", "m.md", "meeting.yaml"]


def test_approve_twice_replaces_the_values_and_defaults_to_the_meeting_date(invoke, meeting, tmp_path):
    for name in ("Hugo Bernard", "Claire Martin"):
        assert invoke("minutes", meeting, "--no-previous", "--approve", "--by", name,
                      "-o", tmp_path / "m.md").exit_code == 0
    text = meeting.read_text(encoding="utf-8")
    assert text.count("approved_by:") == 1 and "approved_by: Claire Martin\n" in text
    assert "approved_on: 2026-03-30\n" in text


@pytest.mark.parametrize("args, message", [
    (["--approve"], "--approve needs --by"),
    (["--by", "X"], "--by and --on go with --approve"),
    (["--approve", "--by", "X", "--on", "2026-02-30"], "--on: '2026-02-30' is not a valid date"),
])
def test_approve_misuse_is_exit_2_and_writes_nothing(invoke, meeting, tmp_path, args, message):
    result = invoke("minutes", meeting, "--no-previous", *args, "-o", tmp_path / "m.md")
    assert result.exit_code == 2 and message in result.output
    assert meeting.read_text(encoding="utf-8") == MEETING and not (tmp_path / "m.md").exists()


def test_bad_status_is_one_line_naming_the_key(invoke, tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(MEETING.replace("status: draft", "status: final"), encoding="utf-8")
    result = invoke("minutes", path, "--no-previous", "-o", tmp_path / "m.md")
    assert result.exit_code == 2
    assert "m.yaml:5: meeting.status: 'final' is not one of draft, approved" in result.output


def test_with_meeting_keys_keeps_crlf_flow_values_and_refuses_flow_meeting():
    from docgen.errors import InputError
    from docgen.renderers.meeting_yaml import with_meeting_keys

    text = "meeting:\r\n  title: 'A # b'\r\n  approved_by: >\r\n    Someone\r\n    Else\r\nagenda: []\r\n"
    out = with_meeting_keys(text, {"approved_by": "Zoé: chair"}, "m.yaml")
    assert out == "meeting:\r\n  title: 'A # b'\r\n  approved_by: \"Zoé: chair\"\r\nagenda: []\r\n"
    with pytest.raises(InputError, match="block-style 'meeting:'"):
        with_meeting_keys("meeting: {title: A}\n", {"status": "approved"}, "m.yaml")


@needs_office
@pytest.mark.office
def test_libreoffice_shows_draft_only_on_draft_minutes(invoke, meeting, tmp_path):
    draft, approved = tmp_path / "draft.docx", tmp_path / "approved.docx"
    assert invoke("minutes", meeting, "--no-previous", "-o", draft).exit_code == 0
    assert invoke("minutes", meeting, "--no-previous", "--approve", "--by", "Claire Martin",
                  "-o", approved).exit_code == 0
    assert "DRAFT" in render(draft, tmp_path / "d").words
    assert "DRAFT" not in render(approved, tmp_path / "a").words
