"""Tokenising text the way the glossary and the matcher both see it.

A token is a run of letters and digits, joined by '&' (A&E), with an optional possessive ('s).
Hyphens, spaces and other punctuation separate tokens, so "place-based" and "place based" are the
same two tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

TOKEN = re.compile(r"[^\W_]+(?:&[^\W_]+)*(?:['’][sS](?![^\W_]))?")
_POSSESSIVE = re.compile(r"['’][sS]$")


def tokens(text: str) -> Iterator[re.Match[str]]:
    """The tokens of a text, as regex matches (so spans are exact str offsets)."""
    return TOKEN.finditer(text)


def strip_possessive(token: str) -> str:
    return _POSSESSIVE.sub("", token)


def token_key(token: str) -> str:
    """Case-folded token without its possessive: the unit of comparison."""
    return strip_possessive(token).lower()


def form_key(text: str) -> str:
    """A written form reduced to its token keys, so case, hyphens and spacing do not matter."""
    return " ".join(token_key(m.group()) for m in tokens(text))


def is_acronym(token: str) -> bool:
    """Looks like an abbreviation: two or more capitals ("ICB", "ToR", "D2A" counts one capital
    plus a digit)."""
    word = strip_possessive(token)
    capitals = sum(1 for c in word if c.isupper())
    digits = sum(1 for c in word if c.isdigit())
    return capitals >= 2 or (capitals >= 1 and digits >= 1 and len(word) <= 6)
