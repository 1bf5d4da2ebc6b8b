"""Hostile lengths on slides: 10,000-character names, summaries and words, 50,000-character contexts.

Each deck is built through the CLI from the format example (docs/formats/status.yaml) with one
field made hostile, then opened with python-pptx: every text must fit its frame by the
planner's own measure, no slide but the cover may be without content, a text shortened with
"…" must be whole in its slide's speaker notes, and the footer must be shortened to fit.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import yaml
from pptx import Presentation
from pptx.util import Emu

from docgen.deck import text as tx
from docgen.deck.measure import ELLIPSIS, text_width
from docgen.deck.plan import plan_deck
from docgen.deck.tables import _cell_height
from docgen.deck.template import load_template
from docgen.deck.typography import plain
from docgen.labels import load_labels
from docgen.model.status import Status
from docgen.ooxml.drawingml.shapes import Cell, Para, Run
from tests.deck_data import CONTRACT
from tests.test_deck_plan import boxes_ok

BASE = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
TOL = 0.05  # points: EMU rounding of written boxes


def words(count: int, stem: str = "w") -> str:
    """Return ``count`` distinct words ("w0000 w0001 ...")."""
    return " ".join(f"{stem}{i:04d}" for i in range(count))


def chars(length: int, stem: str = "w") -> str:
    """Return distinct words cut to exactly ``length`` characters."""
    return words(length // 5 + 1, stem)[:length]


LONG_WORD = "X" * 10_000


def _set(path: str, value):
    """Return a change of the status setting the dotted ``path`` (list items by index) to ``value``."""

    def change(data: dict) -> None:
        *parents, last = path.split(".")
        node = data
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        node[int(last) if last.isdigit() else last] = value

    return change


@pytest.fixture(scope="module")
def frame():
    """Return the built-in template's frame and font (what the planner measured with)."""
    from docgen.deck.measure import font_for

    template = load_template(())
    return template.frame, font_for(template.frame.font_name)


def build(tmp_path: Path, invoke, change, name: str = "deck", previous=None) -> tuple[Path, dict, float]:
    """Return (deck path, status data, seconds) of the deck of the format example after ``change``."""
    data = copy.deepcopy(BASE)
    change(data)
    source = tmp_path / f"{name}.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    dest = tmp_path / f"{name}.pptx"
    args = ["deck", source, "-o", dest]
    if previous is not None:
        before = copy.deepcopy(BASE)
        previous(before)
        prev = tmp_path / f"{name}-previous.yaml"
        prev.write_text(yaml.safe_dump(before, allow_unicode=True, sort_keys=False), encoding="utf-8")
        args += ["--previous", prev]
    start = time.perf_counter()
    result = invoke(*args)
    seconds = time.perf_counter() - start
    assert result.exit_code == 0, result.output
    return dest, data, seconds


def pt(value) -> float:
    """Return an EMU length in points."""
    return Emu(value or 0).pt


def _paras(text_frame) -> list[Para]:
    """Return the paragraphs of a python-pptx text frame as planner paragraphs (sizes, bold, bullets)."""
    out = []
    for p in text_frame.paragraphs:
        runs = [Run(r.text, bold=bool(r.font.bold)) for r in p.runs]
        sizes = [r.font.size.pt for r in p.runs if r.font.size is not None]
        if not runs:
            end = p._p.find("{http://schemas.openxmlformats.org/drawingml/2006/main}endParaRPr")
            size = int(end.get("sz", 1800)) / 100 if end is not None else 18.0
            runs, sizes = [Run("")], [size]
        ppr = p._p.pPr
        bullet = "•" if ppr is not None and int(ppr.get("marL", "0")) > 0 else None
        before = p.space_before.pt if p.space_before is not None else 0.0
        out.append(Para(runs, max(sizes), bullet=bullet, space_before=before))
    return out


def slide_problems(prs, frame_font) -> list[str]:
    """Return what does not fit, by the planner's measure, on the slides of ``prs`` (empty when all fits)."""
    frame, font = frame_font
    problems = []
    width, height = pt(prs.slide_width), pt(prs.slide_height)
    for number, slide in enumerate(prs.slides, 1):
        cover = number == 1
        for shape in slide.shapes:
            where = f"slide {number} {shape.name}"
            x, y, w, h = pt(shape.left), pt(shape.top), pt(shape.width), pt(shape.height)
            if x < -TOL or y < -TOL or x + w > width + TOL or y + h > height + TOL:
                problems.append(f"{where}: off the slide")
            if shape.is_placeholder:
                kind = shape.placeholder_format.type.name
                text = shape.text_frame.text
                if kind in ("TITLE", "CENTER_TITLE") and cover:
                    box = frame.cover_title
                    size = shape.text_frame.paragraphs[0].runs[0].font.size.pt
                    need = tx.paras_height([Para([Run(text, bold=True)], size)], box.w - 14.4, font)
                    if need > box.h - 7.2 + TOL:
                        problems.append(f"{where}: cover title {need:.0f} > {box.h:.0f} pt")
                elif kind in ("TITLE", "CENTER_TITLE"):
                    size = shape.text_frame.paragraphs[0].runs[0].font.size.pt
                    if text_width(text, size, True, font) > frame.title.w - 14.4 + TOL:
                        problems.append(f"{where}: title wider than its box")
                elif kind == "SUBTITLE":
                    box = frame.cover_subtitle
                    need = tx.paras_height(_paras(shape.text_frame), box.w - 14.4, font)
                    if need > box.h - 7.2 + TOL:
                        problems.append(f"{where}: subtitle {need:.0f} > {box.h:.0f} pt")
                elif kind == "FOOTER":
                    size = shape.text_frame.paragraphs[0].runs[0].font.size.pt
                    if text_width(text, size, False, font) > w - 14.4 + TOL:
                        problems.append(f"{where}: footer wider than its box")
                continue
            if shape.has_table:
                table = shape.table
                for r, row in enumerate(table.rows):
                    for c, cell in enumerate(row.cells):
                        runs = [run for p in cell.text_frame.paragraphs for run in p.runs]
                        if not runs:
                            continue
                        size = runs[0].font.size.pt
                        planned = Cell(cell.text, bold=any(run.font.bold for run in runs))
                        need = _cell_height(planned, pt(table.columns[c].width), size, font)
                        if need > pt(row.height) + TOL:
                            problems.append(f"{where}: row {r} cell {c} {need:.0f} > {pt(row.height):.0f}")
                continue
            if shape.has_text_frame and shape.text_frame.text:
                tf = shape.text_frame
                if tf._txBody.bodyPr.get("vert"):
                    continue  # the heat map's vertical axis label: one short word
                inset = pt(tf.margin_left)
                need = tx.paras_height(_paras(tf), w - 2 * inset, font)
                if need > h - 2 * pt(tf.margin_top) + TOL:
                    problems.append(f"{where}: text {need:.0f} > {h:.0f} pt")
    return problems


def has_content(slide) -> bool:
    """Return True when the slide holds body text (a text box or table with text) or a chart."""
    for shape in slide.shapes:
        if shape.is_placeholder:
            continue
        if getattr(shape, "has_chart", False) and shape.has_chart:
            return True
        if shape.has_table and any(c.text.strip() for row in shape.table.rows for c in row.cells):
            return True
        if shape.has_text_frame and shape.text_frame.text.strip():
            return True
    return False


def notes(slide) -> str:
    """Return the speaker notes of ``slide`` ("" when none)."""
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def footers(prs) -> list[str]:
    """Return the footer texts of every slide that has one."""
    return [shape.text_frame.text for slide in prs.slides for shape in slide.placeholders
            if shape.placeholder_format.type.name == "FOOTER"]


def body_text(slide) -> str:
    """Return the text of the slide's shapes (placeholders excepted), one line per paragraph or cell."""
    out = []
    for shape in slide.shapes:
        if shape.is_placeholder:
            continue
        if shape.has_table:
            out += [c.text for row in shape.table.rows for c in row.cells]
        elif shape.has_text_frame:
            out.append(shape.text_frame.text)
    return "\n".join(out)


def check_deck(dest: Path, data: dict, seconds: float, frame_font) -> Presentation:
    """Assert what every hostile deck must satisfy; return it opened."""
    assert seconds < 2.0, f"{seconds:.2f} s"
    prs = Presentation(str(dest))
    problems = slide_problems(prs, frame_font)
    assert not problems, problems[:5]
    empty = [n for n, slide in enumerate(prs.slides, 1) if n > 1 and not has_content(slide)]
    assert not empty, f"slides without content: {empty}"
    status = Status.model_validate(data)
    boxes_ok(plan_deck(status, load_labels("en"), frame_font[0]), frame_font[0])
    return prs


PROJECT_FIELDS = ["name", "committee", "period", "code", "manager"]


@pytest.mark.parametrize("field", PROJECT_FIELDS)
@pytest.mark.parametrize("shape", ["words", "one word"])
def test_project_field_of_10000_chars(tmp_path, invoke, frame, field, shape):
    value = chars(10_000) if shape == "words" else LONG_WORD
    dest, data, seconds = build(tmp_path, invoke, _set(f"project.{field}", value))
    prs = check_deck(dest, data, seconds, frame)
    cover = prs.slides[0]
    shown = plain(cover.shapes.title.text + "\n" + "\n".join(
        s.text_frame.text for s in cover.placeholders if s.placeholder_format.type.name == "SUBTITLE"))
    assert value not in shown and ELLIPSIS in shown  # shortened on the cover ...
    assert value in notes(cover)  # ... and whole in its notes
    for other in ("name", "committee", "period", "code", "manager"):
        if other != field:
            assert data["project"][other] in shown, other  # the short fields stay whole
    for footer in footers(prs):
        if field in ("name", "committee"):
            assert footer.endswith(ELLIPSIS) and len(footer) < 400, footer[-50:]
        else:
            assert footer == f"{data['project']['name']} · {data['project']['committee']}"
    for slide in list(prs.slides)[1:]:
        assert value not in slide.shapes.title.text


@pytest.mark.parametrize("summary", [chars(10_000), LONG_WORD, words(900, "p") + "\n\n" + chars(9000)],
                         ids=["words", "one word", "two paragraphs"])
def test_summary_of_10000_chars_continues_without_empty_slide(tmp_path, invoke, frame, summary):
    dest, data, seconds = build(tmp_path, invoke, _set("overall.summary", summary))
    prs = check_deck(dest, data, seconds, frame)
    slides = [s for s in prs.slides if s.shapes.title.text.startswith("Executive summary")]
    assert len(slides) >= 2 and slides[0].shapes.title.text.startswith("Executive summary (1/")
    pieces = [shape.text_frame.text for s in slides for shape in s.shapes
              if shape.name == "Summary"]
    assert all(piece.strip() for piece in pieces), "an empty summary box"
    flowed = "".join(pieces).replace("\n", "").replace("\x0b", "")
    assert ELLIPSIS not in flowed
    assert flowed.replace(" ", "") == summary.replace("\n", "").replace(" ", "")  # all of it, in order
    assert len(slides) == len({s.shapes.title.text for s in slides})


CASES = {
    "risk title": (_set("risks.0.title", chars(5000)), "Risk register"),
    "risk title, one word": (_set("risks.0.title", "R" * 5000), "Risk register"),
    "decision title": (_set("decisions_required.0.title", chars(5000)), "Decision required"),
    "milestone name": (_set("milestones.0.name", chars(5000)), "Milestones"),
    "workstream name": (_set("workstreams.0.name", chars(5000)), "Workstreams"),
    "budget category": (_set("budget.0.category", chars(2000)), "Budget"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_long_item_is_shortened_and_kept_in_notes(tmp_path, invoke, frame, case):
    change, title = CASES[case]
    dest, data, seconds = build(tmp_path, invoke, change)
    prs = check_deck(dest, data, seconds, frame)
    value = next(v for v in _leaves(data) if len(v) >= 2000)
    slides = [s for s in prs.slides if s.shapes.title.text.startswith(title)]
    assert slides
    if any(value in body_text(s) for s in slides):
        return  # shown whole (a 2,000-character budget category fits a table row)
    assert any(ELLIPSIS in body_text(s) for s in slides)
    assert any(value in notes(s) for s in slides), f"{case}: full text not in the notes"


def _leaves(data):
    if isinstance(data, dict):
        for v in data.values():
            yield from _leaves(v)
    elif isinstance(data, list):
        for v in data:
            yield from _leaves(v)
    elif isinstance(data, str):
        yield data


def test_budget_category_of_2000_chars_does_not_cover_the_chart(tmp_path, invoke, frame):
    dest, data, seconds = build(tmp_path, invoke, _set("budget.0.category", chars(2000)))
    prs = check_deck(dest, data, seconds, frame)
    budget = [s for s in prs.slides if s.shapes.title.text.startswith("Budget")]
    for slide in budget:
        solid = [s for s in slide.shapes if not s.is_placeholder and (s.has_table or s.has_chart)]
        boxes = [(pt(s.left), pt(s.top), pt(s.left + s.width), pt(s.top + s.height)) for s in solid]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert a[2] <= b[0] + 1 or b[2] <= a[0] + 1 or a[3] <= b[1] + 1 or b[3] <= a[1] + 1
    chart = next(s.chart for slide in budget for s in slide.shapes if getattr(s, "has_chart", False))
    labels = list(chart.plots[0].categories)
    assert labels[0].endswith(ELLIPSIS) and len(labels[0]) < 200
    assert chars(2000) in "".join(body_text(s) for s in budget)  # whole in the table


def test_decision_with_200_options_and_50k_context(tmp_path, invoke, frame):
    options = [f"Option {k} " + chars(60, f"o{k}-") for k in range(200)]
    context = chars(50_000, "c")

    def change(data):
        data["decisions_required"][0]["options"] = options
        data["decisions_required"][0]["context"] = context

    dest, data, seconds = build(tmp_path, invoke, change)
    prs = check_deck(dest, data, seconds, frame)
    slides = [s for s in prs.slides if s.shapes.title.text.startswith("Decision required")]
    assert len(slides) > 10 and slides[-1].shapes.title.text == f"Decision required ({len(slides)}/{len(slides)})"
    text = " ".join(shape.text_frame.text for s in slides for shape in s.shapes
                    if shape.name == "Decision")
    flat = " ".join(text.split())
    assert context in flat  # the context continues over the slides, nothing cut
    for k, option in enumerate(options, 1):
        assert " ".join(f"{k}. {option}".split()) in flat, k


def test_decision_context_single_word_of_50k_chars_is_broken(tmp_path, invoke, frame):
    word = "Z" * 50_000
    dest, data, seconds = build(tmp_path, invoke, _set("decisions_required.0.context", word))
    prs = check_deck(dest, data, seconds, frame)
    slides = [s for s in prs.slides if s.shapes.title.text.startswith("Decision required")]
    shown = "".join(shape.text_frame.text for s in slides for shape in s.shapes
                    if shape.name == "Decision")
    assert shown.count("Z") == 50_000 and ELLIPSIS not in shown


def test_long_previous_period_title_is_shortened_with_counter_kept(tmp_path, invoke, frame):
    def previous(data):
        data["project"]["period"] = chars(10_000, "p")
        data["risks"][0]["probability"] = 1

    dest, data, seconds = build(tmp_path, invoke, lambda d: None, previous=previous)
    prs = check_deck(dest, data, seconds, frame)
    changes = [s for s in prs.slides if s.shapes.title.text.startswith("Changes since")]
    assert changes
    for slide in changes:
        assert ELLIPSIS in slide.shapes.title.text
        assert chars(10_000, "p") in notes(slide)


def test_decks_of_normal_statuses_shorten_nothing(tmp_path, invoke):
    dest, _, _ = build(tmp_path, invoke, lambda d: None)
    prs = Presentation(str(dest))
    assert all(notes(slide).startswith("Data: deck.yaml, status as of 23 November 2026.")
               for slide in prs.slides)  # every slide says where its data comes from...
    assert not any("Shortened on the slide" in notes(slide) for slide in prs.slides)  # ...and nothing is cut


def _bbox_words(pdf: Path, out: Path) -> list[tuple[int, float, float, float, float, float, float, str]]:
    """Return (page, page width, page height, xMin, yMin, xMax, yMax, word) from ``pdftotext -bbox``."""
    import re

    subprocess.run(["pdftotext", "-bbox", str(pdf), str(out)], check=True, timeout=120)
    html = out.read_text(encoding="utf-8")
    found = []
    for n, page in enumerate(re.findall(r"<page (.*?)</page>", html, re.S), 1):
        pw, ph = (float(v) for v in re.search(r'width="([\d.]+)" height="([\d.]+)"', page).groups())
        for box in re.finditer(r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" '
                               r'yMax="([\d.-]+)">(.*?)</word>', page):
            x0, y0, x1, y1 = (float(v) for v in box.groups()[:4])
            found.append((n, pw, ph, x0, y0, x1, y1, box.group(5)))
    return found


@pytest.mark.office
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or poppler (pdftotext) is not installed")
def test_libreoffice_renders_hostile_cover_inside_the_page(tmp_path, invoke):
    def change(data):
        for key in PROJECT_FIELDS:
            data["project"][key] = chars(10_000, key[:2]) if key != "code" else LONG_WORD
        data["overall"]["summary"] = LONG_WORD

    dest, _, _ = build(tmp_path, invoke, change)
    slides = len(Presentation(str(dest)).slides)
    out = tmp_path / "pdf"
    result = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo_profile",
         "--convert-to", "pdf", "--outdir", str(out), str(dest)],
        capture_output=True, text=True, timeout=300)
    pdf = out / "deck.pdf"
    assert pdf.exists(), result.stdout + result.stderr
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:"))) == slides
    found = _bbox_words(pdf, tmp_path / "bbox.html")
    cover = [w for w in found if w[0] == 1]
    assert len(cover) > 10
    for page, pw, ph, x0, y0, x1, y1, word in found:
        assert 0 <= x0 and x1 <= pw and 0 <= y0 and y1 <= ph, (page, word[:20], x0, y0, x1, y1)
