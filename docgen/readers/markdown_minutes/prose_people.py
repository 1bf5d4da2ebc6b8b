"""Attendees named in a sentence of prose rather than in a list.

"The Board held its meeting with the following present: Ann Lee, Bo Chan and Cy Dorn.",
"Étaient présents : Léa Roux, Marc Petit", "Était aussi présent Paul Morel, nouveau président
de ...": the names right after the words saying who was present, up to the first part of the
sentence that is not a name.
"""

from __future__ import annotations

import re

_PRESENT = re.compile(
    r"(?i:\bthe\s+following\s+(?:members?\s+|people\s+|persons?\s+)?(?:were\s+)?(?:present|in\s+attendance)|"
    r"\b(?:present|in\s+attendance)\s+were|"
    r"\b(?:étai(?:en)?t|sont|est|furent)\s+(?:aussi\s+|également\s+)?présent(?:e|s|es)?|"
    # "The meeting was attended by ...", "En présence de ..."
    r"\b(?:meeting|call|session|committee|board|réunion|séance)\s+(?:was\s+|a\s+été\s+)?(?:attended|suivie)\s+(?:by|par)|"
    r"\ben\s+présence\s+(?:de|d['’]))"
    r"(?:\s*:\s*|\s*,\s*|\s+)(?P<rest>\S.*)", re.DOTALL)
# one name: capitalised words, particles, a closing "Jr." ("Robert Barton Jr.", "Jean de La Fontaine")
_ONE_NAME = re.compile(r"^[A-ZÀ-Ý][\w'’-]*(?:\s+(?:(?:de|van|von|le|la|du|d')\s+)?[A-ZÀ-Ý][\w'’-]*\.?){0,3}$")
_PARTS = re.compile(r"\s*(?:,|;|\band\b|\bet\b|&)\s*")
# the sentence ends at a full stop before a capital, unless the stop closes "Jr." or an initial
_SENTENCE_END = re.compile(r"(?<!\bJr)(?<!\bSr)(?<!\b[A-Z])\.(?:\s|$)")


# apologies in a sentence: "Apologies were received from Dan Brown and Eve White", "Apologies for
# absence: ...", "Se sont excusés : ...", "Excusés : ..." are labels (vocab.py)
_APOLOGIES = re.compile(
    r"(?i:\bapologies\s+(?:for\s+absence\s+)?(?:were\s+|was\s+|have\s+been\s+)?(?:received|noted|"
    r"given|sent)\s+(?:from|by)|\bse\s+sont\s+excusée?s|\bs['’]est\s+excusée?|"
    r"\bsont\s+excusée?s|\best\s+excusée?)(?:\s*:\s*|\s*,\s*|\s+)(?P<rest>\S.*)", re.DOTALL)


def present_names(text: str) -> list[str]:
    """Return the names a prose sentence of ``text`` says were present (empty when none)."""
    return _names_after(_PRESENT, text)


def excused_names(text: str) -> list[str]:
    """Return the names a prose sentence of ``text`` says sent apologies (empty when none)."""
    return _names_after(_APOLOGIES, text)


def _names_after(pattern: re.Pattern, text: str) -> list[str]:
    """Return the names right after ``pattern`` in ``text``, up to the first part that is no name."""
    found = pattern.search(text)
    if not found:
        return []
    rest = _SENTENCE_END.split(found.group("rest"), maxsplit=1)[0]
    names = []
    for part in _PARTS.split(rest.replace("\n", " ")):
        part = part.strip()
        if not _ONE_NAME.match(part):
            break
        names.append(part)
    return names


# a name in prose: two to four capitalised words, surnames in capitals too ("Ana DUBOIS")
_PROSE_NAME = r"[A-ZÀ-Ý][\w'’-]+(?:\s+(?:(?:de|van|von|le|la|du)\s+)?[A-ZÀ-Ý][\w'’-]+){1,3}"
_TITLE = r"(?:(?:monsieur|madame|mister|M\.|Mme|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+)?"
_ROLE_SENTENCES = (
    ("chair", re.compile(rf"(?i:\b(?:présidée?|chaired|presided\s+over)\s+(?:par|by))\s+{_TITLE}"
                         rf"(?P<who>{_PROSE_NAME})")),
    ("chair", re.compile(rf"(?P<who>{_PROSE_NAME})\s+(?i:(?:was|is|has\s+been)\s+(?:selected|elected|"
                         r"appointed|chosen)\s+(?:to\s+chair|as\s+(?:the\s+)?chair)|"
                         r"(?:en\s+)?(?:est|a\s+été)\s+(?:nommée?|désignée?|élue?)\s+président(?:e)?"
                         r"(?:\s+de\s+(?:séance|l['’]assemblée))?)\b")),
    ("minute_taker", re.compile(rf"(?P<who>{_PROSE_NAME})\s+(?i:(?:was|is|has\s+been)\s+(?:selected|"
                                r"elected|appointed|designated|chosen)\s+(?:as\s+)?(?:the\s+)?"
                                r"(?:secretary|minute[- ]taker|note[- ]taker|scribe)|"
                                r"(?:en\s+)?(?:est|a\s+été)\s+(?:nommée?|désignée?|élue?)\s+secrétaire)")),
)


def prose_roles(text: str) -> list[tuple[str, str]]:
    """Return (role, name) for each chair or secretary a prose sentence names.

    "L'assemblée est présidée par Ana Dubois, et Marc Roux en est nommé secrétaire",
    "Deborah CAMP est désignée secrétaire de séance", "Nick Avery was selected to chair".
    """
    flat = " ".join(text.split())
    return [(role, found.group("who")) for role, pattern in _ROLE_SENTENCES
            for found in pattern.finditer(flat)]
