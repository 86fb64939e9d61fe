"""Benchmark: searching a notebook of 10,000 meetings, against a raw FTS5 query on the same file
in the same run; and opening the home screen on it against an empty notebook.

    python bench/search.py [--meetings 10000] [--repeat 5]

Targets: debrief's search / raw FTS5 <= 2; home on 10,000 / home on empty <= 1.5.
"""

from __future__ import annotations

import os
import sys

# bench/typing.py is named like the standard library's `typing`: this folder goes last on the path
# (after the standard library), where benchlib is still found.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _HERE] + [_HERE]

import argparse  # noqa: E402
import asyncio  # noqa: E402
import random  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from datetime import date, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from benchlib import best  # noqa: E402

from debrief.demo import demo_notes  # noqa: E402
from debrief.meeting import KINDS  # noqa: E402
from debrief.notes_file import meeting_from_text  # noqa: E402
from debrief.search import search_everything  # noqa: E402
from debrief.store import Notebook, fts_query  # noqa: E402
from debrief.tui.app import make_app  # noqa: E402

QUERIES = ["arrs", "virtual ward", "discharge", "cqc", "hypertension"]


def fill(notebook: Notebook, count: int) -> None:
    """Meetings made from the samples with shuffled lines, dates over ten years."""
    rng = random.Random(7)
    notes = [meeting_from_text(text) for _, text in demo_notes()]
    start = date(2016, 1, 1)
    rows = []
    for n in range(count):
        base = notes[n % len(notes)]
        lines = base.notes.splitlines()
        rng.shuffle(lines)
        rows.append(
            {
                "title": f"{base.title} #{n}",
                "date": (start + timedelta(days=n % 3650)).isoformat(),
                "kind": rng.choice(KINDS),
                "attendees": "[]",
                "prep": "",
                "notes": "\n".join(lines),
                "reflection": "",
                "status": "draft",
                "senses": "{}",
                "jargon_count": 0,
                "revision": 1,
                "created_at": "",
                "updated_at": "",
            }
        )
    with notebook.db.atomic():
        notebook.db["meetings"].insert_all(rows, batch_size=500)


async def open_home(notebook: Notebook) -> float:
    start = time.perf_counter()
    app = make_app(notebook=notebook)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        big = Notebook(Path(folder) / "big.db")
        start = time.perf_counter()
        fill(big, args.meetings)
        print(f"notebook: {args.meetings:,} meetings, made in {time.perf_counter() - start:.1f} s")
        # The same answer straight from SQLite: matching meetings, newest first, 200 of them.
        raw_sql = (
            "SELECT m.id, m.title, m.date, m.notes FROM meetings m WHERE m.id IN "
            "(SELECT rowid FROM meetings_fts WHERE meetings_fts MATCH ?) "
            "ORDER BY m.date DESC, m.id DESC LIMIT 200"
        )
        for query in QUERIES:
            ours = best(args.repeat, lambda q=query: search_everything(big, q))
            raw = best(args.repeat, lambda q=query: big.db.execute(raw_sql, [fts_query(q)]).fetchall())
            print(
                f"  search {query!r:16} debrief {ours * 1000:7.2f} ms   raw FTS5 "
                f"{raw * 1000:7.2f} ms   ratio {ours / raw:5.2f}   (target <= 2)"
            )
        filtered = best(
            args.repeat,
            lambda: search_everything(
                big, "arrs", kind="PCN board", date_from="2020-01-01", date_to="2022-12-31"
            ),
        )
        print(f"  search 'arrs' + kind + dates: {filtered * 1000:.2f} ms")

        empty = Notebook(Path(folder) / "empty.db")
        asyncio.run(open_home(empty))  # warm up
        t_empty = min(asyncio.run(open_home(empty)) for _ in range(args.repeat))
        t_big = min(asyncio.run(open_home(big)) for _ in range(args.repeat))
        print(
            f"\nopening the home screen: empty {t_empty:.3f} s, {args.meetings:,} meetings "
            f"{t_big:.3f} s, ratio {t_big / t_empty:.2f}   (target <= 1.5)"
        )


if __name__ == "__main__":
    main()
