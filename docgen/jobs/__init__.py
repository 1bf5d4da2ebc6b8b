"""The one table of jobs: what docgen makes, each job one module of one shape.

A job module (``docgen/jobs/<job>.py``) exposes ``NAME``, ``KIND`` (its ``kind:`` in a build
manifest), ``INPUTS`` (the input kinds of the reader table it reads), ``DEFAULT_FORMATS``, a
``load(...)`` returning the validated model (``load(path)`` alone reads one input, as ``docgen
validate`` asks; a job whose ``load`` reads more adds ``check(path, kind)`` reading one input alone),
and ``WRITERS``: output extension -> ``write(model,
ctx, dest) -> Path`` (:mod:`docgen.jobs.protocol`; ``ctx`` is the run's
:class:`~docgen.jobs.context.RenderContext`). The CLI commands, ``docgen build`` and ``docgen
validate`` look jobs up here instead of deciding again. Modules are imported on first use, so
``docgen minutes`` never loads python-pptx.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docgen.jobs.context import RenderContext

# job name (the command) -> module; adding a job is one module and one line here.
JOBS: dict[str, str] = {
    "minutes": "docgen.jobs.minutes",
    "agenda": "docgen.jobs.agenda",
    "deck": "docgen.jobs.deck",
    "checklist": "docgen.jobs.checklist",
    "actions": "docgen.jobs.actions",
    "portfolio": "docgen.jobs.portfolio",
    "pack": "docgen.jobs.pack",
}
# manifest ``kind:`` -> job name (a meeting makes minutes, a status a deck, a spec a checklist).
KINDS: dict[str, str] = {
    "meeting": "minutes",
    "agenda": "agenda",
    "status": "deck",
    "spec": "checklist",
    "actions": "actions",
    "portfolio": "portfolio",
    "pack": "pack",
}



def job(name: str) -> ModuleType:
    """Return the module of job ``name`` (a key of :data:`JOBS`)."""
    return importlib.import_module(JOBS[name])


def job_of_kind(kind: str) -> ModuleType:
    """Return the module of the job a manifest ``kind:`` names (a key of :data:`KINDS`)."""
    return job(KINDS[kind])


def write(name: str, model: object, dest: Path, ctx: RenderContext | None = None) -> Path:
    """Return ``dest`` after writing ``model`` with job ``name``'s writer for its extension.

    For library use and benchmarks: ``ctx`` defaults to the built-in templates, English labels
    unless the document sets its language; the file is written atomically.
    """
    from docgen.jobs.context import RenderContext
    from docgen.jobs.protocol import writer_for

    context = ctx if ctx is not None else RenderContext.resolve()
    return writer_for(job(name).WRITERS, Path(dest))(model, context, Path(dest))


def job_reading(kind: str) -> ModuleType:
    """Return the module of the job reading input ``kind`` (a kind told by ``docgen.discover.kind_of``).

    The job of the manifest ``kind:`` when it is one (as ``docgen build`` picks it), else the
    first job of :data:`JOBS` whose ``INPUTS`` hold it (the checklist reads assessments). Raises
    KeyError when no job reads ``kind``.
    """
    if kind in KINDS:
        return job_of_kind(kind)
    for name in JOBS:
        module = job(name)
        if kind in module.INPUTS:
            return module
    raise KeyError(kind)


def check(path: Path, kind: str) -> list[str]:
    """Return the warnings about the input ``path`` of ``kind`` read alone by its job.

    Raises InputError listing its problems. The job's ``check(path, kind)`` when it has one (a job
    whose ``load`` reads more than the one file, such as minutes carrying earlier meetings' actions),
    else its ``load(path)``; the warnings are the second item of what ``load`` returns, or the
    model's ``warnings``.
    """
    module = job_reading(kind)
    own = getattr(module, "check", None)
    if own is not None:
        return [str(w) for w in own(Path(path), kind)]
    loaded = module.load(Path(path))
    found = loaded[1] if isinstance(loaded, tuple) else getattr(loaded, "warnings", [])
    return [str(w) for w in found]
