"""Word agenda: title block, invited people, timed agenda, open actions to review, documents."""

from __future__ import annotations

from pathlib import Path

from docgen.agenda import schedule, total_duration
from docgen.labels import Labels
from docgen.model.meeting import Minutes
from docgen.ooxml.docx_writer import Cell, Content, DocxBuilder
from docgen.ooxml.package import document_time
from docgen.ooxml.reference import ReferenceDocx
from docgen.renderers.minutes_docx import REQUIRED_STYLES, action_table, people_table, title_block
from docgen.richtext import Run
from docgen.safety import safe_url
from docgen.series import open_actions


def render(minutes: Minutes, labels: Labels, reference: ReferenceDocx, dest: Path) -> Path:
    """Write the Word agenda of ``minutes`` on ``reference`` to ``dest`` and return ``dest``."""
    doc = build(minutes, labels, reference)
    m = minutes.meeting
    tokens = {"title": m.title, "date": labels.format_date(m.date),
              "project": m.project or m.series or "", "kind": labels["agenda.kind"],
              "page": labels["common.page"], "of": labels["common.of"]}
    return doc.save(dest, m.title, tokens, document_time(m.date), subject=labels["agenda.kind"])


def build(minutes: Minutes, labels: Labels, reference: ReferenceDocx, doc: DocxBuilder | None = None) -> DocxBuilder:
    """Return ``doc`` (a new DocxBuilder on ``reference`` when None) with the whole body of the agenda appended."""
    reference.require(REQUIRED_STYLES)
    doc = doc if doc is not None else DocxBuilder(reference)
    title_block(doc, minutes, labels, labels["agenda.kind"])
    _invited(doc, minutes, labels)
    _agenda(doc, minutes, labels)
    _actions(doc, minutes, labels)
    _documents(doc, minutes, labels)
    return doc


def _invited(doc: DocxBuilder, minutes: Minutes, L: Labels) -> None:
    if minutes.attendees:
        doc.heading(L["agenda.invited"], 1)
        people_table(doc, minutes, L, attendance=False)


def titled(title: str, purpose: str | None, L: Labels) -> str:
    """Return an agenda item's Markdown ``title`` followed by its purpose as a short italic tag ("*[Decision]*")."""
    return f"{title} *[{L[f'purpose.{purpose}']}]*" if purpose else title


def _agenda(doc: DocxBuilder, minutes: Minutes, L: Labels) -> None:
    doc.heading(L["minutes.agenda"], 1)
    slots = schedule(minutes)
    timed = any(s.start for s in slots)
    header = ["#"] + ([L["agenda.start"]] if timed else []) + [
        L["agenda.item"], L["minutes.presenter"], L["minutes.duration"]]
    widths = [0.5] + ([1.1] if timed else []) + [6, 2.8, 1.4]
    rows: list[list[Cell | Content]] = []
    for slot in slots:
        duration = f"{slot.item.duration} {L['minutes.minutes_unit']}" if slot.item.duration else ""
        rows.append([Cell(str(slot.number), bold=True),
                     *([Cell(slot.start or "", bold=True)] if timed else []),
                     Cell(titled(slot.item.title, slot.item.purpose, L), markdown=True), slot.item.presenter or "",
                     Cell(duration, align="right")])
    total = total_duration(minutes)
    if total:
        end = slots[-1].end if slots else None
        label = L["agenda.total"] + (f" \u2013 {L['agenda.end']} {end}" if end else "")
        rows.append(["", *([""] if timed else []), Cell(label, bold=True), "",
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
        runs = [Run(document.title, href=safe_url(document.url))]  # a javascript: address is not a link
        doc.bullet(runs)
