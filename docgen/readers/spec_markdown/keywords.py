"""BCP 14 (RFC 2119 / RFC 8174) keywords: finding them in text and ranking their levels."""

from __future__ import annotations

import re

#: The eleven upper-case keywords, two-word forms first so they win over their first word.
KEYWORDS = (
    "NOT RECOMMENDED", "MUST NOT", "SHALL NOT", "SHOULD NOT",
    "MUST", "SHALL", "SHOULD", "REQUIRED", "RECOMMENDED", "MAY", "OPTIONAL",
)
LEVEL_OF = {
    "MUST": "must", "MUST NOT": "must", "SHALL": "must", "SHALL NOT": "must", "REQUIRED": "must",
    "SHOULD": "should", "SHOULD NOT": "should", "RECOMMENDED": "should",
    "NOT RECOMMENDED": "should",
    "MAY": "may", "OPTIONAL": "may",
}
RANK = {"must": 0, "should": 1, "may": 2}

# `_` is a word character except when it is Markdown emphasis (`_MUST_`, `__MUST__`), so that
# identifiers such as HTTP_1_1_REQUIRED hold no keyword. The space of a two-word keyword may be
# any whitespace, including a line break.
_WORD = "A-Za-z0-9_"
_BEFORE = rf"(?:(?<![{_WORD}])|(?<=(?<![{_WORD}])_)|(?<=(?<![{_WORD}])__))"
_AFTER = rf"(?:(?![{_WORD}])|(?=_(?![{_WORD}]))|(?=__(?![{_WORD}])))"
KEYWORD_RE = re.compile(  # the leading lookahead lets the engine skip most positions fast
    "(?=[MSRNO])" + _BEFORE + "(" + "|".join(k.replace(" ", r"\s+") for k in KEYWORDS) + ")" + _AFTER
)
_LOWER_RE = re.compile(r"\b(must|shall|required|should|recommended|may|optional)\b")
_LOWER_LEVEL = {"must": "must", "shall": "must", "required": "must", "should": "should",
                "recommended": "should", "may": "may", "optional": "may"}

# "The key words "MUST", ... are to be interpreted as described in BCP 14 [RFC2119] ..."; some
# specifications point to their own copy of RFC 2119 ("as described in [TRD1]").
_BOILERPLATE_RE = re.compile(
    r"key\s*words?\b.*\binterpreted\b.*(?:BCP\s*14|RFC\s*-?\s*(?:2119|8174)|\bRFC\s*\{\{"
    r"|\bdescribed\s+in\b)",
    re.IGNORECASE | re.DOTALL,
)


def find_keywords(text: str) -> list[str]:
    """Return the upper-case BCP 14 keywords in ``text`` in order, two-word forms normalised."""
    return [" ".join(m.group(1).split()) for m in KEYWORD_RE.finditer(text)]


def strongest(keywords: list[str]) -> str | None:
    """Return the strongest level (must > should > may) of ``keywords``, or None if empty."""
    levels = [LEVEL_OF[k] for k in keywords]
    return min(levels, key=RANK.__getitem__) if levels else None


def lower_case_level(text: str) -> str | None:
    """Return the strongest level of the lower-case modal verbs in ``text``, or None."""
    levels = [_LOWER_LEVEL[m.group(1)] for m in _LOWER_RE.finditer(text)]
    return min(levels, key=RANK.__getitem__) if levels else None


def is_boilerplate(text: str) -> bool:
    """Return True if ``text`` is the BCP 14 boilerplate paragraph that defines the keywords."""
    return len(find_keywords(text)) >= 3 and bool(_BOILERPLATE_RE.search(text))
