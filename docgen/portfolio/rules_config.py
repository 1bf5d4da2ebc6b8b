"""The ``rules:`` key of docgen.yaml (working folder): thresholds of the RAG rules, checked with lines.

```yaml
rules:
  schedule: {slip_amber_days: 10, slip_red_days: 20, spi_amber: 0.95, spi_red: 0.90}
  budget: {overrun_amber_pct: 2, overrun_red_pct: 5, cpi_amber: 0.95, cpi_red: 0.90}
  risks: {score_amber: 12, score_red: 20}
```

Any key left out keeps its default (:class:`docgen.portfolio.rules.Rules`).
"""

from __future__ import annotations

import difflib
from dataclasses import replace
from pathlib import Path

from docgen.portfolio.rules import KEYS, Rules


def load_rules(cwd: Path | None = None) -> Rules:
    """Return the Rules of the docgen.yaml in ``cwd`` (defaults without one); raise ConfigError listing problems."""
    from docgen.config import ConfigProblems, find_config, read_config

    path = find_config(cwd)
    if path is None:
        return Rules()
    data, problems, problem = read_config(path)
    rules = parse_rules(data.get("rules"), problem)
    if problems:
        raise ConfigProblems(problems)
    return rules


def parse_rules(raw: object, problem) -> Rules:
    """Return the Rules described by ``raw`` (the value of ``rules:``); ``problem(key, message)`` gets each fault."""
    rules = Rules()
    if raw is None:
        return rules
    if not isinstance(raw, dict):
        problem("rules", "expected a mapping of schedule, budget and risks thresholds")
        return rules
    for dimension, values in raw.items():
        key = f"rules.{dimension}"
        if dimension not in KEYS:
            close = difflib.get_close_matches(str(dimension), KEYS, n=1)
            hint = f"did you mean {close[0]}?" if close else "expected schedule, budget or risks"
            problem(key, f"unknown key ({hint})")
            continue
        if not isinstance(values, dict):
            problem(key, f"expected a mapping of {', '.join(KEYS[dimension])}")
            continue
        for name, value in values.items():
            if name not in KEYS[dimension]:
                problem(f"{key}.{name}", f"unknown key (expected one of {', '.join(KEYS[dimension])})")
            elif isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                problem(f"{key}.{name}", f"expected a number of 0 or more, got {value!r}")
            else:
                rules = replace(rules, **{name: float(value)})
    for amber, red, higher_is_worse in (("slip_amber_days", "slip_red_days", True),
                                         ("overrun_amber_pct", "overrun_red_pct", True),
                                         ("score_amber", "score_red", True),
                                         ("spi_amber", "spi_red", False), ("cpi_amber", "cpi_red", False)):
        a, r = getattr(rules, amber), getattr(rules, red)
        if (r < a) if higher_is_worse else (r > a):
            dim = next(d for d, names in KEYS.items() if red in names)
            problem(f"rules.{dim}.{red}", f"{r:g} is {'below' if higher_is_worse else 'above'} "
                    f"{amber} ({a:g}): red must be the worse threshold")
    return rules

