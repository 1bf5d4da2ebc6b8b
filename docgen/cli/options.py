"""Options shared by several commands, declared once."""

from __future__ import annotations

from pathlib import Path

import click


def existing_folders(ctx: click.Context, param: click.Parameter, value: tuple[Path, ...]) -> tuple[Path, ...]:
    """Return the --templates folders given; raise ConfigError (exit 2) naming one that does not exist.

    A mistyped folder must not fall back to the built-in templates without a word.
    """
    from docgen.errors import ConfigError

    for folder in value:
        if not folder.is_dir():
            raise ConfigError(f"--templates: folder '{folder}' does not exist")
    return value


templates_option = click.option(
    "--templates",
    "template_dirs",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    callback=existing_folders,
    help="Folder searched for templates before the built-ins (repeatable; it must exist).",
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


def effective_templates(template_dirs: tuple[Path, ...] = ()) -> tuple[Path, ...]:
    """Return the --templates folders followed by the ``templates:`` of docgen.yaml (if any).

    Every command calls this once on its --templates value; $DOCGEN_TEMPLATES and the
    built-ins come after these on the search path (see docgen.template_path).
    """
    from docgen.config import load_config

    return tuple(template_dirs) + load_config().templates


def effective_language(language: str | None) -> str | None:
    """Return --lang when given, else the ``language:`` of docgen.yaml, else None."""
    if language:
        return language
    from docgen.config import load_config

    return load_config().language
