"""The terms a meeting used: how often, and the sentence each first appeared in."""

from __future__ import annotations

import re

from debrief.matcher import JargonMatcher, Match
from debrief.meeting import Meeting

_SENTENCE_END = re.compile(r"(?<=[.?!])\s+|\n")


def meeting_terms(
    meeting: Meeting, matcher: JargonMatcher, matches: list[Match] | None = None
) -> list[tuple[str, int, str]]:
    """(entry id, count, first sentence) for every glossary term in the meeting's notes
    (`matches`: the notes' matches, when the caller already has them)."""
    found: dict[str, list] = {}
    text = meeting.notes
    for m in matches if matches is not None else matcher.find(text, meeting.initials):
        entry = m.entry
        if entry is None or entry.well_known:
            continue
        if entry.id in found:
            found[entry.id][1] += 1
        else:
            found[entry.id] = [entry.id, 1, sentence_at(text, m.start)]
    return [tuple(v) for v in found.values()]


def jargon_count(matches: list[Match]) -> int:
    """How many terms the notes use that a newcomer may not know (the home list's count)."""
    return sum(1 for m in matches if not m.well_known)


def sentence_at(text: str, position: int) -> str:
    # A line break ends a sentence, so the search starts where the line does (back over the run
    # of white space around its break, which a sentence end can span), not at the top of the
    # text: reading from the top for every term made long notes slow.
    start = text.rfind("\n", 0, position) + 1
    while start > 0 and text[start - 1].isspace():
        start -= 1
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text, start, position)]
    end = _SENTENCE_END.search(text, position)
    sentence = text[starts[-1] : end.start() if end else len(text)]
    return " ".join(sentence.lstrip("-*# ").split())[:300]
