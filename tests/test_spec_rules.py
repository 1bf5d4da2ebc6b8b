"""Markdown specification rules (issue 16), one small inline example per convention.

Headings are titles; the BCP 14 key-words paragraph in its IETF, W3C, OASIS, ETSI and ISO forms
holds no requirement; markup stays out of section names and ids; definition lists are prose;
in keyword mode the sentence rule applies inside table cells.
"""

from __future__ import annotations

from docgen.readers.spec_markdown import extract


def found(text: str, mode: str | None = "keyword") -> list[tuple[str, str, str]]:
    """Return ``(id, level, text)`` of every requirement of ``text``."""
    return [(r.id, r.level, r.text) for r in extract(text, mode)]


# --- 1. headings are titles, never requirements ---------------------------------------------

def test_atx_heading_with_a_keyword_is_a_title():
    text = "# Message\n\n### OPTIONAL Fields\n\nA field MAY be left out.\n"
    assert found(text) == [("optional-fields-1", "may", "A field MAY be left out.")]


def test_atx_heading_with_closing_hashes_and_every_level_is_a_title():
    text = "\n\n".join(f"{'#' * n} Things that MUST be done {'#' * n}" for n in range(1, 7))
    assert extract(text + "\n\nClients SHOULD act.\n", "keyword")[0].text == "Clients SHOULD act."
    assert len(extract(text + "\n\nClients SHOULD act.\n", "keyword")) == 1


def test_setext_headings_are_titles():
    text = ("Fields that MUST be present\n===========================\n\n"
            "Records SHOULD be small.\n\nOPTIONAL parts\n--------------\n\nParts MAY repeat.\n")
    assert found(text) == [
        ("fields-that-must-be-present-1", "should", "Records SHOULD be small."),
        ("optional-parts-1", "may", "Parts MAY repeat.")]


def test_a_bold_line_is_a_paragraph_not_a_heading():
    text = "# Rules\n\n**Servers MUST log every request.**\n\nLogs MAY rotate.\n"
    assert found(text) == [("rules-1", "must", "**Servers MUST log every request.**"),
                           ("rules-2", "may", "Logs MAY rotate.")]


def test_hashes_without_a_space_and_indented_hashes_are_no_heading():
    # "#5" is a paragraph in CommonMark; four spaces of indentation make code.
    text = "# Rules\n\n#5 Clients MUST retry.\n\n    # Code MUST NOT count\n"
    assert found(text) == [("rules-1", "must", "#5 Clients MUST retry.")]


def test_heading_in_id_mode_is_a_section_not_a_requirement():
    text = ("# Spec\n\n## OPTIONAL Features\n\nREQ-1: Export MAY be offered.\n\n"
            "REQ-2: Import MUST validate.\n")
    got = [(r.id, r.section, r.level) for r in extract(text)]
    assert got == [("REQ-1", "OPTIONAL Features", "may"), ("REQ-2", "OPTIONAL Features", "must")]


def test_kramdown_rfc_division_titles_are_no_requirement():
    text = ("---\ntitle: X\n--- abstract\n\nThis MAY help.\n\n--- middle\n\n"
            "# Requirements that MUST hold\n\nA MUST hold.\n")
    assert found(text) == [("abstract-1", "may", "This MAY help."), ("1-1", "must", "A MUST hold.")]
