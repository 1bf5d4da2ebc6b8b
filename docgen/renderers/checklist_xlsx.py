"""Excel checklist: a sheet reviewers fill in (status drop-down, filters) and a summary sheet.

The summary's counts are COUNTIFS formulas over the checklist sheet, stored with their current
values, so they follow the reviewers' edits. Status cells are filled by status and recoloured by
conditional formatting when a reviewer picks another status.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from docgen.labels import Labels
from docgen.model.checklist import Checklist, Tally
from docgen.model.checklist_changes import CHANGES
from docgen.model.requirements import STATUSES
from docgen.ooxml.package import document_time
from docgen.ooxml.xlsx_writer import (
    SharedStrings,
    Sheet,
    Styles,
    column_letter,
    formula_cell,
    number_cell,
    row_xml,
    sheet_title,
    workbook_bytes,
)
from docgen.output import atomic_write_bytes
from docgen.renderers.checklist_common import (
    CHANGE_FILL,
    CHANGE_FONT,
    STATUS_FILL,
    STATUS_FONT,
    change_marker,
    change_word,
    level_word,
    regression_callout,
    section_name,
    since_text,
    status_word,
)
from docgen.renderers.checklist_text import cell_plain, cell_plain_link

# (label key, width) of the checklist columns, in the CSV output's order.
COLUMNS = [("id", 12), ("section", 24), ("level_heading", 11), ("text", 60),
           ("status_heading", 16), ("evidence", 36), ("owner", 18), ("comment", 44)]
# Inserted after the status when compared with a previous assessment (columns F and G).
CHANGE_COLUMNS = [("previous_status", 16), ("change", 15)]
HEADER_FILL = "accent1"  # the workbook theme's accent1 (docgen.ooxml.xlsx_theme)
HEADER_TEXT = "lt1"
PERCENT_FORMAT = 9  # Excel's built-in "0%"


def _criterion(text: str) -> str | None:
    """Return ``text`` as a COUNTIFS criterion string literal, or None when it cannot be one."""
    if len(text) > 200 or text[:1] in "<>=":
        return None
    for ch in "~*?":
        text = text.replace(ch, "~" + ch)
    return '"' + text.replace('"', '""') + '"'


def checklist_sheet(checklist: Checklist, labels: Labels, styles: Styles, strings: SharedStrings,
                    name: str) -> Sheet:
    """Return the sheet of the checklist: one row per requirement under a frozen, filtered header.

    Its rows are a generator, made while the workbook is written (never held whole); the
    hyperlinks they find are collected meanwhile, for the sheet's part after its rows.
    """
    head = styles.xf(bold=True, color=HEADER_TEXT, fill=HEADER_FILL, wrap=True, border=True)
    row_styles = _RowStyles(styles, checklist.compared)
    columns = COLUMNS[:5] + CHANGE_COLUMNS + COLUMNS[5:] if checklist.compared else COLUMNS
    header = row_xml(1, [strings.cell(f"{column_letter(i)}1", labels[f"checklist.{key}"], head)
                         for i, (key, _) in enumerate(columns, 1)])
    links: list[tuple[str, str]] = []
    last = len(checklist.items) + 1
    status_range = f"E2:E{last}"
    words = [status_word(labels, s) for s in STATUSES]
    return Sheet(
        name=name,
        rows=chain([header], _item_rows(checklist, labels, row_styles, strings, links)),
        widths=[width for _, width in columns],
        freeze="A2",
        auto_filter=f"A1:{column_letter(len(columns))}{last}",
        validations=[(status_range, words)],
        conditional=[(status_range, [(word, styles.dxf(STATUS_FILL[s], STATUS_FONT[s]))
                                     for word, s in zip(words, STATUSES)])],
        hyperlinks=links,
    )


class _RowStyles:
    """The cell formats of the checklist's rows, made once (in the order the workbook numbers them)."""

    def __init__(self, styles: Styles, compared: bool) -> None:
        self.body = styles.xf(wrap=True, border=True)
        self.strong = styles.xf(bold=True, wrap=True, border=True)
        self.link = styles.xf(wrap=True, border=True, color="hlink", underline=True)
        self.status = {s: styles.xf(bold=True, color=STATUS_FONT[s], fill=STATUS_FILL[s], border=True,
                                    halign="center") for s in STATUSES}
        if compared:
            self.before = {s: styles.xf(color=STATUS_FONT[s], fill=STATUS_FILL[s], border=True,
                                        halign="center") for s in STATUSES}
            self.change = {c: styles.xf(bold=c != "unchanged", color=CHANGE_FONT[c],
                                        fill=CHANGE_FILL[c], border=True, halign="center")
                           for c in CHANGES}


def _item_rows(checklist: Checklist, labels: Labels, st: _RowStyles, strings: SharedStrings,
               links: list[tuple[str, str]]) -> Iterator[str]:
    """Return (as a generator) the XML of each requirement's row; evidence links go to ``links``."""
    text_cell = strings.cell
    levels = {lv: level_word(labels, lv) for lv in ("must", "should", "may")}
    words = {s: status_word(labels, s) for s in STATUSES}
    compared = checklist.compared
    markers = {c: change_marker(labels, c) for c in CHANGES} if compared else {}
    ev, ow, co = "HIJ" if compared else "FGH"
    body = st.body
    for number, item in enumerate(checklist.items, 2):
        req = item.requirement
        n = str(number)
        cells = [text_cell("A" + n, req.id, st.strong)]
        if req.section:
            cells.append(text_cell("B" + n, req.section, body))
        cells.append(text_cell("C" + n, levels[req.level], body))
        cells.append(text_cell("D" + n, cell_plain(req.text), body))
        cells.append(text_cell("E" + n, words[item.status], st.status[item.status]))
        if compared:
            was, moved = item.comparison()
            cells.append(text_cell("F" + n, words[was], st.before[was]))
            cells.append(text_cell("G" + n, markers[moved], st.change[moved]))
        if item.evidence:
            evidence, url = cell_plain_link(item.evidence)
            cells.append(text_cell(ev + n, evidence, st.link if url else body))
            if url:
                links.append((ev + n, url))
        if item.owner:
            cells.append(text_cell(ow + n, item.owner, body))
        if item.comment:
            cells.append(text_cell(co + n, cell_plain(item.comment), body))
        yield row_xml(number, cells)


def summary_sheet(checklist: Checklist, labels: Labels, styles: Styles, strings: SharedStrings,
                  name: str, data_sheet: str) -> Sheet:
    """Return the summary sheet: title block, counts by status, by level and by section."""
    text_cell = strings.cell
    title = styles.xf(bold=True, size=14)
    bold = styles.xf(bold=True)
    head = styles.xf(bold=True, color=HEADER_TEXT, fill=HEADER_FILL, wrap=True, border=True)
    cell = styles.xf(border=True)
    pct = styles.xf(border=True, num_fmt=PERCENT_FORMAT)
    words = {s: status_word(labels, s) for s in STATUSES}
    last = len(checklist.items) + 1
    ref = "'" + data_sheet.replace("'", "''") + "'!"
    status_col, level_col, section_col = (f"{ref}${c}$2:${c}${last}" for c in "ECB")
    rows: list[str] = []

    def add(cells: list[str]) -> int:
        rows.append(row_xml(len(rows) + 1, cells))
        return len(rows)

    spec, assessment = checklist.specification, checklist.assessment
    add([text_cell("A1", f"{labels['checklist.kind']}: {spec.title}", title)])
    callout = regression_callout(checklist, labels)
    if callout:
        alert = styles.xf(bold=True, color=CHANGE_FONT["regressed"], fill=CHANGE_FILL["regressed"])
        add([text_cell("A2", "\u26a0 " + callout, alert)])
    info = [("reference", spec.reference), ("version", spec.version),
            ("spec_date", labels.format_date(spec.date)), ("assessment", assessment.title),
            ("assessor", assessment.assessor), ("date", labels.format_date(assessment.date)),
            ("previous_assessment", since_text(checklist, labels) if checklist.compared else None)]
    for key, value in info:
        if value:
            r = len(rows) + 1
            add([text_cell(f"A{r}", labels[f"checklist.{key}"], bold), text_cell(f"B{r}", value)])
    add([])
    r = len(rows) + 1
    add([text_cell(f"A{r}", labels["checklist.by_status"], head),
         text_cell(f"B{r}", labels["checklist.count"], head),
         text_cell(f"C{r}", labels["checklist.percent"], head)])
    first = r + 1
    overall = checklist.summary.overall
    total_row = first + len(STATUSES)
    for status in STATUSES:
        r = len(rows) + 1
        count = overall.counts[status]
        add([text_cell(f"A{r}", words[status], cell),
             formula_cell(f"B{r}", f"COUNTIF({status_col},{_criterion(words[status])})", count, cell),
             formula_cell(f"C{r}", f"IF($B${total_row}=0,0,B{r}/$B${total_row})",
                          round(overall.percent(status) / 100, 6), pct)])
    add([text_cell(f"A{total_row}", labels["common.total"], head),
         formula_cell(f"B{total_row}", f"SUM(B{first}:B{total_row - 1})", overall.total, head)])
    for heading, column, tallies, namer in (
        ("by_level", level_col, checklist.summary.by_level, lambda t: level_word(labels, t.name)),
        ("by_section", section_col, checklist.summary.by_section,
         lambda t: section_name(labels, t.name)),
    ):
        add([])
        r = len(rows) + 1
        titles = [labels[f"checklist.{heading}"], *words.values(), labels["common.total"],
                  labels["checklist.compliance_rate"]]
        add([text_cell(f"{column_letter(i)}{r}", t, head) for i, t in enumerate(titles, 1)])
        for tally in tallies:
            r = len(rows) + 1
            criterion = _criterion(tally.name if heading == "by_section"
                                   else level_word(labels, tally.name))
            add(_tally_cells(r, namer(tally), tally, criterion, column, status_col, words,
                             cell, pct, text_cell))
    if checklist.compared:
        add([])
        _changes_block(checklist, labels, add, len(rows) + 1, text_cell, head, cell,
                       level_col, f"{ref}$G$2:$G${last}")
    return Sheet(name=name, rows=rows, widths=[34, 14, 14, 16, 16, 16, 12, 16])


def _tally_cells(r: int, name: str, tally: Tally, criterion: str | None, column: str,
                 status_col: str, words: dict[str, str], cell: int, pct: int,
                 text_cell) -> list[str]:
    cells = [text_cell(f"A{r}", name, cell)]
    for i, status in enumerate(STATUSES, 2):
        ref, count = f"{column_letter(i)}{r}", tally.counts[status]
        if criterion is None:
            cells.append(number_cell(ref, count, cell))
        else:
            formula = f"COUNTIFS({column},{criterion},{status_col},{_criterion(words[status])})"
            cells.append(formula_cell(ref, formula, count, cell))
    total_col = column_letter(len(STATUSES) + 2)
    cells.append(formula_cell(f"{total_col}{r}", f"SUM(B{r}:{column_letter(len(STATUSES) + 1)}{r})",
                              tally.total, cell))
    compliant, not_applicable = f"B{r}", f"{column_letter(STATUSES.index('not_applicable') + 2)}{r}"
    rate, ref = tally.compliance_rate, f"{column_letter(len(STATUSES) + 3)}{r}"
    applicable = f"({total_col}{r}-{not_applicable})"
    if rate is None:
        cells.append(text_cell(ref, "", pct))
    else:
        formula = f'IF({applicable}=0,"",{compliant}/{applicable})'
        cells.append(formula_cell(ref, formula, round(rate / 100, 6), pct))
    return cells


def _changes_block(checklist: Checklist, labels: Labels, add, first: int, text_cell, head: int,
                   cell: int, level_col: str, change_col: str) -> None:
    """Add the counts of improved, regressed and unchanged requirements by level, as COUNTIFS."""
    markers = {c: _criterion(change_marker(labels, c)) for c in CHANGES}

    def count(ref: str, level: str | None, change: str, value: int, style: int) -> str:
        # A marker such as "= Unchanged" cannot be a criterion: its count is a plain number.
        if markers[change] is None or (level is not None and _criterion(level) is None):
            return number_cell(ref, value, style)
        if level is None:
            return formula_cell(ref, f"COUNTIF({change_col},{markers[change]})", value, style)
        return formula_cell(ref, f"COUNTIFS({level_col},{_criterion(level)},{change_col},"
                                 f"{markers[change]})", value, style)

    titles = [labels["checklist.changes"], *(change_word(labels, c) for c in CHANGES)]
    add([text_cell(f"{column_letter(i)}{first}", t, head) for i, t in enumerate(titles, 1)])
    r = first
    for tally in checklist.summary.by_level:
        r += 1
        level = level_word(labels, tally.name)
        add([text_cell(f"A{r}", level, cell),
             *(count(f"{column_letter(i)}{r}", level, c, tally.changes[c], cell)
               for i, c in enumerate(CHANGES, 2))])
    r += 1
    overall = checklist.summary.overall
    add([text_cell(f"A{r}", labels["common.total"], head),
         *(count(f"{column_letter(i)}{r}", None, c, overall.changes[c], head)
           for i, c in enumerate(CHANGES, 2))])


def workbook(checklist: Checklist, labels: Labels) -> bytes:
    """Return the .xlsx bytes of the checklist (checklist sheet first, then the summary)."""
    styles, strings = Styles(), SharedStrings()
    data_name = sheet_title(labels["checklist.requirements"])
    summary_name = sheet_title(labels["checklist.summary"])


    def sheets() -> Iterator[Sheet]:
        # The summary is made once the checklist's rows are written: shared strings keep their order.
        yield checklist_sheet(checklist, labels, styles, strings, data_name)
        yield summary_sheet(checklist, labels, styles, strings, summary_name, data_name)

    day = checklist.assessment.date or checklist.specification.date
    return workbook_bytes(sheets(), styles, strings, checklist.specification.title,
                          document_time(day))


def render(checklist: Checklist, dest: Path, labels: Labels, dirs: tuple[Path, ...] = ()) -> Path:
    """Return ``dest`` after writing the checklist as an Excel workbook."""
    return atomic_write_bytes(dest, workbook(checklist, labels))
