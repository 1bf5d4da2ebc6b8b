"""Word minutes from a PMO's docxtpl-style template (``docgen minutes --template my.docx``)."""

from __future__ import annotations

from pathlib import Path

from docgen.labels import Labels
from docgen.model.meeting import Minutes
from docgen.ooxml.package import document_time
from docgen.renderers import docx_template, minutes_text
from docgen.renderers.palette import ACTION_STATUS_FILL, OVERDUE_FILL


def helpers(minutes: Minutes, labels: Labels) -> dict:
    """Return the helpers Word templates get on top of the text templates' context."""

    def status_word(status: str) -> str:
        """Return an action status in the document's language ("In progress")."""
        return labels[f"action_status.{status}"]

    def status_colour(action) -> str:
        """Return the cell colour of an action: overdue orange, else its status fill (for {% cellbg %})."""
        if action.overdue_days(minutes.meeting.date):
            return OVERDUE_FILL
        return ACTION_STATUS_FILL.get(action.status, "FFFFFF")

    def attendance_word(attendance: str) -> str:
        """Return an attendance in the document's language ("Excused")."""
        return labels[f"attendance.{attendance}"]

    return {"status_word": status_word, "status_colour": status_colour,
            "attendance_word": attendance_word, "rag_colour": docx_template.rag_colour}


def context(minutes: Minutes, labels: Labels) -> dict:
    """Return the context of a Word minutes template: the text templates' context plus helpers."""
    ctx = minutes_text.context(minutes, labels)
    ctx.update(helpers(minutes, labels))
    return ctx


def render(minutes: Minutes, labels: Labels, template: Path, dest: Path) -> Path:
    """Write the minutes through the Word template ``template`` to ``dest``; return ``dest``."""
    return docx_template.render(template, context(minutes, labels), dest,
                                document_time(minutes.meeting.date))
