"""The minutes model: a meeting, its attendees, agenda, decisions and actions."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

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
Purpose = Annotated[Literal["decision", "information", "discussion"], BeforeValidator(_lower)]
MinutesStatus = Annotated[Literal["draft", "approved"], BeforeValidator(_lower)]
_EMAIL = re.compile(r"^[^@\s<>\"',;:()]+@[^@\s<>\"',;:()]+\.[^@\s<>\"',;:().]+$")


def _email(value: str) -> str:
    """Return the e-mail address ``value`` without a ``mailto:`` prefix; raise ValueError when it is not one."""
    address = value.strip().removeprefix("mailto:")
    if not _EMAIL.match(address):
        raise ValueError(f"'{value}' is not an e-mail address (expected name@example.com)")
    return address


def _time_zone(value: str) -> str:
    """Return the IANA time zone name ``value``; raise ValueError when zoneinfo does not know it."""
    name = value.strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError(f"'{value}' is not a known time zone (expected an IANA name, e.g. Europe/Paris)") from None
    return name


Email = Annotated[Text, AfterValidator(_email), WithJsonSchema({"type": "string", "examples": ["claire@example.com"]})]
TimeZone = Annotated[Text, AfterValidator(_time_zone),
                     WithJsonSchema({"type": "string", "examples": ["Europe/Paris"]})]


class MeetingInfo(Record):
    """The title block of a meeting."""

    title: Text = Field(description="Title of the meeting, e.g. 'HRIS Steering Committee n°7'.")
    series: Text | None = Field(None, description="Series of the meeting; meetings of one series share actions.")
    project: Text | None = Field(None, description="Project name, shown in the footer.")
    date: Date = Field(description="Date of the meeting (YYYY-MM-DD).")
    start: Time | None = Field(None, description="Start time, HH:MM (quotes optional).")
    end: Time | None = Field(None, description="End time, HH:MM.")
    location: Text | None = Field(None, description="Room, site or video link.")
    chair: Text | None = Field(None, description="Who chairs the meeting.")
    minute_taker: Text | None = Field(None, description="Who writes the minutes.")
    facilitator: Text | None = Field(None, description="Who facilitates the meeting, when not the chair.")
    language: Language = Field("en", description="en or fr: labels and date format of the outputs.")
    timezone: TimeZone | None = Field(
        None, description="IANA time zone of start and end, e.g. Europe/Paris (invitations); default the machine's.")
    status: MinutesStatus | None = Field(
        None, description="draft or approved: draft minutes carry a DRAFT watermark and a document-control table.")
    version: Text | None = Field(None, description="Version of the minutes, e.g. 0.2 (document-control table).")
    approved_by: Text | None = Field(None, description="Who approved the minutes (`docgen minutes --approve --by`).")
    approved_on: Date | None = Field(None, description="When the minutes were approved (YYYY-MM-DD).")


class Attendee(Record):
    """One person invited to the meeting and whether they attended."""

    name: Text = Field(description="Full name.")
    role: Text | None = Field(None, description="Role in the project or meeting.")
    organisation: Text | None = Field(None, description="Company or department.")
    attendance: Attendance = Field("present", description="present, remote, excused or absent.")
    handle: Text | None = Field(None, description="Chat or code-hosting handle, e.g. @claire.")
    group: Text | None = Field(None, description="Group the person attends for (members, observers...).")
    email: Email | None = Field(None, description="E-mail address, written in the .ics invitation.")


class Decision(Record):
    """A decision taken during the meeting."""

    id: Text | None = Field(None, description="Identifier, e.g. D-021.")
    text: Text = Field(description="What was decided (Markdown).")
    approver: Text | None = Field(None, description="Who approved it.")


class AgendaItem(Record):
    """One item of the agenda with what was said, decided and assigned under it."""

    title: Text = Field(description="Title of the agenda item.")
    presenter: Text | None = Field(None, description="Who presents the item.")
    duration: Annotated[int, Field(ge=0, le=24 * 60)] | None = Field(None, description="Planned length in minutes.")
    purpose: Purpose | None = Field(None, description="decision, information or discussion: why the item is there.")
    notes: Text | None = Field(None, description="What was said (Markdown).")
    decisions: list[Decision] = Field([], description="Decisions taken under this item.")
    actions: list[Action] = Field([], description="Actions agreed under this item.")


class NextMeeting(Record):
    """When and where the next meeting of the series takes place."""

    date: Date | None = Field(None, description="Date of the next meeting (YYYY-MM-DD).")
    start: Time | None = Field(None, description="Start time, HH:MM.")
    end: Time | None = Field(None, description="End time, HH:MM.")
    location: Text | None = Field(None, description="Room, site or video link.")


class Link(Record):
    """A reference listed with the minutes (recording, issue, document)."""

    label: Text = Field(description="Text of the link.")
    url: Text = Field(description="Address (http, https or mailto).")


def _document(value: Any) -> Any:
    return {"title": value} if isinstance(value, str) else value


class Document(Record):
    """A document to read before the meeting: a title and an optional address."""

    title: Text = Field(description="Title of the document.")
    url: Text | None = Field(None, description="Where to find it.")


class Minutes(Record):
    """Everything the minutes of one meeting hold."""

    meeting: MeetingInfo = Field(description="The title block: title, date, time, place, chair.")
    attendees: list[Attendee] = Field([], description="Who was invited and whether they attended (at least one).")
    distribution: TextList = Field([], description="Who receives the minutes besides the attendees.")
    previous_actions: list[Action] = Field([], description="Actions of earlier meetings reviewed in this one.")
    agenda: list[AgendaItem] = Field([], description="The agenda items (at least one).")
    next_meeting: NextMeeting | None = Field(None, description="When and where the next meeting takes place.")
    links: list[Link] = Field([], description="References listed with the minutes (recording, issues).")
    notes: Text | None = Field(None, description="Free notes outside the agenda (Markdown).")
    documents: list[Annotated[Document, BeforeValidator(_document)]] = Field(
        [], description="Documents to read before the meeting: {title, url} or a plain title.")
    previous: TextList = Field(
        [], description="Earlier minutes of the series whose open actions carry over (paths relative to this file).")

    @property
    def actions(self) -> list[Action]:
        """Return every new action of the meeting, in agenda order."""
        return [action for item in self.agenda for action in item.actions]

    @property
    def decisions(self) -> list[Decision]:
        """Return every decision of the meeting, in agenda order."""
        return [decision for item in self.agenda for decision in item.decisions]
