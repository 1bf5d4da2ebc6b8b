"""The sandboxed Jinja environment every text template renders in.

Templates are data users pass around: they run in a SandboxedEnvironment with StrictUndefined,
so reaching Python internals is refused and a misspelt variable is an error, not blank output.
``{% extends "builtin:minutes.md.j2" %}`` reaches the built-in template of the same name, so a
PMO template can override one block instead of copying the page.

The sandbox is :class:`docgen.template_sandbox.BoundedSandbox`: templates load only names inside
the template folders (no absolute path, no ``..``, no symlink leading out), and runaway
templates (huge strings or lists, deep recursion, endless loops, huge output) stop with an error.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from docgen.errors import TemplateError
from docgen.template_path import along, builtin_dir
from docgen.template_sandbox import (
    BoundedSandbox,
    TemplateLimitError,
    TemplateLoadRefused,
    check_inside,
    check_name,
    guarded,
    limit_message,
)


class _Loader(jinja2.BaseLoader):
    """Finds a template along the search path; ``builtin:NAME`` only among the built-ins.

    Only names inside a folder are loaded: an absolute name or a ``..`` segment is refused, and
    so is a file that is a symlink (or sits in a linked folder) leading out of its folder.
    """

    def __init__(self, dirs: tuple[Path, ...]):
        self.dirs = dirs

    def get_source(self, environment, template):
        check_name(template, None)
        dirs = [builtin_dir()] if template.startswith("builtin:") else list(self.dirs)
        name = template.removeprefix("builtin:")
        for folder in dirs:
            path = folder / name
            if path.is_file():
                path = check_inside(path, folder, template)
                mtime = path.stat().st_mtime_ns
                return (path.read_text(encoding="utf-8"), str(path),
                        lambda p=path, m=mtime: p.exists() and p.stat().st_mtime_ns == m)
        raise jinja2.TemplateNotFound(template)


def _md_html(text: str | None) -> str:
    # Raw HTML escaped, unsafe link targets dropped: the same filter as the HTML minutes.
    from docgen.richtext import markdown_html

    return markdown_html(text)


@lru_cache(maxsize=16)
def environment(dirs: tuple[Path, ...], autoescape: bool, trim: bool = True,
                filters: tuple[tuple[str, object], ...] = ()) -> SandboxedEnvironment:
    """Return a sandboxed, strict Jinja environment searching ``dirs`` (cached per argument set).

    ``trim`` sets Jinja's trim_blocks/lstrip_blocks; ``filters`` adds (name, function) filters.
    """
    env = BoundedSandbox(loader=_Loader(dirs), undefined=jinja2.StrictUndefined,
                         autoescape=autoescape, trim_blocks=trim, lstrip_blocks=trim,
                         keep_trailing_newline=True)
    env.filters["markdown"] = lambda t: jinja2.utils.markupsafe.Markup(_md_html(t))
    env.filters.update(dict(filters))
    return env


# Errors a template's own expressions raise when called with the wrong data.
CALL_ERRORS = (TypeError, ValueError, KeyError, IndexError, AttributeError)
# Errors of a runaway template (too big, too deep, too long): see docgen.template_sandbox.
LIMIT_ERRORS = (RecursionError, MemoryError, OverflowError, TemplateLimitError)


def template_error(exc: BaseException, name: object, place: str = "") -> TemplateError:
    """Return the TemplateError telling a user what went wrong in template ``name`` at ``place``.

    ``place`` is a located suffix such as ' on slide 2 in shape "Title" (...)'; every Jinja
    failure (syntax, undefined variable, sandbox refusal, a call on the wrong data) maps here,
    so Word, PowerPoint and text templates word their errors alike.
    """
    if isinstance(exc, TemplateError):
        return exc
    if isinstance(exc, TemplateLoadRefused):
        return TemplateError(f"{exc}{place}" if exc.parent else f"{name}: {exc}{place}")
    limit = limit_message(exc)
    if limit is not None:
        return TemplateError(f"{name}: {limit}{place}")
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return TemplateError(f"{name}: template syntax error{place}: {exc.message}")
    if isinstance(exc, SecurityError):
        return TemplateError(f"{name}: refused by the template sandbox{place}: {exc} "
                             "(templates may not reach Python internals)")
    if isinstance(exc, jinja2.UndefinedError):
        return TemplateError(f"{name}: undefined variable{place}: {exc.message}")
    if isinstance(exc, jinja2.TemplateNotFound):
        return TemplateError(f"template '{exc.name}' not found on the template path")
    if isinstance(exc, (jinja2.TemplateError, *CALL_ERRORS)):
        return TemplateError(f"{name}: template error{place}: {exc}")
    return TemplateError(f"{name}: template error{place}: {type(exc).__name__}: {exc}")


def render_template(name: str, context: dict, dirs: tuple[Path, ...] | None = None,
                    autoescape: bool = False, trim: bool = True,
                    filters: tuple[tuple[str, object], ...] = ()) -> str:
    """Return the text of template ``name`` rendered with ``context``.

    Raises TemplateError naming the template, the line and the problem for syntax errors,
    undefined variables, sandbox violations, names outside the template folders and runaway
    templates (see :mod:`docgen.template_sandbox`). Every text template renders here.
    """
    dirs = along(dirs)
    # The same call shape as minutes_text's, which adds its filters to the cached environment.
    env = environment(dirs, autoescape) if trim and not filters else environment(dirs, autoescape, trim, filters)
    try:
        with guarded():
            return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        return _raise(template_error(exc, exc.filename or name, f" (line {exc.lineno})"))
    except (jinja2.TemplateError, *CALL_ERRORS, *LIMIT_ERRORS) as exc:
        file, line = _template_frame(exc)
        return _raise(template_error(exc, file or name, f" (line {line})" if line else ""))


def _template_frame(exc: BaseException) -> tuple[str | None, int | None]:
    """Return the template file and line where a render-time error happened, if Jinja knows them."""
    found: tuple[str | None, int | None] = (None, None)
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            # Jinja rewrites template frames so their line numbers are the template's own.
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _raise(error: TemplateError) -> str:
    raise error from None
