"""The Markdown specification reader on many headings: linear, and the same ids as before.

A document of tens of thousands of headings (ATX or setext, one title repeated or all titles
different, a repeated title under parents) reads in linear time: four times the headings take
well under the sixteen times of a quadratic. Repeated titles still share one id prefix, counted
through the document.
"""

from __future__ import annotations

import gc
import time

import pytest

from docgen.readers.spec_markdown import extract
from docgen.readers.spec_markdown.blocks import scan
from docgen.readers.spec_markdown.sections import sections_of

SMALL = 12_500


def _shapes() -> dict[str, object]:
    return {
        "atx_repeated": lambda n: "# h\n" * n,
        "setext_repeated": lambda n: "a\n=\n" * n,
        "atx_distinct": lambda n: "".join(f"## Heading {i}\n" for i in range(n)),
        "repeated_under_parents": lambda n: "".join(f"# Part {i}\n## Fields\n" for i in range(n // 2)),
        "with_requirements": lambda n: "# h\n\nThe server MUST answer.\n\n" * n,
    }


SHAPES = _shapes()


def _best_of(text: str, runs: int) -> float:
    """Return the best wall time of ``runs`` extractions of ``text``, the collector paused."""
    times = []
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            extract(text)
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(times)


@pytest.mark.parametrize("shape", list(SHAPES))
def test_four_times_the_headings_take_less_than_six_times_as_long(shape: str) -> None:
    make = SHAPES[shape]
    small, large = make(SMALL), make(4 * SMALL)
    extract(small)  # warm-up: imports, compiled patterns
    ratio = _best_of(large, 2) / _best_of(small, 3)
    assert ratio < 6, f"{shape}: ratio {ratio:.1f} for 4x the headings"


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
