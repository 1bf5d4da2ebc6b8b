"""Checklist merge: statuses, summary, warnings and every kind of bad input, with file and line."""

from __future__ import annotations

import pytest
from conftest import CONTRACT

from docgen.checklist import check_gate, load_checklist
from docgen.errors import GateFailed, InputError


@pytest.fixture(scope="module")
def contract():
    return load_checklist(CONTRACT / "requirements.yaml", CONTRACT / "compliance.yaml")


def test_statuses_follow_the_assessment(contract):
    assert [(i.id, i.status) for i in contract.items] == [
        ("PAY-001", "compliant"), ("PAY-002", "partial"), ("PAY-003", "non_compliant"),
        ("PAY-004", "compliant"), ("PAY-005", "not_applicable")]
    assert contract.items[3].evidence == "[Pen-test report](https://example.com/pentest-2026-10)"
    assert contract.specification.reference == "SPEC-PAY-001"
    assert contract.assessment.assessor == "Hugo Bernard"
    assert contract.warnings == []


def test_summary_by_status_level_and_section(contract):
    summary = contract.summary
    assert summary.overall.total == 5
    assert summary.overall.counts == {"compliant": 2, "partial": 1, "non_compliant": 1,
                                      "not_applicable": 1, "not_verified": 0}
    assert summary.overall.percent("compliant") == 40.0
    levels = {t.name: t for t in summary.by_level}
    assert levels["must"].counts["compliant"] == 2 and levels["must"].counts["partial"] == 1
    assert round(levels["must"].compliance_rate, 1) == 66.7
    assert levels["may"].compliance_rate is None  # its only requirement is not applicable
    assert [t.name for t in summary.by_section] == [
        "2.1 Employee master data", "2.2 Variable pay", "3.1 Security", "3.2 Operations"]


def test_missing_entry_is_not_verified(tmp_path):
    assessment = tmp_path / "a.yaml"
    assessment.write_text("compliance:\n  - id: PAY-001\n    status: compliant\n")
    result = load_checklist(CONTRACT / "requirements.yaml", assessment)
    assert [i.status for i in result.items][1:] == ["not_verified"] * 4
    assert not result.items[1].assessed
    without = load_checklist(CONTRACT / "requirements.yaml")
    assert without.summary.overall.counts["not_verified"] == 5


def test_gate_levels(contract):
    assert [i.id for i in contract.gate_failures("must")] == ["PAY-002"]
    assert [i.id for i in contract.gate_failures("should")] == ["PAY-002", "PAY-003"]
    assert [i.id for i in contract.gate_failures("may")] == ["PAY-002", "PAY-003"]
    with pytest.raises(GateFailed, match="PAY-002 \\(partial\\)"):
        check_gate(contract, "must")
    check_gate(contract, None)


def test_comment_missing_is_a_warning_with_line(tmp_path):
    assessment = tmp_path / "a.yaml"
    assessment.write_text("compliance:\n  - id: PAY-001\n    status: compliant\n"
                          "  - id: PAY-003\n    status: non-compliant\n")
    result = load_checklist(CONTRACT / "requirements.yaml", assessment)
    assert [str(w) for w in result.warnings] == [
        f"{assessment}:4: compliance[1]: PAY-003 is non compliant but has no comment"]
    assert result.items[2].status == "non_compliant"


def _problems(excinfo) -> list[str]:
    return [str(p) for p in excinfo.value.problems]


def test_unknown_id_in_assessment_names_it_and_its_line(tmp_path):
    assessment = tmp_path / "a.yaml"
    assessment.write_text("compliance:\n  - id: PAY-001\n    status: compliant\n"
                          "  - id: PAY-042\n    status: compliant\n")
    with pytest.raises(InputError) as excinfo:
        load_checklist(CONTRACT / "requirements.yaml", assessment)
    assert _problems(excinfo) == [
        f"{assessment}:4: compliance[1].id: 'PAY-042' is not a requirement of requirements.yaml"]


def test_duplicate_ids(tmp_path):
    spec = tmp_path / "s.yaml"
    spec.write_text("specification: {title: T}\nrequirements:\n  - {id: A-1, text: x}\n"
                    "  - {id: A-2, text: y}\n  - {id: A-1, text: z}\n")
    with pytest.raises(InputError) as excinfo:
        load_checklist(spec)
    assert _problems(excinfo) == [
        f"{spec}:5: requirements[2].id: duplicate id 'A-1' (first at line 3)"]


def test_unknown_status_and_level_name_the_key_path(tmp_path):
    assessment = tmp_path / "a.yaml"
    assessment.write_text("compliance:\n  - id: PAY-001\n    status: done\n")
    with pytest.raises(InputError) as excinfo:
        load_checklist(CONTRACT / "requirements.yaml", assessment)
    (problem,) = _problems(excinfo)
    assert problem.startswith(f"{assessment}:3: compliance[0].status: 'done' is not one of ")
    assert "non_compliant" in problem
    spec = tmp_path / "s.yaml"
    spec.write_text("specification: {title: T}\nrequirements:\n  - {id: A-1, text: x, "
                    "level: urgent}\n  - {id: A-2}\n")
    with pytest.raises(InputError) as excinfo:
        load_checklist(spec)
    assert [p.key_path for p in excinfo.value.problems] == ["requirements[0].level",
                                                            "requirements[1].text"]


@pytest.mark.parametrize("text, message", [
    ("", "is empty"),
    ("specification: {title: T}\nrequirements: []\n", "requirements: must hold at least one entry"),
    ("requirements:\n  - {id: A-1, text: x}\n", "specification: required key is missing"),
])
def test_empty_specifications(tmp_path, text, message):
    spec = tmp_path / "s.yaml"
    spec.write_text(text)
    with pytest.raises(InputError, match=message):
        load_checklist(spec)


def test_level_synonyms_and_worded_statuses(tmp_path):
    spec = tmp_path / "s.csv"
    spec.write_text("id,text,level\nA-1,x,SHALL\nA-2,y,Recommended\nA-3,z,optional\nA-4,w,\n")
    assessment = tmp_path / "a.csv"
    assessment.write_text("id;status;comment\nA-1;Non conforme;trop lent\nA-2;Not applicable;n/a\n"
                          "A-3;Non vérifié;\n")
    result = load_checklist(spec, assessment)
    assert [i.level for i in result.items] == ["must", "should", "may", "must"]
    assert [i.status for i in result.items] == ["non_compliant", "not_applicable",
                                                "not_verified", "not_verified"]
    assert result.specification.title == "s"
