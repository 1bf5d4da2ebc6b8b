"""The written status report in Word, on the ``report.docx`` reference, with the status's tables."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import cast

from docgen.deck.changes import Changes
from docgen.deck.fmt import trend_text
from docgen.deck.measure import text_width
from docgen.deck.palette import palette_along
from docgen.deck.report import REPORT_TABLES, changes_section
from docgen.deck.report_tables import Table, status_tables
from docgen.labels import Labels
from docgen.model.status import Status
from docgen.ooxml.docx_writer import Cell, DocxBuilder
from docgen.ooxml.drawingml.palette import Palette
from docgen.ooxml.drawingml.shapes import Cell as DeckCell
from docgen.ooxml.reference import ReferenceDocx, load_reference
from docgen.ooxml.theme import BUILTIN_THEME
from docgen.richtext import Run
from docgen.template_path import along, find_template

REFERENCE = "report.docx"
ALIGN = {"l": None, "c": "center", "r": "right"}
STYLES = ["Title", "Subtitle", "Heading 1", "Heading 2", "List Paragraph", "Table Text",
          "Table Heading", "docgen Table", "docgen Info Table"]


def write_docx(status: Status, labels: Labels, dest: Path, dirs: tuple[Path, ...],
               when: datetime, changes: Changes | None = None) -> Path:
    """Write the Word status report of ``status`` to ``dest`` atomically; return ``dest``."""
    reference = load_reference(find_template(REFERENCE, list(along(dirs))))
    doc = build(status, labels, reference, dirs, changes)
    p, L = status.project, labels
    title = report_title(status)
    tokens = {"title": title, "date": L.format_date(p.report_date), "project": p.name,
              "kind": L["deck.report_title"], "page": L["common.page"], "of": L["common.of"]}
    return doc.save(dest, title, tokens, when, subject=L["deck.report_title"])


def report_title(status: Status) -> str:
    """Return the report's title: the project's name, with its code in brackets."""
    p = status.project
    return f"{p.name}" + (f" ({p.code})" if p.code else "")


def build(status: Status, labels: Labels, reference: ReferenceDocx, dirs: tuple[Path, ...],
          changes: Changes | None = None, doc: DocxBuilder | None = None) -> DocxBuilder:
    """Return ``doc`` (a new DocxBuilder on ``reference`` when None) with the whole report appended."""
    reference.require(STYLES)
    doc = doc if doc is not None else DocxBuilder(reference)
    p, L = status.project, labels
    doc.paragraph(report_title(status), "Title")
    doc.paragraph(" · ".join(x for x in (L["deck.report_title"], p.committee, p.period) if x),
                  "Subtitle")
    doc.info_table([
        (L["deck.cover.sponsor"], p.sponsor), (L["deck.cover.manager"], p.manager),
        (L["deck.cover.phase"], p.phase),
        (L["deck.cover.report_date"], L.format_date(p.report_date)),
    ])
    _summary(doc, status, L)
    pal = palette_along(dirs)  # RAG and meaning colours as deck.yaml beside deck.pptx says
    _changes(doc, changes_section(changes, labels, p.currency), L, pal)
    # The deck's colour roles in Word: theme colours as the reference's table header colours them.
    theme = {**BUILTIN_THEME, "accent1": reference.header_fill("docgen Table")}
    _tables(doc, status_tables(status, labels, REPORT_TABLES), lambda c: pal.rgb(c, theme) if c else None)
    _decisions(doc, status, L)
    return doc


def _tables(doc: DocxBuilder, tables: list[Table], rgb: Callable[[str | None], str | None]) -> None:
    """Add each table under its heading, colour roles drawn as ``rgb`` gives them."""
    for table in tables:
        doc.heading(table.title, 1)
        rows = [[Cell(c.text, fill=rgb(c.fill), bold=c.bold, color=rgb(c.color), align=ALIGN[c.align])
                 for c in row] for row in table.rows]
        measured = [[DeckCell(h, bold=True) for h in table.header], *table.rows]
        doc.table(table.header, rows, column_widths(measured, doc.text_width / 20))


def _decisions(doc: DocxBuilder, status: Status, L: Labels) -> None:
    """Add the decisions required, one sub-heading each: context, options, recommendation, deadline."""
    if status.decisions_required:
        doc.heading(L["deck.titles.decisions"], 1)
    for d in status.decisions_required:
        doc.heading(f"{d.id} — {d.title}" if d.id else d.title, 2)
        doc.markdown(d.context)
        doc.markdown("\n".join(f"{n}. {o}" for n, o in enumerate(d.options, 1)))
        if d.recommendation:
            doc.paragraph([Run(L["deck.recommendation"] + ": ", bold=True),
                           Run(d.recommendation)])
        if d.deadline:
            doc.paragraph([Run(L["deck.deadline"] + ": ", bold=True),
                           Run(L.format_date(d.deadline))])


def column_widths(rows: list[list], total: float, size: float = 9.0,
                  margin: float = 12.0) -> list[float]:
    """Return column widths (points) for Word: short columns fit their text, long ones share the rest."""
    count = len(rows[0])
    need, least = _measured(rows, count, size, margin)
    short = [c for c in range(count) if need[c] <= total * 0.16]
    widths = [need[c] if c in short else least[c] for c in range(count)]
    long_cols = [c for c in range(count) if c not in short]
    spare = total - sum(widths)
    if long_cols and spare > 0:
        weight = sum(need[c] for c in long_cols)
        for c in long_cols:
            widths[c] += spare * need[c] / weight
    return widths


def _measured(rows: list[list], count: int, size: float, margin: float) -> tuple[list[float], list[float]]:
    """Return, per column, the width of its widest line and of its widest word (points, ``margin`` added)."""
    need = [0.0] * count
    least = [0.0] * count
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            bold = cell.bold or r == 0
            for line in cell.text.split("\n"):
                need[c] = max(need[c], text_width(line, size, bold) + margin)
                words = line.split() or [""]
                least[c] = max(least[c], max(text_width(w, size, bold) for w in words) + margin)
    return need, least


def _changes(doc: DocxBuilder, section: dict | None, L: Labels, pal: Palette) -> None:
    if section is None:
        return
    doc.heading(section["title"], 1)
    if not section["groups"]:
        doc.paragraph(section["none"])
        return
    header = [L["deck.changes.area"], L["deck.changes.item"], L["deck.changes.change"],
              L["deck.changes.effect"]]
    rows = []
    for group in section["groups"]:
        for n, item in enumerate(group["items"]):
            rag = "green" if item["better"] else "red"
            rows.append([Cell(group["title"] if n == 0 else "", bold=True), Cell(item["item"]),
                         Cell(item["change"]),
                         Cell(item["effect"], fill=pal.rag_fill(rag), bold=True, color=pal.rag_text(rag),
                              align="center")])
    measured = [[DeckCell(h, bold=True) for h in header],
                *[[DeckCell(cast(str, c.content), bold=c.bold) for c in row] for row in rows]]  # texts
    doc.table(header, rows, column_widths(measured, doc.text_width / 20))


def _summary(doc: DocxBuilder, status: Status, L: Labels) -> None:
    overall = status.overall
    doc.heading(L["deck.titles.summary"], 1)
    word = L[f"deck.rag.{overall.status}"]
    trend = trend_text(L, overall.trend)
    doc.info_table([(L["deck.overall"], [Run(word, bold=True)] + (
        [Run(f"  ({trend})")] if trend else []))])
    doc.markdown(overall.summary)
    for key, items in (("achievements", status.achievements), ("next_steps", status.next_steps)):
        if items:
            doc.heading(L[f"deck.{key}"], 2)
            doc.markdown("\n".join(f"- {item}" for item in items))
