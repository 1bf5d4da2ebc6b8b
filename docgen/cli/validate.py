"""``docgen validate``: check input files and report every problem, writing nothing."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.errors import InputError


def detect_kind(path: Path) -> str:
    """Return the kind of input at ``path``: meeting, status, requirements, assessment or spec."""
    if path.suffix.lower() in (".md", ".markdown", ".txt"):
        text = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
        import re

        if re.search(r"^\s*(?:[-*]\s+)?[A-Z][A-Z0-9]*-\d+\b", text, re.M) or re.search(
                r"\b(MUST|SHALL|SHOULD)\b", text):
            return "spec"
        return "meeting"
    from docgen.readers.yaml_source import read_yaml

    data = read_yaml(path).data
    for key, kind in (("meeting", "meeting"), ("project", "status"), ("requirements", "requirements"),
                      ("compliance", "assessment")):
        if key in data:
            return kind
    return "meeting"


def check(path: Path) -> str:
    """Return the kind of a valid input at ``path``; raise InputError listing its problems."""
    kind = detect_kind(path)
    if kind == "meeting":
        from docgen import minutes as job

        job.load(path)
    else:
        import importlib

        loader = importlib.import_module("docgen.inputs")
        loader.load(path, kind)
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
