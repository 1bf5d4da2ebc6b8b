"""Accessibility of every sample deck (issue 17): alt text, unique titles, reading order, header rows, contrast.

Each deck of ``samples/*status*.yaml`` is built with the built-in template and with
``samples/pmo-templates``, opened with python-pptx and checked slide by slide:

- every chart and picture has alt text (``descr``);
- no two slides have the same title;
- the shapes holding text are in the shape tree in reading order: the title first, then
  top to bottom, left to right;
- every table marks its header row (``a:tblPr firstRow="1"``);
- every coloured text run contrasts at least 4.5:1 (WCAG AA) with what it is drawn on: its cell's
  or shape's fill, else the filled shape under it, else the slide background.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.util import Emu

from docgen.deck.palette import palette_for
from docgen.ooxml.drawingml.palette import DEFAULT, Palette, contrast
from tests.deck_data import CONTRACT

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted(p for p in (ROOT / "samples").glob("*status*.yaml"))
PMO = ROOT / "samples" / "pmo-templates"
NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "p": "http://schemas.openxmlformats.org/presentationml/2006/main"}
AA = 4.5
_SLOTS = {"tx1": "dk1", "bg1": "lt1", "tx2": "dk2", "bg2": "lt2"}


def _decks() -> list[tuple[str, list]]:
    """Return (name, extra CLI arguments) of every deck to check."""
    runs = []
    for sample in SAMPLES:
        runs.append((sample.stem, [str(sample)]))
        runs.append((f"{sample.stem}-pmo", [str(sample), "--templates", str(PMO)]))
    runs.append(("status-fr", [str(ROOT / "samples" / "status.yaml"), "--lang", "fr"]))
    runs.append(("status-changes", [str(ROOT / "samples" / "status.yaml"), "--previous",
                                    str(ROOT / "samples" / "status-previous.yaml")]))
    runs.append(("contract", [str(CONTRACT)]))
    return runs


DECKS = _decks()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """Return deck name -> the .pptx built for it."""
    from click.testing import CliRunner

    from docgen.cli import cli

    out = tmp_path_factory.mktemp("a11y")
    decks = {}
    for name, args in DECKS:
        dest = out / f"{name}.pptx"
        result = CliRunner().invoke(cli, ["deck", *args, "-o", str(dest)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        decks[name] = dest
    return decks


def _theme(path: Path) -> dict[str, str]:
    """Return the theme colour slots (dk1, lt1, accent1...) of the deck at ``path``."""
    with zipfile.ZipFile(path) as package:
        xml = package.read("ppt/theme/theme1.xml").decode("utf-8")
    scheme = re.search(r"<a:clrScheme.*?</a:clrScheme>", xml, re.S).group(0)
    slots = {}
    for slot, body in re.findall(r"<a:(dk1|lt1|dk2|lt2|accent\d|hlink|folHlink)>(.*?)</a:\1>", scheme, re.S):
        found = re.search(r'(?:srgbClr val|lastClr)="([0-9A-Fa-f]{6})"', body)
        slots[slot] = found.group(1).upper()
    return slots


def _rgb(fill, theme: dict[str, str]) -> str | None:
    """Return the RGB hex of the colour inside ``fill`` (a solidFill element), or None."""
    if fill is None:
        return None
    srgb = fill.find("a:srgbClr", NS)
    if srgb is not None:
        return srgb.get("val").upper()
    scheme = fill.find("a:schemeClr", NS)
    if scheme is None:
        return None
    name = _SLOTS.get(scheme.get("val"), scheme.get("val"))
    mod = scheme.find("a:lumMod", NS)
    off = scheme.find("a:lumOff", NS)
    spec = name
    if off is not None:
        spec = f"{name}+{int(off.get('val')) // 1000}"
    elif mod is not None:
        spec = f"{name}-{100 - int(mod.get('val')) // 1000}"
    return Palette().rgb(spec, theme)


def _box(shape) -> tuple[int, int, int, int]:
    return (int(shape.left or 0), int(shape.top or 0), int(shape.width or 0), int(shape.height or 0))


def _has_text(shape) -> bool:
    return (shape.has_text_frame and bool(shape.text_frame.text.strip())) or \
        getattr(shape, "has_table", False) or getattr(shape, "has_chart", False) or shape.shape_type == 13


def _shape_fill(shape, theme: dict[str, str]) -> str | None:
    """Return the RGB hex of the solid fill of ``shape``'s own geometry, or None."""
    sp_pr = shape._element.find("p:spPr", NS)
    return _rgb(sp_pr.find("a:solidFill", NS), theme) if sp_pr is not None else None


def _under(shapes: list, index: int, theme: dict[str, str], background: str) -> str:
    """Return the colour under the centre of ``shapes[index]``: the topmost filled shape before it."""
    left, top, width, height = _box(shapes[index])
    cx, cy = left + width // 2, top + height // 2
    for shape in reversed(shapes[:index]):
        x, y, w, h = _box(shape)
        fill = _shape_fill(shape, theme)
        if fill and x <= cx <= x + w and y <= cy <= y + h:
            return fill
    return background


def _runs_contrast(element, theme: dict[str, str], behind: str, where: str) -> list[str]:
    """Return one line per coloured run of ``element`` whose contrast with ``behind`` is under AA."""
    bad = []
    for run in element.iter(f"{{{NS['a']}}}r"):
        text = run.findtext("a:t", "", NS)
        colour = _rgb(run.find("a:rPr/a:solidFill", NS), theme)
        if not text.strip() or colour is None:
            continue
        ratio = contrast(colour, behind)
        if ratio < AA:
            bad.append(f"{where}: {text!r} {colour} on {behind}: {ratio:.2f}")
    return bad


def contrast_problems(slide, theme: dict[str, str], where: str) -> list[str]:
    """Return the text runs of ``slide`` drawn under 4.5:1 on their background."""
    background = theme.get("lt1", "FFFFFF")
    shapes = list(slide.shapes)
    bad = []
    for n, shape in enumerate(shapes):
        name = f"{where} {shape.name}"
        if getattr(shape, "has_table", False):
            behind_table = _under(shapes, n, theme, background)
            for tc in shape._element.iter(f"{{{NS['a']}}}tc"):
                fill = _rgb(tc.find("a:tcPr/a:solidFill", NS), theme) or behind_table
                bad += _runs_contrast(tc, theme, fill, name)
        elif shape.has_text_frame:
            fill = _shape_fill(shape, theme) or _under(shapes, n, theme, background)
            bad += _runs_contrast(shape._element, theme, fill, name)
    return bad


def order_problems(slide, where: str) -> list[str]:
    """Return what is out of reading order on ``slide``: the title not first, or a shape before one above it."""
    shapes = [s for s in slide.shapes if _has_text(s)]
    title = slide.shapes.title
    bad = []
    if title is not None and shapes and shapes[0].shape_id != title.shape_id:
        bad.append(f"{where}: the title is not the first shape")
    rest = [s for s in shapes if title is None or s.shape_id != title.shape_id]
    keys = [(Emu(s.top or 0), Emu(s.left or 0)) for s in rest]
    for (a, b), (ka, kb) in zip(zip(rest, rest[1:]), zip(keys, keys[1:])):
        if kb < ka:
            bad.append(f"{where}: {b.name!r} ({kb[0].pt:.1f}, {kb[1].pt:.1f}) comes after "
                       f"{a.name!r} ({ka[0].pt:.1f}, {ka[1].pt:.1f})")
    return bad


def alt_problems(slide, where: str) -> list[str]:
    """Return the charts and pictures of ``slide`` without alt text."""
    bad = []
    for shape in slide.shapes:
        if getattr(shape, "has_chart", False) or shape.shape_type == 13:
            descr = shape._element.xpath("./*[1]/p:cNvPr")[0].get("descr", "")
            if not descr.strip():
                bad.append(f"{where}: {shape.name!r} has no alt text")
    return bad


def header_problems(slide, where: str) -> list[str]:
    """Return the tables of ``slide`` whose header row is not marked."""
    bad = []
    for shape in slide.shapes:
        if getattr(shape, "has_table", False):
            tbl_pr = shape._element.find(".//a:tbl/a:tblPr", NS)
            if tbl_pr is None or tbl_pr.get("firstRow") != "1":
                bad.append(f"{where}: {shape.name!r} has no header row marked")
    return bad


def deck_problems(path: Path) -> list[str]:
    """Return every accessibility problem of the deck at ``path`` (empty when it passes)."""
    deck = Presentation(path)
    theme = _theme(path)
    titles: dict[str, int] = {}
    bad = []
    for number, slide in enumerate(deck.slides, 1):
        where = f"{path.name} slide {number}"
        title = slide.shapes.title
        text = " ".join(title.text_frame.text.split()) if title is not None else ""
        if not text:
            bad.append(f"{where}: no title")
        elif text in titles:
            bad.append(f"{where}: title {text!r} already on slide {titles[text]}")
        titles.setdefault(text, number)
        bad += alt_problems(slide, where) + order_problems(slide, where) + header_problems(slide, where)
        bad += contrast_problems(slide, theme, where)
    return bad


@pytest.mark.parametrize("name", [name for name, _ in DECKS])
def test_every_sample_deck_is_accessible(built, name):
    assert deck_problems(built[name]) == []


def test_the_pmo_one_page_deck_is_accessible(tmp_path, invoke):
    out = tmp_path / "onepage.pptx"
    assert invoke("deck", CONTRACT, "--templates", PMO, "--template", "deck-onepage.pptx", "-o", out).exit_code == 0
    assert [p for p in deck_problems(out) if "contrast" in p or "alt text" in p] == []


def test_contrast_of_the_rag_fills():
    # WCAG relative luminance: white on the default green is 3.45:1, black 6.09:1.
    assert round(contrast("FFFFFF", "2E9E44"), 2) == 3.45
    assert round(contrast("000000", "2E9E44"), 2) == 6.09
    for rag in ("green", "amber", "red"):
        assert contrast(DEFAULT.rag_text(rag), DEFAULT.rag_fill(rag)) >= AA, rag
    assert [DEFAULT.rag_text(r) for r in ("green", "amber", "red")] == ["000000", "000000", "FFFFFF"]


def test_rag_text_follows_a_fill_set_in_deck_yaml(tmp_path):
    (tmp_path / "deck.pptx").write_bytes(b"")
    (tmp_path / "deck.yaml").write_text('rag:\n  green: "1B5E20"\n  amber: "7A4F00"\n  red: "FF8A80"\n'
                                        '  red_text: "FFFFFF"\n', encoding="utf-8")
    palette = palette_for(tmp_path / "deck.pptx")
    assert palette.rag_text("green") == "FFFFFF" and palette.rag_text("amber") == "FFFFFF"
    assert palette.rag_text("red") == "FFFFFF"  # set: kept even though it reads badly


def test_a_theme_colour_rag_fill_gets_its_text_from_the_template_theme(tmp_path):
    (tmp_path / "deck.pptx").write_bytes((ROOT / "templates" / "deck.pptx").read_bytes())
    (tmp_path / "deck.yaml").write_text("rag:\n  green: accent1\n  amber: lt2\n", encoding="utf-8")
    palette = palette_for(tmp_path / "deck.pptx")
    assert palette.rag_text("green") == "FFFFFF"  # on navy
    assert palette.rag_text("amber") == "000000"  # on the light blue-grey


def test_contrast_checker_finds_poor_text(tmp_path):
    xml = etree.fromstring(
        f'<p:sp xmlns:p="{NS["p"]}" xmlns:a="{NS["a"]}"><p:txBody><a:p><a:r><a:rPr><a:solidFill>'
        '<a:srgbClr val="FFFFFF"/></a:solidFill></a:rPr><a:t>Green</a:t></a:r></a:p></p:txBody></p:sp>')
    assert _runs_contrast(xml, {}, "2E9E44", "x") == ["x: 'Green' FFFFFF on 2E9E44: 3.45"]
