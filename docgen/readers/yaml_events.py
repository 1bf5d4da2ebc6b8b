"""Plain YAML data built straight from the parser's events, without a node graph.

Composing a node graph (two position marks per node) and walking it costs about a kilobyte per
scalar: a 50,000-requirement file held ~450 MiB before any model was built. Most inputs are plain
data (no anchor, alias, tag, merge key or complex key), for which the events are enough: each
scalar is resolved and constructed by the loader's own resolver and constructors as it comes, so
the data is exactly what the node path builds. Anything else raises :class:`NotPlain`, and the
caller composes the graph as before. Duplicate keys and nesting past the limit also raise it:
the node path reports them with their lines.

Values that may be cut by `` #`` are handed back in the order the node walk checks them (each
collection's own scalars when the collection is reached, collections in document order), so the
warnings come out in the same order either way.
"""

from __future__ import annotations

import yaml

_STR = "tag:yaml.org,2002:str"
_MEMO_CHARS = 40  # plain scalars up to this long have their tag remembered (a text repeated is a key or a code)
_PLAIN_TAGS = {"tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
               "tag:yaml.org,2002:float", _STR}
# a value scalar whose end line may hide a cut comment: (walk order, event, key path)
Candidate = tuple[tuple[int, int], yaml.ScalarEvent, str]


class NotPlain(Exception):
    """The text needs the node graph: an anchor, alias, explicit tag, merge key, complex key,
    duplicate key, nesting past the limit, or several documents."""


class _Frame:
    """An open mapping or sequence: its data, and for a mapping the key waiting for its value."""

    __slots__ = ("data", "key", "text", "seen", "number")

    def __init__(self, data: dict | list, number: int):
        self.data, self.number = data, number  # number: the collection's rank in document order
        self.key: object = None  # the constructed key waiting for its value (mappings)
        self.text: str | None = None  # that key's text, None when the next scalar is a key
        self.seen: set[tuple[str, str]] | None = set() if type(data) is dict else None


def _path(frames: list[_Frame]) -> str:
    """Return the key path of the value about to be added to the innermost frame (``a.b[2].c``)."""
    path = ""
    for frame in frames:
        if frame.seen is None:
            path = f"{path}[{len(frame.data)}]"
        else:
            path = f"{path}.{frame.text}" if path else str(frame.text)
    return path


def build(loader: yaml.BaseLoader, max_depth: int, cut_lines: dict[int, int], cut: list[Candidate]) -> object:
    """Return the data of the single document ``loader`` parses (None when empty); raise NotPlain or YAMLError.

    Each value scalar ending on a line of ``cut_lines`` is added to ``cut``, in the node walk's order.
    """
    if getattr(loader, "yaml_path_resolvers", None):
        raise NotPlain  # tags would depend on where a scalar is, not only on its text
    get = loader.get_event
    if type(get()) is not yaml.StreamStartEvent:
        raise NotPlain
    first = get()
    if type(first) is yaml.StreamEndEvent:
        return None
    root = _document(loader, max_depth, cut_lines, cut)
    cut.sort(key=lambda candidate: candidate[0])
    if type(get()) is not yaml.StreamEndEvent:
        raise NotPlain  # another document: the node path says which
    return root


def _construct(loader: yaml.BaseLoader, tag: str, event: yaml.ScalarEvent) -> object:
    """Return the value of a scalar event of ``tag`` (not str) as the node path builds it; NotPlain for other tags."""
    if tag not in _PLAIN_TAGS:
        raise NotPlain  # a merge key, '=' value...
    return loader.yaml_constructors[tag](loader, yaml.ScalarNode(tag, event.value, style=event.style))


def _document(loader: yaml.BaseLoader, max_depth: int, cut_lines: dict[int, int], cut: list[Candidate]) -> object:
    """Return the data of one document, its DocumentStartEvent consumed, through its DocumentEndEvent.

    A plain scalar's tag depends on its text only: short texts (keys, statuses, levels) are
    resolved once each.
    """
    get, resolve = loader.get_event, loader.resolve
    scalar, mapping_start, sequence_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    frames: list[_Frame] = []
    result: object = None
    opened = 0
    tags: dict[str, str] = {}
    while True:
        event = get()
        kind = type(event)
        if kind is scalar:
            if event.anchor is not None or event.tag is not None:
                raise NotPlain
            text = event.value
            if event.implicit[0]:  # plain: the resolvers tell its type
                tag = tags.get(text)
                if tag is None:
                    tag = resolve(yaml.ScalarNode, text, event.implicit)
                    if len(text) <= _MEMO_CHARS:
                        tags[text] = tag
            else:  # quoted or a block scalar: text
                tag = _STR
            value = text if tag == _STR else _construct(loader, tag, event)
            top = frames[-1] if frames else None
            if top is not None and top.seen is not None and top.text is None:  # a key
                if (text, tag) in top.seen:
                    raise NotPlain  # a duplicate key: reported with both lines by the node path
                top.seen.add((text, tag))
                top.key, top.text = value, text
                continue
            if cut_lines and top is not None and event.end_mark.line in cut_lines:
                cut.append(((top.number, len(cut)), event, _path(frames)))
        elif kind is mapping_start or kind is sequence_start:
            if event.anchor is not None or event.tag is not None:
                raise NotPlain
            top = frames[-1] if frames else None
            if top is not None and top.seen is not None and top.text is None:
                raise NotPlain  # a complex key
            if len(frames) >= max_depth:
                raise NotPlain  # the node path refuses it with its line
            frames.append(_Frame({} if kind is mapping_start else [], opened))
            opened += 1
            continue
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            value = frames.pop().data
        elif kind is yaml.DocumentEndEvent:
            return result
        else:  # an alias
            raise NotPlain
        if not frames:
            result = value
            continue
        top = frames[-1]
        data = top.data
        if isinstance(data, list):  # same as top.seen is None
            data.append(value)
        else:
            data[top.key] = value
            top.key, top.text = None, None
