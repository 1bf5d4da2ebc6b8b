"""A Jinja sandbox with limits: what a template may load, how big and how long it may run.

Jinja's own sandbox refuses Python internals but not runaway templates: ``{{ 'a' * 10**10 }}``,
``{{ (1,) * 10**9 }}``, a template including itself, ``{% for i in range(10**9) %}`` or a loop
appending to a list until the machine swaps. :class:`BoundedSandbox` refuses them early:

- names loaded by ``include``/``extends``/``import`` must stay inside the template folders
  (no absolute path, no ``..`` segment; :func:`check_inside` refuses symlinks leading out);
- every value a template builds (``*``, ``+``, ``%``, ``**``, ``~``, filters, method calls)
  is checked against :data:`MAX_VALUE` characters or items *before* it is built when its size
  can be predicted, and after otherwise; integers may not exceed :data:`MAX_INT_BITS` bits;
- the output (and any captured block) may not exceed :data:`MAX_OUTPUT_BYTES`;
- all values built during one render may not exceed :data:`MAX_WORK` in total;
- a render runs at most :data:`time_limit` seconds (checked at every operation, and by a
  timer signal when rendering in the main thread, so that even an empty loop stops).

Each refusal is a :class:`TemplateLimitError` whose message says what was exceeded; the
renderers turn it into a TemplateError naming the template.
"""

from __future__ import annotations

import math
import os
import signal
import string
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import jinja2
from jinja2.compiler import CodeGenerator
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import generate_lorem_ipsum

MAX_VALUE = 10_000_000          # characters of one string, items of one list built by a template
MAX_OUTPUT_BYTES = 50 * 2**20   # memory held by the output of one template (or one captured block)
MAX_WORK = 100_000_000          # characters and items built by all operations of one render
MAX_INT_BITS = 100_000          # about 30,000 decimal digits
MAX_RANGE = 100_000             # items of one range()
MAX_WIDTH = 10_000              # a padding width, a format width, a batch or slice count
MAX_LIPSUM = 100                # paragraphs of lipsum()
DEFAULT_SECONDS = 5.0
TIMEOUT_VAR = "DOCGEN_TEMPLATE_TIMEOUT"

_SEQUENCES = (str, bytes, list, tuple)
_MUTATORS = {"append", "extend", "insert", "update", "add", "setdefault", "__setitem__"}


class TemplateLimitError(Exception):
    """A template went past one of the limits (size, time, depth) or loaded a refused name."""


class TemplateLoadRefused(TemplateLimitError):
    """A template asked to load a name outside the template folders."""

    def __init__(self, parent: str | None, name: str, why: str = ""):
        self.parent = parent
        self.name = name
        self.why = why
        where = f"{parent}: " if parent else ""
        super().__init__(f"{where}template may only load files from the template folders: "
                         f"{name!r} refused{f' ({why})' if why else ''}")


def time_limit() -> float:
    """Return the seconds one render may take: $DOCGEN_TEMPLATE_TIMEOUT, else 5."""
    try:
        value = float(os.environ.get(TIMEOUT_VAR, "") or DEFAULT_SECONDS)
    except ValueError:
        return DEFAULT_SECONDS
    return value if value > 0 else DEFAULT_SECONDS


def _seconds_text(seconds: float) -> str:
    return f"{seconds:g} s"


class _Guard:
    """The budget of one render: its deadline and the amount of data built so far."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.work = 0

    def tick(self, amount: int = 0) -> None:
        if amount:
            self.work += amount
            if self.work > MAX_WORK:
                raise TemplateLimitError(f"template builds more than {MAX_WORK:,} characters or items in all")
        if time.monotonic() > self.deadline:
            raise TemplateLimitError(f"template took more than {_seconds_text(self.seconds)}")


_GUARD: ContextVar[_Guard | None] = ContextVar("docgen_template_guard", default=None)


def _tick(amount: int = 0) -> None:
    guard = _GUARD.get()
    if guard is not None:
        guard.tick(amount)


def _on_alarm(signum: int, frame: object) -> None:
    guard = _GUARD.get()
    if guard is not None:
        raise TemplateLimitError(f"template took more than {_seconds_text(guard.seconds)}")


@contextmanager
def guarded(seconds: float | None = None) -> Iterator[None]:
    """Return a context manager bounding the renders inside it (one budget; nested uses share it).

    In the main thread a timer signal interrupts a template still running after the limit,
    unless another timer is already in use; elsewhere the limit is checked at each operation.
    """
    if _GUARD.get() is not None:
        yield
        return
    guard = _Guard(seconds if seconds is not None else time_limit())
    token = _GUARD.set(guard)
    alarm = (threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
             and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0))
    previous = signal.signal(signal.SIGALRM, _on_alarm) if alarm else None
    if alarm:
        signal.setitimer(signal.ITIMER_REAL, guard.seconds + 0.05)
    try:
        yield
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        _GUARD.reset(token)


def limit_message(exc: BaseException) -> str | None:
    """Return the message of a runaway template's failure (None when ``exc`` is another error).

    Covers :class:`TemplateLimitError`, recursion (a template including itself, a macro
    calling itself), memory exhaustion and a range past the sandbox's limit.
    """
    if isinstance(exc, TemplateLimitError):
        return str(exc)
    if isinstance(exc, RecursionError):
        return "template nests too deeply (a template including or extending itself, or a macro calling itself)"
    if isinstance(exc, MemoryError):
        return "template needs too much memory"
    if isinstance(exc, OverflowError):
        return f"number or range too large ({exc})"
    return None


# --- names a template may load -------------------------------------------------------------

def check_name(name: str, parent: str | None) -> str:
    """Return ``name`` when a template may load it; raise TemplateLoadRefused otherwise.

    A name is relative to the template folders: no absolute path, drive or backslash, no
    ``..`` segment. ``builtin:NAME`` follows the same rules for NAME.
    """
    bare = name.removeprefix("builtin:")
    if (not bare or bare.startswith(("/", "~")) or "\\" in bare or "\x00" in bare or ":" in bare
            or any(part == ".." for part in bare.split("/"))):
        raise TemplateLoadRefused(parent, name)
    return name


def check_inside(path: Path, folder: Path, name: str) -> Path:
    """Return ``path`` when, symlinks resolved, it lies inside ``folder``; else raise TemplateLoadRefused."""
    try:
        real = path.resolve(strict=True)
        root = folder.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        raise TemplateLoadRefused(None, name, f"cannot resolve: {exc}") from None
    if not real.is_relative_to(root):
        raise TemplateLoadRefused(None, name, "a link leading out of its folder")
    return real


# --- sizes ---------------------------------------------------------------------------------

def _size(value: object) -> int:
    """Return the characters or items of ``value`` (0 for anything else)."""
    if isinstance(value, (str, bytes, list, tuple, dict, set, frozenset)):
        return len(value)
    return 0


_V = TypeVar("_V")


def _check_value(value: _V, what: str) -> _V:
    """Return ``value`` unchanged; raise TemplateLimitError when it is too big."""
    size = _size(value)
    if size > MAX_VALUE:
        raise TemplateLimitError(f"{what} would build a value of more than {MAX_VALUE:,} characters or items")
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_INT_BITS:
        raise TemplateLimitError(f"{what} would build a number of more than {MAX_INT_BITS:,} bits")
    _tick(size)
    return value


def _refuse_size(size: float, what: str) -> None:
    if size > MAX_VALUE:
        raise TemplateLimitError(f"{what} would build a value of more than {MAX_VALUE:,} characters or items")


def _check_width(value: object, what: str) -> None:
    if isinstance(value, int) and abs(value) > MAX_WIDTH:
        raise TemplateLimitError(f"{what}: a width or count of {value:,} is over the limit of {MAX_WIDTH:,}")


def _text_len(value: object) -> int:
    return len(value) if isinstance(value, (str, bytes)) else len(str(value)) if _size(value) < 1000 else MAX_VALUE + 1


def _check_join(items: object, sep: object, what: str) -> None:
    """Refuse joining ``items`` with ``sep`` when the result would be too long."""
    if isinstance(items, (list, tuple)):
        _refuse_size(sum(_text_len(i) for i in items) + max(len(items) - 1, 0) * _text_len(sep), what)


def _check_fields(count: int, args: Iterable[object], what: str) -> None:
    """Refuse a format of ``count`` fields when filling each with the longest argument is too long."""
    longest = max((_text_len(a) for a in args), default=0)
    _refuse_size(count * longest, what)


def _check_percent_format(fmt: str, args: object, what: str = "'%' format") -> None:
    """Refuse a ``%`` format whose widths or repeated fields would build a huge string."""
    values = args.values() if isinstance(args, dict) else args if isinstance(args, tuple) else (args,)
    _check_fields(fmt.count("%"), values, what)
    digits = ""
    for ch in fmt + "\x00":
        if ch.isdigit():
            digits += ch
            continue
        if digits and int(digits) > MAX_WIDTH:
            raise TemplateLimitError(f"{what}: a width of {int(digits):,} is over the limit of {MAX_WIDTH:,}")
        digits = ""
    if "*" in fmt:
        for arg in args if isinstance(args, tuple) else (args,):
            _check_width(arg, what)


def _check_format_spec(fmt: str, args: Iterable[object]) -> None:
    """Refuse a ``str.format`` pattern whose widths would build a huge string."""
    try:
        fields = list(string.Formatter().parse(fmt))
    except ValueError:
        return  # str.format reports the malformed pattern itself
    args = list(args)
    _check_fields(sum(1 for f in fields if f[1] is not None), args, "format()")
    for _text, _field, spec, _conv in fields:
        if not spec:
            continue
        if "{" in spec:
            for arg in args:
                _check_width(arg, "format()")
        _check_percent_format(spec, (), "format()")


def _check_binop(operator: str, left: object, right: object) -> None:
    """Refuse ``left operator right`` before computing it when its result would be too big."""
    if operator == "*":
        for seq, count in ((left, right), (right, left)):
            if isinstance(seq, _SEQUENCES) and isinstance(count, int):
                _refuse_size(len(seq) * max(count, 0), "'*'")
        if isinstance(left, int) and isinstance(right, int) and \
                left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise TemplateLimitError(f"'*' would build a number of more than {MAX_INT_BITS:,} bits")
    elif operator == "**":
        if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1 \
                and right * math.log2(abs(left)) > MAX_INT_BITS:
            raise TemplateLimitError(f"'**' would build a number of more than {MAX_INT_BITS:,} bits")
    elif operator == "+":
        if isinstance(left, _SEQUENCES) and isinstance(right, _SEQUENCES):
            _refuse_size(len(left) + len(right), "'+'")
    elif operator == "%" and isinstance(left, str):
        _check_percent_format(left, right)


def _check_call(obj: object, args: tuple, kwargs: dict) -> None:
    """Refuse a method call whose result would be too big, judged from its arguments."""
    obj = getattr(obj, "__wrapped__", obj)  # the sandbox wraps str.format
    owner = getattr(obj, "__self__", None)
    name = getattr(obj, "__name__", "")
    if isinstance(owner, str) and name in ("format", "format_map"):
        values = [*args, *kwargs.values()]
        if name == "format_map" and args and isinstance(args[0], dict):
            values = list(args[0].values())
        _check_format_spec(owner, values)
    elif isinstance(owner, (str, bytes)):
        if name in ("ljust", "rjust", "center", "zfill") and args:
            _refuse_size(args[0] if isinstance(args[0], int) else 0, f"{name}()")
        elif name == "expandtabs":
            size = args[0] if args and isinstance(args[0], int) else kwargs.get("tabsize", 8)
            tabs = owner.count("\t") if isinstance(owner, str) else owner.count(b"\t")
            _refuse_size(len(owner) + tabs * size, "expandtabs()")
        elif name == "replace" and len(args) >= 2:
            _refuse_size(_replace_size(owner, args[0], args[1]), "replace()")
        elif name == "join" and args:
            _check_join(args[0], owner, "join()")


def _replace_size(text: object, old: object, new: object) -> int:
    """Return the length of ``text.replace(old, new)`` for text or bytes of one type, else 0."""
    if isinstance(text, str) and isinstance(old, type(text)) and isinstance(new, type(text)):
        return _replaced_size(text, old, new)
    if isinstance(text, bytes) and isinstance(old, type(text)) and isinstance(new, type(text)):
        return _replaced_size(text, old, new)
    return 0


_Text = TypeVar("_Text", str, bytes)


def _replaced_size(text: _Text, old: _Text, new: _Text) -> int:
    if not old:
        return len(text) + (len(text) + 1) * len(new)
    return len(text) + text.count(old) * max(len(new) - len(old), 0)


# --- filters and globals ---------------------------------------------------------------------

def _filter_prechecks(name: str, args: tuple, kwargs: dict) -> None:
    """Refuse a filter call whose arguments ask for a huge result."""
    if name in ("center", "indent", "batch", "slice"):
        for value in (*args[1:2], kwargs.get("width"), kwargs.get("linecount"), kwargs.get("slices")):
            _check_width(value, f"filter '{name}'")
            if name == "indent" and isinstance(value, str) and args and isinstance(args[0], str):
                _refuse_size(len(args[0]) + (args[0].count("\n") + 1) * len(value), "filter 'indent'")
    elif name == "join" and args:
        _check_join(args[0], args[1] if len(args) > 1 else kwargs.get("d", ""), "filter 'join'")
    elif name == "format" and args and isinstance(args[0], str):
        _check_percent_format(args[0], tuple(args[1:]))
    elif name == "replace" and len(args) >= 3:
        _refuse_size(_replace_size(str(args[0]), str(args[1]), str(args[2])), "filter 'replace'")


def _bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """Return ``func`` wrapped so that huge arguments are refused and huge results are caught."""
    pass_arg = getattr(func, "jinja_pass_arg", None)

    @wraps(func)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        _tick()
        values = args[1:] if pass_arg is not None else args  # drop the context/environment passed first
        _filter_prechecks(name, tuple(values), kwargs)
        return _check_value(func(*args, **kwargs), f"filter '{name}'")

    return bounded


def bounded_range(*args: int) -> Iterator[int]:
    """Return the iterator of ``range(*args)``, refused past MAX_RANGE items, checking the time as it goes."""
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise TemplateLimitError(f"range() of {len(numbers):,} items is over the limit of {MAX_RANGE:,}")
    return _ticking(numbers)


def _ticking(items: Iterable[int]) -> Iterator[int]:
    for index, item in enumerate(items):
        if not index % 1024:
            _tick()
        yield item


def bounded_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:  # noqa: A002
    """Return Jinja's lorem ipsum, refused past MAX_LIPSUM paragraphs or MAX_WIDTH words each."""
    if not isinstance(n, int) or n > MAX_LIPSUM:
        raise TemplateLimitError(f"lipsum() of {n!r} paragraphs is over the limit of {MAX_LIPSUM}")
    for value in (min, max):
        _check_width(value, "lipsum()")
    return generate_lorem_ipsum(n=n, html=html, min=min, max=max)


def checked_join(join: Callable[[Iterable[Any]], str], parts: tuple) -> str:
    """Return ``join(parts)`` (the ``~`` operator) unless the result would be too long."""
    _refuse_size(sum(len(p) if isinstance(p, str) else len(str(p)) for p in parts), "'~'")
    return _check_value(join(parts), "'~'")


class _CodeGenerator(CodeGenerator):
    """Jinja's code generator with ``a ~ b`` going through :func:`checked_join`."""

    def visit_Concat(self, node, frame) -> None:  # noqa: N802 (Jinja's visitor naming)
        if frame.eval_ctx.volatile:
            func_name = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            func_name = "markup_join"
        else:
            func_name = "str_join"
        self.write(f"environment.checked_join({func_name}, (")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class BoundedSandbox(SandboxedEnvironment):
    """Jinja's SandboxedEnvironment with size, time and loading limits (see the module docstring)."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _CodeGenerator

    def __init__(self, **options: Any):
        super().__init__(**options)
        self.globals["range"] = bounded_range
        self.globals["lipsum"] = bounded_lipsum
        self.filters = {name: _bounded_filter(name, func) for name, func in self.filters.items()}

    checked_join = staticmethod(checked_join)

    def concat(self, parts: Iterable[str]) -> str:
        """Return the output pieces ``parts`` joined, refused past MAX_OUTPUT_BYTES."""
        held: list[str] = []
        total = 0
        for index, part in enumerate(parts):
            total += sys.getsizeof(part)
            if total > MAX_OUTPUT_BYTES:
                raise TemplateLimitError(f"template output exceeds {MAX_OUTPUT_BYTES // 2**20} MB")
            if not index % 256:
                _tick()
            held.append(part)
        return "".join(held)

    def join_path(self, template: str, parent: str) -> str:
        """Return ``template`` unchanged once it is known to stay inside the template folders."""
        return check_name(template, parent)

    def get_template(self, name, parent=None, globals=None):  # noqa: A002 (Jinja's signature)
        """Return the template ``name``; a refused name is reported with the template asking for it."""
        try:
            return super().get_template(name, parent, globals)
        except TemplateLoadRefused as exc:
            if exc.parent is None:
                raise TemplateLoadRefused(parent or str(name), exc.name, exc.why) from None
            raise

    def select_template(self, names, parent=None, globals=None):  # noqa: A002 (Jinja's signature)
        """Return the first template of ``names`` found, each name checked like :meth:`get_template`."""
        for name in names if isinstance(names, (list, tuple)) else ():
            if isinstance(name, str):
                check_name(name, parent)
        return super().select_template(names, parent, globals)

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        """Return ``left operator right``, refused when the result would be too big."""
        _tick()
        _check_binop(operator, left, right)
        return _check_value(super().call_binop(context, operator, left, right), f"'{operator}'")

    def format_string(self, s: str, args: tuple, kwargs: dict, format_func: Callable | None = None) -> str:
        """Return ``s.format(...)`` in the sandbox, refused when a width would build a huge string."""
        _check_format_spec(s, (*args, *kwargs.values()))
        # Jinja before 3.1.5 calls format_string; later versions have none (str.format is wrapped: see call())
        return _check_value(super().format_string(s, args, kwargs, format_func), "format()")  # type: ignore[misc]

    def call(__self, __context, __obj, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's signature)
        """Return ``__obj(*args, **kwargs)`` called from the template, with size checks before and after."""
        _tick()
        _check_call(__obj, args, kwargs)
        result = _check_value(super().call(__context, __obj, *args, **kwargs),
                              f"{getattr(__obj, '__name__', 'call')}()")
        owner = getattr(__obj, "__self__", None)
        if getattr(__obj, "__name__", "") in _MUTATORS and _size(owner) > MAX_VALUE:
            raise TemplateLimitError(f"a list built by the template has more than {MAX_VALUE:,} items")
        return result

    def getattr(self, obj: Any, attribute: str) -> Any:
        """Return ``obj.attribute`` as the sandbox allows (checking the time)."""
        _tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        """Return ``obj[argument]`` as the sandbox allows (checking the time)."""
        _tick()
        return super().getitem(obj, argument)
