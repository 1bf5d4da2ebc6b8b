"""Markdown specification rules (issue 16), one small inline example per convention.

Headings are titles; the BCP 14 key-words paragraph in its IETF, W3C, OASIS, ETSI and ISO forms
holds no requirement; markup stays out of section names and ids; definition lists are prose;
in keyword mode the sentence rule applies inside table cells.
"""

from __future__ import annotations

import pytest

from docgen.readers.spec_markdown import extract
from docgen.readers.spec_markdown.keywords import is_boilerplate


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


# --- 2. the BCP 14 key-words paragraph holds no requirement ---------------------------------

REAL_REQUIREMENT = "\n\nClients MUST retry.\n"
BOILERPLATES = {
    "ietf-rfc2119": (
        'The key words "MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT", "SHOULD",\n'
        '"SHOULD NOT", "RECOMMENDED", "MAY", and "OPTIONAL" in this document are to be\n'
        "interpreted as described in RFC 2119 [RFC2119]."),
    "ietf-rfc8174": (
        'The key words "MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL\nNOT", "SHOULD", '
        '"SHOULD NOT", "RECOMMENDED", "NOT RECOMMENDED",\n"MAY", and "OPTIONAL" in this '
        "document are to be interpreted as\ndescribed in BCP 14 {{RFC2119}} {{RFC8174}} when, "
        "and only when, they\nappear in all capitals, as shown here."),
    "w3c-respec": (
        "As well as sections marked as non-normative, all authoring guidelines, diagrams, "
        "examples, and notes in this specification are non-normative. Everything else in this "
        "specification is normative.\nThe key words MAY, MUST, MUST NOT, and SHOULD in this "
        "document are to be interpreted as described in BCP 14 [[RFC2119]] [[RFC8174]] when, "
        "and only when, they appear in all capitals, as shown here."),
    "w3c-two-words": (
        "The key words MUST and SHOULD in this document are to be interpreted as described in "
        "[BCP 14](https://www.rfc-editor.org/info/bcp14)."),
    "w3c-bikeshed": (
        "Conformance requirements are expressed with a combination of descriptive assertions "
        "and RFC 2119 terminology. The key words \u201cMUST\u201d, \u201cMUST NOT\u201d, "
        "\u201cREQUIRED\u201d, \u201cSHALL\u201d, \u201cSHALL NOT\u201d, \u201cSHOULD\u201d, "
        "\u201cSHOULD NOT\u201d, \u201cRECOMMENDED\u201d, \u201cMAY\u201d, and "
        "\u201cOPTIONAL\u201d in the normative parts of this document are to be interpreted as "
        "described in RFC 2119. However, for readability, these words do not appear in all "
        "uppercase letters in this specification."),
    "oasis": (
        'The key words "MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT", "SHOULD", '
        '"SHOULD NOT", "RECOMMENDED", "NOT RECOMMENDED", "MAY", and "OPTIONAL" in this '
        "document are to be interpreted as described in BCP 14 \\[[RFC2119](#RFC2119)\\] "
        "\\[[RFC8174](#RFC8174)\\] when, and only when, they appear in all capitals, as shown "
        "here."),
    "etsi": (
        'In the present document "SHALL", "SHALL NOT", "SHOULD", "SHOULD NOT", "MAY", '
        '"NEED NOT", "WILL", "WILL NOT", "CAN" and "CANNOT" are to be interpreted as described '
        "in clause 3.2 of the ETSI Drafting Rules (Verbal forms for the expression of "
        "provisions)."),
    "etsi-must-not-allowed": (
        '"MUST" and "MUST NOT" are NOT allowed in ETSI deliverables except when used in direct '
        "citation."),
    "iso-verbal-forms": (
        'In this document, the following verbal forms are used: "SHALL" indicates a '
        'requirement; "SHOULD" indicates a recommendation; "MAY" indicates a permission; '
        '"CAN" indicates a possibility or a capability.'),
    "iso-directives": (
        "The verbal forms SHALL, SHALL NOT, SHOULD and MAY are used in accordance with the "
        "ISO/IEC Directives, Part 2."),
    "conformance-verbs": (
        "This specification uses the conformance verbs SHALL, MUST, SHOULD, and MAY as defined "
        "in [RFC 2119](https://www.ietf.org/rfc/rfc2119.txt)."),
    "own-copy": (
        'The key words "MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT", "SHOULD", '
        '"SHOULD NOT", "RECOMMENDED", "MAY", and "OPTIONAL" in this document are to be '
        "interpreted as described in [TRD1]."),
    "capitalised-words": (
        "The capitalized words MUST, SHOULD and MAY in this profile have the meanings given "
        "in the conventions section of the base standard."),
}


@pytest.mark.parametrize("name", sorted(BOILERPLATES))
def test_key_words_paragraph_holds_no_requirement(name):
    text = "# Conventions\n\n" + BOILERPLATES[name] + REAL_REQUIREMENT
    assert found(text) == [("conventions-1", "must", "Clients MUST retry.")]
    assert is_boilerplate(BOILERPLATES[name])


def test_key_words_listed_one_per_item_under_the_boilerplate_hold_no_requirement():
    # Trust over IP writes the key words as a list under the BCP 14 sentence.
    text = ("# Conventions\n\nThe following key words in this document are to be interpreted "
            "as described in BCP 14 [RFC2119] [RFC8174] when, and only when, they appear in all "
            'capitals, as shown here:\n1. "MUST"\n1. "MUST NOT"\n1. "SHOULD"\n1. \u201cMAY\u201d'
            + REAL_REQUIREMENT)
    assert found(text) == [("conventions-1", "must", "Clients MUST retry.")]


@pytest.mark.parametrize("sentence", [
    "Clients MUST interpret the key words of the header.",
    'The "level" member MUST be "REQUIRED" or "OPTIONAL".',
    "Servers MUST support TLS as described in RFC 8446 and SHOULD use HTTP/2 as described in "
    "RFC 9113.",
    "Parsers MUST accept the keywords as described in Section 3 and SHOULD warn otherwise.",
    "Implementations MUST follow RFC 2119 checks and SHOULD log them.",
])
def test_requirements_near_the_wording_stay_requirements(sentence):
    assert not is_boilerplate(sentence)
    assert [r.text for r in extract("# R\n\n" + sentence + "\n", "keyword")] == [sentence]


# --- 3. markup never leaks into section names and ids ---------------------------------------

@pytest.mark.parametrize(("heading", "section", "prefix"), [
    ("## Transport <!-- omit in toc -->", "Transport", "transport"),
    ("## <!-- keep short --> Transport", "Transport", "transport"),
    ("## Transport ##", "Transport", "transport"),
    ("## Overview ## {#meta-overview}", "Overview", "overview"),
    ('## <a name="transport" /> Transport', "Transport", "transport"),
    ('## <a id="transport"></a>Transport', "Transport", "transport"),
    ('## <a name="t">Transport</a> layer', "Transport layer", "transport-layer"),
    ("## Transport {#custom-id}", "Transport", "transport"),
    ("## Transport {: #custom-id .wide}", "Transport", "transport"),
    ("## 4.2 Errors <span id=\"errors\"></span>", "4.2 Errors", "4.2"),
    ("Transport <!-- setext -->\n---------", "Transport", "transport"),
])
def test_heading_markup_leaves_section_name_and_ids(heading, section, prefix):
    requirement = extract(f"{heading}\n\nClients MUST retry.\n", "keyword")[0]
    assert (requirement.section, requirement.id) == (section, f"{prefix}-1")


def test_hashes_that_are_not_a_closing_sequence_stay():
    assert extract("## Issue #42\n\nClients MUST retry.\n", "keyword")[0].section == "Issue #42"


def test_an_inline_comment_holds_no_keyword_and_leaves_the_text():
    text = "# A\n\nClients MUST retry. <!-- Editors MUST check this. -->\n"
    assert found(text) == [("a-1", "must", "Clients MUST retry.")]


def test_anchors_before_an_identifier_leave_the_id():
    text = ('# S\n\n<a name="r1"></a>REQ-1: Keys MUST rotate.\n\n<a id="r2"/>REQ-2: Logs MAY '
            'rotate.\n\n| ID | Text |\n| -- | -- |\n| <a name="r3"></a>REQ-3 | Tokens SHOULD '
            'expire. |\n')
    assert found(text, None) == [("REQ-1", "must", "Keys MUST rotate."),
                                 ("REQ-2", "may", "Logs MAY rotate."),
                                 ("REQ-3", "should", "Tokens SHOULD expire.")]


# --- 4. definition lists are prose, not code ------------------------------------------------

def test_kramdown_definitions_and_their_indented_paragraphs_are_prose():
    text = ("# Fields\n\n`name`\n:   The name MUST be set.\n\n    A second paragraph of the "
            "definition SHOULD follow.\n\n`size`\n\n:   The size MAY be empty.\n\n"
            "        code in a definition MUST NOT count\n")
    assert found(text) == [
        ("fields-1", "must", "The name MUST be set."),
        ("fields-2", "should", "A second paragraph of the definition SHOULD follow."),
        ("fields-3", "may", "The size MAY be empty.")]


def test_bikeshed_definition_list_terms_and_definitions():
    text = "# Fields\n\n: name\n:: The name MUST be set.\n: key 1\n: key 2\n:: Keys SHOULD be short.\n"
    assert found(text) == [("fields-1", "must", "The name MUST be set."),
                           ("fields-2", "should", "Keys SHOULD be short.")]


BIKESHED_HEAD = "<pre class='metadata'>\nTitle: Widgets\nShortname: widgets\n</pre>\n\n"


def test_bikeshed_source_has_no_indented_code():
    # Bikeshed-flavoured Markdown has no indented code blocks: indentation nests HTML.
    text = (BIKESHED_HEAD + "# Fields\n\n<dl>\n    <dt>name\n    <dd>The name MUST be set.\n\n"
            "        It SHOULD be short.\n</dl>\n\n    Indented prose MAY follow.\n\n"
            "<xmp>\nraw example MUST NOT count\n</xmp>\n")
    assert found(text) == [("fields-1", "must", "The name MUST be set."),
                           ("fields-2", "should", "It SHOULD be short."),
                           ("fields-3", "may", "Indented prose MAY follow.")]


def test_indented_text_after_a_blank_line_stays_code_in_commonmark():
    text = "# Fields\n\n`name`\n\n    The name MUST be set.\n\nNames MAY repeat.\n"
    assert found(text) == [("fields-1", "may", "Names MAY repeat.")]


def test_html_definition_list_text_is_prose_without_its_tags():
    text = ("# Fields\n\n<dl>\n  <dt>name</dt>\n  <dd>The name MUST be set.</dd>\n  <dt>size</dt>"
            "\n  <dd>The size MAY be empty.</dd>\n</dl>\n")
    assert found(text) == [("fields-1", "must", "The name MUST be set."),
                           ("fields-2", "may", "The size MAY be empty.")]


# --- 5. keyword mode, tables: the sentence rule inside cells --------------------------------

def test_each_keyword_sentence_of_a_cell_is_a_requirement_with_the_row_as_context():
    text = ("# Retries\n\n| Option | Rule |\n| --- | --- |\n"
            "| `retry` | The client MUST retry. It SHOULD NOT retry more than 3 times. It MAY log "
            "each retry. |\n| `log` | Logs MAY rotate. |\n")
    assert found(text) == [
        ("retries-1a", "must", "`retry` | The client MUST retry."),
        ("retries-1b", "should", "`retry` | It SHOULD NOT retry more than 3 times."),
        ("retries-1c", "may", "`retry` | It MAY log each retry."),
        ("retries-2", "may", "`log` | Logs MAY rotate.")]


def test_a_level_cell_is_a_sentence_and_keyword_free_sentences_are_context():
    text = ("# Fields\n\nName | Description | Applicability | Constraints\n---|---|---|---\n"
            "`vendor` | The vendor. Used by tools. | OPTIONAL | MUST NOT be set without `url`\n")
    assert found(text) == [
        ("fields-1a", "may", "`vendor` | The vendor. Used by tools. | OPTIONAL"),
        ("fields-1b", "must", "`vendor` | The vendor. Used by tools. | MUST NOT be set without "
                              "`url`")]


def test_an_italic_note_in_a_cell_is_a_sentence_of_its_own():
    text = ("# Fields\n\n| Field | Rule |\n|---|---|\n| `id` | The id MUST be unique "
            "*Note: it MAY be reused after deletion* |\n| `tag` | Tags SHOULD be short.<br>"
            "_Note, tags MAY repeat._ |\n")
    assert found(text) == [
        ("fields-1a", "must", "`id` | The id MUST be unique"),
        ("fields-1b", "may", "`id` | *Note: it MAY be reused after deletion*"),
        ("fields-2a", "should", "`tag` | Tags SHOULD be short."),
        ("fields-2b", "may", "`tag` | _Note, tags MAY repeat._")]


def test_a_header_row_is_column_titles_not_a_requirement():
    text = "# Fields\n\n| Field | REQUIRED |\n|---|---|\n| `id` | yes |\n| `tag` | It MAY repeat. |\n"
    assert found(text) == [("fields-1", "may", "`tag` | It MAY repeat.")]


def test_a_table_of_one_row_holds_content():
    # A boxed note, or a Word call-out box turned into Markdown: no body row, no column titles.
    text = "# Notes\n\n| Clients MUST log every retry. |\n| --- |\n\nLogs MAY rotate.\n"
    assert found(text) == [("notes-1", "must", "Clients MUST log every retry."),
                           ("notes-2", "may", "Logs MAY rotate.")]


def test_id_mode_keeps_one_requirement_per_authors_id():
    text = ("# Rules\n\n| ID | Requirement |\n|---|---|\n| SEC-1 | Keys MUST rotate. Old keys "
            "MAY be kept. |\n| SEC-2 | Logs SHOULD be kept. |\n")
    assert found(text, None) == [("SEC-1", "must", "Keys MUST rotate. Old keys MAY be kept."),
                                 ("SEC-2", "should", "Logs SHOULD be kept.")]


def test_row_suffixes_go_past_z():
    from docgen.readers.spec_markdown.cells import suffix

    assert [suffix(n) for n in (1, 2, 26, 27, 28, 52, 53)] == \
        ["a", "b", "z", "aa", "ab", "az", "ba"]


# --- 6. the benchmark's specification and its figures ---------------------------------------

def _bench():
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "spec_bench.py"
    spec = importlib.util.spec_from_file_location("spec_bench", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("spec_bench", module)
    spec.loader.exec_module(module)
    return module


def test_benchmark_specification_reads_as_the_rules_say(capsys):
    bench = _bench()
    requirements = extract(bench.make_spec(100))
    assert len(requirements) == 2 * 17  # two sections of 50 lines, 17 keyword sentences each
    texts = " ".join(r.text for r in requirements)
    for excluded in ("MUST NOT count", "key words", "Quoted text", "editor's note"):
        assert excluded not in texts
    assert {r.id for r in requirements if r.id.startswith("1-6")} == {"1-6a", "1-6b", "1-6c"}
    assert bench.main(["--lines", "200,400", "--runs", "1", "--limit", "60"]) == 0
    printed = capsys.readouterr().out
    assert "for x2.0 the lines" in printed and "under the 60 s limit" in printed

