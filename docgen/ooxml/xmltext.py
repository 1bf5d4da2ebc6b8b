"""Escaping text for XML: the characters XML 1.0 cannot hold are dropped, never crash a writer."""

from __future__ import annotations

import re

# XML 1.0 allows tab, LF, CR and U+0020 upward, minus surrogates and U+FFFE/U+FFFF.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Return ``text`` without the characters XML 1.0 cannot hold."""
    return _ILLEGAL.sub("", text)


# what esc changes: most texts hold none of it, and one search is cheaper than cleaning them
_SPECIAL = re.compile('[&<>"\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]')


def esc(text: object) -> str:
    """Return ``text`` cleaned and escaped for use in XML element content or attribute values."""
    s = text if type(text) is str else str(text)
    if _SPECIAL.search(s) is None:
        return s
    s = clean(s)
    if "&" in s:
        s = s.replace("&", "&amp;")
    if "<" in s:
        s = s.replace("<", "&lt;")
    if ">" in s:
        s = s.replace(">", "&gt;")
    if '"' in s:
        s = s.replace('"', "&quot;")
    return s
