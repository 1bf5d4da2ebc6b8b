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
    r"\b(?:étai(?:en)?t|sont|est|furent)\s+(?:aussi\s+|également\s+)?présent(?:e|s|es)?)"
    r"(?:\s*:\s*|\s*,\s*|\s+)(?P<rest>\S.*)", re.DOTALL)
# one name: capitalised words, particles, a closing "Jr." ("Robert Barton Jr.", "Jean de La Fontaine")
_ONE_NAME = re.compile(r"^[A-ZÀ-Ý][\w'’-]*(?:\s+(?:(?:de|van|von|le|la|du|d')\s+)?[A-ZÀ-Ý][\w'’-]*\.?){0,3}$")
_PARTS = re.compile(r"\s*(?:,|;|\band\b|\bet\b|&)\s*")
# the sentence ends at a full stop before a capital, unless the stop closes "Jr." or an initial
_SENTENCE_END = re.compile(r"(?<!\bJr)(?<!\bSr)(?<!\b[A-Z])\.(?:\s|$)")


def present_names(text: str) -> list[str]:
    """Return the names a prose sentence of ``text`` says were present (empty when none)."""
    found = _PRESENT.search(text)
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
