"""A PMO's corporate template (4:3, its own layout names, Arial, a logo) restyles the deck, nothing over the logo."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from conftest import ROOT
from corporate_template import LAYOUTS, LOGO, corporate_template
from office import needs_office
from pptx import Presentation

from docgen.ooxml.drawingml.shapes import Box

STATUS = ROOT / "samples" / "status.yaml"
LOGO_BOX = Box(*LOGO)


@pytest.fixture
def corporate(tmp_path):
    folder = tmp_path / "corp"
    folder.mkdir()
    corporate_template(folder)
    return folder


def test_the_frame_is_read_from_the_template_and_kept_clear_of_its_logo(corporate):
    from docgen.deck.template import load_template

    template = load_template((corporate,))
    frame = template.frame
    assert (frame.width, frame.height) == (720.0, 540.0)  # 4:3
    assert frame.font_name == "Arial"  # the theme's body font: text is measured in it
    assert not frame.title.overlaps(LOGO_BOX) and not frame.body.overlaps(LOGO_BOX)
    # the heading placeholder's own position (30, 40), cut where the logo starts
    assert (frame.title.x, frame.title.y, frame.title.h) == (30.0, 40.0, 56.0)
    assert frame.title.right == pytest.approx(LOGO_BOX.x - 6)
    assert frame.body.y > frame.title.bottom
    assert template.moved["title"] == frame.title  # the title is written there, not under the logo


def test_a_box_is_cut_on_the_side_that_keeps_the_most_of_it():
    from docgen.deck.template import clear_of

    body = Box(0, 100, 600, 300)
    assert clear_of(body, [Box(500, 380, 100, 40)]) == Box(0, 100, 600, 274)  # a footer logo: cut below
    assert clear_of(body, [Box(560, 100, 40, 300)]) == Box(0, 100, 554, 300)  # a side band: cut right
    assert clear_of(body, [Box(0, 0, 10, 10)]) == body  # not overlapping: unchanged
    # a picture that would leave a sliver, or nothing, is a background: the body is kept whole
    assert clear_of(body, [Box(0, 100, 720, 280)]) == body
    assert clear_of(body, [Box(-10, 90, 720, 330)]) == body


def test_a_background_picture_leaves_the_body_whole(tmp_path):
    from docgen.deck.template import load_template

    corporate_template(tmp_path, logo=(0.0, 100.0, 720.0, 370.0))
    frame = load_template((tmp_path,)).frame
    assert frame.body.h > 300  # not cut to the strip under the picture


def test_a_logo_over_the_cover_subtitle_moves_the_subtitle(invoke, tmp_path):
    logo = (520.0, 330.0, 150.0, 60.0)
    corporate_template(tmp_path, logo=logo)
    dest = tmp_path / "deck.out.pptx"
    assert invoke("deck", STATUS, "--templates", tmp_path, "-o", dest).exit_code == 0
    cover = Presentation(str(dest)).slides[0]
    subtitle = next(s for s in cover.placeholders if s.placeholder_format.type.name == "SUBTITLE")
    box = Box(subtitle.left / 12700, subtitle.top / 12700, subtitle.width / 12700, subtitle.height / 12700)
    assert not box.overlaps(Box(*logo))


def test_the_deck_uses_the_corporate_layouts_and_nothing_covers_the_logo(invoke, corporate, tmp_path):
    dest = tmp_path / "deck.pptx"
    result = invoke("deck", STATUS, "--templates", corporate, "-o", dest)
    assert result.exit_code == 0, result.output
    prs = Presentation(str(dest))
    assert (prs.slide_width, prs.slide_height) == (9144000, 6858000)  # 10 x 7.5 in
    used = {slide.slide_layout.name for slide in prs.slides}
    assert used <= set(LAYOUTS.values()) and "Corporate Heading" in used and "Corporate Cover" in used
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            if shape.left is None:  # a placeholder placed by its layout: the cover's subtitle, the footers
                continue
            box = Box(shape.left / 12700, shape.top / 12700, shape.width / 12700, shape.height / 12700)
            assert Box(0, 0, 720, 540).contains(box, tol=1), (number, shape.name, box)
            assert not box.overlaps(LOGO_BOX), (number, shape.name, box)


@pytest.mark.office
@needs_office
def test_libreoffice_draws_no_word_over_the_logo(invoke, corporate, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    dest = tmp_path / "deck.pdf"
    assert invoke("deck", STATUS, "--templates", corporate, "-o", dest).exit_code == 0
    html = subprocess.run(["pdftotext", "-bbox", str(dest), "-"], capture_output=True, text=True,
                          check=True, timeout=60).stdout
    pages = html.split("<page ")[1:]
    assert len(pages) >= 10
    logo = LOGO_BOX
    for number, page in enumerate(pages, start=1):
        width, height = (float(v) for v in re.search(r'width="([\d.]+)" height="([\d.]+)"', page).groups())
        assert (round(width), round(height)) == (720, 540)
        for x0, y0, x1, y1, word in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page):
            box = Box(float(x0), float(y0), float(x1) - float(x0), float(y1) - float(y0))
            assert not box.overlaps(logo, tol=1), (number, word, box)
            assert Box(0, 0, 720, 540).contains(box, tol=1), (number, word, box)
