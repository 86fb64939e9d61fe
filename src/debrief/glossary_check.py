"""`debrief glossary check`: every problem in the glossary files, each naming its file and entry."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from debrief.glossary import (
    KNOWN_FIELDS,
    REQUIRED,
    STATUSES,
    Entry,
    GlossaryError,
    entry_from_mapping,
    glossary_files,
    read_toml,
)
from debrief.readability import median_grade
from debrief.tokens import TOKEN, form_key, is_acronym, strip_possessive

MAX_PLAIN_WORDS = 40
MAX_MEDIAN_GRADE = 7.0  # Flesch-Kincaid; NHS content aims at a reading age of 9 to 11 (grade 4-6)
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    entry: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: entry {self.entry}: {self.message}"


def check_files(paths: Iterable[Path] | None = None) -> list[Problem]:
    """Read and check every glossary file; problems in file order."""
    problems: list[Problem] = []
    entries: list[Entry] = []
    try:
        files = glossary_files(paths)
    except GlossaryError as exc:
        return [Problem(str(exc).split(":")[0], "-", str(exc).split(": ", 1)[-1])]
    for path in files:
        try:
            tables = read_toml(path)
        except GlossaryError as exc:
            problems.append(Problem(str(path), "-", str(exc).split(": ", 1)[-1]))
            continue
        for index, raw in enumerate(tables, start=1):
            label = str(raw.get("id") or f"#{index}") if isinstance(raw, dict) else f"#{index}"
            if not isinstance(raw, dict):
                problems.append(Problem(str(path), label, "not a table"))
                continue
            for name in sorted(set(raw) - KNOWN_FIELDS):
                problems.append(Problem(str(path), label, f"unknown field '{name}'"))
            for name in REQUIRED:
                if not str(raw.get(name, "") or "").strip():
                    problems.append(Problem(str(path), label, f"missing '{name}'"))
            try:
                entries.append(entry_from_mapping(raw, origin=str(path)))
            except GlossaryError as exc:
                problems.append(Problem(str(path), label, str(exc)))
    problems.extend(check_entries(entries))
    if entries:
        median = median_grade(e.plain for e in entries)
        if median > MAX_MEDIAN_GRADE:
            problems.append(
                Problem(
                    "glossary",
                    "-",
                    f"median reading grade of definitions is {median:.1f}, above {MAX_MEDIAN_GRADE:.0f}",
                )
            )
    return problems


def check_entries(entries: list[Entry]) -> list[Problem]:
    """Checks across entries: ids, links, senses, and the plain-English rules for definitions."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    known_terms = _explained_acronyms(entries)
    senses: dict[str, list[Entry]] = {}
    for entry in entries:
        senses.setdefault(form_key(entry.term), []).append(entry)

    def add(entry: Entry, message: str) -> None:
        problems.append(Problem(entry.origin, entry.id or "?", message))

    for entry in entries:
        if entry.id:
            if entry.id in seen:
                add(entry, f"duplicate id (first in {seen[entry.id]})")
            else:
                seen[entry.id] = entry.origin
            if not _SLUG.match(entry.id):
                add(entry, "id must be lower-case letters, digits and hyphens")
    for entry in entries:
        for target in entry.see_also:
            if target not in seen:
                add(entry, f"see_also '{target}' is not an entry id")
            elif target == entry.id:
                add(entry, "see_also points at itself")
        if entry.status not in STATUSES:
            add(entry, f"status must be one of {', '.join(STATUSES)}, not '{entry.status}'")
        if entry.replaced_by:
            if entry.replaced_by not in seen:
                add(entry, f"replaced_by '{entry.replaced_by}' is not an entry id")
            if entry.status != "historical":
                add(entry, "replaced_by is only for historical entries")
        if entry.everyday and not entry.context:
            add(entry, "an everyday word needs context cue words")
        if len(senses.get(form_key(entry.term), ())) > 1 and not entry.context:
            add(entry, f"'{entry.term}' has several senses: give context cue words")
        words = len(entry.plain.split())
        if words > MAX_PLAIN_WORDS:
            add(entry, f"plain has {words} words (at most {MAX_PLAIN_WORDS})")
        for acronym in _acronyms_in(entry.plain):
            if acronym not in known_terms:
                add(entry, f"plain uses '{acronym}', which the glossary does not explain")
        if entry.source and not entry.source.startswith(("https://", "http://")):
            add(entry, "source must be a web address")
    return problems


def _explained_acronyms(entries: Iterable[Entry]) -> set[str]:
    known: set[str] = set()
    for entry in entries:
        for form in (entry.term, *entry.aliases):
            if is_acronym(form):
                known.add(form)
    return known


def _acronyms_in(text: str) -> list[str]:
    found = (_singular(m.group()) for m in TOKEN.finditer(text))
    return sorted({word for word in found if is_acronym(word) and not word.isdigit()})


def _singular(token: str) -> str:
    """ "GPs" and "ICB's" are uses of "GP" and "ICB"."""
    word = strip_possessive(token)
    return word[:-1] if word.endswith("s") and word[:-1].isupper() else word
