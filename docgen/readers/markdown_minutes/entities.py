"""HTML character references in the notes' text, decoded as CommonMark decodes them.

``&nbsp;``, ``&#39;``, ``&eacute;``, ``&#x20;`` show as their character, so the reader takes
them as that character: "Ordre du jour&nbsp;:" is the agenda heading "Ordre du jour :". Code
spans keep their text as written, as CommonMark keeps it. A reference to ``<`` or ``>`` stays
written (the notes are Markdown again in the output, where a bare ``<link>`` would become a
tag), and so does ``&amp;`` before what would read as another reference.
"""

from __future__ import annotations

import html
import re

# a named, decimal or hexadecimal reference, as CommonMark reads one
_REFERENCE = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")
_TICKS = re.compile(r"`+")
_LOOKS_LIKE_REFERENCE = re.compile(r"(?:#[xX]?[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_KEPT = frozenset("<>")


def _decoded(match: re.Match) -> str:
    """Return the character a reference names, or the reference as written when it stays."""
    written = match.group(0)
    text = html.unescape(written)
    if text == written or text in _KEPT:
        return written  # "&foo;" names nothing; "&lt;" must not turn into markup
    if text == "&" and _LOOKS_LIKE_REFERENCE.match(match.string, match.end()):
        return written  # "&amp;nbsp;" is the text "&nbsp;", which must stay so
    return text


def _decode_plain(text: str) -> str:
    """Return ``text`` (no code span in it) with its character references decoded."""
    return _REFERENCE.sub(_decoded, text)


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each code span of ``text``, found in one pass.

    A run of backticks opens a span that the next run of the same length closes (CommonMark);
    runs are paired through one queue per length, so a line of backticks stays linear.
    """
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    taken = dict.fromkeys(by_length, 0)  # how far each length's queue was used
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(runs):
        start, end = runs[index]
        queue, length = by_length[end - start], end - start
        while taken[length] < len(queue) and queue[taken[length]] <= index:
            taken[length] += 1
        if taken[length] == len(queue):
            index += 1  # no closing run: the backticks are text
            continue
        closing = queue[taken[length]]
        spans.append((start, runs[closing][1]))
        index = closing + 1
    return spans


def decode_entities(text: str) -> str:
    """Return inline Markdown ``text`` with its HTML character references decoded (code spans kept)."""
    if "&" not in text:
        return text
    if "`" not in text:
        return _decode_plain(text)
    parts, start = [], 0
    for span_start, span_end in _code_spans(text):
        parts.append(_decode_plain(text[start:span_start]))
        parts.append(text[span_start:span_end])
        start = span_end
    parts.append(_decode_plain(text[start:]))
    return "".join(parts)
