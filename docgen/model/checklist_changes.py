"""Comparing a checklist with a previous assessment: previous status and change per requirement.

The rule (also in the README):

* Met statuses rank highest, then partial, then non-compliant:
  ``compliant = not_applicable > partial > non_compliant``. Between two assessed statuses,
  up the order is *improved*, down is *regressed*, same rank is *unchanged* (so compliant <->
  not applicable is unchanged: the requirement is met either way).
* ``not_verified`` (or no entry) means "no evidence either way":
  leaving it for compliant, not applicable or partial is *improved*; leaving it for
  non-compliant is *regressed* (a gap found); falling back to it from compliant, not applicable
  or partial is *regressed* (the evidence is gone); falling back to it from non-compliant is
  *unchanged* (the gap is not shown closed, and dropping an entry must not look like progress).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from docgen.errors import InputError, Problem
from docgen.model.checklist import Checklist, _duplicates, summarise
from docgen.model.requirements import AssessmentSet
from docgen.source import Source

CHANGES: tuple[str, ...] = ("improved", "regressed", "unchanged")
_RANK = {"compliant": 2, "not_applicable": 2, "partial": 1, "non_compliant": 0}


def change(previous: str, current: str) -> str:
    """Return how ``current`` compares with ``previous``: improved, regressed or unchanged."""
    if previous == current:
        return "unchanged"
    if previous == "not_verified":
        return "regressed" if current == "non_compliant" else "improved"
    if current == "not_verified":
        return "unchanged" if previous == "non_compliant" else "regressed"
    delta = _RANK[current] - _RANK[previous]
    return "improved" if delta > 0 else "regressed" if delta < 0 else "unchanged"


def compare(checklist: Checklist, previous: AssessmentSet, previous_source: Source) -> Checklist:
    """Return ``checklist`` with each item's previous status and change, and counts of changes.

    A requirement without an entry in ``previous`` was not verified. Duplicate ids in the
    previous assessment raise InputError; ids the specification lacks become warnings (the
    requirement may have been removed since), naming the file and line.
    """
    problems = _duplicates([e.id for e in previous.compliance], previous_source, "compliance")
    if problems:
        raise InputError(problems)
    known = {item.id for item in checklist.items}
    spec_name = Path(checklist.spec_file).name if checklist.spec_file else "the specification"
    warnings = list(checklist.warnings)
    before: dict[str, str] = {}
    for index, entry in enumerate(previous.compliance):
        before[entry.id] = entry.status
        if entry.id not in known:
            path = f"compliance[{index}].id"
            warnings.append(Problem(
                str(previous_source.path),
                f"'{entry.id}' of the previous assessment is not a requirement of {spec_name} "
                "any more; ignored", previous_source.line_of(path), path))
    items = []
    changes: list[str] = []  # each item's change, as a str (Item.change is optional)
    for item in checklist.items:
        was = before.get(item.id, "not_verified")
        changes.append(change(was, item.status))
        items.append(replace(item, previous_status=was, change=changes[-1]))
    summary = summarise(items)
    levels = {t.name: t for t in summary.by_level}
    sections = {t.name: t for t in summary.by_section}
    for tally in (summary.overall, *levels.values(), *sections.values()):
        tally.changes = dict.fromkeys(CHANGES, 0)
    for item, kind in zip(items, changes):
        for tally in (summary.overall, levels[item.level], sections[item.section]):
            tally.changes[kind] += 1
    return replace(checklist, items=items, summary=summary, warnings=warnings,
                   previous=previous.assessment, previous_file=str(previous_source.path))

