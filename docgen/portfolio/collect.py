"""Collecting a portfolio: the status files under some paths, validated, one current period per project.

For each project (``project.code``, else its name; case and spaces ignored) the latest status
with ``report_date`` on or before the as-of date is the current one and the one before it the
previous one (trends are computed from it where the status types none). A bad file, or two
statuses of one project with the same report date, is a Problem; the rest is still collected.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from docgen.deck.changes import compare, with_trends
from docgen.errors import InputError, Problem
from docgen.model.status import Status


@dataclass(frozen=True)
class Loaded:
    """One valid status file: where it is, the line of its report date, and the status."""

    path: Path
    date_line: int | str | None
    status: Status


@dataclass(frozen=True)
class Project:
    """One project of the portfolio: its current status (trends filled in) and the previous one."""

    key: str
    path: Path
    status: Status
    previous: Status | None = None
    previous_path: Path | None = None


@dataclass
class Collection:
    """The projects collected (in no particular order), the as-of date and every problem found."""

    projects: list[Project]
    as_of: date
    problems: list[Problem] = field(default_factory=list)
    files: int = 0


def project_key(status: Status) -> str:
    """Return how a status is matched to its project: the code, else the name (case-folded, trimmed)."""
    return " ".join((status.project.code or status.project.name).split()).casefold()


def status_files(paths: list[Path]) -> list[Path]:
    """Return the status files named or found (recursively) under ``paths``, sorted; InputError for a missing path.

    A file named on the command line is taken as a status whatever it holds (and reported if it
    is not one); in folders only YAML files with ``project:`` and ``overall:`` are taken.
    """
    from docgen.discover import find_inputs, kind_of

    named = {Path(p) for p in paths if not Path(p).is_dir()}
    return [file for file, _ in find_inputs(list(paths)) if file in named or kind_of(file) == "status"]


def load_file(path: Path) -> Loaded:
    """Return the validated status of ``path`` and the line of its report date; raise InputError."""
    from docgen.statuses import load_yaml_status

    status, line = load_yaml_status(path)
    return Loaded(path, line, status)


def collect(paths: list[Path], as_of: date | None = None) -> Collection:
    """Return the portfolio of the statuses under ``paths`` as of ``as_of`` (default: the latest report date).

    Raises InputError only when no status file is found at all; bad files are in ``problems``.
    """
    files = status_files(paths)
    if not files:
        shown = ", ".join(str(p) for p in paths)
        raise InputError.single(shown, "no project status found (YAML files with project: and overall:)")
    loaded: list[Loaded] = []
    problems: list[Problem] = []
    for file in files:
        try:
            loaded.append(load_file(file))
        except InputError as exc:
            problems += exc.problems
    when = as_of or max((item.status.report_date for item in loaded), default=date(2000, 1, 1))
    by_project: dict[str, list[Loaded]] = {}
    for item in loaded:
        by_project.setdefault(project_key(item.status), []).append(item)
    projects = []
    for key, items in sorted(by_project.items()):
        clashes = _same_dates(items)
        if clashes:
            problems += clashes
            continue
        dated = sorted((i for i in items if i.status.report_date <= when), key=lambda i: i.status.report_date)
        if dated:
            projects.append(_project(key, dated[-1], dated[-2] if len(dated) > 1 else None))
    return Collection(projects, when, problems, len(files))


def _same_dates(items: list[Loaded]) -> list[Problem]:
    """Return one Problem per pair of statuses of one project sharing a report date."""
    seen: dict[date, Loaded] = {}
    out = []
    for item in sorted(items, key=lambda i: str(i.path)):
        day = item.status.report_date
        first = seen.setdefault(day, item)
        if first is not item:
            out.append(Problem(
                str(item.path), f"same report date {day.isoformat()} as {first.path}"
                f"{f':{first.date_line}' if first.date_line else ''} for project "
                f"'{item.status.project.code or item.status.project.name}'; the project is left out "
                "of the portfolio until one of them is dated otherwise or removed",
                item.date_line, "project.report_date"))
    return out


def _project(key: str, current: Loaded, previous: Loaded | None) -> Project:
    """Return the Project of ``current`` with the trends its status does not type computed from ``previous``."""
    status = current.status
    if previous is not None:
        status = with_trends(status, compare(status, previous.status))
    return Project(key, current.path, status, previous.status if previous else None,
                   previous.path if previous else None)
