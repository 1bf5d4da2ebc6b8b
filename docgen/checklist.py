"""The checklist pipeline: read a specification and an assessment, merge, render, gate.

Readers and renderers are looked up by file extension; adding a format is one line in
:data:`RENDERERS` and one module.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from docgen.errors import GateFailed, OutputError
from docgen.labels import Labels
from docgen.model.checklist import Checklist, merge
from docgen.model.requirements import AssessmentSet, RequirementSet
from docgen.model.validate import build
from docgen.readers.requirements import read_assessment, read_requirements

RENDERERS: dict[str, str] = {
    ".docx": "docgen.renderers.checklist_docx:render",
    ".xlsx": "docgen.renderers.checklist_xlsx:render",
    ".md": "docgen.renderers.checklist_md:render",
    ".markdown": "docgen.renderers.checklist_md:render",
    ".csv": "docgen.renderers.checklist_csv:render",
    ".xml": "docgen.renderers.checklist_junit:render",
    ".json": "docgen.renderers.checklist_json:render",
}


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
    requirements = build(RequirementSet, spec_source)
    if assessment is None:
        checklist = merge(requirements, spec_source)
    else:
        assessment_source = read_assessment(Path(assessment))
        checklist = merge(requirements, spec_source, build(AssessmentSet, assessment_source),
                          assessment_source)
    if previous is None:
        return checklist
    from docgen.model.checklist_changes import compare

    previous_source = read_assessment(Path(previous))
    return compare(checklist, build(AssessmentSet, previous_source), previous_source)


def renderer_for(dest: Path):
    """Return the render function for the extension of ``dest``; raise OutputError if none."""
    target = RENDERERS.get(Path(dest).suffix.lower())
    if target is None:
        known = ", ".join(sorted(set(RENDERERS)))
        raise OutputError(f"{dest}: unknown output format '{Path(dest).suffix}' (expected {known})")
    module, attr = target.split(":")
    return getattr(importlib.import_module(module), attr)


def render_checklist(
    checklist: Checklist, dest: Path, labels: Labels, template_dirs: tuple[Path, ...] = ()
) -> Path:
    """Return ``dest`` after writing ``checklist`` in the format its extension names."""
    return renderer_for(dest)(checklist, Path(dest), labels, tuple(template_dirs))


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
