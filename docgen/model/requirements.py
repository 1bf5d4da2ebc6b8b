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

    title: Text = Field(description="Title of the specification.")
    reference: Text | None = Field(None, description="Document reference, e.g. SPEC-PAY-001.")
    version: Text | None = Field(None, description="Version of the specification.")
    date: Date | None = Field(None, description="Date of that version.")


class Requirement(Record):
    """One requirement of a specification, with its normative level (RFC 2119)."""

    id: Text = Field(description="Unique identifier, e.g. PAY-001.")
    section: Text | None = Field(None, description="Section of the specification it belongs to.")
    text: Text = Field(description="The requirement (Markdown).")
    level: Level = Field("must", description="must, should or may (RFC 2119; shall, recommended, optional too).")
    category: Text | None = Field(None, description="Category, e.g. functional, security.")
    # a factory, not a [] default: pydantic deep-copies a mutable default for each requirement
    keywords: Annotated[TextList, BeforeValidator(_keywords)] = Field(
        default_factory=list, description="BCP 14 keywords found in the text (a list or comma-separated).",
        json_schema_extra={"default": []})


class RequirementSet(Record):
    """A specification and its requirements, as read from YAML, CSV or Markdown."""

    specification: Specification = Field(description="The title block of the specification.")
    requirements: Annotated[list[Requirement], Field(min_length=1)] = Field(
        description="The requirements (at least one).")


class Assessment(Record):
    """The title block of a compliance assessment."""

    title: Text | None = Field(None, description="Title of the assessment.")
    assessor: Text | None = Field(None, description="Who assessed.")
    date: Date | None = Field(None, description="Date of the assessment.")


class ComplianceEntry(Record):
    """The verdict on one requirement: status, evidence (Markdown), owner and comment."""

    id: Text = Field(description="Id of the requirement assessed.")
    status: Status = Field(description="compliant, partial, non_compliant, not_applicable or not_verified.")
    evidence: Text | None = Field(None, description="Evidence (Markdown: links to test reports...).")
    owner: Text | None = Field(None, description="Who follows it up.")
    comment: Text | None = Field(None, description="Why it is not simply compliant.")


class AssessmentSet(Record):
    """An assessment and its entries, one per requirement id."""

    assessment: Assessment = Field(Assessment(), description="The title block of the assessment.")
    compliance: list[ComplianceEntry] = Field([], description="One entry per requirement id.")
