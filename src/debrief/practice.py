"""Practice mode: a quiz on the terms from my own recent meetings. A term answered wrongly comes
back first; one answered rightly comes back after 1, 2, 4, 8, then 16 days (Leitner boxes)."""

from __future__ import annotations

from datetime import date, timedelta

from debrief.store import Notebook

INTERVALS = (0, 1, 2, 4, 8, 16)  # days until a term in box n comes back


def due_terms(notebook: Notebook, today: date, limit: int = 20) -> list[str]:
    """Terms to practise now: wrongly answered first, then new ones (most met first), then those
    whose time has come. Terms marked known are left out."""
    state = notebook.practice_state()
    known = notebook.known_terms()
    met = [t.entry_id for t in notebook.terms_met() if t.entry_id not in known]
    wrong = [e for e in met if e in state and state[e][0] == 0 and state[e][1] <= today.isoformat()]
    new = [e for e in met if e not in state]
    due = sorted(
        (e for e in met if e in state and state[e][0] > 0 and state[e][1] <= today.isoformat()),
        key=lambda e: state[e][1],
    )
    return (wrong + new + due)[:limit]


def answer(notebook: Notebook, entry_id: str, right: bool, today: date) -> tuple[int, str]:
    """Move the term to its next box (or back to the first) and return (box, due date)."""
    box = notebook.practice_state().get(entry_id, (0, ""))[0]
    box = min(box + 1, len(INTERVALS) - 1) if right else 0
    due = (today + timedelta(days=INTERVALS[box])).isoformat()
    notebook.record_practice(entry_id, box, due, right)
    return box, due
