"""``docgen actions``: the action register of a series of minutes (xlsx, docx, md or csv)."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.cli.options import effective_language, effective_templates, lang_option, templates_option


@click.command()
@click.argument("files", metavar="FILES...", nargs=-1, required=True,
                type=click.Path(path_type=Path))
@click.option("-o", "--output", "outputs", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Output file (.xlsx, .docx, .md or .csv); repeat for several. "
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
    template_dirs = effective_templates(template_dirs)
    language = effective_language(language)
    from docgen import register as job
    from docgen.labels import load_labels
    from docgen.output import staged_outputs
    from docgen.series_io import expand, load_all

    for target in outputs:
        job.output_format(target)
    meetings = load_all(expand(files))
    register = job.build(meetings)
    for warning in register.warnings:
        click.echo(f"warning: {warning}", err=True)
    latest = max(meetings, key=lambda m: m[1].meeting.date)[1] if meetings else None
    labels = load_labels(language or (latest.meeting.language if latest else "en"), template_dirs)
    targets = list(outputs) or [Path(files[-1]).parent / "action-register.xlsx"
                                if Path(files[-1]).is_file() else Path(files[-1]) / "action-register.xlsx"]
    with staged_outputs():
        written = [job.write(register, target, labels, template_dirs) for target in targets]
    for path in written:
        click.echo(f"wrote {path}")
