"""The conventions of minutes that the notes reader must recognise, stated generally.

Each test writes a short notes file in one convention (the examples are ours, not copied from
any real file) and checks what the reader makes of it.
"""

from __future__ import annotations

import pytest

from docgen.minutes import load


def _read(tmp_path, text: str, name: str = "notes.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load(path)


def _actions(minutes):
    return [(a.text, a.owner, a.due and a.due.isoformat()) for a in minutes.actions]


# -- meeting details ---------------------------------------------------------------------------
def test_european_dates_in_details(tmp_path):
    minutes = _read(tmp_path, "# Réunion de bureau\n\nDate : 03.06.2025\n\nPrésents : Léa, Marc\n")
    assert minutes.meeting.date.isoformat() == "2025-06-03"
    minutes = _read(tmp_path, "# Réunion de bureau\n\nLe 3 juin 2025 à 14h\n\nPrésents : Léa\n")
    assert minutes.meeting.date.isoformat() == "2025-06-03"



def test_day_first_dates_with_dashes(tmp_path):
    """'27-05-2020' is a date as '27/05/2020' is: in front matter with a time, and as a due date."""
    minutes = _read(tmp_path, "---\ntitle: CA\ndate: 27-05-2020 15:58\n---\n# Conseil du 14 mai\n\n"
                              "Présents : Léa, Marc\n\n## Actions\n\n- Léa : envoyer le bilan avant le 30-06-2020\n")
    assert minutes.meeting.date.isoformat() == "2020-05-27"
    assert _actions(minutes)[0][2] == "2020-06-30"
    minutes = _read(tmp_path, "# Board 5-12-2020\n\nAttendees: Ana\n\nAt 27/05-2020 and 1-2-3-2020 nothing.\n")
    assert minutes.meeting.date.isoformat() == "2020-12-05"  # marks that differ are no date


def test_a_heading_of_a_weekday_and_a_date_holds_the_meeting_details(tmp_path):
    """'### Friday 11/4/2025' under the title is the date; the people listed after it attended."""
    minutes = _read(tmp_path, "# Minutes of the Fourth Client Meeting\n### Friday 11/4/2025\n\n"
                              "- Supervisor: Lia Song\n- Secretary: Jiabao Ye\n"
                              "- Members: Ruxin Ma / Jiahui Huang / Feinan Guo\n- Apologies: None\n\n"
                              "## Project plan\n\nSix sprints.\n")
    assert minutes.meeting.date.isoformat() == "2025-04-11"
    assert minutes.meeting.title == "Minutes of the Fourth Client Meeting"
    assert [a.name for a in minutes.attendees] == ["Lia Song", "Ruxin Ma", "Jiahui Huang", "Feinan Guo",
                                                   "Jiabao Ye"]
    minutes = _read(tmp_path, "# Weekly sync\n### Tuesday budget 11/4/2025\n\n- Members: Ann Lee\n")
    assert minutes.attendees == []  # a heading with more than the day is a topic


def test_names_joined_by_a_slash_are_several_people_unless_one_part_is_not_a_name(tmp_path):
    """Three names or more, each a first and last name; 'Name / Organisation' is one person."""
    minutes = _read(tmp_path, "# Team meeting 2025-03-04\n\nAttendees: Ana Lopez / Bo Chan / Cy Dorn\n\n"
                              "Participants:\n\n- Kevin Koy / @kevkoy / Schmidt DSE\n- Matt Fisher / NASA\n")
    assert [a.name for a in minutes.attendees] == ["Ana Lopez", "Bo Chan", "Cy Dorn", "Kevin Koy", "Matt Fisher"]
    minutes = _read(tmp_path, "# Team meeting 2025-03-04\n\nAttendees: Jean Dupont / Société Générale, "
                              "Alice Martin / ACME\n")
    assert [a.name for a in minutes.attendees] == ["Jean Dupont", "Alice Martin"]


def test_quoted_meeting_details_are_read(tmp_path):
    """'> Présents :' over a quoted list, in the details under the title: quoting is layout."""
    minutes = _read(tmp_path, "# Compte-rendu visio\n## 27/09/2024\n\n> Présents :\n>\n> - Camille YOUNSI (DGAMPA)\n"
                              "> - Glenn PRIGENT (Ifremer)\n\n---\n\n> Excusés :\n> \n> - Yves LE GALL (Ifremer)\n\n"
                              "## Point planning\n\n> Présents : tout le monde a un avis\n")
    assert [(a.name, str(a.attendance)) for a in minutes.attendees] == [
        ("Camille YOUNSI", "present"), ("Glenn PRIGENT", "present"), ("Yves LE GALL", "excused")]


def test_owner_then_a_dash_and_a_week_number_in_a_quoted_actions_list(tmp_path):
    """'> Actions :' quoted in a topic; 'EIS - semaine 49 - task': an attendee's organisation, ISO week 49."""
    minutes = _read(tmp_path, "# CR visio 2024-11-28\n\nPrésents : Dorian MARCO (EIS), Léni GUILLOTIN (AGLIA)\n\n"
                              "## Tests en mer\n\nOn en parle.\n\n> Actions :\n"
                              "> - EIS - semaine 49 - Livrer l'application\n> - Dorian / Léni - Relancer les OP\n"
                              "> - Website - refaire le pied de page\n\n"
                              "## Autre\n\n> Remarque : rien\n> - Ifremer - pas une action\n")
    assert _actions(minutes) == [("Livrer l'application", "EIS", "2024-12-06"),
                                 ("Relancer les OP", "Dorian, Léni", None),  # owners as written
                                 ("Website - refaire le pied de page", None, None)]


def test_week_numbers_as_due_dates():
    from datetime import date

    from docgen.readers.markdown_minutes.relative_dates import resolve_due

    meeting = date(2024, 11, 28)
    assert resolve_due("semaine 49", meeting) == "2024-12-06"  # the Friday of ISO week 49
    assert resolve_due("Semaine 48", meeting) == "2024-11-29"  # the meeting's own week
    assert resolve_due("week 2", meeting) == "2025-01-10"  # a week already past: next year's
    assert resolve_due("3 semaines", meeting) == "2024-12-19"
    assert resolve_due("week 60", meeting) is None and resolve_due("week 12:30", meeting) is None


def test_an_action_item_listed_with_the_resolutions_is_an_action(tmp_path):
    """'GP: Action item to ...' under 'Resolutions:': the owner, then the label without a colon."""
    minutes = _read(tmp_path, "# PRG meeting 2011-07-25\n\nAttendees: Greg Pike (GP), Dan Dee\n\n## Governance\n\n"
                              "Resolutions:\n\n* The community is encouraged to raise requirements.\n"
                              "* GP: Action item to look into governance models\n\n## Other\n\n"
                              "- Action item to update the wiki\n- Action items were reviewed.\n")
    assert [d.text for d in minutes.decisions] == ["The community is encouraged to raise requirements."]
    assert _actions(minutes) == [("look into governance models", "Greg Pike", None),
                                 ("update the wiki", None, None)]


def test_an_action_id_numbered_by_the_meeting_date_is_the_id(tmp_path):
    """'09/29-01. Aleks and Eric will ...': the id goes, the sentence still names the owners."""
    minutes = _read(tmp_path, "# Client meeting 2020-09-29\n\nAttendees: Aleks Ray, Eric Fox\n\n## Action items\n\n"
                              "- 09/29-01. Aleks and Eric will modify the prototype\n- 09/29-02: Book the room\n")
    assert _actions(minutes) == [("modify the prototype", "Aleks, Eric", None), ("Book the room", None, None)]
    assert [a.id for a in minutes.actions] == ["09/29-01", "09/29-02"]


def test_an_owner_in_nested_emphasis_and_an_empty_item(tmp_path):
    """'**_EVERYONE_**: task' is everyone's; a '-' alone is no action."""
    minutes = _read(tmp_path, "# Sprint planning 2025-05-29\n\nAttendees: Tyler Hoang\n\n## Action Items\n\n"
                              "- **_EVERYONE_**: post a stand-up\n-\n\n- ***Tyler Hoang***: fix the navbar\n")
    assert _actions(minutes) == [("post a stand-up", "EVERYONE", None), ("fix the navbar", "Tyler Hoang", None)]


def test_who_decides_for_a_project_decides(tmp_path):
    """A client, a sponsor or the MOA approving is the meeting's decision; an opinion shared is not."""
    minutes = _read(tmp_path, "# Client meeting 2020-10-13\n\nAttendees: Ann Lee\n\n## Tech\n\n"
                              "The client approves of our current tech stack.\n\n"
                              "The sponsor approved the new scope.\n\n"
                              "The client agrees with our choice of testing.\n\nLa MOA valide la maquette.\n\n"
                              "Everyone agrees the room is cold.\n\nThe client asked about the budget.\n")
    assert [d.text for d in minutes.decisions] == [
        "The client approves of our current tech stack", "The sponsor approved the new scope",
        "The client agrees with our choice of testing", "La MOA valide la maquette"]


def test_a_rule_in_the_passive_listed_as_decided_is_a_decision(tmp_path):
    """Under Decisions, 'X must be taken more seriously' has no owner: a rule decided, not a task."""
    minutes = _read(tmp_path, "# Sprint review 2025-09-02\n\nAttendees: Ann Lee\n\n## Decisions/Agreements\n\n"
                              "- Client expectations must be taken more seriously.\n- Ann will book the demo room.\n")
    assert [d.text for d in minutes.decisions] == ["Client expectations must be taken more seriously."]
    assert _actions(minutes) == [("Book the demo room", "Ann", None)]


def test_an_impersonal_decision_with_a_linking_adverb(tmp_path):
    minutes = _read(tmp_path, "# Réunion projet 2025-07-18\n\nParticipants : Ana, Bo\n\n## Points\n\n"
                              "- Les corrections ont été peu abordées. Il a néanmoins été confirmé que le RTK est la "
                              "bonne approche.\n- It was however agreed that the pilot starts in May.\n")
    assert [d.text for d in minutes.decisions] == ["Le RTK est la bonne approche", "The pilot starts in May"]


def test_a_heading_naming_a_team_gives_it_the_actions_under_it(tmp_path):
    """'### Login / Auth Team' over '**Action Items for Next Sprint:**': the team owns them."""
    minutes = _read(tmp_path, "# Sprint 2 Review 2025-11-14\n\nAttendees: Ann Lee, Bo Chan\n\n## Team Updates\n\n"
                              "### **Login / Auth Team**\n\n**Completed This Sprint:**\n- OAuth login\n\n"
                              "**Action Items for Next Sprint:**\n- Create the database schemas\n- Bo: fix the CI\n\n"
                              "### Équipe Paie\n\nActions :\n- Mapper les rubriques\n\n"
                              "### Team Communication\n\n- ACTION: post updates on Slack\n")
    assert _actions(minutes) == [("Create the database schemas", "Login / Auth Team", None),
                                 ("fix the CI", "Bo", None), ("Mapper les rubriques", "Équipe Paie", None),
                                 ("post updates on Slack", None, None)]


def test_attendees_closing_a_task_in_parentheses_own_it(tmp_path):
    """'Add filtering by role (**Alex**)': in bold, or after an imperative; '(Alex)' after a remark credits it."""
    minutes = _read(tmp_path, "# Sprint planning 2025-11-14\n\n**Attendance:** Alex, Melvyn, Lei Hu\n\n## Feature 2\n\n"
                              "1. Add filtering options by role (**Alex**)\n"
                              "2. Improve the layout (**Melvyn & Lei Hu**)\n"
                              "3. Review the schema (Melvyn)\n4. Concern about the budget overrun (Alex)\n"
                              "5. Display statistics (**Adam**)\n")
    assert _actions(minutes) == [("Add filtering options by role", "Alex", None),
                                 ("Improve the layout", "Melvyn, Lei Hu", None), ("Review the schema", "Melvyn", None)]


def test_one_attendee_a_line_with_initials_role_and_organisation(tmp_path):
    """'Mark Wardle (MW) (Chair)<tab>-<tab>Cardiff and Vale UHB' under 'Attendees:' in one paragraph."""
    minutes = _read(tmp_path, "Board\n\nMinutes of the meeting\nThursday 28 March 2019 - 14:00-17:00\n\nAttendees:\n"
                              "Mark Wardle (MW) (Chair)\t\t-\tCardiff and Vale UHB\n"
                              "Andy Warburton (AWa)\t\t-\tAneurin Bevan UHB\nCheryl Way (CW) - NHS Wales\n")
    assert [a.name for a in minutes.attendees] == ["Mark Wardle", "Andy Warburton", "Cheryl Way"]
    assert minutes.meeting.chair == "Mark Wardle"


def test_a_sentence_saying_what_the_list_after_it_holds(tmp_path):
    """'nous avons convenu des actions suivantes :' and 'The board decided the following:' over a list."""
    minutes = _read(tmp_path, "# Réunion client 2024-10-30\n\nPrésents : Claire, Benjamin\n\n## Points\n\n"
                              "À l'issue de notre discussion, nous avons convenu des actions suivantes :\n"
                              "- Améliorer le flux de création\n\n"
                              "Nous avons également validé les éléments suivants pour le bot :\n"
                              "- Fabrique devient campus.\n\nThe following actions were agreed:\n- Send the minutes\n\n"
                              "The board decided the following:\n- The budget is frozen\n\n"
                              "We discussed the following points:\n- The budget\n")
    assert [d.text for d in minutes.decisions] == ["Fabrique devient campus.", "The budget is frozen"]
    assert _actions(minutes) == [("Améliorer le flux de création", None, None), ("Send the minutes", None, None)]


def test_someones_updates_are_not_an_action_label(tmp_path):
    """'AR Updates:' is AR's news: 'AR' (action required) must not make 'Updates' an owner of tasks."""
    minutes = _read(tmp_path, "# Meeting 2021-05-25\n\nAttendees: Ann Lee\n\n## Updates\n\nAR Updates:\n"
                              "- Freshman at college\n- College work is currently WFH\n\nAR Bo: book the room\n")
    assert _actions(minutes) == [("book the room", "Bo", None)]


# what a second reading of the evening's conventions made them misfire on: they must stay notes
NOT_TASKS_NOR_DECISIONS = [
    "The following actions from the last meeting were completed:\n- Send the invoice\n- Book the room\n",
    "The following options were not approved:\n- Hiring a contractor\n",
    "Nothing was decided on the following points:\n- Office move\n",
    "The following tasks were suggested but nobody agreed to take them:\n- Paint the wall\n",
    "Les actions suivantes restent en suspens, rien n'a été décidé :\n- Relancer la banque\n",
    "- Review of the budget went well (Alice)\n- Check: the numbers look right (Bob)\n"
    "- Test results were good (Alice and Bob)\n- Great demo of the new UI (**Alice**)\n"
    "- Update from last week (**Bob**)\n",
    "The customer accepts the terms when signing up.\n\nLe client valide sa commande dans l'application.\n",
    "Action items to review were not discussed.\n\nBob: action items to follow are in the tracker\n",
]


@pytest.mark.parametrize("body", NOT_TASKS_NOR_DECISIONS, ids=lambda b: b[:40])
def test_what_only_looks_like_the_new_conventions_stays_notes(tmp_path, body):
    minutes = _read(tmp_path, "# Meeting 2026-03-04\n\nAttendees: Alice Martin, Bob Stone\n\n## Topic\n\n" + body)
    assert minutes.decisions == [] and minutes.actions == []


def test_the_edges_of_the_evenings_conventions(tmp_path):
    """A segment with a verb is the task, not a due date; a range is no id; a team is a few words."""
    minutes = _read(tmp_path, "# Meeting 2026-03-04\n\nAttendees: Alice Martin, Bob Stone\n\n## Actions\n\n"
                              "- Bob - fix week 3 bugs - urgent\n- Bob - semaine 12 - livrer\n"
                              "- 3/14-16: Alice to attend the conference\n\n## Updates\n\n"
                              "### Feedback from the design team\n\nActions:\n- Update the mockups\n\n"
                              "## Go\n\n- Do we move to Postgres: yes\n- Adaptation à iOS : OK\n")
    assert _actions(minutes)[:2] == [("fix week 3 bugs - urgent", "Bob", None), ("livrer", "Bob", "2026-03-20")]
    assert minutes.actions[2].id is None and minutes.actions[2].text.startswith("3/14-16")
    assert minutes.actions[3].owner is None
    assert [d.text for d in minutes.decisions] == ["Do we move to Postgres: yes"]

def test_inclusive_french_attendance_labels(tmp_path):
    minutes = _read(tmp_path, "# CA 2025-06-03\n\nPrésent·e·s : Léa Martin, Marc Roux\n\n"
                    "Excusé.e.s : Inès Petit\n\nAbsent-e-s : Paul Girard\n\nRédaction : Marc Roux\n")
    assert [(a.name, str(a.attendance)) for a in minutes.attendees] == [
        ("Léa Martin", "present"), ("Marc Roux", "present"), ("Inès Petit", "excused"),
        ("Paul Girard", "absent")]
    assert minutes.meeting.minute_taker == "Marc Roux"


def test_next_meeting_sentence_in_french(tmp_path):
    minutes = _read(tmp_path, "# CA 2025-06-03\n\nPrésents : Léa\n\n## Divers\n\n"
                    "Prochaine séance le 4 juillet à 9h.\n")
    assert minutes.next_meeting.date.isoformat() == "2025-07-04"
    assert minutes.next_meeting.start == "09:00"


def test_review_of_previous_actions_in_french(tmp_path):
    minutes = _read(tmp_path, "# CA 2025-06-03\n\nPrésents : Léa\n\n"
                    "## Suivi des actions de la séance précédente\n\n- Léa : relancer la mairie (fait)\n")
    assert [(a.owner, str(a.status)) for a in minutes.previous_actions] == [("Léa", "done")]
    assert minutes.actions == []


# -- owners --------------------------------------------------------------------------------------
def test_owner_initials_resolve_to_attendees(tmp_path):
    minutes = _read(tmp_path, "# Sync 2026-03-02\n\nPresent: Priya Kumar, John Doe\n\n## Plan\n\n"
                    "- Update the plan [PK]\n- JD to book the room\n")
    assert [(a.text, a.owner) for a in minutes.actions] == [
        ("Update the plan", "Priya Kumar"), ("Book the room", "John Doe")]


def test_several_owners_on_one_line(tmp_path):
    minutes = _read(tmp_path, "# Sync 2026-03-02\n\nPresent: Anna Bell, Carl Dunn\n\n## Plan\n\n"
                    "ACTION AB, CD: draft the charter\n\nACTION everyone: review the charter\n")
    assert [(a.text, a.owner) for a in minutes.actions] == [
        ("draft the charter", "Anna Bell, Carl Dunn"), ("review the charter", "Everyone")]


def test_owner_in_capitals(tmp_path):
    minutes = _read(tmp_path, "# Sync 2026-03-02\n\nPresent: Sophie Laurent\n\n## Actions\n\n"
                    "- SOPHIE: send the invitation\n")
    assert [(a.text, a.owner) for a in minutes.actions] == [("send the invitation", "Sophie Laurent")]


# -- actions ---------------------------------------------------------------------------------
def test_one_action_written_twice_is_one_action(tmp_path):
    minutes = _read(tmp_path, "# Sync 2026-03-02\n\nPresent: Tom Baker\n\n## Budget\n\n"
                    "ACTION: Tom to send the forecast by Friday\n\n## Action items\n\n"
                    "- Tom: send the forecast (due 2026-03-06)\n")
    assert _actions(minutes) == [("send the forecast", "Tom", "2026-03-06")]


def test_an_action_repeated_with_the_owner_as_a_handle_is_one_action(tmp_path):
    # "Ilhan" where it came up, "@Ilhan" in the closing table: one owner, one action
    minutes = _read(tmp_path, "# Sync 2026-03-02\n\nPresent: Ilhan, Raphael\n\n## Point\n\n"
                    "- Ilhan : corriger les permissions du projet\n\n## Actions à mener\n\n"
                    "| Action | Responsable | Échéance |\n|---|---|---|\n"
                    "| Corriger les permissions du projet GitHub | @Ilhan | 16/03/2026 |\n")
    assert _actions(minutes) == [("corriger les permissions du projet", "Ilhan", "2026-03-16")]


def test_subheadings_inside_an_actions_section_keep_their_items_as_actions(tmp_path):
    minutes = _read(tmp_path, "# Sync 2026-03-02\n\n## Action items\n\n### Website\n\n"
                    "- Fix the footer\n\n### Newsletter\n\n- Draft the March issue\n")
    assert [a.text for a in minutes.actions] == ["Fix the footer", "Draft the March issue"]


def test_an_action_wrapped_over_two_lines_is_one_action(tmp_path):
    minutes = _read(tmp_path, "# Sync 2026-03-02\n\n## Topic\n\nACTION: Tom to write the migration\n"
                    "guide for the new API.\n")
    assert [(a.text, a.owner) for a in minutes.actions] == [
        ("write the migration guide for the new API.", "Tom")]


def test_a_list_of_ticked_choices_stays_notes(tmp_path):
    # every box ticked and no owner: the options the team picked, not tasks done; a ticked box
    # among open ones, or one naming its owner, is still a task done
    minutes = _read(tmp_path, "# Sync 2026-03-02\n\nPresent: Tom Baker\n\n## Outils\n\n"
                    "- [x] Gitflow\n- [x] Les documents sont écrits en Markdown.\n\n## Suivi\n\n"
                    "- [x] Tom: close stale PRs\n- [x] Tom: tag the release\n\n"
                    "- [ ] Book the room\n- [x] Order the badges\n")
    assert [(a.text, str(a.status)) for a in minutes.actions] == [
        ("close stale PRs", "done"), ("tag the release", "done"), ("Book the room", "open"),
        ("Order the badges", "done")]


def test_due_dates_in_words_and_capitals(tmp_path):
    minutes = _read(tmp_path, "# Sync 2026-03-02\n\n## Actions\n\n- Tom: send the forecast by Friday\n"
                    "- Léa : envoyer le bilan d'ici fin septembre\n- Ana: book the venue DUE 12TH MARCH\n"
                    "- Kim: renew the licence before the end of the month\n- Bo: ask IT next week\n")
    assert [a.due.isoformat() for a in minutes.actions] == [
        "2026-03-06", "2026-09-30", "2026-03-12", "2026-03-31", "2026-03-09"]


# -- topics and title ------------------------------------------------------------------------
def test_numbered_bold_paragraphs_are_topics(tmp_path):
    minutes = _read(tmp_path, "# Board 2026-03-02\n\n**1. Budget**\n\nThe forecast is on track.\n\n"
                    "**2. Hiring**\n\nTwo offers were made.\n")
    assert [i.title for i in minutes.agenda] == ["Budget", "Hiring"]


def test_a_date_only_heading_is_not_part_of_the_title(tmp_path):
    minutes = _read(tmp_path, "# Platform team sync\n\n## 2 March 2026\n\n- Deploy went fine\n")
    assert minutes.meeting.title == "Platform team sync"
    assert minutes.meeting.date.isoformat() == "2026-03-02"


# -- more attendee forms -----------------------------------------------------------------------
def test_attendance_inside_a_longer_label_and_proxies(tmp_path):
    minutes = _read(tmp_path, "# AG 2023-10-22\n\nMembres actifs présents ou représentés (3) :\n\n"
                    "* Laurent Ceard\n* Elodie R, représentée par Laurent Ceard.\n\n"
                    "Membres actifs absents (1) :\n\n* Yann\n")
    assert [(a.name, str(a.attendance)) for a in minutes.attendees] == [
        ("Laurent Ceard", "present"), ("Elodie R", "excused"), ("Yann", "absent")]


def test_sign_in_line_without_colon_and_pseudo_at_group(tmp_path):
    minutes = _read(tmp_path, "# Admincamp 2017-12-16\n\nLà le samedi (pseudo@groupe)\n\n"
                    "  * Caps\n  * VG@adminsys\n\n## Backups\n\n- find a machine\n")
    assert [(a.name, a.group) for a in minutes.attendees] == [("Caps", None), ("VG", "adminsys")]


def test_unclosed_parenthesis_after_a_name(tmp_path):
    minutes = _read(tmp_path, "# Steering 2015-02-03\n\n## Attending\n\n"
                    " - Raniere Silva (University of Campinas\n - Greg Wilson (Software Carpentry)\n")
    assert [(a.name, a.organisation) for a in minutes.attendees] == [
        ("Raniere Silva", "University of Campinas"), ("Greg Wilson", "Software Carpentry")]


def test_attendees_after_a_closing_dash_own_the_task(tmp_path):
    minutes = _read(tmp_path, "# Réunion 2024-12-12\n\n# Intervenants et rôles :\n\n"
                    "- Nicolas Ho \\- Animateur\n- Luca Gaches\n- Robin Gourgues\n\n# Déroulement\n\n"
                    "## Tâches\n\n* Dashboard :\n  * Créer une interface d'ajout de produit. \\- **Robin**\n"
                    "  * Mettre en place une confirmation. - Luca & Nicolas\n  * Revoir le design - Marketing\n")
    assert [a.name for a in minutes.attendees] == ["Nicolas Ho", "Luca Gaches", "Robin Gourgues"]
    assert [(a.text, a.owner) for a in minutes.actions] == [
        ("Créer une interface d'ajout de produit", "Robin"),
        ("Mettre en place une confirmation", "Luca, Nicolas")]


def test_role_slot_then_the_name_in_parentheses(tmp_path):
    minutes = _read(tmp_path, "# Meeting Minutes\n\n**Date:** Monday 26 August 2024\n\n**Attendees:**\n\n"
                    "* Client Name (Cian)\n* Team Member 2 (Daniel Geng)\n* Greg Wilson (Software Carpentry)\n")
    assert [(a.name, a.role, a.organisation) for a in minutes.attendees] == [
        ("Cian", "Client Name", None), ("Daniel Geng", "Team Member 2", None),
        ("Greg Wilson", None, "Software Carpentry")]


def test_stand_up_plans_of_the_day_are_the_persons_actions(tmp_path):
    minutes = _read(tmp_path, "# Standup 2021-02-08\n\n### Attendees:\n1. Ian Rebmann\n2. Jasmine Chen\n\n"
                    "## Ian Rebmann\n- today\n  - research pipeline\n- no blockers\n\n"
                    "## Jasmine Chen\n- yesterday\n  - made pipeline wiki\n- next\n  - write the docs\n")
    assert [(a.text, a.owner, a.due and a.due.isoformat()) for a in minutes.actions] == [
        ("research pipeline", "Ian Rebmann", "2021-02-08"), ("write the docs", "Jasmine Chen", None)]


def test_a_name_then_a_task_in_the_imperative_is_an_action(tmp_path):
    minutes = _read(tmp_path, "# Board 2022-11-18\n\n## Past events\n\n* Thierry: prepare post(s) for the website\n"
                    "  - [ ] Jonathan: add a link on the projects page\n* Dan: The new API looks fine\n")
    assert [(a.text, a.owner) for a in minutes.actions] == [
        ("prepare post(s) for the website", "Thierry"), ("add a link on the projects page", "Jonathan")]


def test_an_actions_heading_that_names_a_due_date_gives_it_to_its_items(tmp_path):
    minutes = _read(tmp_path, "# Réunion du 9 septembre 2020\n\n## À réaliser avant la prochaine réunion\n\n"
                    " * Choisir les technologies.\n\n## Prochaine réunion\n\nLe 16 septembre 2020 à 14 heures.\n")
    assert [(a.text, a.due.isoformat()) for a in minutes.actions] == [
        ("Choisir les technologies.", "2020-09-16")]


def test_table_of_people_columns(tmp_path):
    minutes = _read(tmp_path, "# Réunion 2020-09-09\n\n| Étudiants présents | Clients présents |\n|:--:|:--:|\n"
                    "| Alexandre Boudet<br>Thomas Perichet | Thomas Cauchy |\n")
    assert [(a.name, a.group) for a in minutes.attendees] == [
        ("Alexandre Boudet", "Étudiants présents"), ("Thomas Perichet", "Étudiants présents"),
        ("Thomas Cauchy", "Clients présents")]



def test_a_speaker_taking_an_action_in_a_transcript_paragraph(tmp_path):
    minutes = _read(tmp_path, "# TAG call 2025-06-03\n\nPresent: Yves, Dan\n\n## Credentials\n\n"
                    "Dan: Who can take this?\n\nYves: I'll contact the editors about this.\n\n"
                    "@sangwhan: Agreed. I will file the review in two weeks.\n\n"
                    "Dan: I will do that.\n\nYves: I will discuss with the team.\n")
    assert [(a.text, a.owner) for a in minutes.actions] == [
        ("contact the editors about this", "Yves"), ("file the review", "@sangwhan")]  # due taken out


def test_a_pandoc_simple_table_is_a_table(tmp_path):
    minutes = _read(tmp_path, "# Comité 2025-06-03\n\nPrésents : Léa, Marc\n\n## Budget\n\n"
                    "Poste            Montant\n---------------- --------\nSalle            120\n"
                    "Repas            80\n\nLe budget est discuté.\n")
    assert [item.title for item in minutes.agenda] == ["Budget"]  # "Poste Montant" is no topic
    assert "| Salle | 120 |" in minutes.agenda[0].notes


def test_a_vote_tally_with_its_caption_is_a_decision(tmp_path):
    minutes = _read(tmp_path, "# Comité 2025-06-03\n\nPrésents : Léa, Marc\n\n## Adhésions\n\n"
                    "Table: Vote de l'adhésion à la fédération\n\n"
                    "Votants         7\n--------------- -----\nVotent contre   2\n"
                    "S'abstiennent   0\nVotent pour     5\n\n## Fête\n\n"
                    "--------------- -----\nPour            unanimité\nContre          0\n"
                    "--------------- -----\n\n: Achat des boissons\n\n"
                    "--------------- -----\nPour            4\nContre          0\n"
                    "--------------- -----\n")
    assert [d.text for d in minutes.decisions] == [
        "Vote de l'adhésion à la fédération (Votent contre : 2, Votent pour : 5)",
        "Achat des boissons (Pour : unanimité, Contre : 0)"]  # the last tally names nothing


def test_attendance_label_that_names_the_meeting(tmp_path):
    minutes = _read(tmp_path, "# Sync 2025-06-03\n\nAttending the meeting: Ana, Bo, Cy\n")
    assert [a.name for a in minutes.attendees] == ["Ana", "Bo", "Cy"]


def test_headings_written_without_a_space_after_the_hashes(tmp_path):
    minutes = _read(tmp_path, "#Team sync 2025-06-03\n\nPresent: Ana, Bo\n\n##Decisions\n\n"
                    "- Release on Friday\n\n```\n#include <stdio.h>\n```\n\n#42 is still open\n")
    assert minutes.meeting.title == "Team sync 2025-06-03"
    # "#42" (no letter after the hash) and a fenced "#include" are not headings
    assert [d.text for d in minutes.decisions] == ["Release on Friday", "#42 is still open"]


def test_a_team_subheading_names_the_owners_of_its_actions(tmp_path):
    minutes = _read(tmp_path, "# Kickoff 2025-06-03\n\nPresent: Ana, Bo, Cy, Di\n\n"
                    "## Next moves\n\n### Outreach - Ana, Bo\n\n- ACTION: Draft the invitation\n"
                    "- ACTION: Cy to book the room\n\n### Misc - unsorted ideas\n\n"
                    "- ACTION: Order badges\n")
    assert _actions(minutes) == [("Draft the invitation", "Ana, Bo", None),
                                 ("book the room", "Cy", None), ("Order badges", None, None)]


def test_a_latecomer_noted_in_the_minutes_is_present(tmp_path):
    minutes = _read(tmp_path, "# Sync 2025-06-03\n\nPresent: Ana Lima, Bo\n\n## Budget\n\n"
                    "(Cy joins.)\n\nAna: the figures are in.\n\n*10 h 15 : arrivée de Dana*\n\n"
                    "Ana joined at 10:20.\n\nThe meeting joined the two topics.\n")
    assert [(a.name, str(a.attendance)) for a in minutes.attendees] == [
        ("Ana Lima", "present"), ("Bo", "present"), ("Cy", "present"), ("Dana", "present")]


def test_a_review_link_with_its_reviewers_after_a_dash_is_not_a_task(tmp_path):
    minutes = _read(tmp_path, "# Sync 2025-06-03\n\nPresent: Ana, Bo\n\n## Reviews\n\n"
                    "* [Payment API](https://example.org/reviews/12) - Ana, Bo\n"
                    "* Draft the reply to the payment group - Bo\n")
    assert _actions(minutes) == [("Draft the reply to the payment group", "Bo", None)]


def test_an_owner_label_nested_under_a_task_names_its_owner(tmp_path):
    minutes = _read(tmp_path, "# Sync 2025-06-03\n\nPresent: Ana, Bo\n\n## To do\n\n"
                    "* Book the venue\n    * Task owner: Bo\n* Print the flyers\n"
                    "    * Owner: Ana\n    * Colour, A5\n")
    assert _actions(minutes) == [("Book the venue", "Bo", None),
                                 ("Print the flyers\n\n- Owner: Ana\n- Colour, A5", None, None)]


def test_a_decision_label_before_a_verb_is_not_an_owner(tmp_path):
    minutes = _read(tmp_path, "# Sync 2025-06-03\n\nPresent: Ana, Bo\n\n## Roles\n\n"
                    "- Consensus: open nominations for the two seats\n- Bo: send the call for nominations\n")
    assert [d.text for d in minutes.decisions] == ["open nominations for the two seats"]
    assert _actions(minutes) == [("send the call for nominations", "Bo", None)]


def test_the_room_agreeing_with_a_turn_makes_it_a_decision(tmp_path):
    minutes = _read(tmp_path, "# Sync 2025-06-03\n\nPresent: Ana, Bo\n\n## Docs\n\n"
                    "- Ana: Could move the docs to the wiki first.\n- All: Good idea.\n"
                    "- Bo: The theme is ugly.\n- Ana: Good idea.\n")  # one voice is not the room
    assert [d.text for d in minutes.decisions] == ["Could move the docs to the wiki first"]


def test_a_labelled_action_under_a_next_meeting_heading_is_kept(tmp_path):
    minutes = _read(tmp_path, "# Sync 2025-06-03\n\nPresent: Ana, Bo\n\n## Next meetings\n\n"
                    "- Every other week, 30 min\n- ACTION: Bo to send the calendar invite\n")
    assert _actions(minutes) == [("send the calendar invite", "Bo", None)]
    minutes = _read(tmp_path, "# Sync 2025-06-03\n\nPresent: Ana, Bo\n\n## Next meeting\n\n"
                    "- 17 June 2025, room 4\n")
    assert minutes.next_meeting.date.isoformat() == "2025-06-17"


def test_a_plan_in_the_future_passive_listed_as_decided_stays_a_decision(tmp_path):
    minutes = _read(tmp_path, "# Réunion du bureau\n\nDate : 12/03/2025\n\n## Décisions\n\n"
                              "- Un compte-rendu sera rédigé après chaque atelier.\n\n## Notes\n\n"
                              "Le planning sera mis à jour par le secrétariat.\n")
    assert [d.text for d in minutes.decisions] == ["Un compte-rendu sera rédigé après chaque atelier."]
    assert [a.text for a in minutes.actions] == ["Le planning sera mis à jour par le secrétariat"]


def test_an_action_item_that_reports_what_is_done_stays_in_the_notes(tmp_path):
    minutes = _read(tmp_path, "# Launch sync\n\nDate: 2025-04-02\n\n## Checklist\n\n"
                              "- [ ] Dry run completed (link the log)\n- [ ] Book the hall for the launch\n"
                              "- [ ] Printed the flyers\n- [ ] Detailed budget for the launch\n")
    assert [a.text for a in minutes.actions] == ["Book the hall for the launch",
                                                  "Detailed budget for the launch"]
    notes = " ".join(item.notes or "" for item in minutes.agenda)
    assert "Dry run completed (link the log)" in notes and "Printed the flyers" in notes


# -- character references ----------------------------------------------------------------------
def test_html_character_references_are_read_as_their_characters(tmp_path):
    minutes = _read(tmp_path, "# Réunion du bureau 2025-03-12\n\n## Ordre du jour&nbsp;:\n\n"
                              "- Budget\n\n## Budget\n\n"
                              "- D&eacute;cision&nbsp;: le budget R&amp;D est valid&#233;\n"
                              "- Noter `&amp;` et &lt;div&gt; tels quels\n")
    assert [item.title for item in minutes.agenda] == ["Budget"]
    assert [d.text for d in minutes.decisions] == ["le budget R&D est validé"]
    assert "`&amp;` et &lt;div&gt;" in (minutes.agenda[0].notes or "")


# -- formal minutes ----------------------------------------------------------------------------
def test_each_adopted_resolution_is_one_decision(tmp_path):
    minutes = _read(tmp_path, "# Procès-verbal de l'AG du 14/03/2025\n\n## Résolutions\n\n"
                              "### Résolution 1 - Rapport moral\n\nLa présidente présente le rapport "
                              "de l'année. Il est décidé de garder le local.\n\n"
                              "### Résolution 2 - Cotisation annuelle\n\nL'assemblée décide de fixer "
                              "la cotisation à 12 euros.\n\nCette résolution est adoptée à l'unanimité.\n\n"
                              "### Résolution 3 - Nouveau logo\n\nLe logo vert est proposé.\n\n"
                              "Cette résolution est rejetée à la majorité.\n\n"
                              "### Troisième résolution\n\nL'assemblée élit le bureau suivant :\n\n"
                              "- Léa Roux, présidente\n- Marc Petit, trésorier\n\n"
                              "Cette résolution, mise aux voix, est adoptée.\n")
    assert [d.text for d in minutes.decisions] == [
        "Résolution 2 - Cotisation annuelle : L'assemblée décide de fixer la cotisation à 12 euros",
        "L'assemblée élit le bureau suivant"]
    notes = " ".join(item.notes or "" for item in minutes.agenda)
    assert "La présidente présente le rapport" in notes and "Le logo vert est proposé" in notes


def test_a_named_resolution_over_a_list_is_decided_with_its_list(tmp_path):
    minutes = _read(tmp_path, "# Board minutes 2025-03-14\n\n## Resolution 1: Election of officers\n\n"
                              "The board is asked to elect the following officers:\n\n"
                              "- Ana Ruiz, chair\n- Bo Chen, treasurer\n\nMotion carried 5-0.\n\n"
                              "## Resolution 2: Office move\n\nThe move to Elm Street was presented "
                              "for information.\n")
    assert [d.text for d in minutes.decisions] == [
        "Resolution 1: Election of officers : Ana Ruiz, chair ; Bo Chen, treasurer"]


def test_the_formalities_of_minutes_are_never_decisions(tmp_path):
    minutes = _read(tmp_path, "# Conseil du 2025-03-14\n\n## Décisions\n\n"
                              "- Le local est loué pour un an.\n- La réunion est clôturée à 21 h.\n\n"
                              "Fait à Lyon, le 15 mars 2025.\n\n"
                              "Le présent procès-verbal est signé par le président.\n")
    assert [d.text for d in minutes.decisions] == ["Le local est loué pour un an."]
    notes = " ".join(item.notes or "" for item in minutes.agenda)
    assert "Fait à Lyon, le 15 mars 2025." in notes and "La réunion est clôturée à 21 h." in notes


def test_a_table_of_topics_and_presenters_holds_no_actions(tmp_path):
    minutes = _read(tmp_path, "# Team sync 2025-03-14\n\nPresent: Ana Ruiz, Bo Chen\n\n## Discussion\n\n"
                              "| Item | Who | Notes |\n|---|---|---|\n| Budget review | Ana | Figures are on track. |\n"
                              "| Hiring | Bo | Two candidates left. |\n\n## Follow-up\n\n"
                              "| Action | Who |\n|---|---|\n| Send the figures to the board | Ana |\n")
    assert _actions(minutes) == [("Send the figures to the board", "Ana", None)]


def test_an_action_entry_that_only_asks_is_a_note(tmp_path):
    minutes = _read(tmp_path, "# Sync 2025-06-03\n\nPresent: Ana, Bo\n\n## Action items\n\n"
                              "- [ ] What is still blocking the release?\n- ACTION: And the mailing list?\n"
                              "- [ ] Ask the venue: can we stay until 10 pm?\n- [ ] Bo to renew the domain\n")
    assert [a.text for a in minutes.actions] == ["Ask the venue: can we stay until 10 pm?",
                                                 "renew the domain"]
    notes = " ".join(item.notes or "" for item in minutes.agenda)
    assert "What is still blocking the release?" in notes


def test_a_decisions_list_item_introducing_a_list_or_holding_tasks_is_no_decision(tmp_path):
    minutes = _read(tmp_path, "# Kickoff 2025-03-14\n\nPresent: Ana Ruiz, Bo Chen\n\n## Decisions\n\n"
                              "- Slack is our channel for questions\n- The rules we set are the following:\n\n"
                              "1. Meetings start on time\n2. Reviews within two days\n\n"
                              "- Room booking\n  - Bo will ask the library for a room\n")
    assert [d.text for d in minutes.decisions] == [
        "Slack is our channel for questions", "Meetings start on time", "Reviews within two days"]
    notes = " ".join(item.notes or "" for item in minutes.agenda)
    assert "The rules we set are the following:" in notes and "Bo will ask the library" in notes


def test_people_named_present_in_a_prose_sentence_attend(tmp_path):
    minutes = _read(tmp_path, "# Parish council 2025-06-03\n\nThe council met in the hall with the "
                    "following present: Ann Lee, Bob Chan Jr., Cy Dorn and Dee Ray. The chair "
                    "opened the meeting.\n\n## Roads\n\nPotholes were discussed.\n")
    assert [(a.name, str(a.attendance)) for a in minutes.attendees] == [
        ("Ann Lee", "present"), ("Bob Chan Jr", "present"), ("Cy Dorn", "present"),
        ("Dee Ray", "present")]
    minutes = _read(tmp_path, "# Réunion 2025-06-03\n\nÉtait aussi présente Léa Roux, nouvelle "
                    "trésorière de la Fédération, qui a présenté le budget.\n\n"
                    "Une dizaine de personnes étaient présentes.\n")
    assert [a.name for a in minutes.attendees] == ["Léa Roux"]


def test_the_chair_and_secretary_named_in_prose_attend_notes_that_list_nobody(tmp_path):
    minutes = _read(tmp_path, "# AG 2025-06-03\n\nL'assemblée est présidée par Ana Dubois, et\n"
                    "Marc ROUX en est nommé secrétaire. Sont présents 12 membres.\n\n"
                    "## Budget\n\nLe budget est présenté.\n")
    assert [(a.name, a.role, str(a.attendance)) for a in minutes.attendees] == [
        ("Ana Dubois", "Chair", "present"), ("Marc ROUX", "Minute taker", "present")]
    minutes = _read(tmp_path, "# Board 2025-06-03\n\nPresent: Ann Lee, Bo Chan\n\n"
                    "Kim Park was appointed secretary for the evening.\n")
    assert [a.name for a in minutes.attendees] == ["Ann Lee", "Bo Chan"]


def test_a_bare_imperative_in_the_notes_is_a_task_without_owner(tmp_path):
    minutes = _read(tmp_path, "# Board 2025-06-03\n\nPresent: Ann Lee, Bo Chan\n\n## Summer fair\n\n"
                    "- Sponsors are interested\n    - Talk to big sponsors to gauge interest\n"
                    "    - Reach out to the council about the permit\n- Review of the last fair\n")
    assert _actions(minutes) == [("Talk to big sponsors to gauge interest", None, None),
                                 ("Reach out to the council about the permit", None, None)]


def test_a_responsible_column_names_the_owner_of_each_action(tmp_path):
    minutes = _read(tmp_path, "# Sync 2026-03-02\n\nPresent: Ann Lee, Bo Chan\n\n## Action items\n\n"
                    "| Item | Responsible | Due Date |\n|---|---|---|\n"
                    "| Book the hall. | Ann | 6 March 2026 |\n| Print the flyers. | Bo Chan | |\n")
    assert _actions(minutes) == [("Book the hall.", "Ann", "2026-03-06"),
                                 ("Print the flyers.", "Bo Chan", None)]
    minutes = _read(tmp_path, "# Réunion 2026-03-02\n\nPrésents : Léa, Marc\n\n## Actions\n\n"
                    "| Tâche | Responsables | Échéance |\n|---|---|---|\n"
                    "| Réserver la salle | Léa | 06/03/2026 |\n")
    assert _actions(minutes) == [("Réserver la salle", "Léa", "2026-03-06")]


def test_a_section_of_tasks_in_french_or_handed_out_holds_actions(tmp_path):
    minutes = _read(tmp_path, "# Réunion 2026-03-02\n\nPrésents : Léa, Marc\n\n### Tâches prioritaires\n\n"
                    "1. Le trésorier doit relancer la banque.\n2. Des bénévoles vont repeindre le local.\n")
    assert [a.text for a in minutes.actions] == ["Le trésorier doit relancer la banque.",
                                                 "Des bénévoles vont repeindre le local."]
    minutes = _read(tmp_path, "# Sprint review 2026-03-02\n\n## Task allocations\n\n"
                    "- Unit tests for the login page\n- Dark mode\n")
    assert [a.text for a in minutes.actions] == ["Unit tests for the login page", "Dark mode"]


def test_a_summary_heading_that_names_actions_or_decisions_holds_them(tmp_path):
    minutes = _read(tmp_path, "# Retro 2026-03-02\n\n## What went well?\n\n- the demo\n\n"
                    "## Summary and Actions\n\n- fix the login bug\n- book the review call\n")
    assert [a.text for a in minutes.actions] == ["fix the login bug", "book the review call"]
    minutes = _read(tmp_path, "# Réunion 2026-03-02\n\n## Synthèse et décisions\n\n"
                    "- Le local ouvre le samedi\n\n## Budget and actions\n\n- the budget is tight\n")
    assert [d.text for d in minutes.decisions] == ["Le local ouvre le samedi"]
    assert minutes.actions == []


def test_a_summary_of_actions_or_decisions_holds_them_and_merges_repeats(tmp_path):
    minutes = _read(tmp_path, "# Sync 2026-03-02\n\nAttendees: Ana, Bo\n\n## Budget\n\n"
                    "Action items:\n\n- [ ] Bo: book the hall\n\n## Action Items Summary\n\n"
                    "| Owner | Action | Due |\n|---|---|---|\n| Bo | book the hall | 6 March 2026 |\n")
    assert _actions(minutes) == [("book the hall", "Bo", "2026-03-06")]
    minutes = _read(tmp_path, "# Réunion 2026-03-02\n\n## Récapitulatif des décisions\n\n"
                    "- Le local ouvre le samedi\n\n## Budget summary\n\n- the budget is tight\n")
    assert [d.text for d in minutes.decisions] == ["Le local ouvre le samedi"]
    assert minutes.actions == []


def test_a_task_reported_done_under_decisions_is_news(tmp_path):
    minutes = _read(tmp_path, "# Réunion 2026-03-02\n\n## Décisions\n\n- Le local ouvre le samedi\n"
                    "- Le courrier a été envoyé à la mairie\n\n## Decisions\n\n"
                    "- The invoice was sent to the members\n- The budget was approved\n")
    assert [d.text for d in minutes.decisions] == ["Le local ouvre le samedi", "The budget was approved"]


def test_an_open_question_put_back_to_a_later_meeting_is_no_task(tmp_path):
    minutes = _read(tmp_path, "# Sync 2026-03-02\n\nAttendees: Ana, Bo\n\n## Action items\n\n"
                    "- Discuss whether to move the call to Tuesdays\n"
                    "- Revisit the possibility of a summer meetup\n- Bo: discuss whether the hall is free\n"
                    "- Discuss the lease with the landlord\n- Rediscuter de l'opportunité d'un local\n")
    assert _actions(minutes) == [("discuss whether the hall is free", "Bo", None),
                                 ("Discuss the lease with the landlord", None, None)]


def test_a_heading_naming_a_gathering_of_members_is_a_topic(tmp_path):
    minutes = _read(tmp_path, "# Réunion 2026-03-02\n\nPrésents : Léa, Marc\n\n## Réunion des membres\n\n"
                    "Chez Paul, cela cadre la réunion, très accessible par la gare.\n\n"
                    "## Meeting of members\n\nThe hall, the park\n\n## TSC members\n\n- Ana Lee\n")
    assert [p.name for p in minutes.attendees] == ["Léa", "Marc", "Ana Lee"]


def test_an_organisation_in_parentheses_is_kept_whole(tmp_path):
    minutes = _read(tmp_path, "# TSC 2026-03-02\n\n## Attendees\n\n- Ana Lee (Open Data Foundation (ODF))\n"
                    "- Bo Chan (University of Leeds / Data Lab)\n- Cy Diaz / @cyd / Acme\n")
    assert [(p.name, p.organisation) for p in minutes.attendees] == [
        ("Ana Lee", "Open Data Foundation (ODF)"), ("Bo Chan", "University of Leeds / Data Lab"),
        ("Cy Diaz", "Acme")]


def test_a_line_that_only_gives_a_deadline_is_no_decision(tmp_path):
    minutes = _read(tmp_path, "# TSC 2026-03-02\n\n## Website\n\n**Decision:**\n"
                    "- Move the site to the new host\n- Target completion: 8 weeks\n\n"
                    "## Décisions\n\n- Le local ouvre le samedi\n- Échéance : fin mars\n")
    assert [d.text for d in minutes.decisions] == ["Move the site to the new host", "Le local ouvre le samedi"]


def test_a_decision_label_that_names_who_took_it(tmp_path):
    minutes = _read(tmp_path, "# Réunion 2026-03-02\n\nPrésents : Léa, Marc\n\n## Serveur\n\n"
                    "Décision du bureau : le vieux serveur est arrêté fin mars\n\n"
                    "Pas de décision du bureau : on en reparle\n\n## Site\n\n"
                    "Decision of the board: the site moves to the new host\n")
    assert [d.text for d in minutes.decisions] == ["le vieux serveur est arrêté fin mars",
                                                   "the site moves to the new host"]


def test_an_empty_pair_of_brackets_is_an_unticked_box(tmp_path):
    minutes = _read(tmp_path, "# Retro 2026-03-02\n\n## Attendance\n\n- [x] Ana\n- [] Bo\n- [x] Cy\n\n"
                    "## Action items\n\n- [] Ana: open the release branch\n- [] Cy: fix the footer\n")
    assert [(a.name, str(a.attendance)) for a in minutes.attendees] == [
        ("Ana", "present"), ("Bo", "absent"), ("Cy", "present")]
    assert [(a.text, a.owner, str(a.status)) for a in minutes.actions] == [
        ("open the release branch", "Ana", "open"), ("fix the footer", "Cy", "open")]


def test_numbered_decision_labels(tmp_path):
    minutes = _read(tmp_path, "# Sync 2026-03-02\n\n## Outcomes of the call\n\n"
                    "- **Decision 1:** Keep the Friday release.\\\n  **Rationale:** it is planned.\n"
                    "- **Decision 2:** Pair up on the audit.\n"
                    "- Item 3: the printer is broken\n\n## Local\n\nDécision n°3 : le local ouvre le samedi\n")
    assert [d.text for d in minutes.decisions] == [
        "Keep the Friday release.", "Pair up on the audit.", "le local ouvre le samedi"]


def test_a_title_before_an_attendee_name_is_not_part_of_it(tmp_path):
    minutes = _read(tmp_path, "# AG 2026-03-02\n\nPrésents :\n\n- M. Jean PETIT, gérant.\n"
                    "- Mme Léa Roux\n- Dr Ana Lee\n- Drew Carey\n")
    assert [a.name for a in minutes.attendees] == ["Jean PETIT", "Léa Roux", "Ana Lee", "Drew Carey"]


def test_a_due_date_in_emphasis_between_parentheses_ends_the_task(tmp_path):
    minutes = _read(tmp_path, "# Réunion 2025-06-11\n\nPrésents : Amir, Paul, Léa\n\n## Actions\n\n"
                    "- **[ACTION] Amir** : corriger le formulaire (**13/06**).\n"
                    "- Léa : relancer la mairie (*20/06*)\n- Paul : finir les tests (3/4)\n"
                    "- Paul : publier la version (2025-06-30).\n")
    assert _actions(minutes) == [("corriger le formulaire", "Amir", "2025-06-13"),
                                 ("relancer la mairie", "Léa", "2025-06-20"),
                                 ("finir les tests (3/4)", "Paul", None),
                                 ("publier la version", "Paul", "2025-06-30")]


def test_a_table_header_naming_alternatives_counts_by_its_known_word(tmp_path):
    minutes = _read(tmp_path, "# Sync 2026-04-07\n\nPresent: Ana, Bo\n\n## Decisions\n\n"
                    "| Topic / area | Decision or open point |\n|---|---|\n| Site | The new logo is adopted. |\n\n"
                    "## Next week\n\n| Task / deliverable | Owner | Due |\n|---|---|---|\n"
                    "| Print the flyers | Bo | 2026-04-14 |\n")
    assert [d.text for d in minutes.decisions] == ["The new logo is adopted."]
    assert _actions(minutes) == [("Print the flyers", "Bo", "2026-04-14")]


def test_a_persons_sub_heading_under_a_stand_up_plan_heading_holds_their_actions(tmp_path):
    minutes = _read(tmp_path, "# Daily 2026-03-10\n\n## Ce qui a été fait hier\n\n### Léa\n- Relecture du guide\n\n"
                    "## Ce qui sera fait aujourd'hui\n\n### Tous\n\n### Léa\n- Finir la maquette\n\n"
                    "### Marc\n- Mise à jour du wiki\n\n### Remarques\nRien à signaler.\n")
    assert _actions(minutes) == [("Finir la maquette", "Léa", "2026-03-10"),
                                 ("Mise à jour du wiki", "Marc", "2026-03-10")]
    assert [a.name for a in minutes.attendees] == ["Léa", "Marc"]


def test_a_line_naming_an_attendee_over_a_list_of_actions_gives_them_its_items(tmp_path):
    minutes = _read(tmp_path, "# Sync 2026-05-05\n\n## Attendees\n\n* Ana Ruiz\n* Bo\n\n## Action items\n\n"
                    "***Ana***\n* renew the domain\n* fix the footer\n\nBo :\n* book the room\n\n"
                    "Website\n* update the logo\n")
    assert [(a.text, a.owner) for a in minutes.actions] == [
        ("renew the domain", "Ana"), ("fix the footer", "Ana"), ("book the room", "Bo"),
        ("update the logo", None)]


def test_the_whole_team_then_its_names_lists_those_attendees(tmp_path):
    minutes = _read(tmp_path, "# Réunion du 3 mars 2026\n\nParticipants : toute l'équipe (Léa, Marc et Inès)\n\n"
                    "## Point\n\nRien.\n")
    assert [a.name for a in minutes.attendees] == ["Léa", "Marc", "Inès"]
    minutes = _read(tmp_path, "# Sync 2026-03-03\n\nPresent: the whole team (Ana, Bo)\n\n## Point\n\nNothing.\n")
    assert [a.name for a in minutes.attendees] == ["Ana", "Bo"]


def test_a_line_of_bold_fields_separated_by_dots_is_read_field_by_field(tmp_path):
    minutes = _read(tmp_path, "# Point d'équipe\n\n**Date :** 2026-03-03 · **Participants :** Léa, Marc "
                    "| **Objet :** la maquette\n\nNous avons parlé · entre autres · du budget.\n")
    assert minutes.meeting.date.isoformat() == "2026-03-03"
    assert [a.name for a in minutes.attendees] == ["Léa", "Marc"]


def test_a_topic_whose_notes_end_on_assent_alone_is_decided(tmp_path):
    minutes = _read(tmp_path, "# Sync 2026-03-03\n\n## Adoption of the agenda\n\nOne item added.\n**Consensus**\n\n"
                    "## Approval of the minutes\n\n- Read, no objection\n\n## Budget\n\n"
                    "We looked at the figures.\n\nThe treasurer will report.\n\nApproved?\n\n"
                    "## Approbation du compte rendu\n\nPas d'objection.\n")
    assert [d.text for d in minutes.decisions] == [
        "Adoption of the agenda: One item added. Consensus", "Approval of the minutes: Read, no objection",
        "Approbation du compte rendu: Pas d'objection"]


def test_an_attendee_label_over_one_name_a_line_in_the_same_paragraph(tmp_path):
    minutes = _read(tmp_path, "# Minutes for 2026-03-03\n\nAttendees:\nAna R\nBo Chen\nCy\n\n"
                    "* Talk about the budget\n\nNotes:\nThe room was booked.\n")
    assert [a.name for a in minutes.attendees] == ["Ana R", "Bo Chen", "Cy"]


def test_an_entry_that_only_says_when_the_next_event_is_is_no_task(tmp_path):
    minutes = _read(tmp_path, "# Sync 2026-03-03\n\nPresent: Ana, Bo\n\n## Next steps\n\n"
                    "* Next call 12 March 2026 at 3pm\n* Atelier régional : 2 avril 2026 matin\n"
                    "* Organise the meetup 20/03/2026\n* Send the report by 12 March 2026\n")
    assert [a.text for a in minutes.actions] == ["Organise the meetup 20/03/2026", "Send the report"]
    notes = " ".join(item.notes or "" for item in minutes.agenda)
    assert "Next call 12 March 2026 at 3pm" in notes


def test_ticked_words_in_a_decisions_section_are_one_choice(tmp_path):
    minutes = _read(tmp_path, "# Sync 2026-03-03\n\n## Conventions à mettre en place\n\n"
                    "- [x] feat:\n- [x] fix:\n- [x] doc:\n\n## Décisions\n\n- Le local ouvre le samedi\n"
                    "- Le bureau se réunit chaque mois\n")
    assert [d.text for d in minutes.decisions] == [
        "feat, fix, doc", "Le local ouvre le samedi", "Le bureau se réunit chaque mois"]


def test_a_heading_numbered_with_a_letter_counts_by_its_words(tmp_path):
    minutes = _read(tmp_path, "# Sync 2026-03-03\n\n## I - Organisation\n\n### a) Décisions\n\n"
                    "- Le local ouvre le samedi\n\n### b) Actions\n\n- Réserver la salle\n")
    assert [d.text for d in minutes.decisions] == ["Le local ouvre le samedi"]
    assert [a.text for a in minutes.actions] == ["Réserver la salle"]


def test_an_attendee_written_family_name_first_is_known_by_the_last_word(tmp_path):
    minutes = _read(tmp_path, "# Réunion du 3 mars 2026\n\nPrésents : Roux Léa, Marc Petit\n\n## Suivi\n\n"
                    "* Corriger le formulaire \\- **Léa**\n* Relancer la mairie \\- **Petit**\n")
    assert [(a.text, a.owner) for a in minutes.actions] == [("Corriger le formulaire", "Léa"),
                                                           ("Relancer la mairie", "Petit")]


def test_an_actions_entry_written_as_a_sentence_gives_its_owner(tmp_path):
    minutes = _read(tmp_path, "# Réunion du 3 mars 2026\n\n## Tâches prioritaires\n\n"
                    "1. Les membres doivent payer la cotisation avant avril.\n2. Finaliser les statuts.\n")
    assert [a.owner for a in minutes.actions] == ["Les membres", None]


def test_a_definition_list_under_a_people_term_lists_attendees(tmp_path):
    minutes = _read(tmp_path, "# AG du 3 juin 2025\n\nMembres présents\n:   Léa Martin\n:   Marc Roux\n\n"
                    "Membres excusés\n:   Inès Petit\n\nDécisions prises\n:   Garder la cotisation\n")
    assert [(a.name, str(a.attendance)) for a in minutes.attendees] == [
        ("Léa Martin", "present"), ("Marc Roux", "present"), ("Inès Petit", "excused")]


def test_an_attendance_heading_saying_how_they_attend_lists_attendees(tmp_path):
    minutes = _read(tmp_path, "# AG du 3 juin 2025\n\n## Présents en visio conférence\n\n- Léa M.\n- Marc R.\n\n"
                    "## Present in person\n\n- Ana Lee\n\n## Budget\n\nTexte.\n")
    assert [(a.name, str(a.attendance)) for a in minutes.attendees] == [
        ("Léa M", "present"), ("Marc R", "present"), ("Ana Lee", "present")]


def test_the_speakers_of_a_check_in_round_are_attendees(tmp_path):
    minutes = _read(tmp_path, "Stand-up 2025-06-03\n\n**Check-ins**\n- Ana: fixed the login page. Balance: 7\n"
                    "- Bo Lind: on leave tomorrow\n\n**Blockers**\n- Design: waiting on review\n- Build: red\n")
    assert [(a.name, str(a.attendance)) for a in minutes.attendees] == [
        ("Ana", "present"), ("Bo Lind", "present")]
    minutes = _read(tmp_path, "# Réunion du 3 juin 2025\n\n## Tour de table\n\n* Léa : ça va\n"
                    "* marc : en forme\n\n## Budget\n\n* Loyer : 300 €\n* Site : 20 €\n")
    assert [a.name for a in minutes.attendees] == ["Léa", "marc"]


# -- attendee lists as people write them -------------------------------------------------------
def _people(minutes):
    return [(a.name, str(a.attendance)) for a in minutes.attendees]


@pytest.mark.parametrize("line", ["*Attendees*: Ana Lopez, Bo Li", "*Attendees:* Ana Lopez, Bo Li",
                                  "_Présents :_ Ana Lopez, Bo Li", "__Present__: Ana Lopez, Bo Li"])
def test_a_label_in_italics_or_bold(tmp_path, line):
    minutes = _read(tmp_path, f"# Sync 2025-03-04\n\n{line}\n\n## Notes\n\nWe talked.\n")
    assert _people(minutes) == [("Ana Lopez", "present"), ("Bo Li", "present")]


def test_a_value_opening_on_emphasis_keeps_its_marks(tmp_path):
    """'Attendees: *Nick* A.' is a name in italics, not a label in italics."""
    minutes = _read(tmp_path, "# Sync 2025-03-04\n\nAttendees: *Nick* A., *Dan* B.\n\nWe talked.\n")
    assert [a.name for a in minutes.attendees] == ["Nick A", "Dan B"]


@pytest.mark.parametrize("text", [
    "Present: Ana Lopez, Bo Li,\nCy Wu, Dee Roy\n",
    "- Attendees: Ana Lopez, Bo Li,\n  Cy Wu, Dee Roy\n- Notes: Bo Li\n",
    "Présents : Ana Lopez, Bo Li,\n   Cy Wu, Dee Roy\n",
])
def test_a_list_of_names_wrapped_after_a_comma_goes_on(tmp_path, text):
    minutes = _read(tmp_path, f"# Sync 2025-03-04\n\n{text}\n## Notes\n\nWe talked.\n")
    assert [a.name for a in minutes.attendees] == ["Ana Lopez", "Bo Li", "Cy Wu", "Dee Roy"]


def test_a_line_after_a_comma_that_opens_a_label_is_a_field_of_its_own(tmp_path):
    minutes = _read(tmp_path, "# Sync 2025-03-04\n\nPresent: Ana Lopez, Bo Li,\nRegrets: Cy Wu\n\nWe talked.\n")
    assert _people(minutes) == [("Ana Lopez", "present"), ("Bo Li", "present"), ("Cy Wu", "excused")]


@pytest.mark.parametrize("value", ["Ana Lopez - Bo Li - Cy Wu", "Ana Lopez – Bo Li – Cy Wu",
                                   "Ana Lopez | Bo Li | Cy Wu", "Ana Lopez · Bo Li · Cy Wu"])
def test_names_joined_by_dashes_bars_or_dots(tmp_path, value):
    minutes = _read(tmp_path, f"# Sync 2025-03-04\n\nParticipants: {value}\n\nWe talked.\n")
    assert [a.name for a in minutes.attendees] == ["Ana Lopez", "Bo Li", "Cy Wu"]


def test_a_dash_before_a_role_or_between_two_parts_joins_no_names(tmp_path):
    minutes = _read(tmp_path, "# Sync 2025-03-04\n\nPresent: Ana Lopez - Chair, Bo Li - Acme Corp\n\nWe talked.\n")
    assert [a.name for a in minutes.attendees] == ["Ana Lopez", "Bo Li"]


@pytest.mark.parametrize("line", ["Present: Ana Lopez, Bo Li. Regrets: Cy Wu.",
                                  "Present: Ana Lopez, Bo Li; Apologies: Cy Wu",
                                  "Présents : Ana Lopez, Bo Li. Excusé : Cy Wu"])
def test_a_second_people_label_on_the_same_line(tmp_path, line):
    minutes = _read(tmp_path, f"# Sync 2025-03-04\n\n{line}\n\n## Notes\n\nWe talked.\n")
    assert _people(minutes) == [("Ana Lopez", "present"), ("Bo Li", "present"), ("Cy Wu", "excused")]


def test_a_role_label_on_the_line_of_the_attendees(tmp_path):
    minutes = _read(tmp_path, "# Sync 2025-03-04\n\nPresent: Ana Lopez, Bo Li. Chair: Ana Lopez. "
                              "Minutes: Bo Li.\n\nWe talked. Note: nothing new.\n")
    assert [a.name for a in minutes.attendees] == ["Ana Lopez", "Bo Li"]
    assert (minutes.meeting.chair, minutes.meeting.minute_taker) == ("Ana Lopez", "Bo Li")


@pytest.mark.parametrize("label", ["Attendees (remote)", "Participants (à distance)", "Attendees (online)"])
def test_how_they_attended_in_the_labels_parenthesis(tmp_path, label):
    minutes = _read(tmp_path, f"# Sync 2025-03-04\n\nAttendees: Ana Lopez\n{label}: Bo Li\n\nWe talked.\n")
    assert _people(minutes) == [("Ana Lopez", "present"), ("Bo Li", "remote")]


# -- tasks and decisions in the words of project meetings ----------------------------------------
def test_an_attendee_opening_a_labelled_task_owns_it(tmp_path):
    """'TODO: Bob sends the report': the attendee named first owns the task, written whole."""
    minutes = _read(tmp_path, "# Sync 2025-03-04\n\nAttendees: Bob Stone, Léa Martin\n\n## Budget\n\n"
                              "TODO: Bob sends the report\n\nAction : Léa envoie le devis.\n\n"
                              "Action: GitHub sends the notifications\n\n"
                              "Action: Bob and Léa review the plan\n")
    assert _actions(minutes) == [("Bob sends the report", "Bob", None), ("Léa envoie le devis.", "Léa", None),
                                 ("GitHub sends the notifications", None, None),
                                 ("Bob and Léa review the plan", None, None)]


def test_a_go_or_no_go_is_a_decision_kept_whole(tmp_path):
    minutes = _read(tmp_path, "# Comité de pilotage 2025-03-04\n\nPrésents : Léa Martin\n\n## Lot 2\n\n"
                              "Go pour la mise en production le 12 mars.\n\nNo-go for the data migration.\n")
    assert [d.text for d in minutes.decisions] == ["Go pour la mise en production le 12 mars",
                                                   "No-go for the data migration"]


@pytest.mark.parametrize("heading", ["Key decisions", "Decision log", "Main decisions made", "Arbitrages rendus",
                                     "Points validés", "Agreed"])
def test_a_decisions_heading_ranked_logged_or_said_taken(tmp_path, heading):
    minutes = _read(tmp_path, f"# Sync 2025-03-04\n\nAttendees: Bob Stone\n\n## {heading}\n\n"
                              "- Freeze the scope until June\n- Keep the current vendor\n")
    assert [d.text for d in minutes.decisions] == ["Freeze the scope until June", "Keep the current vendor"]


@pytest.mark.parametrize("heading", ["Decisions to make", "Decisions needed", "Arbitrages à rendre"])
def test_decisions_still_to_take_are_no_decisions_heading(tmp_path, heading):
    minutes = _read(tmp_path, f"# Sync 2025-03-04\n\nAttendees: Bob Stone\n\n## {heading}\n\n"
                              "- Freeze the scope until June\n- Keep the current vendor\n")
    assert minutes.decisions == []


@pytest.mark.parametrize(("header", "cell", "due"), [
    ("Délai", "fin mars", "2025-03-31"), ("Quand", "11/03", "2025-03-11"),
    ("Target date", "11-Mar-2025", "2025-03-11"), ("Due", "11-Mar-25", "2025-03-11"),
    ("Date limite", "avant le 11.03", "2025-03-11"), ("By when", "Friday", "2025-03-07"),
])
def test_the_due_column_of_an_actions_table(tmp_path, header, cell, due):
    minutes = _read(tmp_path, "# Sync 2025-03-04\n\nAttendees: Bob Stone\n\n## Actions\n\n"
                              f"| Action | Qui | {header} |\n|---|---|---|\n| Send the report | Bob | {cell} |\n")
    assert _actions(minutes) == [("Send the report", "Bob", due)]


def test_a_spreadsheet_date_needs_its_year(tmp_path):
    """'11-Mar-2025' is a date as a spreadsheet writes it; '3-may' alone is not."""
    minutes = _read(tmp_path, "# Steering committee 11-Mar-2025\n\nAttendees: Bob Stone\n\n## Actions\n\n"
                              "- Bob: send option 3-may be the plan (due 18-Mar-25)\n")
    assert minutes.meeting.date.isoformat() == "2025-03-11"
    assert _actions(minutes)[0][2] == "2025-03-18"


def test_a_bold_label_line_over_the_names_in_one_paragraph(tmp_path):
    minutes = _read(tmp_path, "# Sync 2025-03-04\n\n**Attendees**\nAna Lopez, Bo Li, Cy Wu\n\n## Notes\n\nWe talked.\n")
    assert [a.name for a in minutes.attendees] == ["Ana Lopez", "Bo Li", "Cy Wu"]
    # a long bold line over figures is no heading, even when one of its words names people
    minutes = _read(tmp_path, "# CA 2025-03-04\n\nPrésents : Léa Martin\n\n**Le détail de la rubrique Autres :**\n"
                              "12-10-2018 >> Paiement n° 558, conférences et workshops\n")
    assert [a.name for a in minutes.attendees] == ["Léa Martin"]


@pytest.mark.parametrize(("heading", "attendance"), [("Absents excusés", "excused"), ("Absent excused", "excused"),
                                                     ("Apologies for absence", "excused"),
                                                     ("Absents non excusés", "absent")])
def test_absent_with_or_without_apologies(tmp_path, heading, attendance):
    minutes = _read(tmp_path, f"# Sync 2025-03-04\n\n## Présents\n\nAna Lopez, Bo Li\n\n## {heading}\n\nCy Wu\n")
    assert _people(minutes) == [("Ana Lopez", "present"), ("Bo Li", "present"), ("Cy Wu", attendance)]


def test_initials_in_brackets_opening_a_task(tmp_path):
    minutes = _read(tmp_path, "# Sync 2025-03-04\n\nAttendees: Ana Lopez (AL), Bo Li (BL)\n\n## Actions\n\n"
                              "- [BL] fix the build\n- [AL/BL]: book the room\n- [ ] [X] is no owner\n")
    assert _actions(minutes)[:2] == [("fix the build", "Bo Li", None), ("book the room", "Ana Lopez, Bo Li", None)]
    assert _actions(minutes)[2][1] is None


@pytest.mark.parametrize("line", ["Attendees - Ana Lopez, Bo Li", "Participants — Ana Lopez, Bo Li",
                                  "**Attendees** Ana Lopez, Bo Li", "Also attending: Ana Lopez, Bo Li",
                                  "Invited: Ana Lopez, Bo Li",
                                  "The meeting was attended by Ana Lopez and Bo Li.",
                                  "En présence de Ana Lopez et Bo Li."])
def test_attendees_after_a_dash_a_bold_label_or_in_a_sentence(tmp_path, line):
    minutes = _read(tmp_path, f"# Sync 2025-03-04\n\n{line}\n\n## Notes\n\nWe talked.\n")
    assert [a.name for a in minutes.attendees] == ["Ana Lopez", "Bo Li"]


@pytest.mark.parametrize("line", ["Budget - Ana Lopez presented it", "**Budget** Ana Lopez presented it",
                                  "The conference was attended by 200 people."])
def test_a_dash_or_bold_label_that_names_no_people_is_no_list(tmp_path, line):
    minutes = _read(tmp_path, f"# Sync 2025-03-04\n\nAttendees: Cy Wu\n\n## Notes\n\n{line}\n")
    assert [a.name for a in minutes.attendees] == ["Cy Wu"]


@pytest.mark.parametrize("line", ["DECISION – freeze the scope", "✅ Decision: freeze the scope",
                                  "[DECISION] freeze the scope", "DEC-01 - freeze the scope",
                                  "Acté : freeze the scope", "Arbitrage rendu : freeze the scope",
                                  "Validé par le COPIL : freeze the scope"])
def test_decision_labels_with_a_dash_brackets_a_check_mark_an_id_or_a_ruling(tmp_path, line):
    minutes = _read(tmp_path, f"# COPIL 2025-03-04\n\nPrésents : Léa Martin\n\n## Lot 2\n\n- {line}\n")
    assert [d.text for d in minutes.decisions] == ["freeze the scope"]


@pytest.mark.parametrize("line", ["Budget - we will see", "[Budget] see the figures", "DEV-12: fix the login",
                                  "[Resolved] Login bug on Safari", "Outcome – unclear, revisit next week",
                                  "D2: Data management plan, submitted in March", "Arbitrage : à trancher au COPIL"])
def test_a_dash_or_brackets_after_another_word_is_no_decision(tmp_path, line):
    minutes = _read(tmp_path, f"# COPIL 2025-03-04\n\nPrésents : Léa Martin\n\n## Lot 2\n\n- {line}\n")
    assert minutes.decisions == []


@pytest.mark.parametrize(("line", "owner"), [("Send the report (Action: Bob)", "Bob"),
                                             ("Send the report — owner: Bob", "Bob"),
                                             ("Relancer le devis. Responsable : Léa", "Léa")])
def test_an_action_named_for_its_owner_or_by_an_owner_field_after_the_task(tmp_path, line, owner):
    minutes = _read(tmp_path, f"# Sync 2025-03-04\n\nAttendees: Bob Stone, Léa Martin\n\n## Budget\n\n- {line}\n")
    assert [a.owner for a in minutes.actions] == [owner]
    assert "owner" not in minutes.actions[0].text.lower() and "action" not in minutes.actions[0].text.lower()


def test_a_task_owner_field_under_an_item_makes_no_action_of_the_word_task(tmp_path):
    minutes = _read(tmp_path, "# Sync 2025-03-04\n\nAttendees: Bob Stone\n\n## Done\n\n"
                              "- Create the page\n    * Task owner: Bob\n")
    assert [a.text for a in minutes.actions if a.text.strip().lower() == "task"] == []


# -- stand-ups written person first --------------------------------------------------------------
STANDUP_TURNS = {
    "headings": "## Ana Lopez\n\n- Yesterday: fixed the login bug\n- Today: write the login tests\n- Blockers: none\n\n"
                "## Bo Li\n\n- Yesterday: reviewed PRs\n- Today: deploy to staging\n",
    "bold names": "**Ana Lopez**\n\n- Done: the login bug\n- Doing: write the login tests\n\n"
                  "**Bo Li**\n\n- Done: PR reviews\n- Doing: deploy to staging\n",
    "french lines": "### Ana Lopez\nHier : correction du bug\nAujourd'hui : write the login tests\n"
                    "Points bloquants : aucun\n\n### Bo Li\nHier : revue des PR\nAujourd'hui : deploy to staging\n",
    "plan over a list": "## Ana Lopez\n\n- Yesterday\n    - fixed the login bug\n"
                        "- Today\n    - write the login tests\n\n"
                        "## Bo Li\n\n- Yesterday: reviewed PRs\n- Today\n    - deploy to staging\n",
    "table": "| Who | Yesterday | Today | Blockers |\n|---|---|---|---|\n"
             "| Ana Lopez | login bug | write the login tests | none |\n| Bo Li | PR reviews | deploy to staging | |\n",
}


@pytest.mark.parametrize("layout", STANDUP_TURNS)
def test_a_stand_up_written_person_first(tmp_path, layout):
    """Each person attended; what they will do today is their action, due the meeting day."""
    minutes = _read(tmp_path, f"# Daily stand-up 2025-03-04\n\n{STANDUP_TURNS[layout]}")
    assert _people(minutes) == [("Ana Lopez", "present"), ("Bo Li", "present")]
    assert _actions(minutes) == [("write the login tests", "Ana Lopez", "2025-03-04"),
                                 ("deploy to staging", "Bo Li", "2025-03-04")]


def test_a_workstream_reporting_done_and_next_is_no_person(tmp_path):
    """'## Login Feature / - Done / - Next steps' is a workstream's report: no attendee, no owner."""
    minutes = _read(tmp_path, "# Status 2025-03-04\n\nAttendees: Ana Lopez\n\n## Login Feature\n\n"
                              "- Done: the form\n- Next steps: the tests\n\n"
                              "## Ana Lopez\n\n- Done: the API\n- Next: the docs\n")
    assert [a.name for a in minutes.attendees] == ["Ana Lopez"]
    assert ("the docs", "Ana Lopez", None) in _actions(minutes)
    assert all(owner != "Login Feature" for _, owner, _ in _actions(minutes))


@pytest.mark.parametrize("text", ["Apologies were received from Cy Wu and Dee Roy.",
                                  "Apologies for absence were received from Cy Wu and Dee Roy.",
                                  "Se sont excusés : Cy Wu et Dee Roy."])
def test_apologies_in_a_sentence(tmp_path, text):
    minutes = _read(tmp_path, f"# Sync 2025-03-04\n\nPresent: Ana Lopez\n\n{text}\n\n## Notes\n\nWe talked.\n")
    assert _people(minutes) == [("Ana Lopez", "present"), ("Cy Wu", "excused"), ("Dee Roy", "excused")]


@pytest.mark.parametrize("table", ["| Nom | Prénom | Structure |\n|---|---|---|\n"
                                   "| LOPEZ | Ana | DSI |\n| LI | Bo | RH |\n",
                                   "| First name | Last name |\n|---|---|\n| Ana | LOPEZ |\n| Bo | LI |\n"])
def test_a_name_in_two_columns(tmp_path, table):
    minutes = _read(tmp_path, f"# Réunion 2025-03-04\n\n## Participants\n\n{table}\n## Notes\n\nOn parle.\n")
    assert [a.name for a in minutes.attendees] == ["Ana LOPEZ", "Bo LI"]


# -- tables as project teams fill them in --------------------------------------------------------
def test_a_type_column_says_which_rows_are_tasks(tmp_path):
    """'| Type | Description | Owner | Deadline |' with T / I rows: information rows are no tasks."""
    minutes = _read(tmp_path, "# Client meeting 2024-04-18\n\nAttendees: Ana Lopez\n\n## Minutes\n\n"
                              "| Type | Description | Owner | Deadline |\n|---|---|---|---|\n"
                              "| T | Send the slides to the client | Ana Lopez | 22nd April 2024 |\n"
                              "| I | Discussed the transfer of code through Google Drive | - | - |\n"
                              "| Decision | Deploy after the code freeze | - | - |\n")
    assert _actions(minutes) == [("Send the slides to the client", "Ana Lopez", "2024-04-22")]
    assert [d.text for d in minutes.decisions] == ["Deploy after the code freeze"]
    assert "Google Drive" in minutes.agenda[0].notes


def test_a_decision_or_action_column_and_placeholder_cells(tmp_path):
    """'Decision/Action | Who': a row someone owns (or an order) is an action, else a decision; '.' is empty."""
    minutes = _read(tmp_path, "# Tutor meeting 2020-10-20\n\nAttendees: Oscar, Johnny\n\n## Minutes\n\n"
                              "| # | Agenda Item | Decision/Action | Who? |\n|---|---|---|---|\n"
                              "| 1 | Sign detection | Research and implementation will occur | Oscar |\n"
                              "| 2 | Tracks | . | . |\n"
                              "| 3 | Donkey 4 | Update the project to donkey 4 | . |\n"
                              "| 4 | Platform | Decided on Slack as the team's platform | Johnny |\n"
                              "| 5 | Reports | Weekly reports stay in the wiki | . |\n")
    assert [(a.text, a.owner) for a in minutes.actions] == [
        ("Research and implementation will occur", "Oscar"), ("Update the project to donkey 4", None)]
    assert [d.text for d in minutes.decisions] == ["Decided on Slack as the team's platform",
                                                   "Weekly reports stay in the wiki"]


def test_a_table_row_broken_after_its_first_pipe_is_one_row(tmp_path):
    minutes = _read(tmp_path, "# Sync 2020-10-20\n\nAttendees: Oscar\n\n## Actions\n\n"
                              "| # | Task | Owner |\n|---|---|---|\n| 1 | Book the room | Oscar |\n"
                              "|\n | Send the notes | Oscar |\n")
    assert [(a.text, a.owner) for a in minutes.actions] == [("Book the room", "Oscar"),
                                                            ("Send the notes", "Oscar")]


def test_lone_emphasis_marks_around_a_bold_label(tmp_path):
    """Word processors export '_ **Attendees:** _ Keenan, Johnny': the lone marks are no marks."""
    minutes = _read(tmp_path, "_ **Date:** _ 20 October 2020\n\n_ **Attendees:** _ Keenan, Johnny\n\n"
                              "_ **Absent:** _Chengdong\n\n## Notes\n\nWe talked.\n")
    assert _people(minutes) == [("Keenan", "present"), ("Johnny", "present"), ("Chengdong", "absent")]


@pytest.mark.parametrize("line", ["Send the report - Bob", "Send the report — Bob Stone", "Send the report → Bob",
                                  "Send the report: Bob", "Send the report | Bob", "Send the report [Bob]",
                                  "Send the report, Bob", "Send the report <Bob>"])
def test_an_attendee_closing_a_task_after_a_mark_owns_it(tmp_path, line):
    minutes = _read(tmp_path, f"# Sync 2025-03-04\n\nAttendees: Bob Stone, Léa Martin\n\n## Actions\n\n- [ ] {line}\n")
    assert [(a.text, a.owner.split()[0]) for a in minutes.actions] == [("Send the report", "Bob")]


def test_a_name_closing_a_task_that_is_no_attendee_stays_text(tmp_path):
    minutes = _read(tmp_path, "# Sync 2025-03-04\n\nAttendees: Bob Stone\n\n## Actions\n\n"
                              "- [ ] Fix the footer - Website\n")
    assert [(a.text, a.owner) for a in minutes.actions] == [("Fix the footer - Website", None)]


@pytest.mark.parametrize("line", ["Actions for Q3: hire two developers", "Next steps for Marketing: launch it"])
def test_actions_for_a_period_or_a_team_name_no_owner(tmp_path, line):
    minutes = _read(tmp_path, f"# Sync 2025-03-04\n\nAttendees: Bob Stone\n\n## Budget\n\n- {line}\n")
    assert [a.owner for a in minutes.actions if a.owner] == []


@pytest.mark.parametrize("line", ["Welcome to our new product owner: Ana Lopez joins from Acme.",
                                  "Le projet pilote : Marc présente les résultats.",
                                  "Le nouveau responsable : Marc Dupont a pris ses fonctions."])
def test_an_owner_word_in_a_sentence_makes_no_action(tmp_path, line):
    minutes = _read(tmp_path, f"# Sync 2025-03-04\n\nAttendees: Ana Lopez, Marc Dupont\n\n## News\n\n- {line}\n")
    assert minutes.actions == []


def test_a_bracketed_tag_is_no_owner_unless_an_attendees_initials(tmp_path):
    minutes = _read(tmp_path, "# Sync 2025-03-04\n\nAttendees: Ana Lopez\n\n## Action items\n\n"
                              "- [ ] [CI] fix flaky tests\n- [ ] [WIP] migrate the docs\n- [ ] [AL] book the room\n")
    assert [(a.text, a.owner) for a in minutes.actions] == [
        ("[CI] fix flaky tests", None), ("[WIP] migrate the docs", None), ("book the room", "Ana Lopez")]


@pytest.mark.parametrize("line", ["Chair - thanked everyone for coming.", "Absent – no quorum issues this time."])
def test_a_role_or_people_word_then_a_dash_and_a_sentence_names_nobody(tmp_path, line):
    minutes = _read(tmp_path, f"# Sync 2025-03-04\n\nAttendees: Ana Lopez\n\n{line}\n")
    assert [a.name for a in minutes.attendees] == ["Ana Lopez"] and minutes.meeting.chair is None


def test_a_heading_naming_work_over_daily_labels_is_no_person(tmp_path):
    minutes = _read(tmp_path, "# Daily 2025-03-04\n\n## Deployment\n\n- Yesterday: deployed to staging\n"
                              "- Today: production rollout\n\n| Name | Done | Next steps |\n|---|---|---|\n"
                              "| Ana Lopez | Launched beta | Fix bugs |\n")
    assert "Deployment" not in [a.name for a in minutes.attendees]
    assert [a.owner for a in minutes.actions if a.owner] == []


def test_a_spacer_row_written_with_its_pipes_stays_a_row(tmp_path):
    minutes = _read(tmp_path, "# Sync 2025-03-04\n\nAttendees: Ana Lopez\n\n## Actions\n\n"
                              "| Task | Owner | Due |\n|---|---|---|\n| Send it | Ana | |\n|  |  |  |\n"
                              "| Book room | Ana |  |\n")
    assert [a.text for a in minutes.actions] == ["Send it", "Book room"]


@pytest.mark.parametrize(("header", "cell"), [("ETA", "2.5"), ("Target", "2.1"), ("Due", "2.1")])
def test_a_duration_or_a_release_number_is_no_due_date(tmp_path, header, cell):
    minutes = _read(tmp_path, "# Sync 2025-03-04\n\nAttendees: Bob Stone\n\n## Actions\n\n"
                              f"| Action | Owner | {header} |\n|---|---|---|\n| Write the script | Bob | {cell} |\n")
    assert [a.due for a in minutes.actions] == [None]


def test_a_category_column_keeps_the_risks_and_issues_as_actions(tmp_path):
    minutes = _read(tmp_path, "# Sync 2025-03-04\n\nAttendees: Bob Stone\n\n## Actions\n\n"
                              "| Action | Owner | Due | Category |\n|---|---|---|---|\n"
                              "| Mitigate the vendor delay | Bob | 2025-04-01 | Risk |\n"
                              "| Fix the login | Bob | | Issue |\n")
    assert [a.text for a in minutes.actions] == ["Mitigate the vendor delay", "Fix the login"]


def test_a_question_the_meeting_answered_in_its_line(tmp_path):
    minutes = _read(tmp_path, "# Sync 2025-03-04\n\nAttendees: Ana Lopez\n\n## Line length\n\n"
                              "Changes to the lesson checker to enforce this? Yes.\n\n"
                              "- Should a member vote be required? No, too complicated.\n\n"
                              "Any other business? No.\n\nDid the build pass on main? Yes.\n\nIs there quorum? Yes.\n")
    assert [d.text for d in minutes.decisions] == ["Changes to the lesson checker to enforce this? Yes",
                                                   "Should a member vote be required? No, too complicated"]
