"""Word checklist: title block and summary in portrait, then the checklist table in landscape.

Built on the reference document ``checklist.docx`` (first one on the template path) with the
lead's direct-XML writer, so 5,000 rows take a fraction of a second.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from docgen.labels import Labels
from docgen.model.checklist import Checklist, Tally
from docgen.model.checklist_changes import CHANGES
from docgen.model.requirements import STATUSES
from docgen.ooxml.docx_bulk_table import BulkTable
from docgen.ooxml.docx_writer import Cell, Content, DocxBuilder, kept_with_next
from docgen.ooxml.package import document_time
from docgen.ooxml.reference import ReferenceDocx, load_reference
from docgen.renderers.checklist_common import (
    CHANGE_FILL,
    CHANGE_FONT,
    STATUS_FILL,
    STATUS_FONT,
    change_marker,
    change_word,
    level_word,
    percent,
    regression_callout,
    section_name,
    since_text,
    status_word,
)
from docgen.renderers.checklist_text import cell_runs, plain_cell
from docgen.template_path import along, find_template

REFERENCE = "checklist.docx"
REQUIRED_STYLES = ["Title", "Subtitle", "Heading 1", "Heading 2", "Table Text", "Table Heading",
                   "docgen Table", "docgen Info Table", "Hyperlink"]
# Relative widths of ID, level, requirement, status, evidence, owner, comment.
WIDTHS = [1.2, 0.9, 4.2, 1.3, 2.5, 1.3, 2.8]
# The same with the previous status and the change after the status (--previous-assessment).
WIDTHS_COMPARED = [1.1, 0.8, 3.4, 1.2, 1.2, 1.5, 2.1, 1.1, 2.3]


def _latin1(xml: str) -> str:
    """Return ``xml`` with characters beyond Latin-1 as character references (&#8595;).

    One such character (an arrow) in the body would make Python hold the whole document text
    at 2 bytes per character: 5,000 rows would need twice the memory.
    """
    return xml if xml.isascii() else xml.encode("latin-1", "xmlcharrefreplace").decode("latin-1")


def _status_cell(labels: Labels, status: str) -> Cell:
    return Cell(status_word(labels, status), fill=STATUS_FILL[status], bold=True,
                color=STATUS_FONT[status], align="center")


def _title_block(doc: DocxBuilder, checklist: Checklist, L: Labels) -> None:
    spec, assessment = checklist.specification, checklist.assessment
    doc.paragraph(spec.title, "Title")
    doc.paragraph(" \u00b7 ".join(x for x in (L["checklist.kind"], spec.reference,
                                              spec.version and f"v{spec.version}") if x),
                  "Subtitle")
    _callout(doc, checklist, L)
    doc.info_table([
        (L["checklist.specification"], spec.title), (L["checklist.reference"], spec.reference),
        (L["checklist.version"], spec.version),
        (L["checklist.spec_date"], L.format_date(spec.date)),
        (L["checklist.assessment"], assessment.title),
        (L["checklist.assessor"], assessment.assessor),
        (L["checklist.date"], L.format_date(assessment.date)),
        (L["checklist.previous_assessment"],
         since_text(checklist, L) if checklist.compared else None),
    ])


def _callout(doc: DocxBuilder, checklist: Checklist, L: Labels) -> None:
    """Append the MUST regressions as a red box, when there are any."""
    callout = regression_callout(checklist, L)
    if callout:
        doc.body.append(_latin1(doc.table_xml(
            None, [[Cell("\u26a0 " + callout, fill=CHANGE_FILL["regressed"], bold=True,
                         color=CHANGE_FONT["regressed"])]], [1], header_fill=None)))


def _changes(doc: DocxBuilder, checklist: Checklist, L: Labels) -> None:
    """Append the counts of improved, regressed and unchanged requirements by level."""
    doc.heading(L["checklist.changes"], 2)
    rows: list[list[Cell | Content]] = []
    for name, tally, bold in [*((level_word(L, t.name), t, False)
                                for t in checklist.summary.by_level),
                              (L["common.total"], checklist.summary.overall, True)]:
        counts = [Cell(str(tally.changes[c]), align="right", bold=bold,
                       fill=CHANGE_FILL[c] if tally.changes[c] and c != "unchanged" else None)
                  for c in CHANGES]
        rows.append([Cell(name, bold=True), *counts])
    doc.table([L["checklist.level_heading"], *(change_word(L, c) for c in CHANGES)], rows,
              [2, 1, 1, 1], width=doc.text_width * 2 // 3)


def _tally_table(doc: DocxBuilder, title: str, tallies: list[tuple[str, Tally]],
                 L: Labels) -> None:
    header = [title, *(status_word(L, s) for s in STATUSES), L["common.total"],
              L["checklist.compliance_rate"]]
    rows: list[list[Cell | Content]] = []
    for name, tally in tallies:
        counts = [Cell(str(tally.counts[s]), align="right",
                       fill=STATUS_FILL[s] if tally.counts[s] else None) for s in STATUSES]
        rows.append([Cell(name, bold=True), *counts, Cell(str(tally.total), align="right"),
                     Cell(percent(tally.compliance_rate), align="right", bold=True)])
    doc.table(header, rows, [2.6, 1.6, 1.3, 1.6, 1.6, 1.5, 1.1, 1.7])


def _summary(doc: DocxBuilder, checklist: Checklist, L: Labels) -> None:
    summary = checklist.summary
    doc.heading(L["checklist.summary"], 1)
    doc.heading(L["checklist.by_status"], 2)
    rows: list[list[Cell | Content]] = [[_status_cell(L, s), Cell(str(summary.overall.counts[s]), align="right"),
             Cell(percent(summary.overall.percent(s)), align="right")] for s in STATUSES]
    rows.append([Cell(L["common.total"], bold=True),
                 Cell(str(summary.overall.total), bold=True, align="right"), Cell("")])
    doc.table([L["checklist.status_heading"], L["checklist.count"], L["checklist.percent"]],
              rows, [3, 1, 1], width=doc.text_width // 2)
    doc.heading(L["checklist.by_level"], 2)
    _tally_table(doc, L["checklist.level_heading"],
                 [(level_word(L, t.name), t) for t in summary.by_level], L)
    doc.heading(L["checklist.by_section"], 2)
    _tally_table(doc, L["checklist.section"],
                 [(section_name(L, t.name), t) for t in summary.by_section], L)
    if checklist.compared:
        _changes(doc, checklist, L)


def _checklist(doc: DocxBuilder, checklist: Checklist, L: Labels) -> None:
    """Append the requirements heading, then the sections' tables as a stream (rows made as written)."""
    doc.heading(L["checklist.requirements"], 1)
    header = [L["checklist.id"], L["checklist.level_heading"], L["checklist.text"],
              L["checklist.status_heading"], L["checklist.evidence"], L["checklist.owner"],
              L["checklist.comment"]]
    if checklist.compared:
        header[4:4] = [L["checklist.previous_status"], L["checklist.change"]]
    doc.stream(_section_tables(doc, checklist, L, header))


def _section_tables(doc: DocxBuilder, checklist: Checklist, L: Labels,
                    header: list[str]) -> Iterator[str]:
    """Return (as a generator) the XML of each section's heading and table, row by row."""
    compared = checklist.compared
    table = BulkTable(doc, WIDTHS_COMPARED if compared else WIDTHS)
    # Columns after the status move two places right when the change columns are there.
    at = 2 if compared else 0
    levels = {lv: table.text(1, level_word(L, lv)) for lv in ("must", "should", "may")}
    statuses = {s: table.shaded(3, status_word(L, s), STATUS_FILL[s], STATUS_FONT[s])
                for s in STATUSES}
    text, row = table.text, table.row

    def markdown(column: int, value: str | None) -> str:
        plain = plain_cell(value)  # most cells hold no Markdown: no runs to build
        return text(column, plain) if plain is not None else table.runs(column, cell_runs(value))

    if compared:
        before = {s: table.shaded(4, status_word(L, s), STATUS_FILL[s], STATUS_FONT[s],
                                  bold=False) for s in STATUSES}
        moves = {c: _latin1(table.shaded(5, change_marker(L, c), CHANGE_FILL[c], CHANGE_FONT[c],
                                         bold=c != "unchanged")) for c in CHANGES}
    for section, items in checklist.sections():
        yield doc.paragraph_xml(section_name(L, section), "Heading 2")
        yield table.start(header)
        kept = kept_with_next(len(items))  # no page holds one or two rows of a section's table
        for index, item in enumerate(items):
            cells = [text(0, item.id, bold=True), levels[item.level],
                     markdown(2, item.requirement.text), statuses[item.status],
                     markdown(4 + at, item.evidence), text(5 + at, item.owner),
                     markdown(6 + at, item.comment)]
            if compared:
                was, moved = item.comparison()
                cells[4:4] = [before[was], moves[moved]]
            yield row(cells, index in kept)
        yield table.end()


def build(checklist: Checklist, labels: Labels, reference: ReferenceDocx, full: bool = True,
          doc: DocxBuilder | None = None) -> DocxBuilder:
    """Return ``doc`` (a new DocxBuilder on ``reference`` when None) with the title block, the summary
    and (``full``) the landscape checklist appended."""
    reference.require(REQUIRED_STYLES)
    doc = doc if doc is not None else DocxBuilder(reference)
    _title_block(doc, checklist, labels)
    _summary(doc, checklist, labels)
    if full:
        doc.section(landscape=True)
        _checklist(doc, checklist, labels)
    return doc


def render(checklist: Checklist, dest: Path, labels: Labels, dirs: tuple[Path, ...] = (),
           reference: ReferenceDocx | None = None, full: bool = True) -> Path:
    """Return ``dest`` after writing the checklist as a Word document (``full=False``: its summary only).

    ``reference``: the reference document to build on instead of the search path's ``checklist.docx``.
    """
    if reference is None:
        reference = load_reference(find_template(REFERENCE, list(along(dirs))))
    doc = build(checklist, labels, reference, full)
    spec, assessment = checklist.specification, checklist.assessment
    day = assessment.date or spec.date
    tokens = {"title": spec.title, "date": labels.format_date(day),
              "project": " \u00b7 ".join(x for x in (spec.reference, assessment.title) if x),
              "kind": labels["checklist.kind"], "page": labels["common.page"],
              "of": labels["common.of"]}
    return doc.save(dest, spec.title, tokens, document_time(day), subject=labels["checklist.kind"])
