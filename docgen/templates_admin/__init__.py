"""Template administration: copy the built-ins out, list suppliers, describe template contexts."""

from __future__ import annotations

from docgen.templates_admin.folder import builtin_names, init_folder, supplier_table
from docgen.templates_admin.variables import KINDS, ContextDoc, describe

__all__ = ["KINDS", "ContextDoc", "builtin_names", "describe", "format_context", "init_folder",
           "supplier_table"]


def format_context(doc: ContextDoc) -> str:
    """Return ``doc`` as plain text: variables, helpers, then the fields of each record type."""

    def block(entries, indent: str = "  ") -> list[str]:
        width = max((len(e.name) for e in entries), default=0) + 2
        tw = max((len(e.type) for e in entries), default=0) + 2
        return [f"{indent}{e.name.ljust(width)}{e.type.ljust(tw)}{e.description}".rstrip()
                for e in entries]

    lines = [f"Context of {doc.kind} templates (used by: {doc.used_by})", "", "Variables:"]
    lines += block(doc.variables)
    lines += ["", "Helpers (call them: {{ date(meeting.date) }}; in Word use {{r rich(text) }} "
                  "for Markdown):"]
    lines += block(doc.helpers)
    lines += ["", "Types:"]
    for name, text, entries in doc.types:
        lines += ["", f"  {name}: {text}".rstrip()]
        lines += block(entries, "    ")
    return "\n".join(lines) + "\n"
