"""``docgen minutes``: Word, Markdown or HTML minutes from YAML or Markdown meeting notes."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.cli.options import effective_language, effective_templates, lang_option, templates_option
from docgen.cli.outputs import warn
from docgen.cli.series_options import previous_options


@click.command()
@click.argument("input_file", metavar="INPUT", type=click.Path(path_type=Path))
@click.option("-o", "--output", "outputs", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Output file (.docx, .md, .html, .pdf, or .ics: the invitation to the next meeting); "
                   "repeat for several. "
                   "Default: INPUT with .docx, next to it.")
@click.option("--template", "word_template", default=None,
              help="Word template with docxtpl tags ({{ meeting.title }}, {%tr for a in actions %}) "
                   "used for .docx/.pdf outputs: a path, or a file name found on the template path.")
@click.option("--draft", is_flag=True,
              help="Write a Markdown skeleton for taking notes live (-o notes.md) instead of the "
                   "minutes; `docgen minutes notes.md` turns it into minutes afterwards.")
@click.option("--approve", is_flag=True,
              help="Write the approved minutes and record the approval (status: approved, approved_by, "
                   "approved_on) in INPUT, a meeting.yaml, keeping its comments and key order.")
@click.option("--by", "approved_by", default=None, metavar="NAME", help="With --approve: who approves the minutes.")
@click.option("--on", "approved_on", default=None, metavar="DATE",
              help="With --approve: the approval date (YYYY-MM-DD). Default: the meeting's date.")
@previous_options
@templates_option
@lang_option
def minutes(input_file: Path, outputs: tuple[Path, ...], word_template: str | None, draft: bool,
            approve: bool, approved_by: str | None, approved_on: str | None,
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
    approval = _approval(draft, approve, approved_by, approved_on)
    if draft:
        return _draft(input_file, outputs, previous, no_previous, ctx)
    targets = list(outputs) or [default_output(input_file)]
    check_outputs(minutes_job.WRITERS, targets)
    if word_template:
        from docgen.renderers.docx_template import check_template, locate

        template = locate(word_template, ctx.dirs)
        check_template(template)
        ctx = ctx.with_template(template)
    model, warnings, text = _load(input_file, previous, not no_previous, approval)
    warn(warnings)
    with staged_outputs():
        written = write_all(minutes_job.WRITERS, model, ctx, targets)
        if text is not None:
            from docgen.output import atomic_write_bytes

            written.append(atomic_write_bytes(input_file, text.encode("utf-8")))
    for path in written:
        click.echo(f"wrote {path}")


def _load(input_file: Path, previous: tuple[Path, ...], carry: bool,
          approval: tuple[str, str | None] | None) -> tuple[object, list[str], str | None]:
    """Return the minutes of INPUT, the warnings and, with --approve, INPUT's new text (else None)."""
    from docgen.jobs import minutes as minutes_job

    if approval is None:
        return (*minutes_job.load(input_file, previous, carry=carry), None)
    return minutes_job.approve(input_file, *approval, previous, carry=carry)


def _approval(draft: bool, approve: bool, by: str | None, on: str | None) -> tuple[str, str | None] | None:
    """Return (approver, date) of --approve --by [--on], or None without --approve; raise UsageError on a misuse."""
    if not approve:
        if by is not None or on is not None:
            raise click.UsageError("--by and --on go with --approve")
        return None
    if draft:
        raise click.UsageError("--approve and --draft cannot be used together")
    if not by:
        raise click.UsageError("--approve needs --by NAME (who approves the minutes)")
    return by, on




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
    warn(warnings)
    with staged_outputs():
        written = [minutes_job.write_draft(model, ctx, target) for target in targets]
    for path in written:
        click.echo(f"wrote {path}")


def default_output(input_file: Path) -> Path:
    """Return the Word minutes written when no ``-o`` is given: INPUT.docx, or INPUT-minutes.docx for Word notes."""
    if input_file.suffix.lower() in (".docx", ".docm"):
        return input_file.with_name(input_file.stem + "-minutes.docx")
    return input_file.with_suffix(".docx")
