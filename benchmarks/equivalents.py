"""The same minutes made by the alternatives docgen is measured against.

docxtpl (a template with loops), python-docx's object API (a naive script) and pandoc (from
the Markdown minutes). Each function writes one .docx for a Minutes model.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx

from docgen.model.meeting import Minutes
from docgen.richtext import plain


def build_docxtpl_template(dest: Path) -> Path:
    """Write a docxtpl template holding the minutes' content with loops; return ``dest``."""
    document = docx.Document()
    document.add_heading("{{ meeting.title }}", 0)
    document.add_paragraph("Minutes · {{ meeting.date }} · {{ meeting.start }}–{{ meeting.end }}")
    info = document.add_table(rows=0, cols=2)
    for label, key in (("Project", "project"), ("Location", "location"), ("Chair", "chair"),
                       ("Minute-taker", "minute_taker")):
        row = info.add_row().cells
        row[0].text, row[1].text = label, "{{ meeting." + key + " }}"
    document.add_heading("Attendance", 1)
    _loop_table(document, ["Name", "Role", "Organisation", "Attendance"], "a in attendees",
                ["a.name", "a.role", "a.organisation", "a.attendance"])
    document.add_heading("Review of previous actions", 1)
    _loop_table(document, ["ID", "Action", "Owner", "Due", "Status", "Comment"],
                "a in previous_actions", ["a.id", "a.text", "a.owner", "a.due", "a.status", "a.comment"])
    document.add_heading("Agenda", 1)
    document.add_paragraph("{%p for item in agenda %}")
    document.add_heading("{{ loop.index }}. {{ item.title }}", 2)
    document.add_paragraph("Presenter: {{ item.presenter }} · Duration: {{ item.duration }} min")
    document.add_paragraph("{{ item.notes }}")
    document.add_paragraph("{%p for d in item.decisions %}")
    document.add_paragraph("{{ d.id }} {{ d.text }} ({{ d.approver }})", style="List Bullet")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p endfor %}")
    document.add_heading("Action items", 1)
    _loop_table(document, ["ID", "Action", "Owner", "Due", "Status", "Priority"], "a in actions",
                ["a.id", "a.text", "a.owner", "a.due", "a.status", "a.priority"])
    document.add_heading("Next meeting", 1)
    document.add_paragraph("{{ next_meeting.date }} {{ next_meeting.start }} {{ next_meeting.location }}")
    document.save(str(dest))
    return dest


def _loop_table(document, header: list[str], loop: str, fields: list[str]) -> None:
    table = document.add_table(rows=3, cols=len(header))
    table.style = "Light Grid Accent 1"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
    table.rows[1].cells[0].text = "{%tr for " + loop + " %}"
    for cell, field in zip(table.rows[2].cells, fields):
        cell.text = "{{ " + field + " or '' }}"
    last = table.add_row().cells
    last[0].text = "{%tr endfor %}"


def docxtpl_context(minutes: Minutes) -> dict:
    """Return plain data for the docxtpl template (Markdown flattened to text)."""
    data = minutes.model_dump(mode="json")
    for item in data["agenda"]:
        item["notes"] = plain(item.get("notes"))
    data["actions"] = [a.model_dump(mode="json") for a in minutes.actions]
    return data


def render_docxtpl(template: Path, minutes: Minutes, dest: Path) -> None:
    """Render ``template`` with docxtpl for ``minutes`` into ``dest`` (a fresh parse each time)."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(template))
    tpl.render(docxtpl_context(minutes))
    tpl.save(str(dest))


def render_python_docx(minutes: Minutes, dest: Path) -> None:
    """Write the minutes with python-docx's object API, as a naive script would."""
    m = minutes.meeting
    document = docx.Document()
    document.add_heading(m.title, 0)
    document.add_paragraph(f"Minutes · {m.date} · {m.start}–{m.end}")
    info = document.add_table(rows=0, cols=2)
    for label, value in (("Project", m.project), ("Location", m.location), ("Chair", m.chair),
                         ("Minute-taker", m.minute_taker)):
        row = info.add_row().cells
        row[0].text, row[1].text = label, value or ""
    document.add_heading("Attendance", 1)
    _table(document, ["Name", "Role", "Organisation", "Attendance"],
           [[a.name, a.role, a.organisation, a.attendance] for a in minutes.attendees])
    document.add_heading("Review of previous actions", 1)
    _table(document, ["ID", "Action", "Owner", "Due", "Status", "Comment"],
           [[a.id, a.text, a.owner, a.due, a.status, a.comment] for a in minutes.previous_actions])
    document.add_heading("Agenda", 1)
    for n, item in enumerate(minutes.agenda, 1):
        document.add_heading(f"{n}. {item.title}", 2)
        document.add_paragraph(f"Presenter: {item.presenter} · Duration: {item.duration} min")
        for line in plain(item.notes).splitlines():
            document.add_paragraph(line)
        for d in item.decisions:
            document.add_paragraph(f"{d.id} {d.text} ({d.approver})", style="List Bullet")
    document.add_heading("Action items", 1)
    _table(document, ["ID", "Action", "Owner", "Due", "Status", "Priority"],
           [[a.id, a.text, a.owner, a.due, a.status, a.priority] for a in minutes.actions])
    document.save(str(dest))


def _table(document, header, rows) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Light Grid Accent 1"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values):
            cell.text = "" if value is None else str(value)


def pandoc_path() -> str | None:
    """Return the pandoc binary of pypandoc-binary, or None when it is not installed."""
    try:
        import pypandoc

        return pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        return None


def render_pandoc(pandoc: str, markdown_file: Path, dest: Path) -> None:
    """Convert Markdown minutes to .docx with the pandoc CLI."""
    subprocess.run([pandoc, str(markdown_file), "-o", str(dest)], check=True)
