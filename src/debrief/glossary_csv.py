"""The glossary as a spreadsheet-friendly CSV, and back (to TOML) again.

The first ten columns are the agreed header; list fields are joined with "; ". Four optional
columns follow so that nothing is lost on a round trip: replaced_by, well_known, everyday, highlight.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

import tomli_w

from debrief.glossary import Entry, GlossaryError, entry_from_mapping

HEADER = (
    "id",
    "term",
    "expansion",
    "plain",
    "category",
    "aliases",
    "context",
    "see_also",
    "status",
    "source",
)
EXTRA = ("replaced_by", "well_known", "everyday", "highlight")
LIST_JOIN = "; "


def write_csv(entries: Iterable[Entry], path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER + EXTRA)
        for entry in entries:
            writer.writerow(
                [
                    entry.id,
                    entry.term,
                    entry.expansion,
                    entry.plain,
                    entry.category,
                    LIST_JOIN.join(entry.aliases),
                    LIST_JOIN.join(entry.context),
                    LIST_JOIN.join(entry.see_also),
                    entry.status,
                    entry.source,
                    entry.replaced_by or "",
                    _flag(entry.well_known),
                    _flag(entry.everyday),
                    {"all": "", "none": "false"}.get(entry.highlight, entry.highlight),
                ]
            )
            count += 1
    return count


def _flag(value: bool) -> str:
    return "true" if value else ""


def read_csv(path: Path) -> list[Entry]:
    """Entries from a CSV file; a bad file, row or field raises GlossaryError naming it."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GlossaryError(f"{path}: not UTF-8 text (byte {exc.start}); save the CSV as UTF-8") from None
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot read: {exc.strerror}") from None
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise GlossaryError(f"{path}: line 1: the file is empty") from None
    except csv.Error as exc:
        raise GlossaryError(f"{path}: line 1: {exc}") from None
    missing = [h for h in HEADER if h not in header]
    if missing:
        raise GlossaryError(f"{path}: line 1: header lacks column(s) {', '.join(missing)}")
    unknown = [h for h in header if h not in HEADER + EXTRA]
    if unknown:
        raise GlossaryError(f"{path}: line 1: unknown column(s) {', '.join(unknown)}")
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise GlossaryError(f"{path}: line {reader.line_num}: {exc}") from None
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise GlossaryError(f"{path}: line {line}: {len(row)} columns, expected {len(header)}")
        raw = {name: value for name, value in zip(header, row) if value.strip() or name in HEADER}
        for name in ("id", "term", "expansion", "plain"):
            if not raw.get(name, "").strip():
                raise GlossaryError(f"{path}: line {line}: field '{name}' is empty")
        try:
            entry = entry_from_mapping(raw, origin=path.name)
        except GlossaryError as exc:
            raise GlossaryError(f"{path}: line {line}: {exc}") from None
        if entry.id in seen:
            raise GlossaryError(f"{path}: line {line}: id '{entry.id}' repeats line {seen[entry.id]}")
        seen[entry.id] = line
        entries.append(entry)
    return entries


def write_toml(entries: Iterable[Entry], path: Path) -> int:
    tables = [entry.to_dict() for entry in entries]
    path.write_text(tomli_w.dumps({"term": tables}), encoding="utf-8")
    return len(tables)
