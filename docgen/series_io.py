"""Finding and loading the earlier minutes of a series (the I/O around docgen.series)."""

from __future__ import annotations

from pathlib import Path

from docgen.errors import DocgenError
from docgen.model.common import _to_date
from docgen.model.meeting import Minutes
from docgen.series import Named, with_carry_over

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
        paths = find_series(input_path, minutes)
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
    ignored: the folder may hold anything.
    """
    series = (minutes.meeting.series or "").strip().casefold()
    found = []
    for path in sorted(input_path.parent.iterdir()):
        if path.suffix.lower() not in SERIES_SUFFIXES or not path.is_file():
            continue
        if not _mentions(path, series):  # most files of a busy folder are ruled out unparsed
            continue
        meeting = _meeting_header(path)
        if not meeting or str(meeting.get("series") or "").strip().casefold() != series:
            continue
        try:
            when = _to_date(meeting.get("date"))
        except ValueError:
            continue
        if when is not None and when < minutes.meeting.date:
            found.append(path)
    return found


def _mentions(path: Path, series: str) -> bool:
    """Return True when the file's text holds ``series`` (case-insensitively) at all."""
    try:
        return series in path.read_bytes().decode("utf-8", "replace").casefold()
    except OSError:
        return False


def _meeting_header(path: Path) -> dict | None:
    """Return the ``meeting`` mapping of a YAML file or a Markdown file's front matter, or None."""
    from docgen.readers.source import read_text
    from docgen.readers.yaml_source import parse_yaml

    try:
        text = read_text(path)
        if path.suffix.lower() in (".md", ".markdown"):
            if not text.startswith("---"):
                return None
            end = text.find("\n---", 3)
            if end < 0:
                return None
            text = text[3:end]
        data = parse_yaml(text, path).data
    except (DocgenError, OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    meeting = data.get("meeting")
    if isinstance(meeting, dict):
        return meeting
    return data if "series" in data and "date" in data else None


def load_all(paths: list[Path]) -> list[Named]:
    """Return the validated minutes of ``paths`` named by their path (InputError if one is bad)."""
    from docgen.minutes import load

    return [(str(p), load(p)) for p in paths]


def with_previous(input_path: Path, minutes: Minutes, explicit: tuple[Path, ...] = (),
                  lookup: bool = True) -> tuple[Minutes, list[str]]:
    """Return ``minutes`` with the open actions of earlier meetings carried, and any warnings."""
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
