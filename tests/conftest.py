from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from debrief.glossary import Glossary, shipped_glossary  # noqa: E402
from debrief.matcher import JargonMatcher  # noqa: E402


@pytest.fixture(scope="session")
def glossary() -> Glossary:
    return shipped_glossary()


@pytest.fixture(scope="session")
def matcher(glossary: Glossary) -> JargonMatcher:
    return JargonMatcher(glossary)
