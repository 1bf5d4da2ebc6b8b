"""Inline clean-up of headings and requirement text: markup a Markdown renderer does not show.

A heading's title loses its closing hashes, ``{#id}`` / ``{: .class}`` attributes, HTML comments,
anchors (``<a name="x"></a>``, ``<a id="x"/>``, ``<span id="x"></span>``) and the tags of inline
HTML elements (``<a href>``, ``<code>``, ``<sup>``... whose text stays), so that neither the
section's name nor the ids made from it hold markup. Requirement text loses comments and anchors.
"""

from __future__ import annotations

import re

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
# Empty or self-closing elements that only give an anchor: <a name="x"></a>, <a id="x" />,
# JSON:API's <a href="#top" id="top" class="headerlink"></a>, <span id="x"></span>.
_EMPTY_ELEMENT = re.compile(r"<(a|span)\b[^<>]*>\s*</\1>\s*|<(?:a|span)\b[^<>]*/>\s*",
                            re.IGNORECASE)
# Inline elements whose tags a renderer hides and whose text it shows.
_INLINE_TAG = re.compile(
    r"</?(?:a|abbr|b|bdi|cite|code|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strong|"
    r"sub|sup|u|var)\b[^<>]*>|<(?:br|img|wbr)\b[^<>]*>", re.IGNORECASE)
_BLOCK_TAG = re.compile(r"</?(?:dl|dt|dd|p|li|ul|ol|div|section|aside|details|summary|figure|"
                        r"figcaption|main|article|header|footer|nav)\b[^<>]*>", re.IGNORECASE)
_HEADING_ATTRS = re.compile(r"[ \t]*\{[#:.-][^{}]*\}[ \t]*$")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_LEADING = re.compile(r"^(?:\s*(?:<!--.*?-->|<(a|span)\b[^<>]*>\s*</\1>|<(?:a|span)\b[^<>]*/>))+"
                      r"\s*", re.IGNORECASE | re.DOTALL)


def _title_end_removed(title: str) -> str:
    """Return ``title`` without its trailing attribute lists and closing hashes, in any order."""
    previous = None
    while previous != title:
        previous = title
        title = _CLOSING_HASHES.sub("", _HEADING_ATTRS.sub("", title))
    return title


def heading_title(raw: str) -> str:
    """Return a heading's title as a renderer shows it: no closing hashes, attributes or HTML."""
    raw = raw or ""
    if "<" not in raw and "{" not in raw and "#" not in raw:  # plain: only the spaces to normalise
        return " ".join(raw.split())
    title = _COMMENT.sub(" ", raw)
    title = _EMPTY_ELEMENT.sub(" ", title)
    title = _INLINE_TAG.sub(lambda m: " " if m.group(0)[1:3].lower() == "br" else "", title)
    return " ".join(_title_end_removed(title.rstrip()).split())


def clean_text(text: str) -> str:
    """Return requirement text with whitespace normalised, comments, empty anchors and
    block-level tags (``<dd>``, ``</p>``) removed."""
    if "<" in text:  # no tag, no comment: only the whitespace to normalise
        text = _EMPTY_ELEMENT.sub("", _BLOCK_TAG.sub(" ", _COMMENT.sub(" ", text)))
    return " ".join(text.split())


def leading_markup_removed(text: str) -> str:
    """Return ``text`` without the comments and empty anchors before its first word."""
    return _LEADING.sub("", text) if text.lstrip()[:1] == "<" else text
