"""`debrief glossary …`: check, stats, CSV export and import, and the user's own terms."""

from __future__ import annotations

import argparse
import statistics
import sys
from collections import Counter

from debrief.cli_common import BAD_INPUT, OK, UserError, open_notebook
from debrief.glossary import load_glossary, read_entries, shipped_glossary
from debrief.glossary_check import check_entries, check_files
from debrief.glossary_csv import read_csv, write_csv, write_toml
from debrief.readability import reading_grade


def personal_fields(command: argparse.ArgumentParser, required: bool) -> None:
    command.add_argument("--expansion", required=required, help="what it stands for")
    command.add_argument("--plain", required=required, help="what it means, in plain words")
    command.add_argument("--alias", action="append", help="another way it is written (repeatable)")
    command.add_argument("--cue", action="append", help="a word that signals this meaning (repeatable)")
    command.add_argument("--category", help="a short label, e.g. 'my ICB'")


# -- glossary -----------------------------------------------------------------------------------


def cmd_glossary_check(args: argparse.Namespace) -> int:
    problems = check_files(args.paths or None)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s).", file=sys.stderr)
        return BAD_INPUT
    count = len(read_entries(args.paths or None))
    print(f"Glossary OK: {count} entries.")
    return OK


def cmd_glossary_stats(args: argparse.Namespace) -> int:
    glossary = shipped_glossary()
    entries = list(glossary)
    by_file = Counter(e.origin for e in entries)
    by_category = Counter(e.category for e in entries)
    terms = Counter(e.term.lower() for e in entries)
    print(f"{len(entries)} entries, {len(terms)} distinct terms.")
    print(
        f"{sum(1 for n in terms.values() if n > 1)} terms have several senses; "
        f"{sum(1 for e in entries if e.historical)} entries are historical."
    )
    grades = sorted(reading_grade(e.plain) for e in entries)
    print(
        f"Reading grade of definitions (Flesch-Kincaid): median {statistics.median(grades):.1f}, "
        f"90th percentile {grades[int(len(grades) * 0.9)]:.1f}, hardest {grades[-1]:.1f}."
    )
    print("\nEntries per file:")
    for name, n in sorted(by_file.items()):
        print(f"  {n:5}  {name}")
    print("\nEntries per category:")
    for name, n in by_category.most_common():
        print(f"  {n:5}  {name}")
    return OK


def cmd_glossary_export(args: argparse.Namespace) -> int:
    entries = open_notebook(args).personal_entries() if args.mine else shipped_glossary()
    try:
        count = write_csv(entries, args.csv)
    except OSError as exc:
        raise UserError(f"{args.csv}: cannot write: {exc.strerror}") from None
    print(f"Wrote {count} entries to {args.csv}.")
    return OK


def cmd_glossary_import(args: argparse.Namespace) -> int:
    entries = read_csv(args.csv)
    if not entries:
        raise UserError(f"{args.csv}: no entries")
    if args.mine:
        notebook = open_notebook(args)
        mine = {e.id: e for e in notebook.personal_entries()}
        changed = sum(1 for e in entries if e.id not in mine or mine[e.id].to_dict() != e.to_dict())
        for entry in entries:
            notebook.save_personal(entry)
        print(f"Imported {len(entries)} terms into your personal glossary ({changed} new or changed).")
        return OK
    output = args.output or args.csv.with_suffix(".toml")
    known = {e.id for e in shipped_glossary()} | {e.id for e in entries}
    problems = [p for p in check_entries(entries) if not _resolves_in_shipped(p.message, known)]
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s); nothing written.", file=sys.stderr)
        return BAD_INPUT
    try:
        write_toml(entries, output)
    except OSError as exc:
        raise UserError(f"{output}: cannot write: {exc.strerror}") from None
    load_glossary([output])  # prove it reads back
    print(f"Imported {len(entries)} entries from {args.csv} into {output}.")
    return OK


def cmd_glossary_add(args: argparse.Namespace) -> int:
    from debrief.personal import make_entry

    notebook = open_notebook(args)
    taken = {e.id for e in notebook.personal_entries()} | {e.id for e in shipped_glossary()}
    entry = make_entry(
        args.term,
        args.expansion,
        args.plain,
        aliases=args.alias or (),
        context=args.cue or (),
        category=args.category or "",
        taken=taken,
    )
    notebook.save_personal(entry)
    print(f"Added {entry.term} ({entry.expansion}) to your glossary as {entry.id}.")
    return OK


def cmd_glossary_edit(args: argparse.Namespace) -> int:
    from debrief.personal import make_entry

    notebook = open_notebook(args)
    mine = {e.id: e for e in notebook.personal_entries()}
    old = mine.get(args.id)
    if old is None:
        raise UserError(f"glossary edit: no personal term with id '{args.id}'")
    entry = make_entry(
        args.term or old.term,
        args.expansion or old.expansion,
        args.plain or old.plain,
        entry_id=old.id,
        aliases=args.alias if args.alias is not None else old.aliases,
        context=args.cue if args.cue is not None else old.context,
        category=args.category or old.category,
    )
    notebook.save_personal(entry)
    print(f"Changed {entry.id}.")
    return OK


def cmd_glossary_remove(args: argparse.Namespace) -> int:
    if not open_notebook(args).remove_personal(args.id):
        raise UserError(f"glossary remove: no personal term with id '{args.id}'")
    print(f"Removed {args.id}.")
    return OK


def _resolves_in_shipped(message: str, known: set[str]) -> bool:
    """Links from an imported file to shipped entries are fine."""
    for prefix in ("see_also '", "replaced_by '"):
        if message.startswith(prefix):
            return message[len(prefix) :].split("'")[0] in known
    return False
