"""``docgen schema KIND``: print or write the JSON Schema of an input kind."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.schema import KINDS


@click.command()
@click.argument("kind", type=click.Choice(sorted(KINDS)))
@click.option("-o", "--output", "output", type=click.Path(path_type=Path), default=None,
              help="Write the schema to this file instead of standard output.")
def schema(kind: str, output: Path | None) -> None:
    """Print the JSON Schema of KIND (meeting, status, requirements, assessment) for editors."""
    from docgen.output import atomic_write_text
    from docgen.schema import schema_text

    text = schema_text(kind)
    if output is None:
        click.echo(text, nl=False)
        return
    atomic_write_text(output, text)
    click.echo(f"schema: {kind} -> {output}")
