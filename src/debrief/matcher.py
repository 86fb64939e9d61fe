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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
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
        # token -> (candidate keys, starts a term, interesting, is a term alone, next keys)
        self._token_cache: dict[str, tuple] = {}
        self._interesting: set[str] = set()  # tokens that start a term or look like acronyms
        self._verdicts: dict[tuple, tuple | None] = {}
        self._line_cache: dict[str, tuple[LineMatch, ...]] = {}

    # -- public API -------------------------------------------------------------------------

    def find(self, text: str, attendees: Iterable[str] | None = None) -> list[Match]:
        """Every jargon match in the text, in order, with senses ranked by context."""
        given = self.attendees if attendees is None else attendees
        skip = initials_of(given) | {i for i in initials_introduced(text) if not self.glossary.senses(i)}
        matches: list[Match] = []
        cache = self._line_cache
        offset = 0
        for line in text.splitlines(keepends=True):
            hits = cache.get(line)
            if hits is None:
                hits = self.match_line(line)
            for start, end, kind, score, senses in hits:
                surface = line[start:end]
                if not (skip and is_initials(surface, skip)):
                    matches.append(Match(offset + start, offset + end, surface, kind, score, senses))
            offset += len(line)
        return rank_senses(text, matches)

    def match_line(self, line: str) -> tuple[LineMatch, ...]:
        """Matches within one line (cached by the line's text)."""
        cached = self._line_cache.get(line)
        if cached is None:
            if len(self._line_cache) > 20_000:
                self._line_cache.clear()
            cached = self._line_cache[line] = tuple(self._scan_line(line))
        return cached

    def clear_cache(self) -> None:
        self._line_cache.clear()
        self._token_cache.clear()
        self._interesting.clear()
        self._verdicts.clear()

    # -- matching one line ------------------------------------------------------------------

    def _scan_line(self, line: str) -> list[LineMatch]:
        parts = _SPLIT.split(line)
        words = parts[1::2]
        cache = self._token_cache
        if self._interesting.isdisjoint(words):
            fresh = [w for w in words if w not in cache]
            if not fresh or not any(self._token_info(w)[2] for w in fresh):
                return []  # most lines of ordinary prose stop here, at C speed
        infos = [cache.get(w) or self._token_info(w) for w in words]
        # Token i spans offs[2i]:offs[2i+1]: cumulative lengths of the split, at C speed.
        offs = list(accumulate(map(len, parts)))
        found: list[LineMatch] = []
        unknown: list[int] = []
        last = len(infos) - 1
        for i, info in enumerate(infos):
            if info[1]:
                if not info[3]:  # no term is this word alone: walk only if the next word fits
                    following = infos[i + 1][0] if i < last else ()
                    if not any(c.key in info[4] for c in following):
                        continue
                self._walk(line, offs, infos, i, found, parts)
            elif info[2]:
                unknown.append(i)
        chosen = _longest_non_overlapping(found) if len(found) > 1 else found
        for i in unknown:  # acronyms the glossary does not know
            start, end = offs[2 * i], offs[2 * i + 1]
            if not _inside(chosen, start, end) and not _month_context(words, i):
                chosen.append(LineMatch(start, end, UNKNOWN, 0.0, ()))
        chosen.sort()
        return chosen

    def _walk(self, line, offs, infos, i, found, parts) -> None:
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
                self._branch(line, offs, infos, i, found, node, j, changed, fuzzy, parts)
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
                hit = self._accept(line, offs, i, j, forms, changed, fuzzy)
                if hit is not None:
                    found.append(hit)

    def _branch(self, line, offs, infos, i, found, node, j, changed, fuzzy, parts) -> None:
        stack = [
            (child, j + 1, changed or c.changed, fuzzy or c.fuzzy)
            for c in infos[j][0]
            if (child := node.get(c.key)) is not None
        ]
        while stack:
            node, j, changed, fuzzy = stack.pop()
            if None in node:
                hit = self._accept(line, offs, i, j, node[None], changed, fuzzy)
                if hit is not None:
                    found.append(hit)
            if j < len(infos) and _joins(parts[2 * j]):
                for cand in infos[j][0]:
                    child = node.get(cand.key)
                    if child is not None:
                        stack.append((child, j + 1, changed or cand.changed, fuzzy or cand.fuzzy))

    def _accept(self, line, offs, i, j, forms, changed, fuzzy) -> LineMatch | None:
        start, end = offs[2 * i], offs[2 * j - 1]
        surface = line[start:end]
        if j - i == 1 and forms[0].contextual:
            verdict = self._judge(line, offs, i, j, surface, forms, changed, fuzzy)
        else:  # depends on the words only: judged once per distinct surface
            memo = (surface, id(forms), changed, fuzzy)
            verdict = self._verdicts.get(memo, _UNSEEN)
            if verdict is _UNSEEN:
                verdict = self._verdicts[memo] = self._judge(line, offs, i, j, surface, forms, changed, fuzzy)
        if verdict is None:
            return None
        return LineMatch(start, end, *verdict)

    def _judge(self, line, offs, i, j, surface, forms, changed, fuzzy):
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
            if single and form.entry.everyday and not _everyday_ok(line, offs, i, form.entry):
                continue
            if single and form.text.upper() in MONTHS and _month_context(TOKEN.findall(line), i):
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
        if len(self._token_cache) > 200_000:
            self._token_cache.clear()
            self._interesting.clear()
        info = self._token_cache[token] = (tuple(cands), starts, starts or unknown, alone, follow)
        if starts or unknown:
            self._interesting.add(token)
        return info

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


def _everyday_ok(line: str, offs: Sequence[int], i: int, entry: Entry) -> bool:
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
    count = len(offs) // 2
    near = [line[offs[2 * k] : offs[2 * k + 1]] for k in (i - 1, i + 1, i + 2) if 0 <= k < count]
    return any(token_key(w) in cues or token_key(w).rstrip("s") in cues for w in near)


def _month_context(words: Sequence[str], i: int) -> bool:
    """JAN–MAR, 3 Mar, Mar 2025: a month, not an acronym."""
    if words[i].upper() not in MONTHS:
        return False
    for k in (i - 1, i + 1):
        if 0 <= k < len(words) and (words[k].upper() in MONTHS or words[k].isdigit()):
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


def _longest_non_overlapping(hits: list[LineMatch]) -> list[LineMatch]:
    order = {EXACT: 0, VARIANT: 1, FUZZY: 2}
    ranked = sorted(hits, key=lambda h: (-(h.end - h.start), order[h.kind], h.start))
    chosen: list[LineMatch] = []
    for hit in ranked:
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return chosen
