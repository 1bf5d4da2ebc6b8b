"""Attendees as minutes list them: ``Name @handle (Group)``, ``Name (@handle)``, ``Name, Role``."""

from __future__ import annotations

import re

from docgen.readers.markdown_minutes.vocab import ATTENDANCE_WORDS, HONORIFICS, ROLE_WORDS, WHOLE_TEAM, norm

_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
_HANDLE = re.compile(r"(?<![\w.])@([A-Za-z0-9][\w-]*(?:/[\w-]+)?)")
# a parenthesis, which may hold one of its own: "(Erlang Ecosystem Foundation (EEF))"
# (?<!\s): tried from the first blank of a run only, so a long run is not rescanned from each blank
_PARENS = re.compile(r"(?<!\s)\s*[(\[]((?:[^()\[\]]|\([^()\[\]]*\))*)[)\]]")
# each tried from a run's first blank only (from every blank, a long run cost its square)
_DASH = re.compile(r"(?<!\s)\s+(?:—|–|-|\|)\s+|(?<!\s)\s*[—–]\s*")
_ATTENDANCE_HINTS = {
    "remote": ("remote", "online", "visio", "teams", "zoom", "phone", "dial-in", "a distance",
               "en ligne", "remotely", "video"),
    "excused": ("excused", "excuse", "excusee", "regrets", "apologies", "conges", "conge",
                "vacances", "on leave", "holiday", "holidays", "vacation", "maladie", "sick"),
    "absent": ("absent", "not present"),
}
_ROLE_HINTS = {
    "chair": ("chair", "president", "presidente", "presidence"),
    "facilitator": ("facilitator", "moderator", "animateur", "animatrice", "host"),
    "minute_taker": ("scribe", "minutes", "note taker", "notetaker", "note-taker", "secretary",
                     "secretaire", "minute taker", "redacteur", "redactrice"),
}


_BOX = re.compile(r"^\s*\[([ xX✓✔]?)\]\s+")
_ROLE_NOUNS = {"tsc", "tac", "pmc", "chair", "co-chair", "cochair", "vice-chair", "architect",
               "lead", "maintainer", "member", "rep", "representative", "secretary", "treasurer",
               "president", "committer", "editor", "liaison", "observer", "guest", "staff",
               "manager", "director", "coordinator", "sponsor", "admin", "moderator", "host",
               "chef", "cheffe", "directeur", "directrice", "responsable", "charge", "chargee",
               "engineer", "ingenieur", "ingenieure", "developer", "developpeur", "developpeuse",
               "analyst", "analyste", "consultant", "consultante", "officer", "head", "owner",
               "assistant", "assistante", "animateur", "animatrice", "secretaire", "tresorier",
               "tresoriere", "pilote", "referent", "referente", "product", "scrum"}


def _role_like(remark: str) -> bool:
    """Return whether a parenthetical remark names a role (``TSC``, ``TSC Chief Architect``)."""
    return any(word in _ROLE_NOUNS for word in norm(remark).split())


def clean(text: str) -> str:
    """Return ``text`` without Markdown emphasis, link targets and surrounding punctuation."""
    text = _LINK.sub(r"\1", text)
    text = re.sub(r"(\*\*|__|\*|_|`)(.+?)\1", r"\2", text)
    return text.strip().strip("*_`").strip(" .;,")


def split_names(value: str) -> list[str]:
    """Return the names of a list written on one line (commas, semicolons, " / ", "and", "et")."""
    parts, depth, current = [], 0, ""
    for char in value:
        depth += char in "(["
        depth -= char in ")]"
        if char in ",;" and depth <= 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    names: list[str] = []
    for part in parts:
        team = _TEAM_NAMED.match(part)
        if team and _SEVERAL_NAMES.search(team.group("names")):
            names.extend(split_names(team.group("names")))  # "toute l'équipe (Yahya, Marie et Sami)"
        else:
            names.extend(re.split(r"\s+(?:and|&|et)\s+", part) if "(" not in part else [part])
    return [piece.strip() for n in names for piece in _slashed(n) if piece.strip()]


# a capitalised name of one to four words: "Ruxin Ma", "Jean-Luc Picard"
_CAPITALISED_NAME = re.compile(r"[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,3}")


def _slashed(name: str) -> list[str]:
    """Return the names ``name`` joins with " / " or a dash, " | " or " · ", or ``[name]``.

    With " / " or a spaced dash ("Ruxin Ma / Jiahui Huang / Feinan Guo", "Ana Lopez - Bo Li - Cy
    Wu"), only three parts or more, each a first and last name: "Jean Dupont / Société Générale" is
    a person and an organisation, "Kevin Koy / @kevkoy / Schmidt DSE" a name, handle and
    organisation, "Ana Lopez - Chair" a person and her role. " | " and " · " join names only.
    """
    for mark in (" | ", " · "):
        parts = [part.strip() for part in name.split(mark)]
        if len(parts) > 1 and all(_CAPITALISED_NAME.fullmatch(part) and
                                  all(w[0].isupper() for w in part.split()) for part in parts):
            return parts
    for mark in (" / ", " - ", " – "):
        parts = [part.strip() for part in name.split(mark)]
        if len(parts) > 2 and all(_first_and_last(part) for part in parts):
            return parts
    return [name]


def _first_and_last(part: str) -> bool:
    """Return whether ``part`` is a capitalised first and last name (two to four words, not in capitals)."""
    return bool(_CAPITALISED_NAME.fullmatch(part)) and len(part.split()) >= 2 and \
        all(w[0].isupper() and not w.isupper() for w in part.split())


# everyone, then who that is: "toute l'équipe (Yahya, Marie et Sami)", "the whole team (Ana, Bo)"
_TEAM_NAMED = re.compile(rf"(?i)^\s*(?:{'|'.join(WHOLE_TEAM)})\s*\((?P<names>[^()]+)\)\s*$")
# several names in that parenthesis (checked apart: two [^()]+ around it rescanned long lines)
_SEVERAL_NAMES = re.compile(r"(?i),|\band\b|\bet\b|&")


def role_key(text: str) -> str | None:
    """Return the meeting role (chair, facilitator, minute_taker) a label or remark names."""
    return _named(text, ROLE_WORDS, _ROLE_HINTS)


def attendance_key(text: str) -> str | None:
    """Return the attendance (present, excused, absent, remote) a label or remark names."""
    return _named(text, ATTENDANCE_WORDS, _ATTENDANCE_HINTS)


def _named(text: str, words: dict, hints: dict) -> str | None:
    """Return the key whose exact words equal ``text``, else whose hint words it contains."""
    key = norm(text)
    for name, exact in words.items():
        if key in exact:
            return name
    for name, parts in hints.items():
        if any(re.search(rf"\b{re.escape(h)}\b", key) for h in parts):
            return name
    return None


_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~@])")  # Markdown escapes: "Nicolas Ho \- Animateur"
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,80}>")
_COLLECTIVE = re.compile(r"(?i)^\s*\d|\b(?:au complet|tout le monde|everyone|everybody|all members|"
                         r"whole team|full board|n/a)\b|^\s*(?:your|votre|ton|ta) (?:full )?"
                         r"(?:name|nom|prénom)\b|^\s*(?:name|nom)\s*(?:/|$)")


def _slash_fields(text: str, person: dict) -> str:
    """Return the name of ``Matt / @mfisher87 / Schmidt DSE``; the handle and organisation go to ``person``.

    Sign-in lists headed "Your name / GitHub ID / affiliation" separate the fields with
    slashes; empty fields (``Greg / \\ / QuantStack``) are skipped.
    """
    if " / " not in text:
        return text
    fields = [f.strip() for f in _slash_split(text)]
    fields = [f for f in fields if f.strip("\\ ")]
    if not fields or fields[0].startswith("@"):
        return text
    for extra in fields[1:]:
        if extra.startswith("@") and "handle" not in person:
            person["handle"] = extra[1:]
        elif "organisation" not in person and not extra.startswith("@"):
            person["organisation"] = extra
    return fields[0]


def _slash_split(text: str) -> list[str]:
    """Return the fields of ``text`` split at " / " outside parentheses.

    "Carole Goble (University of Manchester / SSI)" is one field: the slash is the organisation's.
    """
    fields, depth, start = [], 0, 0
    for index, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if depth <= 0 and text.startswith(" / ", index):
            fields.append(text[start:index])
            start = index + 3
    return fields + [text[start:]]


# a title before a capitalised name: "M. Vincent LAURENT" is Vincent LAURENT
_TITLES = "|".join(re.escape(h) for h in HONORIFICS)
_HONORIFIC = re.compile(rf"^(?:{_TITLES})\s+(?=[A-ZÀ-Ý])")


def parse_person(text: str) -> dict | None:
    """Return an attendee mapping for one written entry, or None when it is not a name.

    A parenthesis after a handle is the person's group (``Colin Ihrig @cjihrig (TSC)``); other
    parentheses give attendance (``(remote)``), a meeting role (``(chair)``) or the organisation.
    """
    person: dict = {}
    text = _HONORIFIC.sub("", _plain_entry(_take_box(text, person)))
    if _COLLECTIVE.search(text):
        return None  # "CA au complet", "7 membres", "everyone": no one in particular
    text = _take_proxy(_take_group_suffix(_close_paren(text), person), person)
    text = _role_then_name(text, person)
    text, has_handle = _take_handle(_slash_fields(text, person), person)
    text = _take_remarks(text, person, has_handle)
    name = _take_dash_part(text, person)
    if not name and person.get("handle"):
        name = person["handle"]
    if not _is_name(name):
        return None
    person["name"] = name
    return {k: person[k] for k in ("name", "role", "organisation", "attendance", "handle",
                                   "group", "_role") if k in person}


# tried from a run's first blank only: from each blank of a long run it grew with the run's square
_PROXY = re.compile(r"(?i)(?<!\s)[,;]?\s*(?:\(\s*)?(?:représentée?s?|represented|proxy|par procuration)\b"
                    r"(?:\s+(?:par|by|to|à))?[^()]*\)?\s*\.?$")
_GROUP_SUFFIX = re.compile(r"^(?P<name>[\w'’-]+(?:\s+[\w'’-]+)?)@(?P<group>[A-Za-z][\w-]*)$")


_ROLE_THEN_NAME = re.compile(r"^(?P<role>[^()]{2,40}?)\s*\((?P<name>[A-ZÀ-Ý][\w'’.-]*"
                             r"(?:\s+[A-ZÀ-Ý][\w'’.-]*){0,3})\)\s*$")
_PLACEHOLDER_WORDS = {"team", "member", "client", "name", "customer", "supervisor", "tutor",
                      "tuteur", "membre", "equipe", "étudiant", "etudiant", "student"}


def _role_then_name(text: str, person: dict) -> str:
    """Return the name of "Team Member 2 (Daniel Geng)" / "Client (Cian)": the role comes first.

    The part before the parenthesis must read as a role (a numbered slot, or role words), so
    "Greg Wilson (Software Carpentry)" keeps its name.
    """
    m = _ROLE_THEN_NAME.match(text.strip())
    if not m or re.search(r"[—–,;/]|\s-\s", m.group("role")) or len(m.group("role").split()) > 4:
        return text
    words = norm(m.group("role")).split()
    if not words or words[0] not in _PLACEHOLDER_WORDS | _ROLE_NOUNS:
        return text  # "Greg Wilson (Software Carpentry)", "Rich Trott (TSC)": a name first
    person.setdefault("role", m.group("role").strip())
    return m.group("name")


def _close_paren(text: str) -> str:
    """Return ``text`` with an unclosed last parenthesis closed ("Name (University of X")."""
    return text + ")" if text.count("(") > text.count(")") else text


def _take_proxy(text: str, person: dict) -> str:
    """Return a name without its proxy ("Elodie R, représentée par J. Brucker"): not there, excused."""
    m = _PROXY.search(text)
    if not m or not text[: m.start()].strip():
        return text
    person.setdefault("attendance", "excused")
    return text[: m.start()].strip()


def _take_group_suffix(text: str, person: dict) -> str:
    """Return the name of a ``pseudo@groupe`` sign-in (``VG@adminsys``); the group goes to ``person``.

    An address has a dot after the @, a sign-in does not.
    """
    m = _GROUP_SUFFIX.match(text.strip())
    if not m:
        return text
    person["group"] = m.group("group")
    return m.group("name")


def _take_box(text: str, person: dict) -> str:
    """Return ``text`` without a leading roll-call box, whose tick gives ``person`` its attendance."""
    box = _BOX.match(text)
    if not box:
        return text
    # roll-call lists tick who came: "[x] Name" attended, "[ ] Name" did not
    person["attendance"] = "present" if box.group(1).strip() else "absent"
    return text[box.end():]


def _plain_entry(text: str) -> str:
    """Return an entry without strike-through, HTML tags, link targets, escapes and emphasis."""
    return clean(_LINK.sub(r"\1", _ESCAPE.sub(r"\1", _TAG.sub(" ", text.replace("~~", "")))))


def _take_handle(text: str, person: dict) -> tuple[str, bool]:
    """Return (``text`` without its first ``@handle``, whether there was one); the handle goes to ``person``."""
    handle = _HANDLE.search(text)
    if not handle:
        return text, False
    person["handle"] = handle.group(1)
    return (text[: handle.start()] + text[handle.end():]).strip(), True


def _take_remarks(text: str, person: dict, has_handle: bool) -> str:
    """Return ``text`` without its parentheses, each remark in them recorded in ``person``.

    A parenthesis naming attendance or a role may hold several remarks separated by commas.
    """
    remarks = [piece for remark in _PARENS.findall(text)
               for piece in (remark.split(",") if role_key(remark) or attendance_key(remark)
                             else [remark])]
    for remark in remarks:
        remark = remark.strip()
        if remark:
            _remark(remark, person, has_handle)
    return _PARENS.sub("", text).strip()


def _remark(remark: str, person: dict, has_handle: bool) -> None:
    """Record one parenthetical remark: a handle, attendance, meeting role, group, role or organisation."""
    if remark.startswith("@"):
        person["handle"] = remark[1:].strip()
    elif attendance_key(remark):
        person["attendance"] = attendance_key(remark)
    elif role_key(remark):
        person["_role"] = role_key(remark)
        person.setdefault("role", remark)
    elif has_handle and "group" not in person:
        person["group"] = remark
    elif "role" not in person and _role_like(remark):
        person["role"] = remark  # "Camille Roux (cheffe de projet)", "Sean Cooper (TSC)"
    elif "organisation" not in person:
        person["organisation"] = remark
    else:
        person["role"] = remark


def _take_dash_part(text: str, person: dict) -> str:
    """Return the name before a dash (or a comma); what follows it is a role or organisation of ``person``.

    Initials before the dash key a legend of people: "JT - Jeremy Tandy, Met Office" is Jeremy
    Tandy, of the Met Office.
    """
    parts = _DASH.split(text, maxsplit=1)
    if len(parts) == 1 and "," in text:
        parts = [p.strip() for p in text.split(",", 1)]
    if len(parts) > 1 and _INITIALS_KEY.fullmatch(parts[0].strip()):
        name, _, extra = clean(parts[1]).partition(",")
        if _is_name(name.strip()) and len(name.split()) >= 2:
            if extra.strip(" ,"):
                _after_dash(extra.strip(" ,"), person)
            return name.strip()
    if len(parts) > 1 and clean(parts[1]):
        _after_dash(clean(parts[1]), person)
    return clean(parts[0])


# "JT", "RGr", "LLG": a person's initials, two capitals at least
_INITIALS_KEY = re.compile(r"[A-Z](?=[A-Za-z]*[A-Z])[A-Za-z]{1,3}")


def _after_dash(extra: str, person: dict) -> None:
    """Record what follows the name's dash: the organisation beside a role, else the role."""
    if "role" in person and "organisation" not in person:
        person["organisation"] = extra  # "Name (TSC Chair) - Company"
    elif "organisation" in person and "role" not in person and _role_like(person["organisation"]):
        # "Name (TSC Chair) - Company": the parenthesis is the role, the dash part the company
        person["role"], person["organisation"] = person["organisation"], extra
    else:
        person["role"] = extra


_FUNCTION_WORDS = {"if", "for", "to", "the", "a", "an", "and", "or", "with", "on", "in", "at", "is",
                   "are", "be", "was", "will", "asks", "ask", "check", "ping", "see", "not", "et",
                   "ou", "pour", "avec", "sur", "est", "sont", "les", "une", "un", "que", "qui",
                   "dans", "pas", "fait", "faire"}
_NOT_NAMES = {"ok", "yes", "no", "oui", "non", "n/a", "na", "tbd", "none", "nobody", "personne",
              "x", "-", "?", "todo", "done"}


def _is_name(name: str) -> bool:
    """Return whether an entry's name can be a person's.

    Up to six words, no colon, no address, not a mark ("OK", "Yes"); in a name of several words
    a lower-case word that is a function word or verb ("check if renewal") makes it a note.
    """
    if not name or len(name.split()) > 6 or ":" in name or re.search(r"https?://", name):
        return False
    words = name.split()
    if name.lower() in _NOT_NAMES or re.search(r"\d\D", name):
        return False  # "G1A-2" is a team; a nick may end with digits ("tom28")
    # "connor horman" is a name written in lower case; "check if renewal" is a note
    return not any(w.lower() in _FUNCTION_WORDS for w in words if not w[:1].isupper())
