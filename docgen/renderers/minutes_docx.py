"""Word minutes: title block, attendance, previous actions, agenda items, decisions, actions."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from docgen.labels import Labels
from docgen.model.common import Action
from docgen.model.meeting import AgendaItem, Minutes
from docgen.ooxml.docx_writer import Cell, Content, DocxBuilder
from docgen.ooxml.package import document_time
from docgen.ooxml.reference import ReferenceDocx
from docgen.ooxml.watermark import with_watermark
from docgen.renderers.palette import ACTION_STATUS_FILL, OVERDUE_FILL, OVERDUE_TEXT
from docgen.richtext import Run
from docgen.safety import safe_url

REQUIRED_STYLES = ["Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Paragraph",
                   "Quote", "Code", "Table Text", "Table Heading", "docgen Table",
                   "docgen Info Table", "Hyperlink"]


def time_span(start: str | None, end: str | None) -> str:
    """Return "14:00–15:30", "14:00" or "" for a meeting's start and end times."""
    if start and end:
        return f"{start}\u2013{end}"
    return start or end or ""


def render(minutes: Minutes, labels: Labels, reference: ReferenceDocx, dest: Path) -> Path:
    """Write the Word minutes of ``minutes`` on ``reference`` to ``dest`` and return ``dest``."""
    return dest_write(build(minutes, labels, reference), minutes, labels, dest)


def build(minutes: Minutes, labels: Labels, reference: ReferenceDocx, doc: DocxBuilder | None = None) -> DocxBuilder:
    """Return ``doc`` with the whole body of the minutes appended.

    Without ``doc``, a new DocxBuilder on ``reference``, watermarked DRAFT for draft minutes;
    appended to another document, the document control table says the status.
    """
    reference.require(REQUIRED_STYLES)
    doc = doc if doc is not None else DocxBuilder(watermarked(reference, minutes, labels))
    title_block(doc, minutes, labels, labels["minutes.kind"])
    document_control(doc, minutes, labels)
    _attendance(doc, minutes, labels)
    _previous_actions(doc, minutes, labels)
    _agenda(doc, minutes, labels)
    _summary(doc, minutes, labels)
    _closing(doc, minutes, labels)
    return doc


def watermarked(reference: ReferenceDocx, minutes: Minutes, L: Labels) -> ReferenceDocx:
    """Return ``reference`` with a DRAFT watermark in its headers for draft minutes, else ``reference`` itself."""
    if minutes.meeting.status != "draft":
        return reference
    parts, sect_pr = with_watermark(reference.parts, reference.sect_pr, L["minutes.draft_watermark"])
    return dataclasses.replace(reference, parts=parts, sect_pr=sect_pr)


def control_row(minutes: Minutes, L: Labels) -> list[str] | None:
    """Return the document-control row (version, date, status, approver), or None when the minutes give none."""
    m = minutes.meeting
    if not (m.status or m.version or m.approved_by or m.approved_on):
        return None
    status = L[f"minutes_status.{m.status}"] if m.status else ""
    return [m.version or "", L.format_date(m.approved_on or m.date), status, m.approved_by or ""]


def control_header(L: Labels) -> list[str]:
    """Return the header of the document-control table."""
    return [L["minutes.version"], L["minutes.date"], L["common.status"], L["minutes.approved_by"]]


def document_control(doc: DocxBuilder, minutes: Minutes, L: Labels) -> None:
    """Append the document-control table when the minutes say a status, version or approval."""
    row = control_row(minutes, L)
    if row is not None:
        doc.heading(L["minutes.document_control"], 1)
        doc.table(control_header(L), [[*row]], [1.5, 3, 2.5, 4])


def dest_write(doc: DocxBuilder, minutes: Minutes, labels: Labels, dest: Path) -> Path:
    """Write ``doc`` to ``dest`` with the minutes' header/footer tokens; return ``dest``."""
    meeting = minutes.meeting
    tokens = {"title": meeting.title, "date": labels.format_date(meeting.date),
              "project": meeting.project or meeting.series or "", "kind": labels["minutes.kind"],
              "page": labels["common.page"], "of": labels["common.of"]}
    return doc.save(dest, meeting.title, tokens, document_time(meeting.date),
                    subject=labels["minutes.kind"])


def title_block(doc: DocxBuilder, minutes: Minutes, L: Labels, kind: str) -> None:
    """Append the title, the "kind · date · time" subtitle and the meeting's info table."""
    m = minutes.meeting
    doc.paragraph(m.title, "Title")
    subtitle = " \u00b7 ".join(x for x in (kind, L.format_date(m.date), time_span(m.start, m.end)) if x)
    doc.paragraph(subtitle, "Subtitle")
    doc.info_table([
        (L["minutes.project"], m.project), (L["minutes.series"], m.series),
        (L["minutes.date"], L.format_date(m.date)), (L["minutes.time"], time_span(m.start, m.end)),
        (L["minutes.location"], m.location), (L["minutes.chair"], m.chair),
        (L["minutes.facilitator"], m.facilitator), (L["minutes.minute_taker"], m.minute_taker),
    ])


def people_table(doc: DocxBuilder, minutes: Minutes, L: Labels, attendance: bool) -> None:
    """Append the table of people (name, role, organisation[, attendance]) and the distribution."""
    order = {"present": 0, "remote": 1, "excused": 2, "absent": 3}
    people = sorted(minutes.attendees, key=lambda a: order[a.attendance]) if attendance \
        else minutes.attendees
    has_role = any(a.role for a in people)
    has_org = any(a.organisation or a.group for a in people)
    header = [L["minutes.name"]] + ([L["minutes.role"]] if has_role else []) + (
        [L["minutes.organisation"]] if has_org else []) + (
        [L["minutes.attendance_column"]] if attendance else [])
    widths = [3] + ([4] if has_role else []) + ([2.4] if has_org else []) + ([1.6] if attendance else [])
    rows = []
    for person in people:
        name = person.name + (f" (@{person.handle.lstrip('@')})" if person.handle else "")
        row: list = [name if attendance else Cell(name, bold=True)]
        if has_role:
            row.append(person.role or "")
        if has_org:
            row.append(" / ".join(x for x in (person.organisation, person.group) if x))
        if attendance:
            away = person.attendance in ("excused", "absent")
            row.append(Cell(L[f"attendance.{person.attendance}"], color="7F7F7F" if away else None,
                            bold=not away))
        rows.append(row)
    doc.table(header, rows, widths)
    if minutes.distribution:
        doc.paragraph([Run(L["minutes.distribution"] + L["common.colon"], bold=True),
                       Run(", ".join(minutes.distribution))])


def _attendance(doc: DocxBuilder, minutes: Minutes, L: Labels) -> None:
    if minutes.attendees:
        doc.heading(L["minutes.attendance"], 1)
        people_table(doc, minutes, L, attendance=True)


def action_rows(actions: list[Action], L: Labels, on: date, with_comment: bool,
                with_priority: bool) -> list[list]:
    """Return table rows for ``actions``: status worded and coloured, overdue flagged with days."""
    rows = []
    for index, action in enumerate(actions, 1):
        late = action.overdue_days(on)
        status = L[f"action_status.{action.status}"]
        status_cell = Cell(status, fill=ACTION_STATUS_FILL.get(action.status))
        if late:
            unit = L["common.day"] if late == 1 else L["common.days"]
            status_cell = Cell(f"{status} \u2013 {L['common.overdue']} ({late} {unit})",
                               fill=OVERDUE_FILL, color=OVERDUE_TEXT, bold=True)
        row = [Cell(action.id or f"#{index}", bold=True), Cell(action.text, markdown=True),
               action.owner or "", L.format_date(action.due, short=True) if action.due else "",
               status_cell]
        if with_priority:
            row.append(L[f"priority.{action.priority}"] if action.priority else "")
        if with_comment:
            row.append(Cell(action.comment or "", markdown=True))
        rows.append(row)
    return rows


def action_table(doc: DocxBuilder, actions: list[Action], L: Labels, on: date,
                 comment: bool = False, priority: bool = True) -> None:
    """Append the table of ``actions`` (id, action, owner, due, status[, priority][, comment])."""
    header = [L["common.id"], L["minutes.action"], L["common.owner"], L["common.due"],
              L["common.status"]]
    widths = [1.1, 5, 2.2, 1.6, 1.9]
    if priority:
        header.append(L["minutes.priority"])
        widths.append(1.3)
    if comment:
        header.append(L["common.comment"])
        widths.append(3)
    doc.table(header, action_rows(actions, L, on, comment, priority), widths)


def _previous_actions(doc: DocxBuilder, minutes: Minutes, L: Labels) -> None:
    if not minutes.previous_actions:
        return
    doc.heading(L["minutes.previous_actions"], 1)
    action_table(doc, minutes.previous_actions, L, minutes.meeting.date, comment=True,
                 priority=False)


def item_meta(item: AgendaItem, L: Labels) -> list[Run]:
    """Return the "Presenter: X · Duration: 10 min · Purpose: Decision" runs of an agenda item (maybe empty)."""
    pairs = [(L["minutes.presenter"], item.presenter),
             (L["minutes.duration"], f"{item.duration} {L['minutes.minutes_unit']}" if item.duration else None),
             (L["minutes.purpose"], L[f"purpose.{item.purpose}"] if item.purpose else None)]
    meta: list[Run] = []
    for label, value in pairs:
        if value:
            meta += ([Run("   \u00b7   ")] if meta else []) + [Run(label + L["common.colon"], bold=True), Run(value)]
    return meta


def _agenda(doc: DocxBuilder, minutes: Minutes, L: Labels) -> None:
    if not minutes.agenda:
        return
    doc.heading(L["minutes.agenda"], 1)
    for number, item in enumerate(minutes.agenda, 1):
        doc.heading(f"{number}. {item.title}", 2)
        meta = item_meta(item, L)
        if meta:
            doc.paragraph(meta, "Info Label", keep_next=True)
        doc.markdown(item.notes)
        if item.decisions:
            doc.paragraph(L["minutes.decisions"], "Heading 3")
            for decision in item.decisions:
                runs = ([Run(f"{decision.id} ", bold=True)] if decision.id else []) + [
                    Run(decision.text)]
                if decision.approver:
                    runs.append(Run(f" ({L['minutes.approver']}{L['common.colon']}{decision.approver})", italic=True))
                doc.bullet(runs)
        if item.actions:
            doc.paragraph(L["minutes.actions"], "Heading 3")
            action_table(doc, item.actions, L, minutes.meeting.date, priority=False)


def _summary(doc: DocxBuilder, minutes: Minutes, L: Labels) -> None:
    decisions = [(d, n) for n, item in enumerate(minutes.agenda, 1) for d in item.decisions]
    doc.heading(L["minutes.all_decisions"], 1)
    if decisions:
        rows: list[list[Cell | Content]] = [[Cell(d.id or f"#{i}", bold=True), Cell(d.text, markdown=True),
                                             d.approver or "", str(n)] for i, (d, n) in enumerate(decisions, 1)]
        doc.table([L["common.id"], L["minutes.decision"], L["minutes.approver"], "#"], rows,
                  [1.1, 7.5, 2.6, 0.6])
    else:
        doc.paragraph(L["minutes.no_decisions"])
    doc.heading(L["minutes.all_actions"], 1)
    if minutes.actions:
        action_table(doc, minutes.actions, L, minutes.meeting.date)
    else:
        doc.paragraph(L["minutes.no_actions"])


def _closing(doc: DocxBuilder, minutes: Minutes, L: Labels) -> None:
    if minutes.notes:
        doc.heading(L["minutes.general_notes"], 1)
        doc.markdown(minutes.notes)
    if minutes.links:
        doc.heading(L["minutes.links"], 1)
        for link in minutes.links:
            doc.bullet([Run(link.label + L['common.colon'], bold=True), Run(link.url, href=safe_url(link.url))])
    nxt = minutes.next_meeting
    if nxt and (nxt.date or nxt.location):
        doc.heading(L["minutes.next_meeting"], 1)
        text = ", ".join(x for x in (L.format_date(nxt.date), time_span(nxt.start, nxt.end),
                                     nxt.location) if x)
        doc.paragraph([Run(text, bold=True)])
