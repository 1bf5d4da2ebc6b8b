"""iCalendar invitations (.ics, RFC 5545): the meeting of an agenda, or the next meeting of minutes.

Written with the ``icalendar`` package: one VEVENT with the title, start and end in the meeting's
time zone (TZID and a VTIMEZONE), the place, the chair as organiser, every attendee (``mailto:``
when an e-mail is given) and the agenda as description. The bytes are reproducible: the UID is a
hash of the title and the date, DTSTAMP the meeting's date (or ``SOURCE_DATE_EPOCH``). Without a
``meeting.timezone`` the machine's own zone is used, so set it for the same bytes everywhere.
"""

from __future__ import annotations

import hashlib
import os
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar

from docgen import __version__
from docgen.agenda import schedule, total_duration
from docgen.errors import OutputError
from docgen.labels import Labels
from docgen.model.meeting import Attendee, Minutes
from docgen.ooxml.package import document_time
from docgen.output import atomic_write_bytes
from docgen.richtext import plain

PRODID = f"-//docgen//docgen {__version__}//EN"
NO_ADDRESS = "invalid:nomail"  # the calendar address of a person without e-mail (as Thunderbird writes it)


def local_zone_name() -> str:
    """Return the IANA name of the machine's time zone ($TZ, /etc/timezone, /etc/localtime), else "UTC"."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    except OSError:
        pass
    try:
        target = str(Path("/etc/localtime").resolve())
        candidates.append(target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else "")
    except OSError:
        pass
    for name in candidates:
        try:
            if name:
                ZoneInfo(name)
                return name
        except (ValueError, OSError):
            continue
    return "UTC"


def zone_of(minutes: Minutes) -> ZoneInfo:
    """Return the time zone of the meeting: ``meeting.timezone``, else the machine's own."""
    return ZoneInfo(minutes.meeting.timezone or local_zone_name())


def _at(day: date, clock: str | None, zone: ZoneInfo) -> datetime | None:
    """Return ``day`` at ``clock`` (HH:MM) in ``zone``, or None without a clock."""
    if not clock:
        return None
    hours, minutes = clock.split(":")
    return datetime.combine(day, time(int(hours), int(minutes)), tzinfo=zone)


def uid(title: str, day: date) -> str:
    """Return the fixed UID of the meeting ``title`` on ``day`` (a hash of both)."""
    digest = hashlib.sha256(f"{title}\n{day.isoformat()}".encode()).hexdigest()[:32]
    return f"{digest}@docgen"


def _address(person: Attendee | None, name: str) -> icalendar.vCalAddress:
    """Return the calendar address of ``name`` (``mailto:`` its e-mail, else ``invalid:nomail``) with CN."""
    email = person.email if person is not None else None
    address = icalendar.vCalAddress(f"mailto:{email}" if email else NO_ADDRESS)
    address.params["CN"] = icalendar.vText(name)
    return address


def _attendee(person: Attendee, answered: bool) -> icalendar.vCalAddress:
    """Return the ATTENDEE value of ``person``: required participant; declined when ``answered`` says excused/absent."""
    address = _address(person, person.name)
    address.params["ROLE"] = icalendar.vText("REQ-PARTICIPANT")
    address.params["CUTYPE"] = icalendar.vText("INDIVIDUAL")
    declined = answered and person.attendance in ("excused", "absent")
    address.params["PARTSTAT"] = icalendar.vText("DECLINED" if declined else "NEEDS-ACTION")
    return address


def agenda_text(minutes: Minutes, L: Labels) -> str:
    """Return the agenda as plain text: one line per item (start, title, presenter, duration, purpose)."""
    lines = [f"{L['minutes.agenda']}:"]
    for slot in schedule(minutes):
        item = slot.item
        extras = [x for x in (item.presenter,
                              f"{item.duration} {L['minutes.minutes_unit']}" if item.duration else None,
                              L[f"purpose.{item.purpose}"] if item.purpose else None) if x]
        start = f"{slot.start} " if slot.start else ""
        lines.append(f"{slot.number}. {start}{plain(item.title)}" + (f" ({', '.join(extras)})" if extras else ""))
    total = total_duration(minutes)
    if total:
        lines.append(f"{L['agenda.total']}{L['common.colon']}{total} {L['minutes.minutes_unit']}")
    if minutes.documents:
        lines += ["", f"{L['agenda.documents']}:"]
        lines += [f"- {d.title}" + (f" <{d.url}>" if d.url else "") for d in minutes.documents]
    return "\n".join(lines)


def _event(minutes: Minutes, summary: str, day: date, span: tuple[str | None, str | None, int],
           location: str | None, description: str) -> icalendar.Event:
    """Return the VEVENT of the meeting ``summary`` on ``day``; ``span`` is (start, end, length in minutes).

    Without an end, the event lasts ``length`` minutes (the agenda's durations); without a
    start, it is an all-day event.
    """
    zone = zone_of(minutes)
    event = icalendar.Event()
    event.add("uid", uid(summary, day))
    event.add("dtstamp", document_time(minutes.meeting.date).replace(tzinfo=timezone.utc))
    event.add("summary", summary)
    start, end, total = _at(day, span[0], zone), _at(day, span[1], zone), span[2]
    if start is None:
        event.add("dtstart", day)  # a day without a start time: an all-day event
        event.add("dtend", day + timedelta(days=1))
    else:
        event.add("dtstart", start)
        if end is None and total:
            end = start + timedelta(minutes=total)
        if end is not None:
            event.add("dtend", end if end > start else end + timedelta(days=1))
    if location:
        event.add("location", location)
    event.add("description", description)
    _people(event, minutes, answered=day == minutes.meeting.date)
    return event


def _people(event: icalendar.Event, minutes: Minutes, answered: bool) -> None:
    """Add the chair as ORGANIZER (with the e-mail of the attendee of that name) and every ATTENDEE.

    ``answered``: the attendance of the meeting is known (excused and absent people declined).
    """
    chair = minutes.meeting.chair
    if chair:
        person = next((a for a in minutes.attendees if a.name.strip().lower() == chair.strip().lower()), None)
        event.add("organizer", _address(person, chair), encode=False)
    for person in minutes.attendees:
        event.add("attendee", _attendee(person, answered), encode=False)


def calendar_bytes(event: icalendar.Event, day: date) -> bytes:
    """Return the VCALENDAR holding ``event`` on ``day`` (and its zone's VTIMEZONE around that year) as bytes."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add_component(event)
    if hasattr(cal, "add_missing_timezones"):  # icalendar >= 6.1 writes the VTIMEZONE itself
        cal.add_missing_timezones(date(day.year - 1, 1, 1), date(day.year + 2, 1, 1))
    return cal.to_ical()


def render(minutes: Minutes, labels: Labels, dest: Path) -> Path:
    """Write the invitation to the meeting of ``minutes`` (its agenda as description) to ``dest``; return it."""
    m = minutes.meeting
    span = (m.start, m.end, total_duration(minutes))
    event = _event(minutes, m.title, m.date, span, m.location, agenda_text(minutes, labels))
    return atomic_write_bytes(dest, calendar_bytes(event, m.date))


def render_next(minutes: Minutes, labels: Labels, dest: Path) -> Path:
    """Write the invitation to the next meeting of ``minutes`` to ``dest``; return it.

    Raises OutputError when the minutes give no ``next_meeting.date``.
    """
    nxt = minutes.next_meeting
    if nxt is None or nxt.date is None:
        raise OutputError(f"{dest}: the minutes give no next_meeting.date, so there is no next meeting to invite to")
    m = minutes.meeting
    summary = m.series or m.title
    actions = [a for a in minutes.previous_actions + minutes.actions if a.is_open]
    lines = [f"{labels['agenda.open_actions']}:"] + [
        f"- {a.id + ': ' if a.id else ''}{plain(a.text)}" + (f" ({a.owner})" if a.owner else "") for a in actions]
    description = "\n".join(lines) if actions else labels["agenda.no_open_actions"]
    event = _event(minutes, summary, nxt.date, (nxt.start, nxt.end, 0), nxt.location or m.location, description)
    return atomic_write_bytes(dest, calendar_bytes(event, nxt.date))
