"""The .ics invitations: `docgen agenda -o invite.ics` and the next meeting of `docgen minutes -o next.ics`.

Each file is read back with the icalendar package's own parser (RFC 5545): every attendee is
there, the times are right in the meeting's zone, the bytes do not change between runs.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

MEETING = """\
meeting:
  title: Steering committee n°3
  series: Steering committee
  date: 2026-03-30
  start: "09:30"
  location: https://meet.example.com/copil
  chair: Claire Martin
  timezone: America/New_York
attendees:
  - {name: Claire Martin, email: claire@example.com}
  - {name: Hugo Bernard, role: PMO, email: "mailto:hugo@example.com"}
  - {name: Inès Dupont, attendance: excused}
agenda:
  - {title: Go/no-go, presenter: Hugo Bernard, duration: 20, purpose: decision}
  - {title: "Budget, *forecast*", duration: 10, purpose: information}
next_meeting: {date: 2026-04-27, start: "10:00", end: "11:00", location: Room 4.02}
"""


@pytest.fixture
def meeting(tmp_path):
    path = tmp_path / "meeting.yaml"
    path.write_text(MEETING, encoding="utf-8")
    return path


def event_of(path):
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    return calendar, events[0]


def test_agenda_invitation_holds_every_attendee_and_the_zone(invoke, meeting, tmp_path):
    dest = tmp_path / "invite.ics"
    result = invoke("agenda", meeting, "--no-previous", "-o", dest)
    assert result.exit_code == 0, result.output
    calendar, event = event_of(dest)
    assert str(event["SUMMARY"]) == "Steering committee n°3"
    zone = ZoneInfo("America/New_York")
    assert event.decoded("DTSTART") == datetime(2026, 3, 30, 9, 30, tzinfo=zone)
    assert event.decoded("DTEND") == datetime(2026, 3, 30, 10, 0, tzinfo=zone)  # start + 30 min of agenda
    assert event["DTSTART"].params["TZID"] == "America/New_York"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    assert str(event["LOCATION"]) == "https://meet.example.com/copil"
    attendees = {a.params["CN"]: (str(a), a.params["PARTSTAT"]) for a in event["ATTENDEE"]}
    assert attendees == {"Claire Martin": ("mailto:claire@example.com", "NEEDS-ACTION"),
                         "Hugo Bernard": ("mailto:hugo@example.com", "NEEDS-ACTION"),
                         "Inès Dupont": ("invalid:nomail", "DECLINED")}
    assert str(event["ORGANIZER"]) == "mailto:claire@example.com"
    assert event["ORGANIZER"].params["CN"] == "Claire Martin"
    description = str(event["DESCRIPTION"])
    assert "1. 09:30 Go/no-go (Hugo Bernard, 20 min, Decision)" in description
    assert "2. 09:50 Budget, forecast (10 min, Information)" in description
    assert event.decoded("DTSTAMP") == datetime(2026, 3, 30, tzinfo=ZoneInfo("UTC"))


def test_invitation_bytes_are_reproducible(invoke, meeting, tmp_path):
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    invoke("agenda", meeting, "--no-previous", "-o", first)
    invoke("agenda", meeting, "--no-previous", "-o", second)
    assert first.read_bytes() == second.read_bytes()
    assert b"\r\n" in first.read_bytes()  # RFC 5545 line ends
    assert str(event_of(first)[1]["UID"]).endswith("@docgen")


def test_next_meeting_invitation_of_minutes(invoke, meeting, tmp_path):
    dest = tmp_path / "next.ics"
    result = invoke("minutes", meeting, "--no-previous", "-o", dest)
    assert result.exit_code == 0, result.output
    _, event = event_of(dest)
    zone = ZoneInfo("America/New_York")
    assert str(event["SUMMARY"]) == "Steering committee"
    assert event.decoded("DTSTART") == datetime(2026, 4, 27, 10, 0, tzinfo=zone)
    assert event.decoded("DTEND") == datetime(2026, 4, 27, 11, 0, tzinfo=zone)
    assert str(event["LOCATION"]) == "Room 4.02"
    assert {a.params["CN"] for a in event["ATTENDEE"]} == {"Claire Martin", "Hugo Bernard", "Inès Dupont"}
    assert {a.params["PARTSTAT"] for a in event["ATTENDEE"]} == {"NEEDS-ACTION"}  # next time everyone is invited


def test_minutes_without_next_meeting_give_no_ics(invoke, tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(MEETING.split("next_meeting")[0], encoding="utf-8")
    dest = tmp_path / "next.ics"
    result = invoke("minutes", path, "--no-previous", "-o", dest, "-o", tmp_path / "m.md")
    assert result.exit_code == 2
    assert "next_meeting.date" in result.output
    assert not dest.exists() and not (tmp_path / "m.md").exists()


def test_without_timezone_the_machine_zone_is_used(invoke, tmp_path, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    path = tmp_path / "m.yaml"
    path.write_text(MEETING.replace("  timezone: America/New_York\n", ""), encoding="utf-8")
    dest = tmp_path / "invite.ics"
    assert invoke("agenda", path, "--no-previous", "-o", dest).exit_code == 0
    _, event = event_of(dest)
    assert event["DTSTART"].params["TZID"] == "Asia/Tokyo"
    assert event.decoded("DTSTART") == datetime(2026, 3, 30, 9, 30, tzinfo=ZoneInfo("Asia/Tokyo"))


def test_without_start_time_the_invitation_is_all_day(invoke, tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(MEETING.replace('  start: "09:30"\n', ""), encoding="utf-8")
    dest = tmp_path / "invite.ics"
    assert invoke("agenda", path, "--no-previous", "-o", dest).exit_code == 0
    _, event = event_of(dest)
    assert str(event.decoded("DTSTART")) == "2026-03-30" and str(event.decoded("DTEND")) == "2026-03-31"


@pytest.mark.parametrize("line, replacement, message", [
    ("  timezone: America/New_York", "  timezone: Mars/Olympus",
     ":8: meeting.timezone: 'Mars/Olympus' is not a known time zone"),
    ("{name: Claire Martin, email: claire@example.com}", "{name: Claire Martin, email: claire.example.com}",
     ":10: attendees[0].email: 'claire.example.com' is not an e-mail address"),
    ("purpose: decision", "purpose: vote", ":14: agenda[0].purpose: 'vote' is not one of decision, information"),
])
def test_bad_keys_are_one_line_exit_2_nothing_written(invoke, tmp_path, line, replacement, message):
    path = tmp_path / "m.yaml"
    path.write_text(MEETING.replace(line, replacement), encoding="utf-8")
    dest = tmp_path / "invite.ics"
    result = invoke("agenda", path, "--no-previous", "-o", dest)
    assert result.exit_code == 2
    errors = [x for x in result.output.splitlines() if x.startswith("error:")]
    assert len(errors) == 1 and message in errors[0], result.output
    assert not dest.exists()


def test_purpose_tag_in_agenda_outputs(invoke, meeting, tmp_path):
    import docx

    md, html, word = tmp_path / "a.md", tmp_path / "a.html", tmp_path / "a.docx"
    assert invoke("agenda", meeting, "--no-previous", "-o", md, "-o", html, "-o", word).exit_code == 0
    assert "| Go/no-go *[Decision]* |" in md.read_text(encoding="utf-8")
    assert "[Decision]</span>" in html.read_text(encoding="utf-8")
    cells = [c.text for t in docx.Document(word).tables for row in t.rows for c in row.cells]
    assert "Go/no-go [Decision]" in cells
