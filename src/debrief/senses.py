"""Choosing the sense of an ambiguous term (ACP, PA, PID, SI, CD, DES …) from its surroundings.

Each sense lists cue words. A cue counts more the nearer it is to the term within the paragraph,
and the sense's own expansion written nearby ("PID meant patient identifiable data") counts most.
Ties go to the term's main sense: the one whose id is the term itself ("acp" before "acp-care-plan").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from debrief.tokens import TOKEN, form_key, token_key

if TYPE_CHECKING:
    from debrief.glossary import Entry
    from debrief.matcher import Match

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
WINDOW = 60  # tokens either side that can influence a sense
EXPANSION_WEIGHT = 3.0
MAIN_SENSE_BONUS = 0.05


def rank_senses(text: str, matches: list[Match]) -> list[Match]:
    """The matches with the senses of each ambiguous one ordered best first."""
    if not any(len(m.senses) > 1 for m in matches):
        return matches
    bounds = [0] + [b.end() for b in _PARAGRAPH_BREAK.finditer(text)] + [len(text) + 1]
    paragraphs: dict[int, _Paragraph] = {}
    ranked = []
    for match in matches:
        if len(match.senses) > 1:
            index = _paragraph_index(bounds, match.start)
            para = paragraphs.get(index)
            if para is None:
                para = paragraphs[index] = _Paragraph(text, bounds[index], bounds[index + 1] - 1)
            match = replace(match, senses=order_senses(match.senses, para, match.start))
        ranked.append(match)
    return ranked


def _paragraph_index(bounds: Sequence[int], position: int) -> int:
    lo, hi = 0, len(bounds) - 2
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if bounds[mid] <= position:
            lo = mid
        else:
            hi = mid - 1
    return lo


class _Paragraph:
    def __init__(self, text: str, start: int, end: int):
        found = list(TOKEN.finditer(text, start, max(start, end)))
        self.starts = [m.start() for m in found]
        self.keys = [_cue_key(m.group()) for m in found]


def _cue_key(word: str) -> str:
    key = token_key(word)
    return key[:-1] if len(key) > 3 and key.endswith("s") else key


def order_senses(senses: Sequence[Entry], para: _Paragraph, position: int) -> tuple[Entry, ...]:
    import bisect

    at = bisect.bisect_left(para.starts, position)
    lo, hi = max(0, at - WINDOW), min(len(para.keys), at + WINDOW + 1)
    scores = []
    for order, sense in enumerate(senses):
        score = 0.0
        # The sense's expansion written nearby is the strongest cue; its words then do not
        # count again as single cue words.
        inside: set[int] = set()
        expansion = [_cue_key(w) for w in form_key(sense.expansion).split()]
        if len(expansion) > 1:
            for k in range(lo, hi - len(expansion) + 1):
                if para.keys[k : k + len(expansion)] == expansion:
                    score += EXPANSION_WEIGHT / (1.0 + abs(k - at) / 6.0)
                    inside.update(range(k, k + len(expansion)))
        cues = {_cue_key(c) for c in sense.context}
        for k in range(lo, hi):
            if k != at and k not in inside and para.keys[k] in cues:
                score += 1.0 / (1.0 + abs(k - at) / 6.0)
        if sense.id == form_key(sense.term).replace(" ", "-"):
            score += MAIN_SENSE_BONUS
        scores.append((-score, order, sense))
    scores.sort(key=lambda s: (s[0], s[1]))
    return tuple(s[2] for s in scores)
