"""Formatting of amounts, indices and statuses for the deck, per language and currency.

Amounts are shown in thousands with one style per language: English puts the symbol first
("€1,234k", "-€12k"), French after with spaces ("1 234 k€", "-12 k€"). Currencies without a
symbol use their ISO code ("CHF 1,234k" / "1 234 kCHF").
"""

from __future__ import annotations

from docgen.labels import Labels

SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥"}
NBSP = "\u00a0"


def decimals_for(amounts: list[float]) -> int:
    """Return the decimals to show every amount of a table in thousands (0, or 1 for small sums)."""
    biggest = max((abs(a) for a in amounts), default=0)
    return 0 if biggest >= 100_000 else 1


def money(amount: float, currency: str, language: str, decimals: int = 0,
          signed: bool = False) -> str:
    """Return ``amount`` in thousands of ``currency`` written the ``language`` way."""
    value = amount / 1000
    if decimals == 0 and 0 < abs(value) < 0.5:
        decimals = 1  # a small non-zero amount must not read as zero
    sign = "-" if value < 0 and round(abs(value), decimals) > 0 else ("+" if signed and value > 0 else "")
    digits = f"{abs(value):,.{decimals}f}"
    symbol = SYMBOLS.get(currency, currency)
    if language == "fr":
        digits = digits.replace(",", NBSP).replace(".", ",")
        return f"{sign}{digits}{NBSP}k{symbol}"
    if symbol == currency:
        return f"{sign}{symbol}{NBSP}{digits}k"
    return f"{sign}{symbol}{digits}k"


def unit(currency: str, language: str) -> str:
    """Return the unit label of amounts in thousands ("k€", "kCHF")."""
    return "k" + SYMBOLS.get(currency, currency)


def number(value: float, language: str, decimals: int = 2) -> str:
    """Return a plain number with the language's decimal separator."""
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if language == "fr" else text


def rag_word(labels: Labels, rag: str | None) -> str:
    """Return the RAG word ("Amber", "Orange") of ``rag``, or "" when none."""
    return labels.get(f"deck.rag.{rag}", rag or "") if rag else ""


def trend_text(labels: Labels, trend: str | None) -> str:
    """Return an arrow and word for ``trend`` ("↑ Improving"), or "" when none."""
    if not trend:
        return ""
    arrow = {"up": "↑", "stable": "→", "down": "↓"}[trend]
    return f"{arrow} {labels.get(f'deck.trend.{trend}', trend)}"


def percent(value: float | None, language: str) -> str:
    """Return a percentage ("70 %" in French, "70%" in English)."""
    if value is None:
        return ""
    text = f"{value:.0f}" if float(value).is_integer() else number(value, language, 1)
    return f"{text}{NBSP}%" if language == "fr" else f"{text}%"
