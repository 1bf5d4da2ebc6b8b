"""A PMO restyles only the theme of the exported deck.pptx: the whole deck follows (issue 17).

Every colour of slides, tables and the chart is a theme colour (or a ``deck.yaml`` palette
entry); RAG keeps its meaning colours. The Word sample restyled shows no navy, and the .xlsx
header rows are filled with a theme colour.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from office import needs_office, render
from pptx import Presentation

from docgen.deck.palette import palette_for
from docgen.errors import TemplateError
from docgen.ooxml.drawingml.palette import DEFAULT, colour_xml

ROOT = Path(__file__).resolve().parents[1]
STATUS = ROOT / "docs" / "formats" / "status.yaml"
# Every 6-hex colour docgen's deck code, built-in template and chart wrote before issue 17, but the
# RAG/meaning ones: navy, teal, the chart's third series and the greys and tints of text, panels,
# bands, rules, gridlines, progress tracks, the cover subtitle and the footer.
BRAND_HEX = ("1F3864", "00A3AD", "A5A5A5", "595959", "262626", "F2F2F2", "BFBFBF", "D9D9D9", "F7F9FC",
             "DDE6F0", "7F7F7F")
RAG_HEX = ("2E9E44", "F2A900", "C8102E")
BURGUNDY, GOLD = "7B1E3A", "C9A227"
CORPORATE = {"dk2": "4A1526", "lt2": "F5EFE0", "accent1": BURGUNDY, "accent2": GOLD, "accent3": "8C8C8C",
             "accent4": "D4A373", "accent5": "5E3A4A", "accent6": "B08968"}


def _rewrite(pptx: Path, name: str, edit) -> None:
    """Rewrite the member ``name`` of the package ``pptx`` in place with ``edit(bytes) -> bytes``."""
    with zipfile.ZipFile(pptx) as zf:
        members = [(info, zf.read(info)) for info in zf.infolist()]
    with zipfile.ZipFile(pptx, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in members:
            zf.writestr(info, edit(data) if info.filename == name else data)


def _recolour_theme(xml: bytes) -> bytes:
    """Return a theme part whose colour slots of CORPORATE are replaced (nothing else touched)."""
    text = xml.decode("utf-8")
    for slot, value in CORPORATE.items():
        text, count = re.subn(rf"<a:{slot}>.*?</a:{slot}>", f'<a:{slot}><a:srgbClr val="{value}"/></a:{slot}>',
                              text, count=1, flags=re.S)
        assert count == 1, slot
    return text.encode("utf-8")


@pytest.fixture(scope="module")
def corporate(tmp_path_factory) -> Path:
    """Return a template folder holding the built-in deck.pptx with a burgundy and gold theme."""
    from click.testing import CliRunner

    from docgen.cli import cli

    folder = tmp_path_factory.mktemp("corp") / "T"
    result = CliRunner().invoke(cli, ["templates", "init", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    _rewrite(folder / "deck.pptx", "ppt/theme/theme1.xml", _recolour_theme)
    return folder


@pytest.fixture(scope="module")
def restyled_deck(corporate, tmp_path_factory) -> Path:
    """Return the deck of docs/formats/status.yaml built on the corporate template."""
    from click.testing import CliRunner

    from docgen.cli import cli

    out = tmp_path_factory.mktemp("deck") / "deck.pptx"
    result = CliRunner().invoke(cli, ["deck", str(STATUS), "--templates", str(corporate), "-o", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


def _parts(path: Path, pattern: str) -> dict[str, str]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n).decode("utf-8") for n in zf.namelist() if re.fullmatch(pattern, n)}


def test_restyled_theme_leaves_no_builtin_brand_colour_in_slides_or_chart(restyled_deck):
    slides = _parts(restyled_deck, r"ppt/slides/slide\d+\.xml")
    charts = _parts(restyled_deck, r"ppt/charts/chart\d+\.xml")
    assert len(slides) >= 10 and charts
    for name, xml in {**slides, **charts}.items():
        found = sorted({h for h in re.findall(r'val="([0-9A-Fa-f]{6})"', xml) if h.upper() in BRAND_HEX})
        assert not found, (name, found)
    every = "".join(slides.values())
    # Table headers, sub-headings and chart series are theme colours...
    assert '<a:schemeClr val="accent1"/>' in every and '<a:schemeClr val="accent2"/>' in every
    assert all(f'<a:schemeClr val="accent{n}"/>' in "".join(charts.values()) for n in (1, 2, 3))
    # ...while RAG fills keep their meaning colours.
    for rag in RAG_HEX:
        assert f'<a:srgbClr val="{rag}"/>' in every, rag


def test_table_header_cells_name_the_theme_colour(restyled_deck):
    prs = Presentation(str(restyled_deck))
    tables = [sh.table for slide in prs.slides for sh in slide.shapes if sh.has_table]
    assert tables
    from pptx.enum.dml import MSO_THEME_COLOR

    for table in tables:
        assert table.cell(0, 0).fill.fore_color.theme_color == MSO_THEME_COLOR.ACCENT_1


def test_builtin_template_master_and_layouts_use_theme_colours():
    template = ROOT / "templates" / "deck.pptx"
    parts = _parts(template, r"ppt/slide(Master|Layout)s/slide(Master|Layout)\d+\.xml")
    assert parts
    for name, xml in parts.items():
        assert "srgbClr" not in xml, name
    with zipfile.ZipFile(template) as zf:
        theme = zf.read("ppt/theme/theme1.xml").decode("utf-8")
    assert '<a:accent1><a:srgbClr val="1F3864"/></a:accent1>' in theme  # the same navy, now in the theme


def test_deck_yaml_palette_and_rag_colours(corporate, tmp_path, invoke):
    folder = tmp_path / "T2"
    folder.mkdir()
    (folder / "deck.pptx").write_bytes((corporate / "deck.pptx").read_bytes())
    (folder / "deck.yaml").write_text(
        'palette:\n  header: "112233"\n  heading: accent5-25\nrag:\n  green: "2E7D32"\n  amber_text: 0\n',
        encoding="utf-8")
    out = tmp_path / "d.pptx"
    assert invoke("deck", STATUS, "--templates", folder, "-o", out).exit_code == 0
    every = "".join(_parts(out, r"ppt/slides/slide\d+\.xml").values())
    assert '<a:srgbClr val="112233"/>' in every and '<a:srgbClr val="2E7D32"/>' in every
    assert '<a:srgbClr val="2E9E44"/>' not in every and '<a:srgbClr val="C8102E"/>' in every
    assert '<a:schemeClr val="accent5"><a:lumMod val="75000"/></a:schemeClr>' in every
    palette = palette_for(folder / "deck.pptx")
    assert palette.rag_fill("green") == "2E7D32" and palette.rag_text("amber") == "000000"


@pytest.mark.parametrize("text, message", [
    ("palette:\n  headr: accent1\n", "palette.headr: unknown"),
    ("palette:\n  header: purple\n", "palette.header: 'purple' is not a colour"),
    ("rag:\n  header: accent1\n", "rag.header: unknown"),
    ("rag: [1, 2]\n", "rag: expected a mapping"),
])
def test_bad_deck_yaml_is_a_template_error(tmp_path, text, message):
    (tmp_path / "deck.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(TemplateError, match=re.escape(message)):
        palette_for(tmp_path / "deck.pptx")


def test_colour_specs():
    assert colour_xml("accent1") == '<a:schemeClr val="accent1"/>'
    assert colour_xml("lt1") == '<a:schemeClr val="bg1"/>'
    assert colour_xml("tx1", mapped=False) == '<a:schemeClr val="dk1"/>'
    assert colour_xml("accent2+80") == ('<a:schemeClr val="accent2"><a:lumMod val="20000"/>'
                                        '<a:lumOff val="80000"/></a:schemeClr>')
    assert colour_xml("#7b1e3a") == '<a:srgbClr val="7B1E3A"/>'
    # The built-in theme gives back the colours docgen wrote before issue 17.
    assert [DEFAULT.rgb(r) for r in ("header", "heading", "text", "muted", "panel", "band", "rule", "grid")] == [
        "1F3864", "00A3AD", "262626", "595959", "F2F2F2", "F7F9FC", "BFBFBF", "D9D9D9"]


def test_restyled_word_sample_shows_no_navy(tmp_path, invoke):
    out = tmp_path / "m.docx"
    assert invoke("minutes", ROOT / "docs" / "formats" / "meeting.yaml", "--templates",
                  ROOT / "samples" / "pmo-templates", "-o", out).exit_code == 0
    document = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert "1F3864" not in document.upper()
    assert f'w:fill="{BURGUNDY}"' in document  # the table header rows, from the restyled table style


def test_word_header_fill_from_a_theme_fill(tmp_path):
    from docgen.ooxml.package import read_parts, write_package
    from docgen.ooxml.reference import load_reference
    from docgen.template_path import builtin_dir

    parts = read_parts(builtin_dir() / "minutes.docx")
    parts["word/styles.xml"] = parts["word/styles.xml"].replace(
        b'w:color="auto" w:fill="1F3864"/></w:tcPr></w:tblStylePr>',
        b'w:color="auto" w:fill="1F3864" w:themeFill="accent1"/></w:tcPr></w:tblStylePr>')
    parts["word/theme/theme1.xml"] = _recolour_theme(
        zipfile.ZipFile(builtin_dir() / "deck.pptx").read("ppt/theme/theme1.xml"))
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdTheme" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>')
    write_package(parts, tmp_path / "minutes.docx")
    reference = load_reference(tmp_path / "minutes.docx")
    assert reference.theme_colours["accent1"] == BURGUNDY
    assert reference.header_fill("docgen Table") == BURGUNDY


def test_xlsx_checklist_header_fill_is_a_theme_colour(tmp_path, invoke):
    out = tmp_path / "c.xlsx"
    assert invoke("checklist", ROOT / "samples" / "payroll-interface-spec.yaml", "--assessment",
                  ROOT / "samples" / "payroll-interface-assessment.yaml", "-o", out).exit_code == 0
    import openpyxl

    sheet = openpyxl.load_workbook(out).worksheets[0]
    fill = sheet.cell(1, 1).fill.fgColor
    assert fill.type == "theme" and fill.theme == 4  # accent1
    with zipfile.ZipFile(out) as zf:
        styles = zf.read("xl/styles.xml").decode("utf-8")
        theme = zf.read("xl/theme/theme1.xml").decode("utf-8")
    assert '<fgColor theme="4"/>' in styles and "1F3864" not in styles
    assert '<a:accent1><a:srgbClr val="1F3864"/></a:accent1>' in theme  # the built-in deck's accent1


def _png_pixels(path: Path) -> tuple[int, int, list[bytes]]:
    """Return width, height and the RGB rows of an 8-bit RGB/RGBA PNG (what pdftoppm writes)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, rows, prev = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        line = raw[y * (stride + 1):(y + 1) * (stride + 1)]
        kind, cur = line[0], bytearray(line[1:])
        for i in range(stride):
            left = cur[i - channels] if i >= channels else 0
            up, corner = prev[i], prev[i - channels] if i >= channels else 0
            if kind == 1:
                cur[i] = (cur[i] + left) & 255
            elif kind == 2:
                cur[i] = (cur[i] + up) & 255
            elif kind == 3:
                cur[i] = (cur[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                cur[i] = (cur[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(bytes(c for x in range(width) for c in cur[x * channels:x * channels + 3]))
        prev = cur
    return width, height, rows


def _near(pixel: bytes, hex_colour: str, tol: int = 12) -> bool:
    return all(abs(p - int(hex_colour[i:i + 2], 16)) <= tol for p, i in zip(pixel, (0, 2, 4)))


@needs_office
def test_restyled_deck_renders_burgundy_title_bar_and_table_headers(restyled_deck, tmp_path):
    prs = Presentation(str(restyled_deck))
    titles = [slide.shapes.title.text if slide.shapes.title else "" for slide in prs.slides]
    index = titles.index("Status by dimension")
    (table,) = [sh for sh in prs.slides[index].shapes if sh.has_table]
    rendered = render(restyled_deck, tmp_path)
    width, height, rows = _png_pixels(rendered.pngs[index])
    scale = width / (prs.slide_width / 12700)  # pixels per point

    def pixel(x_pt: float, y_pt: float) -> bytes:
        x, y = int(x_pt * scale), int(y_pt * scale)
        return rows[y][x * 3:x * 3 + 3]

    assert _near(pixel(8, 4), BURGUNDY), pixel(8, 4).hex()  # the master's title bar
    top, left = table.top / 12700, table.left / 12700
    assert _near(pixel(left + 3, top + 3), BURGUNDY), pixel(left + 3, top + 3).hex()  # the header row
    assert _near(pixel(480, 74), GOLD), pixel(480, 74).hex()  # accent2 rule under the title bar
