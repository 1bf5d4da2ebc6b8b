"""``docgen portfolio``: one dashboard deck, workbook or Markdown over many project statuses."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from docgen.cli.options import effective_language, effective_templates, lang_option, templates_option


def _as_of(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """Return the --as-of date (YYYY-MM-DD) or None; raise ConfigError (exit 2) when it is not a date."""
    if value is None:
        return None
    from docgen.errors import ConfigError

    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ConfigError(f"--as-of {value}: expected a date YYYY-MM-DD, e.g. 2026-11-30") from None


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "outputs", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Output file: .pptx (dashboard deck), .xlsx (workbook), .md or .pdf; repeat for several. "
                   "Default: portfolio.pptx in the working folder.")
@click.option("--as-of", "as_of", default=None, callback=_as_of,
              help="Use each project's latest status dated on or before this day (YYYY-MM-DD). "
                   "Default: the latest report date found.")
@templates_option
@lang_option
def portfolio(paths: tuple[Path, ...], outputs: tuple[Path, ...], as_of: date | None,
              template_dirs: tuple[Path, ...], language: str | None) -> None:
    """Write the portfolio dashboard of the project statuses under PATHS (files or folders, searched recursively).

    A bad status is reported and left out; the portfolio is written from the others and the
    exit status is 2. Every output is rendered before any is written.
    """
    from docgen.errors import InputError
    from docgen.jobs import job
    from docgen.jobs.context import RenderContext
    from docgen.jobs.protocol import check_outputs, write_all
    from docgen.output import staged_outputs
    from docgen.portfolio.rules_config import load_rules

    portfolio_job = job("portfolio")
    ctx = RenderContext.resolve(effective_templates(template_dirs), effective_language(language))
    targets = list(outputs) or [Path("portfolio.pptx")]
    check_outputs(portfolio_job.WRITERS, targets)
    dashboard = portfolio_job.load(list(paths), as_of, load_rules())
    collection = dashboard.collection
    if not collection.projects:
        raise InputError(collection.problems or [])
    with staged_outputs():
        written = write_all(portfolio_job.WRITERS, dashboard, ctx, targets)
    for path in written:
        click.echo(f"wrote {path} ({len(collection.projects)} projects as of {collection.as_of.isoformat()})")
    if collection.problems:
        left = len(collection.problems)
        click.echo(f"{left} problem(s) below: the portfolio was written without the statuses named", err=True)
        raise InputError(collection.problems)
