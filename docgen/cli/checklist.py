"""``docgen checklist``: a specification and its assessment as a compliance checklist and a gate."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.cli.options import effective_language, effective_templates, lang_option, templates_option


@click.command()
@click.argument("spec", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--assessment", "-a", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Assessment (YAML or CSV): a status per requirement id; without it every "
                   "requirement is not verified.")
@click.option("--previous-assessment", "previous", default=None,
              type=click.Path(dir_okay=False, path_type=Path),
              help="An earlier assessment (YAML or CSV): each requirement also shows its previous "
                   "status and whether it improved or regressed; MUST regressions are called out.")
@click.option("-o", "--output", "outputs", multiple=True, required=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="Output file, format by extension: .docx .xlsx .md .csv .xml (JUnit) .json .pdf. "
                   "Repeat to write several formats in one run.")
@click.option("--mode", type=click.Choice(["id", "keyword"]), default=None,
              help="How requirements are found in a Markdown specification (default: by "
                   "identifier when identifiers are found, else by keyword).")
@click.option("--id-pattern", default=None,
              help="Regular expression of requirement identifiers in Markdown (default: ABC-001).")
@click.option("--fail-on", type=click.Choice(["must", "should", "may"]), default=None,
              help="Exit 1 when a requirement at this level or stronger is neither compliant nor "
                   "not applicable (outputs are still written).")
@templates_option
@lang_option
def checklist(spec: Path, assessment: Path | None, previous: Path | None,
              outputs: tuple[Path, ...], mode: str | None, id_pattern: str | None,
              fail_on: str | None, template_dirs: tuple[Path, ...], language: str | None) -> None:
    """Write the compliance checklist of SPEC (YAML, CSV or Markdown) assessed by --assessment.

    Every output is rendered before any is written: if one fails, none is (re)written.
    """
    from docgen.errors import ConfigError
    from docgen.jobs import job
    from docgen.jobs.context import RenderContext
    from docgen.jobs.protocol import check_outputs, write_all
    from docgen.output import staged_outputs
    from docgen.renderers.checklist_common import regression_callout, summary_line

    checklist_job = job("checklist")
    ctx = RenderContext.resolve(effective_templates(template_dirs), effective_language(language))
    if (mode or id_pattern) and spec.suffix.lower() not in (".md", ".markdown", ".docx"):
        raise ConfigError("--mode and --id-pattern apply to Markdown and Word specifications only")
    check_outputs(checklist_job.WRITERS, outputs)
    result = checklist_job.load(spec, assessment, previous, mode=mode, id_pattern=id_pattern)
    labels = ctx.labels(None)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    callout = regression_callout(result, labels)
    if callout:
        click.echo(f"warning: {callout}", err=True)
    with staged_outputs():
        write_all(checklist_job.WRITERS, result, ctx, list(outputs))
    click.echo(summary_line(result, [str(dest) for dest in outputs]))
    checklist_job.check_gate(result, fail_on)
