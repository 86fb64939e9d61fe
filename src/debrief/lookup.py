"""Looking a term up: exact first, then fuzzy ("did you mean"), across term, expansion, aliases and
the plain meaning. `debrief lookup` and the app's glossary screen both call `search`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import fuzz, process

from debrief.glossary import Entry, Glossary
from debrief.tokens import form_key

MIN_SCORE = 72.0
PLAIN_WEIGHT = 0.8  # a hit in the meaning counts less than one in the name


@dataclass(frozen=True, slots=True)
class Result:
    entry: Entry
    score: float
    exact: bool

    def to_json(self) -> dict[str, object]:
        e = self.entry
        return {
            "id": e.id,
            "term": e.term,
            "expansion": e.expansion,
            "plain": e.plain,
            "category": e.category,
            "score": round(self.score, 1),
        }


class GlossaryIndex:
    """Search strings for one glossary, built once."""

    def __init__(self, glossary: Glossary):
        self.glossary = glossary

    @cached_property
    def _names(self) -> tuple[list[str], list[Entry]]:
        texts: list[str] = []
        owners: list[Entry] = []
        for entry in self.glossary:
            for form in entry.forms():
                texts.append(form_key(form))
                owners.append(entry)
        return texts, owners

    @cached_property
    def _plain(self) -> list[str]:
        return [e.plain.lower() for e in self.glossary]

    @cached_property
    def _links(self) -> dict[str, int]:
        """How many entries point at each entry: a proxy for how central (common) a term is."""
        counts: dict[str, int] = {}
        for entry in self.glossary:
            for target in entry.see_also:
                counts[target] = counts.get(target, 0) + 1
        return counts

    def search(self, query: str, limit: int = 10) -> list[Result]:
        """Best matches first. Exact hits on a term, expansion or alias come before fuzzy ones."""
        key = form_key(query)
        if not key:
            return []
        results: dict[str, Result] = {}
        for rank, entry in enumerate(self._exact(key)):
            results[entry.id] = Result(entry, 100.0 - rank * 0.01, True)
        texts, owners = self._names
        for _, score, index in process.extract(
            key, texts, scorer=_name_score, limit=limit * 4, score_cutoff=MIN_SCORE
        ):
            self._offer(results, owners[index], score)
        if len(key) >= 4:
            entries = list(self.glossary)
            for _, score, index in process.extract(
                key,
                self._plain,
                scorer=fuzz.partial_ratio,
                limit=limit * 2,
                score_cutoff=MIN_SCORE / PLAIN_WEIGHT,
            ):
                self._offer(results, entries[index], score * PLAIN_WEIGHT)
        links = self._links
        ordered = sorted(
            results.values(),
            key=lambda r: (not r.exact, -round(r.score), -links.get(r.entry.id, 0), r.entry.term),
        )
        return ordered[:limit]

    def _exact(self, key: str) -> list[Entry]:
        senses = self.glossary.senses(key)
        main = [e for e in senses if e.id == key.replace(" ", "-")]
        others = [e for e in senses if e not in main]
        by_form = [e for e in self.glossary.by_form(key) if e not in senses]
        return main + others + by_form

    @staticmethod
    def _offer(results: dict[str, Result], entry: Entry, score: float) -> None:
        known = results.get(entry.id)
        if known is None or (not known.exact and score > known.score):
            results[entry.id] = Result(entry, score, False)


def _name_score(query: str, choice: str, **kwargs: object) -> float:
    """Typos in the whole name, or a query that is the start or a part of a longer name
    ("intergrated" in "integrated care board"); never a short name inside a long query."""
    score = fuzz.ratio(query, choice)
    if len(query) < len(choice):
        part = fuzz.partial_ratio_alignment(query, choice)
        at_word_start = part.dest_start == 0 or not choice[part.dest_start - 1].isalnum()
        score = max(score, part.score * (0.97 if at_word_start else 0.8))
    return score


def _words_score(query: str, text: str, **kwargs: object) -> float:
    """How well the query matches whole words of a definition (not the inside of a word)."""
    part = fuzz.partial_ratio_alignment(query, text)
    if part.dest_start > 0 and text[part.dest_start - 1].isalnum():
        return 0.0
    return part.score


def search(glossary: Glossary, query: str, limit: int = 10) -> list[Result]:
    return GlossaryIndex(glossary).search(query, limit)
