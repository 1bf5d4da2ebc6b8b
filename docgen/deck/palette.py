"""The deck's colours: docgen's colour roles drawn with the template's theme, or as ``deck.yaml`` says.

A deck plan names what a colour is *for* ("header", "heading", "rag_green"...), never a brand
hex. The writer draws each role with a colour spec: a theme colour of the template (``accent1``,
``tx1``, ``bg2``...; ``accent1+80`` is 80 % lighter, ``bg1-15`` 15 % darker, as in Office's colour
picker) or an RGB hex (``"7B1E3A"``). Brand and neutral roles default to theme colours, so a
template whose theme is burgundy and gold gives a burgundy and gold deck; RAG and the other
colours that carry a meaning (late, overrun, heat-map zones) default to fixed hex values.

``deck.yaml`` next to the ``deck.pptx`` found on the template path (optional) changes them::

    palette:            # role -> theme colour or hex
      header: accent2
      heading: "7B1E3A"
    rag:                # the RAG fills (and the text drawn on them)
      green: "2E7D32"
      amber: "F9A825"
      red: "C62828"
      amber_text: auto   # the default: black or white by contrast

The text on a RAG fill is black or white, whichever contrasts more with the fill (WCAG relative
luminance; the defaults give 6.1:1 on green, 10.5:1 on amber, 5.9:1 on red), unless ``deck.yaml``
sets it (``green_text:``) or a fill is set without its text colour (then chosen for that fill).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from docgen.errors import TemplateError
from docgen.ooxml.drawingml.palette import MEANING_ROLES, RAG_HEX, ROLES, SCHEME, Palette, colour_xml, readable_on
from docgen.ooxml.theme import template_colours

PALETTE_NAME = "deck.yaml"
MAX_PALETTE_BYTES = 64 * 1024  # a palette is a dozen lines
AUTO = "auto"  # deck.yaml: the text colour of a RAG fill chosen by contrast (the default)


def palette_for(template_path: Path) -> Palette:
    """Return the palette of the deck template at ``template_path``: its ``deck.yaml``, else the defaults.

    The palette knows the template's theme colours (to choose readable text colours). Cached
    while the files are unchanged; raises TemplateError when ``deck.yaml`` is unreadable or
    names an unknown role or colour.
    """
    return _load(_stamp(Path(template_path).parent / PALETTE_NAME), _stamp(Path(template_path)))


def _stamp(path: Path) -> tuple[Path, int, int] | None:
    """Return (resolved path, mtime, size) of the file ``path``, None when there is none (a cache key)."""
    try:
        stat = path.stat() if path.is_file() else None
    except OSError:
        stat = None
    return (path.resolve(), stat.st_mtime_ns, stat.st_size) if stat else None


def palette_along(dirs: tuple[Path, ...] = ()) -> Palette:
    """Return the palette beside the ``deck.pptx`` found along the template search path ``dirs``."""
    from docgen.template_path import along, find_template

    return palette_for(find_template("deck.pptx", list(along(dirs))))


@lru_cache(maxsize=8)
def _load(settings: tuple[Path, int, int] | None, template: tuple[Path, int, int] | None) -> Palette:
    """Return the Palette of the ``deck.yaml`` and template stamped ``settings`` and ``template`` (see _stamp).

    Raises TemplateError naming the bad key of ``deck.yaml``.
    """
    from docgen.deck.settings_file import read_settings

    theme = template_colours(template[0]) if template else {}
    if settings is None:
        return Palette(dict(ROLES), theme=theme)
    path = settings[0]
    data = read_settings(path, "deck settings", MAX_PALETTE_BYTES)
    if not isinstance(data, dict):
        raise TemplateError(f"{path}: expected a mapping (palette:, rag:)")
    roles = dict(ROLES)
    for section, prefix in (("palette", ""), ("rag", "rag_")):
        given = data.get(section) or {}
        if not isinstance(given, dict):
            raise TemplateError(f"{path}: {section}: expected a mapping of name -> colour")
        for key, value in given.items():
            roles[f"{prefix}{key}"] = _role_spec(path, section, prefix, key, value)
    rag = data.get("rag") or {}
    given = {f"rag_{key}" for key, value in rag.items() if value != AUTO}
    given |= {str(key) for key in (data.get("palette") or {})}
    for name in RAG_HEX:
        if f"rag_{name}_text" not in given:  # chosen by contrast with the fill
            roles[f"rag_{name}_text"] = readable_on(Palette(roles).rgb(f"rag_{name}", theme))
    return Palette(roles, theme=theme, given=frozenset(given))


def _role_spec(path: Path, section: str, prefix: str, key: str, value: object) -> str:
    """Return the colour spec ``deck.yaml`` gives the role ``prefix + key``.

    Raises TemplateError when the role is unknown or the value not a colour.
    """
    role = f"{prefix}{key}"
    if role not in ROLES or (prefix and role not in MEANING_ROLES):
        known = sorted(k[len(prefix):] for k in ROLES if k.startswith(prefix)) if prefix else sorted(ROLES)
        raise TemplateError(f"{path}: {section}.{key}: unknown; known: {', '.join(known)}")
    if value == AUTO and role.endswith("_text") and prefix:
        return ROLES[role]  # replaced once the fills are known
    spec = _spec(value)
    try:
        colour_xml(spec)
    except ValueError:
        raise TemplateError(
            f"{path}: {section}.{key}: {value!r} is not a colour (a hex such as \"7B1E3A\", or a "
            f"theme colour {', '.join(SCHEME)}, optionally lighter +NN or darker -NN)") from None
    return spec


def _spec(value: object) -> str:
    """Return a YAML value as a colour spec (a hex read as a number, 000000, is given back its digits)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:06d}"
    return str(value).strip()
