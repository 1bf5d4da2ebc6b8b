"""Options of the commands that read a meeting of a series: --previous and --no-previous."""

from __future__ import annotations

from pathlib import Path

import click

from docgen.cli.outputs import warn

previous_option = click.option(
    "--previous", "previous", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
    help="Earlier minutes of the series whose open actions are carried into this meeting "
         "(repeatable). Default: the input's `previous:` key, or else the files of the same "
         "`series` with an earlier date in the input's folder.")
no_previous_option = click.option(
    "--no-previous", "no_previous", is_flag=True,
    help="Carry no action from earlier meetings (no --previous, no `previous:`, no series lookup).")


def previous_options(func):
    """Return ``func`` decorated with --previous and --no-previous."""
    return previous_option(no_previous_option(func))


def with_previous(input_file: Path, model, previous: tuple[Path, ...], no_previous: bool):
    """Return ``model`` with actions carried from earlier meetings; print warnings on stderr."""
    if no_previous:
        return model
    from docgen.series_io import with_previous as carry

    model, warnings = carry(input_file, model, previous)
    warn(warnings)
    return model
