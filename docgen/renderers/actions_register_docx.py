"""Word action register: the actions as of the latest meeting, then counts by status and owner."""

from __future__ import annotations

from pathlib import Path

from docgen.actions_register import STATUSES, Register
from docgen.labels import Labels
from docgen.ooxml.docx_writer import Cell, Content, DocxBuilder
from docgen.ooxml.package import document_time
from docgen.ooxml.reference import ReferenceDocx
from docgen.renderers.minutes_docx import REQUIRED_STYLES
from docgen.renderers.palette import ACTION_STATUS_FILL, OVERDUE_FILL, OVERDUE_TEXT
from docgen.richtext import Run

R = "actions_register."


def render(register: Register, L: Labels, reference: ReferenceDocx, dest: Path) -> Path:
    """Write the Word register on ``reference`` to ``dest`` and return ``dest``."""
    reference.require(REQUIRED_STYLES)
    doc = DocxBuilder(reference, landscape=True)
    doc.paragraph(register.title or L[R + "kind"], "Title")
    subtitle = L[R + "kind"] + (f" \u00b7 {L[R + 'as_of']} {L.format_date(register.as_of)}"
                                if register.as_of else "")
    doc.paragraph(subtitle, "Subtitle")
    if register.meetings:
        doc.paragraph([Run(L[R + "meetings"] + L["common.colon"], bold=True), Run("; ".join(
            f"{m.title} ({L.format_date(m.date, short=True)})" for m in register.meetings))])
    _actions(doc, register, L)
    if register.rows:
        _summary(doc, register, L)
    tokens = {"title": register.title or L[R + "kind"],
              "date": L.format_date(register.as_of) if register.as_of else "",
              "project": register.title, "kind": L[R + "kind"], "page": L["common.page"],
              "of": L["common.of"]}
    return doc.save(dest, register.title or L[R + "kind"], tokens,
                    document_time(register.as_of), subject=L[R + "kind"])


def _actions(doc: DocxBuilder, register: Register, L: Labels) -> None:
    doc.heading(L[R + "kind"], 1)
    if not register.rows:
        doc.paragraph(L[R + "no_actions"])
        return
    header = [L["common.id"], L[R + "text"], L["common.owner"], L["common.due"],
              L["common.status"], L[R + "origin"], L[R + "last"], L[R + "overdue_days"]]
    rows: list[list[Cell | Content]] = []
    for row in register.rows:
        a = row.action
        status = L[f"action_status.{a.status}"]
        status_cell = Cell(status, fill=ACTION_STATUS_FILL.get(a.status))
        if row.overdue:
            status_cell = Cell(f"{status} \u2013 {L['common.overdue']}", fill=OVERDUE_FILL,
                               color=OVERDUE_TEXT, bold=True)
        rows.append([Cell(a.id or "", bold=True), Cell(a.text, markdown=True), a.owner or "",
                     L.format_date(a.due, short=True) if a.due else "", status_cell,
                     L.format_date(row.origin.date, short=True),
                     L.format_date(row.last.date, short=True),
                     Cell(str(row.overdue) if row.overdue else "", align="right",
                          color=OVERDUE_TEXT if row.overdue else None, bold=bool(row.overdue))])
    doc.table(header, rows, [1.6, 4.4, 2.1, 1.8, 2.1, 1.8, 1.8, 1.2])


def _summary(doc: DocxBuilder, register: Register, L: Labels) -> None:
    doc.heading(L[R + "summary"], 1)
    doc.paragraph(L[R + "by_status"], "Heading 3")
    rows: list[list[Cell | Content]] = [[L[f"action_status.{s}"], Cell(str(n), align="right")]
            for s, n in register.by_status.items()]
    rows.append([Cell(L[R + "total"], bold=True),
                 Cell(str(len(register.rows)), bold=True, align="right")])
    doc.table([L["common.status"], L[R + "count"]], rows, [3, 1], width=doc.text_width // 2)
    doc.paragraph(L[R + "by_owner"], "Heading 3")
    header = [L["common.owner"]] + [L[f"action_status.{s}"] for s in STATUSES] + [
        L["common.overdue"], L[R + "total"]]
    rows = []
    for owner, counts in register.by_owner:
        values = [counts[s] for s in STATUSES] + [counts["overdue"],
                                                  sum(counts[s] for s in STATUSES)]
        rows.append([owner or L[R + "unassigned"]] + [
            Cell(str(v), align="right", bold=i == len(values) - 1) for i, v in enumerate(values)])
    doc.table(header, rows, [3] + [1.2] * (len(STATUSES) + 2))
