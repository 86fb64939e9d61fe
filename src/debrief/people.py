"""People's initials, which must never be mistaken for jargon: from the attendee list, or as the
notes introduce them ("KP (Chief Nurse)", "practice manager (GH)")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_INITIALS_BEFORE_PAREN = re.compile(r"\b([A-Z]{2,3})\s*\((?![A-Z]{2,}\))")
_INITIALS_IN_PAREN = re.compile(r"\(([A-Z]{2,3})\)")


def is_initials(surface: str, initials: frozenset[str]) -> bool:
    """People's initials (from the attendee list or "KP (Chief Nurse)" in the notes), as written,
    possessive ("KP's") or plural."""
    word = surface[:-2] if surface.endswith(("'s", "’s")) else surface
    return word in initials or (word.endswith("s") and word[:-1] in initials)


@lru_cache(maxsize=256)
def initials_introduced(text: str) -> frozenset[str]:
    """Initials the notes introduce as people: "KP (Chief Nurse)", "practice manager (GH)"."""
    found: set[str] = set()
    for line in text.splitlines():
        if "(" in line:
            found.update(_INITIALS_IN_PAREN.findall(line))
            found.update(_INITIALS_BEFORE_PAREN.findall(line))
    return frozenset(found)


def initials_of(attendees: Iterable[str]) -> frozenset[str]:
    """Initials of the given people: "KP" stays "KP"; "Kate Price (Chief Nurse)" gives "KP"."""
    found: set[str] = set()
    for person in attendees:
        person = person.strip()
        if person.isupper() and " " not in person:
            found.add(person)
            continue
        names = [w for w in re.split(r"[\s\-]+", person.split("(")[0]) if w[:1].isupper()]
        if len(names) >= 2:
            found.add("".join(w[0] for w in names))
    return frozenset(found)
