"""Words that mark sections and labelled lines in minutes, in English and French."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_LINKED = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TAG_PREFIX = re.compile(r"^\s*\[[^\]]*\]\s*")
_EMPHASIS = re.compile(r"[*_`~]")
# "1.2 ", "3) ", "iv. ", and a letter before a bracket: "b) Conventions à mettre en place"
_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+[.)]|[a-z]\))\s+", re.IGNORECASE)
_NOT_WORD = re.compile(r"[^\w&'/+-]+")


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Return ``text`` reduced for matching: lower case, no accents, Markdown, tags or numbering.

    Cached: headings and labels repeat (every topic's "Decisions:", a file of 50,000 "# h").
    """
    text = _LINKED.sub(r"\1", text)
    text = _TAG_PREFIX.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = _NUMBERING.sub("", text)
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _NOT_WORD.sub(" ", text).replace("’", "'")
    return " ".join(text.split())


def _set(*words: str) -> frozenset[str]:
    return frozenset(norm(w) for w in words)


ATTENDANCE_WORDS = {
    "present": _set("attendees", "attendance", "present", "participants", "who", "in attendance",
                    "attending", "people", "presents", "presentes", "présents", "présentes",
                    "participants presents", "here", "personnes presentes", "participantes",
                    "attended by", "attended", "roll call", "présent.e.s", "présent·e·s",
                    "intervenants", "intervenantes", "intervenants et rôles", "participants et rôles",
                    "attendees and roles", "membres et rôles", "présents et rôles",
                    "people present", "those present"),
    "excused": _set("regrets", "apologies", "excused", "excuses", "excusés", "excusées", "excusé",
                    "excusée", "excusé(e)s", "excusé.e.s",
                    "excusé(e)s", "apologies received", "sent regrets",
                    # absent with apologies: "Absents excusés", "Apologies for absence"
                    "absents excusés", "absentes excusées", "absent excusé", "absente excusée",
                    "absent excused", "absent with apologies", "apologies for absence"),
    "absent": _set("absent", "absents", "absentes", "absente", "absent(e)s", "absent.e.s",
                   "not present", "missing", "absents non excusés", "absent non excusé",
                   "absent without apologies", "no-show", "no show"),
    "remote": _set("remote", "remote attendees", "online", "a distance", "à distance", "en visio",
                   "visio", "dial-in", "remotely", "en ligne"),
}
GROUP_WORDS = _set("members", "observers", "guests", "invites", "invités", "staff", "membres",
                   "observateurs", "also present", "others", "visitors", "board", "team",
                   "also attending", "also in attendance", "invited", "invitées", "invitée",
                   # who supervises a project team, listed with its members
                   "supervisor", "supervisors", "tutor", "tutors", "mentor", "mentors", "advisor",
                   "advisors", "encadrant", "encadrante", "encadrants", "tuteur", "tutrice")
ROLE_WORDS = {
    "chair": _set("chair", "chairs", "chaired by", "chairperson", "president", "présidente",
                  "président", "présidence", "presidence", "chair(s)"),
    "facilitator": _set("facilitator", "facilitators", "moderator", "host", "animateur",
                        "animatrice", "animation", "facilitated by", "led by"),
    "minute_taker": _set("minutes", "minute taker", "minutes taker", "minute-taker", "note taker",
                         "note-taker", "notetaker", "notes by", "scribe", "scribes", "recorder",
                         "secretary", "secretaire", "secrétaire de séance", "secrétaire",
                         "rédacteur", "rédactrice", "redaction", "rédaction", "notes taken by",
                         "minutes by", "taking notes"),
}
META_WORDS = {
    "date": _set("date", "when", "le", "date de la réunion", "date de reunion", "meeting date",
                 "jour", "quand"),
    "time": _set("time", "heure", "horaire", "horaires", "hours"),
    "location": _set("location", "where", "place", "lieu", "salle", "venue", "room", "ou", "où"),
    "title": _set("title", "titre", "objet", "subject", "meeting"),
    "project": _set("project", "projet"),
    "series": _set("series", "série", "instance"),
    "distribution": _set("distribution", "diffusion", "cc", "copie", "copy to", "recipients"),
    "next": _set("next meeting", "prochaine réunion", "prochaine reunion", "next call",
                 "next session", "prochaine séance", "prochain point", "prochain rendez-vous",
                 "prochain rdv", "next sync", "next check-in"),
    "presenter": _set("presenter", "présentateur", "présentatrice", "intervenant",
                      "intervenante", "speaker", "owner", "lead", "porteur", "liaison"),
    "duration": _set("duration", "durée", "timebox", "time box"),
    "topic": _set("topic", "sujet", "point"),
    "agenda": _set("agenda", "ordre du jour"),
}
DECISION_WORDS = _set("decision", "decisions", "decided", "resolved", "resolution", "resolutions",
                      "agreed", "agreement", "consensus", "décision", "décisions", "décidé",
                      "décidée", "validé", "adopté", "approved", "outcome", "verdict",
                      "conclusion",
                      # a steering committee's rulings: "Acté :", "Arbitrage rendu :" (a bare
                      # "Arbitrage :" may be one still to make)
                      "acté", "actée", "arbitrage rendu", "arbitrages rendus")
#: titles written before a name ("M. Jean PETIT", "Mme Roux", "Dr Ana Lee"): not part of it
HONORIFICS = ("M.", "MM.", "Mme", "Mmes", "Mlle", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr",
              "Dr.", "Pr", "Pr.", "Prof.", "Prof")

#: the plan of a stand-up (a list label, or a heading over each person's list), and the due
#: date its items take ("" when it names no day)
PLAN_WORDS = {"today": "today", "aujourd'hui": "today", "aujourd hui": "today",
              "today's plan": "today", "plan for today": "today", "plans for today": "today",
              "what will be done today": "today", "what we will do today": "today",
              "ce qui sera fait aujourd'hui": "today", "a faire aujourd'hui": "today",
              "will do": "", "next": "", "next steps": "", "plans": "", "to do": "", "todo": "",
              "a faire": "", "prochaines etapes": "", "ce qui sera fait": "",
              "this week": "this week", "cette semaine": "cette semaine"}
#: everyone at once, never one person's name: "### Tous", "### All"
EVERYONE_WORDS = _set("all", "everyone", "everybody", "team", "the team", "tous", "toutes", "tout le monde",
                      "équipe", "l'équipe", "toute l'équipe", "others", "autres")

#: everyone at the meeting, as an attendee entry that may then name them: "toute l'équipe
#: (Yahya, Marie et Sami)", "the whole team (Ana, Bo)" (regular expressions)
WHOLE_TEAM = (r"toute l['’]équipe", r"toute l['’]equipe", r"(?:the )?(?:whole|entire|full) team",
              r"tout le monde", "everyone", "everybody", "tous", "all of us", "l['’]équipe au complet")

#: the label of a line that only gives a deadline: "Target completion: 8 weeks", "Échéance : fin mars"
DEADLINE_LABELS = _set("target", "target completion", "target date", "completion target", "deadline",
                       "due", "due date", "timeline", "échéance", "date cible", "date limite", "délai",
                       "date de fin")

#: what joins two names of one table column: "Action / livrable", "Décision ou point restant ouvert"
HEADER_ALTERNATIVES = ("/", "or", "ou")

#: who takes a decision in a label that names it: "Décision du bureau :", "Decision of the board:"
DECIDING_BODIES = _set("board", "committee", "council", "team", "group", "assembly", "members",
                       "chair", "tsc", "steering committee", "bureau", "ca", "comité", "conseil",
                       "assemblée", "ag", "équipe", "groupe", "membres", "président", "présidente",
                       # project governance: the steering committee, the sponsor, the client
                       "copil", "codir", "comex", "cotech", "moa", "sponsor", "sponsors",
                       "steerco", "project board")
ACTION_WORDS = _set("action", "actions", "action item", "action items", "ai", "todo", "to do",
                    "to-do", "action point", "action points", "à faire", "a faire", "next step",
                    "next steps", "follow-up", "follow up", "task", "tasks", "ar",
                    "action required", "action requise")

#: the header of an actions table's owner column, beyond "Owner" / "Responsable" (tables.py)
OWNER_COLUMNS = _set("responsible", "responsibles", "person responsible", "responsible person",
                     "responsables", "responsible party")

SECTION_KINDS = {
    "actions": _set("action items", "actions", "action points", "next steps", "todo", "todos",
                    "to do", "to-do", "to-dos", "tasks", "follow-ups", "follow ups", "follow-up",
                    "action item", "ai", "plan d'actions", "plan d'action", "prochaines étapes",
                    "actions à mener", "suites à donner", "relevé d'actions", "liste des actions",
                    "new actions", "nouvelles actions", "actions decided", "assigned actions",
                    "followup", "followups", "follow-ups", "à faire", "a faire", "actions à faire",
                    "qui fait quoi", "agreed actions", "actions agreed",
                    # the tasks in French, and tasks ranked or handed out
                    "tâches à faire", "tâches prioritaires", "priority tasks",
                    "répartition des tâches", "task allocation", "task allocations",
                    "task assignments", "assigned tasks", "tâches assignées"),
    "decisions": _set("decisions", "decision", "décisions", "décision", "decisions made",
                      "resolutions", "relevé de décisions", "decisions taken", "décisions prises",
                      "outcomes", "agreements", "resolved", "on a décidé", "ce qui a été décidé",
                      "nous avons décidé", "décidé", "what we decided", "we decided",
                      "decisions and agreements",
                      # rules a group adopts are its decisions
                      "rules", "ground rules", "team rules", "working agreements", "agreements",
                      "group contract", "team contract", "règles", "règles de fonctionnement",
                      "règles de l'équipe", "charte", "conventions", "conventions à mettre en place",
                      "conventions adoptées"),
    "links": _set("links", "liens", "references", "références", "resources", "ressources",
                  "documents", "useful links", "liens utiles", "transcript", "transcripts",
                  "recording", "recordings", "enregistrement"),
    "next": META_WORDS["next"] | _set("upcoming meetings", "upcoming meeting", "next meetings",
                                      "prochaines réunions"),
    "agenda": _set("agenda", "ordre du jour", "discussion", "discussions", "discussion items",
                   "topics", "minutes", "notes", "meeting notes", "points abordés",
                   "compte rendu", "compte-rendu", "sujets", "agenda items", "items",
                   "déroulé", "discussion topics", "sujets abordés", "points discutés"),
    "info": _set("details", "meeting details", "meeting info", "meeting information", "logistics",
                 "informations", "informations pratiques", "info", "roles", "rôles", "overview",
                 "registration", "inscription", "call-in details", "dial-in", "connexion",
                 "agenda items for future meetings", "future agenda items", "future topics",
                 "parking lot", "schedule constraints", "points pour une prochaine réunion",
                 "other notes", "autres notes", "general notes", "notes générales"),
    "previous": _set("previous actions", "review of previous actions", "actions précédentes",
                     "suivi des actions", "open actions", "actions from last meeting",
                     "action review", "revue des actions", "previous action items",
                     "status of previous actions", "actions from last week",
                     "review of actions", "last week's actions", "review of last week's actions",
                     "actions de la semaine derniere", "suivi des actions precedentes",
                     "actions from the previous meeting", "follow-up of actions",
                     "action item review", "action items review", "review action items",
                     "review of action items", "previous meeting actions"),
}
#: "Next meeting will be on ...", "La prochaine réunion aura lieu ...": a sentence giving the next meeting.
NEXT_SENTENCE = re.compile(r"(?i)\b(?:next|prochaine?)\s+(?:meeting|call|session|réunion|séance|"
                           r"rencontre)\s+(?:will\s+be|is|aura\s+lieu|se\s+tiendra|le|on)\b")
NOTHING = re.compile(r"^\s*(none|n/a|nothing|no decisions?|no actions?|aucune?|néant|rien)[.!]?\s*$",
                     re.IGNORECASE)
FRENCH_HINTS = _set("ordre du jour", "présents", "excusés", "absents", "décisions",
                    "prochaine réunion", "compte rendu", "réunion", "relevé de décisions",
                    "secrétaire de séance", "président", "présidente", "lieu", "prochaines étapes",
                    "plan d'actions", "points abordés", "participants", "diffusion", "objet")


@lru_cache(maxsize=65536)
def section_kind(title: str) -> tuple[str, str | None]:
    """Return (kind, detail) for a heading: attendees (detail = attendance), actions, decisions..."""
    key = _heading_key(title)
    kind = _kind_of(key)
    if kind[0] == "general" and "/" in title and " " not in title.split("/")[0].strip():
        # "Actions/Resolutions", "Décisions/Actions": the first kind named
        head = _heading_key(title.split("/", 1)[0])
        if head and _kind_of(head)[0] != "general":
            return _kind_of(head)
    if kind[0] == "general" and ":" in title:
        # "Agenda: [github issues](...)", "Attendees (sign yourself in):" name their kind first
        head = _heading_key(title.split(":", 1)[0])
        if head and _kind_of(head)[0] != "general":
            return _kind_of(head)
    if kind[0] == "general":
        return _summed_up_kind(key) or kind
    return kind


#: what a heading sums up before naming what it holds: "Summary and Actions", "Synthèse et décisions"
SUMMARY_WORDS = _set("summary", "meeting summary", "recap", "wrap-up", "wrap up", "conclusion",
                     "conclusions", "résumé", "synthèse", "bilan", "récapitulatif")
_SUMMED_UP = re.compile(r"^(?P<head>.+?)\s+(?:and|&|et|\+)\s+(?P<tail>.+)$")


# "Action Items Summary", "Summary of actions", "Récapitulatif des décisions": a summary of one kind
_SUMMARY_OF = re.compile(r"^(?P<kind>.+?)\s+(?P<head>summary|recap)$|"
                         r"^(?P<head2>.+?)\s+(?:of|of the|des|de la|du|de)\s+(?P<kind2>.+)$")


def _summed_up_kind(key: str) -> tuple[str, str | None] | None:
    """Return the kind of "Summary and Actions" or "Action items summary" (a summary of actions or
    decisions), else None."""
    m = _SUMMED_UP.match(key)
    if m and m.group("head") in SUMMARY_WORDS:
        tail = _kind_of(m.group("tail"))
        return tail if tail[0] in ("actions", "decisions") else None
    m = _SUMMARY_OF.match(key)
    if not m or (m.group("head") or m.group("head2")) not in SUMMARY_WORDS:
        return None
    kind = _kind_of(m.group("kind") or m.group("kind2"))
    return kind if kind[0] in ("actions", "decisions") else None


def _heading_key(title: str) -> str:
    title = title.strip().rstrip(":： ").strip()
    return norm(re.sub(r"\s*[(\[][^()\[\]]*[)\]]\s*$", "", title)).rstrip(":").strip()


# the last word of a qualified people label: "TSC members", "Additional attendees"
_PEOPLE_TAILS = _set("attendees", "participants", "members", "observers", "guests", "visitors",
                     "present", "invités", "membres", "presents")
# "Réunion des membres", "Meeting of members": a gathering of people, a topic, not who attended
_GATHERINGS = _set("réunion", "meeting", "assemblée", "séance", "rencontre", "call", "gathering",
                   "assembly", "ag", "agm")


# inclusive writing in a normalised label: "present e s", "absent-e-s", "excuse(e)s" -> plural
_INCLUSIVE = re.compile(r"(?:\s|-|\.|·|\()e(?:\s|-|\.|·|\))?s\b")


# single words that give attendance inside a longer label ("Membres actifs absents (4)",
# "Autres personnes présentes", "Là le samedi"), absences first
_ATTENDANCE_IN = (
    ("absent", {"absent", "absents", "absente", "absentes"}),
    ("excused", {"excused", "excuse", "excuses", "excusee", "excusees", "apologies", "regrets"}),
    ("remote", {"remote", "remotely", "online", "visio", "distance"}),
    ("present", {"present", "presents", "presente", "presentes", "attending", "attended", "la",
                 "here"}),
)
_PEOPLE_NOUNS = {"membres", "members", "personnes", "people", "participants", "attendees",
                 "invites", "guests", "administrateurs", "directors", "students", "etudiants",
                 "adherents", "benevoles", "volunteers", "staff", "autres", "others"}
_WHEN_WORDS = {"le", "on", "the", "samedi", "dimanche", "lundi", "mardi", "mercredi", "jeudi",
               "vendredi", "saturday", "sunday", "monday", "tuesday", "wednesday", "thursday",
               "friday", "matin", "morning", "afternoon", "apres-midi", "soir", "evening", "day",
               "jour", "1", "2", "ou", "or", "representes", "represented", "actifs", "active",
               # "Attending the meeting:", "Présents à la réunion :"
               "meeting", "call", "at", "this", "a", "reunion", "seance"}
# "Présents en visio conférence", "Present in person", "Présents sur place", "Attending by phone":
# how they attend, after the attendance word
_MODE_WORDS = {"en", "in", "by", "via", "par", "sur", "place", "person", "presentiel", "physique",
               "visio", "visioconference", "visio-conference", "conference", "video", "videoconference",
               "ligne", "online", "distance", "remote", "remotely", "phone", "telephone", "room", "salle"}


def _attendance_in(words: list[str]) -> str | None:
    """Return the attendance a longer label names, or None.

    It must name people ("Membres actifs absents") or open on the attendance word with only
    when it applies or how they attend after it ("Là le samedi", "Present on Monday", "Présents en visio").
    """
    if not 1 < len(words) <= 7:
        return None
    for attendance, marks in _ATTENDANCE_IN:
        if not marks & set(words):
            continue
        if _PEOPLE_NOUNS & set(words) or (words[0] in marks and set(words[1:]) <= _WHEN_WORDS | _MODE_WORDS):
            return attendance
    return None


def people_label(key: str) -> tuple[str, bool] | None:
    """Return (attendance, grouped) for a normalised people label, or None when it is not one.

    ``grouped`` says the label names a group of people (``Members``, ``TSC members``,
    ``Additional attendees``) rather than an attendance (``Present``, ``Regrets``).
    """
    key = _INCLUSIVE.sub("s", key)  # "présent·e·s", "absent-e-s", "excusé.e.s": the plural
    for attendance, words in ATTENDANCE_WORDS.items():
        if key in words:
            return attendance, False
    parts = key.split()
    named = _attendance_in(parts)
    if named:
        return named, False
    if key in GROUP_WORDS or (1 < len(parts) <= 3 and parts[-1] in _PEOPLE_TAILS and
                              parts[0] not in _GATHERINGS):
        return "present", True
    return None


#: a meeting's opening round, each person speaking in turn: "Checkins", "Check-in round", "Tour de
#: table", "Météo du début", "Round table"
CHECKIN_TITLE = re.compile(r"^(?:check ?-?ins?|tour de table|tour de meteo|meteo|round ?-?table|"
                           r"opening round)(?:\s+\S+){0,2}$")


# "To do after meeting", "Actions for next week", "À faire pour la prochaine fois": an actions
# word, then when or for whom
_ACTIONS_QUALIFIED = re.compile(r"^(?:to ?-?dos?|action items?|actions?|next steps?|a faire|a realiser|"
                                r"tasks?)\s+(?:after|for|before|until|pour|avant|d ici|from now|"
                                r"this|cette|ce)\b(?:\s+\S+){0,4}$")


# "Suivi des actions de la séance précédente", "Review of actions from the last meeting"
_PREVIOUS_ACTIONS = re.compile(
    r"^(?:suivi|revue|review|follow-up|follow up|status|point)\s+(?:of\s+|des\s+|de\s+l[a']?\s*|sur\s+les\s+)?"
    r"(?:the\s+)?(?:open\s+|previous\s+|last\s+)?actions?\b|^actions?\b.*\b(?:last|previous|"
    r"precedente?s?|derniere|passee|from last)\b")


def _kind_of(key: str) -> tuple[str, str | None]:
    people = people_label(key)
    if people:
        return "attendees", None if people[1] else people[0]
    for kind, words in SECTION_KINDS.items():
        if key in words:
            return kind, None
    if _PREVIOUS_ACTIONS.match(key):
        return "previous", None
    if _ACTIONS_QUALIFIED.match(key) and "last" not in key and "previous" not in key and \
            "precedent" not in key:
        return "actions", None
    if _DECISIONS_QUALIFIED.match(key):
        return "decisions", None
    return "general", None


# decisions ranked, logged or said taken: "Key decisions", "Decision log", "Main decisions made",
# "Arbitrages rendus" (a steering committee's rulings), "Points validés", "Agreed"
_DECISIONS_QUALIFIED = re.compile(
    r"^(?:(?:key|main|major|important|final|principal|principales|grandes|summary of|list of|liste des|"
    r"recap of|recapitulatif des|releve des)\s+)?(?:decisions?|agreements?)"
    r"(?:\s+(?:made|taken|reached|log|register|summary|list|prises?|rendus?|actees?|validees?|"
    r"du comite|of the meeting|de la reunion|du jour|today)){0,2}$"
    r"|^(?:points?|elements?) (?:valides?|actes?|adoptes?|arretes?)$|^agreed(?: items| points)?$"
    r"|^arbitrages? (?:rendus?|du comite|du copil)$")


# the label may be in bold or italics, the colon inside or outside: "**Present:**", "*Attendees*:",
# "_Présents :_"; a single mark after the colon closes one opened before the label ("*Nick* A." is a value)
LABEL = re.compile(
    r"^\s*(?:[-*+]\s+)?(?P<open>\*{1,2}|_{1,2})?\s*(?P<label>[^:：*_]{1,60}?)\s*(?:\*{1,2}|_{1,2})?\s*[:：]\s*"
    r"(?:\*\*|__|(?(open)[*_]))?\s*(?P<value>.*?)\s*$"
)


_BLANKS = re.compile(r"[^\S\n]{2,}")


def collapse_blanks(text: str) -> str:
    """Return ``text`` with each run of blanks (no line break) as one space, as Markdown shows it.

    Patterns with optional marks between blanks try every split of a long run; collapsed first,
    they do not.
    """
    return _BLANKS.sub(" ", text)
_LONE_MARK = re.compile(r"(?:^|(?<=\s))[_*]{1,2}\s+(?=\*\*|__)|(?<=\*\*|__)\s+[_*]{1,2}(?=\s)")
_LABEL_REMARK = re.compile(r"\s*\([^()]*\)\s*$")


def split_label(line: str) -> tuple[str, str] | None:
    """Return (normalised label, value) for ``Label: value`` / ``**Label**: value`` lines."""
    # blanks collapsed first: LABEL's blanks around optional marks would try every split of a
    # run of no-break spaces (2,000 such lines took 28 s); Markdown shows a run as one space.
    # A lone emphasis mark between blanks, as word processors export, is no mark:
    # "_ **Attendees:** _ Keenan, Johnny"
    if ":" not in line and "：" not in line:
        return None
    m = LABEL.match(_LONE_MARK.sub("", collapse_blanks(line)))
    # a link cut at its URL's colon ("[PR 331](https://...): title") is not a label
    if not m or m.group("label").strip().startswith(("http", "<")) or "](" in m.group("label"):
        return None
    # "Attendees (Name, Role):", "Chair(s):": a closing parenthesis explains the label, unless it
    # says how they attended ("Attendees (remote):")
    label = _LABEL_REMARK.sub("", m.group("label")) or m.group("label")
    if label != m.group("label") and _attended_otherwise(norm(m.group("label")), norm(label)):
        label = m.group("label")
    return norm(label), _unclosed_emphasis(m.group("value").strip())


def _attended_otherwise(full: str, bare: str) -> bool:
    """Return whether a people label's parenthesis gives another attendance than the label alone."""
    with_remark = people_label(full)
    return with_remark is not None and with_remark[0] != "present" and people_label(bare) != with_remark


def _unclosed_emphasis(value: str) -> str:
    """Return ``value`` without the mark closing an emphasis opened before the label (``*Note: ...*``)."""
    for mark in ("**", "__", "*", "_"):
        if value.endswith(mark) and value.count(mark) % 2:
            return value[: -len(mark)].rstrip()
    return value
