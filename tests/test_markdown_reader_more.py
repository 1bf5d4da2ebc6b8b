"""Markdown minutes reader on real public minutes written in other styles (tests/data/realworld_more)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from docgen.model.meeting import Minutes
from docgen.model.validate import validated
from docgen.readers.markdown_minutes import read_markdown_minutes

MORE = Path(__file__).parent / "data" / "realworld_more"
FILES = sorted(MORE.glob("*.md"))
FILES = [f for f in FILES if f.name != "README.md"]


def read(name: str):
    source = read_markdown_minutes(MORE / name)
    return source, validated(Minutes, source)


def people(minutes: Minutes) -> dict:
    return {a.name: a for a in minutes.attendees}


def all_actions(minutes: Minutes) -> list:
    return [a for item in minutes.agenda for a in item.actions]


def all_decisions(minutes: Minutes) -> list[str]:
    return [d.text for item in minutes.agenda for d in item.decisions]


def titles(minutes: Minutes) -> list[str]:
    return [item.title for item in minutes.agenda]


def test_folder_holds_a_dozen_files():
    assert len(FILES) >= 11


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_file_validates_and_renders_to_word(path, invoke, tmp_path):
    source = read_markdown_minutes(path)
    minutes = validated(Minutes, source)
    assert minutes.meeting.title and minutes.meeting.date
    out = tmp_path / "minutes.docx"
    result = invoke("minutes", path, "-o", out)
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    assert minutes.meeting.title in [p.text for p in document.paragraphs[:5]]
    result = invoke("minutes", path, "-o", tmp_path / "minutes.md")
    assert result.exit_code == 0, result.output
    assert minutes.meeting.title in (tmp_path / "minutes.md").read_text(encoding="utf-8")


def test_electron_api_date_heading_followup_and_verdicts():
    source, minutes = read("electron-api-wg-2020-06-15.md")
    assert minutes.meeting.title == "API Working Group"
    assert minutes.meeting.date.isoformat() == "2020-06-15"
    assert source.lines["meeting.date"] == 3  # from "## Date 6/15/20", not the file name
    assert [a.handle for a in minutes.attendees] == [
        "nornagon", "codebytere", "MarshallOfSound", "zcbenz"]
    (followup,) = all_actions(minutes)
    assert followup.owner == "zcbenz" and followup.text.startswith("update [docs: views API")
    assert "Date 6/15/20" not in titles(minutes)
    assert "API review requested PRs" in titles(minutes)
    assert all_decisions(minutes) == [
        "feat: support dialog accessory view option on macOS — needs formal spec & better "
        "overview of motivation.",
        "feat: Add did-become-active event on mac — Approved",
    ]


def test_electron_qa_groups_and_agenda():
    source, minutes = read("electron-qa-wg-2020-03-11.md")
    assert source.lines["meeting.date"] == 3
    groups = [(a.name, a.group) for a in minutes.attendees]
    assert len(groups) == 8
    assert groups[0] == ("cruzerld", "members") and groups[-1] == ("Katia", "visitors")
    assert titles(minutes)[:3] == ["Updates on Electron integration from each company",
                                   "What's happening with the AFP?", "OKRs"]
    okrs = minutes.agenda[2]
    assert "Objective: Electron stable releases" in okrs.notes
    assert "Action Items" not in titles(minutes)  # empty heading, nothing to report


def test_electron_releases_ambiguous_date_and_empty_sections():
    source, minutes = read("electron-releases-wg-2019-02-06.md")
    assert minutes.meeting.date.isoformat() == "2019-02-06"
    assert source.lines["meeting.date"] == 1
    assert minutes.attendees == [] and minutes.agenda == []


def test_tsc_style_roles_are_not_attendees_and_resolutions_are_decisions():
    # Our own notes in the style of a project TSC's (moderator/note-taker sentence, resolutions).
    source_path = Path(__file__).parent / "data" / "notes" / "tsc-style-2026-03-05.md"
    minutes = validated(Minutes, read_markdown_minutes(source_path))
    assert minutes.meeting.date.isoformat() == "2026-03-05"
    assert [(a.name, a.handle, a.role) for a in minutes.attendees] == [
        ("Alice Moreau", "amoreau", "TSC"), ("Bruno Keller", "bkeller", "TSC"), ("Chen Wei", "cwei", "TSC")]
    assert minutes.meeting.facilitator == "Alice Moreau"
    assert minutes.meeting.minute_taker == "Chen Wei"
    assert titles(minutes) == ["Retire the legacy SFTP drop", "Rotate the signing keys"]
    assert "(https://example.com/tsc/issues/12#issuecomment-1" in minutes.agenda[0].notes
    # "**Resolution:** @bkeller will switch the SFTP drop off ...": an assignment written as a
    # resolution is an action (the corpus's annotation rule); the second resolution is decided
    assert [len(item.decisions) for item in minutes.agenda] == [0, 1]
    assert [(a.text, a.owner) for a in minutes.agenda[0].actions] == [
        ("Switch the SFTP drop off after the March run", "Bruno Keller")]
    assert minutes.agenda[1].decisions[0].text == "Rotate the keys every year, starting in April."
    assert [link.label for link in minutes.links] == ["2026-03-05-transcript.md"]


def test_nodejs_release_person_written_as_label():
    _, minutes = read("nodejs-release-2023-01-12.md")
    by_name = people(minutes)
    assert len(by_name) == 7
    assert by_name["Rafael Gonzaga"].handle == "RafaelGSS"
    assert by_name["Michael Zasso"].handle == "targos"
    assert titles(minutes) == ["nodejs/Release", "nodejs/nodejs-dependency-vuln-assessments",
                               "Q&A, Other"]
    assert len(minutes.links) == 3


def test_openjs_cpc_present_list_and_topics():
    _, minutes = read("openjs-cpc-2020-03-24.md")
    by_name = people(minutes)
    assert len(by_name) == 16
    assert by_name["Antón Molleda"].handle == "molant"
    assert by_name["Saulo Nunes"].handle == "saulonunes"
    assert "openjs-foundation/cross-project-council" in titles(minutes)
    cpc = minutes.agenda[titles(minutes).index("openjs-foundation/cross-project-council")]
    assert "Populate the Code Of Conduct Panel" in cpc.notes


def test_rust_compiler_front_matter_date_title_and_backport_verdicts():
    source, minutes = read("rust-compiler-triage-2019-10-10.md")
    assert minutes.meeting.date.isoformat() == "2019-10-10"
    assert source.lines["meeting.date"] == 6
    assert minutes.meeting.title == "Rust Compiler Triage 2019-10-10"
    backports = minutes.agenda[titles(minutes).index("Backport nominations")]
    assert len(backports.decisions) == 4
    assert backports.decisions[0].text.endswith("#65142 — Approved for beta backport")
    assert backports.decisions[3].text.endswith("— Declined for beta backport")
    _, steering = read("rust-compiler-steering-2019-03-22.md")
    assert steering.meeting.title == "Rust Compiler Steering 2019-03-22"
    assert titles(steering) == ["Announcements", "Main topic"]


def test_rust_lang_team_attending_groups_labelled_actions_and_consensus():
    source, minutes = read("rust-lang-team-2021-02-03.md")
    assert source.lines["meeting.date"] == 3
    assert [(a.name, a.group) for a in minutes.attendees] == [
        ("nikomatsakis", "team"), ("felix", "team"), ("josh", "team"), ("scott", "team"),
        ("simulacrum", "not team"), ("connor horman", "not team")]
    owned = [(a.owner, a.text) for a in all_actions(minutes)]
    assert ("Niko", "review") in owned
    assert ("Josh", "reach out to Amanieu and potentially prepare stabilize report") in owned
    assert (None, "crater run") in owned
    (consensus,) = all_decisions(minutes)
    assert consensus.endswith("— start with architecture-by-architecture")
    updates = minutes.agenda[titles(minutes).index("Project updates and discussion")]
    assert updates.presenter is None  # each project's liaison stays with it in the notes
    assert updates.notes.count("**Liaison:**") >= 9


def test_privacycg_attendees_at_the_end_roles_and_commitment():
    _, minutes = read("w3c-privacycg-2022-05-12.md")
    assert minutes.meeting.chair == "Tanvi Vyas"
    assert minutes.meeting.minute_taker == "Jeffrey Yasskin, Nick Doty"
    by_name = people(minutes)
    assert len(by_name) == 49  # 50 lines, Allan Spiegel signed in twice
    assert by_name["Anne van Kesteren"].organisation == "Mozilla"
    assert by_name["Erik Anderson"].organisation == "Microsoft Edge"
    assert (by_name["Tanvi Vyas"].organisation, by_name["Tanvi Vyas"].role) == ("Mozilla", "co-chair")
    assert titles(minutes) == ["Cross-site cookies standardization", "Any other business"]
    (action,) = all_actions(minutes)
    assert action.owner == "Anne van Kesteren"
    assert action.text == "file an issue for this, on storage-partitioning"


def test_wecg_split_date_topics_commitments_and_next_meeting():
    source, minutes = read("w3c-wecg-2023-01-19.md")
    assert minutes.meeting.date.isoformat() == "2023-01-19"
    assert source.lines["meeting.date"] == 1
    assert str(minutes.meeting.start) == "08:00"
    assert minutes.meeting.chair == "Timothy Hatcher" and minutes.meeting.minute_taker == "Rob Wu"
    assert len(minutes.attendees) == 14
    assert people(minutes)["Benjamin Bruneau"].organisation == "1Password"
    assert titles(minutes)[0] == "PR 331: Add User Scripts API proposal"
    assert "Declarative cosmetic rules API" in titles(minutes)
    assert "None!" not in titles(minutes)
    assert len(minutes.agenda) == 10
    owned = {(a.owner, a.text) for a in all_actions(minutes)}
    assert ("Rob Wu", "create a new issue to start the discussion on the desired format of "
            "regexFilter") in owned
    assert ("Timothy Hatcher", "Codify this process in the How we work section of "
            "CONTRIBUTING.md") in owned
    # "this week" at the end of the task is its due date: the Friday of the meeting's week
    assert ("Simeon Vincent", "reach out to engineers on my side") in owned
    week = [a for a in minutes.actions if a.text == "reach out to engineers on my side"]
    assert week[0].due.isoformat() == "2023-01-20"
    assert minutes.next_meeting.date.isoformat() == "2023-02-02"
    assert str(minutes.next_meeting.start) == "08:00"
    assert minutes.next_meeting.location is None


def test_webassembly_agenda_only_file():
    source, minutes = read("webassembly-cg-2023-01-17.md")
    assert minutes.meeting.title == ("Agenda for the January 17th video call of WebAssembly's "
                                     "Community Group")
    assert source.lines["meeting.date"] == 6  # the **When** line, year from the file name
    assert (str(minutes.meeting.start), str(minutes.meeting.end)) == ("17:00", "18:00")
    assert titles(minutes)[:2] == ["Opening, welcome and roll call",
                                   "Find volunteers for note taking (acting chair to volunteer)"]
    assert "Registration" not in titles(minutes)
    assert "Agenda items for future meetings" not in titles(minutes)  # kept as general notes


def test_no_date_anywhere_is_a_clear_error(tmp_path):
    from docgen.errors import InputError

    path = tmp_path / "notes.md"
    path.write_bytes((MORE / "electron-qa-wg-2020-03-11.md").read_bytes().replace(
        b"### Date: 2020-03-11", b"### Date: soon"))
    with pytest.raises(InputError, match="no meeting date found"):
        read_markdown_minutes(path)


# -- second round: roll calls with checkboxes, topics without headings, exported minutes ---------

def test_ocio_checkbox_roll_call_roles_and_topic_bullets():
    source, minutes = read("ocio-tsc-2020-05-18.md")
    assert minutes.meeting.title == "OCIO TSC Meeting Notes"  # the bold title heading, plain
    assert minutes.meeting.date.isoformat() == "2020-05-18"
    assert source.lines["meeting.date"] == 4  # the "May 18, 2020" line, not the file name
    assert minutes.meeting.facilitator == "Michael Dolan"  # Host:
    assert minutes.meeting.minute_taker == "Michael Dolan"  # Rotating Secretary:
    by_name = people(minutes)
    assert len(by_name) == 12
    assert [a.name for a in minutes.attendees if a.attendance == "present"] == [
        "Sean Cooper", "Michael Dolan", "Carol Payne", "Doug Walker", "Kevin Wheatley",
        "Joseph Goldstone", "Troy Sobotka"]
    assert by_name["Mark Boorer"].attendance == "absent"  # unticked box
    assert by_name["Patrick Hodoul"].attendance == "excused"  # unticked, and under Apologies
    assert (by_name["Doug Walker"].role, by_name["Doug Walker"].organisation) == (
        "TSC Chief Architect", "Autodesk")
    assert (by_name["Michael Dolan"].role, by_name["Michael Dolan"].organisation) == (
        "TSC Chair", "Epic Games")
    assert titles(minutes) == ["Documentation", "OpenColorIO-Config-ACES", "PR #1011",
                               "Items for next TSC meeting agenda"]
    assert "SPDX" not in (minutes.notes or "") and "SPDX" not in minutes.agenda[0].notes
    owned = [(a.owner, a.text) for a in all_actions(minutes)]
    assert ("Carol", "get documentation conversation started by posting document in #docs "
            "channel as ocio-dev (possibly ocio-user too).") in owned
    assert ("Michael", "make initial PR with LICENSE, etc.") in owned
    assert ("Michael Dolan", "PR #1011 — review today") in owned  # "Michael: I will review today."


def test_openvdb_plain_text_numbered_topics():
    source, minutes = read("openvdb-tsc-2020-05-21.md")
    assert minutes.meeting.date.isoformat() == "2020-05-21"
    assert [(a.name, a.attendance, a.group) for a in minutes.attendees][:5] == [
        ("Nick A", "present", None), ("Jeff L", "present", None), ("Ken M", "present", None),
        ("Dan B", "present", None), ("JT Nelson", "present", "additional attendees")]
    by_name = people(minutes)
    assert by_name["Bruce Chernia"].organisation == "Intel"
    assert by_name["Peter Cheng"].organisation == "DWA"  # name split over two lines
    assert by_name["Peter C"].attendance == "excused"
    assert minutes.meeting.minute_taker == "Jeff Lait"  # "2) Secretary" / "Jeff Lait"
    assert titles(minutes) == ["Confirm quorum", "Forum", "houdini_utils", "Ken's workload",
                               "Siggraph", "Website", "AX", "Grid Types"]
    assert minutes.agenda[0].notes == "Quorom is present"
    assert "Benchmark for Multi-Res" in minutes.agenda[3].notes
    assert minutes.next_meeting.date.isoformat() == "2020-05-28"
    assert (str(minutes.next_meeting.start), str(minutes.next_meeting.end)) == ("14:00", "15:00")
    assert minutes.next_meeting.location is None  # "EDT (GMT-4)" is a time zone
    assert "Agenda:" not in (minutes.notes or "")


def test_hyperledger_toc_attended_by_ticks_and_topic_headings():
    source, minutes = read("hyperledger-toc-2023-05-11.md")
    assert minutes.meeting.title == "2023-05-11 TOC Meeting Record"
    assert (minutes.meeting.date.isoformat(), source.lines["meeting.date"]) == ("2023-05-11", 3)
    assert titles(minutes) == ["Announcements", "Quarterly reports", "Past due reports",
                               "Upcoming reports", "Discussion"]
    assert len(minutes.attendees) == 11
    assert minutes.attendees[0].name == "Arnaud J Le Hors"  # "[ ] ~~Arnaud J Le Hors~~"
    assert minutes.attendees[0].attendance == "absent"
    assert all(a.attendance == "present" for a in minutes.attendees[1:])
    assert all_actions(minutes) == []  # roll-call boxes are not tasks
    assert [(link.label, link.url) for link in minutes.links] == [
        ("https://youtu.be/AlsapQnEgXA", "https://youtu.be/AlsapQnEgXA")]


def test_hyperledger_confluence_export_bold_topics_html_links_and_actions():
    source, minutes = read("hyperledger-tsc-2016-10-20.md")
    m = minutes.meeting
    assert (m.date.isoformat(), str(m.start), str(m.end)) == ("2016-10-20", "07:00", "08:00")
    assert source.lines["meeting.date"] == 13
    assert len(minutes.attendees) == 11  # the Name | Present table
    assert all(a.attendance == "present" for a in minutes.attendees)
    assert titles(minutes)[:5] == [
        "Action Item Review", "R3’s Corda Platform: A technical introduction",
        "Incident procedure in code of conduct", "Numbering scheme for HIP", "WG Updates"]
    presenters = {i.title: i.presenter for i in minutes.agenda}
    assert presenters["R3’s Corda Platform: A technical introduction"] == "Richard Brown"
    assert presenters["Numbering scheme for HIP"] == "Vipin"  # from the bold heading
    corda = minutes.agenda[1]
    assert corda.notes.startswith("- Announced this AM that Corda will be open sourced")
    assert len(minutes.previous_actions) == 3
    assert minutes.previous_actions[0].text.startswith("December Hackfest")
    got = [(a.owner, a.text) for a in all_actions(minutes)]
    assert got[0] == (None, "December Hackfest preparation")
    assert got[1] == ("Brian, Todd", "Communication Tools")
    assert got[2][0] == "Arnaud"
    links = {link.label: link.url for link in minutes.links}
    assert links["Discourse"] == "http://discuss.hyperledger.org"
    assert links["Wiki"] == "https://wiki.hyperledger.org/"
    assert "https://youtu.be/v_76cBVmoZ4" in links.values()


def test_opencue_ticked_groups_and_agenda_notes_label():
    source, minutes = read("opencue-tsc-2020-05-13.md")
    assert minutes.meeting.title == "OpenCue TSC Meeting Notes 13 May 2020"
    assert (minutes.meeting.date.isoformat(), source.lines["meeting.date"]) == ("2020-05-13", 1)
    assert minutes.meeting.minute_taker == "Brian Cipriano"
    groups = [(a.name, a.attendance, a.group) for a in minutes.attendees]
    assert len(groups) == 10
    assert groups[1] == ("Brian Cipriano", "present", "tsc attendees")
    assert groups[0] == ("Matt Chambers", "absent", "tsc attendees")
    assert groups[-1] == ("Lars van der Bijl", "absent", "committer attendees")
    assert [a.name for a in minutes.attendees if a.attendance == "present"] == [
        "Brian Cipriano", "Ben Dines"]
    assert titles(minutes) == ["Summer of Code update", "REST proposal", "SPI updates",
                               "Current work updates"]
    assert "- Brian\n    - Expanding unit test coverage." in minutes.agenda[3].notes
    assert not minutes.notes  # "Agenda/Notes:" introduces the topics, it is not a note


def test_opencue_check_in_named_tasks_and_topic_bullets():
    _, minutes = read("opencue-gsoc-2020-06-15.md")
    assert [a.name for a in minutes.attendees] == ["Brian Cipriano", "Greg Denton", "Shiva Kannan"]
    assert titles(minutes) == [
        "Discussion", "Status update", "Follow up on next steps from last meeting",
        "Shiva: Thoughts on showing cloud groups from all clouds in single plugin window?",
        "Next steps"]
    got = [(a.owner, a.text) for a in all_actions(minutes)]
    assert got == [
        ("Greg", "take a look at Shiva's design doc and advise on Azure compatibility."),
        ("Shiva", "post his in-progress code and Brian will give thoughts on how to proceed."),
        (None, "Continue coding, resolve some of the problems above e.g. using a non-grpc data "
               "source.")]
    status = minutes.agenda[1]
    assert "Shiva to post" not in status.notes  # taken out as the action
    assert "    - Will it help to create protobuf objects" in status.notes


def test_a_topic_that_adds_a_number_is_another_topic(tmp_path):
    notes = tmp_path / "sync-2026-03-04.md"
    notes.write_text("# Project sync 2026-03-04\n\n## Agenda\n\n1. Budget review\n2. Budget review 2027\n"
                     "3. Topic 1\n4. Topic 10\n\n## Budget review\n\nSpent 10k.\n\n## Budget review 2027\n\n"
                     "Plan 20k.\n\n## Topic 1\n\nOne.\n\n## Topic 10\n\nTen.\n", encoding="utf-8")
    from docgen.minutes import load

    agenda = {item.title: item.notes for item in load(notes).agenda}
    assert agenda == {"Budget review": "Spent 10k.", "Budget review 2027": "Plan 20k.",
                      "Topic 1": "One.", "Topic 10": "Ten."}
