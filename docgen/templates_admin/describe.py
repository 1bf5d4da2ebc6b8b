"""Descriptions of template context variables, read from the models and helpers themselves.

Types come from pydantic field annotations, dataclass fields and return annotations; texts
from class and function docstrings. Only values with no docstring of their own (plain lists,
lambdas) take a description from the caller, so the listing follows the code it documents.
"""

from __future__ import annotations

import dataclasses
import inspect
import types
import typing
from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel

_NAMES: dict[object, str] = {str: "text", int: "integer", float: "number", bool: "yes/no", date: "date",
          dict: "mapping", type(None): "none"}


@dataclass(frozen=True)
class Entry:
    """One context variable: its name, its type as a reader sees it, and a one-line description."""

    name: str
    type: str
    description: str


def first_sentence(doc: str | None) -> str:
    """Return the first sentence of a docstring ("" when there is none)."""
    if not doc:
        return ""
    text = " ".join(inspect.cleandoc(doc).split("\n\n")[0].split())
    end = text.find(". ")
    text = (text if end < 0 else text[: end + 1]).replace("``", "")
    for verb in ("Return ", "Returns "):
        if text.startswith(verb):
            text = text[len(verb)].upper() + text[len(verb) + 1:]
    return text


def is_record(tp: object) -> typing.TypeGuard[type]:
    """Return True for a model class whose fields are worth listing (pydantic or dataclass)."""
    return inspect.isclass(tp) and (issubclass(tp, BaseModel) or dataclasses.is_dataclass(tp))


def type_name(tp: object) -> str:
    """Return ``tp`` written for a template author: "list of Action", "date or none", "open | done"."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        return type_name(args[0])
    if origin is typing.Literal:
        return " | ".join(str(a) for a in args)
    if origin in (typing.Union, types.UnionType):
        named = [type_name(a) for a in args if a is not type(None)]
        return " or ".join(named) + (" or none" if type(None) in args else "")
    if origin in (list, tuple, set):
        inner = [type_name(a) for a in args if a is not Ellipsis]
        if origin is tuple and len(inner) > 1:
            return "(" + ", ".join(inner) + ")"
        return "list of " + (inner[0] if inner else "values")
    if origin is dict:
        return "mapping"
    if isinstance(tp, str):
        return tp
    return _NAMES.get(tp, getattr(tp, "__name__", str(tp)))


def records_in(tp: object) -> list[type]:
    """Return the model classes named by the annotation ``tp`` (inside lists, unions...)."""
    if is_record(tp):
        return [tp]
    return [r for arg in typing.get_args(tp) for r in records_in(arg)]


def fields_of(cls: type) -> list[Entry]:
    """Return the fields and read-only properties of the model ``cls``."""
    entries: list[Entry] = []
    if issubclass(cls, BaseModel):
        for name, info in cls.model_fields.items():
            entries.append(Entry(name, type_name(_hint(cls, name, info.annotation)),
                                 info.description or ""))
    elif dataclasses.is_dataclass(cls):
        hints = _hints(cls)
        for f in dataclasses.fields(cls):
            entries.append(Entry(f.name, type_name(hints.get(f.name, f.type)), ""))
    else:
        raise TypeError(f"{cls!r} is neither a pydantic model nor a dataclass")
    own = {name for klass in cls.__mro__ if klass.__module__.startswith("docgen")
           for name in vars(klass)}
    for name, member in inspect.getmembers(cls):
        if name not in own or name.startswith(("_", "model_")):
            continue
        if isinstance(member, property):
            ret = _hints(member.fget).get("return", "")
            entries.append(Entry(name, type_name(ret), first_sentence(member.__doc__)))
        elif inspect.isfunction(member):
            entries.append(Entry(f"{name}{_signature(member, skip_self=True)}",
                                 type_name(_hints(member).get("return", "")),
                                 first_sentence(member.__doc__)))
    return entries


def callable_entry(name: str, func: object, fallback: str = "") -> Entry:
    """Return the Entry of a helper function: its signature, return type and docstring."""
    doc = first_sentence(getattr(func, "__doc__", None))
    if getattr(func, "__name__", "") == "<lambda>" or not doc:
        doc = fallback or doc
    ret = type_name(_hints(func).get("return", "")) if callable(func) else ""
    return Entry(f"{name}{_signature(func)}", ret or "value", doc)


def _signature(func: object, skip_self: bool = False) -> str:
    if not callable(func):  # inspect.signature would raise TypeError
        return "(...)"
    try:
        params = list(inspect.signature(func).parameters.values())
    except (TypeError, ValueError):
        return "(...)"
    if skip_self and params and params[0].name == "self":
        params = params[1:]
    shown = [p.name if p.default is inspect.Parameter.empty else f"{p.name}={p.default!r}"
             for p in params]
    return "(" + ", ".join(shown) + ")"


def _hints(obj: object) -> dict:
    try:
        return typing.get_type_hints(obj, include_extras=True)
    except Exception:  # unresolved forward references: fall back to the raw annotations
        return dict(getattr(obj, "__annotations__", {}) or {})


def _hint(cls: type, name: str, fallback: object) -> object:
    return _hints(cls).get(name, fallback)
