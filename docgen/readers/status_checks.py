"""Warnings about a project status that validation cannot give: the input is valid but likely wrong.

They are read from the raw Source (before the model), so each names the file and the line.
"""

from __future__ import annotations

from docgen.errors import Problem
from docgen.readers.source import Source
from docgen.readers.yaml_source import source_warnings

AMOUNT_KEYS = ("budget", "actual", "forecast")
THOUSAND = 1000


def status_warnings(source: Source) -> list[Problem]:
    """Return every warning about the status ``source``: the YAML reader's, then the budget's."""
    return source_warnings(source) + budget_in_thousands(source)


def _amounts(budget: object) -> list[float] | None:
    """Return the amounts of every budget line, or None when the lines are not all numbers."""
    lines = budget.get("lines") if isinstance(budget, dict) else budget
    if not isinstance(lines, list):
        return None
    amounts: list[float] = []
    for line in lines:
        if not isinstance(line, dict):
            return None
        for key in AMOUNT_KEYS:
            value = line.get(key)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return None  # validation reports it; no guess about its unit
            amounts.append(abs(value))
    return amounts


def budget_in_thousands(source: Source) -> list[Problem]:
    """Return one warning when every budget amount is under 1,000 (likely written in thousands), else none.

    Amounts are in currency units and the deck shows them in thousands, so ``budget: 250`` meant
    as €250k prints as €0.3k. All-zero budgets (nothing spent or planned yet) give no warning.
    """
    data = source.data if isinstance(source.data, dict) else {}
    amounts = _amounts(data.get("budget"))
    if not amounts or not 0 < max(amounts) < THOUSAND:
        return []
    project = data.get("project")
    if not isinstance(project, dict):
        project = {}
    currency = str(project.get("currency") or "EUR").strip().upper()
    example = max(amounts) if max(amounts) >= 1 and float(max(amounts)).is_integer() else 250
    message = (f"amounts are in currency units ({currency}), not thousands: every budget line is under "
               f"1,000 (write {int(example * THOUSAND)} for {_thousands(example, currency)})")
    return [Problem(str(source.path), message, source.line_of("budget"), "budget")]


_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£"}


def _thousands(amount: float, currency: str) -> str:
    """Return ``amount`` thousands as the deck prints them in English: €431k, CHF 431k."""
    symbol = _SYMBOLS.get(currency)
    figure = f"{amount:,.0f}k"
    return f"{symbol}{figure}" if symbol else f"{currency} {figure}"
