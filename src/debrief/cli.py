"""The `debrief` command. Every subcommand is a thin layer over the domain modules.

Exit codes: 0 ok, 1 nothing found, 2 bad input (one line on stderr naming the file, line or field).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from debrief import __version__
from debrief.cli_common import (
    BAD_INPUT,
    NOTHING,
    OK,
    PERSONAL_DATA,
    UserError,
    print_json,
    read_text,
    user_glossary,
)
from debrief.cli_debrief import (
    PersonalDataStop,
    cmd_check,
    cmd_export,
    cmd_import,
    cmd_pack,
    cmd_summary,
    share_flags,
)
from debrief.cli_glossary import (
    cmd_glossary_add,
    cmd_glossary_check,
    cmd_glossary_edit,
    cmd_glossary_export,
    cmd_glossary_import,
    cmd_glossary_remove,
    cmd_glossary_stats,
    personal_fields,
)
from debrief.glossary import GlossaryError, shipped_glossary
from debrief.lookup import search
from debrief.matcher import JargonMatcher, Match
from debrief.meeting import KINDS
from debrief.store import DB_ENV, Notebook, StoreError, default_db_path, default_exports_dir


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
    share_flags(summary)
    summary.set_defaults(handler=cmd_summary)

    export = commands.add_parser("export", help="write a meeting's debrief to a file")
    export.add_argument("id", help="the meeting id in the notebook")
    export.add_argument("--format", choices=("md", "html"), default="md")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: debrief-ID.FORMAT)")
    share_flags(export)
    export.set_defaults(handler=cmd_export)

    check = commands.add_parser("check", help="personal data that must not leave the notebook")
    check.add_argument("source", help="a meeting id in the notebook, or a notes file (- for stdin)")
    check.add_argument("--json", action="store_true", help="machine-readable output")
    check.set_defaults(handler=cmd_check)

    pack = commands.add_parser("pack", help="a printable mentor pack of debriefs since a date")
    pack.add_argument("--since", required=True, metavar="DATE", help="first meeting date (YYYY-MM-DD)")
    pack.add_argument("-o", "--output", type=Path, required=True, help="FILE.md or FILE.html")
    share_flags(pack)
    pack.set_defaults(handler=cmd_pack)

    imp = commands.add_parser(
        "import", help="bring a mentor pack (with comments), or a notes file, into the notebook"
    )
    imp.add_argument("file", help="a pack written by `debrief pack`")
    imp.set_defaults(handler=cmd_import)

    find = commands.add_parser("search", help="search meetings and questions, with filters")
    find.add_argument("query", nargs="*", help="words to find (all of them; the last as a prefix)")
    find.add_argument("--kind", choices=KINDS, help="only meetings of this kind")
    find.add_argument("--from", dest="date_from", metavar="DATE", help="on or after (YYYY-MM-DD)")
    find.add_argument("--to", dest="date_to", metavar="DATE", help="on or before (YYYY-MM-DD)")
    find.add_argument("--person", help="an attendee's name, initials or role")
    find.add_argument("--term", metavar="TERM", help="only meetings where this term came up (e.g. ARRS)")
    find.add_argument("--json", action="store_true", help="machine-readable output")
    find.set_defaults(handler=cmd_search)

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
    personal_fields(add, required=True)
    add.set_defaults(handler=cmd_glossary_add)
    edit = sub.add_parser("edit", help="change one of your own terms")
    edit.add_argument("id", help="its id (shown by add, and by lookup --json)")
    edit.add_argument("--term", help="how it is written")
    personal_fields(edit, required=False)
    edit.set_defaults(handler=cmd_glossary_edit)
    remove = sub.add_parser("remove", help="delete one of your own terms")
    remove.add_argument("id", help="its id")
    remove.set_defaults(handler=cmd_glossary_remove)
    return parser


# -- the app ------------------------------------------------------------------------------------


def cmd_app(args: argparse.Namespace) -> int:
    """Open the notebook (or the demo) in the terminal app."""
    import tempfile

    from debrief.tui.app import make_app

    if args.demo:
        from debrief.demo import make_demo_notebook

        with tempfile.TemporaryDirectory(prefix="debrief-demo-") as folder:
            notebook = make_demo_notebook(Path(folder), JargonMatcher(shipped_glossary()))
            make_app(notebook=notebook, demo=True, exports=default_exports_dir()).run()
            notebook.close()
        return OK
    path = args.db or default_db_path()
    try:
        notebook = Notebook(path)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    from debrief.personal import glossary_with

    glossary = glossary_with(notebook.personal_entries())
    make_app(notebook=notebook, glossary=glossary, exports=default_exports_dir()).run()
    notebook.close()
    return OK


# -- search -------------------------------------------------------------------------------------


def cmd_search(args: argparse.Namespace) -> int:
    from datetime import date

    from debrief.search import search_everything

    for name in ("date_from", "date_to"):
        value = getattr(args, name)
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise UserError(f"--{name[5:]}: '{value}' is not a date (YYYY-MM-DD)") from None
    term_id = None
    if args.term:
        senses = user_glossary(args).senses(args.term) or user_glossary(args).by_form(args.term)
        if not senses:
            raise UserError(f"--term: '{args.term}' is not in the glossary")
        term_id = senses[0].id
    path = args.db or default_db_path()
    if not Path(path).exists():
        raise UserError(f"{path}: no notebook here (give --db PATH)")
    hits = search_everything(
        Notebook(path),
        " ".join(args.query),
        kind=args.kind,
        date_from=args.date_from,
        date_to=args.date_to,
        person=args.person,
        term=term_id,
    )
    if args.json:
        print_json({"results": [h.to_json() for h in hits]})
    else:
        for hit in hits:
            print(f"{hit.date}  {hit.what:8}  #{hit.meeting_id}  {hit.title}\n    {hit.snippet}")
        if not hits:
            print("Nothing found.")
    return OK if hits else NOTHING


# -- lookup -------------------------------------------------------------------------------------


def cmd_lookup(args: argparse.Namespace) -> int:
    query = " ".join(args.term).strip()
    if not query:
        raise UserError("lookup: give a term to look up")
    results = search(user_glossary(args), query, limit=max(1, args.limit))
    if args.json:
        print_json({"query": query, "results": [r.to_json() for r in results]})
        return OK if results else NOTHING
    if not results:
        print(f"Nothing in the glossary is close to '{query}'.")
        return NOTHING
    if not results[0].exact:
        print(f"No exact match for '{query}'. Did you mean:")
    for number, result in enumerate(results, start=1):
        e = result.entry
        label = f"{e.term} — {e.expansion}" if e.has_expansion else e.term
        note = "" if result.exact else f"  ({result.score:.0f}% match)"
        print(f"{number}. {label}  [{e.category}]{note}")
        print(f"   {e.plain}")
        if e.historical and e.replaced_by:
            print(f"   No longer used: replaced by {e.replaced_by}.")
    return OK


# -- scan ---------------------------------------------------------------------------------------


def cmd_scan(args: argparse.Namespace) -> int:
    name, text = read_text(args.file)
    attendees = [a for a in args.attendees.split(",") if a.strip()]
    matches = [m for m in JargonMatcher(user_glossary(args)).find(text, attendees) if not m.well_known]
    if args.json:
        print_json({"matches": [m.to_json() for m in matches]})
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


if __name__ == "__main__":
    raise SystemExit(main())
