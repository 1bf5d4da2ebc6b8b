"""Pandoc simple tables (columns under a ruler of dash groups) rewritten as pipe tables.

Minutes written for pandoc lay tables out as aligned columns::

    Nombre de votants          12
    -------------------------- ------
    Votent contre              1
    Votent pour                reste

or between two rulers without a header. CommonMark reads the ruler as a heading underline or
a rule, which turns the header into a topic; written as a pipe table, it is a table. Each row
is cut at the columns of the ruler's dash groups. Lines are neither added nor removed, so line
numbers stay those of the file.
"""

from __future__ import annotations

import re

# two or more groups of dashes separated by spaces: "-------   -----"
_RULER = re.compile(r"^ {0,3}-{3,}(?:[ \t]+-{3,})+[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")


def _columns(ruler: str) -> list[int]:
    """Return where each column of a ruler starts."""
    return [m.start() for m in re.finditer(r"-+", ruler)]


def _row(line: str, starts: list[int]) -> str:
    """Return one line cut at ``starts`` as a pipe-table row."""
    # the last cell takes the rest of the line: it may run past the ruler
    cells = [line[start:end] for start, end in zip(starts, starts[1:])] + [line[starts[-1]:]]
    return "| " + " | ".join(cell.strip().replace("|", r"\|") for cell in cells) + " |"


def _separator(starts: list[int]) -> str:
    return "|" + " --- |" * len(starts)


def _rows_until(lines: list[str], start: int) -> int:
    """Return the index after the rows that follow ``start`` (up to a blank line or a ruler)."""
    end = start
    while end < len(lines) and lines[end].strip() and not _RULER.match(lines[end]):
        end += 1
    return end


def _table_at(lines: list[str], index: int, out: list[str]) -> int:
    """Rewrite the table whose ruler is ``lines[index]`` into ``out``; return the next index.

    Returns ``index`` unchanged (nothing written) when the ruler heads no table.
    """
    end = _rows_until(lines, index + 1)
    if end == index + 1:
        return index
    closed = end < len(lines) and bool(_RULER.match(lines[end]))
    if out and out[-1].strip() and (len(out) < 2 or not out[-2].strip()):
        return _headed(lines, index, end, closed, out)
    if closed and (not out or not out[-1].strip()):
        return _between_rulers(lines, index, end, out)
    return index


def _headed(lines: list[str], index: int, end: int, closed: bool, out: list[str]) -> int:
    """Write a table whose header line (``out[-1]``) stands over the ruler; return the next index."""
    starts = _columns(lines[index])
    out[-1] = _row(out[-1], starts)
    out.append(_separator(starts))
    out.extend(_row(line, starts) for line in lines[index + 1:end])
    if closed:
        out.append("")  # the closing ruler
        return end + 1
    return end


def _between_rulers(lines: list[str], index: int, end: int, out: list[str]) -> int:
    """Write a table between two rulers, without a header (its first row heads it)."""
    starts = _columns(lines[index])
    out.append("")
    out.append(_row(lines[index + 1], starts))
    out.append(_separator(starts))
    out.extend(_row(line, starts) for line in lines[index + 2:end])
    return end + 1


def pandoc_tables(text: str) -> str:
    """Return ``text`` with its pandoc simple tables written as pipe tables (same line count)."""
    lines = text.split("\n")
    out: list[str] = []
    fenced = False
    index = 0
    while index < len(lines):
        line = lines[index]
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and _RULER.match(line):
            after = _table_at(lines, index, out)
            if after != index:
                index = after
                continue
        out.append(line)
        index += 1
    return "\n".join(out)
