"""Typography of the slides (issue 17): no line break inside "99.5 %", "23 November 2026", "A-012", "(HRIS-26)";
French spacing, days in "j", plurals and translated labels."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from office import needs_office, render, word_boxes
from pptx import Presentation

from docgen.deck.measure import DEFAULT_FONT, text_width, wrap
from docgen.deck.typography import NBSP, NNBSP, WORD_JOINER, glue, plain, typeset
from tests.deck_data import CONTRACT

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "status.yaml"
JOINED_ID = f"A{WORD_JOINER}-{WORD_JOINER}012"


def all_text(path: Path) -> str:
    """Return every text on every slide of the deck at ``path`` (shapes and table cells), one per line."""
    out = []
    for slide in Presentation(path).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                out.append(shape.text_frame.text)
            if shape.has_table:
                out += [c.text for row in shape.table.rows for c in row.cells]
    return "\n".join(out)


def test_amounts_dates_and_ids_do_not_break():
    assert typeset("at 99.5 % on 23 November 2026 for A-012 (HRIS-26)", "en") == (
        f"at 99.5{NBSP}% on 23{NBSP}November{NBSP}2026 for {JOINED_ID} (HRIS{WORD_JOINER}-{WORD_JOINER}26)")
    assert typeset("1er février 2026, 2 déc. 2026, Dec 2026, +12 j, 25 k€", "fr") == (
        f"1er{NBSP}février{NBSP}2026, 2{NBSP}déc.{NBSP}2026, Dec{NBSP}2026, +12{NBSP}j, 25{NBSP}k€")
    assert typeset("Option 2 Mitigation, 3 days, go-live, Wave-2", "en") == (
        f"Option 2 Mitigation, 3{NBSP}days, go-live, Wave-2")
    once = typeset("Décision : A-012 ; 5 % ?", "fr")
    assert once == f"Décision{NNBSP}: {JOINED_ID}{NNBSP}; 5{NBSP}%{NNBSP}?" and typeset(once, "fr") == once
    assert typeset("Payroll: done ; really ?", "en") == "Payroll: done ; really ?"  # French spacing in French only
    assert plain(once) == "Décision : A-012 ; 5 % ?"


def test_measuring_keeps_the_same_words_together():
    text = "The parallel run reached 99.5 % on 23 November 2026"
    assert len(glue(text)) == len(text)
    for width in range(60, 400, 7):
        for line in wrap(text, width, 14):
            words = line.split(" ")
            assert words[-1] not in ("99.5", "23", "November"), (width, line)
    # The no-break characters are as wide as what they stand for; the word joiner is nothing.
    assert text_width(f"23{NBSP}Nov", 12) == text_width("23 Nov", 12)
    assert text_width(JOINED_ID, 12) == text_width("A-012", 12)
    assert text_width(f"a{NNBSP}:", 12, font=DEFAULT_FONT) == text_width("a :", 12)


@pytest.fixture(scope="module")
def decks(tmp_path_factory) -> dict[str, Path]:
    """Return the sample deck in English and French."""
    from click.testing import CliRunner

    from docgen.cli import cli

    out = tmp_path_factory.mktemp("typo")
    made = {}
    for lang in ("en", "fr"):
        dest = out / f"deck-{lang}.pptx"
        result = CliRunner().invoke(cli, ["deck", str(SAMPLE), "--lang", lang, "-o", str(dest)],
                                    catch_exceptions=False)
        assert result.exit_code == 0, result.output
        made[lang] = dest
    return made


def test_sample_deck_text_is_typeset(decks):
    text = all_text(decks["en"])
    assert f"99.5{NBSP}%" in text and f"23{NBSP}November{NBSP}2026" in text
    assert f"R{WORD_JOINER}-{WORD_JOINER}004" in text and f"(HRIS{WORD_JOINER}-{WORD_JOINER}26)" in text
    assert not re.search(r"\b[A-Z]+-\d+\b", text)  # every id joined
    assert not re.search(r"\d %|\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|"
                         r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b", text)


def test_french_deck(decks):
    text = all_text(decks["fr"])
    assert f"+12{NBSP}j" in text and "+12 d" not in text
    assert f"Recommandé{NNBSP}:" in text
    assert not re.search(r"[ \u00a0][:;!?](?:\s|$)", text)  # a narrow no-break space before : ; ! ?
    assert "Atténuation" in text and "Mitigation" not in text
    assert "risques ouverts" in text


def test_french_plurals(tmp_path, invoke):
    data = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
    risks = data["risks"]
    data["risks"] = [dict(risks[0], status="open"), dict(copy.deepcopy(risks[0]), id="R-099", status="closed")]
    source = tmp_path / "status.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for lang, expected in (("fr", f"1 risque ouvert{NNBSP}; 1 risque clos non affiché"),
                           ("en", "1 open risk; 1 closed risk not shown")):
        out = tmp_path / f"{lang}.pptx"
        assert invoke("deck", source, "--lang", lang, "-o", out).exit_code == 0
        assert expected in all_text(out)


def _fonts_have(char: str) -> list[str]:
    """Return the families fontconfig knows with a glyph for ``char`` among Carlito and Liberation Sans."""
    found = subprocess.run(["fc-list", f":charset={ord(char):x}", "family"], capture_output=True, text=True).stdout
    return [f for f in ("Carlito", "Liberation Sans") if f in found]


@needs_office
def test_libreoffice_keeps_dates_amounts_and_ids_on_one_line(tmp_path, invoke):
    if shutil.which("fc-list") is None:
        pytest.skip("fc-list (fontconfig) is not installed")
    # The deck fonts lack U+2011 (the non-breaking hyphen): that is why ids use word joiners.
    assert _fonts_have("\u2011") == []
    data = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
    filler = ["The run", "The parallel run", "The second parallel run", "Then the second parallel payroll run"]
    data["overall"]["summary"] = " ".join(
        f"{lead} {'reached ' * (n % 3)}99.5 % on 23 November 2026 for A-012 (HRIS-26)."
        for n in range(12) for lead in filler[n % 4:n % 4 + 1])
    source = tmp_path / "status.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "deck.pptx"
    assert invoke("deck", source, "-o", out).exit_code == 0
    rendered = render(out, tmp_path / "pdf")
    checked = 0
    for page in word_boxes(rendered.pdf):
        words = page.words
        for n, word in enumerate(words):
            if word.text == "November" and 0 < n < len(words) - 1 and words[n - 1].text == "23":
                assert abs(words[n - 1].y0 - word.y0) < 1, "23 | November"
                assert words[n + 1].text.startswith("2026") and abs(words[n + 1].y0 - word.y0) < 1
                checked += 1
            if word.text == "%":
                assert re.fullmatch(r"[-+(]?[\d.,]+", words[n - 1].text) and abs(words[n - 1].y0 - word.y0) < 1, \
                    f"{words[n - 1].text} | %"
            if "012" in word.text or word.text.endswith("A-"):
                assert plain(word.text) == "A-012", word.text  # not "A-" at a line end
            if "HRIS" in word.text and "26" in plain(word.text) or word.text.endswith("HRIS-"):
                assert plain(word.text).strip("().") == "HRIS-26", word.text
    assert checked >= 10
    # Nothing was drawn as a missing glyph: the word joiner is not printed.
    assert "\ufffd" not in rendered.text
