"""Due dates written in words, relative to the meeting: "by Friday", "next week", "d'ici fin mai".

Every phrase is read against the meeting date; a phrase that names the next meeting resolves
to it when the notes give its date. What cannot be read as a day stays text (see
:func:`resolve_due`), so a due cell such as "Sprint en cours" never refuses a whole file.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from docgen.readers.markdown_minutes.dates import MONTHS, find_date
from docgen.readers.markdown_minutes.phrases import RELATIVE

_WEEKDAYS = {name: index for index, names in enumerate(RELATIVE["weekdays"]) for name in names}
_WEEKDAY = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_UNITS = {word: days for days, words in RELATIVE["units"].items() for word in words}
_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_NUMBERS = {word: value for value, words in RELATIVE["numbers"].items() for word in words}
_COUNT = "|".join([r"\d{1,3}", *sorted(_NUMBERS, key=len, reverse=True)])
_NEXT_MEETING = re.compile("|".join(RELATIVE["next_meeting"]), re.IGNORECASE)
_END_OF_MONTH = re.compile(rf"(?:{'|'.join(RELATIVE['end_of'])})\s*(?:the\s+)?(?P<month>{_MONTH}|"
                           rf"{'|'.join(RELATIVE['this_month'])})\b", re.IGNORECASE)
_END_OF_WEEK = re.compile("|".join(RELATIVE["end_of_week"]), re.IGNORECASE)
_NEXT_WEEK = re.compile("|".join(RELATIVE["next_week"]), re.IGNORECASE)
_TOMORROW = re.compile("|".join(RELATIVE["tomorrow"]), re.IGNORECASE)
_TODAY = re.compile("|".join(RELATIVE["today"]), re.IGNORECASE)
# "week 49", "semaine 49", "sem. 50": a week of the year by its ISO number, after a word for a week
_WEEK_NUMBER = re.compile(rf"(?<!\w)(?:{'|'.join(RELATIVE['units'][7])})\.?\s*(?P<n>\d{{1,2}})(?![\d/.:-])",
                          re.IGNORECASE)
_IN_COUNT = re.compile(rf"(?<!\w)(?P<n>{_COUNT})\s+(?P<unit>{_UNIT})(?!\w)", re.IGNORECASE)
_ON_WEEKDAY = re.compile(rf"(?<!\w)(?P<day>{_WEEKDAY})(?!\w)", re.IGNORECASE)
# "12TH MARCH", "the 3rd": a day and month without a year, or a day of the meeting's month
_DAY_MONTH = re.compile(rf"(?<!\w)(?P<d>\d{{1,2}})(?:st|nd|rd|th|er)?\s+(?:of\s+)?(?P<m>{_MONTH})\b",
                        re.IGNORECASE)

# the whole due phrase is a day and month, day first, maybe after "by" / "avant le": "11/03", "by 11.03."
# (after a stop the month has two digits: "2.5" and "2.1" are a duration and a release)
_NUMERIC_DAY_MONTH = re.compile(r"^\s*(?:(?:by|before|due|avant(?: le)?|pour(?: le)?|d['’]ici(?: le)?|le)\s+)?"
                                r"(?P<d>\d{1,2})(?:/(?P<m>\d{1,2})|\.(?P<m2>\d{2}))\.?\s*$", re.IGNORECASE)


def resolve_due(text: str, meeting: date | None, next_meeting: date | None = None) -> str | None:
    """Return the ISO day a due phrase names, counted from the meeting date, or None.

    An explicit date comes first (a missing year is the meeting's, or the next one when that
    day has passed; a two-digit year is read too, ``5/31/26``); then the next meeting, the end
    of a month or week, "tomorrow", a count of days/weeks/months ("3 semaines", "two weeks") and
    a weekday ("by Friday": the first one after the meeting). None when the phrase names no day
    or the meeting date is unknown.
    """
    if meeting is None:
        found = find_date(text, short_year=True)
        return found[0] if found else None
    found = find_date(text, meeting.year, short_year=True)  # a due cell expects a date: "5/31/26" is one
    if found:
        return _not_before(found[0], meeting)
    numeric = _NUMERIC_DAY_MONTH.match(text)
    if numeric:  # a due cell or phrase of a day and month only: "11/03", "avant le 11.03"
        month = int(numeric["m"] or numeric["m2"])  # "2.5" (days) and "2.1" (a release) are no dates
        return _not_before(_iso(meeting.year, month, int(numeric["d"])), meeting)
    day_month = _DAY_MONTH.search(text)
    if day_month:
        return _not_before(_iso(meeting.year, MONTHS[day_month["m"].lower()], int(day_month["d"])),
                           meeting)
    for rule in (_by_next_meeting, _by_month_end, _by_week_number, _by_week, _by_count, _by_weekday):
        day = rule(text, meeting, next_meeting)
        if day is not None:
            return day.isoformat()
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _not_before(iso: str | None, meeting: date) -> str | None:
    """Return ``iso``, a year later when a date written without a year falls before the meeting."""
    if iso is None:
        return None
    day = date.fromisoformat(iso)
    if day < meeting - timedelta(days=31) and day.year == meeting.year:
        shifted = _iso(day.year + 1, day.month, day.day)
        return shifted or iso
    return iso


def _by_next_meeting(text: str, meeting: date, next_meeting: date | None) -> date | None:
    return next_meeting if next_meeting and _NEXT_MEETING.search(text) else None


def _by_month_end(text: str, meeting: date, _next: date | None) -> date | None:
    m = _END_OF_MONTH.search(text)
    if not m:
        return None
    word = m["month"].lower()
    month = MONTHS.get(word, meeting.month)
    year = meeting.year + (1 if month < meeting.month else 0)
    return date(year, month, calendar.monthrange(year, month)[1])


def _by_week_number(text: str, meeting: date, _next: date | None) -> date | None:
    """Return the Friday of the ISO week a number names ("semaine 49", "week 7"), the next such week."""
    m = _WEEK_NUMBER.search(text)
    if not m or not 1 <= int(m["n"]) <= 53:
        return None
    for year in (meeting.year, meeting.year + 1):
        try:
            friday = date.fromisocalendar(year, int(m["n"]), 5)
        except ValueError:  # week 53 of a year of 52
            continue
        if friday >= meeting - timedelta(days=4):  # the meeting's own week counts
            return friday
    return None


def _by_week(text: str, meeting: date, _next: date | None) -> date | None:
    if _END_OF_WEEK.search(text):
        return meeting + timedelta(days=(4 - meeting.weekday()) % 7)
    if _NEXT_WEEK.search(text):
        return meeting + timedelta(days=7)
    if _TOMORROW.search(text):
        return meeting + timedelta(days=1)
    if _TODAY.search(text):
        return meeting
    return None


def _by_count(text: str, meeting: date, _next: date | None) -> date | None:
    m = _IN_COUNT.search(text)
    if not m:
        return None
    count = int(m["n"]) if m["n"].isdigit() else _NUMBERS[m["n"].lower()]
    days = _UNITS[m["unit"].lower()]
    if days == 30:  # months: the same day, that many months later
        month = meeting.month - 1 + count
        year, month = meeting.year + month // 12, month % 12 + 1
        return date(year, month, min(meeting.day, calendar.monthrange(year, month)[1]))
    return meeting + timedelta(days=days * count)


def _by_weekday(text: str, meeting: date, _next: date | None) -> date | None:
    m = _ON_WEEKDAY.search(text)
    if not m:
        return None
    # "by Friday", "next Friday", "vendredi prochain": the first such day after the meeting
    ahead = (_WEEKDAYS[m["day"].lower()] - meeting.weekday()) % 7 or 7
    return meeting + timedelta(days=ahead)


# a due phrase inside an action's text: "by Friday", "d'ici fin septembre", "DUE 12TH MARCH"
_DUE_PHRASE = re.compile(
    r"(?i)[\s,;(\[—–-]*\b(?P<word>due(?:\s+(?:by|on))?|by|before|until|within|in|d['’]ici|avant|"
    r"pour|sous)\s+(?P<phrase>[^,;.()\[\]\n]{2,40}?)\s*(?:[)\]]|(?=[,;.]|$))")


def take_due_phrase(text: str, meeting: date | None,
                    next_meeting: date | None = None) -> tuple[str, str] | None:
    """Return (text without the phrase, ISO due day) for a relative due phrase in ``text``.

    Only a phrase after a due word ("by", "before", "d'ici"...) that names a day counts: "by
    Tom" or "in the wiki" name none, so the text is left alone (None).
    """
    if meeting is None:
        return None
    for m in _DUE_PHRASE.finditer(text):
        phrase = m["phrase"]
        if m["word"].lower() in ("in", "within", "sous") and not _IN_COUNT.match(phrase) and \
                not _NEXT_WEEK.search(m.group(0)):
            continue  # "in the wiki": "in" only counts before "3 weeks"
        day = resolve_due(phrase, meeting, next_meeting) or (
            resolve_due(m.group(0), meeting, next_meeting) if m["word"].lower() in
            ("d'ici", "d’ici", "avant") else None)
        if day:
            rest = (text[: m.start()] + text[m.end():]).strip()
            return rest or text, day
    tail = _TRAILING_WHEN.search(text)  # "ask IT next week", "relancer demain"
    if tail:
        day = resolve_due(tail["phrase"], meeting, next_meeting)
        if day:
            return text[: tail.start()].strip() or text, day
    return None


# a day named at the end of a task without a due word: "ask IT next week", "relancer demain"
_TRAILING_WHEN = re.compile(
    rf"[\s,;(—–-]*\b(?P<phrase>{'|'.join(RELATIVE['next_week'] + RELATIVE['tomorrow'])}|"
    rf"{'|'.join(RELATIVE['end_of_week'])})\s*[.)]?\s*$", re.IGNORECASE)
