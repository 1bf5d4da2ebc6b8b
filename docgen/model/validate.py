"""Turn a reader's Source into a validated model, reporting every problem with key path and line."""

from __future__ import annotations

import re
from typing import TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from docgen.errors import InputError, Problem
from docgen.source import Source, join_path

M = TypeVar("M", bound=BaseModel)


def key_path(loc: tuple) -> str:
    """Return the key path for a pydantic error location, e.g. ``attendees[0].attendance``."""
    path = ""
    for part in loc:
        if isinstance(part, str) and ("function-" in part or part.startswith(("literal[", "lax-"))):
            continue
        path = join_path(path, part)
    return path


def _expected(ctx_expected: str) -> str:
    names = re.findall(r"'([^']*)'", ctx_expected)
    return ", ".join(names) if names else ctx_expected


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    value = error.get("input")
    if kind == "missing":
        return "required key is missing"
    if kind in ("literal_error", "enum"):
        return f"{value!r} is not one of {_expected(error['ctx']['expected'])}"
    if kind == "value_error":
        return str(error["ctx"]["error"])
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{value!r} is not a whole number"
    if kind in ("float_parsing", "float_type"):
        return f"{value!r} is not a number"
    if kind in ("list_type",):
        return f"expected a list, got {type(value).__name__}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        got = "a list" if isinstance(value, list) else repr(value)
        return f"expected a mapping of keys, got {got}"
    if kind.startswith(("greater_than", "less_than")):
        return f"{value!r} is out of range ({error['msg'].lower()})"
    if kind == "too_short":
        return "must hold at least one entry"
    return error["msg"]


def validated(model: type[M], source: Source) -> M:
    """Return ``model`` validated from ``source.data``; raise InputError listing every problem."""
    try:
        return model.model_validate(source.data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            path = key_path(error["loc"])
            problems.append(
                Problem(str(source.path), _message(error), source.line_of(path), path or None)
            )
        raise InputError(_dedupe(problems)) from None


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: dict[tuple, Problem] = {}
    for problem in problems:
        seen.setdefault((problem.key_path, problem.message), problem)
    return list(seen.values())
