"""Inline clean-up of headings and requirement text: attributes, closing hashes, empty anchors."""

from __future__ import annotations

import re

# Empty elements that only give an anchor: <a name="x"></a>, JSON:API's
# <a href="#top" id="top" class="headerlink"></a>, <span id="x"></span>.
_EMPTY_ELEMENT = re.compile(r"<(a|span)\b[^<>]*>\s*</\1>\s*", re.IGNORECASE)
_HEADING_ATTRS = re.compile(r"[ \t]*(?:\{[#:.][^}]*\}[ \t]*)+$")
_CLOSING_HASHES = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")


def heading_title(raw: str) -> str:
    """Return a heading's title without closing hashes, ``{#id}`` attributes or empty anchors."""
    title = _CLOSING_HASHES.sub("", raw or "")
    return _EMPTY_ELEMENT.sub("", _HEADING_ATTRS.sub("", title)).strip()


def clean_text(text: str) -> str:
    """Return requirement text with whitespace normalised and empty HTML anchors removed."""
    return " ".join(_EMPTY_ELEMENT.sub("", text).split())
