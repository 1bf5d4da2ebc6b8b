"""``docgen minutes``: Word, Markdown or HTML minutes from YAML or Markdown meeting notes."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.cli.options import effective_language, effective_templates, lang_option, templates_option
from docgen.cli.series_options import previous_options


@click.command()
@click.argument("input_file", metavar="INPUT", type=click.Path(path_type=Path))
@click.option("-o", "--output", "outputs", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Output file (.docx, .md, .html or .pdf); repeat for several. "
                   "Default: INPUT with .docx, next to it.")
@click.option("--template", "word_template", default=None,
              help="Word template with docxtpl tags ({{ meeting.title }}, {%tr for a in actions %}) "
                   "used for .docx/.pdf outputs: a path, or a file name found on the template path.")
@click.option("--draft", is_flag=True,
              help="Write a Markdown skeleton for taking notes live (-o notes.md) instead of the "
                   "minutes; `docgen minutes notes.md` turns it into minutes afterwards.")
@previous_options
@templates_option
@lang_option
def minutes(input_file: Path, outputs: tuple[Path, ...], word_template: str | None, draft: bool,
            previous: tuple[Path, ...], no_previous: bool,
            template_dirs: tuple[Path, ...], language: str | None) -> None:
    """Write the minutes of a meeting from INPUT (meeting.yaml or Markdown notes).

    Every output is rendered before any is written: if one fails, none is (re)written.
    """
    from docgen.jobs import job
    from docgen.jobs.context import RenderContext
    from docgen.jobs.protocol import check_outputs, write_all
    from docgen.output import staged_outputs

    minutes_job = job("minutes")
    ctx = RenderContext.resolve(effective_templates(template_dirs), effective_language(language))
    if draft:
        return _draft(input_file, outputs, previous, no_previous, ctx)
    targets = list(outputs) or [default_output(input_file)]
    check_outputs(minutes_job.WRITERS, targets)
    if word_template:
        from docgen.renderers.docx_template import check_template, locate

        template = locate(word_template, ctx.dirs)
        check_template(template)
        ctx = ctx.with_template(template)
    model, warnings = minutes_job.load(input_file, previous, carry=not no_previous)
    _warn(warnings)
    with staged_outputs():
        written = write_all(minutes_job.WRITERS, model, ctx, targets)
    for path in written:
        click.echo(f"wrote {path}")


def _warn(warnings) -> None:
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)


def _draft(input_file: Path, outputs: tuple[Path, ...], previous: tuple[Path, ...],
           no_previous: bool, ctx) -> None:
    from docgen.errors import OutputError
    from docgen.jobs import minutes as minutes_job
    from docgen.output import staged_outputs

    targets = list(outputs) or [input_file.with_name(input_file.stem + "-notes.md")]
    for target in targets:
        if target.suffix.lower() not in (".md", ".markdown"):
            raise OutputError(f"{target}: --draft writes Markdown notes (use a .md output)")
    model, warnings = minutes_job.load(input_file, previous, carry=not no_previous)
    _warn(warnings)
    with staged_outputs():
        written = [minutes_job.write_draft(model, ctx, target) for target in targets]
    for path in written:
        click.echo(f"wrote {path}")


def default_output(input_file: Path) -> Path:
    """Return the Word minutes written when no ``-o`` is given: INPUT.docx, or INPUT-minutes.docx for Word notes."""
    if input_file.suffix.lower() in (".docx", ".docm"):
        return input_file.with_name(input_file.stem + "-minutes.docx")
    return input_file.with_suffix(".docx")
