"""The timeline's label search (docgen.deck.timeline_places): its bit masks say what Label.blocks says."""

from __future__ import annotations

import random

from docgen.deck.timeline_places import Rows, Search, _candidates, places
from docgen.ooxml.drawingml.shapes import Box

ROWS = Rows(Box(36, 88, 888, 404), 18.0, 260.0, 52.0, 2, 14.0, 210.0)


def test_masks_agree_with_label_blocks_for_every_place():
    rng = random.Random(17)
    for _ in range(200):
        mine = _candidates(rng.uniform(40, 920), rng.choice((37.0, 52.0, 67.0)), ROWS)
        other = _candidates(rng.uniform(40, 920), rng.choice((37.0, 52.0)), ROWS)
        placed = other.place(rng.randrange(len(other)))[0]
        mask = mine.taken_by(placed)
        assert [bool(mask >> n & 1) for n in range(len(mine))] == [placed.blocks(mine.place(n)[0])
                                                                    for n in range(len(mine))]


def test_labels_far_apart_take_their_first_places_and_crowded_ones_move():
    far = places([100.0, 500.0, 900.0], [37.0] * 3, ROWS, Search(4000))
    assert far is not None and all(label.box.y < ROWS.ruler_y for label, _ in far)  # each the first place
    near = places([400.0, 410.0, 420.0, 430.0], [37.0] * 4, ROWS, Search(4000))
    assert near is not None
    boxes = [label.box for label, _ in near]
    assert not any(a.overlaps(b, 0) for n, a in enumerate(boxes) for b in boxes[n + 1:])
    assert places([400.0 + n for n in range(9)], [37.0] * 9, ROWS, Search(4000)) is None  # 9 labels, 4 lanes
