"""``docgen deck``: the steering committee deck (.pptx) or a written status report from a status."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.cli.options import lang_option, templates_option


@click.command()
@click.argument("status_file", metavar="STATUS", type=click.Path(path_type=Path))
@click.option("-o", "--output", "outputs", multiple=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="Output file: .pptx (deck), .md or .docx (written status report); repeat for "
                   "several. Default: STATUS with .pptx, next to it.")
@templates_option
@lang_option
def deck(status_file: Path, outputs: tuple[Path, ...], template_dirs: tuple[Path, ...],
         language: str | None) -> None:
    """Write the committee slide deck of a project status (status.yaml)."""
    from docgen.deck import job

    targets = list(outputs) or [status_file.with_suffix(".pptx")]
    for target in targets:
        job.output_format(target)
    status = job.load(status_file)
    for target in targets:
        click.echo(f"wrote {job.write(status, target, language, template_dirs)}")
