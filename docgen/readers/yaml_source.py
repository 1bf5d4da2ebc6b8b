"""YAML reader: safe loading with line numbers, times kept as text, dates left to validation.

Hand-written YAML has traps a plain ``safe_load`` lets through; this reader refuses or flags them:

- a key written twice in one mapping is an error naming both lines (YAML keeps the last silently);
- an unquoted value cut by `` #`` (``committee: Steering #4``) is a warning with the quoted fix;
- aliases that expand past :data:`ALIAS_BUDGET` nodes ("billion laughs") and nesting deeper than
  :data:`MAX_DEPTH` levels are refused before anything is built, in time linear in the input.

Plain data (no anchor, alias, tag, merge key or complex key: nearly every input) is built from the
parser's events (:mod:`docgen.readers.yaml_events`), and the line of each key path is found only
when a message needs one (:class:`KeyLines` composes the text again then); anything else is
composed into a node graph, checked and constructed as before.
"""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from docgen.errors import InputError, Problem
from docgen.readers import yaml_events
from docgen.readers.source import Source, read_text

try:
    from yaml import CSafeLoader as _Base  # libyaml parses ~10x faster when present
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeLoader as _Base

MAX_DEPTH = 100  # collections inside collections; real inputs use fewer than 10
MAX_REPORTED = 20  # duplicate keys named one by one; the rest are counted
ALIAS_BUDGET = 10_000  # nodes visited again through aliases before the input is refused
# libyaml's composer recurses in C (it crashes past ~30,000 levels, and slows down well before):
# text that could nest deeper than this is checked event by event before it is composed.
_COMPOSE_SAFE_FLOW = 2000
_COMPOSE_SAFE_PREFIX = re.compile(r"\n[ \t?:-]{1000}")
_ALIAS_BOMB = "YAML aliases expand too far (refused: possible alias bomb)"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_PLAIN = (None, "")  # libyaml marks plain scalars with "", the pure-Python parser with None
_HASH_CUT = re.compile(r"#[^\s#]")  # '#4' after a blank: a comment that looks like the rest of a value


class _Loader(_Base):
    """SafeLoader where ``14:00`` stays the string "14:00" and dates stay strings.

    YAML 1.1 reads ``14:00`` as the sexagesimal number 840 and ``2026-02-30`` as a date that
    crashes the loader; keeping both as text lets the model parse them with clear errors.
    """

    def resolve(self, kind, value, implicit):  # noqa: ANN001, ANN201 - PyYAML's signature
        """Return the tag of a node: PyYAML's rules without its path resolvers, called per scalar.

        libyaml calls this once for every scalar; the general version costs a third of reading
        a large file. Same tags: this loader has no wildcard or path resolvers.
        """
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return self.DEFAULT_SCALAR_TAG
        return self.DEFAULT_SEQUENCE_TAG if kind is yaml.SequenceNode else self.DEFAULT_MAPPING_TAG


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp",)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# The fast resolve above looks resolvers up by first character only.
assert None not in _Loader.yaml_implicit_resolvers and not _Loader.yaml_path_resolvers
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$")


def _int_or_time(loader: _Loader, node: yaml.ScalarNode) -> int | str:
    value = loader.construct_scalar(node)
    if _SEXAGESIMAL.match(value):
        return value
    return yaml.SafeLoader.construct_yaml_int(loader, node)


def _float_or_time(loader: _Loader, node: yaml.ScalarNode) -> float | str:
    value = loader.construct_scalar(node)
    if _SEXAGESIMAL.match(value):
        return value
    return yaml.SafeLoader.construct_yaml_float(loader, node)


_Loader.add_constructor("tag:yaml.org,2002:int", _int_or_time)
_Loader.add_constructor("tag:yaml.org,2002:float", _float_or_time)


@dataclass
class YamlSource(Source):
    """A Source read from YAML, with the warnings the reader found (file, line and key path each)."""

    warnings: list[Problem] = field(default_factory=list)


def source_warnings(source: Source) -> list[Problem]:
    """Return the reader's warnings about ``source`` (none for sources not read by this module)."""
    return list(getattr(source, "warnings", []))


class _Refused(Exception):
    """Raised inside the walk; carries the message and the 0-based line of the offending node."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.message, self.line = message, line


def _nesting_error(limit: int = MAX_DEPTH) -> str:
    return f"nesting deeper than {limit} levels (refused)"


def _check_depth_before_composing(text: str) -> None:
    """Raise _Refused when ``text`` nests deeper than MAX_DEPTH, if it might nest deep enough to hurt.

    The cheap bound (every ``[``/``{`` counted, block levels bounded by the indentation) holds for
    every ordinary file; only text past it is walked event by event, stopping at the first excess.
    """
    if (text.count("[") + text.count("{") <= _COMPOSE_SAFE_FLOW and not _COMPOSE_SAFE_PREFIX.search(text)
            and not _COMPOSE_SAFE_PREFIX.match("\n" + text[:1000])):
        return
    starts = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    loader = _Loader(text)
    depth = 0
    try:
        while (event := loader.get_event()) is not None and not isinstance(event, yaml.StreamEndEvent):
            if isinstance(event, starts):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _Refused(_nesting_error(), event.start_mark.line)
            elif isinstance(event, ends):
                depth -= 1
    finally:
        loader.dispose()


class _Walk:
    """One pass over the composed node graph: lines of key paths, duplicate keys, cut values.

    Nodes reached again through an alias are counted against ALIAS_BUDGET and nesting against
    MAX_DEPTH, so the pass (and the construction after it) stays linear in the input.
    """

    def __init__(self, file: str, text: str, start_line: int, cuts: bool = True):
        self.file, self.text, self.base = file, text, start_line + 1
        self.lines: MutableMapping[str, int | str] = {}
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.cut_lines = self._cut_candidates(text) if cuts and "#" in text else {}

    @staticmethod
    def _cut_candidates(text: str) -> dict[int, int]:
        """Return {0-based line: offset of its start} for the lines holding a `` #x`` comment start."""
        found: dict[int, int] = {}
        line, pos = 0, 0
        for match in _HASH_CUT.finditer(text):
            if match.start() == 0 or text[match.start() - 1] not in " \t":
                continue
            line += text.count("\n", pos, match.start())
            pos = match.start()
            found.setdefault(line, text.rfind("\n", 0, pos) + 1)
        return found

    def _check_cut(self, node: yaml.ScalarNode | yaml.ScalarEvent, key_path: str | None) -> None:
        end = node.end_mark
        start = self.cut_lines.get(end.line)
        if start is None or node.style not in _PLAIN:
            return
        stop = self.text.find("\n", start)
        rest = self.text[start:stop if stop >= 0 else len(self.text)][end.column:].rstrip()
        if not re.match(r"[ \t]+#[^\s#]", rest):
            return
        import json  # only for this message: a minutes run need not import it

        kept = json.dumps(f"{node.value}{rest}", ensure_ascii=False)
        self.warnings.append(Problem(
            self.file, f"text after ' #' was read as a comment; quote the value to keep it ({kept})",
            end.line + self.base, key_path))

    def run(self, root: yaml.Node) -> None:
        """Walk the graph from ``root``; raise _Refused on an alias bomb or too deep nesting."""
        base, lines, check_cut = self.base, self.lines, bool(self.cut_lines)
        scalar, mapping = yaml.ScalarNode, yaml.MappingNode
        lines[""] = root.start_mark.line + base
        if type(root) is scalar:  # a document that is one value: no key path below it
            return
        seen: set[int] = set()
        expanded = 0
        # node, key path (None under a complex key), depth, 0-based line of the alias being
        # expanded (-1 outside aliases), 0-based line where the node is referred to
        stack: list[tuple] = [(root, "", 1, -1, root.start_mark.line)]
        while stack:
            node, path, depth, alias, site = stack.pop()
            if depth > MAX_DEPTH:  # through aliases, a node that contains itself nests without end
                raise _Refused(_ALIAS_BOMB, alias) if alias >= 0 else _Refused(_nesting_error(),
                                                                                 node.start_mark.line)
            if id(node) not in seen:
                seen.add(id(node))
                fresh = alias < 0
            else:
                fresh, alias = False, site if alias < 0 else alias
            if alias >= 0:
                expanded += 1 + len(node.value)
                if expanded > ALIAS_BUDGET:
                    raise _Refused(_ALIAS_BOMB, alias)
            children: list[tuple] = []
            depth += 1
            if type(node) is mapping:
                keys: dict[str, yaml.ScalarNode] = {}
                for key_node, value_node in node.value:
                    if type(key_node) is not scalar:  # a complex key: walked, but it has no path
                        children.append((key_node, None, depth, alias, key_node.start_mark.line))
                        if type(value_node) is not scalar:
                            children.append((value_node, None, depth, alias, key_node.start_mark.line))
                        continue
                    key, line = key_node.value, key_node.start_mark.line + base
                    child = None if path is None else (f"{path}.{key}" if path else key)
                    if child is not None:
                        lines[child] = line
                    if fresh:
                        first = keys.setdefault(key, key_node)
                        if first is not key_node:
                            self._duplicate(node, first, key_node, child)
                    if type(value_node) is not scalar:
                        children.append((value_node, child, depth, alias, line - base))
                    elif check_cut and fresh:
                        self._check_cut(value_node, child)
            else:
                # int(): the walk stores line numbers only (readers add places to the Source later)
                here = site if path is None else int(lines.get(path, site + base)) - base
                for index, item in enumerate(node.value):
                    child = None if path is None else f"{path}[{index}]"
                    if child is not None and child not in lines:
                        lines[child] = item.start_mark.line + base
                    if type(item) is not scalar:
                        children.append((item, child, depth, alias, here))
                    elif check_cut and fresh:
                        self._check_cut(item, child)
            stack.extend(reversed(children))

    def _duplicate(self, node: yaml.MappingNode, first: yaml.ScalarNode, key_node: yaml.ScalarNode,
                   key_path: str | None) -> None:
        """Record a problem when ``key_node`` repeats an earlier key of ``node`` (same text and type)."""
        if key_node.value == "<<" and key_node.tag == _MERGE_TAG:
            return
        if first.tag != key_node.tag:  # same text, other type ("1" and 1 are two keys): look further
            first = next((k for k, _ in node.value if k is key_node or (
                type(k) is yaml.ScalarNode and k.value == key_node.value and k.tag == key_node.tag)), key_node)
            if first is key_node:
                return
        self.problems.append(Problem(self.file, f"duplicate key (first at line {first.start_mark.line + self.base})",
                                     key_node.start_mark.line + self.base, key_path))


def _syntax_error(exc: yaml.YAMLError, text: str, path: Path, start_line: int) -> InputError:
    """Return the InputError of a YAML error, placed at the line that helps most."""
    if isinstance(exc, yaml.reader.ReaderError):  # a control character or an undecodable byte
        line = text.count("\n", 0, exc.position) + 1 + start_line if isinstance(exc.position, int) else None
        char = exc.character if isinstance(exc.character, int) else ord(exc.character or "\0")
        return InputError.single(path, f"YAML error: character #x{char:04x} is not allowed "
                                       "(control characters cannot appear in YAML)", line=line)
    if not isinstance(exc, yaml.MarkedYAMLError):
        return InputError.single(path, f"YAML error: {exc}")
    mark = exc.problem_mark or exc.context_mark
    at_end = mark is not None and mark.line >= text.count("\n") and mark.column == 0
    if exc.context_mark and ("stream end" in (exc.problem or "") or at_end):
        # An unclosed bracket or quote is reported at the end of the file; where it opened helps more.
        mark = exc.context_mark
    line = mark.line + 1 + start_line if mark else None
    reason = exc.problem or str(exc)
    tag = re.match(r"could not determine a constructor for the tag '(.*)'", reason)
    if tag:
        shown = tag.group(1).replace("tag:yaml.org,2002:", "!!")
        return InputError.single(path, f"YAML tag '{shown}' is not allowed (only plain YAML data is read)",
                                 line=line)
    if "maximum nesting depth" in reason:  # PyYAML >= 6.0.4 has a depth limit of its own
        return InputError.single(path, _nesting_error(), line=line)
    if mark is not None and "cannot start any token" in reason and _char_at(text, mark) == "\t":
        return InputError.single(path, "YAML syntax error: a tab is used for indentation (indent with spaces)",
                                 line=line)
    if exc.context:
        reason = f"{exc.context}, {reason}" if "while" not in exc.context else reason
    return InputError.single(path, f"YAML syntax error: {reason}", line=line)


def _char_at(text: str, mark: yaml.Mark) -> str:
    lines = text.split("\n", mark.line + 1)
    return lines[mark.line][mark.column:mark.column + 1] if mark.line < len(lines) else ""


def _capped(problems: list[Problem], file: str) -> list[Problem]:
    """Return the first MAX_REPORTED ``problems`` and a line counting the others (a file of repeats stays readable)."""
    if len(problems) <= MAX_REPORTED:
        return problems
    more = len(problems) - MAX_REPORTED
    return problems[:MAX_REPORTED] + [Problem(file, f"and {more} more duplicate keys")]


def _load(text: str, path: Path, start_line: int) -> tuple[object, _Walk]:
    """Return the data of YAML ``text`` and the walk over its nodes; raise InputError on any refusal."""
    walk = _Walk(str(path), text, start_line)
    # The nodes and objects built here are all alive until the end: collecting garbage while
    # building them only costs time (a third of reading a 50,000-requirement file).
    with paused_gc():
        return _load_nodes(text, path, start_line, walk)


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Run the block without the cyclic garbage collector (as it was before afterwards).

    For code building many objects that all stay alive (a large input's data, its models): the
    collector would walk them again and again for nothing.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _load_nodes(text: str, path: Path, start_line: int, walk: _Walk) -> tuple[object, _Walk]:
    """Return the data of YAML ``text`` built from events, else composed, checked by ``walk`` and constructed.

    See _load. Data built from events gets lazy ``walk.lines`` (:class:`KeyLines`).
    """
    plain, data = _load_plain(text, walk)  # events nest without recursion: no depth check needed first
    if plain:
        walk.lines = KeyLines(text, path, start_line)
        return data, walk
    try:
        _check_depth_before_composing(text)
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None, walk
            walk.run(node)  # before construction: a bomb must not be built
            if walk.problems:
                raise InputError(_capped(walk.problems, str(path)))
            return loader.construct_document(node), walk
        finally:
            loader.dispose()
    except _Refused as exc:
        raise InputError.single(path, exc.message, line=exc.line + 1 + start_line) from None
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, text, path, start_line) from None


def _load_plain(text: str, walk: _Walk) -> tuple[bool, object]:
    """Return (True, data) when ``text`` is plain data built from its events, else (False, None).

    Values cut by `` #`` are warned about by ``walk`` as the node walk does. Whatever the events
    cannot build (or any error while building) is left to the node path, which reports it.
    """
    loader = _Loader(text)
    cut: list[yaml_events.Candidate] = []
    try:
        data = yaml_events.build(loader, MAX_DEPTH, walk.cut_lines, cut)
    except Exception:  # noqa: BLE001 - the node path reads it again and says what is wrong
        return False, None
    finally:
        loader.dispose()
    for _, event, key_path in cut:
        walk._check_cut(event, key_path)
    return True, data


def _lines_of(text: str, path: Path, start_line: int) -> MutableMapping[str, int | str]:
    """Return the 1-based line of every key path of YAML ``text`` (composed again; {} if it cannot be)."""
    walk = _Walk(str(path), text, start_line, cuts=False)
    loader = _Loader(text)
    try:
        with paused_gc():
            node = loader.get_single_node()
            if node is not None:
                walk.run(node)
    except (yaml.YAMLError, _Refused):
        return {}
    finally:
        loader.dispose()
    return walk.lines


class KeyLines(MutableMapping[str, int | str]):
    """The line of each key path of a YAML text, found when first asked for (the text is composed again then).

    Reading a large file keeps no record per key: a valid input whose messages need no line
    never pays for them. Behaves as the dict the node walk makes (readers may add or move keys).
    """

    def __init__(self, text: str, path: Path, start_line: int):
        self._source: tuple[str, Path, int] | None = (text, Path(path), start_line)
        self._lines: MutableMapping[str, int | str] | None = None

    def _all(self) -> MutableMapping[str, int | str]:
        """Return the lines, composing the text the first time."""
        if self._lines is None:
            assert self._source is not None
            self._lines, self._source = _lines_of(*self._source), None
        return self._lines

    def __getitem__(self, key: str) -> int | str:
        return self._all()[key]

    def __setitem__(self, key: str, value: int | str) -> None:
        self._all()[key] = value

    def __delitem__(self, key: str) -> None:
        del self._all()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._all()

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def __repr__(self) -> str:
        return f"KeyLines({self._lines!r})" if self._lines is not None else "KeyLines(<not read yet>)"


def parse_yaml(text: str, path: Path, start_line: int = 0) -> YamlSource:
    """Return a YamlSource for YAML ``text`` read from ``path``; raise InputError if it is not a mapping.

    ``start_line`` shifts reported lines (for front matter inside a Markdown file). Duplicate
    keys, alias bombs and nesting deeper than MAX_DEPTH raise InputError too; values cut by
    `` #`` become the source's ``warnings``.
    """
    data, walk = _load(text, path, start_line)
    if data is None:
        raise InputError.single(path, "is empty (expected a YAML mapping of keys)")
    if not isinstance(data, dict):
        kind = type(data).__name__
        kind = {"list": "a list", "str": "plain text", "int": "a number"}.get(kind, kind)
        raise InputError.single(path, f"top level is {kind}, expected a mapping of keys", line=1)
    return YamlSource(path=Path(path), data=data, lines=walk.lines, format="yaml", warnings=walk.warnings)


def read_yaml(path: Path) -> YamlSource:
    """Return the YamlSource of the YAML file at ``path`` or raise InputError."""
    path = Path(path)
    text = read_text(path)
    if not text.strip():
        raise InputError.single(path, "is empty (expected a YAML mapping of keys)")
    return parse_yaml(text, path)


def load_yaml_data(text: str, path: Path) -> object:
    """Return the data of YAML ``text`` (any top level, None when empty), refused as parse_yaml refuses.

    For YAML docgen reads that is not an input (label files, ``deck-layouts.yaml``): duplicate
    keys, alias bombs and deep nesting raise InputError naming ``path`` and the line.
    """
    return _load(text, path, 0)[0]
