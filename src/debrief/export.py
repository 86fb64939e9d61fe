"""Writing a meeting out to share: Markdown with YAML front matter."""

from __future__ import annotations

import json

from debrief.meeting import Meeting


def _yaml_value(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def meeting_markdown(meeting: Meeting) -> str:
    """The meeting as Markdown: front matter (title, date, kind, attendees, status), then the
    prep, the notes and the reflection, each under its own heading."""
    lines = [
        "---",
        f"title: {_yaml_value(meeting.title)}",
        f"date: {meeting.date}",
        f"kind: {_yaml_value(meeting.kind)}",
        "attendees:",
    ]
    lines += [f"  - {_yaml_value(a.label())}" for a in meeting.attendees] or ["  []"]
    if not meeting.attendees:
        lines[-2] = "attendees: []"
        lines.pop()
    lines += [f"status: {meeting.status}", "---", "", f"# {meeting.title}", ""]
    for heading, body in (
        ("Prep", meeting.prep),
        ("Notes", meeting.notes),
        ("What this means for my role", meeting.reflection),
    ):
        if body.strip():
            lines += [f"## {heading}", "", body.strip(), ""]
    return "\n".join(lines)
