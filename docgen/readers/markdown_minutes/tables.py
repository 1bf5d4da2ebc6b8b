"""Markdown tables of actions, decisions or attendees, read by their header row."""

from __future__ import annotations

import re

from docgen.readers.markdown_minutes.items import STATUS_WORDS
from docgen.readers.markdown_minutes.people import attendance_key
from docgen.readers.markdown_minutes.vocab import HEADER_ALTERNATIVES, OWNER_COLUMNS, norm

_COLUMNS = {
    "text": {"action", "actions", "task", "tache", "what", "item", "description", "action item",
             "quoi", "libelle", "sujet", "intitule", "todo"},
    "decision": {"decision", "decisions", "resolution", "decided", "decision prise"},
    "owner": {"owner", "owners", "who", "responsable", "porteur", "assignee", "pilote", "qui",
              "assigned to", "lead"} | OWNER_COLUMNS,
    "due": {"due", "due date", "deadline", "echeance", "when", "quand", "date", "target date",
            "date cible", "pour le", "delai", "date limite", "by when", "due by",
            "date prevue", "echeance prevue", "planned date", "date de fin", "end date"},
    "status": {"status", "statut", "etat", "state", "avancement"},
    "priority": {"priority", "priorite", "prio"},
    "id": {"id", "#", "n", "no", "ref", "reference", "n°", "num"},
    "comment": {"comment", "comments", "commentaire", "commentaires", "notes", "remarks",
                "remarques"},
    "approver": {"approver", "approved by", "validated by", "valide par", "approuve par", "by",
                 "par", "validee par", "approuvee par", "decided by", "decide par", "decidee par"},
    "name": {"name", "nom", "attendee", "participant", "person", "personne", "nom prenom",
             "prenom nom"},
    # a name written in two columns: "| Nom | Prénom |", "| First name | Last name |"
    "first_name": {"prenom", "first name", "firstname", "given name", "forename"},
    "last_name": {"last name", "lastname", "surname", "family name", "nom de famille"},
    "role": {"role", "fonction", "title", "poste", "job title"},
    # what a row is: "| Type | Description | Owner |" with A / D / I rows
    "type": {"type", "kind", "item type"},
    "organisation": {"organisation", "organization", "org", "company", "societe", "entite",
                     "entity", "structure", "team", "equipe"},
    "attendance": {"attendance", "presence", "present", "attended"},
}


# "Name (Affiliation)", "Present?": what the column holds, without its remark or question mark
_REMARK = re.compile(r"\s*\([^()]*\)\s*$|\?\s*$")


# "Action / livrable", "Décision ou point restant ouvert": a header naming alternatives
_ALTERNATIVES = re.compile("|".join(r"\s*/\s*" if w == "/" else rf"\s+{w}\s+" for w in HEADER_ALTERNATIVES))


def _header_word(cell: str) -> str:
    """Return the known word a header cell names, or the cell reduced when it names none.

    "Action / livrable", "Task/Deliverable", "Décision ou point restant ouvert": a header
    naming two things (a slash, "or", "ou" between them) counts by the first known column.
    """
    key = norm(_REMARK.sub("", cell) or cell)
    if any(key in words for words in _COLUMNS.values()):
        return key
    for part in _ALTERNATIVES.split(key):
        if any(part.strip() in words for words in _COLUMNS.values()):
            return part.strip()
    return key


def _columns(header: list[str]) -> dict[str, int]:
    """Return the index of each known column of a header row (the first column of each kind)."""
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = _header_word(cell)
        for column, words in _COLUMNS.items():
            if key in words and column not in found:
                found[column] = index
                break
    return found


# the text columns that name a task; "Item", "Sujet", "Description" may name a topic
_TASK_WORDS = {"action", "actions", "task", "tache", "action item", "todo"}


def table_kind(rows: list[list[str]], hint: str | None = None) -> str | None:
    """Return "actions", "decisions" or "attendees" for a table, from its header and the hint.

    "Item | Who | Notes" is a table of topics and who presents them: a person beside a topic
    makes it an action only under a task heading ("Action", "Task"), a due date or a status.
    """
    if len(rows) < 2:
        return None
    cols = _columns(rows[0])
    if "decision" in cols and _names_an_action(rows[0][cols["decision"]]):
        return "mixed"  # "Decision/Action | Who": a row's decision, or its action when someone owns it
    if "decision" in cols or (hint == "decisions" and "text" in cols):
        return "decisions"
    if _holds_tasks(rows[0], cols, hint):
        return "actions"
    if "name" in cols or {"first_name", "last_name"} & cols.keys() or (hint == "attendees" and "owner" in cols):
        return "attendees"
    return None


def _holds_tasks(header: list[str], cols: dict[str, int], hint: str | None) -> bool:
    """Return whether a table with a text column lists tasks: a due or status column, the hint, or owned tasks."""
    if "text" not in cols:
        return False
    tasks = _header_word(header[cols["text"]]) in _TASK_WORDS
    return bool({"due", "status"} & cols.keys()) or hint == "actions" or ("owner" in cols and tasks)


# a cell that only holds its place: ".", "-", "…", "n/a", "none"
_PLACEHOLDER = re.compile(r"^(?:[.…\-–—/_*]{1,3}|n/?a|none|nil|tbd|néant|sans objet)$", re.IGNORECASE)


def _names_an_action(cell: str) -> bool:
    """Return whether a header cell names actions beside decisions ("Decision/Action", "Décisions et actions")."""
    parts = _ALTERNATIVES.split(norm(_REMARK.sub("", cell) or cell))
    return len(parts) > 1 and any(part.strip() in _TASK_WORDS for part in parts)


def _cell(row: list[str], cols: dict[str, int], key: str) -> str:
    """Return the cell of ``key``'s column in ``row``, empty when the row is short or the cell a placeholder."""
    index = cols.get(key)
    value = row[index].strip() if index is not None and index < len(row) else ""
    return "" if _PLACEHOLDER.match(value.strip("*_ ")) else value


def table_records(rows: list[list[str]], kind: str) -> list[tuple[dict, int]]:
    """Return (record, row index) pairs of a table of ``kind``; cells are kept as written."""
    cols = _columns(rows[0])
    if kind == "attendees" and "name" not in cols and "owner" in cols:
        cols["name"] = cols["owner"]
    keys = _RECORD_KEYS.get(kind, ("name", "role", "organisation", "attendance"))
    records = []
    for index, row in enumerate(rows[1:], start=1):
        record: dict = {}
        for key in keys:
            value = _cell(row, cols, key)
            if value:
                record.setdefault("text" if key == "decision" else key, value)
        if kind == "actions" and "status" in record:
            _status_cell(record)
        if kind == "attendees":
            _two_part_name(record, row, cols)
            if record.get("name"):
                _name_remark(record)
        if record.get("text") or record.get("name"):
            records.append((record, index))
    return records


#: the cells a record of each kind of table takes, in order (attendees: the others)
#: what a row's type cell says it is: a code or a word ("I" information is no task)
ROW_TYPES = {"a": "action", "action": "action", "t": "action", "task": "action", "tache": "action",
             "ap": "action", "ai": "action", "decision": "decision", "dec": "decision",
             "i": "info", "info": "info", "information": "info", "n": "info", "note": "info"}

_RECORD_KEYS = {"actions": ("text", "owner", "due", "status", "priority", "id", "comment", "type"),
                "decisions": ("decision", "text", "approver", "id"),
                "mixed": ("decision", "owner", "due", "id")}


def _two_part_name(record: dict, row: list[str], cols: dict[str, int]) -> None:
    """Join a first name to the last name of its row ("| MARTIN | Alice |" -> "Alice MARTIN")."""
    first = _cell(row, cols, "first_name")
    last = _cell(row, cols, "last_name") or (record.get("name") if "first_name" in cols else "")
    if first and last:
        record["name"] = f"{first} {last}"
    elif first or last:
        record.setdefault("name", first or last)


def _status_cell(record: dict) -> None:
    """Read an action's status cell: a known status word, or else a comment."""
    status = STATUS_WORDS.get(record["status"].strip().lower())
    if status is None:
        record["comment"] = "; ".join(filter(None, [record.get("comment"), record["status"]]))
        del record["status"]
    else:
        record["status"] = status


_NAME_REMARK = re.compile(r"^(?P<name>.*?\S)\s*\((?P<remark>[^()]+)\)\s*$")


def _name_remark(record: dict) -> None:
    """Split "Joe Spisak (Facebook)" in a name cell: the parenthesis is the attendance or organisation."""
    m = _NAME_REMARK.match(record["name"])
    if not m:
        return
    record["name"] = m.group("name")
    attendance = attendance_key(m.group("remark"))
    if attendance and "attendance" not in record:
        record["attendance"] = m.group("remark")
    elif not attendance:
        record.setdefault("organisation", m.group("remark").strip())
