"""Markdown action register: the table of actions and a summary by status and by owner."""

from __future__ import annotations

from pathlib import Path

from docgen.actions_register import STATUSES, Register
from docgen.labels import Labels
from docgen.output import atomic_write_text
from docgen.renderers.minutes_text import md_cell
from docgen.safety import neutralise_markdown_links


def status_text(row, L: Labels) -> str:
    """Return the worded status of a register row, with the overdue flag and days."""
    text = L[f"action_status.{row.action.status}"]
    if row.overdue:
        unit = L["common.day"] if row.overdue == 1 else L["common.days"]
        text += f" – **{L['common.overdue']} ({row.overdue} {unit})**"
    return text


def render(register: Register, L: Labels, dest: Path) -> Path:
    """Write the register as Markdown to ``dest`` and return ``dest``."""
    R = "actions_register."
    out = [f"# {L[R + 'kind']}: {register.title}" if register.title else f"# {L[R + 'kind']}", ""]
    if register.as_of:
        out += [f"*{L[R + 'as_of']} {L.format_date(register.as_of)}*", ""]
    if register.meetings:
        out += [f"**{L[R + 'meetings']}**{L['common.colon']}"
                + "; ".join(f"{m.title} ({L.format_date(m.date, short=True)})"
                            for m in register.meetings), ""]
    if not register.rows:
        out += [L[R + "no_actions"]]
        return atomic_write_text(dest, neutralise_markdown_links("\n".join(out) + "\n"))
    head = [L["common.id"], L[R + "text"], L["common.owner"], L["common.due"], L["common.status"],
            L[R + "origin"], L[R + "last"], L[R + "overdue_days"]]
    out += ["| " + " | ".join(head) + " |", "|" + " --- |" * (len(head) - 1) + " ---: |"]
    for row in register.rows:
        a = row.action
        cells = [f"**{md_cell(a.id)}**" if a.id else "", md_cell(a.text), md_cell(a.owner),
                 L.format_date(a.due, short=True) if a.due else "", status_text(row, L),
                 L.format_date(row.origin.date, short=True),
                 L.format_date(row.last.date, short=True), str(row.overdue) if row.overdue else ""]
        out.append("| " + " | ".join(cells) + " |")
    out += ["", f"## {L[R + 'summary']}", "", f"### {L[R + 'by_status']}", "",
            f"| {L['common.status']} | {L[R + 'count']} |", "| --- | ---: |"]
    out += [f"| {L['action_status.' + s]} | {n} |" for s, n in register.by_status.items()]
    out += [f"| **{L[R + 'total']}** | **{len(register.rows)}** |", "",
            f"### {L[R + 'by_owner']}", ""]
    words = [L[f"action_status.{s}"] for s in STATUSES]
    out += ["| " + " | ".join([L["common.owner"], *words, L["common.overdue"], L[R + "total"]])
            + " |", "| --- |" + " ---: |" * (len(STATUSES) + 2)]
    for owner, counts in register.by_owner:
        values = [str(counts[s]) for s in STATUSES] + [str(counts["overdue"]),
                                                        str(sum(counts[s] for s in STATUSES))]
        out.append("| " + " | ".join([md_cell(owner) or L[R + "unassigned"], *values]) + " |")
    return atomic_write_text(dest, neutralise_markdown_links("\n".join(out) + "\n"))
