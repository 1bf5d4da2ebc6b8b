"""The compliance checklist: requirements merged with their assessment, counted and gated."""

from __future__ import annotations

from dataclasses import dataclass, field

from docgen.errors import InputError, Problem
from docgen.model.requirements import (
    LEVELS,
    PASSING,
    STATUSES,
    Assessment,
    AssessmentSet,
    ComplianceEntry,
    Requirement,
    RequirementSet,
    Specification,
)
from docgen.source import Source

# A comment is expected whenever a requirement is not simply met.
_NEEDS_COMMENT = ("partial", "non_compliant", "not_applicable")


@dataclass(frozen=True, slots=True)
class Item:
    """One line of the checklist: a requirement and its verdict (slots: one per requirement)."""

    requirement: Requirement
    status: str = "not_verified"
    evidence: str | None = None
    owner: str | None = None
    comment: str | None = None
    assessed: bool = False
    # Set only when compared with a previous assessment (docgen.model.checklist_changes).
    previous_status: str | None = None
    change: str | None = None

    @property
    def id(self) -> str:
        """Return the requirement id."""
        return self.requirement.id

    @property
    def section(self) -> str:
        """Return the requirement's section ("" when it has none)."""
        return self.requirement.section or ""

    @property
    def level(self) -> str:
        """Return the requirement's level (must, should or may)."""
        return self.requirement.level

    @property
    def passed(self) -> bool:
        """Return True when the status satisfies the requirement (compliant or not applicable)."""
        return self.status in PASSING

    def comparison(self) -> tuple[str, str]:
        """Return (previous status, change) of an item compared with a previous assessment.

        Raise ValueError for an item that was not compared (its checklist has no previous assessment).
        """
        if self.previous_status is None or self.change is None:
            raise ValueError(f"{self.id} was not compared with a previous assessment")
        return self.previous_status, self.change


@dataclass
class Tally:
    """Counts of items by status for one group (all items, one level or one section)."""

    name: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    # Improved / regressed / unchanged counts; empty unless compared with a previous assessment.
    changes: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """Return the number of items in the group."""
        return sum(self.counts.values())

    def percent(self, status: str) -> float:
        """Return the share of items with ``status``, in percent of the group (0 when empty)."""
        return 100.0 * self.counts[status] / self.total if self.total else 0.0

    @property
    def applicable(self) -> int:
        """Return the number of items that are not 'not applicable'."""
        return self.total - self.counts["not_applicable"]

    @property
    def compliance_rate(self) -> float | None:
        """Return compliant items in percent of applicable items (None when none applies)."""
        return 100.0 * self.counts["compliant"] / self.applicable if self.applicable else None


@dataclass
class Summary:
    """The checklist's counts by status, by level and by section."""

    overall: Tally
    by_level: list[Tally]
    by_section: list[Tally]


@dataclass
class Checklist:
    """A specification, its assessment, one item per requirement, a summary and any warnings."""

    specification: Specification
    assessment: Assessment
    items: list[Item]
    summary: Summary
    warnings: list[Problem] = field(default_factory=list)
    spec_file: str = ""
    assessment_file: str | None = None
    # The earlier assessment the statuses were compared with (None: no comparison).
    previous: Assessment | None = None
    previous_file: str | None = None

    @property
    def compared(self) -> bool:
        """Return True when the checklist was compared with a previous assessment."""
        return self.previous_file is not None

    def must_regressions(self) -> list[Item]:
        """Return the MUST requirements whose status regressed since the previous assessment."""
        return [item for item in self.items if item.level == "must" and item.change == "regressed"]

    def sections(self) -> list[tuple[str, list[Item]]]:
        """Return the items grouped by section, sections in order of first appearance."""
        groups: dict[str, list[Item]] = {}
        for item in self.items:
            groups.setdefault(item.section, []).append(item)
        return list(groups.items())

    def gate_failures(self, level: str) -> list[Item]:
        """Return the items at ``level`` or stronger that are neither compliant nor not applicable."""
        strong = set(LEVELS[: LEVELS.index(level) + 1])
        return [item for item in self.items if item.level in strong and not item.passed]


def summarise(items: list[Item]) -> Summary:
    """Return the counts of ``items`` by status, by level (must, should, may) and by section."""
    overall = Tally("")
    levels = {level: Tally(level) for level in LEVELS}
    sections: dict[str, Tally] = {}
    for item in items:
        status, section = item.status, item.section
        overall.counts[status] += 1
        levels[item.level].counts[status] += 1
        tally = sections.get(section)
        if tally is None:  # a Tally made only for a new section, not for every item
            tally = sections[section] = Tally(section)
        tally.counts[status] += 1
    return Summary(overall, [t for t in levels.values() if t.total], list(sections.values()))


def _duplicates(ids: list[str], source: Source, key: str) -> list[Problem]:
    first: dict[str, int] = {}
    problems = []
    for index, ident in enumerate(ids):
        if ident in first:
            path = f"{key}[{index}].id"
            where = source.line_of(f"{key}[{first[ident]}].id")
            seen = f" (first at line {where})" if where else ""
            problems.append(Problem(str(source.path), f"duplicate id '{ident}'{seen}",
                                    source.line_of(path), path))
        else:
            first[ident] = index
    return problems


def merge(
    requirements: RequirementSet,
    spec_source: Source,
    assessment: AssessmentSet | None = None,
    assessment_source: Source | None = None,
) -> Checklist:
    """Return the Checklist of ``requirements`` with the statuses of ``assessment``.

    A requirement without an entry is not_verified. Duplicate ids in either file and assessment
    ids the specification lacks raise InputError (all problems at once); a partial,
    non-compliant or not-applicable entry without a comment becomes a warning.
    """
    assessment = assessment or AssessmentSet()
    problems = _duplicates([r.id for r in requirements.requirements], spec_source, "requirements")
    entries: dict[str, ComplianceEntry] = {}
    warnings: list[Problem] = []
    if assessment_source is not None:
        ids = [e.id for e in assessment.compliance]
        problems += _duplicates(ids, assessment_source, "compliance")
        known = {r.id for r in requirements.requirements}
        for index, entry in enumerate(assessment.compliance):
            path = f"compliance[{index}]"  # its line is looked up for a message only (sources may find lines lazily)
            if entry.id not in known:
                problems.append(Problem(
                    str(assessment_source.path),
                    f"'{entry.id}' is not a requirement of {spec_source.path.name}",
                    assessment_source.line_of(f"{path}.id"), f"{path}.id"))
            elif entry.status in _NEEDS_COMMENT and not (entry.comment or "").strip():
                warnings.append(Problem(
                    str(assessment_source.path),
                    f"{entry.id} is {entry.status.replace('_', ' ')} but has no comment",
                    assessment_source.line_of(f"{path}.id"), path))
            entries.setdefault(entry.id, entry)
    if problems:
        raise InputError(problems)
    items = []
    for req in requirements.requirements:
        found = entries.get(req.id)
        if found is None:
            items.append(Item(req))
        else:
            items.append(Item(req, found.status, found.evidence, found.owner, found.comment, True))
    return Checklist(
        specification=requirements.specification,
        assessment=assessment.assessment,
        items=items,
        summary=summarise(items),
        warnings=warnings,
        spec_file=str(spec_source.path),
        assessment_file=str(assessment_source.path) if assessment_source else None,
    )
