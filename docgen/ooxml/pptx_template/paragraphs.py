"""One paragraph of a PowerPoint text frame rendered as a Jinja template, run formatting kept.

PowerPoint splits ``{{ project.name }}`` over several runs (after an edit, a spell-check, a
change of formatting). The pieces of each tag are first gathered into the run where the tag
starts; the paragraph is then rendered once, with a marker in front of each run's text, so
control tags may span runs (``{% if x %}<bold>x</bold>{% endif %}``) and every piece of the
output goes back into a copy of the run it came from, with that run's formatting.
"""

from __future__ import annotations

import re
from copy import deepcopy

from lxml import etree

from docgen.ooxml.pptx_template.where import Engine, Where
from docgen.ooxml.xmltext import clean

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R, T, BR, RPR = f"{{{A}}}r", f"{{{A}}}t", f"{{{A}}}br", f"{{{A}}}rPr"
P, PPR, END = f"{{{A}}}p", f"{{{A}}}pPr", f"{{{A}}}endParaRPr"
# Markers put in front of each run's text; private-use characters no template contains.
_MARK = re.compile("\ue000(\\d+)\ue001")
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def paragraph_text(p: etree._Element) -> str:
    """Return the text of the paragraph ``p`` as PowerPoint shows it (runs, fields, line breaks)."""
    out = []
    for child in p:
        if child.tag == BR:
            out.append("\n")
        else:
            t = child.find(T)
            if t is not None and t.text:
                out.append(t.text)
    return "".join(out)


def straighten(text: str) -> str:
    """Return ``text`` with the curly quotes PowerPoint types made straight (inside tags they break Jinja)."""
    return text.translate(_QUOTES)


def has_tags(text: str) -> bool:
    """Return True when ``text`` holds a Jinja tag opening ({{, {% or {#)."""
    return "{{" in text or "{%" in text or "{#" in text


def render_paragraph(p: etree._Element, engine: Engine, context: dict, where: Where) -> None:
    """Render the Jinja tags of paragraph ``p`` in place with ``context``; plain text is left alone."""
    text = paragraph_text(p)
    if not has_tags(text):
        return
    pieces = [c for c in p if c.tag not in (PPR, END)]
    _gather_tags(pieces)
    source = "".join(f"\ue000{i}\ue001{_text(c)}" for i, c in enumerate(pieces))
    output = engine.render(source, context, where, text)
    first_rpr = next((c.find(RPR) for c in pieces if c.tag == R and c.find(RPR) is not None), None)
    for c in pieces:
        p.remove(c)
    new: list[etree._Element] = []
    for index, chunk in _chunks(output):
        new.extend(_rebuild(pieces[index], chunk))
    end = p.find(END)
    if end is None and first_rpr is not None and not new:
        # An emptied paragraph keeps the size of its text, as PowerPoint does.
        end = etree.SubElement(p, END)
        end.attrib.update(first_rpr.attrib)
    position = list(p).index(end) if end is not None else len(p)
    for offset, element in enumerate(new):
        p.insert(position + offset, element)


def remove_tag(p: etree._Element, tag: str) -> None:
    """Remove the first occurrence of the Jinja tag ``tag`` from paragraph ``p`` (runs kept)."""
    pieces = [c for c in p if c.tag == R]
    _gather_tags(pieces)
    tag = straighten(tag)
    for run in pieces:
        text = _text(run)
        if tag in text:
            _set_text(run, text.replace(tag, "", 1))
            return


def _text(piece: etree._Element) -> str:
    if piece.tag != R:
        return ""  # line breaks and fields (slide number, date) are kept as they are
    t = piece.find(T)
    return t.text or "" if t is not None else ""


def _set_text(run: etree._Element, text: str) -> None:
    t = run.find(T)
    if t is None:
        t = etree.SubElement(run, T)
    t.text = clean(text)


def _gather_tags(pieces: list[etree._Element]) -> None:
    """Move the pieces of every tag that spans runs into the run where the tag starts."""
    texts = [_text(c) for c in pieces]
    starts, pos = [], 0
    for text in texts:
        starts.append(pos)
        pos += len(text)
    joined = "".join(texts)
    owner = [i for i, text in enumerate(texts) for _ in text]  # run index of each character
    keep = [list(text) for text in texts]
    for match in _TAG.finditer(joined):
        a, b = match.start(), match.end()
        first = owner[a]
        tag = straighten(match.group(0))
        for k in range(a, b):
            keep[owner[k]][k - starts[owner[k]]] = ""
        keep[first][a - starts[first]] = tag
    for piece, chars, old in zip(pieces, keep, texts):
        new = "".join(chars)
        if piece.tag == R and new != old:
            _set_text(piece, new)


def _chunks(output: str) -> list[tuple[int, str]]:
    """Return (run index, text) for each marked piece of the rendered output, in order."""
    parts = _MARK.split(output)
    return [(int(parts[i]), parts[i + 1]) for i in range(1, len(parts) - 1, 2)]


def _rebuild(piece: etree._Element, text: str) -> list[etree._Element]:
    """Return the elements showing ``text`` in the formatting of ``piece`` (line breaks kept)."""
    if piece.tag != R:
        return [deepcopy(piece)]
    out: list[etree._Element] = []
    rpr = piece.find(RPR)
    for index, line in enumerate(text.replace("\r\n", "\n").replace("\v", "\n").split("\n")):
        if index:
            br = etree.Element(BR)
            if rpr is not None:
                br.append(deepcopy(rpr))
            out.append(br)
        if line:
            run = deepcopy(piece)
            _set_text(run, line)
            out.append(run)
    return out
