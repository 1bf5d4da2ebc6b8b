"""The portfolio as Markdown: dashboard, rule flags, budget per currency, slips, top risks and decisions as tables."""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path

from docgen.deck.fmt import money, number, trend_text
from docgen.model.status import DIMENSIONS
from docgen.output import atomic_write_text
from docgen.portfolio.summary import Portfolio
from docgen.portfolio.words import Words


def _cell(text: object) -> str:
    """Return ``text`` safe inside a Markdown table cell (pipes and raw HTML escaped, lines joined)."""
    return re.sub(r"[ \t\r\n]+", " ", str(text)).strip().replace("|", "\\|").replace("<", "&lt;")


def table(headers: list[str], rows: Sequence[Sequence[object]], right: AbstractSet[int] = frozenset()) -> str:
    """Return a Markdown table (columns in ``right`` aligned right)."""
    rule = ["---:" if i in right else "---" for i in range(len(headers))]
    lines = [headers, rule, *[[_cell(c) for c in row] for row in rows]]
    return "\n".join("| " + " | ".join(line) + " |" for line in lines)


def markdown(portfolio: Portfolio, w: Words) -> str:
    """Return the portfolio as a Markdown document."""
    lang = w.language
    date_text = w.labels.format_date(portfolio.as_of)
    out = [f"# {w('title')}", "", w("subtitle", projects=w.projects(len(portfolio.rows)), date=date_text), ""]
    out += [f"## {w('titles.dashboard')}", ""]
    rows = []
    for row in portfolio.rows:
        ruled = {f.dimension: f.suggested.rag for f in row.flags}
        dims = []
        for d in DIMENSIONS:
            dim = row.dims[d]
            text = w.rag(dim[0]) if dim else ""
            dims.append(text + (f" ({w('rule_says', rag=w.rag(ruled[d]))})" if d in ruled else ""))
        rows.append([row.code, row.name, row.manager, row.phase, w.rag(row.overall).upper(),
                     trend_text(w.labels, row.trend), *dims])
    out += [table([w("code"), w("project"), w("manager"), w("phase"), w("overall"), w("trend"),
                   *[w.dimension(d) for d in DIMENSIONS]], rows), ""]
    flags = [[row.code or row.name, w.flag_text(f)] for row in portfolio.rows for f in row.flags]
    if flags:
        out += [f"## {w('titles.flags')}", "", table([w("project"), w("flag")], flags), ""]
    for t in portfolio.totals:
        out += [f"## {w('titles.budget', currency=t.currency)}", ""]
        body = [[r.code or r.name, *[money(x, t.currency, lang) for x in r.amounts],
                 money(r.amounts[2] - r.amounts[0], t.currency, lang, signed=True),
                 "" if r.spi is None else number(r.spi, lang), "" if r.cpi is None else number(r.cpi, lang)]
                for r in t.rows]
        body.append([f"**{w('total', currency=t.currency)}**",
                     *[f"**{money(x, t.currency, lang)}**" for x in (t.budget, t.actual, t.forecast)],
                     f"**{money(t.variance, t.currency, lang, signed=True)}**", "", ""])
        out += [table([w("project"), w("budget"), w("actual"), w("forecast"), w("variance"), w("spi"), w("cpi")],
                      body, {1, 2, 3, 4, 5, 6}), ""]
    out += [f"## {w('titles.slips')}", ""]
    out += [table([w("project"), w("milestone"), w("baseline"), w("forecast"), w("slip")],
                  [[s.row.code or s.row.name, s.milestone.name, w.day(s.milestone.baseline),
                    w.day(s.milestone.forecast), f"+{s.days}"] for s in portfolio.slips], {4})
            if portfolio.slips else w("none_slipping"), ""]
    if portfolio.risks:
        out += [f"## {w('titles.risks')}", ""]
        out += [table([w("id"), w("risk"), "P", "I", w("score"), w("owner")],
                      [[t.qualified_id, t.risk.title, t.risk.probability, t.risk.impact, t.risk.score,
                        t.risk.owner or ""] for t in portfolio.risks], {2, 3, 4}), ""]
    out += [f"## {w('titles.decisions')}", ""]
    out += [table([w("project"), w("id"), w("decision"), w("recommendation"), w("deadline"), w("days_left")],
                  [[a.row.code or a.row.name, a.decision.id or "", a.decision.title, a.decision.recommendation or "",
                    w.day(a.decision.deadline),
                    "" if a.decision.deadline is None else (a.decision.deadline - portfolio.as_of).days]
                   for a in portfolio.decisions], {5})
            if portfolio.decisions else w("none_asked"), ""]
    return "\n".join(out)


def write_markdown(portfolio: Portfolio, w: Words, dest: Path) -> Path:
    """Write the portfolio as Markdown to ``dest`` atomically and return ``dest``."""
    return atomic_write_text(dest, markdown(portfolio, w))
