"""``docgen minutes``: Word, Markdown or HTML minutes from YAML or Markdown meeting notes."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.cli.options import lang_option, templates_option


@click.command()
@click.argument("input_file", metavar="INPUT", type=click.Path(path_type=Path))
@click.option("-o", "--output", "outputs", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Output file (.docx, .md, .html or .pdf); repeat for several. "
                   "Default: INPUT with .docx, next to it.")
@templates_option
@lang_option
def minutes(input_file: Path, outputs: tuple[Path, ...], template_dirs: tuple[Path, ...],
            language: str | None) -> None:
    """Write the minutes of a meeting from INPUT (meeting.yaml or Markdown notes)."""
    from docgen import minutes as job

    targets = list(outputs) or [input_file.with_suffix(".docx")]
    for target in targets:
        job.output_format(target)
    model = job.load(input_file)
    for target in targets:
        written = job.write(model, target, language, template_dirs)
        click.echo(f"wrote {written}")
