"""Meeting-level labelled lines: date, time, place, title, distribution, roles."""

from __future__ import annotations

import re

from docgen.readers.markdown_minutes.dates import find_date, find_times
from docgen.readers.markdown_minutes.draft import Passes
from docgen.readers.markdown_minutes.people import (
    clean,
    split_names,
)
from docgen.readers.markdown_minutes.vocab import (
    META_WORDS,
)

_WEEKDAY = re.compile(r"(?i)(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|"
                      r"vendredi|samedi|dimanche|le")


class MetaLines(Passes):
    """Builder methods recording the meeting's own fields from labelled lines."""

    def meta_label(self, key: str, value: str, number: int) -> bool:
        """Record ``Date:``, ``Time:``, ``Location:``... of the meeting; return whether it did."""
        if not value:
            return False
        if key in META_WORDS["date"]:
            found = find_date(value, self.year_hint, short_year=True)
            if found:
                self.set_meeting("date", found[0], number)
                self.times(value, number)
                return True
            return False
        if key in META_WORDS["time"]:
            return self.times(value, number)
        for field_name in ("location", "title", "project", "series"):
            if key in META_WORDS[field_name]:
                self.set_meeting(field_name, clean(value) if field_name != "location" else value,
                                 number)
                return True
        if key in META_WORDS["distribution"]:
            self.distribution.extend(clean(n) for n in split_names(value))
            return True
        return False

    def date_line(self, line: str, number: int) -> bool:
        """Record a line that starts with the meeting's date (``October 20, 2016 (7:00am -
        8:00am PT) via GoToMeeting``) as its date and times; return whether it was one."""
        text = line.strip().strip("*_").strip()
        found = find_date(text, self.year_hint, short_year=True)
        if not found or len(text) - found[1].end() > 70 or text[: found[1].start()].strip(" ,") and not \
                _WEEKDAY.fullmatch(text[: found[1].start()].strip(" ,")):
            return False
        if self.meeting.get("date") not in (None, found[0]):
            return False
        self.set_meeting("date", found[0], number)
        self.times(text[found[1].end():], number)
        return True

    def times(self, value: str, number: int) -> bool:
        """Record the start and end times written in ``value``; return whether there were any."""
        start, end, _ = find_times(value)
        self.set_meeting("start", start, number)
        self.set_meeting("end", end, number)
        return start is not None
