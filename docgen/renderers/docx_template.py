"""Word documents from a PMO's own docxtpl-style template, rendered in the Jinja sandbox.

A template is an ordinary .docx holding Jinja tags (``{{ meeting.title }}``,
``{%tr for a in actions %}`` table rows, ``{%p if ... %}`` paragraphs, ``{{r rich(text) }}``
runs). docxtpl merges tags Word split across runs and expands the row/paragraph tags; the
Jinja environment it renders in is ours: sandboxed (no Python internals), bounded (no runaway
template: see :mod:`docgen.template_sandbox`), strict (a misspelt variable is an error) and
autoescaping (an ``&`` in a title cannot break the XML). It has no loader: ``{% include %}``
and ``{% extends %}`` are errors in a Word template.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from docgen.errors import TemplateError
from docgen.jinja_env import CALL_ERRORS, LIMIT_ERRORS, template_error
from docgen.ooxml.docx_locate import paragraph_at
from docgen.ooxml.package import fix_core_times, package_bytes, read_parts
from docgen.ooxml.safe_zip import CheckedPackage, checked_package
from docgen.output import atomic_write_bytes
from docgen.renderers.palette import RAG_FILL, RAG_STRONG
from docgen.template_path import along, find_template
from docgen.template_sandbox import BoundedSandbox, guarded

_CODE_FONT = "Consolas"
# Errors a template can cause by calling a helper with the wrong value, e.g. date("soon").


def environment() -> SandboxedEnvironment:
    """Return a fresh bounded, sandboxed, strict, autoescaping Jinja environment for a Word template."""
    return BoundedSandbox(undefined=jinja2.StrictUndefined, autoescape=True)


def locate(name: str | Path, dirs: tuple[Path, ...] = ()) -> Path:
    """Return the template file ``name``: the path itself when it exists, else the first on the search path."""
    path = Path(name)
    if path.is_file():
        return path
    if path.parent != Path("."):
        raise TemplateError(f"{path}: template not found")
    return find_template(path.name, list(along(dirs)))


def check_template(path: Path) -> CheckedPackage:
    """Return the checked package of ``path``; raise TemplateError unless it is a safe .docx.

    Refused (by :mod:`docgen.ooxml.safe_zip`): macros, encryption, corrupt zips, zip bombs,
    unsafe member names, XML declaring a DTD or entities, packages without word/document.xml.
    """
    path = Path(path)
    if path.suffix.lower() not in (".docx", ".docm", ".dotm"):
        raise TemplateError(f"{path}: a Word template must be a .docx file")
    return checked_package(path, "docx")


def rag_colour(rag: str | None, strong: bool = False) -> str:
    """Return the hex colour of a RAG status ("C6E0B4" for green; ``strong`` for the saturated one)."""
    if not rag:
        return "FFFFFF"
    return (RAG_STRONG if strong else RAG_FILL).get(str(rag).lower(), "FFFFFF")


def rich_helper(build_url_id: Callable[[str], str]) -> Callable[[str | None], object]:
    """Return ``rich(markdown)``: Markdown free text as docxtpl RichText (use ``{{r rich(x) }}``)."""
    from docxtpl import RichText

    from docgen.richtext import parse

    def rich(text: str | None) -> RichText:
        """Return Markdown ``text`` as Word rich text: bold, italic, code, links, one paragraph per block."""
        out = RichText()
        for index, block in enumerate(parse(text)):
            if index:
                out.add("\a")
            if block.kind in ("bullet", "number"):
                out.add("    " * block.level + ("\u2022 " if block.kind == "bullet" else "\u2013 "))
            for run in block.runs:
                out.add(run.text, bold=run.bold, italic=run.italic or block.kind == "quote",
                        strike=run.strike, font=_CODE_FONT if run.code or block.kind == "code" else None,
                        url_id=build_url_id(run.href) if run.href else None,
                        style="Hyperlink" if run.href else None)
        return out

    return rich


def render(template: Path, context: dict, dest: Path, when: datetime) -> Path:
    """Write the Word template ``template`` filled with ``context`` to ``dest``; return ``dest``.

    ``context`` gets the helpers ``rich`` and ``rag_colour`` added. Raises TemplateError naming
    the template, where in the document, and the problem; nothing is written then.
    """
    return atomic_write_bytes(dest, render_bytes(template, context, when))


def render_bytes(template: Path, context: dict, when: datetime) -> bytes:
    """Return the bytes of ``template`` rendered with ``context`` (reproducible: fixed times, zip order)."""
    from docxtpl import DocxTemplate

    template = Path(template)
    checked = check_template(template)
    try:
        tpl = DocxTemplate(checked.stream())
        tpl.init_docx()
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise TemplateError(f"{template}: not a valid .docx ({exc})") from None
    full = dict(context)
    full.setdefault("rich", rich_helper(tpl.build_url_id))
    full.setdefault("rag_colour", rag_colour)
    try:
        with guarded():
            tpl.render(full, jinja_env=environment(), autoescape=True)
    except (jinja2.TemplateError, *CALL_ERRORS, *LIMIT_ERRORS) as exc:
        raise template_error(exc, template, _where(tpl, exc)) from None
    buf = io.BytesIO()
    tpl.save(buf)
    parts = read_parts(buf)  # type: ignore[arg-type]
    if "docProps/core.xml" in parts:
        parts["docProps/core.xml"] = fix_core_times(parts["docProps/core.xml"], when)
    return package_bytes(parts)


def _error_line(exc: BaseException) -> int | None:
    lineno = getattr(exc, "lineno", None)
    if lineno:
        return lineno
    tb = exc.__traceback__
    found = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            found = tb.tb_lineno
        tb = tb.tb_next
    return found


def _where(tpl, exc: BaseException) -> str:
    """Return " in paragraph "..." (body)" naming where in the document the error is, or ""."""
    lineno = _error_line(exc)
    part = getattr(tpl, "current_rendering_part", None)
    if not lineno or part is None:
        return ""
    try:
        body = part is tpl.docx._part
        xml = tpl.patch_xml(tpl.get_xml() if body else tpl.get_part_xml(part))
    except Exception:  # diagnostics only: never hide the real error
        return ""
    found = paragraph_at(xml, lineno)
    if found is None:
        return ""
    text, in_cell = found
    kind = "table cell" if in_cell else "paragraph"
    place = "" if body else f" ({str(part.partname).lstrip('/')})"
    return f' in {kind} "{text}"{place}'
