"""``docgen pack``: the committee's pre-read pack in one PDF or Word file (agenda, minutes, deck, checklist)."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.cli.options import effective_language, effective_templates, lang_option, templates_option
from docgen.cli.outputs import warn, write_and_report
from docgen.cli.series_options import previous_options

_FILE = click.Path(dir_okay=False, path_type=Path)


@click.command()
@click.argument("input_file", metavar="MEETING", type=click.Path(path_type=Path))
@click.option("--status", type=_FILE, default=None, help="Project status whose committee deck goes in the pack.")
@click.option("--checklist", "spec", type=_FILE, default=None,
              help="Specification whose compliance checklist summary goes in the pack.")
@click.option("--assessment", type=_FILE, default=None, help="Assessment of the --checklist specification.")
@click.option("--previous-minutes", type=_FILE, default=None,
              help="The previous meeting (YAML or notes) whose minutes go in the pack.")
@click.option("-o", "--output", "outputs", multiple=True, type=_FILE,
              help="Output file (.pdf, or .docx: one Word document, the deck as its status report); repeat for "
                   "several. Default: MEETING with -pack.pdf, next to it.")
@previous_options
@templates_option
@lang_option
def pack(input_file: Path, status: Path | None, spec: Path | None, assessment: Path | None,
         previous_minutes: Path | None, outputs: tuple[Path, ...], previous: tuple[Path, ...], no_previous: bool,
         template_dirs: tuple[Path, ...], language: str | None) -> None:
    """Write the pre-read pack of the meeting in MEETING: a contents page, its agenda, then the parts given.

    In PDF the parts are converted by one LibreOffice run and merged: a bookmark per part, the
    deck two slides per page, "Page X of Y" across the pack. Nothing is written if any input is wrong.
    """
    from docgen.jobs import job
    from docgen.jobs.context import RenderContext
    from docgen.jobs.protocol import check_outputs

    pack_job = job("pack")
    ctx = RenderContext.resolve(effective_templates(template_dirs), effective_language(language))
    targets = list(outputs) or [input_file.with_name(input_file.stem + "-pack.pdf")]
    check_outputs(pack_job.WRITERS, targets)
    model, warnings = pack_job.load(input_file, status, spec, assessment, previous_minutes, previous,
                                    carry=not no_previous)
    warn(warnings)
    write_and_report(pack_job.WRITERS, model, ctx, targets)
