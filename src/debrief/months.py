"""Month names as notes write them ("Mar", "March", "Sept"), shared by every date parser."""

from __future__ import annotations

import re

# A month written in full or shortened: "mar", "march", "sep", "sept", "september".
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)

_NUMBERS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}


def month_number(word: str) -> int | None:
    """1-12 for a month name written in full or shortened ("Mar", "march", "Sept"), else None."""
    word = word.strip().rstrip(".")
    if not re.fullmatch(MONTH, word, re.IGNORECASE):
        return None
    return _NUMBERS[word[:3].lower()]
