"""Markdown specifications: the document's own identifier scheme in auto mode, and the
warning when ``--id-pattern`` leaves out tokens that look like identifiers."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from docgen.readers.spec_markdown import analyse, read_spec_markdown
from docgen.readers.spec_markdown.blocks import scan
from docgen.readers.spec_markdown.ids import detect_scheme, left_out_message


def ids(text: str, mode: str | None = None, id_pattern: str | None = None) -> tuple[str, list[str]]:
    used, found, _ = analyse(text, mode, id_pattern)
    return used, [r.id for r in found]


def paragraphs(*ids_: str) -> str:
    return "# Spec\n\n## Rules\n\n" + "\n\n".join(
        f"{ident}: The server MUST do thing {n}." for n, ident in enumerate(ids_)) + "\n"


@pytest.mark.parametrize("tokens", [
    ("SEC_01", "SEC_02", "SEC_03"),                 # underscore
    ("DATA_DLT_01", "DATA_DLT_02", "DATA_DLT_05"),  # middle part, gaps in the numbering
    ("REQ.3.1", "REQ.3.2", "REQ.4"),                # dotted numbers
    ("SEC_04", "SEC_04a", "SEC_04b"),               # letter suffixes
    ("eID_05", "eID_06", "eID_07"),                 # mixed case
    ("STS9-1", "STS9-2", "STS9-3"),                 # digits in the prefix
])
def test_each_shape_is_found_in_auto_mode(tokens):
    assert ids(paragraphs(*tokens)) == ("id", list(tokens))


def test_levels_and_texts_come_from_the_id_text():
    _, found, _ = analyse(paragraphs("SEC_01", "SEC_02", "SEC_03").replace(
        "thing 1", "thing 1; it SHOULD also log"))
    assert [r.level for r in found] == ["must", "must", "must"]
    assert found[0].text == "The server MUST do thing 0."


def test_bold_paragraph_ids_and_an_id_glued_to_its_text():
    text = ("# Spec\n\n**STS9_01** The wallet SHALL ask.\n\n**STS9_02**: The wallet MAY show it.\n\n"
            "**STS9_06**The wallet SHALL stop.\n")
    used, found, _ = analyse(text)
    assert used == "id"
    assert [(r.id, r.level, r.text) for r in found] == [
        ("STS9_01", "must", "The wallet SHALL ask."),
        ("STS9_02", "may", "The wallet MAY show it."),
        ("STS9_06", "must", "The wallet SHALL stop."),
    ]


def test_backtick_and_list_item_ids():
    text = "# Spec\n\n- `SEC_04a` The client MUST retry.\n- `SEC_04b` It MAY log.\n- `SEC_05` Done.\n"
    assert ids(text) == ("id", ["SEC_04a", "SEC_04b", "SEC_05"])


def test_table_first_cell():
    text = ("# Spec\n\n| **Index** | **Requirement** |\n|---|---|\n"
            "| DATA_DLT_01 | A unit SHALL support it. |\n| DATA_DLT_02 | A unit SHOULD log. |\n"
            "| DATA_DLT_03 | `DATA_DLT_01` applies. A unit MAY ask. |\n")
    used, found, _ = analyse(text)
    assert used == "id"
    assert [(r.id, r.level) for r in found] == [
        ("DATA_DLT_01", "must"), ("DATA_DLT_02", "should"), ("DATA_DLT_03", "may")]


def test_explicit_id_mode_uses_the_scheme_too():
    assert ids(paragraphs("SEC_01", "SEC_02", "SEC_03"), mode="id")[1] == ["SEC_01", "SEC_02", "SEC_03"]


def test_prose_mentioning_an_id_stays_in_keyword_mode():
    text = ("# Spec\n\n## Rules\n\nSEC_04 was replaced. The server MUST log.\n\n"
            "The client SHOULD retry, as SEC_05 and SEC_06 said.\n\n"
            "- SEC_07 is gone; the client MAY cache.\n")
    used, found, _ = analyse(text)
    assert used == "keyword"
    assert [r.level for r in found] == ["must", "should", "may"]


def test_two_ids_of_a_shape_are_no_scheme_and_mentions_do_not_count():
    text = ("# Spec\n\nSEC_01: The server MUST log.\n\nSEC_02: It SHOULD rotate.\n\n"
            "See SEC_03, SEC_04 and SEC_05: the client MAY retry.\n")
    assert ids(text)[0] == "keyword"


def test_names_of_standards_and_versions_are_no_scheme():
    text = ("# Spec\n\n- ISO_8601 dates MUST be used.\n- ISO_3166 codes MUST be used.\n"
            "- ISO_4217 codes SHOULD be used.\n- V1.1 MAY be read.\n- V1.2 MAY be read.\n"
            "- V1.3 MAY be read.\n")
    assert detect_scheme(scan(text)) is None
    assert ids(text)[0] == "keyword"


def test_default_ids_are_read_as_before():
    text = "# Spec\n\nESS-001: It MUST work.\n\nESS-002: It SHOULD work.\n"
    assert ids(text) == ("id", ["ESS-001", "ESS-002"])


def test_warning_when_the_pattern_leaves_out_ids(tmp_path: Path):
    path = tmp_path / "spec.md"
    path.write_text(paragraphs("SEC_01", "SEC_02", "SEC_04b", "eID_07", "SEC_05c", "SEC_06d"),
                    encoding="utf-8")
    source = read_spec_markdown(path, id_pattern="[A-Z]+_[0-9]+")
    assert [r["id"] for r in source.data["requirements"]] == ["SEC_01", "SEC_02"]
    [warning] = source.warnings
    assert warning.message.startswith(
        "--id-pattern '[A-Z]+_[0-9]+' leaves out SEC_04b, eID_07, SEC_05c and 1 more")
    assert warning.line == 9
    assert "SEC_04b" in str(warning)


def test_no_warning_when_the_pattern_takes_every_id(tmp_path: Path):
    path = tmp_path / "spec.md"
    path.write_text(paragraphs("SEC_01", "SEC_02", "SEC_04b"), encoding="utf-8")
    assert read_spec_markdown(path, id_pattern=r"SEC_\d+[a-z]?").warnings == []
    assert read_spec_markdown(path).warnings == []


def test_left_out_message_names_at_most_three():
    assert left_out_message("X", ["A_1", "B_2"]).startswith("--id-pattern 'X' leaves out A_1, B_2 (")


def test_detection_stays_linear():
    line = "SEC_" + "A_" * 50_000 + " text\n"
    text = "# Spec\n\n" + "".join(f"SEC_{n}: The server MUST do {n}.\n\n" for n in range(20_000))
    start = time.perf_counter()
    analyse(line * 5 + text)
    assert time.perf_counter() - start < 10
