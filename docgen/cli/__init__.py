"""The command line: a thin layer over the library. Errors become messages and exit codes here only.

Commands are imported lazily so ``docgen --help`` and the minutes path stay fast.
"""

from __future__ import annotations

import importlib

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
    "pack": "docgen.cli.pack:pack",
    "portfolio": "docgen.cli.portfolio:portfolio",
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
            _report(exc)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise  # click's own control flow and usage errors
        except Exception as exc:  # noqa: BLE001 - every other exception is reported, never a traceback
            ctx.exit(_unexpected(exc))


def _report(exc) -> None:
    """Print every line of a DocgenError (``error: `` prefixed unless it is a gate result)."""
    for line in exc.lines():
        click.echo(f"error: {line}" if exc.exit_code != 1 else line, err=True)


def _input_of(exc: Exception) -> str | None:
    """Return the input file of the command ``exc`` came from (its first existing file argument), or None."""
    import traceback
    from pathlib import Path

    for frame, _ in reversed(list(traceback.walk_tb(exc.__traceback__))):
        ctx = frame.f_locals.get("ctx")
        if isinstance(ctx, click.Context) and ctx.params:
            for value in ctx.params.values():
                values = value if isinstance(value, tuple) else (value,)
                files = [v for v in values if isinstance(v, Path) and v.is_file()]
                if len(files) == 1 and len(values) == 1:
                    return str(files[0])
            return None
    return None


def _unexpected(exc: Exception) -> int:
    """Print one line for an exception that is not a DocgenError; return the exit status.

    A disk or permission error is an OutputError (2); running out of memory or stack on an input
    is 2 as well; anything else is a bug in docgen: ``internal error: ...`` and 3. With
    ``DOCGEN_DEBUG=1`` the traceback follows.
    """
    import os

    from docgen.build.failures import internal_message, output_error, resource_message, traceback_text

    mapped = output_error(exc) if isinstance(exc, OSError) else None
    resource = resource_message(exc)
    if mapped is not None:
        _report(mapped)
        code = mapped.exit_code
    elif resource is not None:
        source = _input_of(exc)
        click.echo(f"error: {f'{source}: ' if source else ''}{resource}", err=True)
        code = 2
    else:
        click.echo(f"error: {internal_message(exc)}", err=True)
        code = 3
    if os.environ.get("DOCGEN_DEBUG", "").strip() not in ("", "0"):
        click.echo(traceback_text(exc).rstrip(), err=True)
    return code


@click.group(cls=DocgenGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="docgen")
def cli() -> None:
    """Meeting minutes, committee decks and compliance checklists from YAML and Markdown."""


def main() -> None:
    """Run the docgen command line (the console script's entry point)."""
    cli(prog_name="docgen")


if __name__ == "__main__":  # pragma: no cover
    main()
