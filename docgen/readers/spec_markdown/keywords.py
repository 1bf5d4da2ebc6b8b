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
_ALTERNATION = "|".join(k.replace(" ", r"\s+") for k in KEYWORDS)
KEYWORD_RE = re.compile(  # the leading lookahead lets the engine skip most positions fast
    "(?=[MSRNO])" + _BEFORE + "(" + _ALTERNATION + ")" + _AFTER
)
_NORMAL = {keyword: keyword for keyword in KEYWORDS}  # the usual spelling, no re-joining
_LOWER_RE = re.compile(r"\b(must|shall|required|should|recommended|may|optional)\b")
_LOWER_LEVEL = {"must": "must", "shall": "must", "required": "must", "should": "should",
                "recommended": "should", "may": "may", "optional": "may"}

# The BCP 14 key-words paragraph in its IETF (RFC 2119, RFC 8174), W3C, OASIS, ETSI and ISO
# forms: it names the key words (by a phrase such as "key words" or "verbal forms", or by
# quoting every keyword it holds) and cites where they are defined or says how they are used.
_NAMES_RE = re.compile(
    r"\bkey[\s-]*words?\b|\bverbal\s+forms?\b"
    r"|\b(?:conformance|requirements?|normative|capitali[sz]ed|upper[\s-]*case)\s+"
    r"(?:verbs|words|terms|keywords|key\s+words|language|levels?|forms)\b",
    re.IGNORECASE)
_CITES_RE = re.compile(
    r"\bBCP\s*-?\s*14\b|\bRFC\s*-?\s*(?:2119|8174)\b|\bRFC\s*\{\{|\bETSI\s+Drafting\s+Rules\b"
    r"|\bETSI\s+deliverables?\b|\bISO/IEC\s+Directives\b|\bDirectives,?\s+Part\s*2\b",
    re.IGNORECASE)
_USAGE_RE = re.compile(
    r"\binterpreted\b|\bas\s+(?:defined|described|specified|explained)\s+in\b"
    r"|\bin\s+accordance\s+with\b|\b(?:are|is)\s+used\s+(?:as|to|in|with)\b"
    r"|\bindicates?\s+(?:a\s+)?(?:requirement|recommendation|permission|possibility)"
    r"|\bhave\s+the\s+meanings?\b|\bin\s+all\s+capitals\b|\bare\s+to\s+be\s+read\b",
    re.IGNORECASE)
# A keyword written as a word rather than used: in quotes ("MUST", \u201cMAY\u201d, 'SHALL').
_QUOTE_OPEN = "\"'\u201c\u2018"
_QUOTE_CLOSE = "\"'\u201d\u2019"
_QUOTED_RE = re.compile(rf"[{_QUOTE_OPEN}]+(?:{_ALTERNATION})[{_QUOTE_CLOSE}]+")
_MENTION_GLUE = re.compile(r"(?:[\s,;:./|()-]|\band\b|\bor\b)*", re.IGNORECASE)


def find_keywords(text: str) -> list[str]:
    """Return the upper-case BCP 14 keywords in ``text`` in order, two-word forms normalised."""
    return [_NORMAL.get(word) or " ".join(word.split())
            for word in KEYWORD_RE.findall(text)]


def strongest(keywords: list[str]) -> str | None:
    """Return the strongest level (must > should > may) of ``keywords``, or None if empty."""
    levels = [LEVEL_OF[k] for k in keywords]
    return min(levels, key=RANK.__getitem__) if levels else None


def lower_case_level(text: str) -> str | None:
    """Return the strongest level of the lower-case modal verbs in ``text``, or None."""
    levels = [_LOWER_LEVEL[m.group(1)] for m in _LOWER_RE.finditer(text)]
    return min(levels, key=RANK.__getitem__) if levels else None


def _quoted_only(text: str, keywords: list[str]) -> bool:
    """Return True if every keyword of ``text`` is in quotes, a word named rather than used."""
    return len(_QUOTED_RE.findall(text)) >= len(keywords)


def is_boilerplate(text: str, keywords: list[str] | None = None) -> bool:
    """Return True if ``text`` is the BCP 14 key-words paragraph, which holds no requirement.

    That is a paragraph holding two keywords or more that names the key words (a phrase such
    as "key words", "verbal forms", "conformance verbs", or every keyword quoted) and cites
    BCP 14, RFC 2119, RFC 8174, the ETSI Drafting Rules or the ISO/IEC Directives, or, with
    three keywords or more, says how they are used ("are to be interpreted", "as described in",
    "indicates a requirement"): the IETF, W3C, OASIS, ETSI and ISO wordings and a
    specification's own copy of RFC 2119 ("as described in [TRD1]"). ``keywords`` are those
    of ``text`` when the caller has them.
    """
    keywords = find_keywords(text) if keywords is None else keywords
    if len(keywords) < 2:
        return False
    if not (_NAMES_RE.search(text) or _quoted_only(text, keywords)):
        return False
    return bool(_CITES_RE.search(text) or (len(keywords) >= 3 and _USAGE_RE.search(text)))


def is_mention(text: str) -> bool:
    """Return True if ``text`` is only keywords in quotes (an item ``"MUST"`` listing the words)."""
    if text.lstrip()[:1] not in _QUOTE_OPEN or not _QUOTED_RE.search(text):
        return False
    return _MENTION_GLUE.fullmatch(_QUOTED_RE.sub(" ", text)) is not None
