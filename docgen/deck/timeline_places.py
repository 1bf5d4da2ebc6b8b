"""Where a milestone timeline's labels go: lanes above and below the ruler, and the search for free places.

Each label is tried in a few places (its lane, its side, how it sits on its connector); a
depth-first search in date order finds the first set of places where no label or connector
touches another. Used by :mod:`docgen.deck.slides_timeline`.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from docgen.ooxml.drawingml.shapes import Box

HOLD = 12.0  # a connector lands at least this far inside its label
GAP = 6.0  # between two labels of a lane, a label and a connector
PIN = 12.0  # the diamond on the ruler's edge at a milestone's date
RULER_H = 28.0
SEARCH_BUDGET = 4000  # places tried on one slide before it takes fewer milestones


@dataclass(frozen=True)
class Rows:
    """The heights of a timeline slide: the report-date strip on top, label lanes above and below the ruler."""

    body: Box
    strip: float  # the report date's label
    ruler_y: float  # the top of the month ruler
    lane_h: float
    lanes: int  # on each side of the ruler
    size: float  # of the milestones' names
    label_w: float
    key: Box | None = None  # the band of the legend and the schedule's comment, under the lanes

    def label_y(self, side: int, lane: int, height: float) -> float:
        """Return the top of a label ``height`` tall in ``lane`` above (``side`` -1) or below (+1) the ruler."""
        if side < 0:
            return self.ruler_y - PIN - GAP - lane * (self.lane_h + GAP) - height
        return self.ruler_y + RULER_H + PIN + GAP + lane * (self.lane_h + GAP)

    @property
    def top(self) -> float:
        """Return the highest a label may reach: below the report date's strip."""
        return self.body.y + self.strip + GAP

    def pin_y(self, side: int) -> float:
        """Return the top of the marker of a milestone labelled on ``side``: on that edge of the ruler."""
        return self.ruler_y - PIN if side < 0 else self.ruler_y + RULER_H


@dataclass
class Search:
    """The places one slide's search may try, and the most any slide has tried so far."""

    budget: int
    most: int = 0


@dataclass(frozen=True)
class Label:
    """A milestone label placed on the slide: its box and its connector (x, from y to y)."""

    box: Box
    x: float
    y1: float
    y2: float
    # the box's edges and the connector's span, kept for :meth:`blocks` (tried thousands of times a slide)
    edges: tuple[float, float, float, float] = field(init=False, compare=False, repr=False)
    span: tuple[float, float] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        box = self.box
        object.__setattr__(self, "edges", (box.x, box.y, box.x + box.w, box.y + box.h))
        object.__setattr__(self, "span", (min(self.y1, self.y2), max(self.y1, self.y2)))

    def blocks(self, other: Label) -> bool:
        """Return True when ``other`` would come within GAP of this label, or a connector within GAP / 2 of a label."""
        ax0, ay0, ax1, ay1 = self.edges
        bx0, by0, bx1, by1 = other.edges
        if ax0 - GAP < bx1 and bx0 < ax1 + GAP and ay0 - GAP < by1 and by0 < ay1 + GAP:
            return True
        pad = GAP / 2
        (lo, hi), (other_lo, other_hi) = self.span, other.span
        return ((bx0 - pad < self.x < bx1 + pad and lo < by1 + pad and by0 - pad < hi)
                or (ax0 - pad < other.x < ax1 + pad and other_lo < ay1 + pad and ay0 - pad < other_hi))


def places(xs: list[float], heights: list[float], rows: Rows, search: Search) -> list[tuple[Label, int]] | None:
    """Return a free place (label and side) for each label, in order, or None when there is none.

    A depth-first search in date order, each label's places tried in :func:`_candidates` order, so
    the first answer is deterministic; it gives up after ``search.budget`` places tried (counted in
    ``search.most``). Which places of a label another label's place takes is worked out once, as a
    bit mask (:meth:`_Choices.taken_by`), and reused every time the search comes back to the pair.
    """
    count = len(xs)
    options = [_candidates(x, h, rows) for x, h in zip(xs, heights)]
    reach = 2 * rows.label_w + GAP  # labels whose dates lie further apart can never touch
    nearest = [bisect_left(xs, x - reach) for x in xs]  # xs ascend: the first label near enough to each
    taken: dict[tuple[int, int, int], int] = {}  # (label, earlier label, its place) -> places of label it takes

    def takes(i: int, j: int, place: int) -> int:
        key = (i, j, place)
        if key not in taken:
            taken[key] = options[i].taken_by(options[j].place(place)[0])
        return taken[key]

    cursor, tried, i = [0] * count, 0, 0
    while 0 <= i < count:
        if tried > search.budget:
            search.most = max(search.most, tried)
            return None
        blocked = 0
        for j in range(nearest[i], i):
            blocked |= takes(i, j, cursor[j])
        free = ~blocked >> cursor[i] << cursor[i]  # the places not taken, from the cursor on
        first = (free & -free).bit_length() - 1
        size = len(options[i])
        if first < size:
            tried += first - cursor[i]
            cursor[i] = first
            i += 1
            continue
        tried += size - cursor[i]
        cursor[i] = 0  # no free place: move the label before
        i -= 1
        if i >= 0:
            cursor[i] += 1
    search.most = max(search.most, tried)
    return [options[k].place(cursor[k]) for k in range(count)] if i == count else None


@dataclass
class _Choices:
    """The places of one label, best first: every start across its connector in every lane and side it fits.

    Place ``n`` is start ``n % len(across)`` in lane ``n // len(across)``. ``across`` holds, per
    start, its left and right edges and the places that use it (a bit mask); ``lanes`` per lane
    and side, the top and bottom, the connector's span and ends, the side and the places in it.
    Labels are made only for the places a search settles on.
    """

    x: float
    wide: float
    height: float
    across: list[tuple[float, float, int]]
    lanes: list[tuple[float, float, float, float, int, int, float, float]]
    made: dict[int, tuple[Label, int]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.across) * len(self.lanes)

    def place(self, n: int) -> tuple[Label, int]:
        """Return place ``n``: its label (box and connector) and its side."""
        if n not in self.made:
            x0 = self.across[n % len(self.across)][0]
            y0, _, _, _, _, side, c1, c2 = self.lanes[n // len(self.across)]
            self.made[n] = (Label(Box(x0, y0, self.wide, self.height), self.x, c1, c2), side)
        return self.made[n]

    def taken_by(self, other: Label) -> int:
        """Return the places that ``other`` blocks (as :meth:`Label.blocks` says), as a bit mask.

        A place is blocked when its box comes within GAP of the other's (its start and its lane
        both near), when the other's connector runs through it (start and lane again), or when its
        own connector runs through the other's box (the lane alone: every start shares the
        connector): three intersections of masks instead of a test per place.
        """
        ax0, ay0, ax1, ay1 = other.edges
        low, high = other.span
        pad = GAP / 2
        near_x = near_y = through_x = through_y = crossing = 0
        for x0, x1, bits in self.across:
            if ax0 - GAP < x1 and x0 < ax1 + GAP:
                near_x |= bits
            if x0 - pad < other.x < x1 + pad:
                through_x |= bits
        for y0, y1, lo, hi, bits, *_ in self.lanes:
            if ay0 - GAP < y1 and y0 < ay1 + GAP:
                near_y |= bits
            if low < y1 + pad and y0 - pad < high:
                through_y |= bits
            if lo < ay1 + pad and ay0 - pad < hi:
                crossing |= bits
        own = crossing if ax0 - pad < self.x < ax1 + pad else 0
        return (near_x & near_y) | (through_x & through_y) | own


def _candidates(x: float, height: float, rows: Rows) -> _Choices:
    """Return the places of a label ``height`` tall for the date at ``x``, best first.

    Inner lanes first, above then below; the label centred on its connector, else reaching right
    of it, else left, else holding it near a corner.
    """
    body, wide = rows.body, rows.label_w
    starts: list[float] = []
    for start in (x - wide / 2, x - HOLD, x - wide + HOLD, x - HOLD / 3, x - wide + HOLD / 3):
        start = min(max(start, body.x), body.right - wide)
        if start + HOLD / 3 - 0.5 <= x <= start + wide - HOLD / 3 + 0.5 and start not in starts:
            starts.append(start)
    rows_in: list[tuple[float, int, float, float]] = []
    for lane in range(rows.lanes):
        for side in (-1, 1):
            y, pin = rows.label_y(side, lane, height), rows.pin_y(side)
            if y < rows.top - 0.5 or y + height > rows.body.bottom + 0.5:
                continue  # a day of many milestones: its label is taller than the lanes left
            ends = (pin, y + height) if side < 0 else (pin + PIN, y)  # the connector: ruler's edge to label
            rows_in.append((y, side, *ends))
    width = len(starts)
    lanes = [(y, y + height, min(c1, c2), max(c1, c2), ((1 << width) - 1) << (row * width), side, c1, c2)
             for row, (y, side, c1, c2) in enumerate(rows_in)]
    every = sum(1 << (row * width) for row in range(len(lanes)))
    across = [(start, start + wide, every << k) for k, start in enumerate(starts)]
    return _Choices(x, wide, height, across, lanes)
