"""docgen/ooxml/ is the only code that knows Office XML: no other module of docgen writes or parses it.

A module outside docgen/ooxml/ fails here when its source holds an Office XML tag in a string
(``"<a:``, ``'<w:``...), an Office namespace URI in Clark notation, lxml or an ElementTree, or
python-docx/python-pptx's ``qn()``. What it needs of a package goes through an ooxml function
on plain values instead.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "docgen"
OFFICE_XML = re.compile(r"['\"]<(a|p|w|c|x|r|v|wp|mc):|\{http://schemas.openxmlformats|etree\.|from lxml|"
                        r"import lxml|qn\(")
# module (relative to the repository) -> why it may match the pattern without knowing Office XML
ALLOWED: dict[str, str] = {
    "docgen/richtext.py": "xml.etree.ElementTree is Python-Markdown's HTML tree, not Office XML",
}


def _offences(path: Path) -> list[str]:
    """Return "line N: text" of each line of ``path`` that holds Office XML."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [f"line {n}: {line.strip()}" for n, line in enumerate(lines, 1) if OFFICE_XML.search(line)]


def test_no_module_outside_ooxml_knows_office_xml():
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name.startswith("docgen/ooxml/") or name in ALLOWED:
            continue
        offences = _offences(path)
        if offences:
            found[name] = offences
    assert not found, "Office XML outside docgen/ooxml/ (move it into an ooxml function):\n" + "\n".join(
        f"{name}: {'; '.join(lines[:3])}" for name, lines in found.items())


def test_the_allowlist_is_still_needed():
    for name in ALLOWED:
        path = ROOT / name
        assert path.is_file(), f"{name} is gone: drop it from ALLOWED"
        assert _offences(path), f"{name} holds no match any more: drop it from ALLOWED"


def test_the_pattern_finds_office_xml():
    for sample in ("'<a:solidFill>'", 'f"<w:p>"', "{http://schemas.openxmlformats.org/x}", "from lxml import etree",
                   "import lxml.etree", "el.find(qn('w:b'))"):
        assert OFFICE_XML.search(sample), sample
