"""The compliance model: a specification's requirements and an assessment of each one."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from docgen.model.common import Date, Record, Text, TextList, _lower

LEVELS: tuple[str, ...] = ("must", "should", "may")
STATUSES: tuple[str, ...] = (
    "compliant", "partial", "non_compliant", "not_applicable", "not_verified",
)
# Statuses that satisfy a requirement; every other status is a gap (and fails a gate).
PASSING: frozenset[str] = frozenset({"compliant", "not_applicable"})

# RFC 2119 synonyms map to the three levels.
_LEVEL_WORDS = {
    "must": "must", "must_not": "must", "shall": "must", "shall_not": "must",
    "required": "must", "mandatory": "must",
    "should": "should", "should_not": "should", "recommended": "should",
    "not_recommended": "should",
    "may": "may", "optional": "may",
    "obligatoire": "must", "recommandé": "should", "recommande": "should", "facultatif": "may",
}
# The worded statuses of the built-in labels (en, fr) are accepted too, so a checklist
# filled in from the Excel drop-down and saved as CSV reads back as an assessment.
_STATUS_WORDS = {
    "conforme": "compliant", "partiel": "partial", "partielle": "partial",
    "non_conforme": "non_compliant", "noncompliant": "non_compliant",
    "non_applicable": "not_applicable", "n/a": "not_applicable", "na": "not_applicable",
    "non_vérifié": "not_verified", "non_verifie": "not_verified", "non_vérifiée": "not_verified",
}


def _level(value: Any) -> Any:
    value = _lower(value)
    return _LEVEL_WORDS.get(value, value) if isinstance(value, str) else value


def _status(value: Any) -> Any:
    value = _lower(value)
    return _STATUS_WORDS.get(value, value) if isinstance(value, str) else value


def _keywords(value: Any) -> Any:
    if isinstance(value, str):
        return [word.strip() for word in value.replace(";", ",").split(",") if word.strip()]
    return value


Level = Annotated[Literal["must", "should", "may"], BeforeValidator(_level)]
Status = Annotated[
    Literal["compliant", "partial", "non_compliant", "not_applicable", "not_verified"],
    BeforeValidator(_status),
]


class Specification(Record):
    """The title block of a specification."""

    title: Text
    reference: Text | None = None
    version: Text | None = None
    date: Date | None = None


class Requirement(Record):
    """One requirement of a specification, with its normative level (RFC 2119)."""

    id: Text
    section: Text | None = None
    text: Text
    level: Level = "must"
    category: Text | None = None
    keywords: Annotated[TextList, BeforeValidator(_keywords)] = []


class RequirementSet(Record):
    """A specification and its requirements, as read from YAML, CSV or Markdown."""

    specification: Specification
    requirements: Annotated[list[Requirement], Field(min_length=1)]


class Assessment(Record):
    """The title block of a compliance assessment."""

    title: Text | None = None
    assessor: Text | None = None
    date: Date | None = None


class ComplianceEntry(Record):
    """The verdict on one requirement: status, evidence (Markdown), owner and comment."""

    id: Text
    status: Status
    evidence: Text | None = None
    owner: Text | None = None
    comment: Text | None = None


class AssessmentSet(Record):
    """An assessment and its entries, one per requirement id."""

    assessment: Assessment = Assessment()
    compliance: list[ComplianceEntry] = []
