"""The document's own identifier scheme: found from the ids at starting positions, for auto mode.

The rule, in words: a token looks like an identifier when it is a prefix of letters and digits
that starts with a letter and holds an upper-case one (mixed case allowed: ``eID``), at least two
characters long, optionally followed by middle parts of the same kind (``DATA_DLT``), then a
separator (``-``, ``_`` or ``.``), a number or dotted number (``01``, ``3.2``) and an optional
letter suffix (``SEC_04b``). It counts only at a starting position: the start of a heading, of a
paragraph or list item, of the first cell of a table row, or of a later line of a paragraph when a
separator (``:``, ``-``, a dash) or emphasis follows it; it may be in bold, italics or backticks,
and bold or backticks may be glued to the text that follows (``**STS9_06**The``). Names of
standards (``UTF-8``, ``SHA-256``, ``ISO-8601``, ...) and versions (``V1.2``) never count. The
document has a scheme when at least three different tokens of the same shape, that is the same
prefix and the same separator before the number (``DATA_DLT_`` + number), stand at starting
positions; every such shape belongs to the scheme, so one id mentioned in prose never switches
a document to id mode. The scheme is used only when the default pattern (``ABC-001``) finds no
series of its own, so documents read by the default before are read the same.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from docgen.readers.spec_markdown.blocks import Scan

# The shape of an identifier: prefix (with an upper-case letter), middle parts, separator, number.
ID_SHAPE = (r"(?=[a-z0-9]*[A-Z])[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z][A-Za-z0-9]*)*"
            r"[-_.]\d+(?:\.\d+)*[A-Za-z]?")
_SPLIT = re.compile(r"^(?P<prefix>.*?)(?P<sep>[-_.])\d+(?:\.\d+)*[A-Za-z]?$")
# Prefixes that name standards, algorithms or versions, not requirements (any case).
_NOT_PREFIXES = re.compile(
    r"^(?:UTF|UCS|ISO|IEC|SHA|AES|RSA|DES|MD|RFC|TLS|SSL|HTTP|HTTPS|IPV|ES|PS|HS|RS|CVE|CWE|BCP|"
    r"STD|FIPS|ECMA|EN|IEEE|ASCII|V\d*)$", re.IGNORECASE)
MIN_SERIES = 3


def _shape(token: str) -> tuple[str, str] | None:
    """Return the ``(prefix, separator)`` of an identifier-like ``token``, or None."""
    match = _SPLIT.match(token)
    if not match or len(match.group("prefix")) < 2:
        return None
    first = re.split(r"[-_.]", match.group("prefix"), maxsplit=1)[0]
    if _NOT_PREFIXES.match(first):
        return None
    return match.group("prefix"), match.group("sep")


def starts(parsed: Scan) -> Iterator[tuple[str, bool, int]]:
    """Yield ``(text, first, line)`` for every starting position where an id is looked for.

    ``first`` is False for a later line of a paragraph or item (an id there needs a separator
    or emphasis). The positions are those :func:`extract.extract_id` reads.
    """
    from docgen.readers.spec_markdown.extract import _cells

    for block in parsed.blocks:
        if block.kind == "part":
            continue
        if block.kind == "heading":
            yield block.lines[0], True, block.line
        elif block.kind == "row":
            cells = _cells(block.text)
            if cells:
                yield cells[0], True, block.line
        else:
            for position, (part, line) in enumerate(zip(block.lines, block.linenos)):
                yield part.strip(), position == 0, line


def candidates(parsed: Scan) -> Iterator[tuple[str, int]]:
    """Yield ``(token, line)`` for every identifier-like token at a starting position."""
    from docgen.readers.spec_markdown.extract import _match_id, compile_id_pattern

    regex = compile_id_pattern(ID_SHAPE)
    for text, first, line in starts(parsed):
        match = _match_id(regex, text, False, first)
        if match and _shape(match.group("id")):
            yield match.group("id"), line


def detect_scheme(parsed: Scan) -> str | None:
    """Return the regex of the document's identifier scheme (see the module), or None."""
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for token, _ in candidates(parsed):
        shape = _shape(token)
        if shape is not None:
            seen[shape].add(token)
    shapes = [shape for shape, tokens in seen.items() if len(tokens) >= MIN_SERIES]
    if not shapes:
        return None
    heads = "|".join(re.escape(prefix + sep) for prefix, sep in shapes)
    return rf"(?:{heads})\d+(?:\.\d+)*[A-Za-z]?"


def left_out(parsed: Scan, id_pattern: str) -> list[tuple[str, int]]:
    """Return the identifier-like tokens at starting positions that ``id_pattern`` leaves out.

    Each token once, in document order, with the line where it first stands.
    """
    from docgen.readers.spec_markdown.extract import _match_id, compile_id_pattern

    regex = compile_id_pattern(id_pattern)
    shape = compile_id_pattern(ID_SHAPE)
    found: dict[str, int] = {}
    for text, first, line in starts(parsed):
        match = _match_id(shape, text, False, first)
        if not match or not _shape(match.group("id")) or match.group("id") in found:
            continue
        if not _match_id(regex, text, False, first):
            found[match.group("id")] = line
    return list(found.items())


def left_out_message(id_pattern: str, tokens: list[str]) -> str:
    """Return the warning naming up to three tokens ``id_pattern`` leaves out."""
    named = ", ".join(tokens[:3])
    more = f" and {len(tokens) - 3} more" if len(tokens) > 3 else ""
    return (f"--id-pattern {id_pattern!r} leaves out {named}{more} (tokens that look like "
            f"identifiers at the start of a line, item, paragraph or first table cell)")
