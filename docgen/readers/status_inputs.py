"""The status readers' last pass over the raw data: lists taken from RAID logs and Jira, the plan merged in.

Both status readers (YAML and workbook) end here, before validation, so a ``from:`` block or a
``plan:`` key means the same in either, and every value keeps the place it came from.
"""

from __future__ import annotations

from pathlib import Path

from docgen.readers.source import Source


def read_status_yaml(path: Path, options: object = None) -> Source:
    """Return the Source of a status.yaml with its ``from:`` blocks expanded and its plan merged in."""
    from docgen.readers.yaml_source import read_yaml

    return complete_status(read_yaml(path))


def read_status_xlsx(path: Path, options: object = None) -> Source:
    """Return the Source of a status workbook with its RAID sources expanded and its plan merged in."""
    from docgen.readers.status_workbook import read_status_workbook

    return complete_status(read_status_workbook(path, options))


def complete_status(source: Source) -> Source:
    """Return ``source`` with risks/issues/actions read from the files its ``from:`` blocks name and the plan merged.

    The plan is the status's ``plan:`` key or the one ``docgen deck --plan`` gives
    (docgen.readers.mspdi.plan_for). Raises InputError naming the RAID file, plan, sheet and cell.
    """
    from docgen.readers.mspdi import apply_plan
    from docgen.readers.raid import expand_sources

    if isinstance(source.data, dict):
        expand_sources(source)
        apply_plan(source)
    return source
