"""Benchmark: typing into a 20,000-word note with live jargon highlighting, against a plain
TextArea, in the same run; and opening the app on the demo notebook against a minimal app.

    python bench/typing.py [--chars 200] [--repeat 3]

Targets: highlighting / plain <= 1.25; demo app start / minimal app start <= 1.5.
"""

from __future__ import annotations

import os
import sys

# This file is named like the standard library's `typing`: its folder goes last on the path
# (after the standard library), where benchlib is still found.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _HERE] + [_HERE]

import argparse  # noqa: E402
import asyncio  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from benchlib import SAMPLES  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.widgets import Footer, Label, TextArea  # noqa: E402

from debrief.demo import make_demo_notebook  # noqa: E402
from debrief.glossary import shipped_glossary  # noqa: E402
from debrief.matcher import JargonMatcher  # noqa: E402
from debrief.tui.app import make_app  # noqa: E402
from debrief.tui.notes_editor import NotesEditor  # noqa: E402

TYPED = "Agreed the icb will fund the pcns; Addtional Roles claims monthly via the CQRS portal. "


def big_note(words: int = 20_000) -> str:
    notes = [p.read_text(encoding="utf-8") for p in SAMPLES]
    parts, count, copy = [], 0, 0
    while count < words:
        for note in notes:
            lines = [f"{line} ({copy})" if line.strip() else line for line in note.splitlines()]
            parts.append("\n".join(lines))
            count += len(note.split())
        copy += 1
    return "\n\n".join(parts)


class EditorApp(App):
    def __init__(self, editor_factory) -> None:
        super().__init__()
        self.editor_factory = editor_factory

    def compose(self) -> ComposeResult:
        yield self.editor_factory()


async def time_typing(make_editor, chars: int) -> tuple[float, float]:
    """Wall-clock and CPU seconds to type the characters. Pilot waits for each key to be
    handled (tens of milliseconds, mostly idle), so the CPU time is what a key really costs."""
    app = EditorApp(make_editor)
    async with app.run_test(size=(120, 36)) as pilot:
        editor = app.query_one(TextArea)
        editor.focus()
        editor.move_cursor((editor.document.line_count // 2, 0))
        await pilot.pause()
        keys = [("space" if c == " " else c) for c in (TYPED * 10)[:chars]]
        start, cpu = time.perf_counter(), time.process_time()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
        return time.perf_counter() - start, time.process_time() - cpu


class MinimalApp(App):
    def compose(self) -> ComposeResult:
        yield Label("hello")


class MinimalAppWithFooter(MinimalApp):
    """The floor for an app whose keys are shown in Textual's footer, as our style guide asks."""

    def compose(self) -> ComposeResult:
        yield Label("hello")
        yield Footer()


async def time_start(factory) -> float:
    start = time.perf_counter()
    app = factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        elapsed = time.perf_counter() - start
    return elapsed


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    note = big_note()
    glossary = shipped_glossary()
    print(
        f"note: {len(note.split()):,} words, {note.count(chr(10)) + 1:,} lines; "
        f"typing {args.chars} characters, best of {args.repeat}"
    )

    plain_times, jargon_times = [], []
    for _ in range(args.repeat):
        plain_times.append(await time_typing(lambda: TextArea(note, soft_wrap=True), args.chars))
        matcher = JargonMatcher(glossary)  # cold caches every round
        jargon_times.append(await time_typing(lambda m=matcher: NotesEditor(note, matcher=m), args.chars))
    (plain, plain_cpu), (jargon, jargon_cpu) = min(plain_times), min(jargon_times)
    per_key = 1000 / args.chars
    print(f"  plain TextArea      {plain:7.3f} s  (CPU {plain_cpu * per_key:.2f} ms a key)")
    print(f"  NotesEditor         {jargon:7.3f} s  (CPU {jargon_cpu * per_key:.2f} ms a key)")
    print(f"  highlighting / plain = {jargon / plain:.2f}   (target <= 1.25)")

    with tempfile.TemporaryDirectory() as folder:
        notebook = make_demo_notebook(Path(folder), JargonMatcher(glossary))
        await time_start(MinimalApp)  # warm up imports and the terminal driver
        minimal = min([await time_start(MinimalApp) for _ in range(args.repeat)])
        footer = min([await time_start(MinimalAppWithFooter) for _ in range(args.repeat)])
        demo = min(
            [
                await time_start(lambda: make_app(notebook=notebook, glossary=glossary))
                for _ in range(args.repeat)
            ]
        )
    print("\nopening the app (headless, until the first screen is idle):")
    print(f"  minimal Textual app {minimal:7.3f} s")
    print(f"  debrief on the demo {demo:7.3f} s")
    print(f"  debrief / minimal = {demo / minimal:.2f}   (target <= 1.5)")
    print(f"  (minimal app plus Textual's footer: {footer:.3f} s = {footer / minimal:.2f} of minimal)")


if __name__ == "__main__":
    asyncio.run(main())
