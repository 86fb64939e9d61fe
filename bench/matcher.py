"""Benchmark: debrief's matcher against flashtext and pyahocorasick, in the same run.

    python bench/matcher.py [--size-mb 1] [--repeat 5]

Corpus: the sample notes repeated to about 1 MB. Each copy's lines get a unique suffix, so
debrief's per-line cache cannot make repeats free (its per-token cache still works, by design).
flashtext and pyahocorasick are given every exact written form in the glossary (terms, expansions,
aliases); debrief also does variants, fuzzy matching, unknown acronyms and sense ranking.

Second figure: re-matching one edited line of a 20,000-word note, relative to a full scan.
Prints times (best of --repeat) and ratios; targets: debrief/flashtext <= 1.0, edit/full <= 0.01.
"""

from __future__ import annotations

import os
import sys

# bench/typing.py is named like the standard library's `typing`: this folder goes last on the path
# (after the standard library), where benchlib is still found.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _HERE] + [_HERE]

import argparse  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import ahocorasick  # noqa: E402
from benchlib import best_of, build_corpus  # noqa: E402
from flashtext import KeywordProcessor  # noqa: E402

from debrief.glossary import load_glossary  # noqa: E402
from debrief.matcher import _SPLIT, JargonMatcher  # noqa: E402
from debrief.senses import rank_senses  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    glossary = load_glossary()
    surfaces = sorted({form for e in glossary for form in e.forms()})
    corpus = build_corpus(int(args.size_mb * 1_000_000))
    print(
        f"corpus: {len(corpus.encode()) / 1e6:.2f} MB, {len(corpus.split()):,} words; "
        f"glossary: {len(glossary)} entries, {len(surfaces)} written forms"
    )

    flash = KeywordProcessor()
    for surface in surfaces:
        flash.add_keyword(surface)
    automaton = ahocorasick.Automaton()
    for surface in surfaces:
        automaton.add_word(surface.lower(), surface)
    automaton.make_automaton()
    lowered = corpus.lower()

    matcher = JargonMatcher(glossary)

    def fresh():
        matcher.clear_cache()
        return matcher

    t_debrief, found = best_of(args.repeat, fresh, lambda m: m.find(corpus))
    t_flash, flash_found = best_of(
        args.repeat, lambda: flash, lambda k: k.extract_keywords(corpus, span_info=True)
    )
    t_aho, aho_found = best_of(args.repeat, lambda: automaton, lambda a: list(a.iter_long(lowered)))
    t_build, _ = best_of(args.repeat, lambda: None, lambda _: JargonMatcher(glossary))

    print(f"\nfull scan (best of {args.repeat}):")
    print(f"  debrief        {t_debrief:8.3f} s  {len(found):7,} matches (exact, variant, fuzzy, unknown)")
    print(f"  flashtext      {t_flash:8.3f} s  {len(flash_found):7,} matches (exact forms only)")
    print(f"  pyahocorasick  {t_aho:8.3f} s  {len(aho_found):7,} matches (exact forms, no word bounds)")
    print(f"  debrief / flashtext     = {t_debrief / t_flash:.2f}   (target <= 1.00)")
    print(f"  debrief / pyahocorasick = {t_debrief / t_aho:.2f}")
    print(f"  (building debrief's matcher: {t_build * 1000:.1f} ms, once per glossary)")
    # Where debrief's time goes: two parts that flashtext has no counterpart for.
    t_split, _ = best_of(args.repeat, lambda: None, lambda _: _SPLIT.split(corpus))
    t_rank, _ = best_of(args.repeat, lambda: None, lambda _: rank_senses(corpus, found))
    print(
        f"  of debrief's time: splitting into tokens (one C regex pass) {t_split:.3f} s "
        f"= {t_split / t_flash:.2f} of flashtext; ranking the senses of "
        f"{sum(len(m.senses) > 1 for m in found):,} ambiguous terms {t_rank:.3f} s = {t_rank / t_flash:.2f}"
    )

    # One edited line of a 20,000-word note.
    words, note_lines = 0, []
    for line in corpus.splitlines():
        note_lines.append(line)
        words += len(line.split())
        if words >= 20_000:
            break
    note = "\n".join(note_lines)
    middle = len(note_lines) // 2
    t_full, _ = best_of(args.repeat, fresh, lambda m: m.find(note))
    matcher.find(note)  # warm: as in the editor, every line has been matched once
    edits = [f"{note_lines[middle]} and the icb's Intergrated Care Board said {i}" for i in range(50)]
    t_edit = statistics.median(_time(lambda e=e: matcher.match_line(e)) for e in edits)
    t_refind = statistics.median(_time(lambda: matcher.find(note)) for _ in range(args.repeat))
    print(f"\nediting one line of a {words:,}-word note:")
    print(f"  full scan (cold)         {t_full * 1000:9.2f} ms")
    print(
        f"  re-match the edited line {t_edit * 1000:9.3f} ms   ratio {t_edit / t_full:.5f} (target <= 0.01)"
    )
    print(
        f"  whole note again, warm   {t_refind * 1000:9.2f} ms   ratio {t_refind / t_full:.3f} "
        f"(side panels; debounced)"
    )


def _time(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
