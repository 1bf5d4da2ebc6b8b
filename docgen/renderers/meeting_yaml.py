"""Recording keys of the ``meeting:`` block in a meeting.yaml's own text (``docgen minutes --approve``).

The file is edited as text, line by line, not loaded and dumped again: comments, blank lines,
quoting, flow-style lists and the order of every key stay as the author wrote them. A key the
block already holds has its value replaced on its own line (a trailing comment kept); a new key
is added after the block's last key, at the block's indentation.
"""

from __future__ import annotations

import json
import re
from datetime import date

import yaml

from docgen.errors import InputError, Problem

_MEETING = re.compile(r"^meeting[ \t]*:[ \t]*(#.*)?$")


def scalar(value: str | date) -> str:
    """Return ``value`` written as a YAML scalar: plain when it reads back the same, else double-quoted."""
    if isinstance(value, date):
        return value.isoformat()
    try:
        if value == value.strip() and yaml.safe_load(f"k: {value}") == {"k": value}:
            return value
    except yaml.YAMLError:
        pass
    return json.dumps(value, ensure_ascii=False)


def _content(line: str) -> bool:
    """Return True when ``line`` holds YAML content (not blank, not only a comment)."""
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def meeting_block(lines: list[str], where: str) -> tuple[int, int, int]:
    """Return (first line, end line, indentation) of the ``meeting:`` block mapping's keys in ``lines``.

    Raises InputError naming ``where`` when the file has no block-style ``meeting:`` mapping.
    """
    start = next((i for i, line in enumerate(lines) if _MEETING.match(line.rstrip("\r\n"))), None)
    body = [i for i in range(start + 1, len(lines)) if _content(lines[i])] if start is not None else []
    if start is None or not body or _indent(lines[body[0]]) == 0:
        raise InputError([Problem(where, "cannot record the approval: the file has no block-style "
                                  "'meeting:' mapping (write its keys one per line)", None, "meeting")])
    end = next((i for i in body if _indent(lines[i]) == 0), len(lines))
    last = max(i for i in body if i < end)
    return start + 1, last + 1, _indent(lines[body[0]])


def _set(lines: list[str], block: tuple[int, int, int], key: str, text: str, newline: str) -> tuple[int, int, int]:
    """Write ``key: text`` into the block of ``lines`` (in place); return the block's new bounds."""
    first, end, indent = block
    pattern = re.compile(rf"^ {{{indent}}}{re.escape(key)}[ \t]*:(?:[ \t]+(.*?))?([ \t]+#.*)?$")
    for i in range(first, end):
        match = pattern.match(lines[i].rstrip("\r\n"))
        if match:
            stop = i + 1  # a value written on the lines below (block scalar, list) goes with it
            while stop < end and (not _content(lines[stop]) or _indent(lines[stop]) > indent):
                stop += 1
            while stop > i + 1 and not _content(lines[stop - 1]):
                stop -= 1
            quoted = any(q in (match.group(1) or "") for q in "'\"")  # a ' #' inside quotes is no comment
            comment = "" if quoted else match.group(2) or ""
            lines[i:stop] = [f"{' ' * indent}{key}: {text}{comment}{newline}"]
            return first, end - (stop - i - 1), indent
    if end > 0 and not lines[end - 1].endswith(("\n", "\r")):
        lines[end - 1] += newline
    lines.insert(end, f"{' ' * indent}{key}: {text}{newline}")
    return first, end + 1, indent


def with_meeting_keys(text: str, values: dict[str, str | date], where: str) -> str:
    """Return the meeting.yaml ``text`` with each key of ``values`` set in its ``meeting:`` block.

    ``where`` (the file name) names the file in the InputError raised when there is no
    block-style ``meeting:`` mapping. Line ends (LF or CRLF) are kept.
    """
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    block = meeting_block(lines, where)
    for key, value in values.items():
        block = _set(lines, block, key, scalar(value), newline)
    result = "".join(lines)
    _check(result, values, where)
    return result


def _check(text: str, values: dict[str, str | date], where: str) -> None:
    """Raise InputError naming ``where`` unless ``text`` reads back with ``values`` in its ``meeting:`` block."""
    try:
        meeting = (yaml.safe_load(text) or {}).get("meeting") or {}
    except (yaml.YAMLError, AttributeError):
        meeting = {}
    wrong = [key for key, value in values.items() if not isinstance(meeting, dict) or meeting.get(key) != value]
    if wrong:
        raise InputError([Problem(where, "cannot record the approval in this file's layout; add "
                                  f"{', '.join(wrong)} to its meeting: block by hand", None, "meeting")])
