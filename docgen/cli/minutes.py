"""``docgen minutes``: Word, Markdown or HTML minutes from YAML or Markdown meeting notes."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.cli.options import effective_language, effective_templates, lang_option, templates_option
from docgen.cli.series_options import previous_options, with_previous


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
    from docgen import minutes as job
    from docgen.output import staged_outputs

    template_dirs = effective_templates(template_dirs)
    language = effective_language(language)
    if draft:
        return _draft(input_file, outputs, previous, no_previous, template_dirs, language)
    targets = list(outputs) or [input_file.with_suffix(".docx")]
    for target in targets:
        job.output_format(target)
    template = None
    if word_template:
        from docgen.renderers.docx_template import check_template, locate

        template = locate(word_template, template_dirs)
        check_template(template)
    model = with_previous(input_file, job.load(input_file), previous, no_previous)
    with staged_outputs():
        written = [_write_from_template(model, target, language, template_dirs, template)
                   if template is not None and job.output_format(target) in ("docx", "pdf")
                   else job.write(model, target, language, template_dirs) for target in targets]
    for path in written:
        click.echo(f"wrote {path}")


def _write_from_template(model, target: Path, language: str | None,
                         template_dirs: tuple[Path, ...], template: Path) -> Path:
    from docgen import minutes as job
    from docgen.renderers import minutes_docx_template

    labels = job.labels_for(model, language, template_dirs)
    if target.suffix.lower() != ".pdf":
        return minutes_docx_template.render(model, labels, template, target)
    docx_dest = target.with_suffix(".docx")
    minutes_docx_template.render(model, labels, template, docx_dest)
    return job.to_pdf(docx_dest, target)


def _draft(input_file: Path, outputs: tuple[Path, ...], previous: tuple[Path, ...],
           no_previous: bool, template_dirs: tuple[Path, ...], language: str | None) -> None:
    from docgen import minutes as job
    from docgen.errors import OutputError
    from docgen.output import staged_outputs
    from docgen.renderers import minutes_draft

    targets = list(outputs) or [input_file.with_name(input_file.stem + "-notes.md")]
    for target in targets:
        if job.output_format(target) != "md":
            raise OutputError(f"{target}: --draft writes Markdown notes (use a .md output)")
    model = with_previous(input_file, job.load(input_file), previous, no_previous)
    labels = job.labels_for(model, language, template_dirs)
    with staged_outputs():
        written = [minutes_draft.render(model, labels, target, template_dirs) for target in targets]
    for path in written:
        click.echo(f"wrote {path}")
