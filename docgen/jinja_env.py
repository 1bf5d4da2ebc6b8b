"""The sandboxed Jinja environment every text template renders in.

Templates are data users pass around: they run in a SandboxedEnvironment with StrictUndefined,
so reaching Python internals is refused and a misspelt variable is an error, not blank output.
``{% extends "builtin:minutes.md.j2" %}`` reaches the built-in template of the same name, so a
PMO template can override one block instead of copying the page.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
import markdown as markdown_lib
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from docgen.errors import TemplateError
from docgen.template_path import builtin_dir, search_path


class _Loader(jinja2.BaseLoader):
    """Finds a template along the search path; ``builtin:NAME`` only among the built-ins."""

    def __init__(self, dirs: tuple[Path, ...]):
        self.dirs = dirs

    def get_source(self, environment, template):
        dirs = [builtin_dir()] if template.startswith("builtin:") else list(self.dirs)
        name = template.removeprefix("builtin:")
        for folder in dirs:
            path = folder / name
            if path.is_file():
                mtime = path.stat().st_mtime_ns
                return (path.read_text(encoding="utf-8"), str(path),
                        lambda p=path, m=mtime: p.exists() and p.stat().st_mtime_ns == m)
        raise jinja2.TemplateNotFound(template)


def _md_html(text: str | None) -> str:
    return markdown_lib.markdown(text or "", extensions=["sane_lists", "fenced_code"]) if text else ""


@lru_cache(maxsize=8)
def environment(dirs: tuple[Path, ...], autoescape: bool) -> SandboxedEnvironment:
    """Return a sandboxed, strict Jinja environment searching ``dirs`` (cached per folder list)."""
    env = SandboxedEnvironment(loader=_Loader(dirs), undefined=jinja2.StrictUndefined,
                               autoescape=autoescape, trim_blocks=True, lstrip_blocks=True,
                               keep_trailing_newline=True)
    env.filters["markdown"] = lambda t: jinja2.utils.markupsafe.Markup(_md_html(t))
    return env


def render_template(name: str, context: dict, template_dirs: tuple[Path, ...] = (),
                    autoescape: bool = False) -> str:
    """Return the text of template ``name`` rendered with ``context``.

    Raises TemplateError naming the template, the line and the problem for syntax errors,
    undefined variables and sandbox violations.
    """
    env = environment(tuple(search_path(list(template_dirs))), autoescape)
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{exc.filename or name}:{exc.lineno}: template syntax error: {exc.message}") from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"{name}: undefined variable in template: {exc.message}") from None
    except SecurityError as exc:
        raise TemplateError(f"{name}: refused by the template sandbox: {exc}") from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"template '{exc.name}' not found on the template path") from None
