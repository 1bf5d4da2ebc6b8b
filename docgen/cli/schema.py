"""``docgen schema KIND``: print or write the JSON Schema of an input kind."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.schema import KINDS


@click.command()
@click.argument("kind", type=click.Choice(sorted(KINDS)))
@click.option("-o", "--output", "output", type=click.Path(path_type=Path), default=None,
              help="Write the schema to this file instead of standard output.")
@click.option("--example", is_flag=True,
              help="Print the example file of KIND, with every key, instead of the schema.")
def schema(kind: str, output: Path | None, example: bool) -> None:
    """Print the JSON Schema of KIND (meeting, status, requirements, assessment) for editors.

    With --example, print an example KIND file holding every key, to start from.
    """
    from docgen.output import atomic_write_text
    from docgen.schema import example_text, schema_text

    text = example_text(kind) if example else schema_text(kind)
    if example and output is not None:
        # The example names its schema by a relative path: write the schema beside it.
        text = text.replace(f"$schema={kind}.schema.json", f"$schema={output.stem}.schema.json", 1)
    if output is None:
        click.echo(text, nl=False)
        return
    atomic_write_text(output, text)
    if example:
        schema_dest = output.with_name(f"{output.stem}.schema.json")
        atomic_write_text(schema_dest, schema_text(kind))
        click.echo(f"example: {kind} -> {output} (schema: {schema_dest})")
        return
    click.echo(f"schema: {kind} -> {output}")
