"""The template search path: user folders first, built-ins last; the first file found wins."""

from __future__ import annotations

import os
from pathlib import Path

from docgen.errors import TemplateError

ENV_VAR = "DOCGEN_TEMPLATES"


def builtin_dir() -> Path:
    """Return the folder of built-in templates (inside the wheel, or the source checkout's)."""
    here = Path(__file__).resolve().parent
    installed = here / "_templates"
    return installed if installed.is_dir() else here.parent / "templates"


def search_path(user_dirs: list[Path] | tuple[Path, ...] = ()) -> list[Path]:
    """Return the folders searched for templates: ``user_dirs``, then $DOCGEN_TEMPLATES, then built-ins."""
    dirs = [Path(d) for d in user_dirs]
    env = os.environ.get(ENV_VAR, "")
    dirs += [Path(p) for p in env.split(os.pathsep) if p]
    dirs.append(builtin_dir())
    return dirs


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
