"""The runners of each kind of build job; each returns the files it wrote and any warnings.

Every kind is a job of the one table (:mod:`docgen.jobs`): the runner maps the manifest entry to
the job's ``load`` and writes each output with the job's ``WRITERS``, in one RenderContext. The
outputs of one job are staged (:func:`docgen.output.staged_outputs`): if one of them fails, none
of that job's outputs is (re)written.
"""

from __future__ import annotations

from pathlib import Path

from docgen.build.jobs import Job
from docgen.jobs import job_of_kind
from docgen.jobs.context import RenderContext
from docgen.jobs.protocol import write_all
from docgen.output import staged_outputs


def context_of(job: Job) -> RenderContext:
    """Return the RenderContext of ``job``: its template folders, language and ``template:`` (checked)."""
    ctx = RenderContext.resolve(job.templates, job.language)
    if job.template is None:
        return ctx
    if Path(job.template).suffix.lower() == ".pptx":
        from docgen.renderers import deck_pptx_template

        return ctx.with_template(deck_pptx_template.find(str(job.template), ctx.dirs))
    from docgen.renderers.docx_template import check_template, locate

    template = locate(str(job.template), ctx.dirs)
    check_template(template)
    return ctx.with_template(template)


def write(job: Job, model: object, ctx: RenderContext) -> list[Path]:
    """Write ``model`` to every output of ``job`` (a PDF of a batch first as its scratch Office file)."""
    targets = [Path(job.scratch.get(str(o), o)) for o in job.outputs]
    with staged_outputs():
        return write_all(job_of_kind(job.kind).WRITERS, model, ctx, targets)


def run_meeting(job: Job) -> tuple[list[Path], list[str]]:
    """Write the minutes of ``job.input``; return them and any warnings.

    Open actions of earlier meetings of the same series (``previous:`` or the same folder)
    are carried into the review of previous actions, as ``docgen minutes`` does.
    """
    ctx = context_of(job)
    model, warnings = job_of_kind("meeting").load(job.input, (job.previous,) if job.previous else ())
    return write(job, model, ctx), warnings


def run_agenda(job: Job) -> tuple[list[Path], list[str]]:
    """Write the agenda of the meeting ``job.input``; return it and any warnings."""
    ctx = context_of(job)
    model, warnings = job_of_kind("agenda").load(job.input, (job.previous,) if job.previous else ())
    return write(job, model, ctx), warnings


def run_status(job: Job) -> tuple[list[Path], list[str]]:
    """Write the committee deck (and any status report) of ``job.input``; return them and any warnings."""
    ctx = context_of(job)
    period, warnings = job_of_kind("status").load(job.input, job.previous)
    return write(job, period, ctx), warnings


def run_spec(job: Job) -> list[Path]:
    """Write the compliance checklist of ``job.input``; return the outputs.

    A failed gate still writes every output, then raises GateFailed.
    """
    checklist_job = job_of_kind("spec")
    ctx = context_of(job)
    checklist = checklist_job.load(job.input, job.assessment, job.previous)
    written = write(job, checklist, ctx)
    checklist_job.check_gate(checklist, job.fail_on)
    return written


def run_actions(job: Job) -> tuple[list[Path], list[str]]:
    """Write the action register of the meetings in ``job.inputs`` (files or folders); return it and warnings."""
    ctx = context_of(job)
    register = job_of_kind("actions").load(job.inputs or [job.input])
    return write(job, register, ctx), list(register.warnings)


def run_portfolio(job: Job) -> tuple[list[Path], list[str]]:
    """Write the portfolio of the statuses in ``job.inputs``; bad statuses are left out and reported.

    Raises InputError when no status is valid; otherwise the problems of the others come back as
    warnings (the portfolio is one document written from the good statuses).
    """
    from docgen.errors import InputError
    from docgen.portfolio.rules_config import load_rules

    ctx = context_of(job)
    dashboard = job_of_kind("portfolio").load(job.inputs or [job.input], None, load_rules())
    if not dashboard.collection.projects:
        raise InputError(dashboard.collection.problems or [])
    written = write(job, dashboard, ctx)
    return written, [str(p) for p in dashboard.collection.problems]


def run_pack(job: Job) -> tuple[list[Path], list[str]]:
    """Write the committee pack of the meeting ``job.input`` with the parts the job names; return it and warnings.

    The pack's own PDF writer converts every part in one LibreOffice process (the batch
    conversion of the build leaves it alone). Open actions of earlier meetings are carried into
    its agenda as ``docgen pack`` does (``previous:`` or the same folder).
    """
    ctx = context_of(job)
    pack, warnings = job_of_kind("pack").load(job.input, job.status, job.checklist, job.assessment,
                                              job.previous_minutes, (job.previous,) if job.previous else ())
    return write(job, pack, ctx), warnings
