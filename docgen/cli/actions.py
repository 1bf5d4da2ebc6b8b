"""``docgen actions``: the action register of a series of minutes (xlsx, docx, md, csv or pdf)."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.cli.options import effective_language, effective_templates, lang_option, templates_option


@click.command()
@click.argument("files", metavar="FILES...", nargs=-1, required=True,
                type=click.Path(path_type=Path))
@click.option("-o", "--output", "outputs", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Output file (.xlsx, .docx, .md, .csv or .pdf); repeat for several. "
                   "Default: action-register.xlsx next to the latest minutes.")
@templates_option
@lang_option
def actions(files: tuple[Path, ...], outputs: tuple[Path, ...], template_dirs: tuple[Path, ...],
            language: str | None) -> None:
    """Write the action register of the meetings in FILES (minutes files, or folders of them).

    One row per action id with its status as of the latest meeting, where it was raised, the
    last meeting that reviewed it and its days overdue; counts by owner and by status. Every
    output is rendered before any is written: if one fails, none is (re)written.
    """
    from docgen.jobs import job
    from docgen.jobs.context import RenderContext
    from docgen.jobs.protocol import check_outputs, write_all
    from docgen.output import staged_outputs

    actions_job = job("actions")
    ctx = RenderContext.resolve(effective_templates(template_dirs), effective_language(language))
    check_outputs(actions_job.WRITERS, outputs)
    register = actions_job.load(files)
    for warning in register.warnings:
        click.echo(f"warning: {warning}", err=True)
    last = Path(files[-1])
    targets = list(outputs) or [(last.parent if last.is_file() else last) / "action-register.xlsx"]
    with staged_outputs():
        written = write_all(actions_job.WRITERS, register, ctx, targets)
    for path in written:
        click.echo(f"wrote {path}")
