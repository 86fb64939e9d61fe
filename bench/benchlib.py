"""What the benchmarks share: the sample-notes corpus and best-of-N timing.

The scripts keep their own folder off the front of sys.path (bench/typing.py is named like the
standard library's `typing`) and append it at the end, so this module is found after the
standard library.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "tests" / "fixtures").glob("0*.md"))


def build_corpus(size: int) -> str:
    """The sample notes repeated to about `size` bytes. Each copy's lines get a unique suffix,
    so debrief's per-line cache cannot make repeats free (its per-token cache still works)."""
    notes = [p.read_text(encoding="utf-8") for p in SAMPLES]
    parts: list[str] = []
    total = copy = 0
    while total < size:
        for note in notes:
            lines = [f"{line} #{copy}" if line.strip() else line for line in note.splitlines()]
            chunk = "\n".join(lines) + "\n\n"
            parts.append(chunk)
            total += len(chunk.encode("utf-8"))
        copy += 1
    return "".join(parts)


def best_of(
    repeat: int, setup: Callable[[], object], run: Callable[[object], object]
) -> tuple[float, object]:
    """The fastest of `repeat` runs (seconds) and the last result; `setup` is not timed."""
    times, result = [], None
    for _ in range(repeat):
        state = setup()
        start = time.perf_counter()
        result = run(state)
        times.append(time.perf_counter() - start)
    return min(times), result


def best(repeat: int, fn: Callable[[], object]) -> float:
    """The fastest of `repeat` runs of fn, in seconds."""
    return best_of(repeat, lambda: None, lambda _: fn())[0]
