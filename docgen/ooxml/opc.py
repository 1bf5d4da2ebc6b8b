"""OPC package plumbing written as text: relationship parts, content types, free names and ids.

The output matches what python-pptx writes for the same package (declaration, element order,
relationships in numerical rId order), so a deck assembled here reads like one it saved.
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.ooxml.xmltext import esc

DECLARATION = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


@dataclass(frozen=True)
class Rel:
    """One relationship: its id, type URI, target (relative or external) and mode."""

    rid: str
    type: str
    target: str
    external: bool = False


def _rid_number(rid: str) -> int:
    return int(rid[3:]) if rid.startswith("rId") and rid[3:].isdigit() else 0


def rels_xml(rels: list[Rel]) -> bytes:
    """Return a .rels part holding ``rels`` in numerical rId order."""
    items = []
    for rel in sorted(rels, key=lambda r: (_rid_number(r.rid), r.rid)):
        mode = ' TargetMode="External"' if rel.external else ""
        items.append(f'<Relationship Id="{esc(rel.rid)}" Type="{esc(rel.type)}" '
                     f'Target="{esc(rel.target)}"{mode}/>')
    return (f'{DECLARATION}<Relationships xmlns="{RELS_NS}">{"".join(items)}'
            "</Relationships>").encode("utf-8")


def next_rid(used: set[str]) -> str:
    """Return the rId python-pptx would give the next relationship among ``used`` ids."""
    for n in range(len(used) + 1, 0, -1):
        if f"rId{n}" not in used:
            return f"rId{n}"
    raise AssertionError("more distinct rIds than relationships")  # pragma: no cover


def next_partname(template: str, used: set[str]) -> str:
    """Return ``template`` % n for the smallest n >= 1 not in ``used`` (zip member names)."""
    n = 1
    while template % n in used:
        n += 1
    return template % n


def content_types_xml(defaults: dict[str, str], overrides: dict[str, str]) -> bytes:
    """Return [Content_Types].xml: Default by extension, then Override by part name, sorted."""
    items = [f'<Default Extension="{esc(ext)}" ContentType="{esc(ct)}"/>'
             for ext, ct in sorted(defaults.items())]
    items += [f'<Override PartName="/{esc(name)}" ContentType="{esc(ct)}"/>'
              for name, ct in sorted(overrides.items(), key=lambda kv: "/" + kv[0])]
    return f'{DECLARATION}<Types xmlns="{TYPES_NS}">{"".join(items)}</Types>'.encode("utf-8")
