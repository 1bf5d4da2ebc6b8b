"""``docgen validate``: check input files and report every problem, writing nothing."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.errors import InputError

# Inputs that are packages or XML, read by their own readers (not as text).
OFFICE_SUFFIXES = (".xlsx", ".xlsm", ".docx", ".docm", ".reqif", ".reqifz")


def check(path: Path) -> str:
    """Return the kind of the valid input at ``path``; raise InputError listing its problems."""
    return check_with_warnings(path)[0]


def check_with_warnings(path: Path) -> tuple[str, list[str]]:
    """Return the kind of the valid input at ``path`` and the warnings its job's reading gives.

    The kind is told as ``docgen build`` tells it (a file of no known kind is read as a
    meeting), and the file is loaded by the job of the table reading that kind
    (:func:`docgen.jobs.check`). Raises InputError listing its problems.
    """
    from docgen.discover import kind_of
    from docgen.jobs import check as check_input
    from docgen.readers.source import read_text

    if path.suffix.lower() not in OFFICE_SUFFIXES:
        read_text(path)  # missing, binary and undecodable files get their own clear message
    kind = kind_of(path) or "meeting"
    return kind, check_input(path, kind)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Check input FILES (meeting, status, requirements, assessment) without writing anything."""
    problems = []
    for path in files:
        try:
            kind, warnings = check_with_warnings(path)
            click.echo(f"ok: {path} ({kind})")
            for warning in warnings:
                click.echo(f"warning: {warning}", err=True)
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
