"""The environment the benchmarks' child processes run in."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def child_env() -> dict[str, str]:
    """Return this process's environment with the project first on ``PYTHONPATH`` and bytecode caching on.

    ``PYTHONDONTWRITEBYTECODE`` is dropped: pip compiles an installed wheel's bytecode, so no user
    pays for compiling docgen's modules, but an editable checkout under that variable (set on some
    CI images and sandboxes) would compile every module again in every process (~50 ms of a
    fresh minutes run).
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return env
