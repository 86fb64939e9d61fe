"""Share safety: every export runs the personal-data check first.

Found something? Stop and say what and where, unless the user asks to redact it (in the exported
copy only; the notebook keeps the original) or explicitly allows it, which is recorded in the
meeting's history.
"""

from __future__ import annotations

from dataclasses import dataclass

from debrief.meeting import Meeting
from debrief.privacy import Finding, find_pii, redact

FIELDS = ("title", "prep", "notes", "reflection")


@dataclass(frozen=True, slots=True)
class Located:
    field: str
    line: int
    finding: Finding

    def describe(self) -> str:
        return f"{self.field} line {self.line}: {self.finding.label} “{self.finding.surface}”"


class PersonalDataFound(Exception):
    def __init__(self, found: list[Located]):
        self.found = found
        kinds = sorted({f.finding.label for f in found})
        super().__init__(
            f"personal data found ({', '.join(kinds)}): " + "; ".join(f.describe() for f in found)
        )


def meeting_findings(meeting: Meeting) -> list[Located]:
    """Personal data anywhere in the meeting, with the field and line it is on."""
    people = [a.label() for a in meeting.attendees] + [a.name for a in meeting.attendees]
    out = []
    for name in FIELDS:
        text = getattr(meeting, name)
        for finding in find_pii(text, people):
            out.append(Located(name, text.count("\n", 0, finding.start) + 1, finding))
    return out


def redacted(meeting: Meeting) -> Meeting:
    """A copy with every finding replaced by "[NHS number removed]" and the like."""
    people = [a.label() for a in meeting.attendees] + [a.name for a in meeting.attendees]
    return meeting.edited(
        **{name: redact(getattr(meeting, name), find_pii(getattr(meeting, name), people)) for name in FIELDS}
    )


def safe_to_share(
    meeting: Meeting,
    *,
    redact_pii: bool = False,
    allow_pii: bool = False,
    notebook=None,
    what: str = "export",
) -> Meeting:
    """The meeting as it may be exported, or PersonalDataFound."""
    found = meeting_findings(meeting)
    if not found:
        return meeting
    if redact_pii:
        return redacted(meeting)
    if allow_pii:
        if notebook is not None and meeting.id is not None:
            kinds = ", ".join(sorted({f.finding.label for f in found}))
            notebook.record(meeting.id, "personal data allowed", f"{what}: {kinds}")
        return meeting
    raise PersonalDataFound(found)
