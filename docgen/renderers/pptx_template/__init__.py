"""PowerPoint files from a PMO's own .pptx template holding Jinja tags, rendered in the sandbox.

A template is an ordinary .pptx written in PowerPoint. Conventions (docxtpl's, where it has one):

- ``{{ project.name }}`` anywhere in a text box, placeholder, table cell or the speaker notes;
  each paragraph is one small template (tags PowerPoint split over runs are joined again, each
  piece of output keeps the formatting of the run it came from);
- a table row holding ``{%tr for r in risks %}`` … a row holding ``{%tr endfor %}``: the rows
  between are repeated per item, the two marker rows removed (``{%tr if %}``/``{%tr endif %}``
  too); paragraphs likewise with ``{%p for %}``/``{%p endfor %}`` and ``{%p if %}``/``{%p endif %}``;
- a text box holding only ``{%slide for d in decisions_required %}`` (or speaker notes starting
  with it): the slide is repeated per item and the marker removed; an empty list removes the
  slide; ``{%slide if cond %}`` keeps the slide only when the condition holds.

Jinja runs in a bounded sandbox (:mod:`docgen.template_sandbox`) with StrictUndefined: Python
internals are refused, a misspelt name is an error naming the slide, the shape and the text
around it, and a runaway template (huge values, endless loops) stops with an error.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from docgen.errors import TemplateError
from docgen.ooxml.package import fix_core_times, package_bytes, read_parts
from docgen.ooxml.safe_zip import CheckedPackage, checked_package
from docgen.output import atomic_write_bytes
from docgen.renderers.docx_template import locate
from docgen.template_sandbox import TemplateLimitError, guarded

__all__ = ["check_template", "locate", "render", "render_bytes"]



def check_template(path: Path) -> CheckedPackage:
    """Return the checked package of ``path``; raise TemplateError unless it is a safe .pptx presentation.

    Refused (by :mod:`docgen.ooxml.safe_zip`): macro-enabled files (.pptm, .potm, .ppsm, or
    holding vbaProject.bin), encrypted files, corrupt zips, zip bombs (more than 100 MB
    inflated), unsafe member names, XML declaring a DTD or entities, non-presentations.
    """
    path = Path(path)
    if path.suffix.lower() not in (".pptx", ".pptm", ".potm", ".ppsm"):
        raise TemplateError(f"{path}: a PowerPoint template must be a .pptx file")
    return checked_package(path, "pptx")


def render(template: Path, context: dict, dest: Path, when: datetime) -> Path:
    """Write the PowerPoint template ``template`` filled with ``context`` to ``dest``; return ``dest``.

    Raises TemplateError naming the template, the slide, the shape and the problem; nothing
    is written then (an existing ``dest`` is left as it was).
    """
    return atomic_write_bytes(dest, render_bytes(template, context, when))


def render_bytes(template: Path, context: dict, when: datetime) -> bytes:
    """Return the bytes of ``template`` rendered with ``context`` (reproducible: fixed times, zip order)."""
    from pptx import Presentation

    from docgen.renderers.pptx_template.jinja import environment

    template = Path(template)
    checked = check_template(template)
    try:
        prs = Presentation(checked.stream())
    except Exception as exc:  # python-pptx raises many kinds on a damaged package
        raise TemplateError(f"{template}: not a valid .pptx ({exc})") from None
    env = environment()
    try:
        with guarded():  # one time and size budget for every tag of the template
            _fill(prs, env, context, template)
    except TemplateLimitError as exc:  # raised between two tags (e.g. while copying slides)
        raise TemplateError(f"{template}: {exc}") from None
    buf = io.BytesIO()
    prs.save(buf)
    parts = read_parts(buf)  # type: ignore[arg-type]
    if "docProps/core.xml" in parts:
        parts["docProps/core.xml"] = fix_core_times(parts["docProps/core.xml"], when)
    return package_bytes(parts)


def _fill(prs, env, context: dict, template: Path) -> None:
    """Fill every slide of ``prs`` in place: slide markers first, then each slide's tags."""
    from docgen.ooxml.pptx_template.slides import delete, duplicate, render_slide, take_marker
    from docgen.ooxml.pptx_template.where import Where
    from docgen.renderers.pptx_template.jinja import JinjaEngine, loop_contexts

    jobs = []
    for number, slide in enumerate(list(prs.slides), 1):
        found = take_marker(slide, Where(template, number, "a slide marker"))
        if found is None:
            jobs.append((slide, number, context))
            continue
        verb, expr, text = found
        where = Where(template, number, "the slide marker")
        contexts = list(loop_contexts(env, verb, expr, context, where, text))
        if not contexts:
            delete(prs, slide)
            continue
        copies = [slide]
        for _ in contexts[1:]:
            copies.append(duplicate(prs, slide, copies[-1]))
        jobs.extend((copy, number, ctx) for copy, ctx in zip(copies, contexts))
    engine = JinjaEngine(env)
    for slide, number, ctx in jobs:
        render_slide(slide, engine, ctx, template, number)
