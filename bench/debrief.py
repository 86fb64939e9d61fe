"""Benchmark: building a debrief grows in step with the notes, as scanning them does.

    python bench/debrief.py [--kb 50] [--repeat 3]

Builds the debrief of notes of N, 2N and 4N kB (the samples repeated) and, in the same run,
scans the same notes with the matcher. Prints the debrief / scan ratio at each size; the target
is that it stays flat (the largest size's ratio at most 1.5 times the smallest's). A step in
the debrief that reads all the notes once per item would make it climb with the size.
"""

from __future__ import annotations

import os
import sys

# bench/typing.py is named like the standard library's `typing`: this folder goes last on the path
# (after the standard library), where benchlib is still found.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _HERE] + [_HERE]

import argparse  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from benchlib import best, build_corpus  # noqa: E402

from debrief.glossary import shipped_glossary  # noqa: E402
from debrief.matcher import JargonMatcher  # noqa: E402
from debrief.meeting import Meeting  # noqa: E402
from debrief.summary import build_debrief  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    glossary = shipped_glossary()
    ratios = []
    for size in (args.kb, 2 * args.kb, 4 * args.kb):
        meeting = Meeting(title="Board", date="2025-03-03", notes=build_corpus(size * 1000))

        def scan(m=meeting):
            JargonMatcher(glossary).find(m.notes, m.initials)

        def debrief(m=meeting):
            build_debrief(m, glossary, JargonMatcher(glossary), readability=False)

        t_scan, t_debrief = best(args.repeat, scan), best(args.repeat, debrief)
        ratios.append(t_debrief / t_scan)
        print(
            f"  {size:5d} kB  scan {t_scan * 1000:8.1f} ms  debrief {t_debrief * 1000:8.1f} ms"
            f"  ratio {ratios[-1]:.2f}"
        )
    print(f"debrief / scan, largest over smallest = {ratios[-1] / ratios[0]:.2f}   (target <= 1.5)")


if __name__ == "__main__":
    main()
