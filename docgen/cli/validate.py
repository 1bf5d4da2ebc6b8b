"""``docgen validate``: check input files and report every problem, writing nothing."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.errors import InputError


def check(path: Path) -> str:
    """Return the kind of the valid input at ``path``; raise InputError listing its problems."""
    from docgen.build.discover import kind_of
    from docgen.inputs import load
    from docgen.readers.source import read_text

    read_text(path)  # missing, binary and undecodable files get their own clear message
    kind = kind_of(path) or "meeting"
    load(path, kind)
    return kind


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Check input FILES (meeting, status, requirements, assessment) without writing anything."""
    problems = []
    for path in files:
        try:
            kind = check(path)
            click.echo(f"ok: {path} ({kind})")
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
