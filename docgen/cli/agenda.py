"""``docgen agenda``: the invitation sent before a meeting (Word, Markdown, HTML or PDF)."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.cli.options import effective_language, effective_templates, lang_option, templates_option
from docgen.cli.series_options import previous_options, with_previous


@click.command()
@click.argument("input_file", metavar="INPUT", type=click.Path(path_type=Path))
@click.option("-o", "--output", "outputs", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Output file (.docx, .md, .html or .pdf); repeat for several. "
                   "Default: INPUT with -agenda.docx, next to it.")
@previous_options
@templates_option
@lang_option
def agenda(input_file: Path, outputs: tuple[Path, ...], previous: tuple[Path, ...],
           no_previous: bool, template_dirs: tuple[Path, ...], language: str | None) -> None:
    """Write the agenda of the meeting in INPUT: invited people, timed items, open actions, documents.

    Every output is rendered before any is written: if one fails, none is (re)written.
    """
    template_dirs = effective_templates(template_dirs)
    language = effective_language(language)
    from docgen import agenda as job
    from docgen.minutes import load
    from docgen.output import staged_outputs

    targets = list(outputs) or [input_file.with_name(input_file.stem + "-agenda.docx")]
    for target in targets:
        job.output_format(target)
    model = with_previous(input_file, load(input_file), previous, no_previous)
    with staged_outputs():
        written = [job.write(model, target, language, template_dirs) for target in targets]
    for path in written:
        click.echo(f"wrote {path}")
