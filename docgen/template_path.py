"""The template search path: user folders first, built-ins last; the first file found wins."""

from __future__ import annotations

import os
from pathlib import Path

from docgen.errors import ConfigError, TemplateError

ENV_VAR = "DOCGEN_TEMPLATES"


def builtin_dir() -> Path:
    """Return the folder of built-in templates (inside the wheel, or the source checkout's)."""
    here = Path(__file__).resolve().parent
    installed = here / "_templates"
    return installed if installed.is_dir() else here.parent / "templates"


def search_path(user_dirs: list[Path] | tuple[Path, ...] = ()) -> list[Path]:
    """Return the folders searched for templates: ``user_dirs``, then $DOCGEN_TEMPLATES, then built-ins.

    A folder that does not exist raises ConfigError rather than being skipped: a mistyped name
    would otherwise give the built-in look without a word.
    """
    dirs = [Path(d) for d in user_dirs]
    for folder in dirs:
        if not folder.is_dir():
            raise ConfigError(f"template folder '{folder}' does not exist")
    env = os.environ.get(ENV_VAR, "")
    for entry in env.split(os.pathsep):
        if entry and not Path(entry).is_dir():
            raise ConfigError(f"{ENV_VAR}: folder '{entry}' does not exist")
        if entry:
            dirs.append(Path(entry))
    dirs.append(builtin_dir())
    return dirs


def along(dirs: tuple[Path, ...] | list[Path] | None) -> tuple[Path, ...]:
    """Return the search path ``dirs`` as handed over by a RenderContext, or the default path when empty.

    Functions below the jobs take the resolved search path, never the user's folders: only
    :class:`docgen.jobs.context.RenderContext` (and this default) calls :func:`search_path`.
    """
    return tuple(dirs) if dirs else tuple(search_path())


def find_template(name: str, dirs: list[Path] | None = None) -> Path:
    """Return the first file called ``name`` along ``dirs`` (default: the search path).

    Raises TemplateError naming every folder searched when none holds it.
    """
    dirs = search_path() if dirs is None else dirs
    for folder in dirs:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    searched = ", ".join(str(d) for d in dirs)
    raise TemplateError(f"template '{name}' not found (searched: {searched})")
