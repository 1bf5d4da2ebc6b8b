"""``docgen templates``: copy the built-in templates out, list who supplies each, show contexts."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from docgen.cli.options import effective_templates, templates_option


@click.group()
def templates() -> None:
    """Customise templates: `init` a folder to edit, `list` suppliers, `context` of a document kind."""


@templates.command("init")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace files that already exist in FOLDER.")
def init(folder: Path, force: bool) -> None:
    """Copy the built-in templates (Word, PowerPoint, labels, text) and a README.md into FOLDER."""
    from docgen.templates_admin import init_folder

    written = init_folder(folder, force)
    click.echo(f"wrote {len(written)} files to {folder} (see {folder / 'README.md'}); "
               f"use them with --templates {folder}")


@templates.command("list")
@templates_option
def list_(template_dirs: tuple[Path, ...]) -> None:
    """Show, for each template file name, the folder that supplies it (first on the search path)."""
    from docgen.jobs.context import RenderContext
    from docgen.templates_admin import supplier_table

    rows = supplier_table(RenderContext.resolve(effective_templates(template_dirs)).dirs)
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table("Template", "Supplied by")
        for name, folder, builtin in rows:
            table.add_row(name, "built-in" if builtin else str(folder))
        Console().print(table)
        return
    width = max((len(name) for name, _, _ in rows), default=0) + 2
    for name, folder, builtin in rows:
        click.echo(f"{name.ljust(width)}{'built-in' if builtin else folder}")


@templates.command("context")
@click.argument("kind", type=click.Choice(["minutes", "deck", "checklist"]))
def context(kind: str) -> None:
    """Print the variables and helpers templates of KIND can use, with types and descriptions."""
    from docgen.templates_admin import describe, format_context

    click.echo(format_context(describe(kind)), nl=False)
