"""Choosing the sense of an ambiguous term (ACP, PA, PID, SI, CD, DES …) from its surroundings.

Each sense lists cue words. A cue counts more the nearer it is to the term within its paragraph,
and the sense's own expansion written nearby ("PID meant patient identifiable data") counts most.
Ties go to the term's main sense: the one whose id is the term itself ("acp" before "acp-care-plan").

One regular expression per set of senses finds every cue and expansion near the term in one pass,
so ranking costs about the same however long the paragraph is.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from debrief.tokens import TOKEN, form_key

if TYPE_CHECKING:
    from debrief.glossary import Entry
    from debrief.matcher import Match

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
REACH = 300  # characters either side of the term (about 45 words) that can influence its sense
EXPANSION_WEIGHT = 3.0
MAIN_SENSE_BONUS = 0.05
DECAY = 36.0  # a cue this many characters (about six words) away counts half as much
OTHER_SENTENCE = 0.5
_SENTENCE_END = re.compile(r"[.!?;](?:\s|$)|\n")


def rank_senses(text: str, matches: list[Match]) -> list[Match]:
    """The matches, with the senses of each ambiguous one ordered best first (in place)."""
    bounds: list[int] | None = None
    lowered = text
    for match in matches:
        if len(match.senses) < 2:
            continue
        if bounds is None:
            bounds = [0] + [b.end() for b in _PARAGRAPH_BREAK.finditer(text)] + [len(text)]
            lowered = _lower_same_length(text)
        index = bisect.bisect_right(bounds, match.start) - 1
        lo = max(bounds[index], match.start - REACH)
        hi = min(bounds[min(index + 1, len(bounds) - 1)], match.end + REACH)
        match.senses = order_senses(match.senses, lowered, match.start, match.end, lo, hi)
    return matches


def _lower_same_length(text: str) -> str:
    """Lower case without moving offsets (a few characters grow when lower-cased, such as "İ")."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def order_senses(
    senses: Sequence[Entry], text: str, start: int, end: int, lo: int, hi: int
) -> tuple[Entry, ...]:
    """The senses, best first, for the term at text[start:end], judged on text[lo:hi] (lower case)."""
    senses = tuple(senses)
    pattern, cue_owners = _cue_pattern(senses)
    scores = [0.0] * len(senses)
    for found in pattern.finditer(text, lo, hi):
        if found.start() < end and start < found.end():
            continue  # the term itself
        weight = 1.0 / (1.0 + abs(found.start() - start) / DECAY)
        lo_gap, hi_gap = sorted((found.end(), start)) if found.start() < start else (end, found.start())
        if _SENTENCE_END.search(text, lo_gap, hi_gap):
            weight *= OTHER_SENTENCE  # a cue in another sentence says less about this one
        group = found.lastgroup
        if group and group.startswith("e"):
            scores[int(group[1:])] += EXPANSION_WEIGHT * weight
        else:
            for owner in cue_owners.get(_cue_form(found.group("cue")), ()):
                scores[owner] += weight
    for k, sense in enumerate(senses):
        if sense.id == form_key(sense.term).replace(" ", "-"):
            scores[k] += MAIN_SENSE_BONUS
    order = sorted(range(len(senses)), key=lambda k: (-scores[k], k))
    return tuple(senses[k] for k in order)


def _cue_form(word: str) -> str:
    key = word.lower()
    return key[:-1] if len(key) > 3 and key.endswith("s") else key


@lru_cache(maxsize=1024)
def _cue_pattern(senses: tuple[Entry, ...]) -> tuple[re.Pattern[str], dict[str, tuple[int, ...]]]:
    """One pattern for all the senses' expansions (groups e0, e1 …) and cue words (group cue)."""
    alternatives = []
    owners: dict[str, list[int]] = {}
    for k, sense in enumerate(senses):
        words = form_key(sense.expansion).split()
        if len(words) > 1:
            alternatives.append(f"(?P<e{k}>" + r"[\W_]+".join(map(re.escape, words)) + ")")
        for cue in sense.context:
            for word in TOKEN.findall(cue):
                owners.setdefault(_cue_form(word), []).append(k)
    cues = sorted(owners, key=len, reverse=True)
    if cues:
        alternatives.append("(?P<cue>" + "|".join(map(re.escape, cues)) + ")")
    body = "|".join(alternatives) or "(?!)"
    pattern = re.compile(rf"(?<![^\W_])(?:{body})(?:e?s)?(?:['’]s)?(?![^\W_])")
    return pattern, {cue: tuple(dict.fromkeys(ks)) for cue, ks in owners.items()}
