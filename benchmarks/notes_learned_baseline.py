"""Would a learned classifier find the decisions and actions the notes reader's rules miss?

``python benchmarks/notes_learned_baseline.py [FOLDER] [--folds 5]``

The experiment behind the README's "A learned baseline" paragraph. For each annotated ``dev``
file of FOLDER (default: the real-world notes corpus), the sentences the reader leaves in the notes
(agenda items' notes and the file's notes, cut at sentence ends) are labelled ``decision`` or
``action`` when they match, by the scoring script's overlap rule, a truth item the reader missed,
else ``none``. A multinomial logistic regression over the sentence's words and word pairs, its first
words, its heading's words, the line's shape (bullet, number, checkbox, bold, ``Name:``, question,
length) and whether it names an attendee is trained by plain stochastic gradient descent (fixed
seed: the figures repeat), in folds that keep every community (the file name up to its first ``-``)
on one side. The held-out files are never read.

It prints the reader's dev figures, the figures when the classifier's sentences above a threshold
are added to what the reader found (scored on the fold that did not train it), and how many of
the classifier's highest-scored sentences are right. Standard library and docgen only.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docgen.eval.notes import (  # noqa: E402 - the project root goes on the path first
    annotated_files,
    fold,
    match_texts,
    overlap,
    read_found,
    score,
    summary,
    truth_of,
    words,
)

CORPUS = ROOT / "tests" / "data" / "realworld_notes_corpus"
CLASSES = ("none", "decision", "action")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-ZÀ-Ý«\"'(])")
_TOKEN = re.compile(r"\w+")
_DATE = re.compile(r"\b(\d{1,2}[/.]\d{1,2}|\d{4}-\d\d-\d\d|monday|tuesday|wednesday|thursday|friday"
                   r"|lundi|mardi|mercredi|jeudi|vendredi)\b")
_NAME_LABEL = re.compile(r"\s*(?:[-*+]\s+)?(?:\*\*)?[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?(?:\*\*)?\s*[:\-–]")


def leftover_sentences(path: Path) -> tuple[dict, list[dict]]:
    """Return what the reader found in ``path`` and the sentences it left in the notes, with context."""
    from docgen.minutes import load

    minutes = load(path)
    found = read_found(path)
    attendees = [a.name for a in minutes.attendees]
    sentences = []
    for title, notes in [("", minutes.notes)] + [(a.title, a.notes) for a in minutes.agenda]:
        for line in (notes or "").split("\n"):
            for sentence in _SENTENCE_END.split(line):
                if len(words(sentence)) >= 2:
                    sentences.append({"title": title or "", "line": line, "text": sentence,
                                      "attendees": attendees})
    return found, sentences


def label(sentences: list[dict], truth: dict, found: dict) -> None:
    """Set each sentence's ``label``: the kind of a truth item the reader missed that it matches, or none."""
    missed = {}
    for kind in ("decisions", "actions"):
        t_texts = [t if isinstance(t, str) else t["text"] for t in truth.get(kind, [])]
        f_texts = [f if isinstance(f, str) else f["text"] for f in found[kind]]
        matched = {i for i, _ in match_texts(t_texts, f_texts)}
        missed[kind] = [words(t) for i, t in enumerate(t_texts) if i not in matched]
    for s in sentences:
        w = words(s["text"])
        best = {k: max((overlap(t, w) for t in missed[k]), default=0.0) for k in missed}
        s["label"] = "none"
        if max(best.values()) >= 0.5:
            s["label"] = "decision" if best["decisions"] >= best["actions"] else "action"


def features(s: dict) -> list[str]:
    """Return the feature names of one sentence: words, pairs, first words, heading words, shape."""
    tokens = _TOKEN.findall(fold(s["text"]))
    out = ["w:" + t for t in tokens] + ["b:" + a + "_" + b for a, b in zip(tokens, tokens[1:])]
    out += ["first:" + "_".join(tokens[:n]) for n in (1, 2) if len(tokens) >= n]
    out += ["h:" + t for t in _TOKEN.findall(fold(s["title"]))]
    line = s["line"].lstrip()
    shapes = {"bullet": r"[-*+]\s", "number": r"\d+[.)]\s", "box": r"[-*+]\s+\[[ xX]\]"}
    out += ["shape:" + k for k, p in shapes.items() if re.match(p, line)]
    out += ["shape:bold"] * ("**" in line) + ["shape:name-label"] * bool(_NAME_LABEL.match(s["text"]))
    out += ["shape:question"] * s["text"].rstrip().endswith("?") + ["has:date"] * bool(_DATE.search(fold(s["text"])))
    n = len(tokens)
    out.append("len:" + ("1-3" if n <= 3 else "4-8" if n <= 8 else "9-20" if n <= 20 else "21+"))
    firsts = {fold(a.split()[0]) for a in s["attendees"] if a.split()}
    if tokens and tokens[0] in firsts:
        out.append("attendee:first")
    if firsts & set(tokens):
        out.append("attendee:named")
    return out + ["bias"]


def probabilities(weights: dict[str, dict[str, float]], feats: list[str]) -> list[float]:
    """Return the softmax probabilities of CLASSES for one sentence's features."""
    scores = [sum(weights[c].get(f, 0.0) for f in feats) for c in CLASSES]
    top = max(scores)
    exps = [math.exp(v - top) for v in scores]
    return [e / sum(exps) for e in exps]


def train(rows: list[tuple[list[str], int]], epochs: int = 15, rate: float = 0.2,
          l2: float = 1e-4) -> dict[str, dict[str, float]]:
    """Return logistic-regression weights per class, trained by SGD in a fixed, seeded order."""
    weights: dict[str, dict[str, float]] = {c: defaultdict(float) for c in CLASSES}
    order = list(rows)
    shuffle = random.Random(1).shuffle
    for epoch in range(epochs):
        shuffle(order)
        step = rate / (1 + epoch)
        for feats, y in order:
            probs = probabilities(weights, feats)
            for k, c in enumerate(CLASSES):
                gradient = probs[k] - (k == y)
                for f in feats:
                    weights[c][f] -= step * (gradient + l2 * weights[c][f])
    return weights


def community(name: str) -> str:
    """Return the community a corpus file comes from: its name up to the first ``-``."""
    return name.split("-", 1)[0]


def cross_validate(data: dict[str, dict], folds: int) -> dict[tuple[str, int], list[float]]:
    """Return each sentence's class probabilities from a model trained on the other communities."""
    groups = sorted({community(n) for n in data})
    predicted = {}
    for k in range(folds):
        test = set(groups[k::folds])
        rows = [(s["features"], CLASSES.index(s["label"])) for n, d in data.items()
                if community(n) not in test for s in d["sentences"]]
        weights = train(rows)
        for n, d in data.items():
            if community(n) in test:
                for i, s in enumerate(d["sentences"]):
                    predicted[n, i] = probabilities(weights, s["features"])
    return predicted


def figures(data: dict[str, dict], predicted: dict, threshold: float) -> str:
    """Return recall/precision of decisions and actions with the sentences above ``threshold`` added."""
    results = []
    for name, d in data.items():
        found = {**d["found"], "decisions": list(d["found"]["decisions"]), "actions": list(d["found"]["actions"])}
        for i, s in enumerate(d["sentences"]):
            _, p_dec, p_act = predicted[name, i]
            if p_dec >= threshold and p_dec >= p_act:
                found["decisions"].append(s["text"])
            elif p_act >= threshold:
                found["actions"].append({"text": s["text"], "owner": None, "due": None})
        results.append(score(name, d["truth"], found))
    fields = summary(results)["fields"]
    return "  ".join(f"{f} {fields[f]['recall']:.0%}/{fields[f]['precision']:.0%}" for f in ("decisions", "actions"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=CORPUS)
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    data = {}
    for path in annotated_files(args.folder, "dev"):
        found, sentences = leftover_sentences(path)
        label(sentences, truth_of(path), found)
        for s in sentences:
            s["features"] = features(s)
        data[path.name] = {"found": found, "truth": truth_of(path), "sentences": sentences}
    counts = defaultdict(int)
    for d in data.values():
        for s in d["sentences"]:
            counts[s["label"]] += 1
    print(f"{len(data)} dev files, {sum(counts.values())} sentences left in the notes: "
          + ", ".join(f"{counts[c]} {c}" for c in CLASSES))
    predicted = cross_validate(data, args.folds)
    print(f"reader alone:              {figures(data, predicted, 2.0)}")
    for threshold in (0.9, 0.7, 0.5):
        print(f"with sentences >= {threshold:.1f}:   {figures(data, predicted, threshold)}")
    print(_ranking(data, predicted))
    # The same model scored on the files that trained it: what it can fit, against what carries over.
    rows = [(s["features"], CLASSES.index(s["label"])) for d in data.values() for s in d["sentences"]]
    weights = train(rows)
    fitted = {(n, i): probabilities(weights, s["features"])
              for n, d in data.items() for i, s in enumerate(d["sentences"])}
    print(f"on its own training files, >= 0.5: {figures(data, fitted, 0.5)}")
    print(_ranking(data, fitted))
    return 0


def _ranking(data: dict[str, dict], predicted: dict) -> str:
    """Return how many of the highest-scored decision and action sentences are right."""
    lines = []
    for k, kind in ((1, "decision"), (2, "action")):
        ranked = sorted(predicted, key=lambda key: -predicted[key][k])
        hits = [data[n]["sentences"][i]["label"] == kind for n, i in ranked]
        lines.append(f"  highest-scored {kind} sentences right: "
                     + ", ".join(f"{sum(hits[:top])} of {top}" for top in (10, 25, 50, 100)))
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
