"""No function of the Markdown notes reader is over 40 lines or over cyclomatic complexity 15.

docgen/readers/markdown_minutes/ is read as small functions with one job each (ordered tables of
rules and steps rather than long branching methods). A function's lines count from its ``def``
to its last line, docstring included (measured with ``ast``); its complexity is radon's. The
failure names each offender with its file, line and size.
"""

from __future__ import annotations

import ast
from pathlib import Path

from radon.complexity import cc_visit

PACKAGE = Path(__file__).resolve().parents[1] / "docgen" / "readers" / "markdown_minutes"
MAX_LINES = 40
MAX_COMPLEXITY = 15


def _modules() -> list[Path]:
    return sorted(PACKAGE.glob("*.py"))


def long_functions(name: str, source: str) -> list[str]:
    """Return ``file:line function (n lines)`` for every function of ``source`` over MAX_LINES."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            size = node.end_lineno - node.lineno + 1
            if size > MAX_LINES:
                found.append(f"{name}:{node.lineno} {node.name} ({size} lines)")
    return found


def complex_functions(name: str, source: str) -> list[str]:
    """Return ``file:line function (complexity n)`` for every function of ``source`` over MAX_COMPLEXITY."""
    # cc_visit lists each class and then its methods as functions: classes are skipped
    pending = [block for block in cc_visit(source) if not hasattr(block, "methods")]
    found = []
    while pending:
        block = pending.pop(0)
        if block.complexity > MAX_COMPLEXITY:
            found.append(f"{name}:{block.lineno} {block.fullname} (complexity {block.complexity})")
        pending.extend(block.closures)
    return found


def _offenders(check) -> list[str]:
    return [found for path in _modules() for found in check(path.name, path.read_text(encoding="utf-8"))]


def test_the_package_is_found():
    assert len(_modules()) >= 10, f"no reader modules under {PACKAGE}"


def test_no_function_over_40_lines():
    offenders = _offenders(long_functions)
    assert offenders == [], "functions over 40 lines (split them):\n" + "\n".join(offenders)


def test_no_function_over_complexity_15():
    offenders = _offenders(complex_functions)
    assert offenders == [], "functions over cyclomatic complexity 15 (split them):\n" + "\n".join(offenders)


def test_the_checks_name_an_offender():
    branches = "".join(f"    if x == {n}:\n        return {n}\n" for n in range(20))
    source = f"class C:\n    def m(self, x):\n        pass\n\n\ndef f(x):\n{branches}    return None\n"
    assert long_functions("m.py", source) == ["m.py:6 f (42 lines)"]
    assert complex_functions("m.py", source) == ["m.py:6 f (complexity 21)"]
