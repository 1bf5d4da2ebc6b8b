"""Markdown meeting notes reader: recovers structured minutes from notes as people write them.

Structure comes from markdown-it-py (headings, lists, tables); the labelled-line conventions of
public minutes (``Present:``, ``ACTION:``, ``Name: task``, ``(due 2026-12-01)``...) are matched
line by line. The result is a :class:`Source` in the shape of the YAML contract.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import NamedTuple

from docgen.errors import InputError
from docgen.readers.markdown_minutes import items as it
from docgen.readers.markdown_minutes.blocks import parse_sections
from docgen.readers.markdown_minutes.bold_headings import promote_bold_headings
from docgen.readers.markdown_minutes.builder import Builder
from docgen.readers.markdown_minutes.checkins import checkin_people
from docgen.readers.markdown_minutes.collect import Agenda, plain_title
from docgen.readers.markdown_minutes.dates import date_in_name, find_date, swap_day_month, year_in
from docgen.readers.markdown_minutes.frontmatter import apply_front_matter, split_front_matter
from docgen.readers.markdown_minutes.people import clean
from docgen.readers.markdown_minutes.relative_dates import resolve_due
from docgen.readers.markdown_minutes.repeats import merge_repeated_actions
from docgen.readers.markdown_minutes.sentence_pass import explicit_kinds, not_a_task, settle_sentences
from docgen.readers.markdown_minutes.topics import split_topics
from docgen.readers.markdown_minutes.vocab import FRENCH_HINTS, NOTHING, norm, section_kind
from docgen.readers.source import Source, read_text

__all__ = ["MAX_HEADINGS", "MAX_LINES", "read_markdown_minutes"]

#: Longest notes file read, in lines (the longest real minutes of tests/data have 3,468).
MAX_LINES = 200_000
#: Most headings read: each is a topic; 100,000 lines of real minutes hold about 9,000.
MAX_HEADINGS = 20_000
_HEADING_LINE = re.compile(r"(?m)^ {0,3}#{1,6}(?:[ \t]|$)")

def _check_size(path: Path, text: str) -> None:
    """Raise InputError when the notes are empty, or over the lines or headings read."""
    if not text.strip():
        raise InputError.single(path, "is empty (expected Markdown meeting notes)")
    lines_count = text.count("\n") + 1
    if lines_count > MAX_LINES:
        raise InputError.single(path, f"has {lines_count:,} lines; meeting notes are read up to "
                                f"{MAX_LINES:,} lines (split the file)")
    headings = len(_HEADING_LINE.findall(text))
    if headings > MAX_HEADINGS:
        raise InputError.single(path, f"has {headings:,} headings; meeting notes are read up to "
                                f"{MAX_HEADINGS:,} headings (split the file)")


def read_markdown_minutes(path: Path) -> Source:
    """Return the minutes in Markdown notes at ``path`` as a contract-shaped Source.

    Raises InputError when the file cannot be read, its front matter is invalid YAML, or no
    meeting date can be found anywhere (front matter, ``Date:`` line, heading, file name).
    """
    path = Path(path)
    text = read_text(path).replace("\r\n", "\n").replace("\r", "\n")
    # Markdown shows a run of blanks inside a line as one space; a run of thousands made the
    # line-label patterns rescan it from each of its positions, so long runs are cut.
    text = _LONG_RUN.sub(lambda m: m.group(0)[:_MAX_RUN], text)
    _check_size(path, text)
    front, body = split_front_matter(text, path)
    builder = Builder()
    if front is not None:
        apply_front_matter(front, builder)
    preamble, sections = promote_bold_headings(*parse_sections(body))
    builder.explicit = explicit_kinds(preamble, sections)
    checkin_people(builder, preamble, sections)
    heading = None
    if sections and _is_title_heading(sections, preamble):
        heading = sections.pop(0)
        preamble += heading.blocks
        sections = heading.children + sections
    builder.year_hint = _year_hint(builder, path, heading)
    if heading is None and preamble and preamble[0].kind == "para":
        _title_line(builder, preamble[0])
        builder.year_hint = builder.year_hint or _year_hint(builder, path, heading)
    preamble, topics = split_topics(preamble)
    builder.fill(builder.preamble, preamble, meta=True)
    for section in topics + sections:
        builder.section(section)
    data, lines = _assemble(builder, path, heading, text)
    return Source(path=path, data=data, lines=dict(lines), format="markdown")


_MAX_RUN = 200
# any blank but a line break: no-break spaces too, which the patterns' \s reads as blanks
_LONG_RUN = re.compile(rf"(?<=\S)[^\S\n]{{{_MAX_RUN + 1},}}")
_IMAGE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")
_MEETING_WORDS = re.compile(r"(?i)\b(meeting|minutes|notes|agenda|call|sync|réunion|reunion|"
                            r"compte[ -]rendu|séance)\b")


def _is_title_heading(sections: list, preamble: list) -> bool:
    """Return whether the first heading is the document's title rather than a topic.

    A first-level heading is, unless it opens the agenda; without any first-level heading, a
    leading heading that names a meeting or holds a date is, when only images precede it.
    """
    first = sections[0]
    if section_kind(first.title)[0] not in ("general", "agenda"):
        return False
    if first.level == 1:
        if sum(s.level == 1 for s in sections) > 1 and not (
                _MEETING_WORDS.search(first.title) or find_date(first.title, short_year=True)):
            return False  # "# Announcements", "# Discussion", "# Attended by": topics, no title
        return not first.title.strip().lower().startswith("agenda") or \
            bool(_MEETING_WORDS.search(first.title[6:]))
    if section_kind(first.title)[0] != "general" or any(s.level == 1 for s in sections) or any(
            b.kind != "para" or not _IMAGE.match(b.text) for b in preamble):
        return False
    return bool(_MEETING_WORDS.search(first.title) or find_date(first.title, short_year=True))


def _heading_date(title: str, year: int | None = None):
    """Return (iso, match) for the date in a title, reading ``2023, ... Jan 19`` as one date."""
    return find_date(title, year, short_year=True) or find_date(title, year_in(title))


def _year_hint(builder: Builder, path: Path, heading) -> int | None:
    for text in (str(builder.meeting.get("date") or ""),
                 heading.title if heading is not None else "", path.stem):
        found = _heading_date(text) if text else None
        if found:
            return int(found[0][:4])
    named = date_in_name(path.stem)
    return int(named[:4]) if named else None


def _only_date(text: str) -> bool:
    found = find_date(text, short_year=True)
    return found is not None and not text.replace(found[1].group(0), "").strip(" -–—:,.#")


def _title_line(builder: Builder, block) -> None:
    """Take a short first line holding a date (``Weekly sync 12/05/2026``) as title and date."""
    first, _, rest = block.text.partition("\n")
    found = find_date(first)
    if found and len(first) < 100 and ":" not in first and "date" not in builder.meeting:
        builder.set_meeting("date", found[0], block.line)
        builder.set_meeting("title", clean(first), block.line)
        block.text, block.line = rest, block.line + 1


_OPENING_LINES = 40


def _first_dated_line(builder: Builder, text: str) -> None:
    """Date the meeting by the first full date in its opening lines ("- 2022-04-08 19:00 Call to order").

    The last resort before refusing the file: minutes that give no date label, heading or
    file name usually log the opening of the meeting with its date near the top.
    """
    for number, line in enumerate(text.split("\n")[:_OPENING_LINES], start=1):
        found = find_date(line)
        if found:
            builder.set_meeting("date", found[0], number)
            return


def _title_and_date(builder: Builder, path: Path, heading, text: str = "") -> None:
    """Settle the meeting's title and date from the heading, the title, the file name, then the text.

    Raises InputError when no meeting date is found anywhere.
    """
    meeting = builder.meeting
    if isinstance(meeting.get("title"), str) and _only_date(meeting["title"]):
        del meeting["title"]
    if heading is not None:
        _heading_title_and_date(builder, heading)
    _date_from_title(builder)
    _date_from_name(builder, date_in_name(path.stem))
    if "date" not in meeting:
        _first_dated_line(builder, text)
    if "date" not in meeting:
        raise InputError.single(path, "no meeting date found: add front matter `date:`, a "
                                "`Date:` line, or a date in the file name")
    if "title" not in meeting:
        builder.set_meeting("title", _title_from_name(
            path.stem, str(meeting["date"]),
            heading.title if heading and not _only_date(heading.title) else None), 0)


def _heading_title_and_date(builder: Builder, heading) -> None:
    """Take the title heading's date, and its title unless the heading is only a date."""
    found = _heading_date(heading.title)
    if found:
        # a date in the title beats a front-matter timestamp, which dates the publication
        builder.set_meeting("date", found[0], heading.line, override=builder.published)
    title = plain_title(heading.title)[0]
    rest = (title.replace(found[1].group(0), "") if found else title).strip(" -–—:,.")
    if rest:
        builder.set_meeting("title", title, heading.line)


def _date_from_title(builder: Builder) -> None:
    """Without a date yet, take the one the meeting's title holds; on a posted page, the title's date wins.

    A page dated when it was posted ("Compte rendu réunion du 17/12" posted on 2012-12-21) names
    the meeting's day in its title, its year the post's (or the year before, for a December
    meeting posted in January).
    """
    title = builder.meeting.get("title")
    posted = builder.meeting.get("date") if builder.published else None
    if not isinstance(title, str) or ("date" in builder.meeting and not isinstance(posted, str)):
        return
    found = find_date(title, short_year=True)
    iso = found[0] if found else _day_month_before(title, posted)
    if iso:
        # front matter "title: 2023-05-11 TOC Meeting Record" dates the meeting
        builder.set_meeting("date", iso, builder.meeting_lines.get("title", 0), override=posted is not None)


_DAY_MONTH_OF = re.compile(r"(?i)\b(?:du|of|le)\s+(\d{1,2})/(\d{1,2})(?![/\d])")


def _day_month_before(title: str, posted: str | None) -> str | None:
    """Return the ISO date of a title's "du 17/12" (day first) on a page posted on ``posted``, else None."""
    if posted is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", posted):
        return None
    match = _DAY_MONTH_OF.search(title)
    if match is None:
        return None
    year = int(posted[:4])
    day, month = int(match.group(1)), int(match.group(2))
    for candidate in (year, year - 1):  # a meeting comes before its report is posted
        try:
            when = date(candidate, month, day)
        except ValueError:
            continue  # 29/02 of a year that has none: the year before may
        if when.isoformat() <= posted:
            return when.isoformat()
    return None


def _date_from_name(builder: Builder, named: str | None) -> None:
    """Let the file name's date settle a day and month read the other way round, or give the date."""
    meeting = builder.meeting
    if named and meeting.get("date") != named and isinstance(meeting.get("date"), str) and \
            re.fullmatch(r"\d{4}-\d\d-\d\d", meeting["date"]) and \
            swap_day_month(meeting["date"]) == named:
        # 2-6-19 reads as 2 June in Europe and 6 February in the US: the file name decides
        meeting["date"] = named
    if "date" not in meeting and named:
        builder.set_meeting("date", named, 0)


def _title_from_name(stem: str, day: str, heading: str | None) -> str:
    found = find_date(stem)
    rest = stem.replace(found[1].group(0), " ") if found else re.sub(r"\d{8}", " ", stem)
    words = [w for w in re.split(r"[-_\s.]+", rest) if w]
    pretty = " ".join(w.upper() if len(w) <= 3 and not re.search(r"[aeiouy]", w.lower())
                      else w[:1].upper() + w[1:] for w in words)
    if not pretty:
        pretty = heading.strip() if heading else "Meeting"
    return f"{pretty} {day}"


def _language(builder: Builder, text: str) -> None:
    if "language" in builder.meeting:
        return
    found = {norm(word) for word in _heading_and_label_words(text)}
    if len(found & FRENCH_HINTS) >= 2 or re.search(r"(?i)\b(réunion|compte rendu|ordre du jour)\b",
                                                    text[:400]):
        builder.set_meeting("language", "fr", 0)
        return
    # notes without French headings or labels: count the commonest function words
    french = len(re.findall(r"(?i)\b(?:le|la|les|des|du|pour|sur|avec|est|une|aux|pas|dans)\b", text))
    english = len(re.findall(r"(?i)\b(?:the|and|of|to|is|for|with|on|are|this|that|in)\b", text))
    if french >= 8 and french > 2 * english:
        builder.set_meeting("language", "fr", 0)


_LABEL_WORD = re.compile(r"\s*(?:[-*]\s*)?\**([^:\n*]{2,30}?)\**\s*:")
_LONG_BLANKS = re.compile(r"^(\s{32,})(?:([-*])(\s{32,}))?")


def _cut_blanks(line: str) -> str:
    """Return ``line`` with the blank runs before and after a leading marker cut to 32."""
    long_blanks = _LONG_BLANKS.match(line)
    if not long_blanks:
        return line
    marker = (long_blanks.group(2) or "") + (long_blanks.group(3) or "")[-32:]
    return long_blanks.group(1)[-32:] + marker + line[long_blanks.end():]


def _heading_and_label_words(text: str) -> list[str]:
    """Return the heading titles and the ``Label:`` words opening the lines of ``text``.

    The same words as one ``(?m)^\\s*#+\\s*(.+?)\\s*$|^\\s*(?:[-*]\\s*)?\\**([^:\\n*]{2,30}?)\\**\\s*:``
    search of the whole text, found line by line in linear time: that search rescanned a long
    run of blanks from each of its positions. A label is at most 30 characters, so blanks
    before it are cut to 32 without changing what is found.
    """
    words: list[str] = []
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        rest = line.lstrip()
        if not rest:
            continue
        word: str | None
        if rest.startswith("#"):
            word, index = _heading_title(rest, lines, index)
        else:
            word, index = _label_word(line, rest, lines, index)
        if word:
            words.append(word)
    return words


def _next_filled(lines: list[str], index: int) -> int:
    """Return the index of the first non-blank line from ``index`` on (``len(lines)`` when none)."""
    while index < len(lines) and not lines[index].strip():
        index += 1
    return index


def _heading_title(rest: str, lines: list[str], index: int) -> tuple[str, int]:
    """Return (title, index of the line after it) for a heading line (``rest``, blanks stripped)."""
    title = rest.lstrip("#").strip()
    if title:
        return title, index
    # "#" alone: the title is the next non-blank line
    index = _next_filled(lines, index)
    return (lines[index].strip() if index < len(lines) else ""), index + 1


def _label_word(line: str, rest: str, lines: list[str], index: int) -> tuple[str | None, int]:
    """Return (the ``Label:`` word opening ``line`` or None, index of the line after what it used)."""
    line = _cut_blanks(line)
    match = None
    if rest.rstrip() in ("-", "*"):
        # a list marker alone: the label may open the next non-blank line
        match, index = _label_after_marker(lines, index)
    match = match or _LABEL_WORD.match(line)
    if match is None:
        # "Term" then ": definition" on the next non-blank line: the colon may follow blanks
        match, index = _label_before_colon(line, lines, index)
    return (match.group(1) if match else None), index


def _label_after_marker(lines: list[str], index: int) -> tuple[re.Match | None, int]:
    """Return (the label opening the next non-blank line, index after it), or (None, ``index``)."""
    following = _next_filled(lines, index)
    if following < len(lines):
        match = _LABEL_WORD.match("-\n" + _cut_blanks(lines[following]))
        if match:
            return match, following + 1
    return None, index


def _label_before_colon(line: str, lines: list[str], index: int) -> tuple[re.Match | None, int]:
    """Return (``line`` as a label when the next non-blank line opens with ":", index after that line).

    Returns (None, ``index``) when it is not one.
    """
    following = _next_filled(lines, index)
    if following < len(lines) and lines[following].lstrip().startswith(":"):
        match = _LABEL_WORD.match(line + "\n:")
        if match:
            return match, following + 1
    return None, index


def _assemble(builder: Builder, path: Path, heading, text: str) -> tuple[dict, dict[str, int]]:
    """Return (contract data, line of each key) once every section was read into ``builder``."""
    _title_and_date(builder, path, heading, text)
    _language(builder, text)
    meeting = builder.meeting
    year = _Days(_day(meeting.get("date")), _day(builder.next.get("date")))
    # the meeting's lines are taken before attendees' roles add fields: those have no line
    lines: dict[str, int] = {f"meeting.{k}": v for k, v in builder.meeting_lines.items() if v}
    lines["meeting"] = min(lines.values(), default=1)
    attendees = _attendee_records(builder, lines) or _prose_role_holders(builder, lines)
    for role in _ROLES:
        if isinstance(meeting.get(role), str):
            for name in meeting[role].split(","):
                builder.add_role(name.strip(), role)
    _role_holders_attend(builder, attendees, lines)
    known, speakers = _known_names(attendees)
    by_handle = speakers[0]
    for role in _ROLES:
        value = meeting.get(role)
        if isinstance(value, str) and value.startswith("@"):
            meeting[role] = by_handle.get(value[1:].lower(), value)
    settle_sentences([builder.preamble, *builder.agenda])
    items = _agenda_items(builder)
    agenda = [_item(item, f"agenda[{index}]", lines, known, speakers, year)
              for index, item in enumerate(items)]
    merge_repeated_actions(agenda, [item.collects for item in items], lines)
    data: dict = {"meeting": meeting, "attendees": attendees, "agenda": agenda}
    _add_lists(builder, data, lines, known, speakers, year)
    return data, lines


_ROLES = ("chair", "facilitator", "minute_taker")


def _attendee_records(builder: Builder, lines: dict[str, int]) -> list[dict]:
    """Return the attendees, recording their lines; a meeting role written by a name goes to the meeting."""
    attendees = []
    for index, (person, line) in enumerate(builder.attendees):
        role = person.pop("_role", None)
        if role:
            builder.set_meeting(role, person["name"], line)
        attendees.append(person)
        lines[f"attendees[{index}]"] = line
    return attendees


def _known_names(attendees: list[dict]) -> tuple[set[str], tuple[dict[str, str], dict[str, str], dict[str, str]]]:
    """Return (the attendees' normalised names, first names, handles and organisations;
    (names by handle, by nick, by initials))."""
    known = {norm(p["name"]) for p in attendees} | {norm(p["name"]).split(" ")[0] for p in attendees}
    known |= {norm(p["handle"]) for p in attendees if p.get("handle")}
    known |= {norm(p["organisation"]) for p in attendees if p.get("organisation")}  # "EIS - livrer ..."
    handles = {p["handle"].lower(): p["name"] for p in attendees if p.get("handle")}
    firsts: dict[str, list[str]] = {}
    for person in attendees:
        firsts.setdefault(person["name"].split(" ")[0].lower(), []).append(person["name"])
    # scribes write speakers as lower-case nicks ("[rob] I will ..."): the one attendee so named
    nicks = {k: v[0] for k, v in firsts.items() if len(v) == 1 and k not in handles}
    return known, (handles, nicks, _by_initials(attendees, handles))


def _by_initials(attendees: list[dict], handles: dict[str, str]) -> dict[str, str]:
    """Return the attendees by lower-case initials, for owners written "PK", "JD to", "[AB, CD]".

    Only initials that name one attendee, and are not a handle, count.
    """
    found: dict[str, list[str]] = {}
    for person in attendees:
        words = person["name"].split()
        if len(words) >= 2:
            found.setdefault("".join(w[0] for w in words).lower(), []).append(person["name"])
    return {k: v[0] for k, v in found.items() if len(v) == 1 and k not in handles}


def _agenda_items(builder: Builder) -> list[Agenda]:
    """Return the agenda items, the preamble first when it holds decisions or actions.

    A preamble of notes only becomes the first general note instead.
    """
    items = list(builder.agenda)
    if builder.preamble.decisions or builder.preamble.actions:
        items.insert(0, builder.preamble)
    elif builder.preamble.notes:
        builder.notes.insert(0, "\n\n".join(builder.preamble.notes))
    return items


def _add_lists(builder: Builder, data: dict, lines: dict[str, int], known: set, speakers: tuple,
           year: _Days) -> None:
    """Add the distribution, previous actions, next meeting, links and notes ``builder`` found to ``data``.

    Each is left out when the notes gave none.
    """
    if builder.distribution:
        data["distribution"] = builder.distribution
    if builder.previous:
        data["previous_actions"] = [_action(raw, known, speakers, year) for raw, _ in builder.previous]
        lines.update(_keyed_lines("previous_actions", builder.previous))
    if builder.next:
        data["next_meeting"] = builder.next
        lines["next_meeting"] = builder.next_line or 1
    if builder.links:
        data["links"] = [link for link, _ in builder.links]
        lines.update(_keyed_lines("links", builder.links))
    if builder.notes:
        data["notes"] = "\n\n".join(builder.notes)


def _keyed_lines(key: str, entries: Sequence[tuple[object, int]]) -> dict[str, int]:
    """Return the line of each entry of a list, keyed ``key[index]``."""
    return {f"{key}[{index}]": line for index, (_, line) in enumerate(entries)}


def _prose_role_holders(builder: Builder, lines: dict[str, int]) -> list[dict]:
    """Return the chair and secretary prose names as the attendees of notes that list nobody.

    "L'assemblée est présidée par Ana Dubois, et Marc Roux en est nommé secrétaire": whoever
    chaired or took the minutes was there, even when the notes give only a head count.
    """
    attendees: list[dict] = []
    for role, name, line in builder.prose_roles:
        if all(norm(p["name"]) != norm(name) for p in attendees):
            attendees.append({"name": name, "role": _ROLE_TITLES[role], "attendance": "present"})
            lines[f"attendees[{len(attendees) - 1}]"] = line
    return attendees


_ROLE_TITLES = {"chair": "Chair", "facilitator": "Facilitator", "minute_taker": "Minute taker"}
_PERSON = re.compile(r"^@?[A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){0,3}$")


def _role_holders_attend(builder: Builder, attendees: list[dict], lines: dict[str, int]) -> None:
    """Add the chair, facilitator and minute-taker to the attendees when no list names them.

    Whoever chaired the meeting or took its minutes was there: "Chair: Adam Bezard" above a
    list of the other attendees makes Adam an attendee too.
    """
    if not attendees:
        return  # notes without any attendee list: nobody is guessed
    known = {norm(p["name"]) for p in attendees} | {norm(p["name"]).split(" ")[0] for p in attendees}
    known |= {norm(p.get("handle") or "") for p in attendees}
    for role, title in _ROLE_TITLES.items():
        value = builder.meeting.get(role)
        for name in (value.split(",") if isinstance(value, str) else []):
            name = name.strip()
            if _PERSON.match(name) and norm(name) not in known and \
                    norm(name).split(" ")[0] not in known:
                attendees.append({"name": name, "role": title, "attendance": "present"})
                lines[f"attendees[{len(attendees) - 1}]"] = builder.meeting_lines.get(role, 1)
                known.add(norm(name))


_AND = re.compile(r"\s+(?:and|&|et)\s+")


def _owner_names(owner: str) -> list[str]:
    """Return the owners of "Travis and Sangwhan" / "A, B" one by one (a name holds no "and")."""
    names: list[str] = []
    for part in owner.split(","):
        pieces = _AND.split(part)
        names.extend(pieces if all(p[:1].isupper() or p.startswith("@") for p in pieces)
                     else [part])
    return [n for n in names if n.strip()]


def _item(item: Agenda, key: str, lines: dict, known: set, handles: tuple[dict[str, str], ...],
          year: _Days) -> dict:
    record = {k: v for k, v in item.base.items() if k not in ("notes", "decisions", "actions")}
    record["title"] = record.get("title") or item.title
    if item.line:
        lines[key] = lines[f"{key}.title"] = item.line
    actions, done = _item_actions(item, known, handles, year)
    notes = "\n\n".join([n for n in item.notes if n and n.strip()] + done)
    if notes:
        record["notes"] = notes
    record["decisions"] = [d for d, _ in item.decisions]
    for index, (_, line) in enumerate(item.decisions):
        lines[f"{key}.decisions[{index}]"] = line
    record["actions"] = [a for a, _ in actions]
    for index, (_, line) in enumerate(actions):
        lines[f"{key}.actions[{index}]"] = line
    return record


def _item_actions(item: Agenda, known: set, handles: tuple[dict[str, str], ...],
                  year: _Days) -> tuple[list[tuple[dict, int]], list[str]]:
    """Return the item's actions with their lines, and as a note list what only reports progress or asks.

    "made the pipeline wiki" under "Today", "Dry run completed" in a checklist: done, not to do;
    "What needs work?" in a checklist, "AI: And member list?": a question, no task yet.
    """
    actions = [(_action(raw, known, handles, year), line) for raw, line in item.actions]
    reports = [not_a_task(str(a.get("text", "")), a.get("owner")) for a, _ in actions]
    done = [str(a["text"]) for (a, _), report in zip(actions, reports) if report]
    kept = [pair for pair, report in zip(actions, reports) if not report]
    return kept, (["\n".join(f"- {text}" for text in done)] if done else [])


_DATE_LIKE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")


class _Days(NamedTuple):
    """The meeting's date and the next meeting's, which relative due dates are counted from."""

    meeting: date | None
    next: date | None


def _day(value) -> date | None:
    """Return ``value`` as a date when it is an ISO day (or a date), else None."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _due(action: dict, written: str, days: _Days) -> None:
    """Set the action's due date from a written due cell; keep words that name no day as a comment.

    "3 semaines", "next Friday" and "Prochaine réunion" are counted from the meeting; "Sprint
    en cours" names no day, so it is kept in the comment rather than refusing the file.
    """
    due = resolve_due(written, days.meeting, days.next)
    if due:
        action["due"] = due
    elif _DATE_LIKE.search(written):
        action["due"] = written  # "2026-02-31" is a date written wrong: validation names it
    elif written.strip(" -–—") and not NOTHING.match(written):
        note = f"Due: {written.strip()}"
        action["comment"] = f"{action['comment']} · {note}" if action.get("comment") else note


def _action(raw: dict, known: set, handles: tuple, days: _Days) -> dict:
    """Return the contract action of a queued one: parsed once every attendee is known."""
    if "ready" in raw:
        return raw["ready"]
    if "head" not in raw:
        return raw
    year = days.meeting.year if days.meeting else None
    # the attendees' initials are names too ("[BS] fix the build", "Send it - BS")
    action = it.parse_action(raw["head"], known=known | handles[2].keys(), year=year,
                             labelled=bool(raw.get("labelled")), owner=raw.get("owner"), today=days.meeting,
                             next_meeting=days.next)
    _queued_fields(action, raw, days)
    # the team a heading names owns the rest; then whom the entry's sentence names
    owner = action.get("owner") or raw.get("team") or raw.get("guess")
    if owner:
        action["owner"] = ", ".join(_owner_name(o.strip(), raw, handles) for o in _owner_names(owner))
    return action


def _queued_fields(action: dict, raw: dict, days: _Days) -> None:
    """Add the fields queued with the action (a table's cells, a heading's prefix, nested notes) to it."""
    for key in ("id", "comment", "priority", "status"):
        if raw.get(key) and key not in action:
            action[key] = raw[key]
    if raw.get("due") and "due" not in action:
        _due(action, str(raw["due"]), days)
    if raw.get("prefix"):
        action["text"] = f"{raw['prefix']} — {action['text']}"
    if raw.get("body"):
        action["text"] = f"{action['text']}\n\n{raw['body']}"


_EVERYONE = {"everyone", "everybody", "all", "tous", "toutes", "tout le monde"}


def _owner_name(owner: str, raw: dict, speakers: tuple[dict[str, str], ...]) -> str:
    """Return the attendee an owner names: by handle, by initials ("PK"), or by first name.

    A first name counts when written as a lower-case nick, in capitals ("SOPHIE") or by a
    speaker; otherwise the owner is kept as written.
    """
    handles, nicks, initials = speakers
    key = owner.lstrip("@").lower()
    if key in _EVERYONE:
        return owner[:1].upper() + owner[1:]
    if key in handles:
        return handles[key]
    if owner.isupper() and 2 <= len(owner) <= 3 and key in initials:
        return initials[key]
    if not owner.startswith("@") and (owner.islower() or owner.isupper() or raw.get("speaker")):
        return nicks.get(key) or owner  # an @handle is an identity: only the handle map names it
    return owner
