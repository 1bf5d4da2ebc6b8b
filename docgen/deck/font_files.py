"""Advance widths read from the installed font files: found with fontconfig, read with fontTools.

A family is looked up with ``fc-match`` (regular and bold). The match is accepted only when
fontconfig found the family itself or one of its metric-compatible substitutes (Carlito for
Calibri, Liberation Sans or Arimo for Arial, ...): fontconfig answers every query with *some*
font (DejaVu Sans for a typeface it does not know), and measuring a corporate font with an
unrelated one would be wrong in either direction. Without fontconfig, fontTools or an accepted
match there is no face: the caller measures conservatively.

Widths are rounded to 1/1000 em per character, as the captured tables of
:mod:`docgen.deck.font_metrics` are, and depend on the file's bytes only; each face carries the
SHA-256 of its file so a run can say, and another machine check, which font it was measured with.
Faces are read once per process (cached per family and weight).
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# Requested family -> the families metric-compatible with it (same advance widths), lower case.
SUBSTITUTES: dict[str, tuple[str, ...]] = {
    "calibri": ("carlito",),
    "arial": ("liberation sans", "arimo"),
    "helvetica": ("liberation sans", "arimo"),
    "cambria": ("caladea",),
    "times new roman": ("liberation serif", "tinos"),
    "courier new": ("liberation mono", "cousine"),
}
FC_TIMEOUT = 5.0  # seconds; a fontconfig cache rebuild on a cold machine takes about one
FC_WEIGHT_DEMIBOLD = 180  # fontconfig's weight scale: regular 80, demibold 180, bold 200


@dataclass(frozen=True)
class Match:
    """What fontconfig found for a query: the file, its face index and the family names it answers to."""

    path: str
    index: int
    families: tuple[str, ...]
    weight: int


@dataclass(frozen=True)
class Face:
    """The metrics of one font file: advance widths in 1/1000 em and the line height in em."""

    family: str
    path: str
    digest: str
    line_em: float
    widths: Mapping[str, int]


def _pattern(family: str, bold: bool) -> str:
    """Return the fontconfig pattern of ``family`` (its special characters escaped), bold or not."""
    escaped = "".join("\\" + ch if ch in "\\-:," else ch for ch in family)
    return f"{escaped}:bold" if bold else escaped


def fc_match(family: str, bold: bool) -> Match | None:
    """Return fontconfig's best match for ``family``, or None without fontconfig or an answer."""
    exe = shutil.which("fc-match")
    if not exe:
        return None
    try:
        run = subprocess.run([exe, "-f", "%{file}\n%{index}\n%{family}\n%{weight}", _pattern(family, bold)],
                             capture_output=True, text=True, timeout=FC_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    parts = run.stdout.split("\n")
    if run.returncode != 0 or len(parts) < 4 or not parts[0]:
        return None
    try:
        index, weight = int(parts[1] or 0), int(float(parts[3] or 0))
    except ValueError:
        return None
    # %{family} lists every name the face answers to, comma separated ("DejaVu Sans,DejaVu Sans Condensed").
    return Match(parts[0], index, tuple(name.strip() for name in parts[2].split(",") if name.strip()), weight)


def accepted(family: str, match: Match, bold: bool) -> str | None:
    """Return the name under which ``match`` measures ``family`` (itself or a metric-compatible substitute), or None.

    A bold query answered by a regular face is refused: fontconfig would embolden it, and
    PowerPoint with the real bold face sets wider text than the regular widths say.
    """
    if bold and match.weight < FC_WEIGHT_DEMIBOLD:
        return None
    key = _key(family)
    wanted = {key, *SUBSTITUTES.get(key, ())}
    return next((name for name in match.families if _key(name) in wanted), None)


def _key(family: str) -> str:
    """Return ``family`` as compared: lower case, runs of spaces as one."""
    return " ".join(family.split()).lower()


def read_face(path: str, index: int = 0, family: str = "") -> Face | None:
    """Return the advance widths and line height of the font file ``path``; None when it cannot be read."""
    try:
        from fontTools.ttLib import TTFont, TTLibError
    except ImportError:
        return None
    log = logging.getLogger("fontTools")
    level = log.level
    log.setLevel(logging.ERROR)  # fontTools warns about harmless header oddities (an old 'created' date)
    try:
        data = Path(path).read_bytes()
        font = TTFont(path, fontNumber=index, lazy=True)
        upem = font["head"].unitsPerEm
        hmtx = font["hmtx"]
        widths = {chr(code): round(hmtx[glyph][0] * 1000 / upem) for code, glyph in font.getBestCmap().items()}
        line_em = _line_em(font, upem)
    except (OSError, TTLibError, KeyError, AttributeError, TypeError, ValueError, AssertionError):
        return None
    finally:
        log.setLevel(level)
    return Face(family, path, hashlib.sha256(data).hexdigest(), line_em, widths)


def _line_em(font, upem: int) -> float:
    """Return the line height in em: Windows ascent + descent (what PowerPoint spaces by), else hhea's."""
    os2 = font["OS/2"] if "OS/2" in font else None
    if os2 is not None and os2.usWinAscent + os2.usWinDescent > 0:
        height = os2.usWinAscent + os2.usWinDescent
    else:
        hhea = font["hhea"]
        height = hhea.ascent - hhea.descent + hhea.lineGap
    return round(height / upem, 3)


def installed_face(family: str, bold: bool) -> Face | None:
    """Return the installed face that measures ``family`` (itself or a metric-compatible substitute), or None.

    ``family`` is compared case-insensitively; each (family, weight) is looked up once per process.
    """
    return _installed_face(_key(family), bold)


@lru_cache(maxsize=64)
def _installed_face(family: str, bold: bool) -> Face | None:
    if not family:
        return None
    match = fc_match(family, bold)
    name = accepted(family, match, bold) if match else None
    return read_face(match.path, match.index, name) if match and name else None


@lru_cache(maxsize=1)
def installed_fonts() -> str:
    """Return a fingerprint of the fonts fontconfig lists: the hash of each file's path, size and mtime.

    A deck's layout depends on the faces it is measured with, so a build keys its decks on this:
    installing, removing or updating a font rebuilds them. Without fontconfig the fingerprint is
    constant (decks are measured with the built-in tables). Read once per process.
    """
    exe = shutil.which("fc-list")
    digest = hashlib.sha256(b"fontconfig" if exe else b"no fontconfig")
    if exe:
        try:
            run = subprocess.run([exe, "--format", "%{file}\n"], capture_output=True, text=True,
                                 timeout=FC_TIMEOUT, check=False)
        except (OSError, subprocess.SubprocessError):
            return digest.hexdigest()
        for name in sorted(set(run.stdout.splitlines())):
            try:
                stat = Path(name).stat()
            except OSError:
                continue
            digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()
