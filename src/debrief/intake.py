"""Notes written elsewhere (a phone, a text editor) brought into the notebook as a meeting."""

from __future__ import annotations

from datetime import date

from debrief.matcher import JargonMatcher
from debrief.meeting import Meeting
from debrief.notes_file import meeting_from_text
from debrief.questions import record_questions
from debrief.store import Notebook
from debrief.terms_met import jargon_count, meeting_terms


def add_notes(
    notebook: Notebook, text: str, matcher: JargonMatcher, today: date | None = None
) -> tuple[Meeting, bool]:
    """The meeting for these notes, and whether it is new: title, date, kind and attendees are
    read from the text, as for `debrief summary FILE`; its questions for the mentor join the open
    questions, as when a meeting written in the app is closed. The same notes added twice are
    stored once."""
    meeting = meeting_from_text(text, today=today)
    existing = notebook.find_copy(meeting)
    if existing is not None:
        return existing, False
    matches = matcher.find(meeting.notes, meeting.initials)  # once, for the count and the terms
    stored = notebook.add(meeting, jargon_count=jargon_count(matches))
    notebook.set_meeting_terms(stored.id, meeting_terms(stored, matcher, matches))
    record_questions(notebook, stored, matcher.glossary, matcher)
    return stored, True
