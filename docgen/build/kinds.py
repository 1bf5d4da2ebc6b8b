"""The runners of each kind of build job; each returns the files it wrote.

The outputs of one input are staged (:func:`docgen.output.staged_outputs`): if one of them
fails, none of that input's outputs is (re)written.
"""

from __future__ import annotations

from pathlib import Path

from docgen.build.jobs import Job
from docgen.errors import GateFailed
from docgen.output import staged_outputs

OFFICE = (".docx", ".pptx", ".xlsx")


def run_meeting(job: Job) -> tuple[list[Path], list[str]]:
    """Write the minutes of ``job.input`` to each output; return them and any warnings.

    Open actions of earlier meetings of the same series (``previous:`` or the same folder)
    are carried into the review of previous actions, as ``docgen minutes`` does.
    """
    from docgen import minutes, series_io

    model, warnings = series_io.with_previous(job.input, minutes.load(job.input))
    with staged_outputs():
        written = [minutes.write(model, dest, job.language, tuple(job.templates)) for dest in job.outputs]
    return written, warnings


def run_status(job: Job) -> tuple[list[Path], list[str]]:
    """Write the committee deck (and any status report) of ``job.input``; return them and any warnings."""
    from docgen.deck import job as deck_job

    status, changes, warnings = deck_job.load_pair_checked(job.input, job.previous)
    with staged_outputs():
        written = [deck_job.write(status, dest, job.language, tuple(job.templates), changes)
                   for dest in job.outputs]
    return written, [str(w) for w in warnings]


def run_spec(job: Job) -> list[Path]:
    """Write the compliance checklist of ``job.input``; return the outputs.

    A failed gate still writes every output, then raises GateFailed.
    """
    from docgen.checklist import check_gate, load_checklist, render_checklist
    from docgen.labels import load_labels

    checklist = load_checklist(job.input, job.assessment, previous=job.previous)
    labels = load_labels(job.language or "en", tuple(job.templates))
    with staged_outputs():
        written = [render_checklist(checklist, dest, labels, tuple(job.templates))
                   for dest in job.outputs]
    try:
        check_gate(checklist, job.fail_on)
    except GateFailed:
        raise
    return written
