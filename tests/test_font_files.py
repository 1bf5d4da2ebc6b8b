"""Measuring with the installed font files (fontconfig + fontTools) and the built-in tables' fallback."""

from __future__ import annotations

import shutil
import time

import pytest

from docgen.deck import font_files
from docgen.deck.font_files import Match, accepted, fc_match, installed_face, read_face
from docgen.deck.font_metrics import METRICS
from docgen.deck.measure import SAFETY, UNKNOWN_FACTOR, WIDTHS, font_for, text_width, wrap

LONG = ("Le comité de pilotage valide le report du jalon « recette » au 14 mars 2027 ; "
        "the supplier confirms the revised plan, 12 500 € over budget — Åsa, Øyvind & Œdipe. ") * 20


def _needs(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (fontconfig)")


def _needs_fonttools():
    return pytest.importorskip("fontTools.ttLib", reason="fontTools is not installed (pip install fonttools)")


def _face_or_skip(family: str, bold: bool = False):
    _needs("fc-match")
    _needs_fonttools()
    face = installed_face(family, bold)
    if face is None:
        pytest.skip(f"the font {family}{' bold' if bold else ''} (or a metric-compatible substitute) is not installed")
    return face


@pytest.fixture(autouse=True)
def _fresh_lookups():
    """Each test looks fonts up again (PATH may be patched), and leaves the cache clean behind it."""
    font_files._installed_face.cache_clear()
    yield
    font_files._installed_face.cache_clear()


@pytest.mark.parametrize(("typeface", "table"), [("Calibri", "carlito"), ("Arial", "liberation")])
@pytest.mark.parametrize("bold", [False, True])
def test_built_in_tables_equal_the_installed_files(typeface, table, bold):
    """The captured tables are what fontTools reads from Carlito / Liberation Sans: preferring them changes no width."""
    face = _face_or_skip(typeface, bold)
    line_em, widths = METRICS[(table, bold)]
    assert {ch: face.widths.get(ch) for ch in widths} == widths
    # Latin-1 and Latin Extended-A were captured whole: no character of the file is left out.
    assert {chr(c) for c in range(0x20, 0x180) if chr(c) in face.widths} <= set(widths)
    assert face.line_em == line_em


def test_built_in_families_never_read_a_file(monkeypatch):
    """Calibri and Arial keep their tables on every machine: no fontconfig lookup at all."""
    def fail(*args, **kwargs):
        raise AssertionError("fontconfig was asked")

    monkeypatch.setattr(font_files, "fc_match", fail)
    assert font_for("Calibri").family == "carlito" and font_for(" arial ").family == "liberation"
    assert font_for("Helvetica").factor == 1.0


def test_a_family_found_by_fontconfig_is_measured_from_its_file():
    """DejaVu Sans is measured with its own advance widths: a long string within 1 % of fontTools' sum."""
    face = _face_or_skip("DejaVu Sans")
    ttlib = _needs_fonttools()
    font = font_for("DejaVu Sans")
    assert font.factor == 1.0 and font.family.startswith("dejavu sans@")
    tt = ttlib.TTFont(face.path)
    cmap, hmtx, upem = tt.getBestCmap(), tt["hmtx"], tt["head"].unitsPerEm
    size = 14
    expected = sum(hmtx[cmap[ord(ch)]][0] for ch in LONG) / upem * size
    measured = text_width(LONG, size, font=font) / SAFETY  # the safety margin is ours, not the font's
    assert measured == pytest.approx(expected, rel=0.01)
    assert font.line_em == max(1.2, face.line_em)
    assert text_width(LONG, size, font=font) != text_width(LONG, size, font=font_for("Calibri"))


@pytest.mark.parametrize(("typeface", "substitute"), [("Cambria", "Caladea"), ("Times New Roman", "Liberation Serif"),
                                                      ("Courier New", "Liberation Mono")])
def test_a_metric_compatible_substitute_is_accepted(typeface, substitute):
    """Cambria is measured with Caladea's file, Times New Roman with Liberation Serif's, ..."""
    face = _face_or_skip(typeface)
    if face.family != substitute:
        pytest.skip(f"{typeface} is installed itself ({face.family})")
    assert font_for(typeface).family.startswith(substitute.lower() + "@")


def test_an_unknown_family_measures_conservatively():
    """fontconfig answers every query (DejaVu Sans for a made-up name): that answer is not accepted."""
    assert installed_face("Comic Strange Corporate", False) is None
    font = font_for("Comic Strange Corporate")
    assert (font.family, font.factor) == ("liberation", UNKNOWN_FACTOR)
    assert text_width("Budget", 12, font=font) > text_width("Budget", 12, font=font_for("Arial"))


def test_only_the_family_or_its_substitutes_are_accepted():
    regular = Match("/f/DejaVuSans.ttf", 0, ("DejaVu Sans", "DejaVu Sans Condensed"), 80)
    assert accepted("dejavu  sans", regular, False) == "DejaVu Sans"
    assert accepted("Verdana", regular, False) is None
    assert accepted("Calibri", Match("/f/Carlito.ttf", 0, ("Carlito",), 80), False) == "Carlito"
    assert accepted("Courier New", Match("/f/LiberationMono.ttf", 0, ("Liberation Mono",), 200), True)
    # A bold query answered by the regular face would be emboldened by fontconfig: refused.
    assert accepted("DejaVu Sans", regular, True) is None


def test_without_fontconfig_everything_falls_back(monkeypatch, tmp_path):
    """No fc-match on PATH: no file, no error, the conservative table for other families."""
    monkeypatch.setenv("PATH", str(tmp_path))
    assert fc_match("DejaVu Sans", False) is None
    assert installed_face("DejaVu Sans", True) is None
    font = font_for("DejaVu Sans")
    assert (font.family, font.factor) == ("liberation", UNKNOWN_FACTOR)
    assert font_for("Calibri").family == "carlito"
    assert wrap("one two three", 1000, 12, font=font) == ["one two three"]


def test_an_unreadable_font_file_is_no_face(tmp_path):
    _needs_fonttools()
    bad = tmp_path / "broken.ttf"
    bad.write_bytes(b"not a font at all")
    assert read_face(str(bad)) is None
    assert read_face(str(tmp_path / "missing.ttf")) is None


def test_a_face_is_read_once_per_process():
    """The second lookup is served from the cache: no fontconfig process, no file read."""
    _face_or_skip("DejaVu Sans")
    font_files._installed_face.cache_clear()
    start = time.perf_counter()
    first = font_for("DejaVu Sans")
    cold = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(100):
        again = font_for("DejaVu Sans")
    warm = (time.perf_counter() - start) / 100
    assert again == first and WIDTHS[(first.family, True)]
    assert font_files._installed_face.cache_info().hits >= 200
    assert warm < cold / 20


def test_the_key_names_the_files_by_content():
    """Two runs measuring with the same font files use the same key; another file would give another key."""
    regular, bold = _face_or_skip("DejaVu Sans"), _face_or_skip("DejaVu Sans", True)
    key = font_for("DejaVu Sans").family
    assert key == f"dejavu sans@{regular.digest[:16]}+{bold.digest[:16]}"
    assert read_face(regular.path).digest == regular.digest
