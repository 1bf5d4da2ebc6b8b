"""Meetings: read meeting notes (YAML, Markdown or Word) through the reader table and validate them.

The minutes and agenda jobs (docgen/jobs/) write them.
"""

from __future__ import annotations

from pathlib import Path

from docgen.errors import InputError, Problem
from docgen.model.meeting import Minutes
from docgen.model.validate import validated
from docgen.source import Source

MARKDOWN_SUFFIXES = (".md", ".markdown", ".txt")
YAML_SUFFIXES = (".yaml", ".yml")


def read_source(path: Path) -> Source:
    """Return the raw Source of meeting notes at ``path``, read by the reader table (YAML by default)."""
    from docgen.readers.table import READERS, read

    path = Path(path)
    if ("meeting", path.suffix.lower()) not in READERS:
        from docgen.readers.yaml_source import read_yaml

        return read_yaml(path)
    return read(path, "meeting")


def _contract_minimums(source: Source) -> list[Problem]:
    """Return problems for contract keys YAML input must hold (Markdown notes may lack them)."""
    problems = []
    for key in ("attendees", "agenda"):
        value = source.data.get(key)
        if key not in source.data:
            problems.append(Problem(str(source.path), "required key is missing", None, key))
        elif isinstance(value, list) and not value:
            problems.append(Problem(str(source.path), "must hold at least one entry",
                                    source.line_of(key), key))
    if "meeting" not in source.data:
        problems.append(Problem(str(source.path), "required key is missing", None, "meeting"))
    return problems


def load(path: Path) -> Minutes:
    """Return the validated Minutes read from ``path``; raise InputError listing every problem."""
    return load_checked(path)[0]


def load_checked(path: Path) -> tuple[Minutes, list[Problem]]:
    """Return the validated Minutes of ``path`` and the reader's warnings (a value cut by `` #``...).

    Raises InputError listing every problem.
    """
    source = read_source(path)
    problems = _contract_minimums(source) if source.format == "yaml" else []
    try:
        minutes = validated(Minutes, source)
    except InputError as exc:
        known = {(p.key_path, p.message) for p in problems}
        problems += [p for p in exc.problems if (p.key_path, p.message) not in known]
        raise InputError(problems) from None
    if problems:
        raise InputError(problems)
    return minutes, list(getattr(source, "warnings", []))
