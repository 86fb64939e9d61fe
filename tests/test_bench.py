"""The benchmarks still run (tiny sizes; their figures are for `make bench`, not for tests)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.mark.parametrize(
    "script, args, expected",
    [
        ("matcher.py", ["--size-mb", "0.05", "--repeat", "1"], ["debrief / flashtext", "ratio"]),
        ("typing.py", ["--chars", "3", "--repeat", "1"], ["highlighting / plain", "debrief / minimal"]),
        ("search.py", ["--meetings", "300", "--repeat", "1"], ["raw FTS5", "opening the home screen"]),
        ("debrief.py", ["--kb", "5", "--repeat", "1"], ["debrief / scan, largest over smallest"]),
    ],
)
def test_benchmark_runs(script, args, expected):
    result = subprocess.run(
        [sys.executable, str(BENCH / script), *args], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert all(text in result.stdout for text in expected)
