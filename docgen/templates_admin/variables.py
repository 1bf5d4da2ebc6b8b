"""The context each document kind gives its templates, described for ``docgen templates context``.

The minutes context is the real one (built from an empty meeting and listed key by key); the
deck context is :func:`deck_variables`; the checklist one mirrors checklist_md's Jinja context
(a test keeps the two in step).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel

from docgen.labels import Labels, load_labels
from docgen.renderers.deck_pptx_template import deck_variables
from docgen.renderers.docx_template import rich_helper
from docgen.templates_admin.describe import Entry, callable_entry, fields_of, records_in, type_name

KINDS = ("minutes", "deck", "checklist")

# Only for values that carry no docstring of their own (plain lists, strings, lambdas).
HELP = {
    "distribution": "Who receives the minutes besides the attendees.",
    "notes": "Other notes of the meeting (Markdown).",
    "info": "The title block as (label, value) pairs; empty values left out.",
    "time_span": 'Start and end of the meeting: "14:00–15:30", "14:00" or "".',
    "language": "Language code of the document (en, fr, or any labels/<lang>.yaml).",
    "L": "The labels of the document's language: L['minutes.agenda'] -> 'Agenda'.",
    "short_date": 'A date written short in the document\'s language ("24 Nov 2026").',
    "span": 'time_span for any start/end pair, e.g. span(next_meeting.start, next_meeting.end).',
    "overdue": "Days an action is overdue on the meeting date (0 when it is not).",
    "action_table": "A Markdown table of actions (used by minutes.md.j2).",
    "status_fill": "Mapping of action status to its cell colour (hex, for {% cellbg %}).",
    "report_date": "The report date of the period.",
    "achievements": "What was achieved in the period (Markdown, one entry each).",
    "next_steps": "What comes next (Markdown, one entry each).",
    "rag_word": "A RAG status in the document's language (\"Green\", \"Vert\").",
    "spec": "The specification: title, version, requirements.",
    "assessment": "The assessment: who assessed and when.",
    "summary": "Counts by status, by level and by section.",
    "sections": "(section name, items) pairs in document order.",
    "statuses": "Every item status, in display order.",
    "level_tallies": "(level word, Tally) pairs: counts per requirement level.",
    "section_tallies": "(section name, Tally) pairs: counts per section.",
    "status_word": "An item status in the document's language.",
    "level_word": "A requirement level (must, should, may) in the document's language.",
    "section_name": "A section name as printed (\"General\" for none).",
    "format_date": "A date written in the document's language.",
    "pct": 'A percentage written for a table ("87 %").',
    "compared": "True when run with --previous-assessment (items then have previous_status, change).",
    "changes": "The change codes in order: improved, regressed, unchanged.",
    "since": "The previous assessment's title and date (\"\" without --previous-assessment).",
    "callout": "The sentence naming the MUST requirements that regressed, or None.",
    "change_word": "A change (improved, regressed, unchanged) in the document's language.",
    "change_marker": "A change with its arrow (\"\u2193 Regressed\").",
}
# The keys checklist.md.j2 receives (docgen/renderers/checklist_md.py).
CHECKLIST_KEYS = ["checklist", "spec", "assessment", "summary", "sections", "statuses",
                  "level_tallies", "section_tallies", "L", "status_word", "level_word",
                  "section_name", "format_date", "pct", "compared", "changes", "since", "callout",
                  "change_word", "change_marker"]


@dataclass
class ContextDoc:
    """What templates of one document kind can use: variables, helpers and the record types."""

    kind: str
    used_by: str
    variables: list[Entry] = field(default_factory=list)
    helpers: list[Entry] = field(default_factory=list)
    types: list[tuple[str, str, list[Entry]]] = field(default_factory=list)


def describe(kind: str) -> ContextDoc:
    """Return the ContextDoc of ``kind`` (minutes, deck or checklist)."""
    labels = load_labels("en")
    if kind == "minutes":
        from docgen.model.meeting import Minutes
        from docgen.renderers.minutes_docx_template import context

        meeting = Minutes.model_validate({"meeting": {"title": "-", "date": "2026-01-01"}})
        ctx = context(meeting, labels)
        ctx["rich"] = rich_helper(lambda url: "")
        return _document("minutes", "docgen minutes --template X.docx, minutes.md.j2, minutes.html.j2",
                         ctx, Minutes)
    if kind == "deck":
        from docgen.model.status import Status

        status = Status.model_validate({"project": {"name": "-", "report_date": "2026-01-01"},
                                        "overall": {"status": "green"}})
        return _document("deck", "docgen deck STATUS --template X.pptx", deck_variables(status, labels), Status)
    if kind == "checklist":
        return _checklist()
    raise ValueError(kind)


def _document(kind: str, used_by: str, ctx: dict, model: type[BaseModel]) -> ContextDoc:
    doc = ContextDoc(kind, used_by)
    members = {e.name: e for e in fields_of(model)}
    roots: list[object] = []
    for name, value in ctx.items():
        if name in model.model_fields:
            annotation = model.model_fields[name].annotation
            roots.append(annotation)
            records = records_in(annotation)
            text = HELP.get(name) or (_doc(records[0]) if records else "")
            doc.variables.append(Entry(name, type_name(annotation), text))
        elif name in members and not callable(value):
            entry = members[name]
            roots.append(type(value[0]) if isinstance(value, list) and value else None)
            doc.variables.append(Entry(name, entry.type, entry.description or HELP.get(name, "")))
        elif callable(value) and not isinstance(value, (Labels, dict)):
            doc.helpers.append(callable_entry(name, value, HELP.get(name, "")))
        else:
            doc.variables.append(Entry(name, _value_type(value), HELP.get(name, "")))
    for attr in vars(model).values():
        if isinstance(attr, property):
            roots.append(_property_type(attr))
    doc.types = _types(roots)
    return doc


def _checklist() -> ContextDoc:
    from docgen.model.checklist import Checklist, Item, Summary, Tally
    from docgen.model.requirements import Assessment, Specification

    classes = {"checklist": Checklist, "spec": Specification, "assessment": Assessment,
               "summary": Summary}
    doc = ContextDoc("checklist", "checklist.md.j2")
    for name in CHECKLIST_KEYS:
        if name in classes:
            doc.variables.append(Entry(name, classes[name].__name__, HELP.get(name) or _doc(classes[name])))
        elif name in ("status_word", "level_word", "section_name", "format_date", "pct",
                      "change_word", "change_marker"):
            doc.helpers.append(Entry(f"{name}(value)", "text", HELP[name]))
        else:
            kind = {"L": "labels", "compared": "bool", "since": "text", "callout": "text"}
            doc.variables.append(Entry(name, kind.get(name, "list"), HELP[name]))
    doc.types = _types([Checklist, Specification, Assessment, Summary, Item, Tally])
    return doc


def _types(roots: list[object]) -> list[tuple[str, str, list[Entry]]]:
    seen: dict[type, None] = {}
    queue = [r for root in roots if root is not None for r in records_in(root)]
    while queue:
        cls = queue.pop(0)
        if cls in seen:
            continue
        seen[cls] = None
        for hint in _field_hints(cls):
            queue.extend(records_in(hint))
    return [(cls.__name__, _doc(cls), fields_of(cls)) for cls in seen]


def _field_hints(cls: type) -> list[object]:
    import dataclasses
    import typing

    try:
        hints = typing.get_type_hints(cls)
    except Exception:
        return []
    if dataclasses.is_dataclass(cls):
        return [hints[f.name] for f in dataclasses.fields(cls) if f.name in hints]
    return [hints[name] for name in getattr(cls, "model_fields", {}) if name in hints]


def _property_type(prop: property) -> object:
    import typing

    try:
        return typing.get_type_hints(prop.fget).get("return")
    except Exception:
        return None


def _doc(cls: type) -> str:
    from docgen.templates_admin.describe import first_sentence

    return first_sentence(cls.__doc__)


def _value_type(value: object) -> str:
    if isinstance(value, Labels):
        return "labels"
    if isinstance(value, list):
        return "list"
    return type_name(type(value))
