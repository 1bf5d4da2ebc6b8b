"""Text written into Office XML: escaped, and cleaned of what XML 1.0 cannot hold."""

from __future__ import annotations

import pytest

from docgen.ooxml.xmltext import clean, esc


@pytest.mark.parametrize(("text", "written"), [
    ("plain text", "plain text"),
    ('a<b & "c"', "a&lt;b &amp; &quot;c&quot;"),
    ("tab\tand\nline", "tab\tand\nline"),  # allowed control characters stay
    ("nul\x00 vt\x0b ff\x0c", "nul vt ff"),
    ("surrogate \ud800 and \uffff", "surrogate  and "),
    ("<\x01>", "&lt;&gt;"),
    (42, "42"),
])
def test_escaped_and_cleaned(text, written):
    assert esc(text) == written


def test_clean_keeps_what_xml_can_hold():
    assert clean("é ü 中 😀 \t\r\n") == "é ü 中 😀 \t\r\n"
