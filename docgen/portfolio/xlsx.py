"""The portfolio workbook (.xlsx): Projects (a row per project, totals per currency), Milestones, Risks, Decisions.

Amounts are in currency units (not thousands), variance % a fraction shown as a percentage,
dates real dates; the totals rows sit below the filtered rows, one per currency (amounts of
different currencies are never added).
"""

from __future__ import annotations

from pathlib import Path

from docgen.deck.fmt import trend_text
from docgen.model.status import DIMENSIONS
from docgen.ooxml.drawingml.palette import OVERRUN_HEX as OVERRUN
from docgen.ooxml.package import document_time
from docgen.ooxml.xlsx_writer import SharedStrings, Styles, workbook_bytes
from docgen.output import atomic_write_bytes
from docgen.portfolio.collect import Collection
from docgen.portfolio.summary import Portfolio, Row
from docgen.portfolio.words import Words
from docgen.portfolio.xlsx_sheet import TableSheet, Value


def project_headers(w: Words) -> list[str]:
    """Return the headers of the Projects sheet, in column order."""
    return ([w("code"), w("project"), w("manager"), w("phase"), w("report_date"), w("overall"), w("trend")]
            + [w.dimension(d) for d in DIMENSIONS]
            + [w("currency"), w("budget"), w("actual"), w("forecast"), w("variance"), w("variance_pct"),
               w("spi"), w("cpi"), w("next_milestone"), w("next_forecast"), w("next_slip"), w("high_risks"),
               w("decisions"), w("flags")])


def _rag(w: Words, rag: str | None, rule: str | None = None) -> Value:
    if not rag:
        return Value(None, "rag")
    text = w.rag(rag) + (f" ({w('rule_says', rag=w.rag(rule))})" if rule else "")
    return Value((rag, text), "rag")


def _project_row(w: Words, row: Row) -> list[object]:
    ruled = {f.dimension: f.suggested.rag for f in row.flags}
    nxt = row.next_milestone
    slip = nxt.slip_days if nxt else None
    values: list[object] = [Value(row.code, bold=True), row.name, row.manager, row.phase,
                            Value(row.report_date, "date"), _rag(w, row.overall),
                            trend_text(w.labels, row.trend)]
    for d in DIMENSIONS:
        dim = row.dims[d]
        values.append(_rag(w, dim[0] if dim else None, ruled.get(d)))
    over = row.variance is not None and row.variance > 0
    values += [row.currency, Value(row.budget, "amount"), Value(row.actual, "amount"),
               Value(row.forecast, "amount"), Value(row.variance, "amount", color=OVERRUN if over else None),
               Value(None if row.variance_pct is None else row.variance_pct / 100, "pct"),
               Value(row.spi, "index"), Value(row.cpi, "index"),
               nxt.name if nxt else "", Value(nxt.forecast if nxt else None, "date"),
               Value(slip, "int", bold=bool(slip and slip > 0), color=OVERRUN if slip and slip > 0 else None),
               Value(row.high_risks, "int"), Value(row.decisions, "int"),
               Value("\n".join(w.flag_text(f) for f in row.flags), color=OVERRUN)]
    return values


def _projects(w: Words, portfolio: Portfolio, styles: Styles, strings: SharedStrings) -> TableSheet:
    widths = [10, 34, 18, 10, 12, 10, 13] + [11] * 6 + [9, 13, 13, 13, 12, 10, 7, 7, 28, 12, 10, 10, 10, 60]
    table = TableSheet(w("sheet.projects"), project_headers(w), widths, styles, strings)
    for row in portfolio.rows:
        table.add(_project_row(w, row))
    if portfolio.totals:
        table.gap()
    for t in portfolio.totals:
        pct = t.variance / t.budget if t.budget else None
        table.add([w("total", currency=t.currency), w.projects(len(t.rows))] + [None] * 11
                  + [t.currency, Value(t.budget, "amount"), Value(t.actual, "amount"), Value(t.forecast, "amount"),
                     Value(t.variance, "amount"), Value(pct, "pct")] + [None] * 8, total=True)
    return table


def _milestones(w: Words, collection: Collection, order: dict[str, int], styles: Styles,
                strings: SharedStrings) -> TableSheet:
    headers = [w("project"), w("id"), w("milestone"), w("baseline"), w("forecast"), w("actual"), w("slip"),
               w("status")]
    table = TableSheet(w("sheet.milestones"), headers, [10, 8, 40, 12, 12, 12, 10, 12], styles, strings)
    for project in sorted(collection.projects, key=lambda p: order[p.key]):
        code = project.status.project.code or project.status.project.name
        for m in project.status.milestones:
            slip = m.slip_days
            table.add([Value(code, bold=True), m.id or "", m.name, Value(m.baseline, "date"),
                       Value(m.forecast, "date"), Value(m.actual, "date"),
                       Value(slip, "int", color=OVERRUN if slip and slip > 0 else None),
                       w.labels.get(f"deck.milestone_status.{m.status}", "") if m.status else ""])
    return table


def _risks(w: Words, collection: Collection, order: dict[str, int], styles: Styles,
           strings: SharedStrings) -> TableSheet:
    headers = [w("project"), w("id"), w("risk"), "P", "I", w("score"), w("owner"), w("status"),
               w.labels.get("deck.mitigation", "Mitigation")]
    table = TableSheet(w("sheet.risks"), headers, [10, 16, 44, 5, 5, 8, 18, 10, 44], styles, strings)
    for project in sorted(collection.projects, key=lambda p: order[p.key]):
        code = project.status.project.code or project.status.project.name
        for n, r in enumerate(sorted(project.status.risks, key=lambda r: -r.score), 1):
            high = r.status == "open" and r.score >= 12
            table.add([Value(code, bold=True), f"{code}/{r.id or f'#{n}'}", r.title, Value(r.probability, "int"),
                       Value(r.impact, "int"), Value(r.score, "int", bold=high, color=OVERRUN if high else None),
                       r.owner or "", w.labels.get(f"deck.risk_status.{r.status}", r.status), r.mitigation or ""])
    return table


def _decisions(w: Words, portfolio: Portfolio, styles: Styles, strings: SharedStrings) -> TableSheet:
    headers = [w("project"), w("id"), w("decision"), w("recommendation"), w("deadline"), w("days_left")]
    table = TableSheet(w("sheet.decisions"), headers, [10, 8, 46, 34, 12, 10], styles, strings)
    for asked in portfolio.decisions:
        d = asked.decision
        left = (d.deadline - portfolio.as_of).days if d.deadline else None
        late = left is not None and left < 0
        table.add([Value(asked.row.code or asked.row.name, bold=True), d.id or "", d.title, d.recommendation or "",
                   Value(d.deadline, "date"), Value(left, "int", bold=late, color=OVERRUN if late else None)])
    return table


def workbook(portfolio: Portfolio, collection: Collection, w: Words) -> bytes:
    """Return the portfolio workbook's bytes (reproducible: times from the as-of date)."""
    styles, strings = Styles(), SharedStrings()
    order = {row.key: index for index, row in enumerate(portfolio.rows)}
    tables = [_projects(w, portfolio, styles, strings), _milestones(w, collection, order, styles, strings),
              _risks(w, collection, order, styles, strings), _decisions(w, portfolio, styles, strings)]
    return workbook_bytes([t.sheet() for t in tables], styles, strings, w("title"), document_time(portfolio.as_of))


def write_workbook(portfolio: Portfolio, collection: Collection, w: Words, dest: Path) -> Path:
    """Write the portfolio workbook to ``dest`` atomically and return ``dest``."""
    return atomic_write_bytes(dest, workbook(portfolio, collection, w))
