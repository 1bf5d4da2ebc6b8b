"""Colours that carry meaning (status, RAG), shared by every renderer so documents agree."""

from __future__ import annotations

# Soft fills readable in greyscale, always paired with a word in the cell.
ACTION_STATUS_FILL = {
    "open": "DDEBF7",
    "in_progress": "FFF2CC",
    "done": "E2EFDA",
    "cancelled": "EDEDED",
}
OVERDUE_FILL = "F8CBAD"
OVERDUE_TEXT = "C00000"
RAG_FILL = {"green": "C6E0B4", "amber": "FFE699", "red": "F4B183"}
RAG_STRONG = {"green": "2E8B57", "amber": "E3A21A", "red": "C0392B"}
ATTENDANCE_FILL = {"present": None, "remote": None, "excused": "F2F2F2", "absent": "F2F2F2"}
