"""Questions for my mentor: taken from a meeting's debrief into the notebook, where they stay
open (and on the home screen) until answered."""

from __future__ import annotations

import re

from debrief.glossary import Glossary
from debrief.matcher import JargonMatcher
from debrief.meeting import Meeting
from debrief.store import Notebook
from debrief.summary import build_debrief

_UNKNOWN = re.compile(r"^What does (?P<term>\S+) mean here\?$")


def record_questions(
    notebook: Notebook, meeting: Meeting, glossary: Glossary, matcher: JargonMatcher | None = None
) -> int:
    """Add the meeting's questions (explicit ones and unknown acronyms) once; returns how many
    were new."""
    if meeting.id is None:
        return 0
    debrief = build_debrief(meeting, glossary, matcher, readability=False)
    added = 0
    for item in debrief.questions:
        source = item.extra.get("source", "note")
        found = _UNKNOWN.match(item.text) if source == "unknown-term" else None
        added += notebook.add_question(
            item.text, meeting.id, source, found.group("term") if found else "", item.lines
        )
    return added
