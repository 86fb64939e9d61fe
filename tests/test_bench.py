"""The benchmarks still run (tiny sizes; their figures are for `make bench`, not for tests)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"


def test_matcher_benchmark_runs():
    result = subprocess.run(
        [sys.executable, str(BENCH / "matcher.py"), "--size-mb", "0.05", "--repeat", "1"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "debrief / flashtext" in result.stdout and "ratio" in result.stdout


def test_typing_benchmark_runs():
    result = subprocess.run(
        [sys.executable, str(BENCH / "typing.py"), "--chars", "3", "--repeat", "1"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "highlighting / plain" in result.stdout and "debrief / minimal" in result.stdout


def test_search_benchmark_runs():
    result = subprocess.run(
        [sys.executable, str(BENCH / "search.py"), "--meetings", "300", "--repeat", "1"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "raw FTS5" in result.stdout and "opening the home screen" in result.stdout
