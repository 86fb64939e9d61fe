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
_SENTENCE_MARK = re.compile(r"[.!?;\n]")


def rank_senses(text: str, matches: list[Match]) -> list[Match]:
    """The matches, with the senses of each ambiguous one ordered best first (in place).

    Ambiguous matches of the same term in one paragraph share one scan of the text around them.
    """
    groups: dict[tuple, list[Match]] = {}
    bounds: list[int] = []
    for match in matches:
        if len(match.senses) < 2:
            continue
        if not bounds:
            bounds = [0] + [b.end() for b in _PARAGRAPH_BREAK.finditer(text)] + [len(text)]
        index = bisect.bisect_right(bounds, match.start) - 1
        # Sense tuples are shared between matches of a term: group on identity, not on a hash
        # of every field of every sense.
        groups.setdefault((index, id(match.senses)), []).append(match)
    if not groups:
        return matches
    lowered = _lower_same_length(text)
    last = len(bounds) - 1
    for (index, _), group in groups.items():
        senses = group[0].senses
        first, final = bounds[index], bounds[min(index + 1, last)]
        window = _Window(
            senses, lowered, max(first, group[0].start - REACH), min(final, group[-1].end + REACH)
        )
        for match in group:
            lo = max(first, match.start - REACH)
            hi = min(final, match.end + REACH)
            match.senses = window.order(match.start, match.end, lo, hi)
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
    return _Window(tuple(senses), text, lo, hi).order(start, end, lo, hi)


class _Window:
    """Every cue and expansion of a set of senses found in text[lo:hi] (lower case), in one
    regular-expression pass, so several matches of the term nearby can be judged on it."""

    __slots__ = ("senses", "text", "hits", "starts", "marks", "main")

    def __init__(self, senses: tuple[Entry, ...], text: str, lo: int, hi: int):
        pattern, cue_owners = _cue_pattern(senses)
        self.senses = senses
        self.text = text
        self.hits: list[tuple[int, int, float, tuple[int, ...]]] = []
        for found in pattern.finditer(text, lo, hi):
            group = found.lastgroup
            if group and group.startswith("e"):
                hit = (found.start(), found.end(), EXPANSION_WEIGHT, (int(group[1:]),))
            else:
                hit = (found.start(), found.end(), 1.0, cue_owners.get(_cue_form(found.group("cue")), ()))
            self.hits.append(hit)
        self.starts = [hit[0] for hit in self.hits]
        self.main = [k for k, e in enumerate(senses) if e.id == form_key(e.term).replace(" ", "-")]
        self.marks = [m.start() for m in _SENTENCE_MARK.finditer(text, lo, hi)]

    def order(self, start: int, end: int, lo: int, hi: int) -> tuple[Entry, ...]:
        senses = self.senses
        scores = [0.0] * len(senses)
        hits = self.hits
        for k in range(bisect.bisect_left(self.starts, lo), len(hits)):
            found_start, found_end, weight, owners = hits[k]
            if found_start >= hi:
                break
            if found_end > hi:
                continue  # runs past the edge of this match's reach
            if found_start < end and start < found_end:
                continue  # the term itself
            weight /= 1.0 + abs(found_start - start) / DECAY
            gap = (found_end, start) if found_start < start else (end, found_start)
            if self._sentence_ends(*gap):
                weight *= OTHER_SENTENCE  # a cue in another sentence says less about this one
            for owner in owners:
                scores[owner] += weight
        for k in self.main:
            scores[k] += MAIN_SENSE_BONUS
        order = sorted(range(len(senses)), key=lambda k: (-scores[k], k))
        return tuple(senses[k] for k in order)

    def _sentence_ends(self, lo: int, hi: int) -> bool:
        """A line break, or one of . ! ? ; followed by a space or by the end of the gap."""
        text, marks = self.text, self.marks
        for k in range(bisect.bisect_left(marks, lo), len(marks)):
            at = marks[k]
            if at >= hi:
                return False
            if text[at] == "\n" or at + 1 == hi or text[at + 1].isspace():
                return True
        return False


def _cue_form(word: str) -> str:
    key = word.lower()
    return key[:-1] if len(key) > 3 and key.endswith("s") else key


_PATTERNS: dict[tuple, tuple[re.Pattern[str], dict[str, tuple[int, ...]]]] = {}


def _cue_pattern(senses: tuple[Entry, ...]) -> tuple[re.Pattern[str], dict[str, tuple[int, ...]]]:
    """One pattern for all the senses' expansions (groups e0, e1 …) and cue words (group cue),
    built once per set of senses. Keyed on what the pattern is built from: hashing whole
    entries is slow, and a personal entry may keep its id while its cues change."""
    key = tuple((e.id, e.expansion, e.context) for e in senses)
    built = _PATTERNS.get(key)
    if built is None:
        if len(_PATTERNS) >= 1024:
            _PATTERNS.clear()
        built = _PATTERNS[key] = _build_cue_pattern(senses)
    return built


def _build_cue_pattern(senses: tuple[Entry, ...]) -> tuple[re.Pattern[str], dict[str, tuple[int, ...]]]:
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
