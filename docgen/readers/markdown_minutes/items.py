"""Actions and decisions from one written line: owner, due date, status, priority, id."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from docgen.readers.markdown_minutes.dates import DATE_PATTERN, find_date
from docgen.readers.markdown_minutes.people import clean
from docgen.readers.markdown_minutes.phrases import words
from docgen.readers.markdown_minutes.relative_dates import resolve_due, take_due_phrase
from docgen.readers.markdown_minutes.standups import LABELS
from docgen.readers.markdown_minutes.vocab import ACTION_WORDS, DECIDING_BODIES, DECISION_WORDS, collapse_blanks, norm

_NAME = r"(?:@[\w-]+|[A-ZÀ-Ý][\w'’.-]*(?:\s+(?:de\s+|van\s+|von\s+|le\s+)?[A-ZÀ-Ý][\w'’.-]*){0,3})"
_OWNERS = rf"(?:{_NAME}|(?i:all|everyone|everybody|tous|toutes)|Team|Équipe)"
_OWNER_PREFIX = re.compile(
    # "and"/"et" whole words only: inside a word ("GetSetGet", "AandB") they made every split a try
    rf"^(?:[*_]{{1,3}})?(?P<owner>{_OWNERS}(?:\s*(?:,|&|/|\+|\band\b|\bet\b)\s*{_NAME})*)(?:[*_]{{1,3}})?"
    rf"\s*(?::|：|\s[—–]\s)\s*(?:\*\*|__)?\s*(?P<rest>\S.*)$", re.DOTALL)
NOT_OWNERS = {norm(w) for w in (
    "Note", "Notes", "Update", "Question", "Context", "Status", "Background", "Next", "Decision",
    "Action", "Todo", "Due", "Owner", "Result", "Outcome", "Summary", "Proposal", "Issue", "PR", "Updates",
    "Link", "Re", "FYI", "Important", "Goal", "Agenda", "Topic", "Done", "Blocked", "Comment",
    "Edit", "Update", "Problem", "Risk", "Info", "Idea", "Reminder", "Follow up", "Remarque",
    "Objectif", "Statut", "Point", "Sujet", "Q", "A", "TBD", "WIP", "Draft", "Answer", "Why",
    "What", "How", "Options", "Option", "Pros", "Cons", "Proposition", "Bilan", "Résultat")} | \
    LABELS  # a stand-up's "Today:", "Yesterday:", "Blockers:" name no one
_TO_VERB = re.compile(r"^(?P<owner>@?[\w'’.-]+(?:\s+[A-ZÀ-Ý][\w'’-]*){0,2}"
                      r"(?:\s*(?:,|\band\b|&)\s*@?[\w'’.-]+(?:\s+[A-ZÀ-Ý][\w'’-]*)?)*)"
                      r"\s+(?:to|will|shall|doit|va)\s+(?P<rest>\S.*)$", re.DOTALL)
_OWNER_PARENS = re.compile(rf"\s*\((?P<who>{_NAME}(?:\s*(?:/|,|&|\band\b|\bet\b)\s*{_NAME})*)\)\s*\.?\s*$")
_VERBS_NOT_NAMES = {"need", "needs", "try", "plan", "have", "going", "want", "remember", "make",
                    "ask", "check", "follow", "we", "i", "they", "it", "this", "that", "someone",
                    "somebody", "nobody", "who", "continue", "start", "how", "agreed",
                    # "Talk to big sponsors", "Reach out to Lotte": a bare imperative, not an owner
                    "talk", "reach", "ping", "email", "remind", "look", "find", "work", "invite",
                    "contact"}
_OWNER_FIELD = re.compile(
    # English labels may drop the colon ("owner Tim"); French words are ordinary words too
    # ("les pilotes", "qui va"), so they count only as "pilote :" labels.
    r"[\s(\[;,|—–-]*\b(?:(?:owner|owners|assignee|assigned to)\b\s*[:：]?|"
    r"(?:responsable|porteur|pilote|qui)\s*[:：])"
    r"\s*(?P<owner>[^)\];,|\n]+?)\s*(?=$|[)\];,|])[)\]]?", re.IGNORECASE)
_DUE = re.compile(
    rf"[\s,;(\[—–-]*\b(?:due(?:\s+(?:date|by|on))?|by|before|deadline|until|échéance|"
    rf"pour\s+le|avant\s+le|d['’]ici\s+le|au\s+plus\s+tard\s+le)\s*[:：]?\s*"
    rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+|(?:lundi|mardi|mercredi|jeudi|"
    rf"vendredi|samedi|dimanche)\s+)?(?P<date>{DATE_PATTERN}|\d{{1,2}}/\d{{1,2}}(?![/\d]))\s*[)\]]?",
    re.IGNORECASE)
# "(2026-03-01)", "(**13/06**)." at the end of a task: a day and month alone only in emphasis
_BARE_DUE = re.compile(rf"(?<!\s)\s*[(\[]\s*(?P<e>\*\*|__|\*|_)?"
                       rf"(?P<date>{DATE_PATTERN}|(?P<dm>\d{{1,2}}/\d{{1,2}})(?![/\d]))"
                       rf"(?(e)(?P=e))\s*[)\]]\s*\.?\s*$", re.IGNORECASE)
_PRIORITY = re.compile(
    r"[\s,;(\[]*\b(?:priority|priorité|prio)\s*[:：]?\s*(?P<p>high|medium|low|haute|moyenne|basse|"
    r"élevée|normale)\b[)\]]?|\s*[(\[](?P<q>high|medium|low)(?:\s+priority)?[)\]]", re.IGNORECASE)
_PRIORITIES = {"haute": "high", "élevée": "high", "moyenne": "medium", "normale": "medium",
               "basse": "low"}
# "AI-12", "[A-3]", and an id numbering the meeting's actions by its date: "09/29-01."
_ID = re.compile(r"^\s*\[?(?:(?P<id>[A-Z]{1,4}-\d{1,4})\]?\s*(?:[:.)]|\s[—–-])?|"
                 r"(?P<dated>\d{2}/\d{2}-\d{2,3})\]?\s*[:.)])\s+")  # not a range "3/14-16"
_STATUS = re.compile(
    r"\s*[(\[](?P<s>done|completed|closed|in progress|ongoing|wip|cancelled|canceled|dropped|"
    r"fait|terminé|en cours|annulé|open|ouvert)[)\]]\s*$", re.IGNORECASE)
STATUS_WORDS = {"done": "done", "completed": "done", "closed": "done", "fait": "done",
                "terminé": "done", "terminée": "done", "ok": "done", "✅": "done", "✔": "done",
                "in progress": "in_progress", "ongoing": "in_progress", "wip": "in_progress",
                "en cours": "in_progress", "cancelled": "cancelled", "canceled": "cancelled",
                "dropped": "cancelled", "annulé": "cancelled", "annulée": "cancelled",
                "open": "open", "ouvert": "open", "ouverte": "open", "todo": "open",
                "to do": "open", "new": "open", "à faire": "open", "not started": "open",
                "in_progress": "in_progress", "pending": "open", "blocked": "in_progress"}
_CHECKBOX = re.compile(r"^\s*\[(?P<c>[ xX~-]?)\]\s+")  # "[]": an empty box too
_ACTION_LABEL = re.compile(
    r"^\s*(?:(?:→|->|=>|⇒|➜|➡️?)\s*)?(?:\*\*|__)?\s*\[?(?P<label>(?i:ACTIONS?(?:\s+ITEMS?)?|Actions?(?:\s+items?)?|Actions?\s+(?:required|requise)|AI|AR|TODOS?|"
    r"To\s?-?\s?dos?|Next\s+steps?|Prochaines\s+étapes|À\s+faire|A\s+faire))\]?(?:\s*(?:-|–|—|\(|\[)\s*(?P<who>[^:)\]*]+?)\s*[)\]]?|\s+(?P<who2>(?i:everyone|everybody|all|tous)|@?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?"
    r"(?:\s*(?:,|&|\+|/|\band\b|\bet\b)\s*@?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)*))?"
    r"\s*(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*(?P<rest>.*)$", re.DOTALL)
_DECISION_LABEL = re.compile(
    # a check mark may open it: "✅ Decision: ..."
    r"^\s*(?:(?:→|->|=>|⇒|➜|➡️?|✅|✔️?|☑️?)\s*)?(?:\*\*|__)?\s*\[?(?P<label>[A-Za-zÀ-ÿ' ]{2,30}?)"
    # "Decision 2:", "Décision n°3 :": decisions numbered in their list
    r"(?:\s*(?:n°|no\.?|#)?\s*\d{1,3})?(?P<bracket>\])?\s*(?:\*\*|__)?"
    # the label ends on a colon, a spaced dash ("DECISION – ...") or its closing bracket ("[DECISION] ...")
    r"(?:\s*[:：]|\s+[-–—](?=\s)|(?(bracket)(?=\s)|(?!)))\s*"
    r"(?:\*\*|__)?\s*(?P<rest>.*)$", re.DOTALL)
# decisions numbered by an id of their own: "DEC-01 - ...", "[DEC-3] ..." ("D2:" is an EU deliverable)
_DECISION_ID = re.compile(r"^\s*\[?(?:DEC|DÉC)-?\d{1,3}\]?\s*(?:[:.)]|\s[-–—])?\s+(?P<rest>\S.*)$", re.DOTALL)
# the labels that may end on a dash or a bracket instead of a colon ("Outcome – unclear", "[Resolved]
# Login bug" are a topic's state)
_DECISION_ITSELF = frozenset(norm(w) for w in ("decision", "decisions", "décision", "décisions", "decided",
                                                "décidé", "agreed", "accord", "résolution", "resolution"))


# "Décision du bureau", "Decision of the board": the word before who took it
_BY_WHOM = {"du", "de", "des", "of", "by", "par"}
_NOT_QUALIFIERS = {"no", "pending", "open", "previous", "past", "needs", "need", "awaiting", "future",
                   "pas", "aucune", "sans"}


def action_label(text: str) -> tuple[str | None, str] | None:
    """Return (owner written in the label, rest) for ``ACTION: ...``-style text, else None.

    The label may follow its owner ("GP: Action item to look into ...", "Tom: ACTION: ...") and
    "Action item to ..." needs no colon.
    """
    found = _labelled(text)
    if found:
        return found
    prefixed = owner_prefix(text) if ":" in text or "：" in text else None
    found = _labelled(prefixed[1]) if prefixed else None
    return (found[0] or prefixed[0], found[1]) if found and prefixed else None


# "Action item to look into governance models": the label, then the task without a colon
_ACTION_TO = re.compile(r"^\s*(?:\*\*|__)?(?i:action(?:\s+item)?)(?:\*\*|__)?\s+to\s+"
                        # "Action items to review were not discussed", "Action to be confirmed": no task
                        r"(?!(?i:be)\b|\S+\s+(?i:were|are|is|was|have|has)\b)(?P<rest>\S.*)$", re.DOTALL)


# an action label closing the task: "Send the report (Action: Bob)", "... [AI: Léa]"
_ACTION_TAIL = re.compile(r"^(?P<rest>\S.*?)\s*[(\[](?i:action|actions|ai|todo|à faire)\s*[:：]\s*"
                          r"(?P<who>[^()\[\]:]{2,60}?)\s*[)\]]\s*\.?\s*$", re.DOTALL)
# an owner field after the task: "Send the report — owner: Bob", "Relancer le devis. Responsable : Léa"
# (two words of task at least, not "Task owner: Sydney", a field of the item above)
# (a mark before the field, a short name after it and nothing more: "our new product owner: Ana
# Lopez joins from Acme" and "Le projet pilote : Marc présente ..." are sentences)
_OWNER_AFTER_TASK = re.compile(r"^\S+\s+\S.*?(?<!(?i:task))(?<!(?i:action))(?:[.;,|(—–-])\s*"
                               r"(?i:owner|owners|assignee|assigned\s+to|responsable|porteur|pilote)\s*[:：]\s*"
                               r"@?[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){0,2}\s*(?:[.;,)|]|$)", re.DOTALL)


def _labelled(text: str) -> tuple[str | None, str] | None:
    """Return (owner in the label, rest) when ``text`` opens on an action label, else None.

    An action label closing the task, or an owner field after it, marks it too.
    """
    m = _ACTION_LABEL.match(text)
    if m and norm(m.group("label")) in ACTION_WORDS and norm(m.group("who2") or "") not in NOT_OWNERS:
        # "AR Updates:" is AR's news, not an action ("AR", action required) owned by "Updates"
        return (m.group("who") or m.group("who2") or None), m.group("rest")
    to = _ACTION_TO.match(text)
    if to:
        return None, to.group("rest")
    text = collapse_blanks(text)
    tail = _ACTION_TAIL.match(text)
    if tail and norm(tail.group("who")) not in NOT_OWNERS:
        return tail.group("who").strip(), tail.group("rest")
    return (None, text) if _OWNER_AFTER_TASK.match(text) else None


def decision_label(text: str) -> str | None:
    """Return the text after a ``Decision:``/``RESOLVED:``/``Agreed:`` label, else None."""
    # blanks collapsed first: the label's optional marks and blanks in a row would try every
    # split of a long run (Markdown shows a run as one space)
    text = collapse_blanks(text)
    m = _DECISION_LABEL.match(text)
    if m and not _colon_ended(m, text) and norm(m.group("label")) not in _DECISION_ITSELF:
        m = None
    if not m or not _is_decision_label(norm(m.group("label")).split()):
        m = _DECISION_ID.match(text)
        if not m:
            return None
    return _FIELD_BREAK.split(m.group("rest"), maxsplit=1)[0].rstrip("\\ ")


def _colon_ended(m: re.Match, text: str) -> bool:
    """Return whether a decision label's match ended on a colon (not a dash or a closing bracket)."""
    return any(mark in text[m.end("label"):m.start("rest")] for mark in ":：")


# "**Decision 2:** Pair up.\\ **Rationale:** ...": a line break, then the next field of the record
_FIELD_BREAK = re.compile(r"(?<!\s)\s*\\\s+(?:\*\*|__)[^*_]{2,30}?[:：]\s*(?:\*\*|__)")


def _is_decision_label(label: list[str]) -> bool:
    """Return whether the words of a label name a decision.

    "Decision:", "Meeting consensus:" / "Final decision:" (a qualified decision word), and
    "Décision du bureau :" / "Decision of the board:" (a decision word, then who took it).
    """
    if not label:
        return False
    if " ".join(label) in DECISION_WORDS:
        return True
    if len(label) <= 3 and label[-1] in DECISION_WORDS and label[0] not in _NOT_QUALIFIERS:
        return True
    return 3 <= len(label) <= 4 and label[0] in DECISION_WORDS and label[1] in _BY_WHOM and \
        label[-1].removeprefix("l'") in DECIDING_BODIES


def owner_prefix(text: str) -> tuple[str, str] | None:
    """Return (owner, rest) for ``Name: task`` / ``@handle: task`` text, else None."""
    m = _OWNER_PREFIX.match(text.strip())
    if not m or norm(m.group("owner")) in NOT_OWNERS:
        return None
    return clean(m.group("owner")), m.group("rest").strip()


def _owner_to_verb(text: str, known: set[str]) -> tuple[str, str] | None:
    m = _TO_VERB.match(text.strip())
    if not m:
        return None
    owner = m.group("owner")
    first = owner.split()[0].lstrip("@").lower()
    if first in _VERBS_NOT_NAMES:
        return None
    if owner.startswith("@") or norm(owner) in known or first in known or owner[:1].isupper():
        return clean(owner), m.group("rest").strip()
    return None


@dataclass
class _Draft:
    """One action line while its fields are taken out of it, in the order of :data:`_STEPS`."""

    text: str
    known: set[str]
    year: int | None
    labelled: bool
    owner: str | None
    status: str | None
    today: date | None
    next_meeting: date | None
    id: str | None = None
    due: str | None = None
    priority: str | None = None


def _checkbox(draft: _Draft) -> None:
    """Take a leading ``[x]``/``[ ]``/``[~]`` box as the status (it beats a given status)."""
    box = _CHECKBOX.match(draft.text)
    if box:
        draft.status = {"x": "done", "X": "done", "~": "cancelled", "-": "cancelled"}.get(box["c"], "open")
        draft.text = draft.text[box.end():]


def without_id(text: str) -> str:
    """Return ``text`` without a leading action id (``AI-12``, ``09/29-01.``)."""
    m = _ID.match(text)
    return text[m.end():] if m else text


def _action_id(draft: _Draft) -> None:
    """Take a leading ``AI-12`` / ``[A-3]`` / ``09/29-01.`` id."""
    m = _ID.match(draft.text)
    if m:
        draft.id, draft.text = m.group("id") or m.group("dated"), draft.text[m.end():]


def _label(draft: _Draft) -> None:
    """Take an ``ACTION:``/``TODO (Ann):`` label, which makes the line labelled and may name the owner."""
    labelled_owner = action_label(draft.text)
    if labelled_owner:
        draft.labelled = True
        draft.owner = draft.owner or (clean(labelled_owner[0]) if labelled_owner[0] else None)
        draft.text = labelled_owner[1]


def _struck(draft: _Draft) -> None:
    """Read a line struck through as a whole (``~~task~~``) as cancelled unless a status was given."""
    if re.fullmatch(r"~~.+~~", draft.text.strip()):
        draft.status, draft.text = draft.status or "cancelled", draft.text.strip()[2:-2]


def _status(draft: _Draft) -> None:
    """Take a closing ``(done)``/``[en cours]`` status."""
    draft.text, draft.status = _take(_STATUS, draft.text, "s", draft.status,
                                     lambda v: STATUS_WORDS.get(v.lower()))


def _due_date(draft: _Draft) -> None:
    """Take the due date: ``due 5 Dec``, then a bare ``(2026-03-01)``, then a phrase (``next Friday``)."""
    text, due = _take(_DUE, draft.text, "date", None, lambda v: _date(v, draft.year))
    if due is None:
        text, due = _take_bare_due(text, draft.year)
    if due is None:
        relative = take_due_phrase(text, draft.today, draft.next_meeting)
        if relative:
            text, due = relative
    draft.text, draft.due = text, due


def _take_bare_due(text: str, year: int | None) -> tuple[str, str | None]:
    """Return (text without it, due) for a date in parentheses ending the task, else (text, None)."""
    m = _BARE_DUE.search(text)
    due = _date(m.group("date"), year) if m and (m.group("e") or not m.group("dm")) else None
    return (text[: m.start()].strip() or text, due) if m and due else (text, None)


def _priority_field(draft: _Draft) -> None:
    """Take a ``priority: high`` / ``(low)`` priority."""
    draft.text, draft.priority = _take(_PRIORITY, draft.text, None, None, _priority)


def _owner_field(draft: _Draft) -> None:
    """Take an ``owner: Tim`` field; a ``Name:`` prefix left in the text then goes too."""
    draft.text, field_owner = _take(_OWNER_FIELD, draft.text, "owner", None, clean)
    draft.owner = draft.owner or field_owner
    prefixed = owner_prefix(draft.text) if field_owner else None
    if prefixed:
        draft.text = prefixed[1]


def _owner_before(draft: _Draft) -> None:
    """Without an owner yet, take ``Name: task`` (or, on a labelled line, ``Name to task``)."""
    if draft.owner is not None:
        return
    prefix = owner_prefix(draft.text) or (_owner_to_verb(draft.text, draft.known) if draft.labelled else None)
    if prefix:
        draft.owner, draft.text = prefix


# "EIS - semaine 49 - Corriger le formulaire", "Dorian / Léni - relancer": who, a dash, the task
_DASHED_OWNER = re.compile(r"^(?P<who>[^\s-].{0,59}?)\s-\s+(?P<rest>\S.*)$", re.DOTALL)
_DASHED_DUE = re.compile(r"^(?P<when>[^\s-].{0,29}?)\s-\s+(?P<rest>\S.*)$", re.DOTALL)
#: the verbs a task in the imperative opens on ("send", "set up", "mettre à jour"), normalised
TASK_VERBS = tuple(norm(verb) for verb in words("task_verbs"))
_DATE_SEGMENT_VERBS = tuple(f"{verb} " for verb in TASK_VERBS)
_OWNER_JOINS = re.compile(r"\s*(?:/|,|&|\band\b|\bet\b)\s*")


def _named_attendees(who: str, known: set[str]) -> list[str] | None:
    """Return the names ``who`` joins ("Dorian / Léni", "Bob, Léa") when each is an attendee's, else None."""
    names = [n.strip() for n in _OWNER_JOINS.split(who)]
    return names if all(n and norm(n) in known for n in names) else None


def _owner_before_dash(draft: _Draft) -> None:
    """Without an owner yet, take ``Who - task`` when every name of Who is an attendee or their organisation.

    A due date may stand between them (``EIS - semaine 49 - Livrer l'application``). A plain
    hyphen also joins a topic to its task ("Website - fix the footer"), so unknown names stay text.
    """
    if draft.owner is not None or not draft.known:
        return
    m = _DASHED_OWNER.match(draft.text.strip())
    names = _named_attendees(m["who"], draft.known) if m else None
    if m is None or names is None:
        return
    draft.owner, draft.text = ", ".join(names), m["rest"]
    if draft.due is None:
        _due_before_task(draft)


def _due_before_task(draft: _Draft) -> None:
    """Take a due date standing before the task after a dash ("semaine 49 - Livrer ..."); returns nothing.

    Only a short segment that opens on no verb is a date: in "fix week 3 bugs - urgent" it is the task.
    """
    when = _DASHED_DUE.match(draft.text)
    if when is None or draft.today is None or len(when["when"].split()) > 3 or \
            norm(when["when"]).startswith(_DATE_SEGMENT_VERBS):
        return
    due = resolve_due(when["when"], draft.today, draft.next_meeting)
    if due:
        draft.due, draft.text = due, when["rest"]


def _owner_in_parens(draft: _Draft) -> None:
    """Without an owner yet, on a labelled line, take the people of a closing parenthesis."""
    if draft.owner is not None or not draft.labelled:
        return
    # "Communication Tools (Brian/Todd)": the people in a closing parenthesis own the task
    m = _OWNER_PARENS.search(draft.text)
    if m and norm(m.group("who")) not in NOT_OWNERS:
        draft.owner = ", ".join(n.strip() for n in re.split(r"\s*(?:/|,|&|\band\b|\bet\b)\s*",
                                                            m.group("who")))
        draft.text = draft.text[: m.start()]


def _owner_handles(draft: _Draft) -> None:
    """Without an owner yet, the ``@handles`` of the line own it (one opening or closing it is cut)."""
    if draft.owner is not None:
        return
    handles = re.findall(r"(?<![\w.])@[A-Za-z0-9][\w-]*", draft.text)
    if not handles:
        return
    draft.owner = ", ".join(dict.fromkeys(handles))
    text = draft.text.strip()
    if text.startswith(handles[0]):
        draft.text = text[len(handles[0]):].lstrip(" :—–-")
    elif text.endswith(handles[-1]) and len(handles) == 1:
        draft.text = text[: -len(handles[-1])].rstrip(" :—–-(")


#: "Circulate the draft [PK]", "[JD, AB]": initials in closing brackets own the task.
INITIALS_TAIL = re.compile(r"\s*\[(?P<who>[A-Z]{2,3}(?:\s*[,/&+]\s*[A-Z]{2,3})*)\]\s*\.?\s*$")
#: "[PK] circulate the draft", "[JD/AB]: book the room": the same brackets opening it
INITIALS_HEAD = re.compile(r"^\s*\[(?P<who>[A-Z]{2,3}(?:\s*[,/&+]\s*[A-Z]{2,3})*)\]\s*[:—–-]?\s*(?=\S)")


def _owner_initials(draft: _Draft) -> None:
    """Without an owner yet, take initials in brackets closing the task, or opening it when they are an attendee's."""
    if draft.owner is not None:
        return
    m = INITIALS_TAIL.search(draft.text)
    found = m or INITIALS_HEAD.match(draft.text)
    if found is None:
        return
    initials = re.split(r"\s*[,/&+]\s*", found.group("who"))
    if m is None and not all(norm(i) in draft.known for i in initials):
        return  # "[CI] fix flaky tests", "[WIP] ...": a tag, unless an attendee's initials
    draft.owner = ", ".join(initials)
    draft.text = draft.text[: found.start()] if m else draft.text[found.end():]


# attendees closing the task after a mark: "Send the report - Bob", "... → Léa", "...: Bob",
# "... | Bob", "... [Bob]", "... {Bob}", "... <Bob>", "..., Bob"
_OWNER_AT_END = re.compile(r"^(?P<rest>\S.*?\S)(?:\s*[,:|/]\s*|\s+[-–—→]\s*|\s*[\[{<])"
                           r"(?P<who>@?[A-ZÀ-Ý][\w'’-]*(?: [A-ZÀ-Ý][\w'’-]*)?"
                           r"(?:\s*(?:,|&|/|\band\b|\bet\b)\s*@?[A-ZÀ-Ý][\w'’-]*(?: [A-ZÀ-Ý][\w'’-]*)?){0,2})"
                           r"[\]}>]?\s*\.?\s*$", re.DOTALL)  # three names at most: tried from each mark


def _owner_at_end(draft: _Draft) -> None:
    """Without an owner yet, give the task to the attendees named after a closing mark (the text without them)."""
    if draft.owner is not None or not draft.known:
        return
    m = _OWNER_AT_END.match(draft.text.strip())
    names = _named_attendees(m["who"], draft.known) if m else None
    if m is not None and names is not None:
        draft.owner, draft.text = ", ".join(names), m["rest"]


# an attendee's name opening the task's sentence: "Bob sends the report", "Léa envoie le devis"
# ("Ellen and Thomas have a call" names two people: left to the rules that join names)
# ("Bob asked Ana to check ..." reports whose task it is: left alone)
_NAME_OPENS = re.compile(r"^(?P<who>@?[A-ZÀ-Ý][\w'’-]*(?: [A-ZÀ-Ý][\w'’-]*){0,2}) "
                         r"(?!(?:and|et|or|ou|asked|asks|told|tells|said|says|suggested|suggests|proposed|"
                         r"mentioned|noted|wants|thinks|demande|a demandé|dit|a dit|propose|suggère)\b)(?=[a-zà-ÿ])")


def _owner_opens_task(draft: _Draft) -> None:
    """Without an owner yet, give the task to the attendee whose name opens its sentence (the text stays whole)."""
    if draft.owner is not None or not draft.known:
        return
    m = _NAME_OPENS.match(draft.text.strip())
    if m and norm(m["who"]).lstrip("@") in draft.known:
        draft.owner = clean(m["who"])


#: The fields taken out of an action line, in order: each step sees what the earlier ones left.
_STEPS: tuple[Callable[[_Draft], None], ...] = (
    _checkbox, _action_id, _label, _struck, _status, _due_date, _priority_field, _owner_field,
    _owner_before, _owner_before_dash, _owner_in_parens, _owner_initials, _owner_handles,
    _owner_opens_task, _owner_at_end,
)


def parse_action(text: str, *, known: set[str] | None = None, year: int | None = None,
                 labelled: bool = False, owner: str | None = None,
                 status: str | None = None, today: date | None = None,
                 next_meeting: date | None = None) -> dict:
    """Return a contract action from one written line (label, checkbox and owner removed).

    ``labelled`` says the line carried an ACTION/TODO label, which allows ``Name to do X``;
    ``known`` holds normalised attendee names and handles; ``year`` completes ``due 5 Dec``.
    """
    draft = _Draft(text.strip(), known or set(), year, labelled, owner, status, today, next_meeting)
    for step in _STEPS:
        step(draft)
    return _action_record(draft)


def _action_record(draft: _Draft) -> dict:
    """Return the contract action of a draft whose fields were all taken: id, text, then the rest."""
    action: dict = {}
    if draft.id is not None:
        action["id"] = draft.id
    action["text"] = draft.text.strip().rstrip(" ,;—–-") or draft.text.strip()
    for key, value in (("owner", draft.owner), ("due", draft.due), ("status", draft.status),
                       ("priority", draft.priority)):
        if value:
            action[key] = value
    return action


def parse_decision(text: str) -> dict:
    """Return a contract decision from one written line (label and id removed, approver kept)."""
    decision: dict = {}
    rest = decision_label(text)
    text = (rest if rest is not None else text).strip()
    box = _CHECKBOX.match(text)
    if box:  # "- [x] Everyone is copied on project mail" under Rules: the box is layout
        text = text[box.end():]
    m = _ID.match(text)
    if m:
        decision["id"], text = m.group("id"), text[m.end():]
    approver = re.search(r"\s*[(\[]?\s*(?:approved by|approver|validée? par|approuvée? par)"
                         r"\s*[:：]?\s*(?P<who>[^)\]\n]+?)\s*[)\]]?\s*$", text, re.IGNORECASE)
    if approver:
        decision["approver"] = clean(approver.group("who"))
        text = text[: approver.start()]
    decision["text"] = text.strip()
    return decision


def _take(pattern: re.Pattern, text: str, group: str | None, default, convert):
    m = pattern.search(text)
    if not m:
        return text, default
    value = convert(m.group(group) if group else m)
    if value is None:
        return text, default
    return (text[: m.start()] + text[m.end():]).strip() or text, value


def _date(value: str, year: int | None) -> str | None:
    found = find_date(value, year)
    if found:
        return found[0]
    # "d'ici le 16/06", "by 3/12": day and month after a due word, the meeting's year
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})", value.strip())
    if m and year:
        found = find_date(f"{m.group(1)}/{m.group(2)}/{year}")
    return found[0] if found else None


def _priority(m: re.Match) -> str:
    word = (m.group("p") or m.group("q")).lower()
    return _PRIORITIES.get(word, word)
