"""``docgen agenda``: the invitation sent before a meeting (Word, Markdown, HTML or PDF)."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.cli.options import effective_language, effective_templates, lang_option, templates_option
from docgen.cli.outputs import warn, write_and_report
from docgen.cli.series_options import previous_options


@click.command()
@click.argument("input_file", metavar="INPUT", type=click.Path(path_type=Path))
@click.option("-o", "--output", "outputs", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Output file (.docx, .md, .html, .pdf, or .ics: the calendar invitation); repeat for several. "
                   "Default: INPUT with -agenda.docx, next to it.")
@previous_options
@templates_option
@lang_option
def agenda(input_file: Path, outputs: tuple[Path, ...], previous: tuple[Path, ...],
           no_previous: bool, template_dirs: tuple[Path, ...], language: str | None) -> None:
    """Write the agenda of the meeting in INPUT: invited people, timed items, open actions, documents.

    Every output is rendered before any is written: if one fails, none is (re)written.
    """
    from docgen.jobs import job
    from docgen.jobs.context import RenderContext
    from docgen.jobs.protocol import check_outputs

    agenda_job = job("agenda")
    ctx = RenderContext.resolve(effective_templates(template_dirs), effective_language(language))
    targets = list(outputs) or [input_file.with_name(input_file.stem + "-agenda.docx")]
    check_outputs(agenda_job.WRITERS, targets)
    model, warnings = agenda_job.load(input_file, previous, carry=not no_previous)
    warn(warnings)
    write_and_report(agenda_job.WRITERS, model, ctx, targets)
