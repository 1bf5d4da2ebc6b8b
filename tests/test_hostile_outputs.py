"""Hostile content in outputs: script injection in HTML, formula injection in CSV and XLSX,
all-or-nothing multi-output runs, and output permissions that follow the umask.

Inputs are the format examples of docs/formats, copied to tmp_path and given a payload in one
field; every assertion opens the output (HTML parsed, CSV read, workbooks and documents opened).
"""

from __future__ import annotations

import csv
import json
import os
import stat
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import CONTRACT
from hostile import run_docgen, snapshot

from docgen.output import atomic_write_text, staged_outputs, staged_path

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
JS_LINK = "[click here](javascript:alert(3))"
JS_ENTITY_LINK = "[click here](JaVa&#115;cript&#58;alert(4))"
JS_REFERENCE = "[click here][evil]\n\n[evil]: javascript:alert(5)"
JS_RAW_ANCHOR = '<a href="javascript:alert(6)">click here</a>'
HTML_PAYLOADS = [SCRIPT, IMG, JS_LINK, JS_ENTITY_LINK, JS_REFERENCE, JS_RAW_ANCHOR]
LINK_PAYLOADS = [JS_LINK, JS_ENTITY_LINK, JS_REFERENCE]
FORMULAS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1)", "\t=1"]


# --- helpers -----------------------------------------------------------------------------------


def load(name: str) -> dict:
    """Return the format example docs/formats/NAME as data."""
    return yaml.safe_load((CONTRACT / name).read_text(encoding="utf-8"))


def dump(data: dict, path: Path) -> Path:
    """Write ``data`` as YAML to ``path`` and return it."""
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def meeting_with(tmp_path: Path, field: str, payload: str) -> Path:
    """Return a copy of the meeting example whose ``field`` holds ``payload``."""
    data = load("meeting.yaml")
    if field == "notes":
        data["notes"] = payload
    elif field == "agenda.notes":
        data["agenda"][1]["notes"] = payload
    elif field == "action.text":
        data["agenda"][1]["actions"][0]["text"] = payload
    elif field == "action.comment":
        data["agenda"][1]["actions"][1]["comment"] = payload
    elif field == "action.owner":
        data["agenda"][1]["actions"][0]["owner"] = payload
    elif field == "previous.text":
        data["previous_actions"][1]["text"] = payload
    elif field == "previous.comment":
        data["previous_actions"][1]["comment"] = payload
    elif field == "decision.text":
        data["agenda"][1]["decisions"][0]["text"] = payload
    elif field == "title":
        data["meeting"]["title"] = payload
    elif field == "links.url":
        data["links"][0]["url"] = payload
    elif field == "links.label":
        data["links"][0]["label"] = payload
    elif field == "documents.url":
        data["documents"][0]["url"] = payload
    else:
        raise AssertionError(field)
    return dump(data, tmp_path / "meeting.yaml")


class _Tags(HTMLParser):
    """Collects every start tag with its attributes (character references decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def assert_inert(page: str) -> str:
    """Assert the HTML ``page`` runs no script; return its visible text.

    No <script> (nor iframe/object/embed) element, no on* attribute, no href/src whose scheme is
    javascript:, vbscript: or data: once decoded as a browser decodes it.
    """
    assert "<script" not in page.lower()
    parser = _Tags()
    parser.feed(page)
    for tag, attrs in parser.tags:
        assert tag not in ("script", "iframe", "object", "embed"), tag
        for name, value in attrs.items():
            assert not name.lower().startswith("on"), (tag, name, value)
            if name.lower() in ("href", "src", "action", "formaction"):
                probe = "".join(ch for ch in (value or "") if ord(ch) > 32).lower()
                assert not probe.startswith(("javascript:", "vbscript:", "data:")), (tag, name, value)
    return "".join(parser.text)


def read_csv(path: Path) -> list[dict[str, str]]:
    """Return the rows of the CSV file at ``path`` as dicts."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def assessment_with(tmp_path: Path, payload: str, field: str) -> tuple[Path, Path]:
    """Return copies of the requirements and compliance examples with ``payload`` in ``field``."""
    requirements, compliance = load("requirements.yaml"), load("compliance.yaml")
    if field == "text":
        requirements["requirements"][0]["text"] = payload
    else:
        compliance["compliance"][0][field] = payload
    return (dump(requirements, tmp_path / "requirements.yaml"),
            dump(compliance, tmp_path / "compliance.yaml"))


# --- HTML: minutes ------------------------------------------------------------------------------

MARKDOWN_FIELDS = ["agenda.notes", "action.text", "previous.comment", "previous.text", "notes"]


@pytest.mark.parametrize("field", MARKDOWN_FIELDS)
@pytest.mark.parametrize("payload", HTML_PAYLOADS, ids=["script", "img", "js-link", "js-entity",
                                                        "js-reference", "raw-anchor"])
def test_minutes_html_free_text_is_inert(tmp_path, invoke, field, payload):
    source = meeting_with(tmp_path, field, payload)
    out = tmp_path / "m.html"
    result = invoke("minutes", source, "-o", out)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    text = assert_inert(page)
    if payload == SCRIPT:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown, escaped
    elif payload == IMG:
        assert "&lt;img src=x onerror=alert(2)&gt;" in page
    elif payload == JS_RAW_ANCHOR:
        assert '&lt;a href="javascript:alert(6)"&gt;click here&lt;/a&gt;' in page
    else:
        assert "click here" in text  # the link's text stays, as plain text
        assert "javascript" not in page.lower()


@pytest.mark.parametrize("field", ["title", "decision.text", "action.owner", "links.label"])
def test_minutes_html_plain_fields_are_escaped(tmp_path, invoke, field):
    source = meeting_with(tmp_path, field, SCRIPT + IMG)
    out = tmp_path / "m.html"
    assert invoke("minutes", source, "-o", out).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert_inert(page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;" in page


@pytest.mark.parametrize("url", ["javascript:alert(7)", " JAVASCRIPT:alert(7)", "java\tscript:alert(7)",
                                 "data:text/html,<script>alert(7)</script>", "vbscript:msgbox(7)"])
def test_minutes_html_link_url_with_an_unsafe_scheme_is_no_link(tmp_path, invoke, url):
    source = meeting_with(tmp_path, "links.url", url)
    out = tmp_path / "m.html"
    assert invoke("minutes", source, "-o", out).exit_code == 0
    page = out.read_text(encoding="utf-8")
    text = assert_inert(page)
    assert "Committee recording" in text
    assert "script:" not in page.lower() and "alert(7)" not in page


def test_minutes_html_safe_links_are_kept(tmp_path, invoke):
    data = load("meeting.yaml")
    data["agenda"][1]["notes"] = ("See [the report](https://example.com/r?a=1&b=2), [the wiki](docs/wiki.md) "
                                  "and [Hugo](mailto:hugo@example.com).")
    out = tmp_path / "m.html"
    assert invoke("minutes", dump(data, tmp_path / "meeting.yaml"), "-o", out).exit_code == 0
    parser = _Tags()
    parser.feed(out.read_text(encoding="utf-8"))
    hrefs = [attrs["href"] for tag, attrs in parser.tags if tag == "a"]
    assert {"https://example.com/r?a=1&b=2", "docs/wiki.md", "mailto:hugo@example.com",
            "https://example.com/recordings/copil-7"} <= set(hrefs)


def test_minutes_html_table_styles_are_real_attributes(tmp_path, invoke):
    out = tmp_path / "m.html"
    assert invoke("minutes", CONTRACT / "meeting.yaml", "-o", out).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "&#34;" not in page
    parser = _Tags()
    parser.feed(page)
    headers = [attrs for tag, attrs in parser.tags if tag == "th"]
    assert headers and all("background:#1F3864" in (a.get("style") or "") for a in headers)


# --- HTML: agenda -------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["previous.text", "previous.comment"])
@pytest.mark.parametrize("payload", [SCRIPT, IMG, JS_LINK, JS_ENTITY_LINK], ids=["script", "img", "js-link",
                                                                               "js-entity"])
def test_agenda_html_open_actions_are_inert(tmp_path, invoke, field, payload):
    source = meeting_with(tmp_path, field, payload)
    out = tmp_path / "a.html"
    result = invoke("agenda", source, "-o", out)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    text = assert_inert(page)
    if payload in (JS_LINK, JS_ENTITY_LINK):
        assert "click here" in text and "javascript" not in page.lower()
    else:
        assert "&lt;" + payload[1:6] in page


@pytest.mark.parametrize("url", ["javascript:alert(8)", "JavaScript&#58;alert(8)"])
def test_agenda_document_with_an_unsafe_url_is_plain_text(tmp_path, invoke, url):
    source = meeting_with(tmp_path, "documents.url", url)
    for name in ("a.html", "a.md"):
        out = tmp_path / name
        assert invoke("agenda", source, "-o", out).exit_code == 0
        page = out.read_text(encoding="utf-8")
        assert "Parallel run 1 gap report" in page
        assert "alert(8)" not in page
    assert_inert((tmp_path / "a.html").read_text(encoding="utf-8"))


# --- Markdown and Word ----------------------------------------------------------------------------


@pytest.mark.parametrize("payload", LINK_PAYLOADS + ["<javascript:alert(9)>", JS_RAW_ANCHOR])
def test_minutes_md_carries_no_javascript_link_target(tmp_path, invoke, payload):
    source = meeting_with(tmp_path, "agenda.notes", payload)
    out = tmp_path / "m.md"
    assert invoke("minutes", source, "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "javascript:" not in text.lower() and "javascript&#58;" not in text.lower()
    assert "click here" in text or "alert(9)" in text


def test_minutes_md_link_url_is_shown_not_linked(tmp_path, invoke):
    source = meeting_with(tmp_path, "links.url", "javascript:alert(10)")
    out = tmp_path / "m.md"
    assert invoke("minutes", source, "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "javascript:" not in text and "<javascript" not in text
    assert "- **Committee recording**: javascript\\:alert(10)" in text


def test_minutes_docx_writes_no_javascript_hyperlink(tmp_path, invoke):
    import docx

    data = load("meeting.yaml")
    data["agenda"][1]["notes"] = JS_LINK + " and [ok](https://example.com/ok)"
    data["links"][0]["url"] = "javascript:alert(11)"
    out = tmp_path / "m.docx"
    assert invoke("minutes", dump(data, tmp_path / "meeting.yaml"), "-o", out).exit_code == 0
    document = docx.Document(str(out))
    targets = [rel.target_ref for rel in document.part.rels.values() if rel.is_external]
    assert targets == ["https://example.com/ok"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "click here and ok" in text
    assert "Committee recording: javascript:alert(11)" in text  # shown as text, not a link


def test_agenda_docx_document_with_javascript_url_is_no_link(tmp_path, invoke):
    import docx

    source = meeting_with(tmp_path, "documents.url", "javascript:alert(12)")
    out = tmp_path / "a.docx"
    assert invoke("agenda", source, "-o", out).exit_code == 0
    document = docx.Document(str(out))
    assert not [rel for rel in document.part.rels.values() if rel.is_external]
    assert "Parallel run 1 gap report" in [p.text for p in document.paragraphs]


def test_checklist_evidence_with_javascript_link_is_no_hyperlink(tmp_path, invoke):
    import docx
    import openpyxl

    spec, assessment = assessment_with(tmp_path, "[report](javascript:alert(13))", "evidence")
    result = invoke("checklist", spec, "-a", assessment, "-o", tmp_path / "c.xlsx", "-o", tmp_path / "c.docx")
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(tmp_path / "c.xlsx").worksheets[0]
    assert sheet["F2"].value == "report"
    assert sheet["F2"].hyperlink is None
    targets = [r.target_ref for r in docx.Document(str(tmp_path / "c.docx")).part.rels.values()
               if r.is_external]
    assert not any("javascript" in t for t in targets)


# --- CSV and XLSX: formula injection ------------------------------------------------------------


@pytest.mark.parametrize("field", ["text", "evidence", "comment", "owner"])
@pytest.mark.parametrize("payload", FORMULAS, ids=["cmd", "plus", "minus", "at", "tab"])
def test_checklist_csv_neutralises_formulas(tmp_path, invoke, field, payload):
    spec, assessment = assessment_with(tmp_path, payload, field)
    out = tmp_path / "c.csv"
    assert invoke("checklist", spec, "-a", assessment, "-o", out).exit_code == 0
    rows = read_csv(out)
    cell = rows[0][field]
    assert cell == "'" + payload
    assert rows[1]["id"] == "PAY-002" and not rows[1]["text"].startswith("'")  # other cells as they were


@pytest.mark.parametrize("field", ["evidence", "comment", "owner"])
def test_checklist_csv_round_trip_keeps_the_text(tmp_path, invoke, field):
    payload = "=HYPERLINK(\"http://evil\",\"x\")"
    spec, assessment = assessment_with(tmp_path, payload, field)
    out = tmp_path / "c.csv"
    assert invoke("checklist", spec, "-a", assessment, "-o", out).exit_code == 0
    assert read_csv(out)[0][field] == "'" + payload
    again = tmp_path / "again.json"
    assert invoke("checklist", spec, "-a", out, "-o", again).exit_code == 0
    item = json.loads(again.read_text(encoding="utf-8"))["items"][0]
    assert item[field] == payload


def test_csv_round_trip_of_a_text_already_starting_with_a_quote(tmp_path, invoke):
    spec, assessment = assessment_with(tmp_path, "'=kept as typed", "comment")
    out = tmp_path / "c.csv"
    assert invoke("checklist", spec, "-a", assessment, "-o", out).exit_code == 0
    assert read_csv(out)[0]["comment"] == "''=kept as typed"
    again = tmp_path / "again.json"
    assert invoke("checklist", spec, "-a", out, "-o", again).exit_code == 0
    assert json.loads(again.read_text(encoding="utf-8"))["items"][0]["comment"] == "'=kept as typed"


@pytest.mark.parametrize("field, column", [("action.text", "text"), ("action.owner", "owner"),
                                           ("action.comment", "comment")])
@pytest.mark.parametrize("payload", FORMULAS, ids=["cmd", "plus", "minus", "at", "tab"])
def test_register_csv_neutralises_formulas(tmp_path, invoke, field, column, payload):
    source = meeting_with(tmp_path, field, payload)
    out = tmp_path / "register.csv"
    assert invoke("actions", source, "-o", out).exit_code == 0
    action = "A-019" if field != "action.comment" else "A-020"
    row = next(r for r in read_csv(out) if r["id"] == action)
    assert row[column] == "'" + payload
    assert row["overdue_days"] == "0"  # numbers are numbers, never quoted


def test_xlsx_text_starting_with_equals_is_a_string_cell(tmp_path, invoke):
    import openpyxl

    spec, assessment = assessment_with(tmp_path, "=cmd|' /C calc'!A0", "comment")
    assert invoke("checklist", spec, "-a", assessment, "-o", tmp_path / "c.xlsx").exit_code == 0
    sheet = openpyxl.load_workbook(tmp_path / "c.xlsx").worksheets[0]
    cell = sheet["H2"]
    assert cell.value == "=cmd|' /C calc'!A0" and cell.data_type == "s"

    source = meeting_with(tmp_path, "action.owner", "=1+1")
    assert invoke("actions", source, "-o", tmp_path / "r.xlsx").exit_code == 0
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx").worksheets[0]
    owners = [c for c in sheet["C"] if c.value == "=1+1"]
    assert owners and all(c.data_type == "s" for c in owners)


# --- all or nothing -----------------------------------------------------------------------------


def _bad_template_dir(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / "tpl"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text("{{ no_such_variable.anywhere }}\n", encoding="utf-8")
    return folder


def _existing(folder: Path, *names: str) -> None:
    for name in names:
        (folder / name).write_bytes(b"previous content of " + name.encode())


def test_minutes_failing_md_leaves_the_docx_alone(tmp_path, invoke):
    out = tmp_path / "out"
    out.mkdir()
    _existing(out, "a.docx", "b.md")
    before = snapshot(out)
    tpl = _bad_template_dir(tmp_path, "minutes.md.j2")
    result = invoke("minutes", CONTRACT / "meeting.yaml", "-o", out / "a.docx", "-o", out / "b.md",
                    "-o", out / "c.html", "--templates", tpl)
    assert result.exit_code == 2 and "minutes.md.j2" in result.stderr
    assert snapshot(out) == before


def test_minutes_failure_creates_no_file_and_no_folder(tmp_path, invoke):
    tpl = _bad_template_dir(tmp_path, "minutes.md.j2")
    out = tmp_path / "out"
    out.mkdir()
    result = invoke("minutes", CONTRACT / "meeting.yaml", "-o", out / "new" / "a.docx", "-o", out / "b.md",
                    "--templates", tpl)
    assert result.exit_code == 2
    assert snapshot(out) == {} and not (out / "new").exists()


def test_minutes_word_template_failure_leaves_the_md_alone(tmp_path, invoke):
    import docx

    template = tmp_path / "bad.docx"
    document = docx.Document()
    document.add_paragraph("{{ no_such_variable.anywhere }}")
    document.save(str(template))
    out = tmp_path / "out"
    out.mkdir()
    _existing(out, "a.md", "a.docx")
    before = snapshot(out)
    result = invoke("minutes", CONTRACT / "meeting.yaml", "-o", out / "a.md", "-o", out / "a.docx",
                    "--template", template)
    assert result.exit_code == 2, result.output
    assert snapshot(out) == before


def test_agenda_failing_md_leaves_the_docx_alone(tmp_path, invoke):
    out = tmp_path / "out"
    out.mkdir()
    _existing(out, "a.docx")
    before = snapshot(out)
    tpl = _bad_template_dir(tmp_path, "agenda.md.j2")
    result = invoke("agenda", CONTRACT / "meeting.yaml", "-o", out / "a.docx", "-o", out / "a.html",
                    "-o", out / "a.md", "--templates", tpl)
    assert result.exit_code == 2
    assert snapshot(out) == before


def test_checklist_failing_md_leaves_the_other_formats_alone(tmp_path, invoke):
    out = tmp_path / "out"
    out.mkdir()
    _existing(out, "c.docx", "c.xlsx")
    before = snapshot(out)
    tpl = _bad_template_dir(tmp_path, "checklist.md.j2")
    result = invoke("checklist", CONTRACT / "requirements.yaml", "-a", CONTRACT / "compliance.yaml",
                    "-o", out / "c.docx", "-o", out / "c.xlsx", "-o", out / "c.csv", "-o", out / "c.md",
                    "--templates", tpl)
    assert result.exit_code == 2
    assert snapshot(out) == before


def test_deck_failing_report_leaves_the_pptx_alone(tmp_path, invoke):
    out = tmp_path / "out"
    out.mkdir()
    _existing(out, "d.pptx")
    before = snapshot(out)
    tpl = _bad_template_dir(tmp_path, "status-report.md.j2")
    result = invoke("deck", CONTRACT / "status.yaml", "-o", out / "d.pptx", "-o", out / "d.md",
                    "--templates", tpl)
    assert result.exit_code == 2
    assert snapshot(out) == before


def test_deck_powerpoint_template_failure_writes_nothing(tmp_path, invoke):
    from pptx import Presentation
    from pptx.util import Inches

    template = tmp_path / "bad.pptx"
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    slide.shapes.add_textbox(Inches(1), Inches(1), Inches(4), Inches(1)).text_frame.text = "{{ nope.nothing }}"
    prs.save(str(template))
    out = tmp_path / "out"
    out.mkdir()
    _existing(out, "d.md")
    before = snapshot(out)
    result = invoke("deck", CONTRACT / "status.yaml", "-o", out / "d.md", "-o", out / "d.pptx",
                    "--template", template)
    assert result.exit_code == 2, result.output
    assert snapshot(out) == before


def test_actions_unwritable_second_output_leaves_the_first_alone(tmp_path, invoke):
    out = tmp_path / "out"
    out.mkdir()
    _existing(out, "r.xlsx")
    (out / "blocker").write_text("a file, not a folder")
    before = snapshot(out)
    result = invoke("actions", CONTRACT / "meeting.yaml", "-o", out / "r.xlsx", "-o", out / "blocker" / "r.md")
    assert result.exit_code == 2
    assert "blocker" in result.stderr
    assert snapshot(out) == before


def test_build_job_failing_output_leaves_the_others_alone(tmp_path):
    from docgen.build.jobs import Job
    from docgen.build.kinds import run_meeting
    from docgen.errors import TemplateError

    out = tmp_path / "out"
    out.mkdir()
    _existing(out, "m.docx")
    before = snapshot(out)
    tpl = _bad_template_dir(tmp_path, "minutes.md.j2")
    job = Job(input=CONTRACT / "meeting.yaml", kind="meeting", outputs=[out / "m.docx", out / "m.md"],
              templates=[tpl])
    with pytest.raises(TemplateError):
        run_meeting(job)
    assert snapshot(out) == before


def test_successful_multi_output_run_writes_every_output(tmp_path, invoke):
    out = tmp_path / "out"
    result = invoke("minutes", CONTRACT / "meeting.yaml", "-o", out / "a.docx", "-o", out / "a.md",
                    "-o", out / "a.html")
    assert result.exit_code == 0
    assert sorted(snapshot(out)) == ["a.docx", "a.html", "a.md"]
    assert result.output.count("wrote ") == 3
    assert "# HRIS Steering Committee n°7" in (out / "a.md").read_text(encoding="utf-8")


def test_staged_outputs_wait_for_the_end_of_the_block(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    with staged_outputs() as stage:
        atomic_write_text(first, "one\n")
        assert not first.exists()
        assert staged_path(first).read_text() == "one\n"
        with staged_outputs() as inner:  # a nested block joins the outer one
            assert inner is stage
            atomic_write_text(second, "two\n")
        assert not second.exists()
        atomic_write_text(first, "one again\n")  # the later output to one path wins
    assert first.read_text() == "one again\n" and second.read_text() == "two\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def test_staged_outputs_discard_everything_on_error(tmp_path):
    (tmp_path / "a.txt").write_text("old\n")
    with pytest.raises(RuntimeError), staged_outputs():
        atomic_write_text(tmp_path / "a.txt", "new\n")
        atomic_write_text(tmp_path / "sub" / "deeper" / "b.txt", "new\n")
        raise RuntimeError("a later output failed")
    assert snapshot(tmp_path) == {"a.txt": b"old\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # no temporary file, no folder


# --- permissions follow the umask ---------------------------------------------------------------


@pytest.mark.parametrize("umask, mode", [(0o077, 0o600), (0o022, 0o644), (0o002, 0o664)])
def test_outputs_follow_the_umask(tmp_path, umask, mode):
    out = tmp_path / "out"
    previous = os.umask(umask)
    try:
        run = run_docgen("minutes", CONTRACT / "meeting.yaml", "-o", out / "m.docx", "-o", out / "m.md",
                         "-o", out / "m.html", cwd=tmp_path)
        run_csv = run_docgen("actions", CONTRACT / "meeting.yaml", "-o", out / "r.csv", "-o", out / "r.xlsx",
                             cwd=tmp_path)
    finally:
        os.umask(previous)
    assert run.code == 0, run.stderr
    assert run_csv.code == 0, run_csv.stderr
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in out.iterdir()}
    assert modes == dict.fromkeys(["m.docx", "m.md", "m.html", "r.csv", "r.xlsx"], mode)


def test_overwritten_output_takes_the_umask_mode(tmp_path):
    out = tmp_path / "m.md"
    out.write_text("old")
    out.chmod(0o644)
    previous = os.umask(0o077)
    try:
        run = run_docgen("minutes", CONTRACT / "meeting.yaml", "-o", out, cwd=tmp_path)
    finally:
        os.umask(previous)
    assert run.code == 0, run.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text(encoding="utf-8").startswith("# HRIS Steering Committee")
