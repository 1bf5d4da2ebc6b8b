"""Decisions and actions written as sentences, found by one ordered table of rules.

Labelled lines (``ACTION:``, ``Decision:``) and sections that say what they hold are read
elsewhere; this table reads what remains: a note sentence such as "The board agreed that the
budget ...", "Priya will send the draft" or "Il est décidé de ...". Each rule is a row of
:data:`RULES`: a name, the kind it finds, the pattern (built from the words of
``phrases.py``) and the handler that turns a match into a :class:`Finding` or declines it.
The first rule whose handler accepts a sentence decides; a sentence no rule accepts stays in
the notes, which keeps precision high.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from docgen.readers.markdown_minutes.phrases import FRENCH_FUTURES, words
from docgen.readers.markdown_minutes.vocab import norm


@dataclass(frozen=True)
class Finding:
    """A decision or an action read from one sentence, and the rule that read it."""

    kind: str  # "decision" or "action"
    text: str
    rule: str
    owner: str | None = None


@dataclass
class People:
    """Who the notes name, to tell a person ("Priya will ...") from a thing ("GitHub will ...")."""

    names: set[str] = field(default_factory=set)  # normalised full names, first names, handles
    initials: dict[str, str] = field(default_factory=dict)  # "jd" -> "Jane Doe"

    def add(self, name: str, handle: str | None = None) -> None:
        """Index one attendee by full name, first and last name, handle and initials.

        The last name counts too: "Bouyssou Melvin" (written family name first) is "Melvin".
        """
        key = norm(name)
        if not key:
            return
        self.names.update({key, key.split(" ")[0], key.split(" ")[-1]})
        if handle:
            self.names.add(norm(handle).lstrip("@"))
        parts = key.split()
        if len(parts) >= 2:
            self.initials.setdefault("".join(p[0] for p in parts), name)

    def resolve(self, who: str) -> str | None:
        """Return the owner ``who`` names when it is an attendee or their initials, else None."""
        key = norm(who).lstrip("@")
        if key in self.names:
            return who.strip()
        if re.fullmatch(r"[A-Z]{2,3}", who.strip()):
            return self.initials.get(key)
        return None


def _alternatives(key: str) -> str:
    """Return the words of ``key`` (every language) as one case-blind group, longest first.

    Only the words ignore case: names in the patterns must be capitalised ("Priya will").
    """
    return "(?i:" + "|".join(sorted(words(key), key=len, reverse=True)) + ")"


_FLAGS = re.IGNORECASE
_NAME = r"(?:@[\w][\w-]*(?<!-)|@?[A-ZÀ-Ý][\w'’.-]*(?:\s+(?:de\s+|van\s+|von\s+|le\s+)?[A-ZÀ-Ý][\w'’-]*){0,2})"
_NAMES = rf"{_NAME}(?:\s*(?:,|&|\band\b|\bet\b)\s*{_NAME})*"
_SPLIT_NAMES = re.compile(r"\s*(?:,|&|\band\b|\bet\b)\s*")
_UNDECIDED = re.compile(rf"(?<!\w)(?:{_alternatives('undecided')})(?!\w)|\?\s*$", _FLAGS)
_UNDECIDED_REPORTED = re.compile(
    r"(?<!\w)(?i:" + "|".join(sorted((w for w in words("undecided") if w not in ("would", "serait")),
                                      key=len, reverse=True)) + r")(?!\w)|\?\s*$", _FLAGS)
_NOT_PEOPLE = frozenset(norm(w) for w in words("not_people"))
_NOT_TASK = re.compile(rf"(?:{_alternatives('not_tasks')})(?!\w)", _FLAGS)
_MEETING_ROLE = re.compile(rf"(?<!\w){_alternatives('meeting_roles')}(?!\w)")
_NEXT_MEETING = re.compile(r"(?i)\b(?:next meeting|prochaine réunion|prochaine séance|date)\b")
_ANAPHOR = re.compile(rf"^(?:{_alternatives('anaphors')})\W*$")
_NOT_OUR_TASK = re.compile(rf"{_alternatives('not_our_tasks')}(?!\w)")
_WISH = re.compile(r"(?i)\b(?:I|I'd|I'm|we|you|they|if|want|wants|wanted|like|likes|seems?|hopes?|"
                   r"expects?|going|ready|able|happy|used|meant|likely|supposed|would|could|might)\b")
_CONDITION = re.compile(rf"(?<!\w){_alternatives('conditions')}(?!\w)")
#: "Katie seconds.", "Seconded by Dan.": a sentence that only seconds the motion before it.
SECONDING = re.compile(rf"^(?:{'|'.join(words('seconds'))})\s*[.!]?$")
_VOTE_WORD = re.compile(rf"(?<!\w){_alternatives('vote_words')}(?!\w)")
_MAYBE = re.compile(rf"{_alternatives('maybe')}(?!\w)")
# "... needs to be created by the Steering Committee in 2 weeks": the agent owns the task
_AGENT = re.compile(r"^(?:.*?\s)?by\s+(?P<who>(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})")
_POINTS_BACK = re.compile(r"(?i)\b(?:that|it|this|them|those)\s*$")
_NOT_WORD = re.compile(r"(?i)n['’]t\b|\b(?:not|never|no|pas|jamais|aucun|aucune)\b")
_NEGATION = re.compile(r"(?i)(?:not|non|pas|never|jamais|no)\b")
# a verb in the subject makes "... validé" an adjective of a statement, not a verdict
_FINITE_VERB = re.compile(r"(?i)\b(?:is|are|was|were|will|be|been|has|have|had|remains?|stays?|"
                          r"est|sont|était|sera|a|ont|reste|restent|doit|doivent|faut|"
                          r"need|needs|must|should)\b")
# a past tense of its own makes the subject a narrative ("The committee discussed the return and
# noted it was required to be filed", "les seconds brainstormaient sur les projets à lancer")
_NARRATIVE = re.compile(r"(?i)\b(?:was|were|had|did|discussed|noted|mentioned|explained|said|"
                        r"était|étaient|avait|avaient|\w+aient)\b")
#: An ACTION line that only moves its topic ("Revisit next week", "Punt for two weeks").
DEFERRAL = re.compile(rf"^(?:{_alternatives('deferrals')})(?!\w)")
_ADJOURNED = re.compile(r"(?:séance|seance|réunion|reunion|meeting|session)\s+(?:est\s+|is\s+|was\s+)?"
                        r"(?:close|clos|levée|levee|closed|adjourned|ouverte|opened|concluded|ended|"
                        r"clôturée|cloturée|terminée)", _FLAGS)
#: The formalities that open, close and sign formal minutes, which decide nothing: "L'ordre du
#: jour étant épuisé, la séance est levée", "Le présent procès-verbal a été dressé ...", "Fait à
#: Paris, le 9 février", "There being no further business, the meeting was adjourned".
FORMALITY = re.compile(
    rf"{_ADJOURNED.pattern}|l['’]ordre du jour (?:étant|est) épuisé|présent procès-verbal|"
    r"procès-verbal (?:a été |est )?(?:dressé|établi|signé)|^\s*fait à [^,.;]{1,40},(?:[^.;]{0,40},)?\s*le\b|"
    r"there being no (?:further|other) business|^\s*(?:meeting\s+)?adjourned\b", _FLAGS)


#: a task reported done ("Le mail a été envoyé", "The invoice was sent"): news, not a decision
REPORTED_DONE = re.compile(rf"(?<!\w){_alternatives('reported_done')}(?!\w)")


def _decision(match: re.Match, sentence: str, people: People) -> Finding | None:
    """Return the whole sentence as a decision unless it reads as undecided.

    Opening or closing the meeting and naming its secretary are the meeting's business, not
    decisions of the committee.
    """
    if _UNDECIDED.search(sentence) or FORMALITY.search(sentence) or _MEETING_ROLE.search(sentence) or \
            REPORTED.search(sentence):
        return None
    return Finding("decision", sentence, "")


#: A decision reported, not taken: someone tells of it ("Jon notes that the proposals were
#: accepted", "Léa rappelle que ...") or an earlier meeting took it ("Au dernier COPIL il a été
#: acté que ...", "At the last meeting it was agreed ...").
REPORTED = re.compile(
    r"(?i)\b(?:notes?|noted|reports?|reported|mentions?|mentioned|says|said|explains?|explained|"
    r"informs?|informed|recalls?|recalled|reminds?|reminded|rappelle|rappellent|informe|informent|"
    r"indique|indiquent|explique|expliquent|signale|signalent|précise|annonce|annoncent)\s+"
    r"(?:us\s+|nous\s+)?(?:that|que|qu['’])|"
    r"\b(?:at|during|in)\s+the\s+(?:last|previous|prior)\s+(?:meeting|session|call|board|committee|"
    r"copil|ag|agm)\b|\b(?:au|lors\s+du|lors\s+de\s+la|à\s+la|pendant\s+la|pendant\s+le)\s+"
    r"(?:dernier|dernière|précédent|précédente)\s+(?:réunion|copil|comité|conseil|ca|ag|séance|bureau)\b")


def _motion(match: re.Match, sentence: str, people: People) -> Finding | None:
    """Return a motion that carried as a decision, however its wording hedges.

    "Simon moved that the group would recognise web sign-ups; Dan seconded; and the motion was
    carried": the "would" is the motion's reported speech, the outcome is stated. Only a
    condition, a pending outcome, a negation or a question keeps it from being decided.
    """
    if _CONDITION.search(sentence) or _NOT_WORD.search(sentence) or sentence.endswith("?") or \
            FORMALITY.search(sentence) or _TIME_PASSED.search(sentence):
        return None
    return Finding("decision", sentence, "")


# "Proposal deadline has passed": time went by, nothing was voted
_TIME_PASSED = re.compile(r"(?i)\b(?:deadline|due date|date|time|period|window|term|délai|date limite|"
                          r"échéance)\s+(?:has\s+|have\s+|had\s+|is\s+|was\s+)?(?:now\s+|already\s+)?"
                          r"pass(?:ed|es)\b")


def _unanimous(match: re.Match, sentence: str, people: People) -> Finding | None:
    """Return a sentence saying a vote was unanimous as a decision (not "unanimement salués").

    Unanimity decides when the sentence votes or decides ("adopted unanimously", "Vote :
    unanimité") or only states the outcome ("Unanimous."); otherwise it is a shared opinion.
    """
    if len(sentence.split()) > 4 and not _VOTE_WORD.search(sentence):
        return None  # "L'ADEM est unanimement opposée au projet": an opinion
    return _decision(match, sentence, people)


def _decision_rest(match: re.Match, sentence: str, people: People) -> Finding | None:
    """Return what follows an impersonal opening ("it was agreed to X" -> "X") as a decision.

    After a past "agreed that", "would" reports what was agreed ("It was agreed that the board
    would vote on ...", "il a été décidé que la réunion serait mensuelle"), not a hedge.
    """
    if _UNDECIDED_REPORTED.search(match.group("rest")) or REPORTED.search(sentence):
        return None
    rest = match.group("rest").strip(" ,:")
    if len(rest.split()) < 2:
        return None
    advised = _ADVISED.match(rest)
    if advised and (people.resolve(advised.group("who")) or not _NAME_FIRST.match(advised.group("who"))):
        task = advised.group("task")
        return Finding("action", task[:1].upper() + task[1:], "", advised.group("who"))
    return Finding("decision", rest[:1].upper() + rest[1:], "")


_LEAD_HEDGE = re.compile(r"(?i)\b(?:if|whether|unless|not|never|si|pas|jamais|when|once|quand|lorsqu)\b|"
                         r"^(?i:[a-z]+\s+)?(?:he|she|they|il|elle|ils|elles|someone|quelqu)\b")


def _decision_after_lead(match: re.Match, sentence: str, people: People) -> Finding | None:
    """Return "Pour la partie RGPD, il a été décidé de l'inclure" as a decision, written whole.

    Not after a condition or a negation ("If it was decided ...", "Je ne crois pas qu'il ait été
    décidé"), nor what someone reports ("She said it was agreed").
    """
    if _LEAD_HEDGE.search(match.group("lead")) or len(match.group("lead").split()) > 12:
        return None
    found = _decision_rest(match, sentence, people)
    return Finding("decision", sentence.rstrip("."), "") if found is not None and found.kind == "decision" else found


def _answered(match: re.Match, sentence: str, people: People) -> Finding | None:
    """Return "Changes to the checker to enforce this? Yes." as a decision: the question and its answer.

    Only a question asked of the meeting (opening on an auxiliary or a noun phrase, not "Who
    ...?", "What ...?"), answered yes or no in the same line.
    """
    question = match.group("question").strip()
    if _OPEN_QUESTION.match(question) or _one_assents(question.rstrip("?"), sentence, people):
        return None
    return Finding("decision", sentence.rstrip("."), "")


# not asked of the meeting: "Who ...?", a speaker's own question ("Léa: is it ready?"), "Do you ...?"
# nor a check of a state or a formality: "Did the build pass? Yes", "Is there quorum? Yes", "Any
# other business? No", "Des questions ? Non"
_OPEN_QUESTION = re.compile(r"(?i)^(?:who|what|when|where|why|how|which|qui|quoi|quand|où|pourquoi|comment|"
                            r"quel|quelle|did|does|was|were|has|have|is there|are there|any|anything|"
                            r"y a-t-il|des questions|questions|autres? questions?|divers)\b|"
                            r"^[^\s:]+(?:\s[^\s:]+)?\s*:\s|\b(?:you|vous|tu|quorum)\b")


# "It is agreed that the committee should survey attendees": what someone should do is their task
# ("... that CI & CMake should be processed first" is what was agreed)
_BODIES = "|".join(sorted((w for w in words("bodies") if w not in ("we", "nous", "on", "all", "tous")),
                          key=len, reverse=True))
_ADVISED = re.compile(rf"^(?P<who>(?i:(?:the\s+)?(?:{_BODIES})|{_alternatives('officers')})|{_NAME})\s+"
                      rf"{_alternatives('advised')}\s+(?!{_alternatives('not_tasks')}\b)(?P<task>\w.+)$")
_NAME_FIRST = re.compile(r"[A-ZÀ-Ý]")


def _decided_without_subject(match: re.Match, sentence: str, people: People) -> Finding | None:
    """Return "Selected Wednesday noon PT as meeting time" as a decision: the meeting's own act.

    A verb after it makes the participle an adjective ("Selected papers are listed below"), and
    an agent other than the meeting makes it a report ("Approved by the city").
    """
    if _FINITE_VERB.search(match.group("rest")) or _by_others(sentence, people):
        return None
    return _decision(match, sentence, people)


def _short_verdict(match: re.Match, sentence: str, people: People) -> Finding | None:
    """Return "Bilan financier validé." as a decision: a short noun phrase and a participle."""
    subject = match.group("subject")
    if len(subject.split()) > 12 or _NEGATION.match(subject) or _FINITE_VERB.search(subject) or \
            _by_others(sentence, people) or _DETERMINER_LAST.search(subject):
        return None  # "Le reste à faire est conforme au budget validé": a verb, a statement
    return _decision(match, sentence, people)


# "Des argumentaires à destination des élus", "a letter to the elected": after an article the
# participle is a noun (the elected officials), no verdict
_DETERMINER_LAST = re.compile(rf"(?:^|\s){_alternatives('determiners')}$")


def _passive_verdict(match: re.Match, sentence: str, people: People) -> Finding | None:
    """Return "The budget was approved by the board" as a decision, unless others took it."""
    if _by_others(sentence, people):
        return None
    return _decision(match, sentence, people)


# "endorsed by community", "organisée par l'ADEM": the agent of a passive verdict
_BY = re.compile(r"(?i)\b(?:by|par)\s+(?:the\s+|l['’]|le\s+|la\s+|les\s+)?(?P<who>@?\w[\w'’-]*)")
_OURS = frozenset(norm(w) for w in words("bodies") + words("means"))


def _by_others(sentence: str, people: People) -> bool:
    """Return whether a verdict names as its agent someone other than the meeting or an attendee.

    "Vision endorsed by community", "La soirée est organisée par l'ADEM": reported, not decided
    here. "Approved by the board", "by Tom", "by email" are the meeting's own.
    """
    agent = _BY.search(sentence)
    if agent is None:
        return False
    who = agent.group("who")
    return norm(who) not in _OURS and people.resolve(who) is None


def _owner(who: str, people: People, strict: bool) -> str | None:
    """Return the owner(s) ``who`` names, joined by ", ", or None when one is not a person.

    A name is a person when it is an attendee (or their initials); with ``strict`` False, a
    capitalised first word that is not a function word ("The", "GitHub") is taken too.
    """
    owners = []
    for name in _SPLIT_NAMES.split(who.strip()):
        resolved = people.resolve(name)
        key = norm(name).lstrip("@")
        # "@bob to send ...": a handle names a person ("@here", "@everyone", "@channel" do not)
        handle = name.strip().startswith("@") and len(key) > 1 and key not in _GROUP_MENTIONS
        if resolved is None and not handle and (strict or not key or key.split(" ")[0] in _NOT_PEOPLE
                                 or name.isupper() and len(name) > 3 or _PRODUCT.match(name)):
            return None
        owners.append(resolved or name.strip())
    return ", ".join(owners) if owners else None


# "CMake", "JupyterGIS", "PyPI": capitals inside a word name a product (not "McKay", "DeShawn")
_PRODUCT = re.compile(r"^\s*@?(?!(?:Mc|Mac|De|Di|Du|La|Le|Van|Von)[A-Z])"
                      r"(?:[A-Z]{2,}[a-z]|\w*[a-z][A-Z])")


def _assignment(match: re.Match, sentence: str, people: People) -> Finding | None:
    """Return "Priya will send the draft" as Priya's action "Send the draft"."""
    task = match.group("task").strip()
    if _NOT_TASK.match(task) or len(task.split()) < 2 or task.endswith("?"):
        return None
    verb = match.group("verb").strip().lower()
    # "Tom to book", "Léa doit": short verbs read as tasks only after a known attendee
    strict = verb in _STRICT_VERBS or bool(_FUTURE.fullmatch(verb))
    owner = _owner(match.group("who"), people, strict)
    if owner is None:
        return None
    if _FUTURE.fullmatch(verb):  # the future carries the task's verb: "Léa enverra le rapport"
        return Finding("action", sentence.rstrip("."), "", owner)
    return Finding("action", task[:1].upper() + task[1:], "", owner)


_GROUP_MENTIONS = frozenset({"here", "everyone", "channel", "all", "team", "room"})
_STRICT_VERBS = ("to", "is to", "are to", "doit", "doivent", "va", "vont", "needs to", "has to", "have to")
# a French verb in the future, which the "will" list reads as an assignment
_FUTURE = re.compile("|".join(re.escape(form) for form in sorted(FRENCH_FUTURES, key=len, reverse=True)),
                     re.IGNORECASE)


_ARROWS = "→|->|=>|⇒|➜|➡️?"


def _arrow_assignment(match: re.Match, sentence: str, people: People) -> Finding | None:
    """Return "→ Bob: send the report" / "Léa → relancer le fournisseur" as the attendee's task."""
    task = (match.group("task") or match.group("task2")).strip()
    if _NOT_TASK.match(task) or len(task.split()) < 2 or task.endswith("?"):
        return None
    owner = _owner(match.group("who") or match.group("who2"), people, True)
    if owner is None:
        return None
    return Finding("action", task[:1].upper() + task[1:], "", owner)


def _nick_assignment(match: re.Match, sentence: str, people: People) -> Finding | None:
    """Return "lrn will follow up" / "..., leafp to follow up" as the sentence, the attendee's action.

    A lower-case word owns a task only when it is an attendee's nick as written ("leafp@").
    """
    task = match.group("task").strip()
    owner = people.resolve(match.group("who"))
    if owner is None or _NOT_TASK.match(task) or task.endswith("?") or sentence.endswith("?"):
        return None
    return Finding("action", sentence.rstrip("."), "", owner)


_NO_COMMITMENT = re.compile(r"(?i)(?:like|love|prefer|rather|have|need|want)\b")
_BODY_SUBJECT = re.compile(r"(?i)(?:the|les|le|la)\s")


def _reported_commitment(match: re.Match, sentence: str, people: People) -> Finding | None:
    """Return "Simon said he would check in with Katie" as the sentence, an action Simon owns.

    A person or a body ("The supervisors stated they would look into it") reported as saying
    they would do something took it on; not a wish ("said she would like to ...").
    """
    task = match.group("task").strip()
    if _NOT_TASK.match(task) or _NO_COMMITMENT.match(task) or len(task.split()) < 2 or \
            sentence.endswith("?"):
        return None
    who = match.group("who").strip()
    owner = who if _BODY_SUBJECT.match(who) else _owner(who, people, False)
    if owner is None:
        return None
    return Finding("action", sentence.rstrip("."), "", owner)


def _bare_imperative(match: re.Match, sentence: str, people: People) -> Finding | None:
    """Return "Talk to the French team about their plans" as a task without an owner."""
    if sentence.endswith("?") or len(sentence.split()) < 4 or _MAYBE.search(sentence):
        return None
    return Finding("action", sentence.rstrip("."), "")


def _raised(match: re.Match, sentence: str, people: People) -> Finding | None:
    """Return "An action was raised to X" as the action X (its owner when one is named)."""
    task = match.group("task").strip()
    if len(task.split()) < 2:
        return None
    who = match.groupdict().get("who")
    return Finding("action", task[:1].upper() + task[1:], "", who)


def _obligation(match: re.Match, sentence: str, people: People) -> Finding | None:
    """Return "The conventions must be sent to the coaches" as an action without an owner."""
    subject = match.group("subject")
    if _UNDECIDED.search(subject) or _NEXT_MEETING.search(subject) or _NOT_WORD.search(subject) or \
            _NARRATIVE.search(subject):
        return None
    agent = _AGENT.search(sentence[match.end():] if match.end() < len(sentence) else "")
    return Finding("action", sentence, "", agent.group("who").strip() if agent else None)


def _future_task(match: re.Match, sentence: str, people: People) -> Finding | None:
    """Return "Le wiki sera mis à jour pour l'année suivante" as a task without an owner.

    Not when the subject denies it ("Aucune page ne sera créée"), hedges it or tells a past.
    """
    subject = match.group("subject")
    if _NOT_WORD.search(subject) or _NARRATIVE.search(subject) or _NEXT_MEETING.search(subject) or \
            _UNDECIDED.search(sentence) or _HEDGED.search(sentence) or sentence.endswith("?"):
        return None
    return Finding("action", sentence, "")


_HEDGED = re.compile(rf"(?<!\w){_alternatives('maybe')}(?!\w)")


def _needed(match: re.Match, sentence: str, people: People) -> Finding | None:
    """Return "Il faudra régler le problème d'ARTEMIS" as the task "Régler le problème d'ARTEMIS"."""
    task = match.group("task").strip()
    if _MAYBE.match(task) or len(task.split()) < 2 or task.endswith("?") or _SAYING.match(task):
        return None
    return Finding("action", task[:1].upper() + task[1:], "")


# "il faut dire que la salle est chère": a turn of phrase after "il faut", not a task
_SAYING = re.compile(rf"{_alternatives('figures_of_speech')}(?!\w)")


def _need_to(match: re.Match, sentence: str, people: People) -> Finding | None:
    """Return "Need to send out the invitation for the talk" as a task (not "need to consider that")."""
    task = match.group("task").strip().rstrip(".")
    if len(task.split()) < 3 or _POINTS_BACK.search(task):
        return None
    return _needed(match, sentence, people)


def _group_task(match: re.Match, sentence: str, people: People) -> Finding | None:
    """Return "The members must agree on the date" as the members' task."""
    task = match.group("task").strip()
    if len(task.split()) < 2 or task.endswith("?") or _NOT_TASK.match(task):
        return None
    return Finding("action", task[:1].upper() + task[1:], "", match.group("who").strip())


def _our_task(match: re.Match, sentence: str, people: People) -> Finding | None:
    """Return "We will send the invitation" / "Nous amènerons les ecocups" as a task without owner."""
    task = match.group("task").strip()
    if _NOT_OUR_TASK.match(task) or len(task.split()) < 2 or task.endswith("?") or \
            _UNDECIDED.search(task):
        return None
    return Finding("action", sentence, "")


def _passive_task(match: re.Match, sentence: str, people: People) -> Finding | None:
    """Return "Reminder email to be sent" as a task without owner (not a question or a wish)."""
    subject = match.group("subject")
    if _NEXT_MEETING.search(subject) or _NOT_WORD.search(subject) or sentence.endswith("?") or \
            _WISH.search(subject) or _NARRATIVE.search(subject) or _EMBEDDED.search(subject) or \
            _OWN_VERB.search(subject) or _TO_BE_TALKED.search(sentence, match.start("subject")):
        return None  # "since I want to be framed", "it seems to be fixed": not a task
    agent = _AGENT.search(sentence[match.end():])
    return Finding("action", sentence, "", agent.group("who").strip() if agent else None)


# "the topic to be discussed during the meeting": what is to be talked about is an agenda, no task
_TO_BE_TALKED = re.compile(r"(?i)\bto be (?:discussed|debated|considered|presented|addressed|covered|talked about)\b")
# "PR for removing warnings, allowing warnings to be treated as errors, is complete": the
# subject has a verb of its own (a finite verb, or a clause on "allowing"), the infinitive is
# its complement, not a task ("Content needs to be created" is one: the obligation is the task)
_EMBEDDED = re.compile(r"(?i)\b(?:allowing|allows?|enabling|causing)\b")
_OWN_VERB = re.compile(r"(?i)\b(?:is|are|was|were|will|shall|should|been|had|remains?|stays?)\b")


def _provisional(match: re.Match, sentence: str, people: People) -> Finding | None:
    """Return "Let's stick with the wiki for now" as a decision, taken until further notice.

    Not a question, a hedge ("we could ... for now", "it can always change"), an opinion
    ("this is fine for now") or a state the sentence only describes ("still", a past tense).
    """
    if sentence.endswith("?") or _UNDECIDED.search(sentence) or _NARRATIVE.search(sentence) or \
            _STATE.search(sentence) or len(sentence.split()) > 25:
        return None
    return Finding("decision", sentence, "")


def _postponed(match: re.Match, sentence: str, people: People) -> Finding | None:
    """Return "Unit testing will be pushed to sprint 4" as a decision: a postponement settled.

    Not a suggestion, a hedge, a denial or a question ("Should the vote be deferred?").
    """
    subject = match.group("subject") or ""
    if sentence.endswith("?") or _NOT_WORD.search(subject) or _MAYBE.search(sentence) or \
            _CONDITION.search(sentence) or _SUGGESTED.search(subject):
        return None
    return _decision(match, sentence, people)


_SUGGESTED = re.compile(r"(?i)\b(?:suggest\w*|propos\w*|idea|idée|maybe|peut-être)\b")
_STATE = re.compile(r"(?i)\b(?:still|currently|already|yet|can|cannot|can't|"
                    r"(?:is|are|seems?|looks?) (?:fine|ok|okay|good|enough))\b")


_ONE_ASSENT = re.compile(rf"[:=>→-]\s*{_alternatives('chorus_assent')}\s*[.!]?$")


def _one_assents(subject: str, sentence: str, people: People) -> bool:
    """Return whether "SUBJECT: agreed" is a speaker's own assent (an attendee or capital initials)."""
    speaker = bool(re.fullmatch(r"[A-Z]{2,4}", subject)) or people.resolve(subject) is not None
    return speaker and bool(_ONE_ASSENT.search(sentence))


def _yes(match: re.Match, sentence: str, people: People) -> Finding | None:
    """Return "Installation de librenms => oui" as the decision "Installation de librenms : oui".

    "USA: Agreed.", "Marie : d'accord" are no decision: a speaker's turn (an attendee, or initials
    in capitals), one person's assent.
    """
    subject = match.group("subject").strip()
    if len(subject.split()) > 12 or _FINITE_VERB.search(subject) or _one_assents(subject, sentence, people):
        return None
    if _STATUS_OK.search(sentence) and not _ASKED.search(subject):
        return None  # "Saisie de la marée : OK": a field's status in a review, not a choice
    return Finding("decision", sentence, "")


# "Adaptation à iOS : OK", "Login: yes": after a colon, a bare yes is a status; an arrow settles
_STATUS_OK = re.compile(r"[:：]\s*(?i:ok|okay|yes|oui|go)\s*[.!]?$")
# ... unless what it answers was asked: "Do we move to Postgres: yes", "Go / no-go for the release: go"
_ASKED = re.compile(r"\?|^(?i:do|does|should|shall|can|could|will|is|are)\s+(?i:we|the|it)\b|"
                    r"^(?i:est-ce qu|faut-il|doit-on|peut-on|va-t-on)|(?i:go\s*/\s*no[- ]?go)")


@dataclass(frozen=True)
class LineRule:
    """One row of the table: what it finds, the pattern of the sentence and its handler."""

    name: str
    kind: str
    pattern: re.Pattern
    handler: Callable[[re.Match, str, People], Finding | None]


def _compile(pattern: str) -> re.Pattern:
    return re.compile(pattern)


_PASSIVE = _alternatives("passive")
_VERDICT = _alternatives("verdicts")
_IS = r"(?i:is|are|was|were|has been|have been|est|sont|a été|ont été|sera|seront)"
_ADVERB = (r"(?i:(?:unanimously|formally|officially|hereby|also|finally|provisionally|"
           r"à l['’]unanimité|officiellement|également|finalement)\s+)?")

#: "Thierry: prepare post(s) for the website": a name, a colon, a task in the imperative
TASK_AFTER_NAME = re.compile(rf"^(?:\[[ xX]?\]\s+)?(?P<who>{_NAMES})\s*:\s+(?P<task>"
                             rf"{_alternatives('task_verbs')}\s+\S.*)$")

# what opens a noun phrase, not a verb: "invited to the party"
_DETERMINER = r"(?i:the|a|an|our|this|their|la|le|les|un|une|notre|nos|leur|leurs)\b|(?i:l)['’]"

#: The rules, in the order they are tried: assignments first (a sentence naming who will do
#: something is an action even when it says "agreed"), then decisions from the most explicit
#: form (an impersonal "it was decided") to the shortest ("Budget approved.").
RULES: tuple[LineRule, ...] = (
    LineRule("action raised without owner", "action",
             _compile(rf"^(?:{_alternatives('raised')})\s+(?P<task>.+)$"), _raised),
    LineRule("everyone invited to", "action",
             # a verb follows: "invited to the party" is an invitation, not a task
             _compile(rf"^(?:{_alternatives('invited')})\s*(?P<task>(?!{_DETERMINER})\w.+)$"), _raised),
    LineRule("named person will do", "action",
             _compile(rf"^(?P<who>{_NAMES})\s+(?P<verb>{_alternatives('will')})(?:\s+|(?<=['’]))"
                      rf"(?P<task>.+)$"),
             _assignment),
    LineRule("arrow to an attendee", "action",
             # "→ Bob: send the report", "Léa → relancer le fournisseur": an arrow hands over a task
             # in the imperative ("Rich => separate issue", a speaker's turn, stays a note)
             _compile(rf"^(?:{_ARROWS})\s*(?P<who>{_NAMES})\s*(?::|\s(?:to|will|doit|va)\b)\s*"
                      rf"(?P<task>{_alternatives('task_verbs')}\s+\S.*)$|"
                      rf"^(?P<who2>{_NAMES})\s*(?:{_ARROWS})\s*(?P<task2>{_alternatives('task_verbs')}\s+\S.*)$"),
             _arrow_assignment),
    LineRule("it is a named person who will do", "action",
             # "C'est Jean-Félix qui prend en charge la définition du planning"
             _compile(rf"^(?i:c['’]est|it is|it's)\s+(?P<who>{_NAMES})\s+(?i:qui|who)\s+"
                      rf"(?P<verb>{_alternatives('will')})(?:\s+|(?<=['’]))(?P<task>.+)$"),
             _assignment),
    LineRule("attendee nick will do", "action",
             _compile(rf"^(?:[^.;:?]{{3,120}}?,\s+)?(?P<who>[a-z][\w.-]{{1,30}}?)@?\s+(?P<verb>{_alternatives('will')})"
                      rf"\s+(?P<task>.+)$"),
             _nick_assignment),
    LineRule("reported commitment", "action",
             _compile(rf"^(?P<who>{_NAMES}|(?i:the|les|le|la)\s+[a-zà-ÿ]+)\s+"
                      rf"{_alternatives('said')}\s+(?i:that\s+|que\s+|qu['’]\s*)?"
                      rf"(?i:he|she|they|il|elle|ils|elles)\s+{_alternatives('would')}\s+(?P<task>.+)$"),
             _reported_commitment),
    LineRule("impersonal decision", "decision",
             # "Après discussion, nous avons décidé de ...": a discussion's close may open it
             _compile(rf"^(?:(?:{_alternatives('after_discussion')})\s*,\s*)?(?:{_alternatives('impersonal')})\b[,:]?\s*"
                      rf"(?i:that\s+|to\s+|de\s+|d['’]|que\s+|qu['’]|on\s+)?(?P<rest>.+)$"),
             _decision_rest),
    LineRule("go or no-go", "decision",
             _compile(rf"^(?:{_alternatives('go_no_go')})\s*\S"), _decision),
    LineRule("impersonal decision after a lead", "decision",
             # "Pour la partie RGPD, il a été décidé de l'inclure", "For the website, it was agreed
             # that ...": a short phrase saying what it is about may come first (not a subject:
             # "The Board agreed that ..." is the body's)
             _compile(rf"^(?P<lead>{_alternatives('about')}\s[^.;:?!]{{2,80}}?),?\s+(?:{_alternatives('impersonal')})\b[,:]?\s*"
                      rf"(?i:that\s+|to\s+|de\s+|d['’]|que\s+|qu['’]|on\s+)?(?P<rest>.+)$"),
             _decision_after_lead),
    LineRule("question answered", "decision",
             # "Changes to the checker to enforce this? Yes.", "Should a member vote be required? No,
             # too complicated": a question the meeting answered in the same line
             # (the answer alone, or before a reason: "No, too complicated"; "non prioritaire" is no answer)
             _compile(rf"^(?P<question>[^?]{{8,160}}\?)\s*(?P<answer>{_alternatives('answers')})"
                      rf"(?:\s*[,.;:!—–-]\s*(?P<why>.*)|[\s.!]*)$"),
             _answered),
    LineRule("decided, without subject", "decision",
             # "Selected Wednesday noon PT as meeting time", "Decided to move the call": the meeting's act
             _compile(rf"^(?:{_alternatives('did_decide')})\s+(?P<rest>\w.+)$"), _decided_without_subject),
    LineRule("no objection", "decision",
             _compile(rf"^(?:{_alternatives('no_objection')})(?:\s*;\s*|\s+(?i:to|à)\s+)(?P<rest>.+)$"),
             _decision_rest),
    LineRule("body decided", "decision",
             # "The LCGC agreed": an organisation written as its acronym is a body too
             _compile(rf"(?:^|,\s*(?i:and|et)\s+)(?i:the\s+|all\s+)?(?:{_alternatives('bodies')}|"
                      rf"(?<=[Tt]he )[A-Z]{{2,6}})\s+"
                      rf"(?i:has\s+|have\s+)?"
                      rf"{_ADVERB}(?:{_alternatives('decided')})(?!\w)"), _decision),
    LineRule("motion carried", "decision",
             _compile(rf"(?:^|\b)(?i:the\s+)?(?:{_alternatives('motions')})\b[^.;]{{0,80}}?"
                      rf"(?<!\w)(?:{_alternatives('motion_verbs')})(?!\w)"), _motion),
    LineRule("named people opted for", "decision",
             _compile(rf"^[^.;:?]{{3,120}}?\s{_alternatives('opted')}\s+\S"), _decision),
    LineRule("motion moved and seconded", "decision",
             _compile(rf"(?<!\w){_alternatives('moved')}"), _motion),
    LineRule("unanimity", "decision",
             _compile(r"(?i:\bunanimous(?:ly)?\b|à l['’]unanimité|unanimement)"), _unanimous),
    LineRule("mark of assent", "decision",
             _compile(rf"[(\[—–-]\s*{_alternatives('assent')}(?!\w)[^()\[\]]{{0,60}}[)\]]?\s*\.?\s*$"),
             _decision),
    LineRule("subject is approved", "decision",
             _compile(rf"^(?P<subject>.{{3,160}}?)\s+{_IS}\s+{_ADVERB}(?:{_PASSIVE})(?!\w)"),
             _passive_verdict),
    LineRule("subject approved for a purpose", "decision",
             _compile(rf"^(?P<subject>[^.:;]{{3,160}}?)\s+{_ADVERB}(?:{_VERDICT})\s+"
                      rf"(?:{_alternatives('purpose')})\s+\S"), _short_verdict),
    LineRule("verdict before its list", "decision",
             _compile(rf"^(?P<subject>[^.:;]{{3,60}}?)\s+{_ADVERB}(?:{_VERDICT})\s*:\s*\S"),
             _short_verdict),
    LineRule("settled by a yes", "decision",
             _compile(rf"^(?P<subject>[^.:;=>→]{{3,100}}?)\s*(?:=>|→|->|:)\s*"
                      rf"{_alternatives('yes')}\s*[.!]?$"), _yes),
    LineRule("next step", "action",
             _compile(rf"^{_alternatives('next_step')}\s*(?P<task>.+)$"), _needed),
    LineRule("it is needed", "action",
             _compile(rf"(?:^|[,;]\s+(?i:(?:et|mais|donc|and|so|but)\s+)?|\s(?i:et|mais|donc|and|but)\s+)"
                      rf"(?:{_alternatives('it_is_needed')})\s+(?:{_alternatives('hedges')}\s+)*"
                      rf"(?P<task>.+)$"), _needed),
    LineRule("need to, without subject", "action",
             _compile(rf"^{_alternatives('need_to')}\s+(?P<task>(?!be\b)\w.+)$"), _need_to),
    LineRule("a group must do", "action",
             # "Le président et le trésorier doivent ...": officers, alone or two together
             _compile(rf"^(?P<who>{_alternatives('groups')}|{_alternatives('officers')}"
                      rf"(?:\s+(?i:et|and)\s+{_alternatives('officers')})?)\s+"
                      rf"(?:{_alternatives('obligations')}|{_alternatives('charged_with')})\s+(?!be\b|être\b)"
                      rf"(?P<task>.+)$"), _group_task),
    LineRule("we will do", "action",
             _compile(rf"^{_alternatives('we_will')}\s*(?P<task>.+)$"), _our_task),
    LineRule("to be done", "action",
             _compile(rf"^(?P<subject>[^.:;?]{{3,120}}?)\s+{_alternatives('to_be')}\s+"
                      rf"(?i:\w+ed|\w+en|sent|done|made|set up|held|shared|written|put|run|kept)"
                      rf"(?!\w)"), _passive_task),
    LineRule("must be done", "action",
             _compile(rf"^(?P<subject>[^.;]{{3,120}}?)\s+{_alternatives('obligations')}\s+"
                      rf"{_alternatives('be')}\s+(?i:\w+(?:é|ée|és|ées|ed|en|t))\s+\S"),
             _obligation),
    LineRule("still to be done", "action",
             _compile(rf"^(?P<subject>[^.:;]{{3,120}}?)\s+(?i:(?:reste|restent)\s+(?:encore\s+)?)?à\s+"
                      rf"{_alternatives('to_do')}\s*[.!]?$"),
             _obligation),
    LineRule("provisional choice", "decision",
             _compile(rf"(?<!\w){_alternatives('provisional')}(?!\w)"), _provisional),
    LineRule("postponed to later", "decision",
             _compile(rf"^(?:(?P<subject>[^.:;?]{{3,120}}?)\s+(?:{_IS}|(?i:will be|shall be|has been))\s+"
                      rf"{_ADVERB}(?i:(?:donc|therefore|then|ensuite)\s+)?(?:{_alternatives('postponed')})"
                      rf"|{_alternatives('we_postpone')})(?!\w)[^.;?]{{0,80}}?\s"
                      rf"(?i:to|until|till|after|à|au|aux|jusqu['’]\w*|pour|après)\s"), _postponed),
    LineRule("short verdict", "decision",
             _compile(rf"^(?P<subject>[^.:;]{{3,100}}?)\s+{_ADVERB}(?:{_VERDICT})\s*[.!]?$"),
             _short_verdict),
    LineRule("bare imperative", "action",
             _compile(rf"^{_alternatives('bare_imperatives')}\s+\S"), _bare_imperative),
    LineRule("will be done", "action",
             _compile(rf"^(?P<subject>[^.:;?]{{3,120}}?)\s+{_alternatives('will_be')}\s+"
                      rf"(?i:(?:donc|également|aussi|bientôt|rapidement|ensuite)\s+)?"
                      rf"{_alternatives('done_by_someone')}(?!\w)"), _future_task),
)

# (a question and the meeting's answer stay one sentence: "Enforce this in the checker? Yes.")
_SENTENCE_END = re.compile(r"(?<=[.!])\s+(?=[A-ZÀ-Ý\"“«(])|"
                           r"(?<=\?)\s+(?=[A-ZÀ-Ý\"“«(])(?!(?:Yes|No|Oui|Non|Agreed|Approved|Rejected)\b)")
_MARKUP = re.compile(r"\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)|`")


def sentences(text: str) -> list[str]:
    """Return the sentences of a note (Markdown emphasis removed, wrapped lines joined).

    A line break ends a sentence when the line ends with closing punctuation, or when the next
    line opens with a capital and the line does not end on a word that needs a sequel ("and",
    "the", "de"...): "Other SIGs need to add theirs" / "Prasanth to see how ..." are two.
    """
    lines = [line.strip() for line in _MARKUP.sub("", text).split("\n") if line.strip()]
    parts: list[list[str]] = []  # the lines of each part, joined once (linear on long paragraphs)
    for line in lines:
        if parts and not _ENDS_SENTENCE.search(parts[-1][-1]) and \
                not _opens_sentence(parts[-1][-1], line):
            parts[-1].append(line)
        else:
            parts.append([line])
    return [s.strip() for part in parts for s in _SENTENCE_END.split(" ".join(" ".join(part).split()))
            if s.strip()]


_ENDS_SENTENCE = re.compile(r"[.!?]\s*$")
_SEQUEL = re.compile(r"(?i)\b(?:and|or|but|the|a|an|of|to|with|for|by|in|on|at|that|which|"
                     r"et|ou|mais|le|la|les|un|une|des|du|de|d'|à|au|aux|avec|pour|par|en|"
                     r"sur|que|qui)\s*$|[,;(\-–—/&+]\s*$")


def _opens_sentence(previous: str, line: str) -> bool:
    """Return whether ``line`` starts a new sentence after ``previous`` (which has no full stop)."""
    return line[:1].isupper() and not _SEQUEL.search(previous)


def classify(sentence: str, people: People) -> Finding | None:
    """Return the decision or action one sentence states, or None when it is a note.

    A sentence led by a topic's name ("Oakland Mills Sewer: Seth is going to advertise ...")
    is read after it too, for a decision or a task with a named owner.
    """
    sentence = sentence.strip()
    found = _by_rules(sentence, people)
    lead = _TOPIC_LEAD.match(sentence) if found is None else None
    if lead:
        found = _by_rules(lead.group("rest"), people)
        # after a speaker's name, an imperative is what they suggest: only a named owner's task
        if found is not None and found.kind == "action" and not found.owner:
            found = None
    return found


def _by_rules(sentence: str, people: People) -> Finding | None:
    """Return what the first rule accepting ``sentence`` finds, or None."""
    if len(sentence) < 8 or len(sentence) > 600:
        return None
    for rule in RULES:
        match = rule.pattern.search(sentence)
        if match is None:
            continue
        found = rule.handler(match, sentence, people)
        if found is not None:
            return Finding(found.kind, found.text.rstrip(" ."), rule.name, found.owner)
    return None


# "Oakland Mills Sewer: Seth is going to advertise ...": a topic's name leads its sentence
_TOPIC_LEAD = re.compile(r"^(?P<topic>[A-ZÀ-Ý][^:.!?]{1,40}?)\s*:\s+(?P<rest>[A-ZÀ-Ý].{7,})$")


def findings(text: str, people: People) -> list[Finding]:
    """Return every decision and action the sentences of ``text`` state, in order.

    A task that only points back ("Benoit s'est proposé pour le faire", "Tom will do it") is
    the previous sentence's subject.
    """
    found: list[Finding] = []
    previous, previous_found = "", False
    for sentence in sentences(text):
        finding = classify(sentence, people)
        if finding is not None and finding.kind == "action" and _ANAPHOR.match(finding.text):
            finding = _pointing_back(finding, previous)
        elif finding is not None and finding.rule == "bare imperative" and previous.endswith("?"):
            finding = None  # "Zoom issues? Ping @zombie in chat": what to do if, not a task
        elif finding is not None and (_bare_outcome(finding) or
                                      finding.kind == "decision" and VOTE_RECORD.match(sentence)):
            finding = _outcome_of(finding, previous, previous_found, found)
        if finding is not None:
            found.append(finding)
        if not SECONDING.match(sentence):  # "Katie seconds." leaves the outcome to the motion
            previous, previous_found = sentence, finding is not None
    return found


_OUTCOME_RULES = {"motion carried", "unanimity", "mark of assent"}
_MOVER = r"[A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){0,3}"
#: Who moved and seconded, and nothing of the motion: "Robert Barton Jr. made the motion, Craig
#: Strawser second", "Motion by Ana, seconded by Bo", "Moved by Ana, second by Bo, all in favor",
#: "Proposé par Léa, appuyé par Marc". The sentence records the vote on the one before it.
VOTE_RECORD = re.compile(
    rf"^(?:{_MOVER}\s+(?i:made|makes)\s+(?i:the|a)\s+(?i:motion)|(?i:motion\s+(?:made\s+)?by|moved\s+by|"
    rf"propos[ée]e?\s+par)\s+{_MOVER}|{_MOVER}\s+(?i:moved|moves)(?!\s+(?i:that|to)\b))"
    rf"[^.;]{{0,80}}?(?i:\bsecond(?:ed|s)?\b|\bappuy[ée]e?\b)(?![^.;]*\b(?i:that|to|que)\b)")


def _bare_outcome(finding: Finding) -> bool:
    """Return whether a decision only says that something passed ("The motion carries.")."""
    return finding.kind == "decision" and finding.rule in _OUTCOME_RULES and \
        len(finding.text.split()) <= 6


def _outcome_of(finding: Finding, previous: str, previous_found: bool,
                found: list[Finding]) -> Finding:
    """Return the decision a bare outcome ("The motion carries.") confirms: the one before it.

    A decision found in the previous sentence is taken out of ``found`` and returned joined with
    the outcome; otherwise the previous sentence is the motion.
    """
    if previous_found and found and found[-1].kind == "decision":
        last = found.pop()  # "The motion was passed unanimously." confirms the one before
        return Finding("decision", f"{last.text.rstrip('.')}. {finding.text}", last.rule)
    if previous:
        return Finding("decision", f"{previous.rstrip('.')}. {finding.text}", finding.rule)
    return finding


def _pointing_back(finding: Finding, previous: str) -> Finding | None:
    """Return the action whose task is the previous sentence's subject, or None without one."""
    if not previous:
        return None
    return Finding("action", _VOTE_TAIL.sub("", previous).strip(" ."), finding.rule, finding.owner)


_VOTE_TAIL = re.compile(r"\s*(?:=>|→|->|:)\s*\w+\s*[.!]?$")
