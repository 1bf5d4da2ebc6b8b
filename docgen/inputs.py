"""Loading any kind of input by name, for commands that take several kinds (validate, build)."""

from __future__ import annotations

from pathlib import Path

from docgen.model.validate import validated


def load(path: Path, kind: str):
    """Return the validated model of ``path`` read as ``kind``; raise InputError on problems.

    Kinds: meeting, status, requirements (or spec), assessment.
    """
    path = Path(path)
    if kind == "meeting":
        from docgen import minutes

        return minutes.load(path)
    if kind == "status":
        from docgen.model.status import Status
        from docgen.readers.table import read

        return validated(Status, read(path, "status"))
    if kind in ("requirements", "spec"):
        from docgen.model.requirements import RequirementSet
        from docgen.readers.requirements import read_requirements

        return validated(RequirementSet, read_requirements(path))
    if kind == "assessment":
        from docgen.model.requirements import AssessmentSet
        from docgen.readers.requirements import read_assessment

        return validated(AssessmentSet, read_assessment(path))
    raise ValueError(f"unknown input kind {kind!r}")
