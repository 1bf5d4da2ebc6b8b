"""The Markdown specification reader on many headings: linear, and the same ids as before.

A document of tens of thousands of headings (one title repeated, ATX or setext, or a title
repeated under parents; distinct titles are in test_reader_linearity's realistic specification)
reads in linear time: four times the headings take under eight times as long, well under the
sixteen times of a quadratic. Repeated titles still share one id prefix, counted through the
document.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

from docgen.readers.spec_markdown import extract
from docgen.readers.spec_markdown.blocks import scan
from docgen.readers.spec_markdown.sections import sections_of

SMALL = 25_000  # headings; the large input has four times as many
# Linear is 4 and quadratic 16; measured 4.0-5.9 on the loaded 2-core machine (100,000 headings
# outgrow the caches a 25,000 do not), so the bound leaves room for the load, not for a square.
MAX_RATIO = 8


def _shapes() -> dict[str, Callable[[int], str]]:
    return {
        "atx_repeated": lambda n: "# h\n" * n,
        "setext_repeated": lambda n: "a\n=\n" * n,
        "repeated_under_parents": lambda n: "".join(f"# Part {i}\n## Fields\n" for i in range(n // 2)),
    }


SHAPES = _shapes()


def _seconds(text: str) -> float:
    """Return the wall time of one extraction of ``text``, the garbage collector paused."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        extract(text)
        return time.perf_counter() - start
    finally:
        gc.enable()


def _ratio(small: str, large: str, rounds: int = 3) -> float:
    """Return the best time of ``large`` over the best time of ``small``.

    The two are timed in turn, round after round, so a change of the machine's load falls on
    both rather than on one.
    """
    small_times, large_times = [], []
    for _ in range(rounds):
        small_times.append(_seconds(small))
        large_times.append(_seconds(large))
    return min(large_times) / min(small_times)


@pytest.mark.parametrize("shape", list(SHAPES))
def test_four_times_the_headings_take_less_than_eight_times_as_long(shape: str) -> None:
    make = SHAPES[shape]
    small, large = make(SMALL), make(4 * SMALL)
    extract(small)  # warm-up: imports, compiled patterns
    ratio = _ratio(small, large)
    assert ratio < MAX_RATIO, f"{shape}: ratio {ratio:.1f} for 4x the headings"


def test_repeated_headings_count_ids_through_the_document() -> None:
    found = extract("# h\n\nThe server MUST answer.\n\n" * 3 + "# 4.2 Errors\n\nIt MUST fail.\n")
    assert [(req.id, req.section) for req in found] == [
        ("h-1", "h"), ("h-2", "h"), ("h-3", "h"), ("4.2-1", "4.2 Errors")]


def test_a_title_under_several_parents_is_named_after_each() -> None:
    parsed = scan("# Info\n## Fields\n# Server\n## Fields\n## Fields\n")
    sections = sections_of(parsed.blocks, False)
    assert [(s.name, s.prefix) for s in sections.values()] == [
        ("Info", "info"), ("Info / Fields", "info-fields"), ("Server", "server"),
        ("Server / Fields", "server-fields"), ("Server / Fields", "server-fields")]


def test_kramdown_rfc_numbers_repeated_titles_one_by_one() -> None:
    parsed = scan("--- middle\n\n# Intro\n\n# Intro\n\n## 7 Fixed\n\n--- back\n\n# Intro\n")
    sections = sections_of(parsed.blocks, parsed.kramdown_rfc)
    assert [(s.name, s.prefix) for s in sections.values()] == [
        ("1. Intro", "1"), ("2. Intro", "2"), ("7 Fixed", "7"), ("A. Intro", "A")]
