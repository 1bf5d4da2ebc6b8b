"""``docgen validate``: check input files and report every problem, writing nothing."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.errors import InputError, Problem

# Inputs that are packages or XML, read by their own readers (not as text).
OFFICE_SUFFIXES = (".xlsx", ".xlsm", ".docx", ".docm", ".reqif", ".reqifz")


def check(path: Path) -> str:
    """Return the kind of the valid input at ``path``; raise InputError listing its problems."""
    return check_with_warnings(path)[0]


def check_with_warnings(path: Path) -> tuple[str, list[Problem]]:
    """Return the kind of the valid input at ``path`` and the warnings about it (statuses have some).

    Raises InputError listing its problems.
    """
    from docgen.discover import kind_of
    from docgen.inputs import load
    from docgen.readers.source import read_text

    if path.suffix.lower() not in OFFICE_SUFFIXES:
        read_text(path)  # missing, binary and undecodable files get their own clear message
    kind = kind_of(path) or "meeting"
    if kind == "status":
        from docgen.deck.job import load_checked

        return kind, load_checked(path)[1]
    load(path, kind)
    return kind, []


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
