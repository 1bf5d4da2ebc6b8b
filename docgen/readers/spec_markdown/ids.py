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

from docgen.errors import ConfigError
from docgen.readers.spec_markdown.blocks import Scan
from docgen.readers.spec_markdown.inline import leading_markup_removed

DEFAULT_ID_PATTERN = r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+"
# Tokens the default pattern matches that name standards, not requirements ("UTF-8 text...").
_NOT_IDS = re.compile(r"^(?:UTF|UCS|ISO|IEC|SHA|AES|RSA|DES|MD|RFC|TLS|SSL|HTTP|IPV|ES|PS|HS|RS|"
                      r"CVE|CWE|BCP|STD|FIPS|ECMA|EN|IEEE|ASCII)-")

# The shape of an identifier: prefix (with an upper-case letter), middle parts, separator, number.
ID_SHAPE = (r"(?=[a-z0-9]*[A-Z])[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z][A-Za-z0-9]*)*"
            r"[-_.]\d+(?:\.\d+)*[A-Za-z]?")
_SPLIT = re.compile(r"^(?P<prefix>.*?)(?P<sep>[-_.])\d+(?:\.\d+)*[A-Za-z]?$")
# Prefixes that name standards, algorithms or versions, not requirements (any case).
_NOT_PREFIXES = re.compile(
    r"^(?:UTF|UCS|ISO|IEC|SHA|AES|RSA|DES|MD|RFC|TLS|SSL|HTTP|HTTPS|IPV|ES|PS|HS|RS|CVE|CWE|BCP|"
    r"STD|FIPS|ECMA|EN|IEEE|ASCII|V\d*)$", re.IGNORECASE)
MIN_SERIES = 3


_CELL_MARK = re.compile(r"\\\||`|\|")  # an escaped pipe, a backtick or a pipe


def table_cells(row: str) -> list[str]:
    """Return the cells of a pipe-table row (escaped ``\\|`` and pipes in code kept).

    Only the escaped pipes, backticks and pipes are visited, so a row costs its marks, not its
    characters.
    """
    row = row.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    if "`" not in row and "\\" not in row:
        return [cell.strip() for cell in row.split("|")]
    cells, start, ticks = [], 0, 0
    for mark in _CELL_MARK.finditer(row):
        if mark.group() == "`":
            ticks ^= 1
        elif mark.group() == "|" and not ticks:
            cells.append(row[start:mark.start()].strip())
            start = mark.end()
    cells.append(row[start:].strip())
    return cells


def compile_id_pattern(id_pattern: str | None) -> re.Pattern:
    """Return the regex that finds an identifier at the start of a line, or raise ConfigError."""
    pattern = id_pattern or DEFAULT_ID_PATTERN
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ConfigError(f"--id-pattern {pattern!r} is not a valid regular expression: {exc}")\
            from None
    return re.compile(
        r"^(?P<open>\*\*|__|\*|_|`|\[)?(?P<id>" + pattern + r")(?P<close>\*\*|__|\*|_|`|\])?"
        # Bold, italics or backticks may be glued to the text that follows ("**STS9_06**The").
        r"(?P<sep>[ \t]*[:.)\u2013\u2014-](?=\s|$)|(?=\s)|$|(?<=[*`]))"
    )


def match_id(regex: re.Pattern, line: str, default: bool, first: bool) -> re.Match | None:
    match = regex.match(line)
    if not match:
        return None
    if default and _NOT_IDS.match(match.group("id")):
        return None
    # On a continuation line the identifier needs a separator ("ID:", "ID -") or emphasis, so a
    # hard-wrapped line that happens to start with "COVID-19 rules" opens nothing.
    if not first and not match.group("sep").strip(" \t.)") and not match.group("close"):
        return None
    return match




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
    or emphasis). The positions are those ``extract.extract_id`` reads.
    """
    for block in parsed.blocks:
        if block.kind == "part":
            continue
        if block.kind == "heading":
            yield block.lines[0], True, block.line
        elif block.kind == "row":
            cells = table_cells(block.text)
            if cells:
                yield leading_markup_removed(cells[0]), True, block.line
        else:
            for position, (part, line) in enumerate(zip(block.lines, block.linenos)):
                yield leading_markup_removed(part.strip()), position == 0, line


def candidates(parsed: Scan) -> Iterator[tuple[str, int]]:
    """Yield ``(token, line)`` for every identifier-like token at a starting position."""
    regex = compile_id_pattern(ID_SHAPE)
    for text, first, line in starts(parsed):
        match = match_id(regex, text, False, first)
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
    regex = compile_id_pattern(id_pattern)
    shape = compile_id_pattern(ID_SHAPE)
    found: dict[str, int] = {}
    for text, first, line in starts(parsed):
        match = match_id(shape, text, False, first)
        if not match or not _shape(match.group("id")) or match.group("id") in found:
            continue
        if not match_id(regex, text, False, first):
            found[match.group("id")] = line
    return list(found.items())


def left_out_message(id_pattern: str, tokens: list[str]) -> str:
    """Return the warning naming up to three tokens ``id_pattern`` leaves out."""
    named = ", ".join(tokens[:3])
    more = f" and {len(tokens) - 3} more" if len(tokens) > 3 else ""
    return (f"--id-pattern {id_pattern!r} leaves out {named}{more} (tokens that look like "
            f"identifiers at the start of a line, item, paragraph or first table cell)")
