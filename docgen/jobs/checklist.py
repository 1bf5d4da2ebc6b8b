"""The checklist job: a specification and its assessment -> the compliance checklist, and a gate."""

from __future__ import annotations

from pathlib import Path

from docgen.checklist import check_gate, load_checklist
from docgen.jobs.context import RenderContext
from docgen.jobs.protocol import pdf
from docgen.model.checklist import Checklist

NAME = "checklist"
KIND = "spec"
INPUTS = ("requirements", "assessment")
DEFAULT_FORMATS = ("docx", "xlsx")
__all__ = ["check_gate", "load", "WRITERS"]


def load(spec: Path, assessment: Path | None = None, previous: Path | None = None,
         mode: str | None = None, id_pattern: str | None = None) -> Checklist:
    """Return the Checklist of ``spec`` assessed by ``assessment`` (compared with ``previous``)."""
    return load_checklist(Path(spec), assessment, mode=mode, id_pattern=id_pattern, previous=previous)


def check(path: Path, kind: str) -> list:
    """Return the warnings about one checklist input read alone: a specification, or an assessment (``kind``).

    Raises InputError listing its problems (``docgen validate``).
    """
    if kind != "assessment":
        return load(path).warnings
    from docgen.model.requirements import AssessmentSet
    from docgen.model.validate import validated
    from docgen.readers.requirements import read_assessment

    source = read_assessment(Path(path))
    validated(AssessmentSet, source)
    return list(getattr(source, "warnings", []))


def write_docx(checklist: Checklist, ctx: RenderContext, dest: Path) -> Path:
    """Write the Word checklist (``checklist.docx`` reference document); return ``dest``."""
    from docgen.renderers import checklist_docx

    return checklist_docx.render(checklist, Path(dest), ctx.labels(None), ctx.dirs)


def write_xlsx(checklist: Checklist, ctx: RenderContext, dest: Path) -> Path:
    """Write the checklist workbook (one row per requirement, a summary sheet); return ``dest``."""
    from docgen.renderers import checklist_xlsx

    return checklist_xlsx.render(checklist, Path(dest), ctx.labels(None), ctx.dirs)


def write_md(checklist: Checklist, ctx: RenderContext, dest: Path) -> Path:
    """Write the Markdown checklist (``checklist.md.j2``); return ``dest``."""
    from docgen.renderers import checklist_md

    return checklist_md.render(checklist, Path(dest), ctx.labels(None), ctx.dirs)


def write_csv(checklist: Checklist, ctx: RenderContext, dest: Path) -> Path:
    """Write the checklist as CSV; return ``dest``."""
    from docgen.renderers import checklist_csv

    return checklist_csv.render(checklist, Path(dest), ctx.labels(None), ctx.dirs)


def write_junit(checklist: Checklist, ctx: RenderContext, dest: Path) -> Path:
    """Write the checklist as JUnit XML (one test case per requirement); return ``dest``."""
    from docgen.renderers import checklist_junit

    return checklist_junit.render(checklist, Path(dest), ctx.labels(None), ctx.dirs)


def write_json(checklist: Checklist, ctx: RenderContext, dest: Path) -> Path:
    """Write the checklist as JSON; return ``dest``."""
    from docgen.renderers import checklist_json

    return checklist_json.render(checklist, Path(dest), ctx.labels(None), ctx.dirs)


WRITERS = {".docx": write_docx, ".xlsx": write_xlsx, ".md": write_md, ".markdown": write_md,
           ".csv": write_csv, ".xml": write_junit, ".json": write_json, ".pdf": pdf(write_docx, ".docx")}


def render_checklist(checklist: Checklist, dest: Path, labels, dirs: tuple[Path, ...] = ()) -> Path:
    """Write ``checklist`` to ``dest`` in the words of ``labels`` along the search path ``dirs``; return ``dest``.

    A shortcut for scripts and tests: the job's writer for ``dest`` in a RenderContext of ``labels``' language.
    """
    from docgen.jobs.protocol import writer_for
    from docgen.template_path import along

    return writer_for(WRITERS, dest)(checklist, RenderContext(along(dirs), labels.language), Path(dest))
