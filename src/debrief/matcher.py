"""Find NHS jargon in text: exact, variant (plural, possessive, case, hyphen), fuzzy (typos) and
unknown acronyms.

How it works, and why it is fast enough to run on every keystroke:

* Text is matched line by line, and each line's result is cached by its text, so editing one line
  re-matches that line only.
* Each distinct token is normalised once (cached): its glossary key, its singular, and for a long
  non-word a typo correction against the glossary's vocabulary (rapidfuzz).
* A trie over token keys finds every glossary form starting at each token; overlaps resolve to the
  longest match.
* Senses of ambiguous terms are ranked afterwards, per paragraph, by cue words near the match.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, compress, count, filterfalse, islice
from operator import and_
from typing import NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from debrief.english import is_english_word
from debrief.glossary import Entry, Glossary
from debrief.people import initials_introduced, initials_of, is_initials
from debrief.senses import rank_senses
from debrief.tokens import TOKEN, form_key, is_acronym, strip_possessive, token_key

EXACT, VARIANT, FUZZY, UNKNOWN = "exact", "variant", "fuzzy", "unknown"
_UNSEEN = object()

# Abbreviations that everybody knows and that are not NHS jargon: never reported as unknown.
EVERYDAY_ABBREVIATIONS = frozenset(
    """TBC TBA AOB ASAP FYI ETA NB PS OK IT UK EU USA BBC TV PDF ID HR CEO CFO COO MP MPS DOB
    FAQ RSVP VAT CV CC BCC QR URL USB IQ AKA NA TODO ACTION ACTIONS AP TO DO""".split()
)
MONTHS = frozenset("JAN FEB MAR APR MAY JUN JUL AUG SEP SEPT OCT NOV DEC".split())
DAYS = frozenset("MON TUE TUES WED WEDS THU THUR THURS FRI SAT SUN".split())
_ROMAN = re.compile(r"^[IVXLC]+$")
_QUOTES = "'\"‘’“”"
_SPLIT = re.compile(f"({TOKEN.pattern})")  # split keeps the tokens: gap, token, gap, …, gap

# Fuzzy matching: tokens shorter than this are never corrected.
MIN_FUZZY_LEN = 5
MIN_FUZZY_SINGLE_WORD = 7


@dataclass(slots=True)
class Match:
    """A stretch of text that is (or looks like) jargon."""

    start: int
    end: int
    surface: str
    kind: str
    score: float
    senses: tuple[Entry, ...] = ()

    @property
    def entry(self) -> Entry | None:
        return self.senses[0] if self.senses else None

    @property
    def well_known(self) -> bool:
        return bool(self.senses) and self.senses[0].well_known

    def to_json(self) -> dict[str, object]:
        entry = self.entry
        return {
            "start": self.start,
            "end": self.end,
            "surface": self.surface,
            "kind": self.kind,
            "score": round(self.score, 1),
            "term": entry.term if entry else self.surface,
            "id": entry.id if entry else None,
            "expansion": entry.expansion if entry else None,
            "plain": entry.plain if entry else None,
            "alternatives": [e.id for e in self.senses[1:]],
        }


@dataclass(frozen=True, slots=True)
class _Form:
    entry: Entry
    text: str
    acronym: bool  # a single acronym token: case matters when lower-cased forms are words
    derived: bool = False  # made by splitting "Core20PLUS5": a match through it is a variant
    # Whether accepting it depends on the words around it, not only on its own writing.
    contextual: bool = False


@dataclass(frozen=True, slots=True)
class _Cand:
    key: str
    changed: bool  # plural or possessive removed
    fuzzy: bool


class LineMatch(NamedTuple):
    """A match within one line (offsets into the line); senses in glossary order, not ranked."""

    start: int
    end: int
    kind: str
    score: float
    senses: tuple[Entry, ...]


class JargonMatcher:
    """Matches a glossary's terms in text. Build once per glossary; reuse for every text."""

    def __init__(self, glossary: Glossary, attendees: Iterable[str] = ()):
        self.glossary = glossary
        self.attendees = tuple(attendees)
        self._trie: dict = {}
        vocab: set[str] = set()
        fuzzy_vocab: set[str] = set()
        for entry in glossary:
            for text, derived in _match_forms(entry):
                keys = [token_key(m.group()) for m in TOKEN.finditer(text)]
                if not keys:
                    continue
                single_acronym = len(keys) == 1 and is_acronym(text)
                node = self._trie
                for key in keys:
                    node = node.setdefault(key, {})
                ends = node.setdefault(None, [])
                if not any(f.entry is entry for f in ends):
                    contextual = entry.everyday or text.upper() in MONTHS
                    ends.append(_Form(entry, text, single_acronym, derived, contextual))
                vocab.update(keys)
                for key in keys:
                    long_enough = MIN_FUZZY_LEN if len(keys) > 1 else MIN_FUZZY_SINGLE_WORD
                    if key.isalpha() and len(key) >= long_enough and not single_acronym:
                        fuzzy_vocab.add(key)
        self._vocab = frozenset(vocab)
        self._fuzzy_by_initial: dict[str, list[str]] = {}
        for word in sorted(fuzzy_vocab):
            self._fuzzy_by_initial.setdefault(word[0], []).append(word)
        # token -> (candidates, starts a term, interesting, is a term alone, next keys, own keys)
        self._token_cache: dict[str, tuple] = {}
        # Tokens worth a look: _ready on their own (a term alone, or an unknown acronym),
        # _openers only when the next token is one of the _continuers (the second word of a term).
        self._ready: set[str] = set()
        self._openers: set[str] = set()
        self._continuers: set[str] = set()
        # Every word that is the second word of some term: an opener matters only before one.
        self._second_keys = frozenset(k for node in self._trie.values() for k in node if k is not None)
        self._verdicts: dict[tuple, tuple | None] = {}
        self._line_cache: dict[str, tuple[LineMatch, ...]] = {}

    # -- public API -------------------------------------------------------------------------

    def find(self, text: str, attendees: Iterable[str] | None = None) -> list[Match]:
        """Every jargon match in the text, in order, with senses ranked by context."""
        given = self.attendees if attendees is None else attendees
        skip = initials_of(given) | {i for i in initials_introduced(text) if not self.glossary.senses(i)}
        lines = text.splitlines(keepends=True)
        cache = self._line_cache
        missing = list(filterfalse(cache.__contains__, dict.fromkeys(lines)))
        if missing:
            self._remember(missing, self._match_lines(missing))
        matches: list[Match] = []
        for line, offset in zip(lines, accumulate(map(len, lines), initial=0)):
            for start, end, kind, score, senses in cache[line]:
                surface = line[start:end]
                if not (skip and is_initials(surface, skip)):
                    matches.append(Match(offset + start, offset + end, surface, kind, score, senses))
        return rank_senses(text, matches)

    def match_line(self, line: str) -> tuple[LineMatch, ...]:
        """Matches within one line (cached by the line's text)."""
        cached = self._line_cache.get(line)
        if cached is None:
            cached = self._match_lines([line])[0]
            self._remember([line], [cached])
        return cached

    def clear_cache(self) -> None:
        self._line_cache.clear()
        self._forget_tokens()
        self._verdicts.clear()

    def _forget_tokens(self) -> None:
        self._token_cache.clear()
        self._ready.clear()
        self._openers.clear()
        self._continuers.clear()

    def _remember(self, lines: list[str], results: list[tuple[LineMatch, ...]]) -> None:
        if len(self._line_cache) + len(lines) > 20_000:
            self._line_cache.clear()
        self._line_cache.update(zip(lines, results))

    # -- matching lines ---------------------------------------------------------------------

    def _match_lines(self, lines: list[str]) -> list[tuple[LineMatch, ...]]:
        """The matches within each line (offsets into the line).

        The lines are split into tokens together, joined by line breaks, which no term crosses.
        Python-level work is done only for tokens never seen before and tokens that may start a
        term; every other step runs at C speed (split, map, compress, accumulate).
        """
        results: list[tuple[LineMatch, ...]] = [()] * len(lines)
        text = "\n".join(lines)
        parts = _SPLIT.split(text)
        words = parts[1::2]
        cache = self._token_cache
        if len(cache) > 200_000:
            self._forget_tokens()
        for word in filterfalse(cache.__contains__, words):
            self._token_info(word)
        infos = list(map(cache.__getitem__, words))
        ready = compress(count(), map(self._ready.__contains__, words))
        next_continues = chain(map(self._continuers.__contains__, islice(words, 1, None)), (False,))
        maybe = compress(count(), map(and_, map(self._openers.__contains__, words), next_continues))
        hot = sorted(chain(ready, (i for i in maybe if not infos[i][4].isdisjoint(infos[i + 1][5]))))
        if not hot:
            return results  # most lines of ordinary prose stop here
        # Token i spans offs[2i]:offs[2i+1]; line k starts at line_starts[k].
        offs = list(accumulate(map(len, parts)))
        line_starts = list(accumulate(map(len, lines), initial=0))
        line_starts = [start + k for k, start in enumerate(line_starts)]
        last = len(infos) - 1
        found: list[LineMatch] = []
        unknown: list[int] = []
        line_no, line_end = -1, -1
        base = 0
        for i in hot:
            if offs[2 * i] >= line_end:  # the first interesting token of another line
                if found or unknown:
                    results[line_no] = self._resolve(found, unknown, offs, parts, base)
                    found, unknown = [], []
                line_no = bisect_right(line_starts, offs[2 * i]) - 1
                base, line_end = line_starts[line_no], line_starts[line_no + 1]
            info = infos[i]
            if not info[1]:
                unknown.append(i)
            elif i < last and not info[4].isdisjoint(infos[i + 1][5]):
                self._walk(text, offs, infos, i, found, parts, base)  # the next word may go on
            elif info[3]:  # a term on its own
                alone = info[6]
                if alone is _UNSEEN:  # judged on the words around it
                    self._walk(text, offs, infos, i, found, parts, base)
                elif alone is not None:
                    found.append(LineMatch(offs[2 * i] - base, offs[2 * i + 1] - base, *alone))
        if found or unknown:
            results[line_no] = self._resolve(found, unknown, offs, parts, base)
        return results

    @staticmethod
    def _resolve(found, unknown, offs, parts, base) -> tuple[LineMatch, ...]:
        """One line's hits (offsets from the line's start, base): the longest where they overlap,
        then acronyms the glossary does not know, in order."""
        chosen = _longest_non_overlapping(found) if _overlapping(found) else found
        for i in unknown:
            start, end = offs[2 * i] - base, offs[2 * i + 1] - base
            if not _inside(chosen, start, end) and not _month_context(parts, i):
                chosen.append(LineMatch(start, end, UNKNOWN, 0.0, ()))
        if len(chosen) > 1:
            chosen.sort()
        return tuple(chosen)

    def _walk(self, line, offs, infos, i, found, parts, base) -> None:
        """Every glossary form that starts at token i. Tokens nearly always have one candidate
        key, so follow that chain directly and branch only where a token has several. A term's
        words are joined by spaces or hyphens only: "28 days (standard" is not one phrase."""
        node, j, changed, fuzzy = self._trie, i, False, False
        n = len(infos)
        while j < n:
            if j > i and not _joins(parts[2 * j]):
                return
            cands = infos[j][0]
            if len(cands) != 1:
                self._branch(line, offs, infos, i, found, node, j, changed, fuzzy, parts, base)
                return
            cand = cands[0]
            node = node.get(cand.key)
            if node is None:
                return
            j += 1
            changed = changed or cand.changed
            fuzzy = fuzzy or cand.fuzzy
            forms = node.get(None)
            if forms is not None:
                hit = self._accept(line, offs, parts, i, j, forms, changed, fuzzy, base)
                if hit is not None:
                    found.append(hit)

    def _branch(self, line, offs, infos, i, found, node, j, changed, fuzzy, parts, base) -> None:
        stack = [
            (child, j + 1, changed or c.changed, fuzzy or c.fuzzy)
            for c in infos[j][0]
            if (child := node.get(c.key)) is not None
        ]
        while stack:
            node, j, changed, fuzzy = stack.pop()
            if None in node:
                hit = self._accept(line, offs, parts, i, j, node[None], changed, fuzzy, base)
                if hit is not None:
                    found.append(hit)
            if j < len(infos) and _joins(parts[2 * j]):
                for cand in infos[j][0]:
                    child = node.get(cand.key)
                    if child is not None:
                        stack.append((child, j + 1, changed or cand.changed, fuzzy or cand.fuzzy))

    def _accept(self, line, offs, parts, i, j, forms, changed, fuzzy, base) -> LineMatch | None:
        start, end = offs[2 * i], offs[2 * j - 1]
        surface = line[start:end]
        if j - i == 1 and forms[0].contextual:
            verdict = self._judge(line, offs, parts, i, j, surface, forms, changed, fuzzy)
        else:  # depends on the words only: judged once per distinct surface
            memo = (surface, id(forms), changed, fuzzy)
            verdict = self._verdicts.get(memo, _UNSEEN)
            if verdict is _UNSEEN:
                verdict = self._judge(line, offs, parts, i, j, surface, forms, changed, fuzzy)
                self._verdicts[memo] = verdict
        if verdict is None:
            return None
        return LineMatch(start - base, end - base, *verdict)

    def _judge(self, line, offs, parts, i, j, surface, forms, changed, fuzzy):
        single = j - i == 1
        if fuzzy and single and len(surface) < MIN_FUZZY_SINGLE_WORD:
            return None
        words = TOKEN.findall(surface)
        if fuzzy and not single and all(self._candidates(w)[0].fuzzy for w in words):
            return None
        kept = []
        for form in forms:
            if form.acronym and not _acronym_case_ok(surface, form.text):
                continue
            if single and form.entry.everyday and not _everyday_ok(line, offs, parts, i, form.entry):
                continue
            if single and form.text.upper() in MONTHS and _month_context(parts, i):
                continue
            kept.append(form)
        if not kept:
            return None
        senses = tuple(f.entry for f in kept)
        if fuzzy:
            return FUZZY, fuzz.ratio(surface.lower(), kept[0].text.lower()), senses
        if not changed and any(_same_writing(surface, f) for f in kept):
            return EXACT, 100.0, senses
        return VARIANT, 95.0, senses

    def _candidates(self, token: str) -> tuple[_Cand, ...]:
        return (self._token_cache.get(token) or self._token_info(token))[0]

    def _token_info(self, token: str) -> tuple:
        """(candidate keys, can start a term, looks like an acronym), once per distinct token."""
        key = token_key(token)
        possessive = key != token.lower()
        cands: list[_Cand] = []
        if key in self._vocab:
            cands.append(_Cand(key, possessive, False))
        for singular in _singulars(key):
            if singular in self._vocab:
                cands.append(_Cand(singular, True, False))
        if not cands:
            corrected = self._correct(key)
            if corrected:
                cands.append(_Cand(corrected, possessive, True))
        nodes = [self._trie[c.key] for c in cands if c.key in self._trie]
        starts = bool(nodes)
        unknown = not starts and _looks_unknown(token)
        alone = any(None in node for node in nodes)  # a term on its own
        follow = frozenset(k for node in nodes for k in node if k is not None)
        keys = frozenset(c.key for c in cands)
        verdict = None if not alone else self._alone_verdict(token, cands)
        info = (tuple(cands), starts, starts or unknown, alone, follow, keys, verdict)
        self._token_cache[token] = info
        if alone or unknown:
            self._ready.add(token)
        elif starts:
            self._openers.add(token)
        if not keys.isdisjoint(self._second_keys):
            self._continuers.add(token)
        return info

    def _alone_verdict(self, token: str, cands: list[_Cand]):
        """The token's verdict as a term on its own, when that depends on its writing only
        (as _walk and _accept would judge it); _UNSEEN when the line must be looked at."""
        if len(cands) != 1:
            return _UNSEEN
        cand = cands[0]
        forms = self._trie[cand.key][None]
        if forms[0].contextual:
            return _UNSEEN
        offs = (0, len(token))
        return self._judge(token, offs, ["", token, ""], 0, 1, token, forms, cand.changed, cand.fuzzy)

    def _correct(self, key: str) -> str | None:
        """A typo correction against the vocabulary, for long tokens that are not words."""
        if len(key) < MIN_FUZZY_LEN or not key.isalpha() or is_english_word(key):
            return None
        choices = self._fuzzy_by_initial.get(key[0])
        if not choices:
            return None
        limit = 1 if len(key) <= 7 else 2
        best = process.extractOne(key, choices, scorer=OSA.distance, score_cutoff=limit)
        return best[0] if best else None


# -- rules ------------------------------------------------------------------------------------


def _match_forms(entry: Entry) -> Iterable[tuple[str, bool]]:
    """Forms to put in the trie: the entry's forms, and "Core 20 plus 5" for "Core20PLUS5"."""
    if entry.highlight == "none":
        return
    for text in entry.forms():
        if entry.highlight == "abbreviation" and (" " in text.strip() or not is_acronym(text)):
            continue
        yield text, False
        if " " not in text and re.search(r"[A-Za-z]\d|\d[A-Za-z]", text) and len(text) > 4:
            split = re.sub(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])", " ", text)
            yield re.sub(r"(?<=[a-z])(?=[A-Z])", " ", split), True


_JOINER = re.compile(r"[ \t\-‐‑–/]+")
_JOINS: dict[str, bool] = {}


def _joins(gap: str) -> bool:
    """Whether the characters between two words keep them in one phrase."""
    joined = _JOINS.get(gap)
    if joined is None:
        joined = bool(_JOINER.fullmatch(gap))
        if len(_JOINS) < 10_000:
            _JOINS[gap] = joined
    return joined


def _singulars(key: str) -> list[str]:
    if len(key) < 3 or not key.endswith("s"):
        return []
    out = [key[:-1]]
    if key.endswith("ies"):
        out.append(key[:-3] + "y")
    elif key.endswith("es"):
        out.append(key[:-2])
    return out


def _acronym_case_ok(surface: str, form: str) -> bool:
    """ "ICB", "ICBs", "icb", "pcns" are fine; "ice", "care", "nice" are words, not acronyms."""
    base = strip_possessive(surface)
    if base == form or base == form + "s":
        return True
    if base.isupper() or base[:-1].isupper() and base.endswith("s"):
        return True  # shouted but same letters (acronym with different internal case, "TOR")
    lower = base.lower()
    return not is_english_word(lower) and not is_english_word(form.lower())


def _same_writing(surface: str, form: _Form) -> bool:
    if form.derived:
        return False
    if form.acronym:
        return surface == form.text
    return surface.lower() == form.text.lower()


def _everyday_ok(line: str, offs: Sequence[int], parts: Sequence[str], i: int, entry: Entry) -> bool:
    """Everyday words ("place", "system") are jargon only in quotes or beside their cue words."""
    start, end = offs[2 * i], offs[2 * i + 1]
    before = line[start - 1] if start > 0 else ""
    after = line[end] if end < len(line) else ""
    if before in _QUOTES and after in _QUOTES:
        return True
    word = strip_possessive(line[start:end]).lower()
    if word.endswith("s") and not form_key(entry.term).endswith("s"):
        return False  # "neighbourhoods" is ordinary English; the jargon is singular
    cues = set(entry.context)
    near = [parts[2 * k + 1] for k in _neighbours(parts, i, (-1, 1, 2))]
    return any(token_key(w) in cues or token_key(w).rstrip("s") in cues for w in near)


def _neighbours(parts: Sequence[str], i: int, steps: Iterable[int]) -> Iterator[int]:
    """Indexes of the tokens these steps away from token i on the same line."""
    count = len(parts) // 2
    for step in steps:
        k = i + step
        if not 0 <= k < count:
            continue
        gaps = parts[2 * min(i, k) + 2 : 2 * max(i, k) + 1 : 2]
        if not any("\n" in gap for gap in gaps):  # lines are joined by line breaks
            yield k


def _month_context(parts: Sequence[str], i: int) -> bool:
    """JAN–MAR, 3 Mar, Mar 2025: a month, not an acronym (parts: text split around tokens)."""
    if parts[2 * i + 1].upper() not in MONTHS:
        return False
    for k in _neighbours(parts, i, (-1, 1)):
        word = parts[2 * k + 1]
        if word.upper() in MONTHS or word.isdigit():
            return True
    return False


def _looks_unknown(token: str) -> bool:
    word = strip_possessive(token)
    if word.endswith("s") and word[:-1].isupper():
        word = word[:-1]
    if len(word) < 3 or len(word) > 8 or not is_acronym(word):
        return False
    upper = word.upper()
    if upper in EVERYDAY_ABBREVIATIONS or upper in MONTHS or upper in DAYS or _ROMAN.match(word):
        return False
    if not word.replace("&", "").isalpha():
        return False  # "LS9", "7TF", "2WW": postcodes and codes, unless the glossary knows them
    return not is_english_word(word)


def _inside(hits: Sequence[LineMatch], start: int, end: int) -> bool:
    return any(h[0] < end and start < h[1] for h in hits)


def _overlapping(hits: list[LineMatch]) -> bool:
    """Whether any hit starts before the one before it ends (hits come in order of start)."""
    end = -1
    for hit in hits:
        if hit[0] < end:
            return True
        end = hit[1]
    return False


def _longest_non_overlapping(hits: list[LineMatch]) -> list[LineMatch]:
    order = {EXACT: 0, VARIANT: 1, FUZZY: 2}
    ranked = sorted(hits, key=lambda h: (-(h.end - h.start), order[h.kind], h.start))
    chosen: list[LineMatch] = []
    for hit in ranked:
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return chosen
