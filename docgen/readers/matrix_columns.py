"""Requirement matrices (Excel sheets, Word tables): their header row, column synonyms and levels.

A header is the first row holding an id-like heading (ID, Ref, Réf., Req ID, Identifier...) and
a text-like one (Requirement, Description, Exigence, Text, Libellé...), in English or French.
Priority columns (Priority, MoSCoW, Level, Priorité, Niveau...) give the level: Must / Should /
Could / Won't, M / S / C / W, Mandatory / Desirable, Obligatoire / Souhaité / Optionnel and the
BCP 14 words. A "won't" requirement is out of scope by definition and is left out (a warning).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from docgen.readers.spec_markdown.keywords import find_keywords, lower_case_level, strongest

# Normalised heading -> the requirements.yaml key it fills.
_HEADINGS = {
    "id": ("id", "ref", "reference", "req id", "req", "requirement id", "requirement ref",
           "identifier", "identifiant", "id exigence", "ref exigence", "numero", "no", "n°",
           "code", "key", "item"),
    "text": ("requirement", "requirements", "requirement text", "description", "exigence",
             "exigences", "texte", "text", "libelle", "statement", "enonce", "intitule",
             "contenu", "detail"),
    "level": ("priority", "priorite", "moscow", "level", "niveau", "obligation", "criticality",
              "criticite", "importance", "must/should", "type d'exigence", "mandatory"),
    "section": ("section", "chapter", "chapitre", "domain", "domaine", "theme", "module",
                "rubrique", "paragraphe", "heading", "group", "groupe", "area"),
    "category": ("category", "categorie", "type", "nature", "kind"),
}
HEADING_KEYS = {word: key for key, words in _HEADINGS.items() for word in words}

WONT = "wont"
_LEVELS = {
    "must": ("must", "must have", "shall", "required", "mandatory", "m", "essential",
             "obligatoire", "indispensable", "exige", "imperatif"),
    "should": ("should", "should have", "recommended", "desirable", "s", "souhaite", "souhaitee",
               "souhaitable", "recommande", "recommandee", "important"),
    "may": ("may", "could", "could have", "optional", "c", "nice to have", "optionnel",
            "optionnelle", "facultatif", "facultative", "confort"),
    WONT: ("won't", "wont", "won't have", "will not", "will not have", "w", "exclu", "exclue",
           "hors perimetre", "non retenu", "non retenue"),
}
_LEVEL_OF = {word: level for level, words in _LEVELS.items() for word in words}
_SPACES = re.compile(r"\s+")


def normalise(text: object) -> str:
    """Return a heading or cell as a lower-case, accent-free, single-spaced key ("Réf." -> "ref")."""
    value = "" if text is None else str(text)
    value = unicodedata.normalize("NFKD", value.replace("\u2019", "'"))
    value = "".join(ch for ch in value if not unicodedata.combining(ch)).lower()
    value = _SPACES.sub(" ", value.replace("_", " ")).strip()
    return value.rstrip(" .:*").strip()


def heading_columns(cells: Sequence[object], headings: dict[str, str],
                    required: tuple[str, ...]) -> dict[str, int] | None:
    """Return {key: column index} of the first cell naming each key of ``headings``.

    None unless every ``required`` key is there (the row is not a header).
    """
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        key = headings.get(normalise(cell))
        if key and key not in columns:
            columns[key] = index
    return columns if all(key in columns for key in required) else None


def header_columns(cells: Sequence[object]) -> dict[str, int] | None:
    """Return {key: column index} when ``cells`` is a matrix header (an id and a text heading), else None."""
    return heading_columns(cells, HEADING_KEYS, ("id", "text"))


def level_word(value: object) -> str | None:
    """Return "must", "should", "may" or WONT for a priority cell, the cell's text when unknown, None if empty.

    An unknown word is returned as written, so the model reports it with its cell.
    """
    text = "" if value is None else str(value).strip()
    if not text:
        return None
    return _LEVEL_OF.get(normalise(text), text)


def requirement_level(text: str, written: str | None) -> str:
    """Return the level of a requirement: the written one, else its strongest BCP 14 keyword, else must.

    As the Markdown reader does in id mode: upper-case keywords first, then lower-case modal
    verbs ("shall", "should"), then must.
    """
    if written:
        return written
    return strongest(find_keywords(text)) or lower_case_level(text) or "must"


@dataclass
class MatrixRow:
    """One row of a matrix: its cell values and where the row and each cell are."""

    cells: list[object]
    place: str
    cell_places: list[str]


@dataclass
class MatrixResult:
    """The requirements read from a matrix, in requirements.yaml's shape, their places and warnings."""

    requirements: list[dict] = field(default_factory=list)
    places: list[dict[str, str]] = field(default_factory=list)  # per requirement: "" or key -> place
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (place, message)


def cell_text(value: object) -> str:
    """Return a cell's value as text: whole numbers without ".0", dates as YYYY-MM-DD, None as ""."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat") and hasattr(value, "year"):
        return value.isoformat()[:10]
    return str(value).strip()


def _id_like(text: str) -> bool:
    """Return True when ``text`` looks like an identifier: one token holding a digit (PAY-001, 12)."""
    return bool(text) and " " not in text and any(ch.isdigit() for ch in text)


def matrix_requirements(rows: Iterable[MatrixRow], columns: dict[str, int],
                        section: str | None = None) -> MatrixResult:
    """Return the requirements of the data ``rows`` of a matrix whose header gave ``columns``.

    A row with no id and a single value is a section label for the rows below it; an empty
    section cell takes the section above it (a merged cell); a "won't" row is left out with a
    warning; a row with text but no id is kept without one, so the model reports its cell.
    """
    result = MatrixResult()
    for row in rows:
        texts = [cell_text(value) for value in row.cells]

        def get(key: str, texts: list[str] = texts) -> str:
            index = columns.get(key)
            return texts[index] if index is not None and index < len(texts) else ""

        filled = [t for t in texts if t]
        if not filled:
            continue
        ident, text = get("id"), get("text")
        if not text and len(set(filled)) == 1 and not _id_like(ident):
            section = filled[0]  # a label row ("2. Payroll", "Reporting"), often merged across
            continue
        written_section = get("section")
        section = written_section or section
        level = level_word(get("level"))
        if level == WONT:
            result.warnings.append((row.place, f"{ident or 'a requirement'} is won't have "
                                               "(out of scope): left out of the checklist"))
            continue
        data: dict = {}
        places: dict[str, str] = {"": row.place}
        for key, value in (("id", ident), ("section", section), ("text", text)):
            if value:
                data[key] = value
                if key in columns and (key != "section" or written_section):
                    places[key] = row.cell_places[columns[key]]
        data["level"] = requirement_level(text, level)
        if "level" in columns and level:
            places["level"] = row.cell_places[columns["level"]]
        if get("category"):
            data["category"] = get("category")
            places["category"] = row.cell_places[columns["category"]]
        data["keywords"] = find_keywords(text)
        result.requirements.append(data)
        result.places.append(places)
    return result
