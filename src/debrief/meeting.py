"""A meeting as the user records it: header, prep questions, notes and reflection."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

KINDS = (
    "ICB board",
    "PCN board",
    "place partnership",
    "practice meeting",
    "mentoring session",
    "1:1",
    "other",
)

STATUSES = ("draft", "shared", "reviewed")

# The NHS Healthcare Leadership Model's nine dimensions, to tag a reflection with.
LEADERSHIP_DIMENSIONS = (
    "Inspiring shared purpose",
    "Leading with care",
    "Evaluating information",
    "Connecting our service",
    "Sharing the vision",
    "Engaging the team",
    "Holding to account",
    "Developing capability",
    "Influencing for results",
)

# Headings each kind of meeting starts with: what a mentor will ask about afterwards.
TEMPLATES = {
    "ICB board": [
        "Chair's and chief executive's reports",
        "Finance",
        "Quality and performance",
        "Decisions",
        "Actions",
        "Questions for my mentor",
    ],
    "PCN board": [
        "Workforce and additional roles",
        "Contract and funding",
        "Access",
        "Decisions",
        "Actions",
        "Questions for my mentor",
    ],
    "place partnership": [
        "Updates from partners",
        "Urgent care and discharge",
        "Decisions",
        "Actions",
        "Questions for my mentor",
    ],
    "practice meeting": ["Clinical", "Operational", "Decisions", "Actions"],
    "mentoring session": ["What we talked about", "What I learned", "Actions", "Questions to take back"],
    "1:1": ["Updates", "Issues", "Agreed", "Actions"],
    "other": ["Notes", "Decisions", "Actions", "Questions for my mentor"],
}


def template_for(kind: str) -> str:
    """Notes prefilled with the kind's headings."""
    headings = TEMPLATES.get(kind, TEMPLATES["other"])
    return "\n\n".join(f"## {h}\n" for h in headings)


@dataclass(frozen=True, slots=True)
class Attendee:
    name: str
    initials: str = ""
    role: str = ""

    def label(self) -> str:
        who = self.name if self.name != self.initials else self.initials
        if self.initials and self.initials != self.name:
            who = f"{self.initials} {self.name}".strip()
        return f"{who} ({self.role})" if self.role else who

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "initials": self.initials, "role": self.role}


_ATTENDEE = re.compile(r"^\s*(?P<who>[^()]*?)\s*(?:\((?P<role>[^)]*)\))?\s*$")
_INITIALS = re.compile(r"^[A-Z]{2,4}$")


def parse_attendees(text: str) -> tuple[Attendee, ...]:
    """ "KP Kate Price (Chief Nurse); JS (Head of Quality), Tom Hall" -> attendees with initials."""
    people = []
    for part in re.split(r"[;\n]|,(?![^()]*\))", text):
        found = _ATTENDEE.match(part)
        if not found or not found.group("who").strip() and not found.group("role"):
            continue
        who = found.group("who").strip()
        role = (found.group("role") or "").strip()
        words = who.split()
        if words and _INITIALS.match(words[0]):
            initials, name = words[0], " ".join(words[1:]) or words[0]
        else:
            name = who
            capitals = [w[0] for w in re.split(r"[\s\-]+", who) if w[:1].isupper()]
            initials = "".join(capitals) if len(capitals) >= 2 else ""
        people.append(Attendee(name=name, initials=initials, role=role))
    return tuple(people)


def format_attendees(attendees: tuple[Attendee, ...]) -> str:
    return "; ".join(a.label() for a in attendees)


@dataclass(frozen=True, slots=True)
class Meeting:
    """One meeting. `revision` increases with every save, so a second window cannot silently
    overwrite newer text."""

    title: str = "Untitled meeting"
    date: str = field(default_factory=lambda: date.today().isoformat())
    kind: str = "other"
    attendees: tuple[Attendee, ...] = ()
    prep: str = ""
    notes: str = ""
    reflection: str = ""
    status: str = "draft"
    senses: dict[str, str] = field(default_factory=dict)  # term -> chosen sense id
    tags: tuple[str, ...] = ()  # leadership model dimensions the reflection touches
    reviewed_by: str = ""
    reviewed_at: str = ""
    id: int | None = None
    revision: int = 0
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None

    @property
    def initials(self) -> tuple[str, ...]:
        return tuple(a.initials for a in self.attendees if a.initials)

    def edited(self, **changes: object) -> Meeting:
        return replace(self, **changes)  # type: ignore[arg-type]
