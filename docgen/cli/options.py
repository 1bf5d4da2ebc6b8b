"""Options shared by several commands, declared once."""

from __future__ import annotations

from pathlib import Path

import click

templates_option = click.option(
    "--templates",
    "template_dirs",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder searched for templates before the built-ins (repeatable).",
)
lang_option = click.option(
    "--lang",
    "language",
    default=None,
    help="Language of labels and dates (en, fr, or any labels/<lang>.yaml on the template path).",
)
output_option = click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Output file; its extension chooses the format.",
)
