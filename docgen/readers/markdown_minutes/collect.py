"""What the reader collects: agenda items in progress, and helpers for titles, links, names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docgen.readers.markdown_minutes.dates import normalise_date
from docgen.readers.markdown_minutes.people import (
    attendance_key,
    clean,
    role_key,
)
from docgen.readers.markdown_minutes.vocab import (
    ATTENDANCE_WORDS,
    META_WORDS,
    ROLE_WORDS,
    norm,
)

_DURATION = re.compile(r"[\s(\[—–-]*\b(\d{1,3})\s*(?:min|mins|minutes|mn|m|')(?![\w])[)\]]?",
                       re.IGNORECASE)
_PRESENTER = re.compile(r"(?:\s+[—–-]\s*|\s*[(\[]\s*)(?:presenter|presented by|led by|"
                        r"présenté par|presente par|intervenant|intervenante|par)\b\s*:?\s*"
                        r"(?P<who>[^)\]]+?)\s*[)\]]?\s*$", re.IGNORECASE)
_PERSON = r"[A-ZÀ-Ý][a-zà-ÿ'’-]+(?:\s+(?:[A-ZÀ-Ý][a-zà-ÿ'’.-]*|van|von|de|le))?"
_NAMED_BY = re.compile(rf"\s*\((?P<who>{_PERSON}(?:\s*(?:/|,|&|\band\b|\bet\b)\s*{_PERSON})*)\)\s*$")
_URL = re.compile(r"<?(https?://[^\s<>)\]}\"']+)>?")
_HTML_LINK = re.compile(r"<a\s[^>]*?href=[\"'](?P<url>[^\"']+)[\"'][^>]*>(?P<label>.*?)</a>",
                        re.IGNORECASE | re.DOTALL)
_MDLINK = re.compile(r"\[([^\]]+)\]\((\S+?)\)")
_FILLER = re.compile(
    r"(?i)\b(?:le|the|on|at|à|a|de|du|from|in|en|next|meeting|prochaine|réunion|reunion|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    r"dimanche)\b")
_IRC = re.compile(r"^<([\w.|-]+)>\s*(.*)$")


@dataclass
class Agenda:
    """An agenda item being collected: its title, notes, decisions and raw actions."""

    title: str
    line: int
    base: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    decisions: list[tuple[dict, int]] = field(default_factory=list)
    actions: list[tuple[dict, int]] = field(default_factory=list)
    collects: bool = False  # an Action items / Next steps section, which lists actions again
    person: str | None = None  # the attendee a stand-up topic is about ("## Ian Rebmann")


_NOBODY = re.compile(r"(?i)^\s*(?:none|no one|nobody|n/a|-|personne|aucun|aucune|néant)\b")
_ROLE_KEYS = {w for words in ROLE_WORDS.values() for w in words}
_ALL_ATTENDANCE = {w for words in ATTENDANCE_WORDS.values() for w in words}
_ROLE_TAILS = {"secretary", "scribe", "scribes", "chair", "chairs", "facilitator", "moderator",
               "host", "notetaker", "note-taker", "recorder", "secretaire", "president", "presidente"}


def role_label(key: str) -> str | None:
    """Return the meeting role a normalised label names (``Chair``, ``Rotating secretary``)."""
    words = key.split()
    if key in _ROLE_KEYS:
        return role_key(key)
    if 1 < len(words) <= 3 and words[-1] in _ROLE_TAILS:
        return role_key(words[-1])
    return None


def _is_agenda(title: str) -> bool:
    words = META_WORDS["agenda"] | {"agenda items", "topics"}
    return norm(title).rstrip(":") in words or norm(title.split(":", 1)[0]) in words


def _group_name(label: str) -> str:
    label = clean(label).rstrip(":").strip()
    return label.lower() if label[:1].isupper() and label[1:].islower() else label


def _attendance_cell(value: str) -> str:
    value = clean(value)
    if not value or norm(value) in ("x", "yes", "oui", "y", "v", "ok") or value in "✓✔✅":
        return "present"
    if norm(value) in ("no", "non", "n", "-") or value in ("✗", "❌"):
        return "absent"
    return attendance_key(value) or "present"


def parse_link(text: str) -> dict | None:
    """Return {label, url} for a written link entry, or None when it holds no URL."""
    html = _HTML_LINK.search(text)
    if html:
        before = clean(text[: html.start()]).rstrip(":： -–—").strip()
        label = " ".join(re.sub(r"<[^>]+>", "", html.group("label")).split())
        return {"label": before or label or html.group("url"), "url": html.group("url")}
    md = _MDLINK.search(text)
    if md:
        before = clean(text[: md.start()]).rstrip(":： -–—").strip()
        return {"label": before or clean(md.group(1)), "url": md.group(2)}
    url = _URL.search(text)
    if not url:
        return None
    before = clean(text[: url.start()]).rstrip(":： -–—").strip()
    if not re.search(r"\w", before):
        before = ""  # "[https://...](https://...}" — a link written wrong, its text is the URL
    return {"label": before or url.group(1), "url": url.group(1)}


def split_title(title: str) -> tuple[str, str | None, int | None]:
    """Return (title, presenter, duration in minutes) for an agenda heading or agenda line."""
    presenter = duration = None
    lead = re.match(r"^\s*\[(?P<who>[A-ZÀ-Ý][\w'’.-]+(?:[ ,/&]+[A-ZÀ-Ý@][\w'’.-]+){0,3})\]\s+",
                    title)
    if lead and not lead.group("who").isupper():
        presenter, title = lead.group("who"), title[lead.end():]
    m = _PRESENTER.search(title)
    if m and presenter is None:
        presenter, title = clean(m.group("who")), title[: m.start()]
    m = _DURATION.search(title)
    if m and m.end() >= len(title.rstrip()) - 1:
        duration, title = int(m.group(1)), title[: m.start()]
    m = _NAMED_BY.search(title)
    if m and presenter is None and title[: m.start()].strip():
        # "Incident procedure in code of conduct (Arnaud)": the person who brings the topic
        presenter, title = m.group("who"), title[: m.start()]
    title = re.sub(r"^\s*(?:\d+(?:\.\d+)*[.)]|[IVX]+[.)])\s+", "", title).strip(" :—–-")
    return title or "Untitled", presenter, duration


def normalise(value):
    """Return a front-matter scalar as the reader would write it (dates as ISO text)."""
    return normalise_date(value)


# a link whose text may hold one level of brackets: "[[FR] option to ...](https://...)"
_TITLE_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(([^()\s]*(?:\([^()\s]*\))?[^()\s]*)\)")


def plain_title(title: str) -> tuple[str, list[tuple[str, str]]]:
    """Return a heading as plain text (titles are not Markdown) and the links written in it."""
    links = [(clean(m.group(1)), m.group(2)) for m in _TITLE_LINK.finditer(title)]
    text = _TITLE_LINK.sub(lambda m: m.group(1), title)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1", text)
    text = re.sub(r"(\*\*|__|`)(.+?)\1", r"\2", text)
    return " ".join(text.split()), links

