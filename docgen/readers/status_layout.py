"""The layout of the status workbook, shared by its writer and its reader: sheets, headings, value kinds.

Every sheet and column comes from the status model (docgen.model.status), so a key added there
appears in the workbook: a *table* sheet per list of the format (first row: the key names), and
*key/value* sheets ``Project`` and ``Overall`` (key in column A, value in column B). French
sheet names and headings are accepted when reading (``Risques``, ``probabilité``, ``échéance``).
"""

from __future__ import annotations

import datetime
import re
import typing
import unicodedata
from dataclasses import dataclass, field

from pydantic import BaseModel

from docgen.model.common import Action
from docgen.model.status import (
    DIMENSIONS,
    BudgetLine,
    DecisionRequired,
    EarnedValue,
    Issue,
    Milestone,
    Overall,
    Project,
    Risk,
    Workstream,
)


def norm(text: object) -> str:
    """Return ``text`` lowered, without accents, spaces, underscores or hyphens (how headings are matched)."""
    decomposed = unicodedata.normalize("NFKD", str(text).strip().lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\s_\-']+", "", plain)


@dataclass(frozen=True)
class Table:
    """A sheet holding one list of the status: its name, the status key and its columns."""

    sheet: str
    key: str
    columns: tuple[str, ...]
    model: type[BaseModel] | None = None
    names: tuple[str, ...] = ()  # other sheet names accepted (French)
    aliases: dict[str, str] = field(default_factory=dict)  # heading -> column, for this sheet only


# French (and a few English) headings of every sheet, normalised by norm() when looked up.
ALIASES = {
    "nom": "name", "identifiant": "id", "ref": "id", "reference": "id", "statut": "status", "etat": "status",
    "tendance": "trend", "avancement": "progress", "progression": "progress", "commentaire": "comment",
    "commentaires": "comment", "responsable": "owner", "proprietaire": "owner", "porteur": "owner",
    "datedereference": "baseline", "dateinitiale": "baseline", "prevu": "baseline", "planifie": "baseline",
    "prevision": "forecast", "dateprevue": "forecast", "reel": "actual", "datereelle": "actual",
    "realise": "actual", "consomme": "actual", "categorie": "category", "poste": "category",
    "titre": "title", "intitule": "title", "libelle": "title", "description": "title",
    "probabilite": "probability", "gravite": "severity", "severite": "severity",
    "attenuation": "mitigation", "planattenuation": "mitigation", "echeance": "due", "dateecheance": "due",
    "contexte": "context", "recommandation": "recommendation", "datelimite": "deadline",
    "priorite": "priority", "texte": "text", "action": "text", "tache": "text",
    "atterrissage": "forecast", "budgetinitial": "budget",
}
# Project and Overall keys (column A of the key/value sheets).
KEY_ALIASES = {
    "nom": "name", "projet": "name", "commanditaire": "sponsor", "chefdeprojet": "manager", "phase": "phase",
    "periode": "period", "datedurapport": "report_date", "date": "report_date", "comite": "committee",
    "devise": "currency", "langue": "language", "statut": "status", "meteo": "status", "tendance": "trend",
    "synthese": "summary", "resume": "summary", "sources": "sources",
}

TABLES: tuple[Table, ...] = (
    Table("Dimensions", "dimensions", ("dimension", "status", "trend", "comment"), None, ("Axes",)),
    Table("Workstreams", "workstreams", tuple(Workstream.model_fields), Workstream, ("Chantiers", "Lots"),
          {"responsable": "lead", "pilote": "lead", "finish": "end", "baselinefinish": "baseline_end",
           "debut": "start", "datededebut": "start", "fin": "end", "datedefin": "end",
           "debutdereference": "baseline_start", "debutinitial": "baseline_start",
           "findereference": "baseline_end", "fininitiale": "baseline_end"}),
    Table("Milestones", "milestones", tuple(Milestone.model_fields), Milestone, ("Jalons",)),
    Table("Budget", "budget", tuple(BudgetLine.model_fields), BudgetLine, ()),
    Table("Risks", "risks", tuple(Risk.model_fields), Risk, ("Risques",)),
    Table("Issues", "issues", tuple(Issue.model_fields), Issue, ("Problèmes", "Points ouverts", "Incidents")),
    Table("Decisions", "decisions_required", tuple(DecisionRequired.model_fields), DecisionRequired,
          ("Décisions", "Decisions required", "Décisions attendues"), {"echeance": "deadline"}),
    Table("Actions", "actions", tuple(Action.model_fields), Action, ("Plan d'actions",)),
    Table("Achievements", "achievements", ("text",), None, ("Réalisations", "Faits marquants")),
    Table("Next steps", "next_steps", ("text",), None, ("Prochaines étapes",)),
    # Where lists come from besides the sheets: a RAID log or a Jira export (see docgen.readers.raid).
    Table("Sources", "sources", ("list", "from", "sheet", "columns", "values", "where"), None, ()),
)
KEY_VALUE_SHEETS: dict[str, tuple[str, type[BaseModel]]] = {
    "Project": ("project", Project), "Overall": ("overall", Overall)}
KEY_VALUE_NAMES = {"projet": "Project", "global": "Overall", "synthese": "Overall", "ensemble": "Overall"}
# Keys of the Overall sheet that are top-level status keys: earned_value.pv... (bare pv, ev... too).
EARNED_VALUE = tuple(EarnedValue.model_fields)
# Keys of the Project sheet that are top-level status keys.
TOP_LEVEL_PROJECT_KEYS = ("plan",)
DIMENSION_NAMES = {
    **{d: d for d in DIMENSIONS}, "perimetre": "scope", "portee": "scope", "planning": "schedule",
    "delais": "schedule", "calendrier": "schedule", "couts": "budget", "qualite": "quality",
    "ressources": "resources", "risques": "risks",
}
TEXT_LISTS = ("options",)  # cells holding several values, one per line or separated by ';'


def table_for(sheet_name: str) -> Table | None:
    """Return the table whose sheet is called ``sheet_name`` (English or French, any case), or None."""
    wanted = norm(sheet_name)
    for table in TABLES:
        if wanted in (norm(table.sheet), norm(table.key), *(norm(n) for n in table.names)):
            return table
    return None


def key_value_sheet(sheet_name: str) -> str | None:
    """Return ``Project`` or ``Overall`` when ``sheet_name`` is (or translates) one of them, else None."""
    wanted = norm(sheet_name)
    for name in KEY_VALUE_SHEETS:
        if wanted == norm(name):
            return name
    return KEY_VALUE_NAMES.get(wanted)


def column_for(table: Table, heading: object) -> str | None:
    """Return the column (status key) a heading names in ``table``, or None for an unknown heading."""
    wanted = norm(heading)
    if not wanted:
        return None
    for column in table.columns:
        if wanted == norm(column):
            return column
    found = table.aliases.get(wanted) or ALIASES.get(wanted)
    return found if found in table.columns else None


@dataclass(frozen=True)
class Kind:
    """What a column holds: ``text``, ``number``, ``date``, ``list`` or ``choice`` (with its values)."""

    name: str
    choices: tuple[str, ...] = ()


def kind_of_field(model: type[BaseModel] | None, key: str) -> Kind:
    """Return the kind of the model field ``key`` (from its type: Literal, date, 1-5 scale, number, list)."""
    if key == "status" and model is None:
        return Kind("choice", ("green", "amber", "red"))
    if key == "trend" and model is None:
        return Kind("choice", ("up", "stable", "down"))
    if key == "dimension":
        return Kind("choice", DIMENSIONS)
    if model is None or key not in model.model_fields:
        return Kind("text")
    info = model.model_fields[key]
    bounds = {type(m).__name__: m for m in info.metadata}
    if info.annotation is int and "Ge" in bounds and "Le" in bounds:
        low, high = bounds["Ge"].ge, bounds["Le"].le
        return Kind("choice", tuple(str(n) for n in range(low, high + 1)))
    return _kind_of_type(info.annotation)


def _kind_of_type(annotation: object) -> Kind:
    if typing.get_origin(annotation) is typing.Literal:
        return Kind("choice", tuple(str(a) for a in typing.get_args(annotation)))
    if annotation is datetime.date:
        return Kind("date")
    if annotation in (int, float):
        return Kind("number")
    if typing.get_origin(annotation) is list:
        return Kind("list")
    for arg in typing.get_args(annotation):  # Optional[...] and Annotated[...]: look inside
        if arg is type(None) or not (isinstance(arg, type) or typing.get_origin(arg) is not None):
            continue  # None, or validator metadata
        found = _kind_of_type(arg)
        if found.name != "text":
            return found
    return Kind("text")
