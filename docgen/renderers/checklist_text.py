"""Fast Markdown for table cells: one-line inline Markdown to runs without a full parse.

A checklist holds thousands of short cells; python-Markdown costs about a millisecond each.
Plain one-line text with bold, italic, code and links is split here with one regular
expression; anything with block structure, escapes or HTML goes to :mod:`docgen.richtext`.
"""

from __future__ import annotations

import re

from docgen.richtext import Run, inline_runs
from docgen.safety import safe_url

_SPECIAL = frozenset("*_`[<\\\n#>|~&")
_LEADING = frozenset("-+0123456789=")
_FAST_MAX = 2_000  # characters of a cell split by the fast path
_FAST_MARKERS = 200  # brackets, stars, underscores and backticks in one cell
# Block structure at the start of a cell (a list, a quote, a heading, a fence, indented code).
_BLOCK_START = re.compile(r"\s*(?:[-+*>#]\s|\d+[.)]\s|```|~~~|    )")
_HTML = re.compile(r"<(?!https?://)")
# Each alternative opens with its marker, lookbehinds after it: the regex engine then skips to
# the next marker character instead of trying every alternative at every position.
_INLINE = re.compile(
    r"\[(?P<label>[^\]\n]+)\]\((?P<url>(?:[^()\s]|\([^()\s]*\))+)\)"
    r"|<(?P<auto>https?://[^>\s]+)>"
    r"|\*\*(?P<b1>\S(?:.*?\S)?)\*\*|__(?<!\w__)(?P<b2>\S(?:.*?\S)?)__(?!\w)"
    r"|`(?P<code>[^`]+)`"
    r"|\*(?<![\w*]\*)(?P<i1>[^\s*](?:[^*]*?[^\s*])?)\*(?!\*)"
    r"|_(?<![\w_]_)(?P<i2>[^\s_](?:[^_]*?[^\s_])?)_(?![\w_])"
)


def _blocky(text: str) -> bool:
    """Return True when ``text`` needs the full parser: block structure, escapes, HTML, entities."""
    return ("\n" in text or "\\" in text or "&" in text or "~~" in text
            or ("<" in text and _HTML.search(text) is not None)
            or _BLOCK_START.match(text) is not None)


def _needs_parser(text: str) -> bool:
    """Return True when ``text`` goes to the full parser rather than the fast path's regex.

    The regex backtracks on long runs of markers; the full parser is bounded.
    """
    return _blocky(text) or len(text) > _FAST_MAX or sum(map(text.count, "[*_`")) > _FAST_MARKERS


def _inner(match: re.Match) -> str:
    """Return the text a fast-path match shows: a link's label, the code, the bold or italic words."""
    group = match.lastgroup  # each alternative's one group (a link's last one is its url)
    assert group is not None  # every alternative of the fast-path pattern is a group
    return match.group("label" if group == "url" else group)


def _href(match: re.Match) -> str | None:
    """Return the target of a fast-path match (as its run's href: unsafe links have none), or None."""
    group = match.lastgroup
    return safe_url(match.group("url")) if group == "url" else match.group("auto")


def plain_cell(text: str | None) -> str | None:
    """Return ``text`` stripped when it holds no Markdown at all ("" for None), else None.

    Such a cell is one plain run (or none): callers write it without building runs.
    """
    if not text:
        return ""
    if _SPECIAL.isdisjoint(text) and text.lstrip()[:1] not in _LEADING:
        return text.strip()
    return None


def cell_runs(text: str | None) -> list[Run]:
    """Return the runs of one cell's Markdown ``text`` (same result as richtext.inline_runs)."""
    if not text:
        return []
    if _SPECIAL.isdisjoint(text) and text.lstrip()[:1] not in _LEADING:
        stripped = text.strip()
        return [Run(stripped)] if stripped else []
    if _needs_parser(text):
        return inline_runs(text)
    runs: list[Run] = []
    pos = 0
    text = text.strip()
    for match in _INLINE.finditer(text):
        if match.start() > pos:
            runs.append(Run(text[pos:match.start()]))
        label, auto, code = match.group("label", "auto", "code")
        if label is not None:
            runs.append(Run(label, href=safe_url(match.group("url"))))
        elif auto is not None:
            runs.append(Run(auto, href=auto))
        elif code is not None:
            runs.append(Run(code, code=True))
        else:
            bold = match.group("b1") or match.group("b2")
            if bold is not None:
                runs.append(Run(bold, bold=True))
            else:
                runs.append(Run(match.group("i1") or match.group("i2"), italic=True))
        pos = match.end()
    if pos < len(text):
        runs.append(Run(text[pos:]))
    return runs


def cell_plain(text: str | None) -> str:
    """Return one cell's Markdown ``text`` as plain text ("" for None)."""
    if not text:
        return ""
    plain = plain_cell(text)
    if plain is not None:
        return plain
    if _needs_parser(text):
        return "".join(run.text for run in inline_runs(text))
    return _INLINE.sub(_inner, text.strip())


def cell_plain_link(text: str | None) -> tuple[str, str | None]:
    """Return one cell's Markdown ``text`` as plain text and its first link target (or None).

    The same as :func:`cell_plain` and :func:`first_link`, the Markdown read once.
    """
    if not text:
        return "", None
    plain = plain_cell(text)
    if plain is not None:
        return plain, None
    if "](" not in text and "<http" not in text:
        return cell_plain(text), None
    if _needs_parser(text):
        runs = inline_runs(text)
        return "".join(run.text for run in runs), next((run.href for run in runs if run.href), None)
    links: list[str] = []

    def inner(match: re.Match) -> str:
        href = None if links else _href(match)
        if href:
            links.append(href)
        return _inner(match)

    return _INLINE.sub(inner, text.strip()), (links[0] if links else None)


def first_link(text: str | None) -> str | None:
    """Return the first hyperlink target in Markdown ``text`` (http(s), mailto or relative), or None."""
    if not text or ("](" not in text and "<http" not in text):
        return None
    for run in cell_runs(text):
        if run.href:
            return run.href
    return None
