"""The fast cell Markdown gives the same runs as the full parser (richtext.inline_runs)."""

from __future__ import annotations

import pytest

from docgen.renderers.checklist_text import cell_plain, cell_runs, first_link
from docgen.richtext import inline_runs

SAMPLES = [
    "The interface **shall** export every active employee once per payroll cycle.",
    "[Pen-test report](https://example.com/pentest-2026-10)",
    "a *b* c _d_ e `f` g <https://x.y/z>",
    "snake_case_name and x__init__y stay as they are",
    "2 * 3 * 4 and a * b",
    "Overtime hours (125 %, 150 %).",
    "see [a](http://a) and **b**!",
    "- list item",
    "1. numbered",
    "line one\nline two",
    "1.3 is a version, not a list",
    "**MUST NOT** be *null*.",
    "x __bold__ y",
    "a <b>html</b> & more",
    "escaped \\*star\\*",
    "",
    "   ",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_same_runs_as_full_parser(text):
    assert cell_runs(text) == inline_runs(text)


def test_plain_and_first_link():
    assert cell_plain("**A** [b](http://x) `c`") == "A b c"
    assert cell_plain(None) == ""
    assert first_link("see [report](https://e.com/r) and <https://e.com/s>") == "https://e.com/r"
    assert first_link("no link") is None
