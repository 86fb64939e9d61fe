"""Is a word ordinary English? Used so that "care", "ice" or "pin" never light up as acronyms and
so that only non-words are candidates for typo correction.

The word list is the English frequency dictionary that ships with pyspellchecker (offline, read
once, about 80 ms). It is American English, so British spellings are folded before a second look.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources

# Frequency at or below this is the dictionary's floor for rare tokens and abbreviations ("cd").
_MIN_FREQUENCY = 50

# Lower-case words the dictionary lacks but that are everyday words or everyday abbreviations.
EXTRA_WORDS = frozenset("dna pm am etc eg ie vs via re thru yest pls tbc tba asap fyi aob nb ok".split())

_BRITISH = (
    ("isation", "ization"),
    ("ise", "ize"),
    ("our", "or"),
    ("tre", "ter"),
    ("mme", "m"),
    ("ogue", "og"),
    ("yse", "yze"),
    ("ence", "ense"),
    ("lled", "led"),
    ("lling", "ling"),
)


@cache
def _frequencies() -> dict[str, int]:
    data = resources.files("spellchecker").joinpath("resources", "en.json.gz").read_bytes()
    return json.loads(gzip.decompress(data))


def frequency(word: str) -> int:
    return _frequencies().get(word.lower(), 0)


@cache
def is_english_word(word: str) -> bool:
    """True for an ordinary English word (case ignored), British spellings included."""
    lower = word.lower()
    if lower in EXTRA_WORDS:
        return True
    freq = _frequencies()
    if freq.get(lower, 0) > _MIN_FREQUENCY:
        return True
    for british, american in _BRITISH:
        if british in lower:
            folded = lower.replace(british, american)
            if freq.get(folded, 0) > _MIN_FREQUENCY:
                return True
    if lower.endswith("s") and len(lower) > 4:
        return is_english_word(lower[:-1])
    return False
