"""The glossary: NHS and integrated care terms read from TOML files, plus the user's own terms.

A *term* (as written, e.g. "ACP") may have several *senses* (entries sharing that term). Every
entry has a stable id. Personal entries come from the notebook and win over shipped entries that
are written the same way.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from debrief.tokens import form_key

REQUIRED = ("id", "term", "expansion", "plain", "category", "source")
LIST_FIELDS = ("aliases", "context", "see_also")
KNOWN_FIELDS = frozenset(
    REQUIRED + LIST_FIELDS + ("status", "replaced_by", "well_known", "everyday", "highlight")
)
STATUSES = ("current", "historical")


class GlossaryError(ValueError):
    """A glossary file or row that cannot be read; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One sense of a term."""

    id: str
    term: str
    expansion: str
    plain: str
    category: str = ""
    aliases: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    see_also: tuple[str, ...] = ()
    status: str = "current"
    replaced_by: str | None = None
    source: str = ""
    # Shown quietly, never spelt out in a debrief (NHS, GP, A&E).
    well_known: bool = False
    # An everyday English word ("place", "system") that is jargon only near its cue words or in quotes.
    everyday: bool = False
    # Which forms the editor highlights: "all"; "abbreviation" (the acronym, not its everyday
    # spelt-out form, such as "practice manager"); "none" (an ordinary phrase: lookup only).
    highlight: str = "all"
    origin: str = field(default="", compare=False)
    personal: bool = False

    @property
    def historical(self) -> bool:
        return self.status == "historical"

    @property
    def has_expansion(self) -> bool:
        """Whether the term stands for something longer ("ICB"), unlike "place" or "virtual ward"."""
        return self.expansion.lower() != self.term.lower()

    def forms(self) -> Iterator[str]:
        """Every written form that stands for this sense: term, expansion, aliases."""
        yield self.term
        if self.expansion and form_key(self.expansion) != form_key(self.term):
            yield self.expansion
        yield from self.aliases

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.id,
            "term": self.term,
            "expansion": self.expansion,
            "plain": self.plain,
            "category": self.category,
            "aliases": list(self.aliases),
            "context": list(self.context),
            "see_also": list(self.see_also),
            "status": self.status,
            "source": self.source,
        }
        if self.replaced_by:
            data["replaced_by"] = self.replaced_by
        for flag in ("well_known", "everyday"):
            if getattr(self, flag):
                data[flag] = True
        if self.highlight != "all":
            data["highlight"] = False if self.highlight == "none" else self.highlight
        return data


def entry_from_mapping(raw: dict[str, object], origin: str = "", personal: bool = False) -> Entry:
    """Build an Entry from a TOML table or CSV row; raises GlossaryError naming the field."""

    def text(name: str) -> str:
        value = raw.get(name, "")
        if value is None:
            return ""
        if not isinstance(value, str):
            raise GlossaryError(f"field '{name}' must be text, got {type(value).__name__}")
        return value.strip()

    def items(name: str) -> tuple[str, ...]:
        value = raw.get(name, [])
        if isinstance(value, str):
            value = [part for part in value.split(";")]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise GlossaryError(f"field '{name}' must be a list of text")
        return tuple(v.strip() for v in value if v.strip())

    def flag(name: str, default: bool) -> bool:
        value = raw.get(name, default)
        if isinstance(value, str):
            value = value.strip().lower() in ("true", "yes", "1")
        if not isinstance(value, bool):
            raise GlossaryError(f"field '{name}' must be true or false")
        return value

    return Entry(
        id=text("id"),
        term=text("term"),
        expansion=text("expansion"),
        plain=text("plain"),
        category=text("category"),
        aliases=items("aliases"),
        context=tuple(c.lower() for c in items("context")),
        see_also=items("see_also"),
        status=text("status") or "current",
        replaced_by=text("replaced_by") or None,
        source=text("source"),
        well_known=flag("well_known", False),
        everyday=flag("everyday", False),
        highlight=highlight_of(raw.get("highlight", True)),
        origin=origin,
        personal=personal,
    )


HIGHLIGHTS = ("all", "abbreviation", "none")


def highlight_of(value: object) -> str:
    if value is True or value in ("", "true", "all"):
        return "all"
    if value is False or value in ("false", "none"):
        return "none"
    if value == "abbreviation":
        return "abbreviation"
    raise GlossaryError("field 'highlight' must be true, false or \"abbreviation\"")


def shipped_glossary_dir() -> Path:
    """The glossary that ships with debrief: inside the wheel, or beside src/ in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_glossary", here.parents[1] / "glossary"):
        if candidate.is_dir():
            return candidate
    raise GlossaryError(f"{here}: the shipped glossary folder is missing")


def glossary_files(paths: Iterable[Path] | None = None) -> list[Path]:
    """TOML files to read: each path may be a file or a folder of *.toml files."""
    roots = [shipped_glossary_dir()] if paths is None else [Path(p) for p in paths]
    files: list[Path] = []
    for root in roots:
        if root.is_dir():
            files.extend(sorted(root.glob("*.toml")))
        elif root.exists():
            files.append(root)
        else:
            raise GlossaryError(f"{root}: no such file or folder")
    return files


def read_toml(path: Path) -> list[dict[str, object]]:
    """The [[term]] tables of one file; a syntax error names the file and line."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise GlossaryError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise GlossaryError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot read: {exc.strerror}") from None
    terms = data.get("term", [])
    if not isinstance(terms, list):
        raise GlossaryError(f"{path}: 'term' must be an array of tables ([[term]])")
    return terms


class Glossary:
    """All senses, with lookups by id and by written form."""

    def __init__(self, entries: Sequence[Entry]):
        by_id: dict[str, Entry] = {}
        for entry in entries:
            by_id[entry.id] = entry  # a later (personal) entry with the same id wins
        # Personal entries replace shipped senses written the same way.
        personal_terms = {form_key(e.term) for e in by_id.values() if e.personal}
        self._entries = tuple(
            e for e in by_id.values() if e.personal or form_key(e.term) not in personal_terms
        )
        self._by_id = {e.id: e for e in self._entries}
        self._by_term: dict[str, list[Entry]] = {}
        self._by_form: dict[str, list[Entry]] = {}
        for entry in self._entries:
            self._by_term.setdefault(form_key(entry.term), []).append(entry)
            for form in entry.forms():
                senses = self._by_form.setdefault(form_key(form), [])
                if entry not in senses:
                    senses.append(entry)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def __getitem__(self, entry_id: str) -> Entry:
        return self._by_id[entry_id]

    def senses(self, written: str) -> list[Entry]:
        """Entries whose term is written this way (case and spacing ignored)."""
        return list(self._by_term.get(form_key(written), ()))

    def by_form(self, written: str) -> list[Entry]:
        """Entries that any form (term, expansion, alias) matches."""
        return list(self._by_form.get(form_key(written), ()))

    def with_personal(self, personal: Iterable[Entry]) -> Glossary:
        """A new glossary with the user's own entries merged in (they take precedence)."""
        extra = [e if e.personal else _as_personal(e) for e in personal]
        return Glossary([*self._entries, *extra])


def gist(entry: Entry, width: int = 40) -> str:
    """A term in a few words, for lists: what it stands for, or, for a word that stands for
    nothing ("place", "virtual ward"), the start of its meaning, cut on a word."""
    if entry.has_expansion:
        return entry.expansion
    first = entry.plain.split(". ")[0].rstrip(".")
    if len(first) <= width:
        return first
    return first[:width].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _as_personal(entry: Entry) -> Entry:
    from dataclasses import replace

    return replace(entry, personal=True, origin=entry.origin or "personal")


def read_entries(paths: Iterable[Path] | None = None) -> list[Entry]:
    """Every entry of the files, in file order; raises GlossaryError on the first bad one."""
    entries: list[Entry] = []
    for path in glossary_files(paths):
        for index, raw in enumerate(read_toml(path), start=1):
            if not isinstance(raw, dict):
                raise GlossaryError(f"{path}: entry {index}: not a table")
            try:
                entries.append(entry_from_mapping(raw, origin=path.name))
            except GlossaryError as exc:
                raise GlossaryError(f"{path}: entry {raw.get('id', index)}: {exc}") from None
    return entries


def load_glossary(paths: Iterable[Path] | None = None, personal: Iterable[Entry] = ()) -> Glossary:
    """The shipped glossary (or the given files), with personal entries merged in."""
    glossary = Glossary(read_entries(paths))
    personal = list(personal)
    return glossary.with_personal(personal) if personal else glossary


_SHIPPED: Glossary | None = None


def shipped_glossary() -> Glossary:
    """The shipped glossary, read once per process."""
    global _SHIPPED
    if _SHIPPED is None:
        _SHIPPED = load_glossary()
    return _SHIPPED
