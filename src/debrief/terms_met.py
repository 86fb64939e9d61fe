"""The terms a meeting used: how often, and the sentence each first appeared in."""

from __future__ import annotations

import re

from debrief.matcher import JargonMatcher
from debrief.meeting import Meeting

_SENTENCE_END = re.compile(r"(?<=[.?!])\s+|\n")


def meeting_terms(meeting: Meeting, matcher: JargonMatcher) -> list[tuple[str, int, str]]:
    """(entry id, count, first sentence) for every glossary term in the meeting's notes."""
    found: dict[str, list] = {}
    text = meeting.notes
    for m in matcher.find(text, meeting.initials):
        entry = m.entry
        if entry is None or entry.well_known:
            continue
        if entry.id in found:
            found[entry.id][1] += 1
        else:
            found[entry.id] = [entry.id, 1, sentence_at(text, m.start)]
    return [tuple(v) for v in found.values()]


def sentence_at(text: str, position: int) -> str:
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text, 0, position)]
    end = _SENTENCE_END.search(text, position)
    sentence = text[starts[-1] : end.start() if end else len(text)]
    return " ".join(sentence.lstrip("-*# ").split())[:300]
