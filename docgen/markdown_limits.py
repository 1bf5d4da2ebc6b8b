"""Bounds that keep Markdown free text linear to render, whatever its shape.

Python-Markdown recurses once per level of list or block-quote nesting and re-slices a block's
text once per construct it finds in it, so a 400-level nested list ends in a RecursionError and
a megabyte of ``[``, ``*`` or setext underlines takes minutes. :func:`cap_depth` flattens
nesting beyond :data:`MAX_DEPTH` levels (deeper items are kept at the limit);
:func:`too_costly` estimates the quadratic work before parsing, so text beyond the budget is
shown as plain paragraphs instead; :func:`fast_links` makes the link patterns find a closing
bracket in constant time. None of them changes the result for text within the limits.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

#: Deepest list or block-quote nesting kept; deeper lines are shown at this level.
MAX_DEPTH = 20
#: Longest text parsed as Markdown; longer text is shown as plain paragraphs.
MAX_CHARS = 200_000
#: Budget of the estimated quadratic work (characters x constructs per block, see too_costly).
MAX_WORK = 50_000_000
#: Most lines and inline markers parsed as Markdown (Python-Markdown spends ~50 us on each).
MAX_CONSTRUCTS = 40_000

_INDENT_LIMIT = 4 * MAX_DEPTH  # Python-Markdown nests a list or code block per four columns
_TOKEN = r"(?:>[ \t]*|[-*+][ \t]+|\d{1,9}[.)][ \t]+)"
_DEEP = re.compile(rf"(?m)^(?:[ \t]{{{_INDENT_LIMIT + 1},}}|[ \t]*{_TOKEN}{{{MAX_DEPTH + 1}}})")
_PREFIX = re.compile(rf"[ \t]*(?:{_TOKEN})*")
_ONE_TOKEN = re.compile(_TOKEN)
_BLANK = re.compile(r"\n[ \t]*\n")
_SPECIALS = "*_`[<!&\\"


def cap_depth(text: str) -> str:
    """Return ``text`` with list and quote nesting cut to MAX_DEPTH levels (unchanged if within).

    A line's depth counts its indentation (four columns a level) and the ``>`` and list markers
    that open it; deeper lines keep the first levels and their own last marker. Lines are
    neither added nor removed, so line numbers stay right.
    """
    if not _DEEP.search(text):
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines):
        match = _PREFIX.match(line)
        assert match is not None  # every part of _PREFIX is optional: it matches every line
        prefix = match.group(0)
        indent_part = prefix[: len(prefix) - len(prefix.lstrip(" \t"))]
        width = len(indent_part.expandtabs(4))
        tokens = _ONE_TOKEN.findall(prefix, len(indent_part))
        if width <= _INDENT_LIMIT and len(tokens) <= MAX_DEPTH:
            continue
        width = min(width, _INDENT_LIMIT)
        if len(tokens) > MAX_DEPTH:
            tokens = tokens[: MAX_DEPTH - 1] + tokens[-1:]
        lines[index] = " " * width + "".join(tokens) + line[len(prefix):]
    return "\n".join(lines)


def too_costly(text: str) -> bool:
    """Return whether parsing ``text`` as Markdown would exceed the work budget.

    The estimate follows Python-Markdown's costs: tens of microseconds per line and inline
    marker, and its quadratic paths: each heading, line or inline construct of a block
    re-slices the rest of that block, and each ``<`` runs the HTML scanner over the rest of
    the text.
    """
    if len(text) > MAX_CHARS:
        return True
    if text.count("\n") + sum(text.count(c) for c in _SPECIALS) > MAX_CONSTRUCTS:
        return True
    if text.count("<") * len(text) > MAX_WORK:
        return True
    work = 0
    for chunk in _BLANK.split(text):
        if len(chunk) > 2_000:  # smaller blocks are bounded by the count of constructs
            work += len(chunk) * (chunk.count("\n") + sum(chunk.count(c) for c in _SPECIALS))
            if work > MAX_WORK:
                return True
    return False


def _bracket_table(data: str) -> dict[int, int]:
    """Return, for each ``[`` of ``data``, the index of the ``]`` closing it (unclosed: absent)."""
    table: dict[int, int] = {}
    stack: list[int] = []
    for match in re.finditer(r"[\[\]]", data):
        position = match.start()
        if data[position] == "[":
            stack.append(position)
        elif stack:
            table[stack.pop()] = position
    return table


def fast_links(md) -> None:
    """Make the link and image patterns of Markdown instance ``md`` find brackets in O(1).

    Python-Markdown scans from every ``[`` to its closing ``]`` (to the end when there is none)
    and from every ``(`` after it to its ``)``: quadratic for a run of brackets. The closing
    bracket is looked up in a table built once per text instead, and a link target with no
    ``)`` or quote after it fails at once. Results are the same as the library's.
    """
    for name in ("reference", "link", "image_link", "image_reference", "short_reference",
                 "short_image_ref"):
        if name not in md.inlinePatterns:
            continue
        processor = md.inlinePatterns[name]
        if getattr(processor, "_docgen_fast", False):
            continue
        processor.getText = _fast_get_text(processor.getText)
        if hasattr(processor, "getLink"):
            processor.getLink = _fast_get_link(processor.getLink)
        processor._docgen_fast = True


class _Cache(threading.local):
    """The last text seen by this thread and what was computed from it."""

    def __init__(self) -> None:
        self.data: str | None = None
        self.table: dict[int, int] = {}
        self.last_close = -1  # last ")" or quote


_cache = _Cache()


def _for(data: str) -> _Cache:
    """Return the cache filled for ``data`` (rebuilt when the text changed)."""
    if _cache.data is not data:
        _cache.data = data
        _cache.table = _bracket_table(data) if "[" in data else {}
        _cache.last_close = max(data.rfind(")"), data.rfind("'"), data.rfind('"'))
    return _cache


def _fast_get_text(original: Callable) -> Callable:
    def get_text(data: str, index: int) -> tuple[str, int, bool]:
        if index < 1 or data[index - 1] != "[":
            return original(data, index)
        close = _for(data).table.get(index - 1)
        if close is None:
            return "", len(data), False  # unclosed: every caller gives up without the text
        return data[index:close], close + 1, True
    return get_text


def _fast_get_link(original: Callable) -> Callable:
    def get_link(data: str, index: int) -> tuple[str, str | None, int, bool]:
        if _for(data).last_close < index:
            return "", None, index, False  # nothing can close the target: not a link
        return original(data, index)
    return get_link
