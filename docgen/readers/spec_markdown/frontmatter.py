"""Front matter: where a YAML, kramdown-rfc or mmark (``%%%`` TOML) title block ends."""

from __future__ import annotations

import re

# kramdown-rfc's document parts ("--- abstract", "--- middle"); one may close the front matter.
KRAMDOWN_PART = re.compile(r"^---[ \t]+(\w+)")


def front_matter_end(lines: list[str]) -> int | None:
    """Return the index of the line closing the front matter opened on line 0, or None."""
    if not lines or lines[0].rstrip() not in ("---", "%%%"):
        return None
    toml = lines[0].rstrip() == "%%%"  # mmark's TOML title block
    for index in range(1, len(lines)):
        stripped = lines[index].rstrip()
        if toml and stripped == "%%%":
            return index
        if not toml and (stripped in ("---", "...") or KRAMDOWN_PART.match(stripped)):
            return index
    return None
