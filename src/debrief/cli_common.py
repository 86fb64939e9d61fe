"""What the `debrief` commands share: errors, reading input, the user's glossary and notebook."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from debrief.glossary import shipped_glossary
from debrief.store import Notebook, StoreError, default_db_path

OK, NOTHING, BAD_INPUT, PERSONAL_DATA = 0, 1, 2, 3


class UserError(Exception):
    """A mistake in what the user gave us: reported in one line, exit code 2."""


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


def open_notebook(args: argparse.Namespace) -> Notebook:
    try:
        return Notebook(args.db or default_db_path())
    except StoreError as exc:
        raise UserError(str(exc)) from None


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


def print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
