"""``docgen deck``: the steering committee deck (.pptx) or a written status report from a status."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.cli.options import effective_language, effective_templates, lang_option, templates_option
from docgen.cli.outputs import warn, write_and_report


@click.command()
@click.argument("status_file", metavar="STATUS", type=click.Path(path_type=Path))
@click.option("-o", "--output", "outputs", multiple=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="Output file: .pptx (deck), .pdf (the deck through LibreOffice), .md or .docx (written "
                   "status report); repeat for several. Default: STATUS with .pptx, next to it.")
@click.option("--template", "pptx_template", default=None,
              help="PowerPoint template with Jinja tags ({{ project.name }}, {%tr for r in risks %}, "
                   "{%slide for d in decisions_required %}) used for .pptx and .pdf outputs: a path, or a "
                   "file name found on the template path.")
@click.option("--previous", "previous_file", default=None,
              type=click.Path(dir_okay=False, path_type=Path),
              help="Status of the previous period: adds a 'Changes since <period>' slide and "
                   "report section, and computes the RAG trends the status does not give.")
@click.option("--plan", "plan_file", default=None, type=click.Path(dir_okay=False, path_type=Path),
              help="MS Project XML plan (MSPDI, 'Save as XML' or ProjectLibre): its milestones and "
                   "top-level summary tasks become the status's milestones and workstreams.")
@templates_option
@lang_option
def deck(status_file: Path, outputs: tuple[Path, ...], pptx_template: str | None,
         previous_file: Path | None, plan_file: Path | None, template_dirs: tuple[Path, ...],
         language: str | None) -> None:
    """Write the committee slide deck of a project status (status.yaml or status.xlsx).

    Every output is rendered before any is written: if one fails, none is (re)written.
    """
    from docgen.jobs import job
    from docgen.jobs.context import RenderContext
    from docgen.jobs.protocol import check_outputs

    deck_job = job("deck")
    ctx = RenderContext.resolve(effective_templates(template_dirs), effective_language(language))
    targets = list(outputs) or [status_file.with_suffix(".pptx")]
    check_outputs(deck_job.WRITERS, targets)
    period, warnings = deck_job.load(status_file, previous_file, plan_file)
    warn(warnings)
    if pptx_template:
        from docgen.renderers import deck_pptx_template

        ctx = ctx.with_template(deck_pptx_template.find(pptx_template, ctx.dirs))
    write_and_report(deck_job.WRITERS, period, ctx, targets)
