"""Dates and times as people write them in minutes (English and French), turned into ISO text."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2,
    "mars": 3, "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12, "déc": 12,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_ISO = r"(?<!\d)(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)"
_DMY_WORDS = (rf"(?<![\w])(?P<d2>\d{{1,2}})(?:er|st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{_MONTH})\.?"
              rf"(?:,?\s+(?P<y2>\d{{4}}))?(?!\w)")
# a spreadsheet's "11-Mar-2025" / "11-Mar-25" (the year required: "3-may" is no date)
_DMY_DASHED = rf"(?<![\w-])(?P<d5>\d{{1,2}})-(?P<mon5>{_MONTH})-(?P<y5>\d{{4}}|\d{{2}})(?![\w-])"
_MDY_WORDS = (rf"(?<![\w])(?P<mon3>{_MONTH})\.?\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
              rf"(?:,?\s+(?P<y3>\d{{4}}))?")
# "27/05/2020", "27.05.2020", "27-05-2020": day first, the same mark twice (a four-digit year)
_NUMERIC = r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y4>\d{4})(?!\d)"
DATE_PATTERN = f"(?:{_ISO}|{_DMY_WORDS}|{_MDY_WORDS}|{_NUMERIC}|{_DMY_DASHED})"
_DATE = re.compile(DATE_PATTERN, re.IGNORECASE)
_COMPACT = re.compile(r"(?<!\d)(20\d{2})(\d{2})(\d{2})(?!\d)")
# "6/15/20", "2-6-19": two-digit years are read only where a date is expected (headings, Date:)
_SHORT = re.compile(r"(?<![\w/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{2})(?![\w/.-])")
_YEAR = re.compile(r"(?<![\w/.-])((?:19|20)\d{2})(?![\w/.-])")

_CLOCK = r"(?P<h{n}>\d{{1,2}})(?:(?:[:h.](?P<mi{n}>[0-5]\d))|\s*h(?![a-z]))?\s*(?P<ap{n}>[ap]\.?m\.?)?"
_RANGE = re.compile(
    rf"(?<![\d:])(?:{_CLOCK.format(n=1)})"
    rf"(?:\s*(?:-|–|—|to|until|à|a|jusqu'à)\s*(?:{_CLOCK.format(n=2)}))?(?![\d:])",
    re.IGNORECASE,
)


def _make(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _from_match(m: re.Match, default_year: int | None) -> str | None:
    g = m.groupdict()
    if g["y"]:
        return _make(int(g["y"]), int(g["m"]), int(g["d"]))
    if g["a"]:
        first, second = int(g["a"]), int(g["b"])
        day, month = (second, first) if second > 12 else (first, second)
        return _make(int(g["y4"]), month, day)
    if g["d5"]:
        year_written = int(g["y5"]) + (2000 if len(g["y5"]) == 2 else 0)
        return _make(year_written, MONTHS[g["mon5"].lower()], int(g["d5"]))
    day, mon, year = (g["d2"], g["mon2"], g["y2"]) if g["mon2"] else (g["d3"], g["mon3"], g["y3"])
    year = int(year) if year else default_year
    if year is None:
        return None
    return _make(year, MONTHS[mon.lower().rstrip(".")], int(day))


def find_date(text: str, default_year: int | None = None,
              short_year: bool = False) -> tuple[str, re.Match] | None:
    """Return the first date in ``text`` as ("YYYY-MM-DD", match), or None.

    Dates without a year (``5 Dec``) only count when ``default_year`` is given; ``short_year``
    also reads two-digit years (``6/15/20``).
    """
    for m in _DATE.finditer(text):
        iso = _from_match(m, default_year)
        if iso:
            return iso, m
    if short_year:
        for m in _SHORT.finditer(text):
            first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
            day, month = (second, first) if second > 12 else (first, second)
            iso = _make(year + (2000 if year < 70 else 1900), month, day)
            if iso:
                return iso, m
    return None


def year_in(text: str) -> int | None:
    """Return a year written on its own in ``text`` (``WECG Meetings 2023, Jan 19``), or None."""
    m = _YEAR.search(text)
    return int(m.group(1)) if m else None


def swap_day_month(iso: str) -> str | None:
    """Return ``iso`` with day and month exchanged when that is a valid date, else None."""
    year, month, day = (int(p) for p in iso.split("-"))
    return _make(year, day, month)


def date_in_name(stem: str) -> str | None:
    """Return the ISO date written in a file name (``tsc-2018-08-29``, ``20260304``), or None."""
    found = find_date(stem)
    if found:
        return found[0]
    m = _COMPACT.search(stem)
    return _make(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


_TIME_OF_DAY = re.compile(r"[T\s]?\d{1,2}:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[+-]\d\d:?\d\d)?")


def normalise_date(value: object, default_year: int | None = None) -> object:
    """Return ``value`` as "YYYY-MM-DD" when it reads as a date; otherwise unchanged for validation."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        value = value.strip().strip("`'\"")  # "`2016-11-29T20:19:00`": code marks are markup
        found = find_date(value, default_year)
        rest = value.replace(found[1].group(0), "").strip(" ,.()") if found else ""
        if found and (not rest or _TIME_OF_DAY.fullmatch(rest)):
            return found[0]  # a day, or a day and its time: the day
        if found and re.match(r"^\s*\w+day\b|^\s*(lundi|mardi|mercredi|jeudi|vendredi|samedi|"
                              r"dimanche)\b", value, re.IGNORECASE):
            return found[0]
    return value


def _clock(m: re.Match, n: int) -> str | None:
    hour = m.group(f"h{n}")
    if hour is None:
        return None
    hour_i, minute = int(hour), m.group(f"mi{n}") or "00"
    ampm = (m.group(f"ap{n}") or "").lower().replace(".", "")
    has_mark = m.group(f"mi{n}") or ampm or "h" in m.group(0).lower()
    if not has_mark:
        return None
    if ampm == "pm" and hour_i < 12:
        hour_i += 12
    elif ampm == "am" and hour_i == 12:
        hour_i = 0
    return f"{hour_i:02d}:{minute}" if hour_i < 24 else None


def find_times(text: str) -> tuple[str | None, str | None, re.Match | None]:
    """Return (start, end, match) of the first time or time range in ``text``, dates ignored."""
    masked = _DATE.sub(lambda m: " " * len(m.group(0)), text)
    for m in _RANGE.finditer(masked):
        start = _clock(m, 1)
        if start:
            end = _clock(m, 2)
            if end is None and m.group("h2") and (m.group("ap2") or m.group("mi2")) is None:
                end = None
            return start, end, m
    return None, None, None
