"""The checklist's inputs and gate: read a specification and an assessment, merge them, check the gate.

Readers are looked up in the reader table; the writers are the checklist job's (docgen/jobs/checklist.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from docgen.errors import GateFailed
from docgen.model.checklist import Checklist, merge
from docgen.model.requirements import AssessmentSet, RequirementSet
from docgen.model.validate import validated
from docgen.readers.requirements import read_assessment, read_requirements
from docgen.readers.source import Source
from docgen.readers.yaml_source import paused_gc

Model = TypeVar("Model", RequirementSet, AssessmentSet)


def load_checklist(
    spec: Path,
    assessment: Path | None = None,
    mode: str | None = None,
    id_pattern: str | None = None,
    previous: Path | None = None,
) -> Checklist:
    """Return the Checklist of the specification ``spec`` assessed by ``assessment``.

    With ``previous`` (an earlier assessment), each item also carries its previous status and
    its change (see :mod:`docgen.model.checklist_changes`). Raises InputError listing every
    problem of a file; each file is read only once the ones before it are valid.
    """
    spec_source = read_requirements(Path(spec), mode=mode, id_pattern=id_pattern)
    requirements = _validated(RequirementSet, spec_source)
    _drop_unneeded_lines(requirements, spec_source)
    if assessment is None:
        with paused_gc():
            checklist = merge(requirements, spec_source)
    else:
        assessment_source = read_assessment(Path(assessment))
        assessed = _validated(AssessmentSet, assessment_source)
        with paused_gc():
            checklist = merge(requirements, spec_source, assessed, assessment_source)
    # What the readers noticed (a value cut by ' #', a Won't row left out) is warned about too.
    checklist.warnings.extend(w for source in (spec_source, assessment_source if assessment else None)
                              if source is not None for w in getattr(source, "warnings", []))
    if previous is None:
        return checklist
    from docgen.model.checklist_changes import compare

    previous_source = read_assessment(Path(previous))
    earlier = _validated(AssessmentSet, previous_source)
    with paused_gc():
        return compare(checklist, earlier, previous_source)


def _validated(model: type[Model], source: Source) -> Model:
    """Return ``source`` validated as ``model``; the source keeps its lines for messages, not its raw data.

    The garbage collector is paused meanwhile: every model object built stays alive (a
    50,000-requirement file makes half a million), so collecting only walks them again.
    """
    with paused_gc():
        model_object = validated(model, source)
    source.data = {}  # the model holds what is needed: the raw copy of a large file would stay alive
    return model_object


def _drop_unneeded_lines(requirements: RequirementSet, source: Source) -> None:
    """Forget where the specification's keys were when no message can name one; returns nothing.

    Once the specification is valid, its lines serve only to place duplicate ids. A YAML
    source's lines keep the whole text until first asked for (to compose it again then):
    10 MB at 50,000 requirements, held while the assessment is read and validated.
    """
    ids = [req.id for req in requirements.requirements]
    if len(set(ids)) == len(ids):
        source.lines = {}


def check_gate(checklist: Checklist, level: str | None) -> None:
    """Raise GateFailed when a requirement at ``level`` or stronger is not met (None: no gate)."""
    if not level:
        return
    failures = checklist.gate_failures(level)
    if not failures:
        return
    shown = ", ".join(f"{item.id} ({item.status.replace('_', ' ')})" for item in failures[:10])
    more = f" and {len(failures) - 10} more" if len(failures) > 10 else ""
    stronger = "" if level == "must" else " or stronger"
    noun = "requirement" if len(failures) == 1 else "requirements"
    raise GateFailed(
        f"gate failed (--fail-on {level}): {len(failures)} {level}{stronger} {noun} not met: "
        f"{shown}{more}")
