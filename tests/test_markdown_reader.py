"""Markdown meeting-notes reader: real public minutes, notes in other styles, and errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.errors import InputError
from docgen.model.meeting import Minutes
from docgen.model.validate import validated
from docgen.readers.markdown_minutes import read_markdown_minutes
from docgen.richtext import parse

REPO = Path(__file__).parents[1]
REALWORLD = REPO / "tests" / "data" / "realworld_minutes"
NOTES = REPO / "tests" / "data" / "notes"


def read(path: Path) -> tuple[dict, Minutes]:
    source = read_markdown_minutes(path)
    assert source.format == "markdown"
    return source.data, validated(Minutes, source)


def actions(minutes: Minutes):
    return minutes.actions


# -- real minutes -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def django():
    path = REALWORLD / "django-steering-council-2025-10-13.md"
    if not path.exists():
        pytest.skip("real-world minutes not available")
    return read_markdown_minutes(path), read(path)[1]


@pytest.fixture(scope="module")
def nodejs():
    path = REALWORLD / "nodejs-tsc-2018-08-29.md"
    if not path.exists():
        pytest.skip("real-world minutes not available")
    return read_markdown_minutes(path), read(path)[1]


def test_django_meeting_and_people_from_front_matter(django):
    _, minutes = django
    assert minutes.meeting.date.isoformat() == "2025-10-13"
    assert minutes.meeting.title == "Django Steering Council 2025-10-13"
    people = [(a.name, a.group, a.attendance) for a in minutes.attendees]
    assert people == [
        ("Emma Delescolle", "members", "present"), ("Frank Wiles", "members", "present"),
        ("Lily Acorn", "members", "present"), ("Tim Schilling", "members", "present"),
        ("Catherine Holmes", "attendees", "present"), ("Natalia Bidart", "attendees", "present"),
    ]


def test_django_every_action_item_with_owner_and_nested_items(django):
    source, minutes = django
    found = actions(minutes)
    assert len(found) == 7  # the seven top-level items of "## Action items"
    assert [a.owner for a in found] == [None, "Tim", "Tim", "Emma", "Frank", "All", None]
    assert found[0].text == "Merge PR #98 (DEP 15)"
    assert found[1].text == "Preliminary review of DEP 10 adjustments"
    assert found[5].text == "Collect preferences for 6.1 release"
    assert "- Add mention of django-upgrade to release notes docs" in found[2].text
    assert "- Mention community page AND django packages" in found[2].text
    stf = found[6].text
    assert stf.startswith("Sovereign Tech Fund\n\n")
    assert "- Emma: Get one or more project(s) ready" in stf
    assert "- Plan another meeting with Lexi once the above is done" in stf
    assert source.lines["agenda[2].actions[0]"] == 23
    assert source.lines["agenda[2].actions[6]"] == 31


def test_django_discussion_sections_join_their_agenda_items(django):
    _, minutes = django
    titles = [item.title for item in minutes.agenda]
    assert titles == ["[async] Approved DEPs", "Django on the Med", "Action items"]
    deps, med, _ = minutes.agenda
    assert "[#98](https://github.com/django/deps/pull/98)" in deps.notes
    assert "- Need to merge PR: #98" in deps.notes
    assert "            - Emma has been working on a modernization" in deps.notes
    assert med.notes.startswith("- Carlton led roadmapping session\n    - Many ideas were proposed")
    # nesting survives the Markdown renderer the writers use
    levels = {block.text: block.level for block in parse(deps.notes)}
    assert levels["Could we use Pluggy here?"] == 2
    assert levels["Emma has been working on a modernization of admin that utilizes Pluggy"] == 3


def test_nodejs_title_date_and_present(nodejs):
    source, minutes = nodejs
    assert minutes.meeting.title == (
        "Node.js Foundation Technical Steering Committee (TSC) Meeting 2018-08-29")
    assert minutes.meeting.date.isoformat() == "2018-08-29"
    assert len(minutes.attendees) == 9
    first, last = minutes.attendees[0], minutes.attendees[-1]
    assert (first.name, first.handle, first.group) == ("Colin Ihrig", "cjihrig", "TSC")
    assert (last.name, last.handle, last.group) == ("Rich Trott", "Trott", "TSC")
    assert all(a.attendance == "present" and a.group == "TSC" for a in minutes.attendees)
    assert "James M Snell" in [a.name for a in minutes.attendees]
    assert source.lines["attendees[0]"] == 10


def test_nodejs_agenda_items_and_links(nodejs):
    source, minutes = nodejs
    titles = [item.title for item in minutes.agenda]
    assert titles[:4] == ["Announcements", "nodejs/node", "nodejs/TSC", "nodejs/admin"]
    node = minutes.agenda[1]
    top = [b.text for b in parse(node.notes) if b.kind == "bullet" and b.level == 0]
    assert len(top) == 6
    assert top[0].startswith("stream-whatwg: add whatwg streams #22352")
    assert "buffer: runtime-deprecate Buffer constructor everywhere by default #21351" in top
    runs = [r for b in parse(node.notes) for r in b.runs if r.href]
    assert runs[0].href == "https://github.com/nodejs/node/pull/22352"
    assert "    - Matteo asked that his be delayed" in node.notes
    assert minutes.agenda[3].notes == "- No questions this week."
    assert [(link.label, link.url) for link in minutes.links] == [
        ("Recording", "https://www.youtube.com/watch?v=zfqdJKHUcCM"),
        ("GitHub Issue", "https://docs.google.com/document/d/"
                         "1sGHdNAQnFPwny4YTDr0kZYJDer2-L0NXGKJXIxSVhLM/edit"),
    ]
    assert source.lines["agenda[1]"] == 30
    # commitments written as sentences ("Rich volunteered to ...", "James will ...") are actions
    # ... and "Need to invite those involved" is a task without an owner
    assert [(a.owner, a.text) for a in actions(minutes)] == [
        ("Rich", "Create separate issue"),
        (None, "Invite those involved in the 2 issues as well"),
        ("James", "Add a comment as to what he’d like to see before it lands"),
        ("Rich", "Email to ask for rest of members to approve"),
    ]


# -- notes in other styles --------------------------------------------------------------------

def test_french_minutes():
    data, minutes = read(NOTES / "comite-pilotage-sirh.md")
    m = minutes.meeting
    assert (m.date.isoformat(), m.start, m.end, m.language) == ("2026-03-10", "14:00", "15:30", "fr")
    assert (m.chair, m.minute_taker) == ("Claire Martin", "Hugo Bernard")
    assert m.location == "Siège, salle 4.02 et Teams"
    people = {a.name: (a.attendance, a.role, a.organisation) for a in minutes.attendees}
    assert people["Inès Dupont"] == ("remote", "Responsable paie", "Client")
    assert people["Marc Lefèvre"][0] == "excused"
    assert people["Paul Girard"][0] == "absent"
    assert [i.title for i in minutes.agenda] == [
        "Validation du compte rendu précédent", "Recette de la paie", "Budget", "Plan d'actions"]
    assert minutes.agenda[0].duration == 5
    # "Le compte rendu ... est validé" is a decision written as a sentence, before the labelled one
    assert [d.text for d in minutes.decisions][:2] == [
        "Le compte rendu du comité n°3 est validé sans modification",
        "une deuxième paie parallèle sera réalisée sur mars."]
    assert [(a.owner, str(a.due)) for a in minutes.actions] == [
        ("Inès Dupont", "2026-03-20"), ("Hugo Bernard", "2026-03-17"), ("Claire Martin", "None")]
    assert minutes.next_meeting.date.isoformat() == "2026-04-07"
    assert (minutes.next_meeting.start, minutes.next_meeting.location) == ("14:00", "salle 4.02")


def test_github_issue_style_checkboxes_and_handles():
    _, minutes = read(NOTES / "release-sync-github.md")
    assert minutes.meeting.date.isoformat() == "2026-02-03"
    assert [(a.name, a.handle, a.attendance) for a in minutes.attendees] == [
        ("Alice Martin", "alice", "present"), ("Bob Chen", "bobc", "present"),
        ("Dana Kim", "dana", "present"), ("Eve Laurent", None, "excused")]
    got = [(a.text.split("\n")[0], a.owner, a.status, a.due and a.due.isoformat())
           for a in minutes.actions]
    assert got == [
        ("cut RC1", "Alice Martin", "open", "2026-02-10"),
        ("close stale PRs", "Bob Chen", "done", None),
        ("investigate the Windows runner", "Dana Kim", "open", "2026-02-06"),
        ("Update the changelog", "Alice Martin", "open", None),
        ("Announce RC1 on the forum", None, "open", None),
    ]
    assert "- check the cache size\n- compare with the Linux job" in minutes.actions[2].text
    triage = minutes.agenda[0]
    assert "- Flaky CI on Windows" in triage.notes and "[ ]" not in triage.notes
    assert minutes.agenda[1].decisions[0].text == "ship the guide with RC1, not after."
    assert "[draft](https://example.com/guide)" in minutes.agenda[1].notes


def test_w3c_irc_style():
    _, minutes = read(NOTES / "w3c-webapps-telecon.md")
    assert minutes.meeting.date.isoformat() == "2026-03-04"
    assert (minutes.meeting.chair, minutes.meeting.minute_taker) == ("Léonie Watson", "Xiaoqian Wu")
    roles = {a.name: (a.attendance, a.role) for a in minutes.attendees}
    assert roles["Léonie Watson"] == ("present", "Chair")
    assert roles["Travis Leithead"] == ("excused", None)
    assert len(minutes.attendees) == 5
    assert [i.title for i in minutes.agenda] == ["Clipboard API", "Manifest"]
    clip, manifest = minutes.agenda
    assert clip.decisions[0].text == "request transition of Clipboard API to CR"
    assert (clip.actions[0].owner, clip.actions[0].text) == ("Marcos", "draft the transition request")
    assert (manifest.actions[0].owner, manifest.actions[0].text) == (
        "jeff", "write the display_override test")
    assert manifest.decisions[0].text == "publish a new working draft next week"
    assert "**marcos:** the async clipboard spec is ready for CR" in clip.notes


def test_corporate_tables():
    _, minutes = read(NOTES / "hris-weekly-corporate.md")
    m = minutes.meeting
    assert (m.start, m.end, m.location, m.facilitator, m.minute_taker) == (
        "10:00", "11:00", "Teams", "Sarah Johnson", "Tom Becker")
    assert [(a.name, a.attendance) for a in minutes.attendees] == [
        ("Sarah Johnson", "present"), ("Tom Becker", "remote"), ("Nadia Haddad", "present"),
        ("Luis Ortega", "excused")]
    assert minutes.attendees[2].organisation == "Client"
    assert [(d.id, d.approver) for d in minutes.decisions] == [
        ("D-031", "Nadia Haddad"), ("D-032", "Sarah Johnson")]
    got = [(a.id, a.owner, a.due.isoformat(), a.status, a.priority) for a in minutes.actions]
    assert got == [("A-101", "Tom Becker", "2026-05-08", "open", "high"),
                   ("A-102", "Nadia Haddad", "2026-05-13", "in_progress", "medium"),
                   ("A-099", "Sarah Johnson", "2026-05-04", "done", None)]
    assert minutes.agenda[0].notes == "Overall status is **amber**: data migration is one week late."


def test_front_matter_with_contract_keys():
    data, minutes = read(NOTES / "steering-frontmatter.md")
    m = minutes.meeting
    assert (m.title, m.series, m.start, m.chair) == (
        "HRIS Steering Committee n°8", "HRIS Steering Committee", "14:00", "Claire Martin")
    assert [(a.name, a.role, a.attendance) for a in minutes.attendees] == [
        ("Claire Martin", "HR Director", "present"), ("Hugo Bernard", "PMO", "remote")]
    assert minutes.distribution == ["HR leadership team"]
    readiness, risks = minutes.agenda
    assert readiness.decisions[0].text == "confirm go-live on 5 January 2027."
    action = readiness.actions[0]
    assert (action.owner, action.text, action.due.isoformat()) == (
        "Hugo", "circulate the cut-over runbook", "2026-12-18")
    assert risks.decisions[0].text == "freeze all changes from 20 December."
    assert risks.notes == "- Payroll team availability over the holidays"


def test_date_from_file_name_and_who_line():
    source = read_markdown_minutes(NOTES / "infra-sync-20260415.md")
    minutes = validated(Minutes, source)
    assert minutes.meeting.date.isoformat() == "2026-04-15"
    assert minutes.meeting.title == "Infra sync"
    assert [a.name for a in minutes.attendees] == ["Priya", "Sam", "Jordan"]
    got = [(a.owner, a.due and a.due.isoformat(), a.text) for a in minutes.actions]
    assert got == [("Sam", "2026-04-17", "rerun the restore test"),
                   ("Jordan", "2026-04-22", "upgrade production cluster"),
                   (None, None, "Write the post-mortem")]
    assert "    - root cause unknown yet" in minutes.agenda[0].notes


def test_labels_followed_by_lists_groups_and_roles():
    _, minutes = read(NOTES / "python-style-decided.md")
    assert minutes.meeting.title == "Packaging council"
    groups = [(a.name, a.group, a.attendance, a.role) for a in minutes.attendees]
    assert groups == [
        ("Ana Souza", "members", "present", "Facilitator"),
        ("Ben Ito", "members", "present", "Minute taker"),
        ("Chloé Roux", "members", "present", None),
        ("Dev Patel", "observers", "present", None),
        ("Eli Cohen", None, "excused", None),
    ]
    assert [d.text for d in minutes.agenda[0].decisions] == [
        "Adopt proposal B as the base", "Keep hashes mandatory",
        "publish a draft PEP within a month."]
    got = [(a.owner, a.due and a.due.isoformat()) for a in minutes.agenda[1].actions]
    assert got == [("Ben", "2026-07-01"), ("Dev Patel", None)]


def test_project_sample_parses_fully():
    source = read_markdown_minutes(REPO / "samples" / "weekly-project-meeting.md")
    minutes = validated(Minutes, source)
    m = minutes.meeting
    assert (m.date.isoformat(), m.start, m.end, m.chair, m.minute_taker) == (
        "2026-11-18", "09:30", "10:30", "Hugo Bernard", "Sophie Laurent")
    assert len(minutes.attendees) == 6 and minutes.attendees[3].attendance == "remote"
    assert minutes.attendees[5].attendance == "excused"
    assert [a.status for a in minutes.previous_actions] == ["done", "done", "open"]
    assert len(minutes.actions) == 4 and all(a.owner and a.due for a in minutes.actions)
    assert len(minutes.decisions) == 3
    assert minutes.next_meeting.date.isoformat() == "2026-11-25"
    assert len(minutes.links) == 2


# -- errors -----------------------------------------------------------------------------------

def test_no_date_anywhere_is_an_input_error(tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("# Team meeting\n\n- Present: Alice\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_markdown_minutes(notes)
    assert "no meeting date found" in str(err.value)
    assert str(notes) in str(err.value)


def test_front_matter_yaml_error_names_the_file_line(tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("---\ndate: 2026-01-01\ntitle: [unclosed\n---\n# x\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_markdown_minutes(notes)
    assert err.value.problems[0].line in (3, 4, 5)
    assert "YAML syntax error" in err.value.problems[0].message


def test_bad_front_matter_date_is_reported_with_its_line(tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("---\ntitle: Sync\ndate: 2026-02-30\n---\n\n## Topic\n\n- x\n",
                     encoding="utf-8")
    source = read_markdown_minutes(notes)
    with pytest.raises(InputError) as err:
        validated(Minutes, source)
    problem = err.value.problems[0]
    assert (problem.line, problem.key_path) == (3, "meeting.date")


def test_empty_and_missing_files(tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        read_markdown_minutes(empty)
    with pytest.raises(InputError, match="not found"):
        read_markdown_minutes(tmp_path / "missing.md")


def test_date_heading_bold_labels_and_bracketed_presenters():
    _, minutes = read(NOTES / "sig-node-weekly.md")
    assert minutes.meeting.date.isoformat() == "2026-03-04"
    assert minutes.meeting.title == "SIG Node weekly meeting notes"
    assert [(a.name, a.organisation) for a in minutes.attendees] == [
        ("Alice", "Google"), ("Bob", "Red Hat")]
    items = {i.title: i for i in minutes.agenda}
    kep = items["KEP-1234 status"]
    assert (kep.presenter, kep.duration, kep.notes) == ("Alice", 10, "- discussion on beta criteria")
    assert (kep.actions[0].owner, kep.actions[0].due.isoformat()) == ("Alice", "2026-03-11")
    assert items["CI flakes"].presenter == "Bob"
    assert ("Bob", "open") in [(a.owner, a.status) for a in minutes.actions]


def test_inline_labels_and_owner_fields():
    _, minutes = read(NOTES / "meeting-notes-labels.md")
    assert minutes.meeting.title == "Meeting notes — March 4, 2026"
    assert minutes.meeting.date.isoformat() == "2026-03-04"
    assert [(a.name, a.attendance) for a in minutes.attendees] == [
        ("Alice Smith", "present"), ("Bob Jones", "remote"), ("Carol White", "present"),
        ("Dan Brown", "excused")]
    budget = minutes.agenda[0]
    assert budget.decisions[0].text == "keep the contingency at 10 %."
    assert (budget.actions[0].owner, budget.actions[0].due.isoformat()) == ("Bob", "2026-03-11")
    assert budget.actions[1].owner == "@carol"
    assert "- Alice will chase the vendor" in budget.notes
    listed = minutes.agenda[1].actions
    assert [(a.owner, a.text, a.due.isoformat()) for a in listed] == [
        ("Alice", "chase the vendor", "2026-03-10"),
        ("Carol White", "share the invoice", "2026-03-09")]


def test_french_formal_steering_committee_labels_and_tables():
    # "Présents :" labels with French spacing, "Relevé de décisions" and "Actions" tables
    _, minutes = read(NOTES / "copil-erp-finance-2026-06-04.md")
    m = minutes.meeting
    assert (m.title, m.language) == ("Comité de pilotage n°3 — Projet ERP Finance", "fr")
    assert (m.date.isoformat(), m.start, m.end) == ("2026-06-04", "09:30", "11:00")
    assert (m.location, m.chair, m.minute_taker) == (
        "Lyon, salle Rhône / Teams", "Jean Dubois", "Camille Roux")
    people = {a.name: (a.attendance, a.role, a.organisation) for a in minutes.attendees}
    assert len(people) == 7
    assert people["Camille Roux"][:2] == ("present", "cheffe de projet")
    assert people["Karim Haddad"] == ("remote", None, "DSI")
    assert people["Nathalie Petit"][0] == people["Luc Moreau"][0] == "excused"
    assert people["Éric Lambert"][0] == "absent"
    assert minutes.distribution == ["participants", "comité de direction"]
    assert [i.title for i in minutes.agenda][:4] == [
        "Approbation du compte rendu du 7 mai", "Avancement du lot 1 (comptabilité générale)",
        "Arbitrage sur la reprise des données", "Questions diverses"]
    assert [(d.id, d.approver) for d in minutes.decisions] == [("D1", "Jean Dubois"),
                                                               ("D2", "Comité")]
    got = [(a.id, a.owner, a.due.isoformat(), a.status) for a in minutes.actions]
    assert got == [("A1", "Karim Haddad", "2026-06-12", "in_progress"),
                   ("A2", "Camille Roux", "2026-06-19", "open"),
                   ("A3", "Sophie Bernard", "2026-06-30", "open")]
    nxt = minutes.next_meeting
    assert (nxt.date.isoformat(), nxt.start, nxt.location) == ("2026-07-02", "09:30", "salle Rhône")


def test_french_informal_weekly_bold_topics_and_checkboxes():
    _, minutes = read(NOTES / "point-hebdo-data.md")
    m = minutes.meeting
    assert (m.title, m.date.isoformat(), m.language) == (
        "Point hebdo équipe data — 9 juin 2026", "2026-06-09", "fr")
    assert [(a.name, a.attendance) for a in minutes.attendees] == [
        ("Léa", "present"), ("Thomas", "present"), ("Amina", "remote"), ("Julien", "present"),
        ("Chloé", "excused")]  # "Absente : Chloé (congés)": away on leave
    assert [i.title for i in minutes.agenda] == ["Ce qui a été fait", "Points bloquants",
                                                 "On a décidé", "À faire"]
    assert "- Thomas : correctif sur le flux des ventes ✅" in minutes.agenda[0].notes
    assert [d.text for d in minutes.decisions] == [
        "on gèle les nouvelles demandes jusqu'à la fin du mois",
        "revue de code obligatoire pour tout ce qui touche aux flux de paie"]
    got = [(a.owner, a.status, a.due and a.due.isoformat()) for a in minutes.actions]
    # "avant vendredi": the first Friday after the meeting of Tuesday 9 June
    assert got == [("Léa", "open", "2026-06-16"), ("Julien", "open", None),
                   ("Thomas", "done", None), ("Amina", "open", "2026-06-12")]
    assert minutes.actions[0].text == "finir les 3 rapports restants"
    assert (minutes.next_meeting.date.isoformat(), minutes.next_meeting.start) == (
        "2026-06-16", "10:00")
