"""Sentence splitting for specification prose, aware of abbreviations, numbers and Markdown."""

from __future__ import annotations

import re

# Spans whose inside must never be split: code spans, link targets, autolinks and HTML tags,
# kramdown-rfc cross-references and bare URLs. Their inside is masked before looking for ends.
_PROTECTED = re.compile(
    r"(?P<code>(`+)(?:.|\n)+?(?<!`)\2(?!`))"
    r"|\]\((?P<target>[^)\s]*(?:\s+\"[^\"]*\")?)\)"
    r"|<(?P<tag>[A-Za-z/!][^<>\n]*)>"
    r"|\{\{(?P<xref>[^}]*)\}\}"
    r"|(?P<url>\b(?:https?|ftp|mailto|urn):[^\s<>()\[\]`]*[^\s<>()\[\]`.,;:!?'\"])"
)
_MARKS = ("`", "](", "<", "{{", ":")  # one of them is in every protected span
# A sentence ends at . ! or ? (with closing quotes, brackets or emphasis after it), then
# whitespace, then something that can start a sentence.
_END = re.compile(r"[.!?][\"'\u201d\u2019)\]*_]*(?=\s+[A-Z0-9\"'\u201c\u2018(\[*_`{<])")
_NO_BREAK_AFTER = {
    "e.g", "i.e", "cf", "vs", "viz", "al", "approx", "fig", "figs", "sec", "secs", "no",
    "nos", "vol", "pp", "p", "ch", "eq", "eqs", "ref", "refs", "mr", "mrs", "ms", "dr", "st",
    "jr", "sr", "inc", "ltd", "co", "corp", "a.k.a", "resp", "incl", "min", "max", "ca",
}
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _mask(text: str) -> str:
    """Return ``text`` with the inside of protected spans replaced by ``x``, lengths kept."""
    def hide(match: re.Match) -> str:
        whole = match.group(0)
        for name in ("code", "target", "tag", "xref", "url"):
            if match.group(name) is not None:
                start = match.start(name) - match.start()
                end = match.end(name) - match.start()
                inside = re.sub(r"[^\n]", "x", whole[start:end])
                if name == "code":  # keep the backticks so a sentence may start with one
                    ticks = len(match.group(2))
                    inside = whole[:ticks] + inside[ticks:-ticks] + whole[-ticks:]
                return whole[:start] + inside + whole[end:]
        return whole

    if not any(mark in text for mark in _MARKS):  # nothing to protect (most sentences)
        return text
    return _PROTECTED.sub(hide, text)


def _is_abbreviation(masked: str, dot: int) -> bool:
    """Return True if the ``.`` at ``dot`` ends an abbreviation or an initial, not a sentence."""
    if masked[dot] != ".":
        return False
    # a window, not masked[:dot]: copying the text before every dot was quadratic; a longer
    # word is neither an abbreviation nor an initial, and its last 64 characters are not either
    word = _WORD_BEFORE.search(masked[max(0, dot - 64):dot])
    if not word:
        return False
    token = word.group(1)
    if token.lower().rstrip(".") in _NO_BREAK_AFTER:
        return True
    return len(token) == 1 and token.isupper() and (dot < 2 or not masked[dot - 2].isalnum())


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` offsets of the sentences of ``text``, whitespace excluded."""
    masked = _mask(text)
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(masked):
        if _is_abbreviation(masked, match.start()):
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    result = []
    for begin, end in spans:
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        if begin < end:
            result.append((begin, end))
    return result
