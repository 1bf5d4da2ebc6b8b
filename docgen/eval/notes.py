"""Score the meeting-notes reader against hand-annotated truth files.

``python -m docgen.eval.notes FOLDER [--split dev|heldout|all] [--json] [--files] [--against DIR]``

Each ``NAME.md`` of FOLDER with a ``NAME.expected.json`` beside it is read with docgen
(``docgen.minutes.load``) and compared with the truth, written by hand before the reader saw
the file::

    {"date": "YYYY-MM-DD",
     "attendees": [{"name": "...", "attendance": "present|remote|excused|absent"}],
     "decisions": ["..."],
     "actions": [{"text": "...", "owner": "Name or null", "due": "YYYY-MM-DD or null"}]}

Matching rules:

- attendees: equal normalised names (case, accents, ``@handles``, punctuation ignored), one to one;
- decisions and actions: token-set overlap ``|A & B| / min(|A|, |B|) >= 0.5`` on the normalised
  words of both texts (stop words of English and French removed), pairs matched one to one,
  best overlap first, ties to the higher Jaccard index (greedy);
- owners, on matched actions only: equal normalised names, or one is the initials of the other
  (``MF`` found for ``Matt Fisher``, or ``Greg Wilson`` found where the minutes wrote ``GW``);
  recall is over the truth actions that name an owner, precision over the matched found
  actions that name one;
- due dates, on matched actions only: equal ISO dates, recall and precision as for owners;
- meeting date: exact, per file.

A file the reader refuses (InputError) counts as nothing found; so does a reader crash, which
is reported separately. ``split.json`` in FOLDER (``{"NAME.md": "dev" | "heldout"}``) selects
the files of ``--split``.

``--against DIR`` measures the truth itself: ``DIR/NAME.expected.json`` is a second, independent
annotation of ``NAME.md``; it is scored against the truth as if it were what a reader found, on
the files DIR annotates, beside the reader's score on the same files. How far two careful readings
agree bounds how finely the truth can judge a reader; the reader is also scored against the second
reading (``--misses`` and ``--files`` do not apply).

This module imports only the standard library at import time; docgen is imported when a file
is read.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

THRESHOLD = 0.5

STOP_WORDS = frozenset("""
a an and are as at be by for from has have in is it of on or that the this to was were will with
we our be been into not no do does can should would could about after before than then there
au aux avec ce ces dans de des du elle en et est il ils la le les leur lui mais ne nous ou par
pas pour qu que qui sa se ses son sont sur un une vous y a l d s n c j m t
""".split())

FIELDS = ("attendees", "decisions", "actions", "owners", "due")


def fold(text: str) -> str:
    """Return ``text`` lower-cased with accents removed."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def normalise_name(name: str | None) -> str:
    """Return a person's name folded, without @handles (kept, less the @, when alone), punctuation."""
    text = fold(name or "")
    without = re.sub(r"\\?@[\w.-]+", " ", text)
    text = without if re.search(r"\w", without) else text.replace("@", " ")  # a bare @handle stays
    text = re.sub(r"[^\w\s'-]|_", " ", text)
    text = re.sub(r"[-']", " ", text)
    return " ".join(text.split())


def initials(name: str) -> str:
    """Return the initials of a normalised name (``matt fisher`` -> ``mf``)."""
    return "".join(word[0] for word in name.split())


# Between the names of several owners: "Sean and Alexa", "Sean, Alexa", "Léa et Marc", "AB/CD".
_OWNERS = re.compile(r"\s*(?:,|;|/|&|\+|\band\b|\bet\b)\s*", re.I)


def same_person(truth: str | None, found: str | None) -> bool:
    """Return True when ``found`` names who ``truth`` names: the same person (equal, or initials), or the same owners.

    Several owners match when each written name matches one found, however they are joined
    ("Sean and Alexa" and "Sean, Alexa").
    """
    t_names = [n for n in _OWNERS.split(truth or "") if n.strip()]
    f_names = [n for n in _OWNERS.split(found or "") if n.strip()]
    if len(t_names) > 1 and len(t_names) == len(f_names):
        return all(any(_one_person(t, f) for f in f_names) for t in t_names)
    return _one_person(truth, found)


def _one_person(truth: str | None, found: str | None) -> bool:
    """Return True when ``found`` names the person ``truth`` names (equal, or initials of it)."""
    t, f = normalise_name(truth), normalise_name(found)
    if not t or not f:
        return False
    if t == f:
        return True
    # initials name the person either way: "MF" found for "Matt Fisher", or "Greg Wilson"
    # found (resolved from the attendees) where the minutes wrote "GW"
    return (" " not in f and len(f) >= 2 and len(t.split()) >= 2 and f == initials(t)) or \
        (" " not in t and len(t) >= 2 and len(f.split()) >= 2 and t == initials(f))


def words(text: str | None) -> frozenset[str]:
    """Return the set of normalised content words of ``text``."""
    return frozenset(w for w in re.findall(r"\w+", fold(text or "")) if w not in STOP_WORDS and w != "_")


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Return the token-set overlap ``|a & b| / min(|a|, |b|)`` (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Return ``|a & b| / |a | b|``, the tie-break between equal overlaps (closer texts first)."""
    return len(a & b) / len(a | b) if a or b else 0.0


def match_texts(truth: list[str], found: list[str], threshold: float = THRESHOLD) -> list[tuple[int, int]]:
    """Return one-to-one (truth index, found index) pairs, best overlap first, above ``threshold``."""
    tw = [words(t) for t in truth]
    fw = [words(f) for f in found]
    pairs = sorted(((overlap(a, b), jaccard(a, b), i, j) for i, a in enumerate(tw) for j, b in enumerate(fw)),
                   key=lambda p: (-p[0], -p[1], p[2], p[3]))
    used_t: set[int] = set()
    used_f: set[int] = set()
    matches = []
    for score, _, i, j in pairs:
        if score < threshold:
            break
        if i in used_t or j in used_f:
            continue
        used_t.add(i)
        used_f.add(j)
        matches.append((i, j))
    return sorted(matches)


def match_names(truth: list[str], found: list[str]) -> list[tuple[int, int]]:
    """Return one-to-one (truth index, found index) pairs of equal normalised names."""
    free: dict[str, list[int]] = {}
    for j, name in enumerate(found):
        free.setdefault(normalise_name(name), []).append(j)
    matches = []
    for i, name in enumerate(truth):
        slots = free.get(normalise_name(name))
        if slots:
            matches.append((i, slots.pop(0)))
    return matches


@dataclass
class Count:
    """Counts of one field: how many in the truth, found by the reader, and right."""

    truth: int = 0
    found: int = 0
    right: int = 0

    def add(self, other: Count) -> None:
        self.truth += other.truth
        self.found += other.found
        self.right += other.right

    @property
    def recall(self) -> float | None:
        return self.right / self.truth if self.truth else None

    @property
    def precision(self) -> float | None:
        return self.right / self.found if self.found else None


@dataclass
class FileScore:
    """The score of one annotated file."""

    name: str
    status: str = "read"  # read, refused or crashed
    message: str = ""
    date_truth: str | None = None
    date_found: str | None = None
    counts: dict[str, Count] = field(default_factory=lambda: {f: Count() for f in FIELDS})
    attendance: Count = field(default_factory=Count)

    @property
    def date_right(self) -> bool:
        return self.date_found is not None and self.date_found == self.date_truth


def empty_found() -> dict:
    return {"date": None, "attendees": [], "decisions": [], "actions": []}


def read_found(path: Path) -> dict:
    """Return what docgen reads from ``path`` in the truth's shape; raise InputError when refused."""
    try:
        from docgen.minutes import load
    except ImportError:  # the function moved: read through the reader table, then validate
        from docgen.model.meeting import Minutes
        from docgen.model.validate import validated
        from docgen.readers.table import read

        def load(path: Path) -> Minutes:
            return validated(Minutes, read(path, "meeting"))
    minutes = load(path)
    return {
        "date": str(minutes.meeting.date) if minutes.meeting.date else None,
        "attendees": [{"name": a.name, "attendance": str(a.attendance)} for a in minutes.attendees],
        "decisions": [d.text for d in minutes.decisions],
        "actions": [{"text": a.text, "owner": a.owner, "due": str(a.due) if a.due else None}
                    for a in minutes.actions],
    }


def score(name: str, truth: dict, found: dict) -> FileScore:
    """Return the FileScore of one file from its truth and what the reader found."""
    result = FileScore(name, date_truth=truth.get("date"), date_found=found.get("date"))
    c = result.counts
    t_att, f_att = truth.get("attendees", []), found.get("attendees", [])
    pairs = match_names([a["name"] for a in t_att], [a["name"] for a in f_att])
    c["attendees"] = Count(len(t_att), len(f_att), len(pairs))
    result.attendance = Count(len(pairs), len(pairs),
                              sum(t_att[i].get("attendance") == f_att[j].get("attendance") for i, j in pairs))
    t_dec, f_dec = truth.get("decisions", []), found.get("decisions", [])
    c["decisions"] = Count(len(t_dec), len(f_dec), len(match_texts(t_dec, f_dec)))
    t_act, f_act = truth.get("actions", []), found.get("actions", [])
    pairs = match_texts([a["text"] for a in t_act], [a["text"] for a in f_act])
    c["actions"] = Count(len(t_act), len(f_act), len(pairs))
    c["owners"] = Count(sum(1 for a in t_act if a.get("owner")),
                        sum(1 for _, j in pairs if f_act[j].get("owner")),
                        sum(1 for i, j in pairs if same_person(t_act[i].get("owner"), f_act[j].get("owner"))))
    c["due"] = Count(sum(1 for a in t_act if a.get("due")),
                     sum(1 for _, j in pairs if f_act[j].get("due")),
                     sum(1 for i, j in pairs if t_act[i].get("due") and t_act[i]["due"] == f_act[j].get("due")))
    return result


def annotated_files(folder: Path, split: str = "all") -> list[Path]:
    """Return the ``.md`` files of ``folder`` that have truth, restricted to ``split`` (dev, heldout, all)."""
    files = sorted(p for p in folder.glob("*.md")
                   if p.with_name(p.stem + ".expected.json").is_file())
    if split == "all":
        return files
    split_file = folder / "split.json"
    if not split_file.is_file():
        raise SystemExit(f"{split_file}: no split.json, cannot select --split {split}")
    assignment = json.loads(split_file.read_text(encoding="utf-8"))
    return [p for p in files if assignment.get(p.name) == split]


def truth_of(path: Path) -> dict:
    """Return the truth written for the notes file ``path`` (its ``.expected.json``)."""
    return json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))


def score_reading(path: Path, second: Path) -> FileScore:
    """Return the score of the second annotation ``second`` of ``path`` against ``path``'s truth."""
    return score(path.name, truth_of(path), json.loads(second.read_text(encoding="utf-8")))


def score_file(path: Path, truth_path: Path | None = None) -> FileScore:
    """Read ``path`` with docgen; return its score against ``truth_path`` (default: its ``.expected.json``)."""
    truth = truth_of(path) if truth_path is None else json.loads(truth_path.read_text(encoding="utf-8"))
    from docgen.errors import InputError

    status, message = "read", ""
    try:
        found = read_found(path)
    except InputError as exc:
        status, message, found = "refused", str(exc).splitlines()[0] if str(exc) else "", empty_found()
    except Exception as exc:  # noqa: BLE001 - a reader crash is measured, not fatal
        status, message, found = "crashed", f"{type(exc).__name__}: {exc}", empty_found()
    result = score(path.name, truth, found)
    result.status, result.message = status, message
    return result


def summary(results: list[FileScore]) -> dict:
    """Return the totals of ``results``: counts, recall and precision per field, dates, statuses."""
    totals = {f: Count() for f in FIELDS}
    attendance = Count()
    for r in results:
        for f in FIELDS:
            totals[f].add(r.counts[f])
        attendance.add(r.attendance)
    return {
        "files": len(results),
        "fields": {f: {"truth": c.truth, "found": c.found, "right": c.right,
                       "recall": c.recall, "precision": c.precision} for f, c in totals.items()},
        "attendance_on_matched": {"matched": attendance.truth, "right": attendance.right},
        "meeting_date": {"right": sum(r.date_right for r in results), "files": len(results)},
        "refused": [r.name for r in results if r.status == "refused"],
        "crashed": [r.name for r in results if r.status == "crashed"],
    }


def _pct(value: float | None) -> str:
    return "   -" if value is None else f"{value:4.0%}"


def render(report: dict, results: list[FileScore], per_file: bool = False) -> str:
    """Return the printed table of a summary (and one line per file when ``per_file``)."""
    lines = [f"{'field':<10} {'recall':>6} {'precision':>9} {'right':>6} {'truth':>6} {'found':>6}"]
    for f, v in report["fields"].items():
        lines.append(f"{f:<10} {_pct(v['recall']):>6} {_pct(v['precision']):>9} "
                     f"{v['right']:>6} {v['truth']:>6} {v['found']:>6}")
    d = report["meeting_date"]
    rate = d["right"] / d["files"] if d["files"] else None
    lines.append(f"meeting date: {d['right']}/{d['files']} files ({_pct(rate).strip()})")
    a = report["attendance_on_matched"]
    lines.append(f"attendance on matched attendees: {a['right']}/{a['matched']}")
    lines.append(f"refused: {len(report['refused'])} {', '.join(report['refused'])}".rstrip())
    lines.append(f"crashed: {len(report['crashed'])} {', '.join(report['crashed'])}".rstrip())
    if per_file:
        lines.append("")
        for r in results:
            cells = " ".join(f"{f}={r.counts[f].right}/{r.counts[f].truth}/{r.counts[f].found}" for f in FIELDS)
            mark = "ok" if r.date_right else f"date {r.date_found} != {r.date_truth}"
            lines.append(f"{r.name}: {r.status} {mark} {cells} {r.message}".rstrip())
    return "\n".join(lines)


def misses(path: Path) -> str:
    """Return, for one annotated file, the truth items the reader missed and what it found wrongly.

    Decisions and actions unmatched on either side, attendees by name, and owners and due dates
    that differ on matched actions: the worklist of someone improving the reader.
    """
    truth = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    from docgen.errors import InputError

    try:
        found = read_found(path)
    except InputError as exc:
        return f"{path.name}: refused: {str(exc).splitlines()[0] if str(exc) else ''}"
    lines = [f"{path.name}: date {found['date']} (truth {truth.get('date')})"]
    t_names = [a["name"] for a in truth.get("attendees", [])]
    f_names = [a["name"] for a in found["attendees"]]
    pairs = match_names(t_names, f_names)
    lines += [f"  attendee missed: {t_names[i]}" for i in sorted(set(range(len(t_names))) - {i for i, _ in pairs})]
    lines += [f"  attendee wrong:  {f_names[j]}" for j in sorted(set(range(len(f_names))) - {j for _, j in pairs})]
    for field_name in ("decisions", "actions"):
        t_items, f_items = truth.get(field_name, []), found[field_name]
        t_texts = [t if isinstance(t, str) else t["text"] for t in t_items]
        f_texts = [f if isinstance(f, str) else f["text"] for f in f_items]
        pairs = match_texts(t_texts, f_texts)
        lines += [f"  {field_name[:-1]} missed: {t_texts[i]}"
                  for i in sorted(set(range(len(t_texts))) - {i for i, _ in pairs})]
        lines += [f"  {field_name[:-1]} wrong:  {f_texts[j][:160]!r}"
                  for j in sorted(set(range(len(f_texts))) - {j for _, j in pairs})]
        if field_name == "actions":
            for i, j in pairs:
                t, f = t_items[i], f_items[j]
                if t.get("owner") and not same_person(t["owner"], f.get("owner")):
                    lines.append(f"  owner: {t['owner']!r} read as {f.get('owner')!r} ({t['text'][:60]})")
                if t.get("due") and t["due"] != f.get("due"):
                    lines.append(f"  due: {t['due']} read as {f.get('due')} ({t['text'][:60]})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m docgen.eval.notes", description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder of NAME.md files with NAME.expected.json truth")
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default="all")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--files", action="store_true", help="also print one line per file (right/truth/found)")
    parser.add_argument("--misses", action="store_true",
                        help="print, per file, the items missed and found wrongly instead of the scores")
    parser.add_argument("--against", type=Path, metavar="DIR",
                        help="score DIR's second annotations (NAME.expected.json) against the truth, "
                             "beside the reader on the same files")
    args = parser.parse_args(argv)
    if args.against is not None and (args.misses or args.files):
        parser.error("--against prints the two summaries only: drop --misses and --files")
    files = annotated_files(args.folder, args.split)
    if args.against is not None:
        files = [p for p in files if (args.against / f"{p.stem}.expected.json").is_file()]
    if not files:
        print(f"{args.folder}: no annotated .md files for split {args.split}", file=sys.stderr)
        return 2
    if args.misses:
        print("\n".join(misses(p) for p in files))
        return 0
    if args.against is not None:
        return _agreement(files, args.against, args.json)
    results = [score_file(p) for p in files]
    report = summary(results)
    if args.json:
        if args.files:
            report["per_file"] = [{"file": r.name, "status": r.status, "message": r.message,
                                   "date_right": r.date_right,
                                   **{f: vars(r.counts[f]) for f in FIELDS}} for r in results]
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print(f"{len(files)} files, split {args.split}")
        print(render(report, results, args.files))
    return 0


def _agreement(files: list[Path], second: Path, as_json: bool) -> int:
    """Print the second annotations' score and the reader's on ``files``; return the exit code 0."""
    readings = summary([score_reading(p, second / f"{p.stem}.expected.json") for p in files])
    reader = summary([score_file(p) for p in files])
    reader_second = summary([score_file(p, second / f"{p.stem}.expected.json") for p in files])
    if as_json:
        print(json.dumps({"second_reading": readings, "reader": reader, "reader_against_second": reader_second},
                         indent=2, ensure_ascii=False))
        return 0
    print(f"{len(files)} files with a second reading in {second}")
    print("second reading against the truth:")
    print(render(readings, []))
    print("reader against the truth, same files:")
    print(render(reader, []))
    print("reader against the second reading, same files:")
    print(render(reader_second, []))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
