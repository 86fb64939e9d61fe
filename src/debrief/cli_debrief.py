"""`debrief summary`, `export` and `check`: debriefs, and the share-safety gate before output."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from debrief.cli_common import NOTHING, OK, PERSONAL_DATA, UserError, print_json, read_text, user_glossary
from debrief.glossary import shipped_glossary
from debrief.matcher import JargonMatcher
from debrief.store import Notebook, StoreError, default_db_path

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
    name, text = read_text(source)
    if not text.strip():
        raise UserError(f"{name}: the file is empty")
    return meeting_from_text(text)


def share_flags(command: argparse.ArgumentParser) -> None:
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
        print_json({"findings": [f.finding.to_json() | {"field": f.field, "line": f.line} for f in found]})
    elif found:
        print(f"Personal data found ({len(found)}): keep patient details out of meeting notes.")
        for f in found:
            print(f"  {f.describe()}")
    else:
        print("No personal data found.")
    return PERSONAL_DATA if found else OK


def cmd_pack(args: argparse.Namespace) -> int:
    """The mentor pack: every debrief since a date, checked for personal data first."""
    from datetime import date

    from debrief.pack import pack_data, pack_html, pack_markdown

    try:
        date.fromisoformat(args.since)
    except ValueError:
        raise UserError(f"--since: '{args.since}' is not a date (YYYY-MM-DD)") from None
    if args.output.suffix not in (".md", ".html"):
        raise UserError(f"{args.output}: the pack is written as .md or .html")
    path = args.db or default_db_path()
    if not Path(path).exists():
        raise UserError(f"{path}: no notebook here (give --db PATH)")
    notebook = Notebook(path)
    chosen = [m for m in notebook.iter_meetings() if m.date >= args.since]
    if not chosen:  # nothing found, as `search` says it (exit 1), not bad input
        print(f"debrief: no meetings on or after {args.since}; nothing written.", file=sys.stderr)
        return NOTHING
    shareable = [_shareable(args, m, "pack") for m in sorted(chosen, key=lambda m: m.date)]
    glossary = user_glossary(args)
    text = pack_markdown(notebook, shareable, glossary)
    if args.output.suffix == ".html":
        text = pack_html(text, pack_data(notebook, shareable))
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"{args.output}: cannot write: {exc.strerror}") from None
    print(f"Wrote a pack of {len(shareable)} debrief(s) to {args.output}.")
    return OK


def cmd_import(args: argparse.Namespace) -> int:
    """Bring a mentor pack (with a mentor's comments) into the notebook, adding only what is
    missing; or notes written elsewhere (a phone, a text editor), as a new meeting."""
    from debrief.pack import PackError, import_pack, is_pack, read_pack

    _, text = read_text(args.file)
    path = args.db or default_db_path()
    if not is_pack(text):
        return _import_notes(args.file, text, path)
    try:
        data = read_pack(text)
    except PackError as exc:
        raise UserError(f"{args.file}: {exc}") from None
    try:
        added = import_pack(Notebook(path), data)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    print("Imported: " + ", ".join(f"{n} new {what}" for what, n in added.items()) + ".")
    return OK


def _import_notes(name: str, text: str, path: Path) -> int:
    from debrief.intake import add_notes
    from debrief.personal import glossary_with
    from debrief.share import meeting_findings

    if not text.strip():
        raise UserError(f"{name}: the file is empty")
    try:
        notebook = Notebook(path)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    meeting, new = add_notes(notebook, text, JargonMatcher(glossary_with(notebook.personal_entries())))
    where = f"“{meeting.title}” ({meeting.date}, {meeting.kind})"
    if not new:
        print(f"{where} is already in the notebook as meeting {meeting.id}; nothing added.")
        return OK
    print(f"Added {where} as meeting {meeting.id}.")
    found = meeting_findings(meeting)
    if found:
        print(
            f"It holds {len(found)} item(s) of personal data: `debrief check {meeting.id}` lists "
            "them, and exports will ask you to remove them first."
        )
    return OK
