"""The demo notebook: the sample meeting notes that ship with debrief, in a throw-away file."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path

from debrief.intake import add_notes
from debrief.matcher import JargonMatcher
from debrief.store import Notebook

# Samples without a date of their own get this one, so the demo looks the same on every day.
DEMO_DAY = date(2025, 3, 28)


def demo_notes() -> list[tuple[str, str]]:
    """(file name, text) of every shipped sample, in name order."""
    folder = resources.files("debrief").joinpath("demo_notes")
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".md")), key=lambda f: f.name)
    return [(f.name, f.read_text(encoding="utf-8")) for f in files]


def fill_demo(notebook: Notebook, matcher: JargonMatcher) -> int:
    """Add every sample as a meeting (with its jargon count); returns how many."""
    count = 0
    for _, text in demo_notes():
        count += add_notes(notebook, text, matcher, today=DEMO_DAY)[1]
    return count


def make_demo_notebook(folder: Path, matcher: JargonMatcher) -> Notebook:
    notebook = Notebook(folder / "demo-notebook.db")
    if notebook.count() == 0:
        fill_demo(notebook, matcher)
    return notebook
