"""Word agenda: title block, invited people, timed agenda, open actions to review, documents."""

from __future__ import annotations

from pathlib import Path

from docgen.agenda import schedule, total_duration
from docgen.labels import Labels
from docgen.model.meeting import Minutes
from docgen.ooxml.docx_writer import Cell, DocxBuilder
from docgen.ooxml.package import document_time
from docgen.ooxml.reference import ReferenceDocx
from docgen.renderers.minutes_docx import REQUIRED_STYLES, action_table, time_span
from docgen.richtext import Run
from docgen.series import open_actions


def render(minutes: Minutes, labels: Labels, reference: ReferenceDocx, dest: Path) -> Path:
    """Write the Word agenda of ``minutes`` on ``reference`` to ``dest`` and return ``dest``."""
    doc = build(minutes, labels, reference)
    m = minutes.meeting
    tokens = {"title": m.title, "date": labels.format_date(m.date),
              "project": m.project or m.series or "", "kind": labels["agenda.kind"],
              "page": labels["common.page"], "of": labels["common.of"]}
    return doc.save(dest, m.title, tokens, document_time(m.date), subject=labels["agenda.kind"])


def build(minutes: Minutes, labels: Labels, reference: ReferenceDocx) -> DocxBuilder:
    """Return a DocxBuilder holding the whole body of the agenda."""
    reference.require(REQUIRED_STYLES)
    doc = DocxBuilder(reference)
    _title_block(doc, minutes, labels)
    _invited(doc, minutes, labels)
    _agenda(doc, minutes, labels)
    _actions(doc, minutes, labels)
    _documents(doc, minutes, labels)
    return doc


def _title_block(doc: DocxBuilder, minutes: Minutes, L: Labels) -> None:
    m = minutes.meeting
    doc.paragraph(m.title, "Title")
    doc.paragraph(" \u00b7 ".join(x for x in (L["agenda.kind"], L.format_date(m.date),
                                             time_span(m.start, m.end)) if x), "Subtitle")
    doc.info_table([
        (L["minutes.project"], m.project), (L["minutes.series"], m.series),
        (L["minutes.date"], L.format_date(m.date)), (L["minutes.time"], time_span(m.start, m.end)),
        (L["minutes.location"], m.location), (L["minutes.chair"], m.chair),
        (L["minutes.facilitator"], m.facilitator), (L["minutes.minute_taker"], m.minute_taker),
    ])


def _invited(doc: DocxBuilder, minutes: Minutes, L: Labels) -> None:
    if not minutes.attendees:
        return
    doc.heading(L["agenda.invited"], 1)
    people = minutes.attendees
    has_role = any(a.role for a in people)
    has_org = any(a.organisation or a.group for a in people)
    header = [L["minutes.name"]] + ([L["minutes.role"]] if has_role else []) + (
        [L["minutes.organisation"]] if has_org else [])
    widths = [3] + ([4.5] if has_role else []) + ([2.5] if has_org else [])
    rows = []
    for person in people:
        row: list = [Cell(person.name, bold=True)]
        if has_role:
            row.append(person.role or "")
        if has_org:
            row.append(" / ".join(x for x in (person.organisation, person.group) if x))
        rows.append(row)
    doc.table(header, rows, widths)
    if minutes.distribution:
        doc.paragraph([Run(L["minutes.distribution"] + L["common.colon"], bold=True),
                       Run(", ".join(minutes.distribution))])


def _agenda(doc: DocxBuilder, minutes: Minutes, L: Labels) -> None:
    doc.heading(L["minutes.agenda"], 1)
    slots = schedule(minutes)
    timed = any(s.start for s in slots)
    header = ["#"] + ([L["agenda.start"]] if timed else []) + [
        L["agenda.item"], L["minutes.presenter"], L["minutes.duration"]]
    widths = [0.5] + ([1.1] if timed else []) + [6, 2.8, 1.4]
    rows = []
    for slot in slots:
        duration = f"{slot.item.duration} {L['minutes.minutes_unit']}" if slot.item.duration else ""
        rows.append([Cell(str(slot.number), bold=True)]
                    + ([Cell(slot.start or "", bold=True)] if timed else [])
                    + [Cell(slot.item.title, markdown=True), slot.item.presenter or "",
                       Cell(duration, align="right")])
    total = total_duration(minutes)
    if total:
        end = slots[-1].end if slots else None
        label = L["agenda.total"] + (f" \u2013 {L['agenda.end']} {end}" if end else "")
        rows.append([""] + ([""] if timed else []) + [Cell(label, bold=True), "",
                    Cell(f"{total} {L['minutes.minutes_unit']}", bold=True, align="right")])
    doc.table(header, rows, widths)


def _actions(doc: DocxBuilder, minutes: Minutes, L: Labels) -> None:
    doc.heading(L["agenda.open_actions"], 1)
    actions = open_actions(minutes)
    if actions:
        action_table(doc, actions, L, minutes.meeting.date, comment=True, priority=False)
    else:
        doc.paragraph(L["agenda.no_open_actions"])


def _documents(doc: DocxBuilder, minutes: Minutes, L: Labels) -> None:
    if not minutes.documents:
        return
    doc.heading(L["agenda.documents"], 1)
    for document in minutes.documents:
        runs = [Run(document.title, href=document.url)] if document.url else [Run(document.title)]
        doc.paragraph(runs, "List Paragraph", num=(9001, 0))
