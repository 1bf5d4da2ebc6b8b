"""The words of the sentence rules, one table per language (English, French).

A language is one entry of :data:`LANGUAGES`; the rules of ``sentence_rules.py`` and
``relative_dates.py`` are built from the union of every language's words, so adding German is
adding a ``"de": {...}`` entry here, not code. Words are regular-expression fragments, matched
case-insensitively at word boundaries; accents are written as people write them.
"""

from __future__ import annotations

from typing import TypedDict

ENGLISH = {
    # who takes decisions: "the board agreed ...", "the committee approved ..."
    "bodies": [
        "board", "committee", "council", "group", "team", "meeting", "members", "participants",
        "attendees", "assembly", "steering committee", "working group", "wg", "tsc", "sc", "we",
        "everyone", "all", "all members", "the chairs", "panel", "leadership", "maintainers",
        "core team", "tag", "voting members", "voting seats", "quorum",
        # who decides for a project: "The client approves of the tech stack", "The sponsor approved"
        "client", "sponsor", "project sponsor", "product owner", "supervisor",
        "supervisors", "steering group",
    ],
    # the verb of a decision taken by a body, in the past tense
    "decided": [
        "agreed", "decided", "approved", "resolved", "voted", "adopted", "accepted", "endorsed",
        "ratified", "confirmed", "elected", "appointed", "chose", "selected", "concluded",
        "settled on", "signed off", "rejected", "declined", "tested and approved",
        "reviewed and approved", "unanimously agreed", "unanimously approved",
        # the present of minutes written as they happen: "Steering Committee approves."
        "approves", "decides", "adopts", "accepts", "endorses", "ratifies", "resolves",
        "elects", "appoints", "opted for", "chose to", "opted to", "agrees with",
        # "The sponsor gave the go-ahead", "The client gave their approval"
        r"gave (?:the|its|his|her|their) (?:go-ahead|approval|green light|agreement)",
        r"gives (?:the|its|his|her|their) (?:go-ahead|approval|green light|agreement)",
    ],
    # a choice made by the people named: "Thomas Cauchy and Benoit Da Mota opted for a rewrite"
    "opted": [r"(?:opted|have opted|has opted) (?:for|to)", r"(?:ont|a) opté pour",
              r"(?:ont|a) fait le choix (?:de|d['’])"],
    # impersonal openings: "it was decided to ...", "it was agreed that ..."
    "impersonal": [
        r"it (?:was|is|has been) (?:therefore |thus |then |also |finally |however |nevertheless )?"
        r"(?:unanimously )?"
        r"(?:decided|agreed|resolved|determined|"
        r"concluded|approved|confirmed)",
        r"(?:be it )?resolved,? that", r"decision(?: was)? (?:made|taken|reached) to",
        r"consensus (?:was|is) (?:reached|to)", r"there (?:was|is) consensus",
        r"there (?:seems|seemed|appears|appeared) to be (?:a |general |broad )?consensus (?:that|to|on|for)",
        r"(?:general |broad )?consensus (?:that|to|on)", r"we (?:have )?(?:agreed|decided)",
        r"we (?:have )?(?:therefore |finally )?(?:chose|settled on|opted for|opted to)",
        # a sentence opening on the participle: "Agreed that the release goes first."
        r"agreed(?= that\b)",
        # "Agreement to freeze the scope", "General agreement on the plan"
        r"(?:general |broad |full |unanimous )?agreement (?:that|to|on)",
        # "We are all in favour of the 79-character change"
        r"we (?:are|were) all in favou?r of",
    ],
    # a project's go / no-go, kept whole: "Go decision for the pilot", "No-go for the March
    # release", "Green light for the pilot"
    "go_no_go": [r"(?:no[- ]?)?go decision (?:for|on)\b", r"no[- ]go (?:for|on)\b",
                 r"go(?:/| or )no[- ]?go\s*:\s*go\b", r"(?:the )?green light (?:was given )?(?:for|to)\b"],
    # what may open a decision formula: "After discussion, it was agreed ...", "Finally, we decided"
    "after_discussion": [r"after (?:some |a |the |further |much )?(?:discussion|debate|deliberation|vote|review)",
                         r"following (?:some |a |the |further )?(?:discussion|debate|deliberation|vote|review)",
                         r"finally", r"in the end", r"therefore"],
    # a latecomer noted where it happens: "(Travis joins.)", "Ana joined at 10:15"
    "arrives": ["joins", "joined", "arrives", "arrived", "joins the call", "joined the call",
                "joins the meeting", "joined the meeting"],
    "arrival_of": ["arrival of"],
    # the whole room answering a proposal: "All: Good idea." after "Troy: Could do it in the wiki."
    "chorus": ["all", "everyone", "everybody", "the group", "group"],
    # an entry that only says when the next event is ("Next call: 12 March 2026, 3pm"): a date
    "next_event": ["next", "upcoming"],
    "day_parts": ["morning", "afternoon", "evening", "noon", "am", "pm"],
    # a topic whose notes end on the room's assent alone is decided: "## Adoption of the
    # previous minutes / **Consensus**", "### Approval of the minutes / - Reviewed, no objection"
    "topic_assent": ["consensus", r"no objections?", r"(?:reviewed|read), no objections?", "approved",
                     "agreed", "adopted", "carried", "all agreed", "unanimous", "approved unanimously"],
    "chorus_assent": ["good idea", "agreed", "agree", "sounds good", r"\+1", "yes", "ok", "okay",
                      "approved", "no objections?", "consensus"],
    # consensus by silence: "No objections to keeping the weekly call", "No further objections; X"
    "no_objection": [r"no (?:further |other |more )?objections?(?: raised| were raised)?"],
    # "X is approved", "X was elected chair"
    "passive": [
        "approved", "adopted", "accepted", "agreed", "ratified", "endorsed", "elected",
        "appointed", "carried", "passed", "confirmed", "rejected", "declined", "re-elected",
        "chosen", "selected",
    ],
    # "It is agreed that the committee should survey ...": what someone is advised to do
    "advised": ["should"],
    # "Discuss whether to ...", "Revisit the possibility of ...": a question the meeting takes up again
    "talk_again": ["discuss", "revisit", "reconsider", "discuss again", "come back to"],
    "open_question": ["whether", "if", "the possibility", "the question", "the idea"],
    # before a participle, they make it a noun: "a letter to the elected"
    "determiners": ["the", "our", "their", "these", "those"],
    # a task reported done, listed under Decisions ("The invoice was sent to the members"): news
    "reported_done": [
        r"(?:was|were|has been|have been) (?:sent|e-?mailed|contacted|done|completed|finished|"
        r"submitted|delivered|received|posted|ordered|bought|booked|installed)",
    ],
    # the participles that alone make a verdict ("Budget approved.", "X approved as chair")
    "verdicts": [
        "approved", "adopted", "agreed", "ratified", "endorsed", "elected", "appointed",
        "re-elected", "accepted",
    ],
    # "the motion carried", "the proposal passed"
    "motions": ["motion", "resolution", "proposal", "vote", "amendment", "rfc", "pr"],
    "motion_verbs": [
        "carried", "carries", "passed", "passes", "was approved", "was adopted", "was accepted",
        "is approved", "is adopted", "is accepted", "has passed", "has been approved",
    ],
    # marks of assent written after a sentence: "(all agreed)", "(motion carried)"
    "assent": [
        "all agreed", "agreed by all", "all agree", "unanimous", "unanimously", "motion carried",
        "motion passed", "carried", "no objections?", "all in favou?r", "consensus",
        "passed unanimously", "agreed unanimously", "adopted unanimously", "approved unanimously",
        # a motion's mover and seconder: "(moved Steve, seconded Russell)"
        r"moved(?: by)? [A-Z][\w'’-]*[^()]{0,40}seconded", "seconded by", "seconded",
    ],
    # "Steve moves that Lemming is Chair, seconded by Russell": a motion moved and seconded
    "moved": [r"mov(?:es?|ed)\s+(?:that|to)\b[^.]{0,160}?\bseconded\b",
              r"moved\s+by\b[^.]{0,80}?\bseconded\b"],
    # "Katie seconds.", "Seconded by Dan.": a sentence that only seconds the motion before it
    "seconds": [r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+seconds?", r"[A-Z][\w'’-]*\s+seconded",
                r"seconded(?: by)?\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"],
    # what keeps a motion that carried from being decided: a condition or a pending outcome
    "conditions": ["if", "whether", "unless", "pending", "awaiting", "not yet", "to be decided"],
    # what unanimity must qualify to be a decision: "adopted unanimously", "a unanimous vote"
    # (not "unanimously praised": a shared opinion)
    "vote_words": [r"vot\w*", r"approv\w*", r"adopt\w*", r"agree\w*", r"elect\w*", r"pass\w*",
                   "carried", "carries", r"resolv\w*", r"decid\w*", r"decision", r"accept\w*",
                   r"ratif\w*", "consensus", "motion", "in favou?r", r"abstain\w*"],
    # what a decision is for: "X approved as interim voting seats", "documents approved for publication"
    "purpose": ["as", "for", "by", "until", "with effect from"],
    # meeting roles given at the start of a meeting: an appointment of the day, not a decision
    "meeting_roles": [
        "secretary of the meeting", "chair of the meeting", "minute taker", "note taker", "scribe",
        "timekeeper", "facilitator of the meeting",
    ],
    # assignments: "Priya will send", "Ana volunteered to", "Tom to book"
    "will": [
        "will", "shall", "is going to", "are going to", "agreed to", "agrees to", "has agreed to",
        "volunteered to", "volunteers to", "offered to", "offers to", "will take care of",
        "is to", "are to", "needs to", "promised to", "committed to", "took an action to",
        "takes an action to", "has an action to", "to", "has to", "have to",
        # "Tom will be responsible for the budget": the role is the task
        r"will be(?= responsible for| in charge of)", r"(?:is|are) now(?= responsible for| in charge of)",
        # "Tom will be working on the ACES update": a task in the future progressive
        r"will be(?= (?:working on|working with|looking into|looking at|reviewing|preparing|drafting|"
        r"writing|updating|organi[sz]ing|leading|handling|coordinating|setting up|testing|"
        r"investigating|following up)\b)",
    ],
    # "the conventions must be sent": a task without an owner
    # a sentence opening on a verb of deciding in the past, no subject: "Selected Wednesday as meeting time"
    "did_decide": [r"decided (?:to|on)", "selected", "chose", r"voted (?:to|for)", "approved", "adopted",
                   "ratified", "elected"],
    "obligations": ["must", "needs to", "need to", "has to", "have to"],
    # "The secretary is to prepare the letter": a task given (only after a group or an officer)
    "charged_with": ["is to", "are to", "is charged with", "is tasked with"],
    "it_is_needed": [r"we (?:will|'ll|’ll) (?:need|have) to", r"it (?:will be|is) necessary to"],
    # "we have to say that ...", "il faut dire que ...": a turn of phrase, not a task
    "figures_of_speech": [r"say that", r"admit that", r"note that", r"remember that"],
    # a note opening on "Need to send out the invitation": a task without a subject
    "need_to": [r"(?:still )?needs? to"],
    # "Minutes of July 15 to be approved asynchronously": a task in the passive, no owner
    "to_be": [r"(?:is |are )?(?:still )?to be"],
    # who a task may be given to without being named: "The members must agree on the date"
    "groups": ["everyone", "everybody", "each member", "all members", "the members", "members",
               "the team", "the group", "the committee", "the board", "each of us"],
    # officers named by their office own the task as a group does: "The treasurer must file ..."
    "officers": ["the chair", "the president", "the treasurer", "the secretary", "the vice-president",
                 "the vice chair", "the vice-chair"],
    # "The next step is to finalise the grammar"
    "next_step": [r"(?:the )?next steps? (?:is|are|will be|would be) (?:to )?"],
    # "We will send the invitation": a task of the whole group (not "we will see")
    "we_will": [r"we (?:will|'ll|’ll|shall)"],
    # "Simon said he would check in with Katie": a commitment reported ("reported commitment")
    "said": ["said", "stated", "indicated", "confirmed", "replied", "answered", "promised"],
    "would": ["would", "will"],
    # how a meeting decides: "approved by email", "by a show of hands" (the agent of its verdicts)
    "means": ["email", "e-mail", "mail", "vote", "votes", "voting", "consensus", "acclamation",
              "majority", "show", "a", "an", "all", "everyone", "unanimous", "acclaim", "proxy"],
    # a choice made until further notice: "Let's stick with GitLab for now", "Weekly for now"
    "provisional": ["for now", "for the moment", "for the time being"],
    # a postponement decided: "Unit testing will be pushed to sprint 4", "The vote is deferred
    # until May", "We postpone the launch to June"
    "postponed": ["postponed", "deferred", "pushed back", "pushed", "moved back", "delayed",
                  "rescheduled"],
    "we_postpone": [r"we(?: will| shall|'ll)? (?:postpone|defer|push back|push)"],
    "not_our_tasks": ["see", "be", "have", "meet", "continue", "discuss", "talk", "hear", "know",
                      "try", "probably", "likely", "not", "also be", "get back"],
    "hedges": ["also", "still", "then", "now", "first"],
    "maybe": ["maybe", "perhaps", "possibly", "probably"],
    "be": ["be"],
    # "do it", "take that on": a task that names the previous sentence's subject
    "anaphors": [r"do (?:it|that|this)", r"take (?:it|that|this)(?: on)?", r"handle (?:it|that)",
                 r"look into (?:it|that)", "follow up", r"own (?:it|that)"],
    # "Installation de librenms => oui": a question settled by a vote
    "yes": ["yes", "ok", "go", "approved", "agreed", "accepted"],
    # what a sentence is about, before what was decided on it: "For the website, it was agreed ..."
    "about": ["for", "regarding", "concerning", "as for", "as regards", "about", "with regard to", "as to"],
    # the answer the meeting gives to a question put to it: "Enforce this in the checker? Yes."
    "answers": ["yes", "no", "agreed", "approved", "rejected"],
    # "Thierry: prepare the post", "- [ ] Jonathan: add a link": a name, then a task in the imperative
    "task_verbs": [
        "send", "ask", "talk to", "contact", "prepare", "write", "update", "review", "create",
        "schedule", "organise", "organize", "book", "follow up", "share", "draft", "circulate",
        "invite", "email", "call", "finalise", "finalize", "fix", "set up", "publish", "post",
        "reach out", "ping", "submit", "order", "buy", "register", "renew", "arrange", "plan",
        "confirm", "investigate", "look into", "find", "remind", "notify", "collect", "upload",
        "add", "remove", "implement", "deploy", "document", "check", "make", "prepare", "finish",
        "complete", "open", "close", "merge", "test",
        # the verbs of a project's backlog: "Integrate unit tests into the CI (**Patryk**)"
        "display", "include", "improve", "integrate", "enforce", "design", "migrate", "refactor",
        "configure", "install", "rename", "automate", "extend", "connect", "build",
    ],
    # "Talk to French team about ...", "Ping Visit Flanders for renewal": a bare imperative that
    # can only be a task (not "Review of ...", "Update: ...", which name topics)
    "bare_imperatives": ["ask", "talk to", "contact", "reach out to", "ping", "follow up with",
                         "email", "remind", "look into", "find out", "work out", "invite"],
    # "an action was raised to ...": an action without an owner
    "raised": [
        r"an? (?:action|action item|task) (?:was|is|has been) (?:raised|taken|recorded|"
        r"assigned|created|opened|set)(?: (?:for|to) (?P<who>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?))?"
        r" to",
    ],
    # "Call for everyone to test the build", "Members are invited to ...": a task for all
    "invited": [
        r"(?:an? )?(?:call|appeal) (?:for|to) (?:everyone|everybody|all(?: members)?|the members|"
        r"members|volunteers) to",
        r"(?:everyone|everybody|all members|the members|members) (?:is|are) (?:invited|asked|"
        r"encouraged) to",
        r"we (?:invite|ask|encourage) (?:everyone|everybody|all members|the members|members) to",
    ],
    # an ACTION line that only moves the topic is not an action: "ACTION: Revisit next week"
    "deferrals": [
        "revisit", "revisited", "punt", "punted", "bump", "bumped", "defer", "deferred",
        "postpone", "postponed", "carry over", "carried over", "as noted above", "see above",
        "discuss", "continue", "keep", "tbd", "none", "n/a", "no action", "nothing", "pending",
        "to be revisited", "wait", "table", "tabled", "moved to", "push", "pushed",
    ],
    # words that make a sentence a question, a wish or a report of something not yet decided
    "undecided": [
        "to be decided", "not yet", "pending", "tbd", "should we", "will decide", "to decide",
        "need to decide", "needs to decide", "proposal to", "propose", "proposed", "suggest",
        "suggested", "if", "whether", "not approved", "not agreed", "not accepted", "no decision",
        "was not", "were not", "wasn't", "weren't", "would", "could", "might", "may be",
        "to be approved", "awaiting", "yet to", "is expected", "are expected", "expected next",
    ],
    # capitalised words that open a sentence without naming a person
    "not_people": [
        "the", "this", "that", "these", "those", "it", "we", "they", "he", "she", "i", "you",
        "there", "next", "meeting", "everyone", "someone", "nobody", "who", "what", "when",
        "where", "how", "why", "if", "all", "our", "my", "a", "an", "no", "each", "one", "some",
        "team", "group", "committee", "board", "council", "agenda", "action", "decision",
        "discussion", "note", "notes", "update", "question", "and", "or", "but", "so", "also",
        "then", "now", "today", "tomorrow", "please", "maybe", "github", "google", "microsoft",
        "zoom", "slack", "project", "projects", "work", "staff", "budget", "release", "version",
        "draft", "document", "doc", "docs", "website", "site", "code", "tests", "ci", "pr",
        "issue", "issues", "people", "members", "board members", "participants", "everybody",
        "anyone", "anybody", "monday", "tuesday", "wednesday", "thursday", "friday",
        # "First will give more precision, second more speed": an ordinal, not a person
        "first", "second", "third", "last", "finally", "firstly", "secondly",
        "saturday", "sunday", "several", "many", "most", "both", "either", "neither",
    ],
    # verbs that do not make a task after "will": "Tom will be away", "we will not"
    "not_tasks": ["be", "not", "probably", "likely", "also be", "still", "have been", "need",
                  "continue to be", "remain", "stay", "attend", "join", "miss",
                  # "Bob has to leave early": leaving the meeting is no task
                  "leave", "step out", "drop off", "go home"],
    "weekdays": [["monday", "mon"], ["tuesday", "tue", "tues"], ["wednesday", "wed"],
                 ["thursday", "thu", "thurs"], ["friday", "fri"], ["saturday", "sat"],
                 ["sunday", "sun"]],
    "units": {1: ["day", "days"], 7: ["week", "weeks", "wk", "wks"], 30: ["month", "months"]},
    "numbers": {1: ["one"], 2: ["two", "a couple of"], 3: ["three"], 4: ["four"],
                5: ["five"], 6: ["six"]},
    "next_meeting": [r"next (?:meeting|call|session|sync|week's meeting|weekly|standup|stand-up)"],
    "end_of": [r"(?:the )?end of", r"by the end of"],
    "this_month": ["the month", "this month", "month"],
    "end_of_week": [r"end of (?:the |this )?week", r"\beow\b", r"this week"],
    "next_week": [r"next week", r"within a week", r"in a week"],
    "tomorrow": [r"\btomorrow\b"],
    "today": [r"\btoday\b", r"\bend of day\b", r"\beod\b"],
}

#: the verbs of a task in French, in the infinitive
_FRENCH_TASK_VERBS = [
    "envoyer", "demander", "contacter", "préparer", "rédiger", "mettre à jour", "créer",
    "organiser", "planifier", "vérifier", "finaliser", "relancer", "trouver", "installer",
    "réserver", "commander", "acheter", "inscrire", "prévoir", "compléter", "corriger",
    "publier", "partager", "diffuser", "transmettre", "appeler", "écrire", "informer",
    "inviter", "documenter", "tester", "déployer", "mettre en place", "ajouter", "faire",
    "terminer", "finir",
    "afficher", "intégrer", "améliorer", "concevoir", "migrer", "configurer", "renommer",
    "automatiser", "connecter", "développer", "implémenter", "fournir", "livrer",
]
# futures that are not the infinitive plus -a / -ont
_IRREGULAR_FUTURES = {"envoyer": "enverr", "faire": "fer", "appeler": "appeller", "acheter": "achèter",
                      "concevoir": "concevr", "prévoir": "prévoir"}


def _futures(verbs: list[str]) -> list[str]:
    """Return the third-person futures of French infinitives ("préparer" -> "préparera", "prépareront")."""
    forms = []
    for verb in verbs:
        head, _, rest = verb.partition(" ")
        stem = _IRREGULAR_FUTURES.get(head, head[:-1] if head.endswith("re") else head)
        forms += [f"{stem}a {rest}".strip(), f"{stem}ont {rest}".strip()]
    return forms


#: the task verbs in the future: an attendee "enverra", "prépareront" ... takes the task on
FRENCH_FUTURES = _futures(_FRENCH_TASK_VERBS)

FRENCH = {
    "bodies": [
        "le comité", "le comite", "le conseil", "le ca", "le bureau", "l'assemblée", "l’assemblée",
        "l'ag", "l’ag", "le groupe", "l'équipe", "l’équipe", "les membres", "les participants",
        "le copil", "le comité de pilotage", "l'assemblée générale", "l’assemblée générale",
        "nous", "on", "tous", "tout le monde", "le conseil d'administration",
        "le conseil d’administration", "les administrateurs", "les présents",
        # qui décide pour un projet : "La MOA valide la maquette" ("le client valide sa commande"
        # is a user story: the client is not among them)
        "le commanditaire", "la moa",
        "la maîtrise d'ouvrage", "la maîtrise d’ouvrage",
    ],
    "decided": [
        "valide", "approuve", "adopte", "décide", "vote", "acte", "entérine", "retient",
        "choisit", "élit", "nomme", "désigne", "refuse", "rejette", "a validé", "a approuvé",
        "a adopté", "a décidé", "a voté", "a acté", "a entériné", "a retenu", "a choisi", "a élu",
        "a nommé", "ont validé", "ont approuvé", "ont adopté", "ont décidé", "ont voté",
        "avons validé", "avons approuvé", "avons décidé", "avons voté", "valident", "approuvent",
        "décident", "votent", "se prononce pour", "donne son accord", "donnent leur accord",
        "est d'accord pour", "sont d'accord pour", "est d’accord pour", "sont d’accord pour",
        # "Le client marque son accord pour ...", "Le sponsor a donné son feu vert"
        "marque son accord", "marquent leur accord", "a donné son accord", "ont donné leur accord",
        "donne son feu vert", "a donné son feu vert",
    ],
    "no_objection": [r"(?:pas d['’]|aucune )(?:autre )?objections?"],
    "chorus": ["tous", "tout le monde", "le groupe"],
    "next_event": ["prochain", "prochaine", "prochains", "prochaines"],
    "day_parts": ["matin", "après-midi", "apres-midi", "soir", "midi"],
    "topic_assent": ["consensus", r"pas d['’]objection", "aucune objection", r"adopté(?:e|s|es)?",
                     r"approuvé(?:e|s|es)?", r"validé(?:e|s|es)?", "unanimité", r"adopté(?:e)? à l['’]unanimité"],
    "chorus_assent": ["d['’]accord", "oui", "bonne idée", "validé", "ok"],
    # "*19 h 22 : arrivée de Tarek*", "Léa rejoint la réunion"
    "arrives": ["arrive", "rejoint la réunion", "rejoint la séance", "nous rejoint"],
    "arrival_of": [r"arrivée (?:de|d['’])"],
    "impersonal": [
        # "Il a donc été décidé de ...", "It was therefore agreed": a linking adverb changes nothing
        r"il (?:est|a(?: donc| ainsi| alors| aussi| finalement| enfin| néanmoins| toutefois| cependant|"
        r" également)? été)(?: donc| ainsi| alors| aussi| finalement| enfin| néanmoins| toutefois|"
        r" cependant| également)? "
        r"(?:décidé|convenu|acté|validé|voté|résolu|arrêté|retenu|entendu|confirmé)",
        r"on a (?:décidé|convenu|validé|acté|voté)", r"nous (?:avons )?(?:décidé|décidons)",
        # "Nous avons d'ores et déjà adopté ...", "Nous fixons la date de livraison au ..."
        r"nous (?:avons )?(?:donc |déjà |d['’]ores et déjà |finalement |ensemble )?(?:convenu|convenons|"
        r"adopté|adoptons|retenu|retenons|choisi|choisissons|validé|validons|fixé|fixons|arrêté|arrêtons)",
        r"(?:la )?décision (?:est|a été) prise", r"décision (?:est|a été) prise de",
        r"(?:il y a )?consensus (?:sur|pour)",
        # "Accord pour reporter l'AG", "Accord unanime sur le budget"
        r"(?:il y a )?(?:un )?accord (?:unanime |général |de tous |de principe )?(?:pour|sur)\b",
        # "Il semble y avoir un consensus pour ...": how minutes record a consensus politely
        r"il (?:y a|y avait|semble y avoir|se dégage) (?:un |une )?(?:large |net )?consensus "
        r"(?:sur|pour|autour)",
    ],
    # "Go pour le pilote", "No go pour la mise en production", "Feu vert pour le lot 2"
    "go_no_go": [r"(?:no[- ]?)?go (?:pour|sur) (?:le|la|les|l['’])",
                 r"(?:le )?feu vert (?:est donné )?(?:pour|à|au|aux)\b"],
    "after_discussion": [r"après (?:une |la |un |le )?(?:discussion|échanges?|débat|délibération|vote|réflexion)",
                         r"(?:à l['’]issue|suite) (?:de la |du |des |à la |au |aux )?"
                         r"(?:discussion|échanges?|débat|délibération|vote|réflexion)",
                         r"finalement", r"en définitive", r"donc"],
    "talk_again": ["discuter", "rediscuter", "revoir", "reparler", "revenir sur", "réfléchir"],
    "open_question": ["si", "de la possibilité", "la possibilité", "de l['’]opportunité", "l['’]opportunité",
                      "la question", "de la question", "de l['’]idée"],
    # before a participle, they make it a noun: "à destination des élus"
    "determiners": ["des", "les", "aux", "ces", "nos", "vos", "leurs"],
    "reported_done": [
        r"(?:a|ont) été (?:envoyé|transmis|contacté|reçu|fait|effectué|réalisé|terminé|commandé|"
        r"acheté|réservé|installé|publié|imprimé|diffusé)(?:e|s|es)?",
    ],
    "passive": [
        "adopté", "adoptée", "adoptés", "adoptées", "approuvé", "approuvée", "approuvés",
        "approuvées", "validé", "validée", "validés", "validées", "voté", "votée", "votés",
        "votées", "élu", "élue", "élus", "élues", "réélu", "réélue", "acté", "actée", "actés",
        "actées", "entériné", "entérinée", "retenu", "retenue", "retenus", "retenues",
        "reconduit", "reconduite", "nommé", "nommée", "désigné", "désignée", "clos", "close",
        "refusé", "refusée", "rejeté", "rejetée", "accepté", "acceptée", "acceptés",
        "acceptées", "lancé", "lancée", "officiellement lancée", "officiellement lancé",
    ],
    "verdicts": [
        "adopté", "adoptée", "adoptés", "adoptées", "approuvé", "approuvée", "approuvés",
        "approuvées", "validé", "validée", "validés", "validées", "voté", "votée", "votés",
        "votées", "élu", "élue", "élus", "élues", "réélu", "réélue", "acté", "actée", "actés",
        "actées", "entériné", "entérinée", "reconduit", "reconduite", "accepté", "acceptée",
        "officiellement lancée", "officiellement lancé",
    ],
    "motions": ["la proposition", "la motion", "la résolution", "le vote", "la candidature"],
    "motion_verbs": ["est adoptée", "est approuvée", "est acceptée", "est votée", "passe"],
    # "Le vote est reporté à la prochaine AG", "Nous reportons donc ce service à l'an prochain"
    "postponed": [r"report[ée]e?s?", r"repouss[ée]e?s?", r"décal[ée]e?s?", r"ajourn[ée]e?s?"],
    "we_postpone": [r"(?:nous|on) (?:reportons|reporte|repoussons|repousse|décalons|décale)"],
    "assent": [
        "à l'unanimité", "à l’unanimité", "unanimement", "adopté à l'unanimité",
        "à la majorité", "tous d'accord", "tous d’accord", "accord de tous", "sans opposition",
        r"proposé par [A-Z][\w'’-]*[^()]{0,40}appuyé", "appuyé par",
    ],
    "vote_words": [r"vot\w*", r"approuv\w*", r"adopt\w*", r"accord\w*", r"élu\w*", r"réélu\w*",
                   r"décid\w*", r"décision", r"valid\w*", r"accept\w*", r"entérin\w*", r"nomm\w*",
                   r"désign\w*", r"résolution", "motion", "proposition", r"abstention\w*",
                   r"act[ée]\w*"],
    "purpose": ["comme", "pour", "en tant que", "par", "jusqu'à", "jusqu’à"],
    "moved": [r"propose\s+que\b[^.]{0,160}?\bappuy[ée]", r"proposé\s+par\b[^.]{0,80}?\bappuy[ée]"],
    "seconds": [r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+appuie", r"appuyée? par\s+[A-Z][\w'’-]*"],
    "conditions": ["si", "sous réserve", "à condition", "en attente", "pas encore"],
    "meeting_roles": [
        "secrétaire de séance", "secretaire de seance", "président de séance",
        "présidente de séance", "president de seance", "animateur de séance",
        "animatrice de séance", "rapporteur de séance",
    ],
    "will": [
        "se charge de", "se chargent de", "se charge d'", "se charge d’", "s'occupe de",
        "s’occupe de", "s'occupent de", "s’occupent de", "s'occupe d'", "s’occupe d’",
        "s'est proposé pour", "s’est proposé pour", "s'est proposée pour", "s’est proposée pour",
        "s'est proposé de", "s’est proposé de", "s'est porté volontaire pour",
        "s’est porté volontaire pour", "s'est portée volontaire pour",
        "s’est portée volontaire pour",
        "s'engage à", "s’engage à", "s'engagent à", "s’engagent à", "se propose pour",
        "se propose de", "se proposent pour", "se proposent de", "doit", "doivent", "va",
        "vont", "devra", "devront", "prend en charge", "prendra en charge", "s'en charge",
        "s’en charge", "est chargé de", "est chargée de", "sont chargés de", "prépare", "propose de",
        # "Léa a pour action de ...", "Marc prend l'action de ..."
        r"a pour actions? (?:de|d['’])", r"(?:a|prend) l['’]action (?:de|d['’])",
        # a task verb in the future: "Léa enverra le rapport", "Léa et Bob prépareront le budget"
        # (not any future: "Léa arrivera en retard", "Marc restera trésorier")
        *FRENCH_FUTURES,
        # the same in the future: "Lucile s'occupera d'émettre la demande", "Paul se chargera de ..."
        "se chargera de", "se chargera d'", "se chargera d’", "se chargeront de",
        "s'occupera de", "s’occupera de", "s'occupera d'", "s’occupera d’", "s'occuperont de",
        "s’occuperont de",
        # "Marie-France sera responsable du projet": the role is the task
        r"sera(?= responsable d| chargée? d)", r"seront(?= responsables d| chargée?s d)",
    ],
    "raised": [r"une action (?:est|a été) (?:prise|créée|ouverte|notée) pour"],
    "invited": [
        r"nous (?:invitons|encourageons|demandons à) (?:les membres|tout le monde|chacun|les adhérents|"
        r"les participants|les bénévoles) (?:à|a|de|d['’])",
        r"(?:les membres|tout le monde|chacun|les adhérents|les participants|les bénévoles) "
        r"(?:sont|est) (?:invitée?s?|encouragée?s?) (?:à|a)",
        r"(?:un )?appel (?:à|aux) (?:tous|volontaires|membres|bénévoles) pour",
    ],
    "task_verbs": _FRENCH_TASK_VERBS,
    "did_decide": [r"décidé (?:de|d['’])", r"choisi (?:de|d['’])"],
    "obligations": ["doit", "doivent", "devra", "devront"],
    "charged_with": [r"(?:est|sont|sera|seront) chargée?s? de", r"(?:se charge|se chargera|se chargent) de"],
    # "Le wiki sera mis à jour", "Une étude d'impact sera réalisée": a task in the future passive
    # (not "sera organisé le 13 décembre", "sera dématérialisée": what was settled)
    "will_be": ["sera", "seront"],
    "done_by_someone": [
        r"complété\w*", "mis à jour", "mise à jour", "mises à jour", r"contacté\w*", r"mené\w*",
        r"réalisé\w*", r"préparé\w*", r"envoyé\w*", r"rédigé\w*", r"faite?s?",
        r"publié\w*", r"vérifié\w*", r"corrigé\w*", r"relancé\w*", r"installé\w*", r"commandé\w*",
        r"acheté\w*", r"réservé\w*", r"créé\w*", r"finalisé\w*", r"imprimé\w*", r"diffusé\w*",
    ],
    # "Il faudra régler le problème": a task without an owner
    "figures_of_speech": [r"dire qu(?:e|['’])", r"noter qu(?:e|['’])", r"savoir qu(?:e|['’])",
                          r"reconnaître qu(?:e|['’])", r"avouer qu(?:e|['’])", r"souligner qu(?:e|['’])",
                          r"rappeler qu(?:e|['’])", r"préciser qu(?:e|['’])"],
    "it_is_needed": [r"il (?:faut|faudra|reste à|restera à)", r"il nous (?:faut|faudra)",
                     r"(?:on|nous) (?:doit|devra|devons|devrons)(?: donc| également| aussi)?"],
    "groups": ["les membres", "chacun", "chacune", "tout le monde", "tous", "l'équipe", "l’équipe",
               "le groupe", "le bureau", "le comité", "le ca", "les participants"],
    "officers": ["le président", "la présidente", "le trésorier", "la trésorière", "le secrétaire",
                 "la secrétaire", "le vice-président", "la vice-présidente"],
    "next_step": [r"(?:la )?prochaine étape (?:est|sera|consiste|consistera) (?:à |de |d['’])",
                  r"(?:les )?prochaines étapes (?:sont|seront|consistent|consisteront) (?:à |de |d['’])"],
    "we_will": [r"nous (?=\w+rons\b)"],
    "said": ["a dit", "ont dit", "a indiqué", "ont indiqué", "a confirmé", "ont confirmé", "a précisé"],
    "would": ["allait", "allaient", "va", "vont"],
    "not_our_tasks": ["verrons", "serons", "aurons", "saurons", "pourrons", "continuerons"],
    "hedges": ["cependant", "encore", "aussi", "donc", "alors", "également", "toujours",
               "absolument", "maintenant", "ensuite", "d'abord", "d’abord"],
    "means": ["courriel", "mail", "vote", "voie", "consensus", "acclamation", "majorité", "tous",
              "l'ensemble", "unanimité"],
    "maybe": ["peut-être", "peut être", "éventuellement", "probablement", "sans doute",
              "potentiellement"],
    "be": ["être"],
    "anaphors": ["le faire", "la faire", "les faire", r"s['’]en (?:occuper|charger)",
                 r"s['’]occuper de (?:ça|cela)"],
    "yes": ["oui", "ok", "go", "validé", "accepté", "adopté", "d'accord", "d’accord"],
    "answers": ["oui", "non", "validé", "refusé", "d'accord", "d’accord"],
    "about": ["pour", "concernant", "quant à", "au sujet de", "à propos de", "en ce qui concerne",
              "pour ce qui est de", "côté"],
    # "Organisation précise à définir": what is still to be done, without an owner
    "to_do": ["définir", "faire", "prévoir", "organiser", "planifier", "envoyer", "préparer",
              "rédiger", "compléter", "finaliser", "contacter", "relancer", "vérifier", "mettre à jour",
              "documenter", "corriger", "chiffrer", "programmer", "trouver", "lancer"],
    "deferrals": ["à revoir", "reporté", "reportée", "à suivre", "voir plus haut", "néant", "rien",
                  "en attente", "à rediscuter"],
    "undecided": [
        "à décider", "à valider", "reste à", "en attente", "pas encore", "non validé",
        "non validée", "pas validé", "pas validée", "n'est pas", "n’est pas", "ne sont pas",
        "si", "proposition de", "propose", "proposé", "à confirmer", "à voir", "devrait",
        "pourrait", "faudrait", "serait", "attendu", "attendue", "à trancher", "à arbitrer",
    ],
    "not_people": [
        "le", "la", "les", "l", "un", "une", "des", "il", "elle", "ils", "elles", "on", "nous",
        "vous", "je", "ce", "cette", "ces", "cela", "ça", "tout", "tous", "chacun", "chaque",
        "personne", "prochaine", "prochain", "réunion", "séance", "point", "sujet", "action",
        "décision", "projet", "équipe", "groupe", "comité", "bureau", "conseil", "site",
        "budget", "document", "et", "ou", "mais", "donc", "aussi", "puis", "aujourd'hui",
        "demain", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "qui", "que", "quoi", "quand", "où", "comment", "pourquoi", "en", "pour", "avec", "sur",
        "premier", "première", "ensuite", "enfin",
    ],
    "not_tasks": ["être", "etre", "pas", "absent", "absente", "probablement", "partir", "quitter la réunion"],
    "weekdays": [["lundi"], ["mardi"], ["mercredi"], ["jeudi"], ["vendredi"], ["samedi"],
                 ["dimanche"]],
    "units": {1: ["jour", "jours", "j"], 7: ["semaine", "semaines", "sem"], 30: ["mois"]},
    "numbers": {2: ["deux"], 3: ["trois"], 4: ["quatre"], 5: ["cinq"],
                6: ["six"]},
    "next_meeting": [r"prochaine? (?:réunion|reunion|séance|seance|weekly|point|comité|copil|"
                     r"rencontre|ag|assemblée)"],
    "end_of": [r"(?:d['’]ici |avant )?(?:la )?fin(?: de| du| d['’])?"],
    "this_month": ["mois", "ce mois", "du mois"],
    "end_of_week": [r"fin de (?:la )?semaine", r"cette semaine"],
    "next_week": [r"semaine prochaine", r"la semaine prochaine", r"sous huitaine", r"d'ici une semaine"],
    "tomorrow": [r"\bdemain\b"],
    "today": [r"\baujourd['’ ]hui\b", r"\bce jour\b"],
}

#: Every language the sentence rules read, by code.
LANGUAGES: dict[str, dict] = {"en": ENGLISH, "fr": FRENCH}


def words(key: str) -> list[str]:
    """Return the fragments listed under ``key`` in every language (order kept, no repeats)."""
    found: dict[str, None] = {}
    for table in LANGUAGES.values():
        for word in table.get(key, []):
            found[word] = None
    return list(found)


def _merged_lists(key: str) -> list[list[str]]:
    """Return the weekday name lists of every language, merged day by day."""
    days: list[list[str]] = [[] for _ in range(7)]
    for table in LANGUAGES.values():
        for index, names in enumerate(table.get(key, [])):
            days[index].extend(names)
    return days


def _merged_maps(key: str) -> dict[int, list[str]]:
    """Return a number -> words mapping merged over every language."""
    merged: dict[int, list[str]] = {}
    for table in LANGUAGES.values():
        for value, names in table.get(key, {}).items():
            merged.setdefault(value, []).extend(names)
    return merged


class Relative(TypedDict):
    """The vocabulary of relative due dates: day names, unit and number words, phrase fragments."""

    weekdays: list[list[str]]  # by weekday, Monday first
    units: dict[int, list[str]]  # days in one unit -> its words
    numbers: dict[int, list[str]]  # value -> its words
    next_meeting: list[str]
    end_of: list[str]
    this_month: list[str]
    end_of_week: list[str]
    next_week: list[str]
    tomorrow: list[str]
    today: list[str]


#: The vocabulary of relative due dates, merged over the languages (see relative_dates.py).
RELATIVE: Relative = {
    "weekdays": _merged_lists("weekdays"),
    "units": _merged_maps("units"),
    "numbers": _merged_maps("numbers"),
    "next_meeting": words("next_meeting"),
    "end_of": words("end_of"),
    "this_month": words("this_month"),
    "end_of_week": words("end_of_week"),
    "next_week": words("next_week"),
    "tomorrow": words("tomorrow"),
    "today": words("today"),
}
