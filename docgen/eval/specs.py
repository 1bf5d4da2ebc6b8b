"""Score the Markdown specification extractor on a corpus counted by hand.

Usage: ``python -m docgen.eval.specs FOLDER [--split dev|heldout|all] [--json]``.

FOLDER holds ``NAME.md`` specifications, a truth ``NAME.expected.json`` beside each
(``{"mode": "keyword"|"id", "ids": [...], "levels": {"must": N, "should": N, "may": N}}``) and
optionally ``split.json`` (``{"files": {"NAME.md": "dev"|"heldout"}}``). Each file is read
through the reader table in the truth's mode and its requirements counted per level; for a
truth with ids, the file is read again in auto mode and the ids found compared with the
authors'. This module is a measuring instrument: docgen's normal paths never import it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

LEVELS = ("must", "should", "may")


@dataclass
class FileScore:
    """Expected and found requirements of one specification."""

    name: str
    split: str
    mode: str
    expected: dict[str, int]
    found: dict[str, int]
    ids_expected: list[str] = field(default_factory=list)
    ids_found_auto: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def exact(self) -> bool:
        return all(self.expected[level] == self.found[level] for level in LEVELS)

    @property
    def difference(self) -> int:
        return sum(abs(self.expected[level] - self.found[level]) for level in LEVELS)

    @property
    def ids_ok(self) -> bool | None:
        if not self.ids_expected:
            return None
        return set(self.ids_found_auto) == set(self.ids_expected)


def _requirements(path: Path, mode: str | None) -> tuple[list[dict], str | None]:
    """Return the requirements read from ``path`` in ``mode`` (None: auto) and any error text."""
    from docgen.errors import InputError
    from docgen.readers.table import ReadOptions, read

    try:
        source = read(path, "requirements", ReadOptions(mode=mode))
    except InputError as exc:
        return [], str(exc).strip().splitlines()[0] if str(exc).strip() else "input error"
    return list(source.data.get("requirements") or []), None


def score_file(path: Path, split: str = "all") -> FileScore:
    """Return the score of one specification against its ``.expected.json``."""
    truth = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    mode = truth["mode"]
    requirements, error = _requirements(path, mode)
    counts = Counter(str(r.get("level", "must")) for r in requirements)
    score = FileScore(
        name=path.name, split=split, mode=mode,
        expected={level: int(truth["levels"].get(level, 0)) for level in LEVELS},
        found={level: counts.get(level, 0) for level in LEVELS},
        ids_expected=list(truth.get("ids") or []), error=error)
    if score.ids_expected:
        auto, _ = _requirements(path, None)
        score.ids_found_auto = [str(r.get("id")) for r in auto]
    return score


def _splits(folder: Path) -> dict[str, str]:
    split_file = folder / "split.json"
    if not split_file.exists():
        return {}
    return dict(json.loads(split_file.read_text(encoding="utf-8")).get("files", {}))


def score_folder(folder: Path, split: str = "all") -> list[FileScore]:
    """Return the scores of the specifications of ``folder`` in ``split`` (dev, heldout, all)."""
    folder = Path(folder)
    splits = _splits(folder)
    scores = []
    for path in sorted(folder.glob("*.md")):
        if path.name == "README.md" or not path.with_name(path.stem + ".expected.json").exists():
            continue
        where = splits.get(path.name, "dev")
        if split != "all" and where != split:
            continue
        scores.append(score_file(path, where))
    return scores


def totals(scores: list[FileScore]) -> dict:
    """Return the summary figures of ``scores``."""
    expected = sum(sum(s.expected.values()) for s in scores)
    difference = sum(s.difference for s in scores)
    with_ids = [s for s in scores if s.ids_expected]
    return {
        "files": len(scores),
        "exact": sum(s.exact for s in scores),
        "expected": expected,
        "difference": difference,
        "difference_percent": round(100.0 * difference / expected, 1) if expected else 0.0,
        "specs_with_ids": len(with_ids),
        "ids_found_auto": sum(bool(s.ids_ok) for s in with_ids),
    }


def report(scores: list[FileScore]) -> str:
    """Return the per-file table and the totals as text."""
    lines = [f"{'file':44} {'mode':7} {'expected m/s/y':>15} {'found m/s/y':>13}  exact  ids(auto)"]
    for s in scores:
        expected = "/".join(str(s.expected[level]) for level in LEVELS)
        found = "/".join(str(s.found[level]) for level in LEVELS)
        ids = "-" if s.ids_ok is None else ("yes" if s.ids_ok else
                                            f"no ({len(s.ids_found_auto)} found)")
        line = f"{s.name:44} {s.mode:7} {expected:>15} {found:>13}  {'yes' if s.exact else 'no':5}  {ids}"
        if s.error:
            line += f"  [{s.error}]"
        lines.append(line)
    t = totals(scores)
    lines.append(f"files exact per level: {t['exact']} of {t['files']}")
    lines.append(f"total difference: {t['difference']} / {t['expected']} expected "
                 f"({t['difference_percent']} %)")
    lines.append(f"ids found in auto mode: {t['ids_found_auto']} of {t['specs_with_ids']} specs with ids")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m docgen.eval.specs", description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        parser.error(f"{args.folder}: not a folder")
    scores = score_folder(args.folder, args.split)
    if args.json:
        files = [dict(asdict(s), exact=s.exact, difference=s.difference, ids_ok=s.ids_ok) for s in scores]
        print(json.dumps({"split": args.split, "files": files, "totals": totals(scores)}, indent=2))
    else:
        print(report(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
