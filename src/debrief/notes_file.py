"""Reading a meeting from a plain text or Markdown notes file: title, date, kind and attendees are
guessed from the first lines; the whole file is the notes."""

from __future__ import annotations

import re
from datetime import date, datetime

from debrief.meeting import Attendee, Meeting
from debrief.months import MONTH, month_number

_WORD_DATE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH})\.?\s+(\d{{4}})\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_PERSON = re.compile(r"\b([A-Z]{2,3})\s*\(([^)]+)\)|\(([A-Z]{2,3})\)")
_PEOPLE_LINE = re.compile(r"(present|chair|attendees|in attendance|apologies|with)\b", re.I)

_KIND_WORDS = [
    ("mentoring session", ("mentor",)),
    ("1:1", ("1:1", "one-to-one", "one to one")),
    ("PCN board", ("pcn",)),
    ("ICB board", ("icb", "integrated care board", "commissioning committee")),
    ("place partnership", ("place", "partnership")),
    ("practice meeting", ("practice meeting",)),
]


def find_date(text: str) -> str | None:
    """The first date written in the text, as ISO (YYYY-MM-DD), if any."""
    candidates = []
    for found in _WORD_DATE.finditer(text):
        day, month, year = found.groups()
        candidates.append((found.start(), int(year), month_number(month) or 0, int(day)))
    for found in _NUMERIC_DATE.finditer(text):
        day, month, year = found.groups()
        candidates.append((found.start(), int(year), int(month), int(day)))
    for found in _ISO_DATE.finditer(text):
        year, month, day = found.groups()
        candidates.append((found.start(), int(year), int(month), int(day)))
    for _, year, month, day in sorted(candidates):
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            continue
    return None


def guess_kind(title: str) -> str:
    lowered = title.lower()
    for kind, words in _KIND_WORDS:
        if any(w in lowered for w in words):
            return kind
    return "other"


def title_of(text: str) -> str:
    """The first heading, or else the first non-empty line, without Markdown marks."""
    # strip() does not remove a byte-order mark (Windows editors write one): it is no title.
    lines = [kept for line in text.splitlines() if (kept := line.replace("\ufeff", "").strip())]
    for line in lines:
        if line.startswith("#"):
            return line.lstrip("#").strip() or "Untitled meeting"
    first = lines[0].strip("*_ ") if lines else ""
    return first or "Untitled meeting"  # "***" or "__" is a divider, not a title


def attendees_in(text: str) -> tuple[Attendee, ...]:
    """People introduced in the header lines: "KP (Chief Nurse)", "practice manager (GH)"."""
    people: dict[str, Attendee] = {}
    for line in text.splitlines()[:12]:
        if not _PEOPLE_LINE.search(line) and "(" not in line:
            continue
        for found in _PERSON.finditer(line):
            if found.group(1):
                initials, role = found.group(1), found.group(2).strip()
            else:
                initials = found.group(3)
                before = line[: found.start()].strip(" -–:,*")
                role = before.split("with")[-1].strip(" -–:,*") if "with" in before else ""
            if initials not in people and not role.isupper():
                people[initials] = Attendee(name=initials, initials=initials, role=role)
    return tuple(people.values())


def meeting_from_text(text: str, today: date | None = None) -> Meeting:
    """A meeting made from a notes file: the notes are the whole text, unchanged."""
    head = "\n".join(text.splitlines()[:8])
    title = title_of(text)
    when = find_date(head) or (today or datetime.now().date()).isoformat()
    return Meeting(title=title, date=when, kind=guess_kind(title), attendees=attendees_in(text), notes=text)
