"""The changes since the previous period as labelled rows, shared by the slide and the reports."""

from __future__ import annotations

from dataclasses import dataclass

from docgen.deck.changes import Changes
from docgen.deck.fmt import decimals_for, money, rag_word
from docgen.labels import Labels

NO_VALUE = "–"


@dataclass(frozen=True)
class ChangeRow:
    """One change: its group ("New risks"), the item, what changed, and whether it is better."""

    group: str
    item: str
    change: str
    better: bool


def since(changes: Changes, labels: Labels) -> str:
    """Return the previous period's name ("October 2026"), else its report date written out."""
    return changes.since_period or labels.format_date(changes.since_date)


def title(changes: Changes, labels: Labels) -> str:
    """Return the section title "Changes since October 2026"."""
    return labels["deck.changes.title"].format(period=since(changes, labels))


def none_text(changes: Changes, labels: Labels) -> str:
    """Return the line shown when nothing changed: "No change since October 2026"."""
    return labels["deck.changes.none"].format(period=since(changes, labels))


def effect(labels: Labels, better: bool) -> str:
    """Return the arrow and word of a change's effect ("↑ Better" / "↓ Worse")."""
    return labels["deck.changes.better" if better else "deck.changes.worse"]


def _name(item_id: str | None, name: str) -> str:
    return f"{item_id} — {name}" if item_id else name


def _days(labels: Labels, days: int) -> str:
    key = "deck.changes.day" if abs(days) == 1 else "deck.changes.days"
    return labels[key].format(days=f"{days:+d}")


def rows(changes: Changes, labels: Labels, currency: str = "EUR") -> list[ChangeRow]:
    """Return every change as a row, grouped: RAG, risks, milestones, budget, issues."""
    L, lang = labels, labels.language
    group = {key: L[f"deck.changes.{key}"] for key in (
        "rag", "new_risks", "closed_risks", "score_changed", "slipped", "improved", "budget",
        "opened_issues", "resolved_issues")}
    out = [ChangeRow(group["rag"], L["deck.overall"] if c.name == "overall"
                     else L[f"deck.dimension_names.{c.name}"],
                     f"{rag_word(L, c.before)} → {rag_word(L, c.after)}", c.better)
           for c in changes.rag]
    score = L["deck.changes.score"]
    out += [ChangeRow(group["new_risks"], _name(r.id, r.title), score.format(score=r.score), False)
            for r in changes.new_risks]
    out += [ChangeRow(group["closed_risks"], _name(r.id, r.title),
                      L["deck.changes.gone" if gone else "deck.risk_status.closed"], True)
            for r, gone in changes.closed_risks]
    out += [ChangeRow(group["score_changed"], _name(c.risk.id, c.risk.title),
                      f"{c.before} → {c.after}", c.after < c.before) for c in changes.scores]
    for key, moves in (("slipped", changes.slipped), ("improved", changes.improved)):
        out += [ChangeRow(group[key], _name(m.milestone.id, m.milestone.name),
                          f"{L.format_date(m.before, short=True)} → "
                          f"{L.format_date(m.after, short=True)} ({_days(L, m.days)})",
                          m.days < 0) for m in moves]
    amounts = [a for b in changes.budget for a in (b.before, b.after) if a is not None]
    places = decimals_for(amounts)

    def amount(value: float | None) -> str:
        return NO_VALUE if value is None else money(value, currency, lang, places)

    out += [ChangeRow(group["budget"], b.category or L["deck.total"],
                      f"{amount(b.before)} → {amount(b.after)} "
                      f"({money(b.delta, currency, lang, places, signed=True)})", b.delta < 0)
            for b in changes.budget]
    out += [ChangeRow(group["opened_issues"], _name(i.id, i.title),
                      L[f"deck.severity_names.{i.severity}"] if i.severity
                      else L[f"deck.issue_status.{i.status}"], False)
            for i in changes.opened_issues]
    out += [ChangeRow(group["resolved_issues"], _name(i.id, i.title),
                      L["deck.changes.gone" if gone else "deck.issue_status.resolved"], True)
            for i, gone in changes.resolved_issues]
    return out


def grouped(changes: Changes, labels: Labels, currency: str = "EUR") -> list[dict]:
    """Return the rows as groups [{"title", "items": [{"item", "change", "effect", "better"}]}]."""
    groups: list[dict] = []
    for row in rows(changes, labels, currency):
        if not groups or groups[-1]["title"] != row.group:
            groups.append({"title": row.group, "items": []})
        groups[-1]["items"].append({"item": row.item, "change": row.change,
                                    "effect": effect(labels, row.better), "better": row.better})
    return groups
