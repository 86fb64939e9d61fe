"""The user's own glossary terms: made from what they type, checked, given a stable id."""

from __future__ import annotations

import re
from collections.abc import Iterable

from debrief.glossary import Entry, Glossary, GlossaryError, shipped_glossary

MAX_PLAIN_WORDS = 60  # the user's own words: a little more room than the shipped glossary


def personal_id(term: str, taken: Iterable[str]) -> str:
    base = "my-" + (re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-") or "term")
    taken = set(taken)
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def make_entry(
    term: str,
    expansion: str,
    plain: str,
    *,
    entry_id: str | None = None,
    aliases: Iterable[str] = (),
    context: Iterable[str] = (),
    category: str = "",
    taken: Iterable[str] = (),
) -> Entry:
    """A personal entry; a missing or bad field raises GlossaryError naming it."""
    fields = {"term": term.strip(), "expansion": expansion.strip(), "plain": plain.strip()}
    for name, value in fields.items():
        if not value:
            raise GlossaryError(f"field '{name}' is empty")
    if len(fields["plain"].split()) > MAX_PLAIN_WORDS:
        raise GlossaryError(f"field 'plain' has more than {MAX_PLAIN_WORDS} words")
    return Entry(
        id=entry_id or personal_id(fields["term"], taken),
        term=fields["term"],
        expansion=fields["expansion"],
        plain=fields["plain"],
        category=category or "my terms",
        aliases=tuple(a.strip() for a in aliases if a.strip()),
        context=tuple(c.strip().lower() for c in context if c.strip()),
        source="personal glossary",
        origin="personal",
        personal=True,
    )


def glossary_with(personal: Iterable[Entry]) -> Glossary:
    """The shipped glossary with the user's terms merged in (theirs win)."""
    personal = list(personal)
    return shipped_glossary().with_personal(personal) if personal else shipped_glossary()
