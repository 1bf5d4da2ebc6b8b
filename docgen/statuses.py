"""Statuses: read one (and the previous period's) through the reader table and validate them.

As docgen/minutes.py reads meetings and docgen/checklist.py checklists: the deck job
(docgen/jobs/deck.py) and the portfolio read statuses here, so the deck and portfolio packages
import no reader.
"""

from __future__ import annotations

from pathlib import Path

from docgen.deck.changes import Changes, compare, with_trends
from docgen.errors import InputError, Problem
from docgen.model.status import Status
from docgen.model.validate import validated


def load(path: Path) -> Status:
    """Return the validated Status read from the YAML file ``path``; raise InputError otherwise."""
    return load_checked(path)[0]


def load_checked(path: Path) -> tuple[Status, list[Problem]]:
    """Return the validated Status of ``path`` and the warnings about it; raise InputError otherwise.

    Warnings (file, line, key path) come from the YAML reader (values cut by `` #``) and from
    docgen.readers.status_checks (amounts that look like thousands).
    """
    from docgen.readers.status_checks import status_warnings
    from docgen.readers.table import read

    source = read(Path(path), "status")
    return validated(Status, source), status_warnings(source)


def load_pair(path: Path, previous: Path | None) -> tuple[Status, Changes | None]:
    """Return the status of ``path`` and, with ``previous``, its changes since that period.

    Trends the current status does not give are computed from the RAG moves. Problems of both
    files are reported together.
    """
    status, changes, _ = load_pair_checked(path, previous)
    return status, changes


def load_pair_checked(path: Path, previous: Path | None) -> tuple[Status, Changes | None, list[Problem]]:
    """Return what load_pair returns and the warnings about both files (see load_checked)."""
    problems: list[Problem] = []
    warnings: list[Problem] = []
    status: Status | None = None
    before: Status | None = None
    for file in (path, previous):
        if file is None:
            continue
        try:
            loaded, found = load_checked(file)
        except InputError as exc:
            problems += exc.problems
            continue
        warnings += found
        if file is path:
            status = loaded
        else:
            before = loaded
    if problems:
        raise InputError(problems)
    assert status is not None  # ``path`` was read, or its problems raised above
    if before is None:
        return status, None, warnings
    changes = compare(status, before)
    return with_trends(status, changes), changes, warnings


def load_yaml_status(path: Path) -> tuple[Status, int | str | None]:
    """Return the validated Status of the YAML file ``path`` and the line of its report date; raise InputError."""
    from docgen.readers.yaml_source import read_yaml

    source = read_yaml(path)
    return validated(Status, source), source.line_of("project.report_date")
