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
              help="Output file, format by extension: .docx .xlsx .md .csv .xml (JUnit) .json. "
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
    from docgen.checklist import check_gate, load_checklist, render_checklist, renderer_for
    from docgen.errors import ConfigError
    from docgen.labels import load_labels
    from docgen.output import staged_outputs
    from docgen.renderers.checklist_common import regression_callout, summary_line

    template_dirs, language = effective_templates(template_dirs), effective_language(language)
    if (mode or id_pattern) and spec.suffix.lower() not in (".md", ".markdown"):
        raise ConfigError("--mode and --id-pattern apply to Markdown specifications only")
    for dest in outputs:
        renderer_for(dest)
    result = load_checklist(spec, assessment, mode=mode, id_pattern=id_pattern, previous=previous)
    labels = load_labels(language or "en", template_dirs)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    callout = regression_callout(result, labels)
    if callout:
        click.echo(f"warning: {callout}", err=True)
    with staged_outputs():
        for dest in outputs:
            render_checklist(result, dest, labels, template_dirs)
    click.echo(summary_line(result, [str(dest) for dest in outputs]))
    check_gate(result, fail_on)
