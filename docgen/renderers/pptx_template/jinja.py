"""Jinja for PowerPoint templates: the sandboxed environment, located errors, loop markers.

Every tag of a .pptx template is rendered here, one paragraph (or one loop marker) at a time,
in a bounded SandboxedEnvironment (:mod:`docgen.template_sandbox`) with StrictUndefined. Errors
become TemplateError naming the template, the slide, the shape and the text around the tag.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import jinja2
from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment

from docgen.errors import TemplateError
from docgen.jinja_env import template_error
from docgen.ooxml.pptx_template.where import Where
from docgen.template_sandbox import BoundedSandbox, guarded

# Errors a template can cause by calling a helper with the wrong value, e.g. date("soon").


@dataclass(frozen=True)
class JinjaEngine:
    """The :class:`~docgen.ooxml.pptx_template.where.Engine` of a sandboxed Jinja environment."""

    env: SandboxedEnvironment

    def render(self, source: str, context: dict, where: Where, shown: str) -> str:
        """Return ``source`` rendered with ``context`` (see :func:`render`)."""
        return render(self.env, source, context, where, shown)

    def loops(self, kind: str, expr: str, context: dict, where: Where, marker: str) -> Iterator[dict]:
        """Yield the context of each repetition of a block marker (see :func:`loop_contexts`)."""
        return loop_contexts(self.env, kind, expr, context, where, marker)


@lru_cache(maxsize=1)
def environment() -> SandboxedEnvironment:
    """Return the sandboxed, strict Jinja environment of PowerPoint text (no autoescape: text, not XML)."""
    return BoundedSandbox(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True)


def render(env: SandboxedEnvironment, source: str, context: dict, where: Where,
           shown: str | None = None) -> str:
    """Return ``source`` rendered with ``context``; raise a located TemplateError on any problem.

    ``shown`` is the text quoted in errors (``source`` itself by default).
    """
    try:
        with guarded():
            return _compiled(env, source).render(context)
    except Exception as exc:  # every failure of a user's template becomes a TemplateError
        raise located(exc, where, shown if shown is not None else source) from None


@lru_cache(maxsize=4096)
def _compiled(env: SandboxedEnvironment, source: str) -> jinja2.Template:
    # A repeated row or slide renders the same paragraph once per item: compile it once.
    return env.from_string(source)


def located(exc: Exception, where: Where, source: str) -> Exception:
    """Return the TemplateError describing ``exc`` at ``where`` (``exc`` itself when not a template error)."""
    return template_error(exc, where.template, where.text(source))


def loop_contexts(env: SandboxedEnvironment, kind: str, expr: str, context: dict, where: Where,
                  marker: str) -> Iterator[dict]:
    """Yield the context of each repetition a block marker asks for.

    ``kind`` is "for" (``expr`` is ``x in items``, ``a, b in pairs``, ``x in items if x.open``)
    or "if" (``expr`` is a condition: one repetition when true, none when false). Each
    context of a "for" binds the loop names and a ``loop`` (index, index0, first, last,
    length, revindex) like Jinja's own.
    """
    if kind == "if":
        if render(env, f"{{% if {expr} %}}1{{% endif %}}", context, where, marker) == "1":
            yield context
        return
    names = _targets(env, expr, where, marker)
    found: list[dict] = []

    def bind(*values: object) -> str:
        found.append(dict(zip(names, values)))
        return ""

    source = f"{{% for {expr} %}}{{{{ __bind({', '.join(names)}) }}}}{{% endfor %}}"
    render(env, source, {**context, "__bind": bind}, where, marker)
    count = len(found)
    for index, bound in enumerate(found):
        loop = {"index": index + 1, "index0": index, "first": index == 0,
                "last": index == count - 1, "length": count, "revindex": count - index,
                "revindex0": count - index - 1}
        yield {**context, **bound, "loop": loop}


def _targets(env: SandboxedEnvironment, expr: str, where: Where, marker: str) -> list[str]:
    """Return the names a ``for`` marker binds (``x`` or ``a, b``)."""
    try:
        tree = env.parse(f"{{% for {expr} %}}{{% endfor %}}")
    except jinja2.TemplateSyntaxError as exc:
        raise located(exc, where, marker) from None
    loop = next(tree.find_all(nodes.For))
    target = loop.target
    items = target.items if isinstance(target, nodes.Tuple) else [target]
    names = [n.name for n in items if isinstance(n, nodes.Name)]
    if len(names) != len(items) or any(n.startswith("_") for n in names):
        raise TemplateError(f"{where.template}: template syntax error{where.text(marker)}: "
                            "a loop binds plain names (for r in risks, for k, v in pairs)")
    return names
