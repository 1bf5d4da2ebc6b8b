"""YAML reader: safe loading with line numbers, times kept as text, dates left to validation."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from docgen.errors import InputError
from docgen.readers.source import Source, join_path, read_text

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml parses ~10x faster when present


class _Loader(_Base):
    """SafeLoader where ``14:00`` stays the string "14:00" and dates stay strings.

    YAML 1.1 reads ``14:00`` as the sexagesimal number 840 and ``2026-02-30`` as a date that
    crashes the loader; keeping both as text lets the model parse them with clear errors.
    """


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp",)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$")


def _int_or_time(loader: _Loader, node: yaml.ScalarNode):
    value = loader.construct_scalar(node)
    if _SEXAGESIMAL.match(value):
        return value
    return yaml.SafeLoader.construct_yaml_int(loader, node)


def _float_or_time(loader: _Loader, node: yaml.ScalarNode):
    value = loader.construct_scalar(node)
    if _SEXAGESIMAL.match(value):
        return value
    return yaml.SafeLoader.construct_yaml_float(loader, node)


_Loader.add_constructor("tag:yaml.org,2002:int", _int_or_time)
_Loader.add_constructor("tag:yaml.org,2002:float", _float_or_time)


def _record_lines(node: yaml.Node, path: str, lines: dict[str, int]) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                child = join_path(path, key_node.value)
                lines[child] = key_node.start_mark.line + 1
                _record_lines(value_node, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, join_path(path, index), lines)


def parse_yaml(text: str, path: Path, start_line: int = 0) -> Source:
    """Return a Source for YAML ``text`` read from ``path``; raise InputError if it is not a mapping.

    ``start_line`` shifts reported lines (for front matter inside a Markdown file).
    """
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at_end = mark is not None and mark.line >= text.count("\n") and mark.column == 0
        if exc.context_mark and ("stream end" in (exc.problem or "") or at_end):
            # An unclosed bracket or quote is reported at the end of the file; where it opened helps more.
            mark = exc.context_mark
        line = mark.line + 1 + start_line if mark else None
        reason = exc.problem or str(exc)
        if exc.context:
            reason = f"{exc.context}, {reason}" if "while" not in exc.context else reason
        raise InputError.single(path, f"YAML syntax error: {reason}", line=line) from None
    except yaml.YAMLError as exc:
        raise InputError.single(path, f"YAML error: {exc}") from None
    if data is None:
        raise InputError.single(path, "is empty (expected a YAML mapping of keys)")
    if not isinstance(data, dict):
        kind = type(data).__name__
        kind = {"list": "a list", "str": "plain text", "int": "a number"}.get(kind, kind)
        raise InputError.single(path, f"top level is {kind}, expected a mapping of keys", line=1)
    lines: dict[str, int] = {}
    _record_lines(node, "", lines)
    lines = {k: v + start_line for k, v in lines.items()}
    return Source(path=Path(path), data=data, lines=lines, format="yaml")


def read_yaml(path: Path) -> Source:
    """Return the Source of the YAML file at ``path`` or raise InputError."""
    path = Path(path)
    text = read_text(path)
    if not text.strip():
        raise InputError.single(path, "is empty (expected a YAML mapping of keys)")
    return parse_yaml(text, path)
