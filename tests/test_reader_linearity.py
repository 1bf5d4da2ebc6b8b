"""Every reader in linear time on pathological shapes, ending with a result or a clean InputError.

Each shape is about 1 MB (or a 400-level nesting); each run must finish within TIME_LIMIT_S and
raise nothing but InputError. The scaling tests time a realistic notes file and a realistic
specification at N and 4N and require the ratio to stay well under the 16 of a quadratic.
Cases still slower than the limit are marked xfail with what is slow, so they show in the run.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path

import pytest

from docgen.errors import InputError
from docgen.readers.markdown_minutes import read_markdown_minutes
from docgen.readers.requirements import read_assessment, read_requirements
from docgen.readers.spec_markdown import extract, read_spec_markdown
from docgen.richtext import markdown_html, parse

ROOT = Path(__file__).resolve().parents[1]
TIME_LIMIT_S = 5.0
MB = 1_000_000
DEPTH = 400


def _shapes() -> dict[str, str]:
    return {
        "spaces_line": "x" + " " * MB + "x\n",
        "spaces_only": " " * MB,
        "open_brackets": "[" * MB,
        "bracket_paren": "[](" * (MB // 3),
        "stars": "*" * MB,
        "underscores": "_" * MB,
        "backticks": "`" * MB,
        "short_lines": "a\n" * 100_000,
        "nested_list": "".join("  " * i + "- item\n" for i in range(DEPTH)),
        "nested_list_4": "".join("    " * i + "- item\n" for i in range(DEPTH)),
        "nested_numbered": "".join("   " * i + "1. item\n" for i in range(DEPTH)),
        "list_markers_one_line": "- " * DEPTH + "x\n",
        "quotes_one_line": ">" * DEPTH + " x\n",
        "quotes_growing": "".join(">" * i + " x\n" for i in range(1, DEPTH)),
        "table_10k_columns": "|" + "a|" * 10_000 + "\n|" + "-|" * 10_000 + "\n|" + "b|" * 10_000 + "\n",
        "pipes_line": "|" * 100_000 + "\n",
        "headings_50k": "# h\n" * 50_000,
        "open_comments": "<!--\n" * (MB // 5),
        "unclosed_tags": "<div>" * (MB // 5),
        "unclosed_attributes": '<a href="' * (MB // 9),
        "no_newline": "word " * (MB // 5),
        "setext": "a\n=\n" * (MB // 4),
        "dense_emphasis": "*a* " * (MB // 4),
    }


SHAPES = _shapes()
NOTES_NAME = "notes-2026-03-04.md"  # a date in the name, so content without one is not refused


def _notes(text: str, tmp_path: Path) -> object:
    path = tmp_path / NOTES_NAME
    path.write_text(text, encoding="utf-8")
    return read_markdown_minutes(path)


def _spec(text: str, tmp_path: Path) -> object:
    path = tmp_path / "spec.md"
    path.write_text(text, encoding="utf-8")
    return read_spec_markdown(path)


def _spec_extract(text: str, tmp_path: Path) -> object:
    return extract(text)


def _csv_requirements(text: str, tmp_path: Path) -> object:
    path = tmp_path / "requirements.csv"
    cell = '"' + text.replace('"', "'") + '"'
    path.write_text(f"id,text\nREQ-1,{cell}\n{text}", encoding="utf-8")
    return read_requirements(path)


def _csv_assessment(text: str, tmp_path: Path) -> object:
    path = tmp_path / "assessment.csv"
    cell = '"' + text.replace('"', "'") + '"'
    path.write_text(f"id,status,evidence\nREQ-1,compliant,{cell}\n{text}", encoding="utf-8")
    return read_assessment(path)


def _richtext(text: str, tmp_path: Path) -> object:
    return parse(text)


def _richtext_html(text: str, tmp_path: Path) -> object:
    return markdown_html(text)


READERS = {
    "notes": _notes, "spec": _spec, "spec_extract": _spec_extract, "csv_requirements": _csv_requirements,
    "csv_assessment": _csv_assessment, "richtext": _richtext, "richtext_html": _richtext_html,
}

# (reader, shape) -> what is slow, for a case still over the limit at 1 MB (measured, 2 cores):
# listed, not run. Empty: every case runs.
KNOWN_SLOW: dict[tuple[str, str], str] = {}


def _cases():
    for reader in READERS:
        for shape in SHAPES:
            marks = []
            if (reader, shape) in KNOWN_SLOW:
                marks.append(pytest.mark.xfail(run=False, reason=KNOWN_SLOW[(reader, shape)]))
            yield pytest.param(reader, shape, id=f"{reader}-{shape}", marks=marks)


@pytest.mark.parametrize(("reader", "shape"), list(_cases()))
def test_pathological_shape_is_linear_and_clean(reader: str, shape: str, tmp_path: Path) -> None:
    text = SHAPES[shape]
    start = time.perf_counter()
    try:
        READERS[reader](text, tmp_path)
    except InputError as error:
        assert error.problems and all(p.message for p in error.problems)
    seconds = time.perf_counter() - start
    assert seconds < TIME_LIMIT_S, f"{reader} on {shape}: {seconds:.1f} s"


def test_deep_nesting_is_flattened_not_dropped() -> None:
    text = "".join("    " * i + f"- item {i}\n" for i in range(DEPTH)) + "\nafter the list\n"
    blocks = parse(text)
    assert max(block.level for block in blocks) <= 40
    assert blocks[-1].text == "after the list"
    assert sum(1 for block in blocks if block.kind == "bullet") == DEPTH


def test_deep_notes_list_keeps_what_follows(tmp_path: Path) -> None:
    body = "".join("  " * i + f"- item {i}\n" for i in range(DEPTH))
    text = f"# Weekly sync 2026-03-04\n\n## Topic\n\n{body}\n## Decisions\n\n- Ship it\n"
    source = _notes(text, tmp_path)
    decisions = [d["text"] for item in source.data["agenda"] for d in item["decisions"]]
    assert decisions == ["Ship it"]
    notes = "\n".join(item.get("notes", "") for item in source.data["agenda"])
    assert "item 0" in notes and f"item {DEPTH - 1}" in notes


def _realistic_notes(topics: int) -> str:
    parts = ["# Project sync 2026-03-04\n\n## Attendees\n\n- Ann Lee (chair)\n- Bob Stone\n- Carol Diaz\n"]
    for n in range(topics):
        parts.append(
            f"\n## Topic {n}: release planning {n}\n\n"
            f"Discussion of item {n} with **bold**, *italic*, `code` and [a link](https://example.org/{n}).\n\n"
            f"- Ann: the build is green\n    - nested detail {n}\n- Bob to review the plan (due 2026-04-0{n % 9 + 1})\n"
            f"- [ ] Carol: update the risk register\n\nDecision: adopt option {n}\n")
    return "".join(parts)


def _realistic_spec(sections: int) -> str:
    parts = ["# Interface specification\n\nThe key words MUST and SHOULD are to be interpreted as in BCP 14.\n"]
    for n in range(sections):
        parts.append(
            f"\n## {n + 1}. Section {n}\n\nThe server MUST accept requests of kind {n}. Clients SHOULD retry. "
            f"See [RFC 9110](https://www.rfc-editor.org/rfc/rfc9110) e.g. for methods.\n\n"
            f"| Field | Rule |\n| --- | --- |\n| f{n} | MUST be present |\n\n"
            f"- The client:\n  - MUST send `id-{n}`;\n  - MAY send a comment.\n")
    return "".join(parts)


def _best_of(function, text: str, tmp_path: Path, runs: int) -> float:
    """Return the best wall time of ``runs`` runs, the garbage collector paused during each.

    The collector's full passes come at moments that depend on everything else in the process
    (and the machine's load), not on the reader's algorithm.
    """
    times = []
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            function(text, tmp_path)
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(times)


@pytest.mark.parametrize(("function", "make"), [(_notes, _realistic_notes), (_spec, _realistic_spec)],
                         ids=["notes", "spec"])
def test_four_times_the_input_takes_less_than_six_times_as_long(function, make, tmp_path: Path) -> None:
    small, large = make(300), make(1200)  # notes: 3,300 and 13,200 lines (under MAX_LINES)
    function(small, tmp_path)  # warm-up: imports, compiled patterns
    # best of 5 and 7: one slow run on a shared machine took a linear reader to 6.1x once
    ratio = _best_of(function, large, tmp_path, 5) / _best_of(function, small, tmp_path, 7)
    assert ratio < 6, f"ratio {ratio:.1f} for 4x the input"


def test_notes_of_100k_lines_read_in_linear_time(tmp_path: Path) -> None:
    """A 100,000-line notes file (9,090 topics with actions and decisions) reads in linear time."""
    small, large = _realistic_notes(2_272), _realistic_notes(9_090)  # 25,000 and 100,000 lines
    assert large.count("\n") >= 99_990
    _notes(small, tmp_path)  # warm-up
    ratio = _best_of(_notes, large, tmp_path, 1) / _best_of(_notes, small, tmp_path, 2)
    assert ratio < 6, f"ratio {ratio:.1f} for 4x the lines"
