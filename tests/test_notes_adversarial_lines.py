"""Lines made to defeat the notes reader's patterns are read in linear time.

Each shape here once took the reader tens of seconds or more (a second reading of the rules
of 1 December found them): a pattern with optional marks and blanks in a row tried every split
of a long run of no-break spaces, or a pattern started at every blank of a run rescanned it.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from docgen.errors import InputError
from docgen.readers.markdown_minutes import read_markdown_minutes

NBSP = "\u00a0"
SHAPES = {
    # "Nick" over a list in an actions section, its line padded with no-break spaces (9 KB: 88 s)
    "owner_line_nbsp": "# Sync 2026-03-04\n\n## Actions\n\nNick" + NBSP * 30_000 + "x\n\n- send the plan\n",
    # a paragraph line with a long run of no-break spaces (90 KB: over 150 s)
    "paragraph_nbsp": "# Sync 2026-03-04\n\na" + NBSP * 100_000 + "x\n",
    # an everyone-then-names parenthesis never closed (50 KB: 8.7 s)
    "team_parenthesis": "# Sync 2026-03-04\n\nPrésents : tous (" + "a," * 50_000 + "\n",
    # runs of blanks before a parenthesis that never comes, in an attendee entry and a task
    "attendee_blanks": "# Sync 2026-03-04\n\n## Attendees\n\n- Ana" + NBSP * 50_000 + "x\n",
    "task_blanks": "# Sync 2026-03-04\n\n## Actions\n\n- Ana: send it" + NBSP * 50_000 + "x\n",
    "decision_field_blanks": "# Sync 2026-03-04\n\n**Decision 2:** adopt" + NBSP * 50_000 + "x\n",
    # runs under the 200 blanks kept, on 2,000 lines: each line must cost little, not only long ones
    "owner_lines_many": "# Sync 2026-03-04\n\n## Actions\n\n" + ("Nick" + NBSP * 199 + "x\n\n") * 2_000,
    # "and" / "et" inside one word were owner separators: every split of "AandBandB..." was tried
    # (a 100-character list item with a colon: 33 s; 42 s under Actions, where "X to ..." is read)
    "and_inside_words": "# Sync 2026-03-04\n\n- A" + "andB" * 40 + " x: y\n\n## Actions\n\n- A"
                        + "andB" * 40 + " x: y\n\n- " + "GetSet" * 30 + "Get x: returns null\n",
    # an attendee line of a name and a run under the 200 blanks kept, 2,000 times (100 lines: 12 s)
    "attendee_lines_many": "# Sync 2026-03-04\n\nAttendees:\n" + ("Ana" + NBSP * 199 + "x\n") * 2_000,
    # a line of fields with a full stop before each would-be label, and names wrapped on commas
    "fields_after_stops": "# Sync 2026-03-04\n\nPresent: Ana. " + "Regrets: Bo. Chair a b c d e f" * 5_000 + ":\n",
    "wrapped_names": "# Sync 2026-03-04\n\nPresent: Ana,\n" + "Bo Li,\n" * 20_000 + "Cy\n",
    # a stand-up turn of 2,000 plan lines padded with no-break spaces around the label
    "standup_turn_blanks": "# Daily 2026-03-04\n\n## Ana Lopez\n\n"
                           + ("- Today" + NBSP * 199 + "x" + NBSP * 199 + ": y\n") * 2_000 + "- Yesterday: z\n",
    # thousands of distinct attendees, wrapped after commas and in bold-label paragraphs: each one
    # was compared with every earlier one (118 KB: 12.6 s)
    "wrapped_distinct_names": "# Sync 2026-03-04\n\nPresent: A,\n"
                              + "".join(f"Ana Lopez{i},\n" for i in range(8_000)) + "Bo\n",
    "bold_label_paragraphs": "# Sync 2026-03-04\n\n" + "".join(f"**Attendees**\nAna, Bo {i}\n\n" for i in range(6_000)),
    "dashed_names": "# Sync 2026-03-04\n\nPresent: " + "Ana Lopez - " * 10_000 + "Bo\n",
}


@pytest.mark.parametrize("shape", SHAPES)
def test_an_adversarial_line_reads_in_well_under_a_second_per_hundred_kilobytes(shape: str, tmp_path: Path):
    path = tmp_path / "notes.md"
    path.write_text(SHAPES[shape], encoding="utf-8")
    start = time.perf_counter()
    try:
        read_markdown_minutes(path)
    except InputError as error:
        assert error.problems
    seconds = time.perf_counter() - start
    assert seconds < 3, f"{shape}: {seconds:.1f} s"
