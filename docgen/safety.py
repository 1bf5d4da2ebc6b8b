"""Hostile text in outputs: link targets a reader may follow, and spreadsheet formula injection.

Inputs are written by people docgen does not control (minutes pasted from chat, assessments
filled in by suppliers), and the outputs are opened by others: in a browser or a mail client
(HTML), in Word, in Excel (CSV, XLSX). Three rules follow:

* a link target is kept only when it is http(s), mailto or relative (:func:`safe_url`);
  ``javascript:``, ``data:``, ``vbscript:``, ``file:`` and every other scheme are dropped;
* Markdown outputs carry no other link target (:func:`neutralise_markdown_links`);
* a CSV text cell that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
  ``@``, tab or carriage return) is prefixed with a single quote, as OWASP recommends
  (:func:`csv_cell`); the CSV reader takes that quote off again (:func:`csv_unquote`).
"""

from __future__ import annotations

import html
import re

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
# Browsers drop ASCII whitespace and control characters anywhere in a URL's scheme ("java\tscript:").
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")


def safe_url(url: str | None) -> str | None:
    """Return ``url`` unchanged when it is http(s), mailto or relative, else None.

    The scheme is read the way a browser reads it: character references decoded
    (``javascript&#58;``) and whitespace or control characters ignored (``java\\tscript:``).
    """
    if url is None:
        return None
    probe = _IGNORED.sub("", html.unescape(str(url)))
    match = _SCHEME.match(probe)
    if match is None:
        return str(url)
    return str(url) if match.group(1).lower() in SAFE_SCHEMES else None


# Markdown link destinations: inline links ``[t](dest "title")``, reference definitions
# ``[id]: dest``, autolinks ``<scheme:...>`` and href/src attributes of raw HTML.
_INLINE_DEST = re.compile(r"(\]\(\s*)(<[^>\n]*>|(?:[^\s()]|\([^\s()]*\))+)")
_REFERENCE_DEST = re.compile(r"^( {0,3}\[[^\]\n]+\]:[ \t]*)(<[^>\n]*>|\S+)", re.MULTILINE)
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]{1,31}:[^\s<>]*)>")
_HTML_ATTR = re.compile(
    r"""(\b(?:href|src|action|formaction|xlink:href|poster|background|data)\s*=\s*)"""
    r"""("[^"]*"|'[^']*'|[^\s"'=<>`]+)""", re.IGNORECASE)


def _dest_ok(dest: str) -> bool:
    inner = dest[1:-1] if dest.startswith(("<", '"', "'")) and len(dest) >= 2 else dest
    return safe_url(inner) is not None


def neutralise_markdown_links(text: str) -> str:
    """Return Markdown ``text`` with every unsafe link target replaced by ``#``.

    Unsafe autolinks (``<javascript:...>``) become plain text with the colon escaped, so that no
    Markdown renderer turns them back into links. Safe text is returned unchanged.
    """
    if ":" not in text and "&" not in text:
        return text
    text = _INLINE_DEST.sub(lambda m: m.group(0) if _dest_ok(m.group(2)) else m.group(1) + "#", text)
    text = _REFERENCE_DEST.sub(lambda m: m.group(0) if _dest_ok(m.group(2)) else m.group(1) + "#", text)
    text = _AUTOLINK.sub(lambda m: m.group(0) if safe_url(m.group(1)) is not None
                         else m.group(1).replace(":", "\\:", 1), text)
    return _HTML_ATTR.sub(lambda m: m.group(0) if _dest_ok(m.group(2)) else m.group(1) + '"#"', text)


CSV_TRIGGERS = "=+-@\t\r"
# A cell is quoted when, after any quotes a person already typed, it starts with a trigger; so
# ``'=x`` is written ``''=x`` and reads back as ``'=x``: the round trip keeps every text.
_NEEDS_QUOTE = re.compile(r"'*[=+\-@\t\r]")
_QUOTED = re.compile(r"'+[=+\-@\t\r]")


def csv_cell(value: object) -> object:
    """Return ``value`` safe as a CSV cell: text a spreadsheet would run as a formula gets a leading ``'``.

    Numbers (and anything not a ``str``) are returned unchanged: ``-2`` written as a number
    is not a formula.
    """
    if isinstance(value, str) and _NEEDS_QUOTE.match(value):
        return "'" + value
    return value


def csv_unquote(cell: str) -> str:
    """Return the text of a CSV cell written by :func:`csv_cell` (its added leading quote removed)."""
    return cell[1:] if _QUOTED.match(cell) else cell
