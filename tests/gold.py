"""The samples' gold annotations (tests/fixtures/gold.json) located in their texts."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass(frozen=True)
class GoldTerm:
    start: int
    end: int
    surface: str
    canonical: str
    expansion: str


@cache
def gold() -> dict[str, dict]:
    return json.loads((FIXTURES / "gold.json").read_text(encoding="utf-8"))


def sample_names() -> list[str]:
    return sorted(gold())


def sample_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _word_at(text: str, surface: str, start: int) -> int:
    pattern = re.compile(r"(?<![\w&])" + re.escape(surface) + r"(?![\w&])")
    found = pattern.search(text, start)
    return found.start() if found else -1


def gold_terms(name: str) -> list[GoldTerm]:
    """Gold jargon occurrences with their offsets: each surface is found in reading order."""
    text = sample_text(name)
    located: list[GoldTerm] = []
    used: set[int] = set()
    cursor = 0
    for item in gold()[name]["terms"]:
        surface = item["surface"]
        at = _word_at(text, surface, cursor)
        while at in used:
            at = _word_at(text, surface, at + 1)
        if at < 0:  # listed out of order: take the first unused occurrence
            at = _word_at(text, surface, 0)
            while at in used:
                at = _word_at(text, surface, at + 1)
        assert at >= 0, f"{name}: gold surface {surface!r} not in the text"
        used.add(at)
        located.append(GoldTerm(at, at + len(surface), surface, item["canonical"], item["expansion"]))
        cursor = at + len(surface)
    return located
