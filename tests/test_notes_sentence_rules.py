"""One test per sentence rule of the notes reader, with the sentences each must leave alone."""

from __future__ import annotations

from datetime import date

import pytest

from docgen.minutes import load
from docgen.readers.markdown_minutes.relative_dates import resolve_due, take_due_phrase
from docgen.readers.markdown_minutes.sentence_rules import RULES, People, classify, findings


@pytest.fixture
def people() -> People:
    known = People()
    for name in ("Priya Kumar", "Tom Baker", "Jane Doe", "Léa Martin"):
        known.add(name)
    return known


# (sentence, rule name, kind, text found, owner)
FOUND = [
    ("It was agreed that the treasurer would close the old account in June.", "impersonal decision",
     "decision", "The treasurer would close the old account in June", None),
    ("It is agreed that the committee should survey the members first.", "impersonal decision",
     "action", "Survey the members first", "the committee"),
    ("It was agreed that Tom should book the hall.", "impersonal decision", "action", "Book the hall", "Tom"),
    ("Agreed that the docs should be processed first.", "impersonal decision", "decision",
     "The docs should be processed first", None),
    ("Il semble y avoir un consensus pour une sortie annuelle au musée.", "impersonal decision",
     "decision", "Une sortie annuelle au musée", None),
    ("Après discussion, nous avons décidé d'adopter la méthode minimale.", "impersonal decision",
     "decision", "Adopter la méthode minimale", None),
    ("Nous avons d'ores et déjà adopté StarUML pour la modélisation.", "impersonal decision",
     "decision", "StarUML pour la modélisation", None),
    ("After some discussion, it was agreed that the pilot starts in May.", "impersonal decision",
     "decision", "The pilot starts in May", None),
    ("C'est Léa qui prend en charge la définition du planning.", "it is a named person who will do",
     "action", "La définition du planning", "Léa"),
    ("Il a donc été décidé de fixer la cotisation à 10 euros.", "impersonal decision", "decision",
     "Fixer la cotisation à 10 euros", None),
    ("It was therefore agreed to close the old account.", "impersonal decision", "decision",
     "Close the old account", None),
    ("There seemed to be broad consensus on moving the call to Tuesdays.", "impersonal decision",
     "decision", "Moving the call to Tuesdays", None),
    ("The code freeze will be pushed back to the week after the demo.", "postponed to later",
     "decision", "The code freeze will be pushed back to the week after the demo", None),
    ("Nous repoussons donc le vide-grenier au printemps prochain.", "postponed to later", "decision",
     "Nous repoussons donc le vide-grenier au printemps prochain", None),
    ("Tom said he would check with the caterer about the menu.", "reported commitment", "action",
     "Tom said he would check with the caterer about the menu", "Tom"),
    ("The trustees stated they would review the lease before renewal.", "reported commitment",
     "action", "The trustees stated they would review the lease before renewal", "The trustees"),
    ("Léa a dit qu'elle allait contacter la mairie pour la salle.", "reported commitment", "action",
     "Léa a dit qu'elle allait contacter la mairie pour la salle", "Léa"),
    ("Le bureau a indiqué qu'il allait relancer les adhérents.", "reported commitment", "action",
     "Le bureau a indiqué qu'il allait relancer les adhérents", "Le bureau"),
    ("Talk to the caterer about the vegetarian menu.", "bare imperative", "action",
     "Talk to the caterer about the vegetarian menu", None),
    ("Ping the printers for a second quote", "bare imperative", "action",
     "Ping the printers for a second quote", None),
    ("An action was raised to update the wiki.", "action raised without owner", "action",
     "Update the wiki", None),
    ("Call for everyone to try the new booking form.", "everyone invited to", "action",
     "Try the new booking form", None),
    ("Nous invitons les membres à diffuser l'affiche du tournoi.", "everyone invited to", "action",
     "Diffuser l'affiche du tournoi", None),
    ("Priya will send the draft by Friday.", "named person will do", "action",
     "Send the draft by Friday", "Priya"),
    ("Tom to book the room.", "named person will do", "action", "Book the room", "Tom"),
    # a topic's name leading the sentence
    ("Village hall roof: Tom Baker is going to ask for three quotes.", "named person will do",
     "action", "Ask for three quotes", "Tom Baker"),
    ("Ian McKay will send the minutes.", "named person will do", "action", "Send the minutes",
     "Ian McKay"),
    ("JD to check the logs.", "named person will do", "action", "Check the logs", "Jane Doe"),
    ("Ana volunteered to organise the party.", "named person will do", "action",
     "Organise the party", "Ana"),
    ("Travis and Sangwhan will take a first pass review.", "named person will do", "action",
     "Take a first pass review", "Travis, Sangwhan"),
    ("Léa se charge de réserver la salle.", "named person will do", "action",
     "Réserver la salle", "Léa"),
    ("Marc se propose pour animer l'atelier.", "named person will do", "action",
     "Animer l'atelier", "Marc"),
    ("Lucile s’occupera d’émettre la demande au service informatique.", "named person will do",
     "action", "Émettre la demande au service informatique", "Lucile"),
    ("Marie-France sera responsable du projet avec l'ADEM.", "named person will do", "action",
     "Responsable du projet avec l'ADEM", "Marie-France"),
    ("Tom will be responsible for the budget review.", "named person will do", "action",
     "Responsible for the budget review", "Tom"),
    ("Priya will be working on updating the style guide.", "named person will do", "action",
     "Working on updating the style guide", "Priya"),
    ("More figures are needed, priya to follow up.", "attendee nick will do", "action",
     "More figures are needed, priya to follow up", "priya"),
    ("tom will follow up with the venue", "attendee nick will do", "action",
     "tom will follow up with the venue", "tom"),
    ("It was decided to move the release to March.", "impersonal decision", "decision",
     "Move the release to March", None),
    ("Il est décidé de reporter la formation.", "impersonal decision", "decision",
     "Reporter la formation", None),
    ("Agreed that the audit comes before the upgrade.", "impersonal decision", "decision",
     "The audit comes before the upgrade", None),
    ("No objections to moving the call to Tuesdays.", "no objection", "decision",
     "Moving the call to Tuesdays", None),
    ("No further objections; Priya confirmed as treasurer.", "no objection", "decision",
     "Priya confirmed as treasurer", None),
    ("Pas d'objection ; le local reste ouvert le samedi.", "no objection", "decision",
     "Le local reste ouvert le samedi", None),
    ("The board agreed that the budget stays at 120k.", "body decided", "decision",
     "The board agreed that the budget stays at 120k", None),
    ("The PSC agreed to publish the lesson as stable.", "body decided", "decision",
     "The PSC agreed to publish the lesson as stable", None),
    ("Le comité valide le planning de bascule.", "body decided", "decision",
     "Le comité valide le planning de bascule", None),
    ("The motion carried 5 to 1.", "motion carried", "decision", "The motion carried 5 to 1", None),
    ("La proposition est adoptée.", "motion carried", "decision", "La proposition est adoptée",
     None),
    ("Thomas Cauchy et Benoit Da Mota ont opté pour une refonte du projet.", "named people opted for",
     "decision", "Thomas Cauchy et Benoit Da Mota ont opté pour une refonte du projet", None),
    ("Steve moves that Lemming is Chair, seconded by Russell.", "motion moved and seconded",
     "decision", "Steve moves that Lemming is Chair, seconded by Russell", None),
    ("Simon moved that the club would accept web sign-ups; Dan seconded; and the motion was carried.",
     "motion carried", "decision",
     "Simon moved that the club would accept web sign-ups; Dan seconded; and the motion was carried",
     None),
    ("Les statuts sont adoptés, à l'unanimité des présents.", "unanimity", "decision",
     "Les statuts sont adoptés, à l'unanimité des présents", None),
    ("The vote was unanimous.", "unanimity", "decision", "The vote was unanimous", None),
    ("Spend money on 1000 flyers (all agreed).", "mark of assent", "decision",
     "Spend money on 1000 flyers (all agreed)", None),
    ("Lemming is Chair (moved Steve, seconded Russell).", "mark of assent", "decision",
     "Lemming is Chair (moved Steve, seconded Russell)", None),
    ("The minutes of last week are approved.", "subject is approved", "decision",
     "The minutes of last week are approved", None),
    ("Marie est élue présidente.", "subject is approved", "decision", "Marie est élue présidente",
     None),
    ("Le groupe de travail est clos.", "subject is approved", "decision",
     "Le groupe de travail est clos", None),
    ("Three documents approved for publication.", "subject approved for a purpose", "decision",
     "Three documents approved for publication", None),
    ("New members approved: Addam Eid, Kamil Seda.", "verdict before its list", "decision",
     "New members approved: Addam Eid, Kamil Seda", None),
    ("Installation de librenms => oui.", "settled by a yes", "decision",
     "Installation de librenms => oui", None),
    ("New logo: agreed.", "settled by a yes", "decision", "New logo: agreed", None),
    ("Selected Wednesday noon as the meeting time.", "decided, without subject", "decision",
     "Selected Wednesday noon as the meeting time", None),
    ("Décidé de garder la cotisation à 10 euros.", "decided, without subject", "decision",
     "Décidé de garder la cotisation à 10 euros", None),
    ("Les inscriptions ouvrent lundi et il faudra relancer les anciens membres.", "it is needed",
     "action", "Relancer les anciens membres", None),
    ("The room is booked and we will need to send the invitations.", "it is needed", "action",
     "Send the invitations", None),
    ("Il faudra cependant régler le problème d'accès.", "it is needed", "action",
     "Régler le problème d'accès", None),
    ("The next step is to finalise the grammar.", "next step", "action", "Finalise the grammar",
     None),
    ("La prochaine étape consistera à finaliser la grammaire.", "next step", "action",
     "Finaliser la grammaire", None),
    ("La présidente et le trésorier doivent ouvrir un compte en banque.", "a group must do", "action",
     "Ouvrir un compte en banque", "La présidente et le trésorier"),
    ("The secretary is to prepare the letter and send it.", "a group must do", "action",
     "Prepare the letter and send it", "The secretary"),
    ("Le trésorier est chargé de relancer la banque.", "a group must do", "action", "Relancer la banque",
     "Le trésorier"),
    ("The treasurer must file the annual accounts.", "a group must do", "action",
     "File the annual accounts", "The treasurer"),
    ("Les membres doivent se mettre d'accord sur la date.", "a group must do", "action",
     "Se mettre d'accord sur la date", "Les membres"),
    ("We will send the invitation on Monday.", "we will do", "action",
     "We will send the invitation on Monday", None),
    ("Nous amènerons les ecocups à la soirée.", "we will do", "action",
     "Nous amènerons les ecocups à la soirée", None),
    ("Reminder invitation email to be sent.", "to be done", "action",
     "Reminder invitation email to be sent", None),
    ("Slides have to be shared before Friday.", "to be done", "action",
     "Slides have to be shared before Friday", None),
    ("Need to send out the invitation for the talk.", "need to, without subject", "action",
     "Send out the invitation for the talk", None),
    ("Community content needs to be created by the Steering Committee in 2 weeks.", "to be done",
     "action", "Community content needs to be created by the Steering Committee in 2 weeks",
     "the Steering Committee"),
    ("The conventions must be sent to the coaches.", "must be done", "action",
     "The conventions must be sent to the coaches", None),
    ("Organisation précise à définir.", "still to be done", "action",
     "Organisation précise à définir", None),
    ("Let's keep the shared spreadsheet for now.", "provisional choice", "decision",
     "Let's keep the shared spreadsheet for now", None),
    ("Monthly calls for the time being, 45 minutes each.", "provisional choice", "decision",
     "Monthly calls for the time being, 45 minutes each", None),
    ("La liste des bénévoles sera mise à jour avant le forum.", "will be done", "action",
     "La liste des bénévoles sera mise à jour avant le forum", None),
    ("Les devis seront envoyés aux deux traiteurs.", "will be done", "action",
     "Les devis seront envoyés aux deux traiteurs", None),
    ("The new logo was approved by email.", "subject is approved", "decision",
     "The new logo was approved by email", None),
    ("The travel policy was adopted by the board.", "subject is approved", "decision",
     "The travel policy was adopted by the board", None),
    ("Bilan financier validé.", "short verdict", "decision", "Bilan financier validé", None),
    ("Budget approved.", "short verdict", "decision", "Budget approved", None),
    ("Go decision for the pilot in March.", "go or no-go", "decision", "Go decision for the pilot in March", None),
    ("No-go for the March release.", "go or no-go", "decision", "No-go for the March release", None),
    ("Feu vert pour le lot 2.", "go or no-go", "decision", "Feu vert pour le lot 2", None),
    ("Go pour la mise en production le 12 mars.", "go or no-go", "decision",
     "Go pour la mise en production le 12 mars", None),
    ("Agreement to freeze the scope until June.", "impersonal decision", "decision",
     "Freeze the scope until June", None),
    ("Accord unanime pour reporter l'AG.", "impersonal decision", "decision", "Reporter l'AG", None),
    ("Tom has to send the minutes by Friday.", "named person will do", "action",
     "Send the minutes by Friday", "Tom"),
    ("@bob to send the minutes.", "named person will do", "action", "Send the minutes", "@bob"),
    ("Léa enverra le compte rendu.", "named person will do", "action", "Léa enverra le compte rendu", "Léa"),
    ("Léa fera le compte rendu.", "named person will do", "action", "Léa fera le compte rendu", "Léa"),
    ("Léa et Tom prépareront le budget.", "named person will do", "action",
     "Léa et Tom prépareront le budget", "Léa, Tom"),
    ("Léa a pour action de relancer le traiteur.", "named person will do", "action",
     "Relancer le traiteur", "Léa"),
    ("→ Tom: book the hall for June", "arrow to an attendee", "action", "Book the hall for June", "Tom"),
    ("Pour la partie RGPD, il a été décidé de l'inclure dans le règlement.", "impersonal decision after a lead",
     "decision", "Pour la partie RGPD, il a été décidé de l'inclure dans le règlement", None),
    ("For the website, it was agreed that Hugo would be used.", "impersonal decision after a lead", "decision",
     "For the website, it was agreed that Hugo would be used", None),
    ("Changes to the lesson checker to enforce this? Yes.", "question answered", "decision",
     "Changes to the lesson checker to enforce this? Yes", None),
    ("Should a member vote be required? No, too complicated.", "question answered", "decision",
     "Should a member vote be required? No, too complicated", None),
    ("Le bureau marque son accord pour la sortie du 12 mai.", "body decided", "decision",
     "Le bureau marque son accord pour la sortie du 12 mai", None),
    ("The sponsor gave the go-ahead for the pilot.", "body decided", "decision",
     "The sponsor gave the go-ahead for the pilot", None),
    ("Léa → relancer le traiteur", "arrow to an attendee", "action", "Relancer le traiteur", "Léa"),
]

LEFT_ALONE = [
    "Go to the wiki for the slides.",  # an instruction, not a go / no-go
    "Léa verra avec le traiteur.",  # the future of seeing, being, being able: no task
    "Léa sera absente en juin.",
    "Léa pourra relire le budget.",
    "Mireille enverra peut-être le budget.",  # not an attendee: a future verb needs one
    "No agreement on the budget yet.",
    "Tom => separate issue or discussion in the issue",  # a speaker's turn, not a task
    "Léa arrivera en retard.",  # a future that is no task verb
    "Léa restera trésorière.",
    "Tom has to leave early today.",
    "@here to review the PR before Friday.",  # a group mention is nobody
    "Go on to the next item.",
    "Go for coffee after the meeting.",
    "Agreement on the budget is expected next week.",
    "Accord sur le budget attendu pour juin.",
    "In the member survey, it was agreed by most respondents that fees are too high.",
    "Léa fera le compte rendu ?",
    "If it was decided to move, we go.",  # a condition before the formula
    "The topic to be discussed during the meeting.",  # what is to be talked about: an agenda
    "Who will host the next call? Yes, someone.",  # not a question put to the meeting
    "Tom: is this ready? No.",  # a speaker's own question
    "Do you know whether it works? No idea.",
    "Limitation aux rectangles d'une zone ? non prioritaire",  # "non prioritaire" answers nothing
    "→ Mireille: book the hall",  # not an attendee: an arrow needs one
    "In 2019, we adopted the old policy.",  # a past choice reported, not this meeting's
    "C'est le budget qui pose problème.",
    "Si nous avons décidé de partir, tant mieux.",
    "Adaptation à iOS (iphone) : OK.",  # a field's status in a review, not a choice
    "Login page: yes",
    "Selected papers are listed on the wiki.",  # an adjective: a verb follows
    "Approved by the city council last spring.",  # others' verdict, reported
    "Un dossier à destination des élus pour présenter le projet de salle.",  # a noun: the elected
    "Une note aux élus pour la réunion de mars.",
    # a speaker's turn, one person's assent: an attendee or initials in capitals
    "RGN: Agreed.",
    "Priya : d'accord.",
    "Ask the venue?",  # a question
    "Tom will be travelling to the conference in May.",  # not a task verb
    "Figures are late, someone to follow up.",  # not an attendee
    "Le budget est serré et il faut dire que la salle est chère.",  # a turn of phrase
    "Il faut noter que la salle est chère.",
    "NASA approved the launch window.",  # an acronym without "the": a name, not this meeting
    "Look into it.",  # too short to say what
    "Maybe talk to the caterer about the menu.",  # hedged
    "Priya said she would like to see the figures first.",
    "Tom said he would not be able to attend.",
    "The website still runs on the old server for now.",  # a state, not a choice
    "That works for now, we can always revisit it later.",  # a possibility
    "Should we keep the mailing list for now?",  # a question
    "Aucune salle ne sera réservée cette année.",  # denied
    "WebPack will bundle the scripts.",  # a product, not a person
    "Any request should be tried to be settled by the chair first.",  # the subject's own verb
    "The migration, allowing old links to be redirected, is almost done.",  # a complement
    "Le calendrier des matchs est validé par la fédération.",  # decided by others
    "Roadmap endorsed by partners last month.",  # decided by others
    "Second will give more speed, at a cost.",  # an ordinal, not a person
    "Le local sera peut-être repeint, et une réunion devrait suivre.",  # hedged
    "Le repas sera organisé le 12 mars.",  # a date settled, not a task
    "Should we approve the budget?",  # a question
    "The proposal to approve the budget is pending.",  # not decided yet
    "La séance est close à 21h.",  # closing the meeting
    "Deborah Camp est désignée secrétaire de séance.",  # the meeting's secretary
    "GitHub will deprecate the API next year.",  # a thing, not a person
    "Tom will be away next week.",  # not a task
    "Everything will be fine.",
    "We need consensus on this.",
    "Everyone is invited to the party.",
    "Nous invitons Léa au prochain bureau.",
    "Docs: Have a look at the style guide first.",
    "Il n'y a pas de consensus pour le moment.",
    "There seems to be no consensus on the logo.",
    "Le reste à faire est conforme au budget validé.",  # a statement with a verb
    "Tests passed for the build.",  # "passed" is not a verdict without an auxiliary
    "Prochaine réunion à définir.",  # the next meeting, not a task
    "The system must be able to scale.",
    "We haven't found issues that need to be improved yet.",
    "The PR was reviewed by Tom.",
    "Nothing to report.",
    "Il faudra peut-être arrêter la newsletter.",  # maybe
    "We will see next time.",
    "Nous verrons la semaine prochaine.",
    "If there's another attribute, I'd add it, since I want to be framed.",
    "James, we need to figure out what we want to support over time.",  # discussion
    "Still need to consider that.",  # points back, no task
    "Contact: Jane Doe, on the board.",  # a label, not a task
    "Send-off party for Tom was great.",  # a noun
    "Vérifier que la sauvegarde tourne bien.",  # a procedure's step
    "Ask questions?",  # a question
    "Le DMI sera organisé le mardi 13 décembre.",  # "sera" alone assigns nothing
    "L'association est unanimement opposée au projet actuel.",  # an opinion, not a vote
    "Points positifs unanimement salués par les testeurs.",
    "The motion carries if nobody objects by Friday.",  # a condition
    "The motion was not carried.",
    "No objections, this is fine for now.",  # an opinion after a comma: no decision stated
    "No objections were heard?",
    # a narrative: the subject has a past tense of its own
    "The board discussed the audit and noted it was expected to be filed in May.",
    "Les uns rangeaient la salle pendant que les autres réfléchissaient aux ateliers à organiser.",
    "Maybe the newsletter could be postponed to June.",  # a hedge, not a postponement
    "It was agreed that we could revisit the fees later.",  # "could" hedges what was agreed
    "Should the survey be deferred until the spring?",
    "The launch was not postponed to May.",
    "The application deadline has passed.",  # time went by, nothing was voted
    # a decision reported, not taken here
    "Priya notes that the budget was approved by the council last week.",
    "Au dernier comité, il a été décidé de changer de banque.",
    "At the previous meeting the board agreed to move the office.",
    # the formalities of the minutes decide nothing
    "The session concluded at 9:10 pm after the members approved nothing further.",
    "There being no other business, the board adjourned at 8 pm.",
    "L'ordre du jour étant épuisé, la séance est levée à 17 h.",
    "Le présent procès-verbal a été approuvé et signé par la présidente.",
]


@pytest.mark.parametrize(("sentence", "rule", "kind", "text", "owner"), FOUND,
                         ids=[f"{case[1]}: {case[0][:30]}" for case in FOUND])
def test_rule_finds(people, sentence, rule, kind, text, owner):
    found = classify(sentence, people)
    assert found is not None, sentence
    assert (found.rule, found.kind, found.text, found.owner) == (rule, kind, text, owner)


def test_a_bare_imperative_answering_a_question_is_an_instruction(people):
    assert findings("Trouble dialling in? Ping the host in the chat room.", people) == []
    assert [f.text for f in findings("The fair needs sponsors. Talk to the bakery about a stall.",
                                     people)] == ["Talk to the bakery about a stall"]


@pytest.mark.parametrize("sentence", LEFT_ALONE)
def test_notes_stay_notes(people, sentence):
    assert classify(sentence, people) is None



def test_a_seconded_motion_that_passes_is_one_decision(people):
    found = findings("Simon moves that the treasurer's report is adopted. Katie seconds. "
                     "The motion is passed.", people)
    assert [f.text for f in found] == [
        "Simon moves that the treasurer's report is adopted. The motion is passed"]


def test_a_vote_record_decides_the_sentence_before_it(people):
    found = findings("The trustees reviewed the parking plan and approved it as amended. Ana Ruiz "
                     "made the motion, Bo Chen second, with Cy Diaz making it unanimous.", people)
    assert [f.text for f in found] == [
        "The trustees reviewed the parking plan and approved it as amended. Ana Ruiz made the "
        "motion, Bo Chen second, with Cy Diaz making it unanimous"]
    found = findings("Motion by Ana Ruiz, seconded by Bo Chen, that the fee be waived; carried "
                     "unanimously.", people)  # the motion's content is in the sentence itself
    assert [f.text for f in found] == ["Motion by Ana Ruiz, seconded by Bo Chen, that the fee be "
                                       "waived; carried unanimously"]


def test_every_rule_has_a_case():
    tested = {case[1] for case in FOUND}
    assert {rule.name for rule in RULES} <= tested


def test_task_pointing_back_takes_the_previous_sentence(people):
    found = findings("Installation de librenms => oui. Benoit s'est proposé pour le faire.", people)
    assert [(f.kind, f.text, f.owner) for f in found] == [
        ("decision", "Installation de librenms => oui", None),
        ("action", "Installation de librenms", "Benoit")]


MEETING = date(2026, 2, 18)  # a Wednesday


@pytest.mark.parametrize(("written", "due"), [
    ("3 semaines", "2026-03-11"), ("two weeks", "2026-03-04"), ("next week", "2026-02-25"),
    ("Friday", "2026-02-20"), ("vendredi prochain", "2026-02-20"), ("end of the month", "2026-02-28"),
    ("fin septembre", "2026-09-30"), ("12TH MARCH", "2026-03-12"), ("demain", "2026-02-19"),
    ("Prochaine réunion", "2026-03-04"), ("2026-04-01", "2026-04-01"), ("Sprint en cours", None),
    ("3/31/26", "2026-03-31"), ("31.03.26", "2026-03-31"),  # two-digit years in a due cell
])
def test_due_words_count_from_the_meeting(written, due):
    assert resolve_due(written, MEETING, date(2026, 3, 4)) == due


def test_due_phrase_is_taken_out_of_the_task():
    assert take_due_phrase("Send the draft by Friday", MEETING) == ("Send the draft", "2026-02-20")
    assert take_due_phrase("Envoyer le planning d'ici fin mars", MEETING) == (
        "Envoyer le planning", "2026-03-31")
    assert take_due_phrase("Put it in the wiki", MEETING) is None
    assert take_due_phrase("Ask by Tom", MEETING) is None


def _notes(tmp_path, text: str, name: str = "sync-2026-02-18.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load(path)


def test_a_due_cell_naming_no_day_is_kept_as_a_comment(tmp_path):
    minutes = _notes(tmp_path, "# Sync 2026-02-18\n\n## Actions\n\n"
                     "| Action | Owner | Due |\n|---|---|---|\n"
                     "| Ship the API | Tristan | 3 semaines |\n| Fix the UI | Ilhan | Sprint en cours |\n")
    got = [(a.text, a.owner, a.due and a.due.isoformat(), a.comment) for a in minutes.actions]
    assert got == [("Ship the API", "Tristan", "2026-03-11", None),
                   ("Fix the UI", "Ilhan", None, "Due: Sprint en cours")]


def test_prose_decisions_and_actions_in_notes(tmp_path):
    minutes = _notes(tmp_path, "# Board meeting 2026-02-18\n\nPresent: Priya Kumar, Tom Baker\n\n"
                     "## Budget\n\nThe board agreed that the budget stays at 120k. Tom will send "
                     "the figures by Friday.\n\n- Discussion of the forecast\n"
                     "- Priya will update the plan\n")
    assert [d.text for d in minutes.decisions] == ["The board agreed that the budget stays at 120k"]
    assert [(a.text, a.owner, a.due and a.due.isoformat()) for a in minutes.actions] == [
        ("Send the figures", "Tom", "2026-02-20"), ("Update the plan", "Priya", None)]
    budget = minutes.agenda[0]
    assert "Discussion of the forecast" in budget.notes
    assert "Priya will update the plan" not in budget.notes  # the item became the action


def test_notes_with_their_own_decisions_section_keep_prose_as_notes(tmp_path):
    minutes = _notes(tmp_path, "# Sync 2026-02-18\n\n## Budget\n\nThe budget is approved.\n\n"
                     "### Decisions\n\n- Keep the contingency\n")
    assert [d.text for d in minutes.decisions] == ["Keep the contingency"]
    assert "The budget is approved." in minutes.agenda[0].notes


def test_a_deferral_is_not_an_action(tmp_path):
    minutes = _notes(tmp_path, "# Sync 2026-02-18\n\n## Topic\n\nACTION: Revisit next week.\n\n"
                     "ACTION: Tom to draft the reply.\n")
    assert [(a.text, a.owner) for a in minutes.actions] == [("draft the reply.", "Tom")]


def test_an_assignment_listed_as_a_decision_is_an_action(tmp_path):
    minutes = _notes(tmp_path, "# Sync 2026-02-18\n\n## Decisions\n\n- Use GitLab issues\n"
                     "- Kai will set up the GitHub pages\n- Next meeting will be on 2026-02-25.\n")
    assert [d.text for d in minutes.decisions] == ["Use GitLab issues"]
    assert [(a.text, a.owner) for a in minutes.actions] == [("Set up the GitHub pages", "Kai")]
    assert minutes.next_meeting.date.isoformat() == "2026-02-25"


def test_html_table_of_attendees_without_a_name_header(tmp_path):
    minutes = _notes(tmp_path, "# 18 February 2026\n\n## Participants\n\n<table><thead><tr>"
                     "<th>Position</th><th>POC</th></tr></thead><tbody><tr><td>Chair</td>"
                     "<td>Samuel Leathers</td></tr><tr><td>Voting seat</td><td>Juan Sierra</td>"
                     "</tr></tbody></table>\n")
    assert [(a.name, a.role) for a in minutes.attendees] == [
        ("Samuel Leathers", "Chair"), ("Juan Sierra", "Voting seat")]


def test_meeting_details_in_a_key_value_table(tmp_path):
    minutes = _notes(tmp_path, "| Key | Value |\n|---|---|\n| Date : | 27/11/2024 |\n"
                     "| Location : | Room 10 |\n| Chair | Adam Bezard |\n"
                     "| Attendees : | Kelvin Lee, Omer Majeed |\n\n## Agenda\n\n- Opening\n",
                     name="notes.md")
    m = minutes.meeting
    assert (m.date.isoformat(), m.location, m.chair) == ("2024-11-27", "Room 10", "Adam Bezard")
    assert {"Kelvin Lee", "Omer Majeed", "Adam Bezard"} <= {a.name for a in minutes.attendees}


def test_sign_in_lines_with_slashes(tmp_path):
    minutes = _notes(tmp_path, "# Sync 2026-02-18\n\n## Attendees\n\nYour name / GitHub ID / "
                     "affiliation\n\n* Matt Fisher / @mfisher87 / Schmidt DSE\n"
                     "* Greg / \\\\ / QuantStack\n\n### New agenda items\n\n- [ ] Events\n"
                     "  * Happening now!\n")
    assert [(a.name, a.handle, a.organisation) for a in minutes.attendees] == [
        ("Matt Fisher", "mfisher87", "Schmidt DSE"), ("Greg", None, "QuantStack")]


def test_front_matter_timestamp_is_a_publication_date(tmp_path):
    minutes = _notes(tmp_path, "---\ntitle: minutes\ndate: 2023-01-04T03:00:55.676Z\n---\n"
                     "# Committee Meeting 2017.06.07\n\nPresent: Lemming, Steve\n", name="x.md")
    assert minutes.meeting.date.isoformat() == "2017-06-07"


def test_a_blog_post_is_dated_by_the_meeting_day_its_title_names(tmp_path):
    post = "---\nlayout: post\ndate: {posted}\ntitle: \"Compte rendu réunion du {day}\"\n---\nPrésents : Ana, Bo\n"
    dated = [_notes(tmp_path, post.format(posted=posted, day=day), name="x.md").meeting.date.isoformat()
             for posted, day in (("2012-12-21", "17/12"), ("2013-01-08", "17/12"), ("2012-12-21", "30/02"))]
    # the post's year, the year before for a December meeting posted in January; no such day: the post's date
    assert dated == ["2012-12-17", "2012-12-17", "2012-12-21"]
    leap = _notes(tmp_path, post.format(posted="2025-01-10", day="29/02"), name="x.md").meeting.date
    assert leap.isoformat() == "2024-02-29"  # 2025 has no 29 February: the year before has
    page = "---\ndate: 2012-12-21\ntitle: \"Réunion du 17/12\"\n---\nPrésents : Ana\n"
    assert _notes(tmp_path, page, name="x.md").meeting.date.isoformat() == "2012-12-21"  # not a post: its date


def test_first_dated_line_dates_notes_that_give_no_date(tmp_path):
    minutes = _notes(tmp_path, "# Annual General Meeting\n\n## Minutes\n\n"
                     "- 2022-04-08 19:00+0000 Call to order\n", name="agm.md")
    assert minutes.meeting.date.isoformat() == "2022-04-08"


def test_a_deadline_entry_under_decisions_names_a_time(tmp_path):
    minutes = _notes(tmp_path, "# Board 2026-03-04\n\n## Decisions\n\n- Adopt the budget\n"
                     "- Target completion: Q1 2026\n- Due: the board approves the new budget\n", name="x.md")
    assert [d.text for d in minutes.decisions] == ["Adopt the budget", "Due: the board approves the new budget"]
