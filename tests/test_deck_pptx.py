"""The generated deck, opened with python-pptx; CLI errors; LibreOffice rendering when present."""

from __future__ import annotations

from pathlib import Path

import pytest
from office import needs_office, render, word_boxes
from pptx import Presentation

from docgen.deck.typography import plain
from tests.deck_data import CONTRACT, large_status, write_large


def texts(slide) -> str:
    out = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            out.append(shape.text_frame.text)
        if shape.has_table:
            out += [c.text for row in shape.table.rows for c in row.cells]
    return plain("\n".join(out))


@pytest.fixture(scope="module")
def contract_deck(tmp_path_factory) -> Path:
    from click.testing import CliRunner

    from docgen.cli import cli

    dest = tmp_path_factory.mktemp("deck") / "deck.pptx"
    result = CliRunner().invoke(cli, ["deck", str(CONTRACT), "-o", str(dest)])
    assert result.exit_code == 0, result.output
    return dest


def test_contract_deck_slides(contract_deck):
    prs = Presentation(contract_deck)
    titles = [plain(s.shapes.title.text) for s in prs.slides]
    assert titles[0] == "HRIS Core HR & Payroll Deployment (HRIS-26)"
    for title in ("Executive summary", "Status by dimension", "Workstreams", "Milestones",
                  "Milestone timeline", "Budget", "Risk heat map", "Risk register", "Issues",
                  "Decision required", "Actions"):
        assert title in titles
    assert prs.slide_width * 9 == prs.slide_height * 16
    assert prs.slides[0].slide_layout.name == "Title Slide"
    assert prs.slides[1].slide_layout.name == "Title Only"
    all_text = "\n".join(texts(s) for s in prs.slides)
    for word in ("Green", "Amber", "AMBER", "HRIS Steering Committee n°7", "I-009", "A-019",
                 "DR-03", "Second parallel run", "+18", "Payroll gaps not closed before go-live"):
        assert word in all_text, word


def test_contract_deck_tables_and_footer(contract_deck):
    prs = Presentation(contract_deck)
    by_title = {s.shapes.title.text: s for s in prs.slides}
    register = next(sh.table for sh in by_title["Risk register"].shapes if sh.has_table)
    assert register.cell(0, 0).text == "ID"
    assert [plain(register.cell(r, 0).text) for r in (1, 2)] == ["R-004", "R-007"]
    assert register.cell(1, 4).text == "20"
    dims = next(sh.table for sh in by_title["Status by dimension"].shapes if sh.has_table)
    assert dims.cell(2, 0).text == "Schedule" and dims.cell(2, 1).text == "Amber"
    footer = texts(by_title["Actions"])
    assert "HRIS Core HR & Payroll Deployment · HRIS Steering Committee n°7" in footer
    assert "23 November 2026" in footer


def test_budget_chart_is_native(contract_deck):
    prs = Presentation(contract_deck)
    slide = next(s for s in prs.slides if s.shapes.title.text == "Budget")
    charts = [sh for sh in slide.shapes if sh.has_chart]
    assert len(charts) == 1
    chart = charts[0].chart
    assert list(chart.plots[0].categories) == ["Licences", "Integrator services",
                                               "Internal staff", "Contingency"]
    assert [s.name for s in chart.plots[0].series] == ["Budget", "Actual", "Forecast"]
    table = next(sh.table for sh in slide.shapes if sh.has_table)
    assert table.cell(len(table.rows) - 1, 0).text == "Total"


def test_heat_map_r004_at_p4_i5(contract_deck):
    prs = Presentation(contract_deck)
    slide = next(s for s in prs.slides if s.shapes.title.text == "Risk heat map")
    cells = {sh.name: plain(sh.text_frame.text) for sh in slide.shapes if sh.name.startswith("Cell P")}
    assert cells["Cell P4 I5"] == "R-004"
    assert cells["Cell P2 I4"] == "R-007"


def test_reproducible_bytes(tmp_path, invoke):
    a, b = tmp_path / "a.pptx", tmp_path / "b.pptx"
    assert invoke("deck", CONTRACT, "-o", a).exit_code == 0
    assert invoke("deck", CONTRACT, "-o", b).exit_code == 0
    assert a.read_bytes() == b.read_bytes()


def test_default_output_next_to_input(tmp_path, invoke):
    src = tmp_path / "status.yaml"
    src.write_text(CONTRACT.read_text(encoding="utf-8"), encoding="utf-8")
    assert invoke("deck", src).exit_code == 0
    assert (tmp_path / "status.pptx").is_file()


def test_large_deck_every_item_visible(tmp_path, invoke):
    src = write_large(tmp_path / "large.yaml")
    dest = tmp_path / "large.pptx"
    assert invoke("deck", src, "-o", dest).exit_code == 0
    prs = Presentation(dest)
    text = "\n".join(texts(s) for s in prs.slides)
    data = large_status()
    for key, field in (("risks", "id"), ("milestones", "id"), ("actions", "id"),
                       ("workstreams", "name")):
        for item in data[key]:
            assert item[field] in text, item[field]
    titles = [s.shapes.title.text for s in prs.slides]
    continued = [s for s in prs.slides if s.shapes.title.text.startswith("Risk register (")]
    assert len(continued) > 1 and any("(2/" in t for t in titles)
    for slide in continued:
        table = next(sh.table for sh in slide.shapes if sh.has_table)
        assert table.cell(0, 0).text == "ID" and table.cell(0, 1).text == "Risk"


def test_bad_rag_value_exit_2_nothing_written(tmp_path, invoke):
    bad = tmp_path / "bad.yaml"
    bad.write_text(CONTRACT.read_text(encoding="utf-8").replace(
        "scope:     {status: green", "scope:     {status: purple"), encoding="utf-8")
    dest = tmp_path / "out.pptx"
    result = invoke("deck", bad, "-o", dest)
    assert result.exit_code == 2
    assert "dimensions.scope.status" in result.stderr and "'purple'" in result.stderr
    assert "bad.yaml:28:" in result.stderr
    assert not dest.exists()


def test_missing_layout_is_template_error(tmp_path, invoke):
    from pptx import Presentation as P

    from docgen.template_path import builtin_dir

    prs = P(builtin_dir() / "deck.pptx")
    prs.slide_layouts.remove(next(lay for lay in prs.slide_layouts if lay.name == "Title Only"))
    folder = tmp_path / "corp"
    folder.mkdir()
    prs.save(folder / "deck.pptx")
    result = invoke("deck", CONTRACT, "-o", tmp_path / "x.pptx", "--templates", folder)
    assert result.exit_code == 2
    assert "'Title Only'" in result.stderr and "'Title Slide'" in result.stderr
    assert not (tmp_path / "x.pptx").exists()
    (folder / "deck-layouts.yaml").write_text('"Title Only": Blank\n', encoding="utf-8")
    result = invoke("deck", CONTRACT, "-o", tmp_path / "x.pptx", "--templates", folder)
    assert result.exit_code == 0, result.stderr
    prs = Presentation(tmp_path / "x.pptx")
    assert prs.slides[1].slide_layout.name == "Blank"


SAMPLE = Path(__file__).parents[1] / "samples" / "status.yaml"


@pytest.mark.office
@needs_office
@pytest.mark.parametrize("which, lang", [("contract", "en"), ("large", "en"), ("sample", "fr"),
                                         ("corporate", "en")])
def test_office_renders_every_slide(tmp_path, invoke, which, lang):
    src = {"contract": CONTRACT, "sample": SAMPLE}.get(which) or write_large(tmp_path / "in.yaml")
    dest = tmp_path / "deck.pptx"
    extra = ["--templates", corporate_template(tmp_path)] if which == "corporate" else []
    assert invoke("deck", src, "-o", dest, "--lang", lang, *extra).exit_code == 0
    shown = render(dest, tmp_path / "check")
    slides = len(Presentation(dest).slides)
    assert shown.pages == shown.slides == slides
    assert len(shown.pngs) == slides
    text = shown.text
    risks = large_status()["risks"] if which == "large" else []
    for risk in risks or [{"id": "R-004"}, {"id": "R-007"}]:
        assert risk["id"] in text, risk["id"]
    assert_no_text_over_text(shown.pdf)


def corporate_template(tmp_path: Path) -> Path:
    """Return a folder holding python-pptx's own 4:3 default deck as a stand-in corporate template."""
    folder = tmp_path / "corporate"
    folder.mkdir(exist_ok=True)
    Presentation().save(folder / "deck.pptx")
    return folder


def test_corporate_template_geometry(tmp_path):
    from docgen.deck.plan import plan_deck
    from docgen.deck.template import load_template
    from docgen.labels import load_labels
    from docgen.model.status import Status
    from docgen.model.validate import validated
    from docgen.readers.yaml_source import read_yaml
    from docgen.template_path import search_path
    from tests.test_deck_plan import boxes_ok

    template = load_template(tuple(search_path([corporate_template(tmp_path)])))
    assert (template.frame.width, template.frame.height) == (720, 540)
    assert template.frame.body.right <= 720 and template.frame.body.bottom <= 495
    status = validated(Status, read_yaml(write_large(tmp_path / "large.yaml")))
    boxes_ok(plan_deck(status, load_labels("en"), template.frame), template.frame)


def assert_no_text_over_text(pdf: Path) -> None:
    """Return None when no two words LibreOffice printed overlap and none leaves its page; fail otherwise."""
    pages = word_boxes(pdf)
    assert pages, pdf
    for number, page in enumerate(pages, 1):
        width, height = page.width, page.height
        boxes = [(w.x0, w.y0, w.x1, w.y1, w.text) for w in page.words]
        for x0, y0, x1, y1, t in boxes:
            assert x0 >= 0 and y0 >= 0 and x1 <= width + 0.5 and y1 <= height + 0.5, (number, t)
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                dx = min(a[2], b[2]) - max(a[0], b[0])
                dy = min(a[3], b[3]) - max(a[1], b[1])
                # Word boxes of consecutive lines overlap a little (font ascent + descent
                # exceed the line pitch); text printed over text overlaps by half a line or more.
                low = min(a[3] - a[1], b[3] - b[1])
                assert not (dx > 1 and dy > 0.5 * low), (number, a[4], b[4])
