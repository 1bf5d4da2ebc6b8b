"""The minutes model: a meeting, its attendees, agenda, decisions and actions."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from docgen.model.common import (
    Action,
    Date,
    Language,
    Record,
    Text,
    TextList,
    Time,
    _lower,
)

Attendance = Annotated[Literal["present", "remote", "excused", "absent"], BeforeValidator(_lower)]


class MeetingInfo(Record):
    """The title block of a meeting."""

    title: Text
    series: Text | None = None
    project: Text | None = None
    date: Date
    start: Time | None = None
    end: Time | None = None
    location: Text | None = None
    chair: Text | None = None
    minute_taker: Text | None = None
    facilitator: Text | None = None
    language: Language = "en"


class Attendee(Record):
    """One person invited to the meeting and whether they attended."""

    name: Text
    role: Text | None = None
    organisation: Text | None = None
    attendance: Attendance = "present"
    handle: Text | None = None
    group: Text | None = None


class Decision(Record):
    """A decision taken during the meeting."""

    id: Text | None = None
    text: Text
    approver: Text | None = None


class AgendaItem(Record):
    """One item of the agenda with what was said, decided and assigned under it."""

    title: Text
    presenter: Text | None = None
    duration: Annotated[int, Field(ge=0, le=24 * 60)] | None = None
    notes: Text | None = None
    decisions: list[Decision] = []
    actions: list[Action] = []


class NextMeeting(Record):
    """When and where the next meeting of the series takes place."""

    date: Date | None = None
    start: Time | None = None
    end: Time | None = None
    location: Text | None = None


class Link(Record):
    """A reference listed with the minutes (recording, issue, document)."""

    label: Text
    url: Text


def _document(value: Any) -> Any:
    return {"title": value} if isinstance(value, str) else value


class Document(Record):
    """A document to read before the meeting: a title and an optional address."""

    title: Text
    url: Text | None = None


class Minutes(Record):
    """Everything the minutes of one meeting hold."""

    meeting: MeetingInfo
    attendees: list[Attendee] = []
    distribution: TextList = []
    previous_actions: list[Action] = []
    agenda: list[AgendaItem] = []
    next_meeting: NextMeeting | None = None
    links: list[Link] = []
    notes: Text | None = None
    documents: list[Annotated[Document, BeforeValidator(_document)]] = []
    previous: TextList = []  # earlier minutes of the series, as paths relative to this file

    @property
    def actions(self) -> list[Action]:
        """Return every new action of the meeting, in agenda order."""
        return [action for item in self.agenda for action in item.actions]

    @property
    def decisions(self) -> list[Decision]:
        """Return every decision of the meeting, in agenda order."""
        return [decision for item in self.agenda for decision in item.decisions]
