"""The `debrief` command. Every subcommand is a thin layer over the domain modules.

Exit codes: 0 ok, 1 nothing found, 2 bad input (one line on stderr naming the file, line or field).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from debrief import __version__
from debrief.glossary import GlossaryError, load_glossary, read_entries, shipped_glossary
from debrief.glossary_check import check_files
from debrief.glossary_csv import read_csv, write_csv, write_toml
from debrief.lookup import search
from debrief.matcher import JargonMatcher, Match
from debrief.readability import reading_grade
from debrief.store import DB_ENV, Notebook, StoreError, default_db_path

OK, NOTHING, BAD_INPUT, PERSONAL_DATA = 0, 1, 2, 3


class UserError(Exception):
    """A mistake in what the user gave us: reported in one line, exit code 2."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None) or cmd_app
    try:
        return handler(args)
    except (UserError, GlossaryError) as exc:
        print(f"debrief: {exc}", file=sys.stderr)
        return BAD_INPUT
    except PersonalDataStop as stop:
        found = stop.args[0].found
        print(f"debrief: nothing written: personal data found ({len(found)}):", file=sys.stderr)
        for f in found:
            print(f"  {f.describe()}", file=sys.stderr)
        print(
            "Use --redact to remove it from the output, or --allow-pii to share it anyway "
            "(recorded in the meeting's history).",
            file=sys.stderr,
        )
        return PERSONAL_DATA
    except BrokenPipeError:
        sys.stderr.close()  # output piped into `head`: not an error
        return OK
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="debrief",
        description="Explain the NHS jargon in your meeting notes. With no command, open the app. "
        "Offline; nothing leaves this machine.",
    )
    parser.add_argument("--version", action="version", version=f"debrief {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help=f"the notebook file (default: ${DB_ENV}, else your user data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the app on a throw-away notebook preloaded with sample meetings",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    lookup = commands.add_parser("lookup", help="meanings of a term, fuzzy, best first")
    lookup.add_argument("term", nargs="+", help="an acronym or phrase, e.g. ARRS or 'place based'")
    lookup.add_argument("--json", action="store_true", help="machine-readable output")
    lookup.add_argument("-n", "--limit", type=int, default=8, help="at most this many meanings")
    lookup.set_defaults(handler=cmd_lookup)

    scan = commands.add_parser("scan", help="the jargon (and unknown acronyms) in a text")
    scan.add_argument("file", nargs="?", default="-", help="a text or Markdown file, or - for stdin")
    scan.add_argument("--json", action="store_true", help="machine-readable output")
    scan.add_argument(
        "--attendees", default="", help="comma-separated people or initials never to flag (KP, JS)"
    )
    scan.set_defaults(handler=cmd_scan)

    summary = commands.add_parser("summary", help="the debrief of a meeting (notebook ID or notes file)")
    summary.add_argument("source", help="a meeting id in the notebook, or a notes file (- for stdin)")
    summary.add_argument("--format", choices=("md", "html", "json"), default="md")
    _share_flags(summary)
    summary.set_defaults(handler=cmd_summary)

    export = commands.add_parser("export", help="write a meeting's debrief to a file")
    export.add_argument("id", help="the meeting id in the notebook")
    export.add_argument("--format", choices=("md", "html"), default="md")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: debrief-ID.FORMAT)")
    _share_flags(export)
    export.set_defaults(handler=cmd_export)

    check = commands.add_parser("check", help="personal data that must not leave the notebook")
    check.add_argument("source", help="a meeting id in the notebook, or a notes file (- for stdin)")
    check.add_argument("--json", action="store_true", help="machine-readable output")
    check.set_defaults(handler=cmd_check)

    glossary = commands.add_parser("glossary", help="check, count, export or import the glossary")
    sub = glossary.add_subparsers(title="glossary commands", metavar="ACTION", required=True)
    check = sub.add_parser("check", help="validate glossary files (default: the shipped glossary)")
    check.add_argument("paths", nargs="*", type=Path, help="TOML files or folders")
    check.set_defaults(handler=cmd_glossary_check)
    stats = sub.add_parser("stats", help="entries per file and category, senses, historical terms")
    stats.set_defaults(handler=cmd_glossary_stats)
    export = sub.add_parser("export", help="write the glossary as CSV")
    export.add_argument("csv", type=Path, help="the CSV file to write")
    export.add_argument("--mine", action="store_true", help="only your personal terms")
    export.set_defaults(handler=cmd_glossary_export)
    imp = sub.add_parser("import", help="read a glossary CSV: into TOML, or with --mine into your notebook")
    imp.add_argument("csv", type=Path, help="a CSV with the export's header")
    imp.add_argument("-o", "--output", type=Path, help="TOML file to write (default: beside the CSV)")
    imp.add_argument("--mine", action="store_true", help="add the terms to your personal glossary")
    imp.set_defaults(handler=cmd_glossary_import)
    add = sub.add_parser("add", help="add a term of your own (your ICB's or place's acronyms)")
    add.add_argument("term", help="how it is written, e.g. NWICB")
    _personal_fields(add, required=True)
    add.set_defaults(handler=cmd_glossary_add)
    edit = sub.add_parser("edit", help="change one of your own terms")
    edit.add_argument("id", help="its id (shown by add, and by lookup --json)")
    edit.add_argument("--term", help="how it is written")
    _personal_fields(edit, required=False)
    edit.set_defaults(handler=cmd_glossary_edit)
    remove = sub.add_parser("remove", help="delete one of your own terms")
    remove.add_argument("id", help="its id")
    remove.set_defaults(handler=cmd_glossary_remove)
    return parser


def _personal_fields(command: argparse.ArgumentParser, required: bool) -> None:
    command.add_argument("--expansion", required=required, help="what it stands for")
    command.add_argument("--plain", required=required, help="what it means, in plain words")
    command.add_argument("--alias", action="append", help="another way it is written (repeatable)")
    command.add_argument("--cue", action="append", help="a word that signals this meaning (repeatable)")
    command.add_argument("--category", help="a short label, e.g. 'my ICB'")


def user_glossary(args: argparse.Namespace):
    """The shipped glossary plus the personal terms of the notebook, if there is one."""
    from debrief.personal import glossary_with

    path = getattr(args, "db", None) or default_db_path()
    if not Path(path).exists():
        return shipped_glossary()
    try:
        return glossary_with(Notebook(path).personal_entries())
    except StoreError as exc:
        raise UserError(str(exc)) from None


def _notebook(args: argparse.Namespace) -> Notebook:
    try:
        return Notebook(args.db or default_db_path())
    except StoreError as exc:
        raise UserError(str(exc)) from None


# -- the app ------------------------------------------------------------------------------------


def cmd_app(args: argparse.Namespace) -> int:
    """Open the notebook (or the demo) in the terminal app."""
    import tempfile

    from debrief.tui.app import make_app

    if args.demo:
        from debrief.demo import make_demo_notebook

        with tempfile.TemporaryDirectory(prefix="debrief-demo-") as folder:
            notebook = make_demo_notebook(Path(folder), JargonMatcher(shipped_glossary()))
            make_app(notebook=notebook, demo=True).run()
            notebook.close()
        return OK
    path = args.db or default_db_path()
    try:
        notebook = Notebook(path)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    from debrief.personal import glossary_with

    make_app(notebook=notebook, glossary=glossary_with(notebook.personal_entries())).run()
    notebook.close()
    return OK


# -- debriefs ----------------------------------------------------------------------------------


def load_meeting(args: argparse.Namespace, source: str):
    """A meeting from the notebook (an id) or from a notes file."""
    from debrief.notes_file import meeting_from_text

    if source.isdigit() and not Path(source).exists():
        path = args.db or default_db_path()
        if not Path(path).exists():
            raise UserError(f"{path}: no notebook here (give --db PATH or a notes file)")
        try:
            notebook = Notebook(path)
            return notebook.get(int(source))
        except StoreError as exc:
            raise UserError(str(exc)) from None
    _, text = read_text(source)
    return meeting_from_text(text)


def _share_flags(command: argparse.ArgumentParser) -> None:
    flags = command.add_mutually_exclusive_group()
    flags.add_argument(
        "--redact",
        action="store_true",
        help="replace personal data with [NHS number removed] etc. in the output",
    )
    flags.add_argument(
        "--allow-pii",
        action="store_true",
        help="write personal data anyway (recorded in the meeting's history)",
    )


def _shareable(args: argparse.Namespace, meeting, what: str):
    """The meeting as it may leave the notebook; PersonalDataStop when it may not."""
    from debrief.share import PersonalDataFound, safe_to_share

    notebook = None
    if args.allow_pii and meeting.id is not None:
        notebook = Notebook(args.db or default_db_path())
    try:
        return safe_to_share(
            meeting, redact_pii=args.redact, allow_pii=args.allow_pii, notebook=notebook, what=what
        )
    except PersonalDataFound as found:
        raise PersonalDataStop(found) from None


class PersonalDataStop(Exception):
    """Personal data found and neither --redact nor --allow-pii given: exit 3, write nothing."""


def render_debrief(meeting, fmt: str, glossary=None) -> str:
    from debrief.export import debrief_html, debrief_json, debrief_markdown
    from debrief.summary import build_debrief

    glossary = glossary or shipped_glossary()
    debrief = build_debrief(meeting, glossary, JargonMatcher(glossary))
    if fmt == "json":
        return debrief_json(debrief)
    if fmt == "html":
        return debrief_html(meeting, debrief)
    return debrief_markdown(meeting, debrief)


def cmd_summary(args: argparse.Namespace) -> int:
    meeting = _shareable(args, load_meeting(args, args.source), f"summary --format {args.format}")
    sys.stdout.write(render_debrief(meeting, args.format, user_glossary(args)))
    return OK


def cmd_export(args: argparse.Namespace) -> int:
    if not args.id.isdigit():
        raise UserError(f"export: '{args.id}' is not a meeting id (see `debrief summary FILE`)")
    meeting = _shareable(args, load_meeting(args, args.id), f"export --format {args.format}")
    output = args.output or Path(f"debrief-{meeting.id}.{args.format}")
    text = render_debrief(meeting, args.format, user_glossary(args))
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"{output}: cannot write: {exc.strerror}") from None
    print(f"Wrote the debrief of “{meeting.title}” to {output}.")
    return OK


def cmd_check(args: argparse.Namespace) -> int:
    from debrief.share import meeting_findings

    found = meeting_findings(load_meeting(args, args.source))
    if args.json:
        _print_json({"findings": [f.finding.to_json() | {"field": f.field, "line": f.line} for f in found]})
    elif found:
        print(f"Personal data found ({len(found)}): keep patient details out of meeting notes.")
        for f in found:
            print(f"  {f.describe()}")
    else:
        print("No personal data found.")
    return PERSONAL_DATA if found else OK


# -- lookup -------------------------------------------------------------------------------------


def cmd_lookup(args: argparse.Namespace) -> int:
    query = " ".join(args.term).strip()
    if not query:
        raise UserError("lookup: give a term to look up")
    results = search(user_glossary(args), query, limit=max(1, args.limit))
    if args.json:
        _print_json({"query": query, "results": [r.to_json() for r in results]})
        return OK if results else NOTHING
    if not results:
        print(f"Nothing in the glossary is close to '{query}'.")
        return NOTHING
    if not results[0].exact:
        print(f"No exact match for '{query}'. Did you mean:")
    for number, result in enumerate(results, start=1):
        e = result.entry
        label = e.term if e.expansion.lower() == e.term.lower() else f"{e.term} — {e.expansion}"
        note = "" if result.exact else f"  ({result.score:.0f}% match)"
        print(f"{number}. {label}  [{e.category}]{note}")
        print(f"   {e.plain}")
        if e.historical and e.replaced_by:
            print(f"   No longer used: replaced by {e.replaced_by}.")
    return OK


# -- scan ---------------------------------------------------------------------------------------


def read_text(source: str) -> tuple[str, str]:
    """(name, text) of a file or stdin; non-UTF-8 or binary input is a UserError."""
    if source == "-":
        name, data = "<stdin>", sys.stdin.buffer.read()
    else:
        path = Path(source)
        name = str(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise UserError(f"{name}: no such file") from None
        except IsADirectoryError:
            raise UserError(f"{name}: is a folder, not a text file") from None
        except OSError as exc:
            raise UserError(f"{name}: cannot read: {exc.strerror}") from None
    if b"\x00" in data:
        raise UserError(f"{name}: looks like a binary file, not text")
    try:
        return name, data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UserError(f"{name}: line {line}: not UTF-8 text (byte {exc.start})") from None


def cmd_scan(args: argparse.Namespace) -> int:
    name, text = read_text(args.file)
    attendees = [a for a in args.attendees.split(",") if a.strip()]
    matches = [m for m in JargonMatcher(user_glossary(args)).find(text, attendees) if not m.well_known]
    if args.json:
        _print_json({"matches": [m.to_json() for m in matches]})
    else:
        print_scan_table(name, text, matches)
    return OK if matches else NOTHING


def print_scan_table(name: str, text: str, matches: list[Match]) -> None:
    if not matches:
        print(f"{name}: no jargon found.")
        return
    rows = []
    line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    import bisect

    for m in matches:
        line = bisect.bisect_right(line_starts, m.start)
        where = f"{line}:{m.start - line_starts[line - 1] + 1}"
        entry = m.entry
        meaning = entry.expansion if entry else "unknown acronym: not in the glossary"
        if entry and len(m.senses) > 1:
            meaning += f"  (+{len(m.senses) - 1} other meaning{'s' if len(m.senses) > 2 else ''})"
        rows.append((where, m.surface, m.kind, entry.term if entry else "?", meaning))
    widths = [max(len(r[i]) for r in rows + [("where", "text", "kind", "term", "")]) for i in range(4)]
    widths = [min(w, 30) for w in widths]
    head = ("where", "text", "kind", "term", "meaning")
    print("  ".join(h.ljust(w) for h, w in zip(head, widths + [0])).rstrip())
    for row in rows:
        print("  ".join(c[:30].ljust(w) for c, w in zip(row, widths + [0])).rstrip())
    kinds = Counter(m.kind for m in matches)
    terms = {m.entry.id for m in matches if m.entry}
    summary = ", ".join(f"{n} {k}" for k, n in kinds.most_common())
    print(f"\n{len(matches)} matches ({summary}); {len(terms)} different terms.")


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
    entries = _notebook(args).personal_entries() if args.mine else shipped_glossary()
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
        notebook = _notebook(args)
        mine = {e.id: e for e in notebook.personal_entries()}
        changed = sum(1 for e in entries if e.id not in mine or mine[e.id].to_dict() != e.to_dict())
        for entry in entries:
            notebook.save_personal(entry)
        print(f"Imported {len(entries)} terms into your personal glossary ({changed} new or changed).")
        return OK
    output = args.output or args.csv.with_suffix(".toml")
    known = {e.id for e in shipped_glossary()} | {e.id for e in entries}
    from debrief.glossary_check import check_entries

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

    notebook = _notebook(args)
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

    notebook = _notebook(args)
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
    if not _notebook(args).remove_personal(args.id):
        raise UserError(f"glossary remove: no personal term with id '{args.id}'")
    print(f"Removed {args.id}.")
    return OK


def _resolves_in_shipped(message: str, known: set[str]) -> bool:
    """Links from an imported file to shipped entries are fine."""
    for prefix in ("see_also '", "replaced_by '"):
        if message.startswith(prefix):
            return message[len(prefix) :].split("'")[0] in known
    return False


def _print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    raise SystemExit(main())
