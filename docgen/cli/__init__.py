"""The command line: a thin layer over the library. Errors become messages and exit codes here only.

Commands are imported lazily so ``docgen --help`` and the minutes path stay fast.
"""

from __future__ import annotations

import importlib
import sys

import click

from docgen import __version__

# name -> "module:function"; adding a command is one line here and one module.
COMMANDS: dict[str, str] = {
    "actions": "docgen.cli.actions:actions",
    "agenda": "docgen.cli.agenda:agenda",
    "build": "docgen.cli.build:build",
    "checklist": "docgen.cli.checklist:checklist",
    "deck": "docgen.cli.deck:deck",
    "minutes": "docgen.cli.minutes:minutes",
    "schema": "docgen.cli.schema:schema",
    "templates": "docgen.cli.templates:templates",
    "validate": "docgen.cli.validate:validate",
}


class DocgenGroup(click.Group):
    """A click group that loads commands on demand and reports DocgenError without a traceback."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attr = target.split(":")
        return getattr(importlib.import_module(module), attr)

    def invoke(self, ctx: click.Context):
        from docgen.errors import DocgenError

        try:
            return super().invoke(ctx)
        except DocgenError as exc:
            for line in exc.lines():
                click.echo(f"error: {line}" if exc.exit_code != 1 else line, err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)


@click.group(cls=DocgenGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="docgen")
def cli() -> None:
    """Meeting minutes, committee decks and compliance checklists from YAML and Markdown."""


def main() -> None:
    """Run the docgen command line (the console script's entry point)."""
    cli(prog_name="docgen")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
