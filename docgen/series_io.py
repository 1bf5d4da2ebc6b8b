"""Finding and loading the earlier minutes of a series (the I/O around docgen.series)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.errors import DocgenError

if TYPE_CHECKING:  # the models are imported when a meeting is loaded, not to scan a folder's headers
    from docgen.model.meeting import Minutes
    from docgen.series import Named

SERIES_SUFFIXES = (".yaml", ".yml", ".md", ".markdown")


def previous_paths(input_path: Path, minutes: Minutes, explicit: tuple[Path, ...] = (),
                   lookup: bool = True) -> list[Path]:
    """Return the earlier minutes to carry actions from.

    In order of precedence: the ``--previous`` files, the input's ``previous:`` key (paths
    relative to the input), or else the other meetings of the same series in the input's folder.
    """
    if explicit:
        paths = list(explicit)
    elif minutes.previous:
        paths = [input_path.parent / p for p in minutes.previous]
    elif lookup and minutes.meeting.series:
        return find_series(input_path, minutes)  # earlier dates only: never the input itself
    else:
        paths = []
    own = _resolved(input_path)
    return [p for p in dict.fromkeys(paths) if _resolved(p) != own]


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path


def find_series(input_path: Path, minutes: Minutes) -> list[Path]:
    """Return the files next to ``input_path`` holding an earlier meeting of the same series.

    Files that cannot be read, or whose meeting has another series or no earlier date, are
    ignored: the folder may hold anything. The folder is indexed once per process (see
    :func:`series_index`), so a batch over N meetings of one folder reads each file once.
    """
    series = (minutes.meeting.series or "").strip().casefold()
    return [path for path, when in series_index(input_path.parent).get(series, [])
            if when < minutes.meeting.date]


# folder -> (its entries' signature, {series (case-folded): [(path, date)] in file-name order})
_INDEXES: dict[Path, tuple[tuple, dict[str, list[tuple[Path, date]]]]] = {}


def series_index(folder: Path, dated: Callable[[Path], tuple[str, date] | None] | None = None,
                 ) -> dict[str, list[tuple[Path, date]]]:
    """Return the dated meetings of ``folder`` by series, reading each file only once per process.

    The index is rebuilt when a file of the folder is added, removed or renamed (the folder's
    modification time and names are its signature); an edited header needs a new process.
    ``dated`` replaces :func:`series_date` (the build cache passes one that remembers headers
    across builds); such an index is not kept.
    """
    names = sorted(os.listdir(folder))
    signature = (_stamp(folder), tuple(names))
    cached = _INDEXES.get(folder)
    if dated is None and cached is not None and cached[0] == signature:
        return cached[1]
    entries = [folder / n for n in names if Path(n).suffix.lower() in SERIES_SUFFIXES and (folder / n).is_file()]
    index: dict[str, list[tuple[Path, date]]] = {}
    for path in entries:
        found = (dated or series_date)(path)
        if found is not None:
            index.setdefault(found[0], []).append((path, found[1]))
    if dated is None:
        _INDEXES[folder] = (signature, index)
    return index


def series_date(path: Path) -> tuple[str, date] | None:
    """Return the series (stripped, case-folded) and date of the meeting in ``path``, or None.

    None when the file holds no meeting header, no series, or no valid date.
    """
    from docgen.model.dates import parse_date as _to_date  # no pydantic for a folder's headers

    meeting = meeting_header(path)
    if not meeting or not str(meeting.get("series") or "").strip():
        return None
    try:
        when = _to_date(meeting.get("date"))
    except ValueError:
        return None
    return (str(meeting["series"]).strip().casefold(), when) if when is not None else None


def _stamp(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError:
        return (0, 0)
    return (info.st_size, info.st_mtime_ns)


_BLOCK_START = re.compile(r"^meeting:[ \t]*(?:#.*)?$")
# Only a double-quoted scalar can spell ``series`` with escapes (``"ser\\x69es"``); a backslash
# elsewhere (a comment's shell line continuation, a Windows path) cannot, and needs no parse.
_ESCAPE_IN_QUOTES = re.compile(r'^[^#\n]*"[^"\n]*\\', re.MULTILINE)
_KEY_LINE = re.compile(r"^(?P<indent>[ \t]*)(?P<key>series|date):[ \t]*(?P<value>.*?)[ \t]*$")


def meeting_header(path: Path) -> dict | None:
    """Return the ``series`` and ``date`` of the meeting in ``path`` (YAML or front matter), or None.

    A line scan of the usual block layout (``meeting:`` then indented keys), falling back to a
    full YAML parse for anything else: a batch reads the header of every meeting of a folder.
    None too, without parsing, for text that cannot name a series (no ``series`` in it, and no
    escape in a double-quoted scalar that could spell it): the statuses and specifications
    beside a meeting.
    """
    text = _header_text(path)
    if text is None or ("series" not in text and not _ESCAPE_IN_QUOTES.search(text)):
        return None
    found = _scan(text)
    return found if found is not None else _meeting_header(path)


def _header_text(path: Path) -> str | None:
    """Return the YAML text that holds a meeting's header: the file, or a Markdown file's front matter."""
    from docgen.readers.source import read_text

    try:
        text = read_text(path)
    except (DocgenError, OSError):
        return None
    if path.suffix.lower() not in (".md", ".markdown"):
        return text
    if not text.startswith("---"):
        return None
    end = text.find("\n---", 3)
    return text[3:end] if end >= 0 else None


def _scan(text: str) -> dict | None:
    """Return {series, date} read from a ``meeting:`` block by lines, or None when unsure."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if _BLOCK_START.match(line):
            found: dict = {}
            for inner in lines[index + 1:]:
                if inner.strip() and not inner[:1].isspace():
                    break
                match = _KEY_LINE.match(inner)
                if match and match.group("indent"):
                    value = _plain_value(match.group("value"))
                    if value is None:
                        return None  # unusual: let YAML read it
                    found[match.group("key")] = value
            return found if "date" in found else None
    return None


_QUOTED = re.compile(r"""^(?:'(?P<single>[^']*)'|"(?P<double>[^"\\]*)")[ \t]*(?:#.*)?$""")


def _plain_value(value: str) -> str | None:
    """Return the text of a simple YAML scalar (plain, or quoted without escapes), else None."""
    quoted = _QUOTED.match(value)
    if quoted:
        return quoted.group("single") if quoted.group("single") is not None else quoted.group("double")
    if not value or value[:1] in "\"'[{&*!|>%@`" or " #" in value:
        return None
    return value


def _meeting_header(path: Path) -> dict | None:
    """Return the ``meeting`` mapping of a YAML file or a Markdown file's front matter, or None."""
    from docgen.readers.yaml_source import parse_yaml

    text = _header_text(path)
    if text is None:
        return None
    try:
        data = parse_yaml(text, path).data
    except (DocgenError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    meeting = data.get("meeting")
    if isinstance(meeting, dict):
        return meeting
    return data if "series" in data and "date" in data else None


# (resolved path, size, mtime) -> validated minutes: each earlier meeting is read once per process.
_LOADED: dict[tuple[Path, int, int], Minutes] = {}
_LOADED_MAX = 4096


def load_all(paths: list[Path]) -> list[Named]:
    """Return the validated minutes of ``paths`` named by their path (InputError if one is bad).

    A file already read by this process, unchanged since, is not read again (batches of one
    series load each meeting once, not once per later meeting).
    """
    from docgen.minutes import load

    named = []
    for path in paths:
        key = (Path(os.path.abspath(path)), *_stamp(path))
        minutes = _LOADED.get(key)
        if minutes is None:
            minutes = load(path)
            if len(_LOADED) >= _LOADED_MAX:
                _LOADED.clear()
            _LOADED[key] = minutes
        named.append((str(path), minutes))
    return named


def with_previous(input_path: Path, minutes: Minutes, explicit: tuple[Path, ...] = (),
                  lookup: bool = True) -> tuple[Minutes, list[str]]:
    """Return ``minutes`` with the open actions of earlier meetings carried, and any warnings."""
    from docgen.series import with_carry_over

    earlier = load_all(previous_paths(input_path, minutes, explicit, lookup))
    return with_carry_over((str(input_path), minutes), earlier)


def expand(paths: tuple[Path, ...] | list[Path]) -> list[Path]:
    """Return ``paths`` with each folder replaced by the meeting files it holds (sorted)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += [p for p in sorted(path.iterdir()) if p.suffix.lower() in SERIES_SUFFIXES
                    and p.is_file() and _meeting_header(p)]
        else:
            out.append(path)
    return list(dict.fromkeys(out))
