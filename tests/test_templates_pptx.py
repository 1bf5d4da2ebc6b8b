"""PowerPoint templates: Jinja tags in a .pptx filled from the status, in the sandbox, with clear errors."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import CONTRACT, ROOT
from office import needs_office, render
from pptx import Presentation
from pptx.util import Cm, Pt

STATUS = CONTRACT / "status.yaml"
SAMPLE = ROOT / "samples" / "pmo-templates" / "deck-onepage.pptx"


def make_template(path: Path, *slides: list[str], notes: dict[int, str] | None = None) -> Path:
    """Write a .pptx with one text box per entry of each slide (paragraphs split on newlines)."""
    prs = Presentation()
    blank = prs.slide_layouts[6]
    for index, boxes in enumerate(slides):
        slide = prs.slides.add_slide(blank)
        for number, text in enumerate(boxes):
            frame = slide.shapes.add_textbox(Cm(1), Cm(1 + 3 * number), Cm(20), Cm(2)).text_frame
            for i, line in enumerate(text.split("\n")):
                paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
                paragraph.add_run().text = line
        if notes and index in notes:
            slide.notes_slide.notes_text_frame.text = notes[index]
    prs.save(str(path))
    return path


def status_file(tmp_path: Path, **changes) -> Path:
    """Write the contract status with top-level keys replaced by ``changes``; return its path."""
    data = yaml.safe_load(STATUS.read_text(encoding="utf-8"))
    data.update(changes)
    path = tmp_path / "status.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def run_deck(invoke, template: Path, out: Path, *extra: str, status: Path = STATUS):
    return invoke("deck", status, "--template", template, "-o", out, *extra)


def texts(path: Path) -> list[list[str]]:
    """Return the text of every text frame, slide by slide."""
    return [[s.text_frame.text for s in slide.shapes if s.has_text_frame]
            for slide in Presentation(str(path)).slides]


def table_rows(path: Path, slide: int) -> list[list[str]]:
    shape = next(s for s in Presentation(str(path)).slides[slide].shapes if s.has_table)
    return [[c.text for c in row.cells] for row in shape.table.rows]


def test_sample_template_fills_cover_risks_and_decisions(invoke, tmp_path):
    out = tmp_path / "deck.pptx"
    result = run_deck(invoke, SAMPLE, out)
    assert result.exit_code == 0, result.output
    slides = texts(out)
    assert len(slides) == 3
    assert slides[0][:2] == ["HRIS Core HR & Payroll Deployment",
                             "HRIS Steering Committee n°7 · November 2026"]
    assert slides[0][2].startswith("Overall status: Amber (→ Stable)\nBuild is 85 % complete. "
                                   "The payroll parallel run is below target")
    assert slides[1][0] == "Risk register · 2"
    rows = table_rows(out, 1)
    assert rows[0] == ["ID", "Risk", "Score", "Owner", "Mitigation"]
    assert rows[1:] == [
        ["R-004", "Payroll gaps not closed before go-live", "4×5 = 20", "Inès Dupont",
         "Second parallel run; daily gap review."],
        ["R-007", "Key payroll SME unavailable in December", "2×4 = 8", "Claire Martin",
         "Back-up SME trained by 2026-12-01."],
    ]
    assert slides[2][0] == "Decision required DR-03: Approve a second payroll parallel run"
    assert slides[2][1].split("\n") == [
        "Context: Parallel run 1 reached 97.8 % identical payslips (target 99.5 %).",
        "Options:", "1. Go live on 5 January with manual corrections",
        "2. Second parallel run, go-live kept, buffer reduced",
        "Recommendation: Second parallel run", "Deadline: 24 November 2026"]
    assert not any("{{" in t or "{%" in t for slide in slides for t in slide)


def test_one_slide_per_decision_and_table_rows_keep_their_formatting(invoke, tmp_path):
    decisions = [{"id": f"DR-{n}", "title": f"Decision {n}", "options": ["A", "B"]} for n in (1, 2, 3)]
    risks = [{"id": f"R-{n}", "title": f"Risk {n}", "probability": 2, "impact": 3} for n in range(6)]
    status = status_file(tmp_path, decisions_required=decisions, risks=risks)
    out = tmp_path / "deck.pptx"
    assert run_deck(invoke, SAMPLE, out, status=status).exit_code == 0
    prs = Presentation(str(out))
    titles = [slide.shapes.title.text for slide in prs.slides]
    assert titles[2:] == ["Decision required DR-1: Decision 1", "Decision required DR-2: Decision 2",
                          "Decision required DR-3: Decision 3"]
    assert len(table_rows(out, 1)) == 7  # header + one row per risk
    table_shape = next(s for s in prs.slides[1].shapes if s.has_table)
    cell = table_shape.table.cell(6, 1)
    assert cell.text == "Risk 5" and cell.text_frame.paragraphs[0].runs[0].font.size == Pt(12)
    assert table_shape.height == sum(row.height for row in table_shape.table.rows)


def test_empty_lists_remove_the_slide_and_the_rows(invoke, tmp_path):
    status = status_file(tmp_path, decisions_required=[], risks=[])
    out = tmp_path / "deck.pptx"
    assert run_deck(invoke, SAMPLE, out, status=status).exit_code == 0
    assert len(Presentation(str(out)).slides) == 2
    assert table_rows(out, 1) == [["ID", "Risk", "Score", "Owner", "Mitigation"]]


def test_a_tag_split_across_runs_keeps_the_first_runs_formatting(invoke, tmp_path):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    paragraph = slide.shapes.add_textbox(Cm(1), Cm(1), Cm(20), Cm(2)).text_frame.paragraphs[0]
    for piece, bold in [("Owner: ", True), ("{{ pro", False), ("ject.mana", True), ("ger }}", True),
                        (" · {{ L[\u2018deck.overall\u2019] }}", False)]:
        run = paragraph.add_run()
        run.text, run.font.bold = piece, bold
    prs.save(str(tmp_path / "split.pptx"))
    out = tmp_path / "out.pptx"
    result = run_deck(invoke, tmp_path / "split.pptx", out)
    assert result.exit_code == 0, result.output
    runs = Presentation(str(out)).slides[0].shapes[0].text_frame.paragraphs[0].runs
    assert "".join(r.text for r in runs) == "Owner: Hugo Bernard · Overall status"
    assert [(r.text, r.font.bold) for r in runs] == [
        ("Owner: ", True), ("Hugo Bernard", False), (" · Overall status", False)]


def test_paragraph_loops_conditions_helpers_and_line_breaks(invoke, tmp_path):
    template = make_template(tmp_path / "t.pptx", [
        "{%p for a in achievements %}\n- {{ a }}\n{%p endfor %}",
        "{%p if issues %}\nIssues: {{ issues | length }}\n{%p endif %}\n{%p if not issues %}\nnone\n{%p endif %}",
        "{{ money(budget[1].forecast) }} / {{ money(budget[1].budget) }} / {{ percent(workstreams[1].progress) }}",
        "{{ project.sponsor }}{{ '\\n' }}{{ short_date(report_date) }} {{ rag_colour(overall.status) }}",
    ])
    out = tmp_path / "out.pptx"
    result = run_deck(invoke, template, out)
    assert result.exit_code == 0, result.output
    assert texts(out)[0] == [
        "- First payroll parallel run completed on October data\n"
        "- Single sign-on live for all 2,400 employees",
        "Issues: 1", "€431k / €420k / 70%", "Claire Martin\x0b23 Nov 2026 FFE699"]  # a line break (a:br)


def test_french_dates_and_amounts(invoke, tmp_path):
    template = make_template(tmp_path / "t.pptx", ["{{ date(report_date) }} · {{ money(budget[1].forecast) }}"
                                                   " · {{ rag_word(overall.status) }}"])
    out = tmp_path / "out.pptx"
    assert run_deck(invoke, template, out, "--lang", "fr").exit_code == 0
    assert texts(out)[0] == ["23 novembre 2026 · 431\u00a0k€ · Orange"]


def test_slide_marker_in_the_notes_and_slide_if(invoke, tmp_path):
    template = make_template(tmp_path / "t.pptx", ["Cover {{ project.code }}"],
                             ["{{ loop.index }}/{{ loop.length }} {{ w.name }}"],
                             ["{%slide if earned_value %}", "EV"],
                             ["End"],
                             notes={1: "{%slide for w in workstreams %}\nLead: {{ w.lead }}"})
    out = tmp_path / "out.pptx"
    result = run_deck(invoke, template, out)
    assert result.exit_code == 0, result.output
    # The example status has earned value: the EV slide stays.
    assert texts(out) == [["Cover HRIS-26"], ["1/3 Core HR"], ["2/3 Payroll"], ["3/3 Interfaces"],
                          ["EV"], ["End"]]
    notes = [s.notes_slide.notes_text_frame.text for s in list(Presentation(str(out)).slides)[1:4]]
    assert notes == ["Lead: Sarah Cohen", "Lead: Inès Dupont", "Lead: Paul Nguyen"]
    # Without earned value, {%slide if earned_value %} removes the slide.
    data = yaml.safe_load(CONTRACT.joinpath("status.yaml").read_text(encoding="utf-8"))
    del data["earned_value"]
    status = tmp_path / "no-ev.yaml"
    status.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "no-ev.pptx"
    result = invoke("deck", status, "--template", template, "-o", out)
    assert result.exit_code == 0, result.output
    assert texts(out) == [["Cover HRIS-26"], ["1/3 Core HR"], ["2/3 Payroll"], ["3/3 Interfaces"],
                          ["End"]]


def test_repeated_slides_keep_their_pictures_and_links(invoke, tmp_path):
    from PIL import Image

    png = tmp_path / "logo.png"
    Image.new("RGB", (8, 8), (200, 30, 60)).save(png)
    template = make_template(tmp_path / "t.pptx", ["{%slide for r in risks %}", "{{ r.id }}"])
    prs = Presentation(str(template))
    prs.slides[0].shapes.add_picture(str(png), Cm(10), Cm(10))
    prs.slides[0].shapes[1].text_frame.paragraphs[0].runs[0].hyperlink.address = "https://pmo.example/r"
    prs.save(str(template))
    out = tmp_path / "out.pptx"
    assert run_deck(invoke, template, out).exit_code == 0
    slides = Presentation(str(out)).slides
    assert [[s.text_frame.text for s in sl.shapes if s.has_text_frame] for sl in slides] == [["R-004"], ["R-007"]]
    blobs = [next(s for s in sl.shapes if s.shape_type == 13).image.blob for sl in slides]
    assert blobs[0] == blobs[1] == png.read_bytes()
    links = [next(s for s in sl.shapes if s.has_text_frame).text_frame.paragraphs[0].runs[0].hyperlink.address
             for sl in slides]
    assert links == ["https://pmo.example/r"] * 2


@pytest.mark.parametrize(("text", "expected"), [
    ("{{ ''.__class__.__mro__ }}", "refused by the template sandbox"),
    ("{{ cycler.__init__.__globals__ }}", "refused by the template sandbox"),
    ("{{ project.__class__.__init__.__globals__['os'] }}", "refused by the template sandbox"),
    ("Hello {{ projet.name }}", 'undefined variable on slide 2 in shape "TextBox 2" '
                                '("Hello {{ projet.name }}"): \'projet\' is undefined'),
    ("{{ project.nmae }}", "has no attribute 'nmae'"),
    ("{{ project.name }", 'template syntax error on slide 2 in shape "TextBox 2" ("{{ project.name }")'),
    ("{% if overall %}open", "The innermost block that needs to be closed is 'if'"),
])
def test_bad_templates_are_refused_and_nothing_is_written(invoke, tmp_path, text, expected):
    template = make_template(tmp_path / "bad.pptx", ["Intro"], ["Slide two", text])
    out = tmp_path / "out.pptx"
    out.write_bytes(b"previous")
    result = run_deck(invoke, template, out)
    assert result.exit_code == 2
    assert "bad.pptx" in result.output and expected in result.output, result.output
    assert "Traceback" not in result.output
    assert out.read_bytes() == b"previous"


@pytest.mark.parametrize(("text", "expected"), [
    ("{%slide for d in nothing_here %}", "'nothing_here' is undefined"),
    ("{%slide for d.x in risks %}", "expected token 'in'"),
    ("{%slide for _d in risks %}", "a loop binds plain names"),
    ("{%slide for d in risks %} and more", "must be alone in its text box"),
])
def test_bad_slide_markers(invoke, tmp_path, text, expected):
    template = make_template(tmp_path / "bad.pptx", [text, "{{ d }}"])
    result = run_deck(invoke, template, tmp_path / "out.pptx")
    assert result.exit_code == 2 and expected in result.output, result.output
    assert "on slide 1" in result.output
    assert not (tmp_path / "out.pptx").exists()


def test_errors_in_repeated_rows_and_unclosed_markers_name_the_cell(invoke, tmp_path):
    prs = Presentation(str(SAMPLE))
    table = next(s for s in prs.slides[1].shapes if s.has_table).table
    table.cell(2, 3).text_frame.paragraphs[0].runs[0].text = "{{ r.ownr }}"
    prs.save(str(tmp_path / "cell.pptx"))
    result = run_deck(invoke, tmp_path / "cell.pptx", tmp_path / "out.pptx")
    assert result.exit_code == 2
    assert 'on slide 2 in table "Table 2", a repeated row, cell 4 ("{{ r.ownr }}")' in result.output
    assert "has no attribute 'ownr'" in result.output
    table.cell(3, 0).text_frame.paragraphs[0].runs[0].text = ""
    prs.save(str(tmp_path / "open.pptx"))
    result = run_deck(invoke, tmp_path / "open.pptx", tmp_path / "out.pptx")
    assert result.exit_code == 2 and "no '{%tr endfor %}' closes this marker" in result.output


def test_invalid_template_files_are_refused(invoke, tmp_path, monkeypatch):
    from docgen.ooxml import safe_zip

    corrupt = tmp_path / "corrupt.pptx"
    corrupt.write_bytes(b"PK\x03\x04 this is not a zip")
    macro = tmp_path / "macro.pptm"
    macro.write_bytes(SAMPLE.read_bytes())
    with_vba = tmp_path / "vba.pptx"
    with zipfile.ZipFile(SAMPLE) as src, zipfile.ZipFile(with_vba, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("ppt/vbaProject.bin", b"\x00" * 10)
    word = tmp_path / "word.pptx"
    with zipfile.ZipFile(word, "w") as zf:
        zf.writestr("word/document.xml", b"<w:document/>")
    big = tmp_path / "big.pptx"
    big.write_bytes(SAMPLE.read_bytes())
    cases = {corrupt: "is not a valid PowerPoint file (corrupt zip)",
             macro: "refused: macro-enabled PowerPoint file (.pptm)",
             with_vba: "holds macros", word: "not a PowerPoint presentation",
             tmp_path / "missing.pptx": "not found", tmp_path / "deck.potx": "must be a .pptx"}
    (tmp_path / "deck.potx").write_bytes(SAMPLE.read_bytes())
    for template, expected in cases.items():
        result = run_deck(invoke, template, tmp_path / "out.pptx")
        assert result.exit_code == 2, template
        assert expected in result.output, result.output
    monkeypatch.setattr(safe_zip, "MAX_EXPANDED", 10_000)
    result = run_deck(invoke, big, tmp_path / "out.pptx")
    assert result.exit_code == 2 and "expands to more than" in result.output and "zip bomb" in result.output
    assert not (tmp_path / "out.pptx").exists()


def test_template_error_writes_no_output_at_all(invoke, tmp_path):
    template = make_template(tmp_path / "bad.pptx", ["{{ nope }}"])
    md, pptx = tmp_path / "report.md", tmp_path / "deck.pptx"
    result = invoke("deck", STATUS, "--template", template, "-o", md, "-o", pptx)
    assert result.exit_code == 2
    assert not md.exists() and not pptx.exists()


def test_output_is_reproducible_and_found_on_the_search_path(invoke, tmp_path):
    first, second = tmp_path / "a.pptx", tmp_path / "b.pptx"
    assert run_deck(invoke, SAMPLE, first).exit_code == 0
    result = invoke("deck", STATUS, "--templates", SAMPLE.parent, "--template", SAMPLE.name, "-o", second)
    assert result.exit_code == 0, result.output
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as zf:
        assert zf.namelist()[0] == "[Content_Types].xml"
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in zf.infolist())
        assert b"2026-11-23T00:00:00Z" in zf.read("docProps/core.xml")


def test_markdown_output_ignores_the_pptx_template(invoke, tmp_path):
    result = invoke("deck", STATUS, "--template", SAMPLE, "-o", tmp_path / "r.md")
    assert result.exit_code == 0, result.output
    assert "HRIS Core HR & Payroll Deployment" in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_every_context_key_is_listed_by_templates_context_deck(invoke):
    from docgen import statuses
    from docgen.labels import load_labels
    from docgen.renderers.deck_pptx_template import context

    status = statuses.load(STATUS)
    listed = invoke("templates", "context", "deck").output.split("\nTypes:")[0]
    names = {m.group(1) for m in re.finditer(r"^  (\w+)", listed, re.M)}
    ctx = context(status, load_labels(status.project.language or "en"))
    assert set(ctx) <= names
    for key in ("project", "overall", "dimensions", "workstreams", "achievements", "next_steps",
                "milestones", "budget", "risks", "issues", "decisions_required", "actions",
                "date", "short_date", "rag_word", "rag_colour", "money", "percent", "plain"):
        assert key in ctx


def test_sample_builder_script_is_committed():
    source = (ROOT / "samples" / "pmo-templates" / "src" / "build_deck_onepage.py").read_text(encoding="utf-8")
    assert "{%slide for d in decisions_required %}" in source and "{%tr for r in risks %}" in source
    assert SAMPLE.is_file()


@pytest.mark.office
@needs_office
def test_office_renders_the_filled_deck(invoke, tmp_path):
    decisions = [{"id": f"DR-{n}", "title": f"Decision {n}"} for n in (1, 2)]
    out = tmp_path / "deck.pptx"
    assert run_deck(invoke, SAMPLE, out, status=status_file(tmp_path, decisions_required=decisions)).exit_code == 0
    shown = render(out, tmp_path / "check")
    assert shown.pages == shown.slides == len(shown.pngs) == 4
    text = shown.text
    assert "HRIS Core HR & Payroll Deployment" in text and "R-007" in text and "Decision 2" in text
    assert "{{" not in text and "{%" not in text
