"""Writing a meeting or its debrief out to share: Markdown with YAML front matter, a printable
self-contained HTML page, or JSON."""

from __future__ import annotations

import html
import json
from collections.abc import Callable

from debrief.english import is_english_word
from debrief.meeting import Meeting
from debrief.note_items import Item
from debrief.summary import Debrief, TermExplained, readability_note


def sentence_case(text: str, ordinary: Callable[[str], bool] = is_english_word) -> str:
    """An item as a list shows it: a capital first letter when the first word is an ordinary
    word ("the ACP post …" -> "The ACP post …"), never when it is jargon typed in lower case
    ("icb wants …" stays, so it is not turned into a word that does not exist). `ordinary`
    decides; the English word list is the default (the home screen asks its glossary instead,
    so opening the app does not wait for that list to load)."""
    first = text.split(" ", 1)[0].strip(".,;:!?'\"()")
    if first[:1].islower() and ordinary(first):
        return text[0].upper() + text[1:]
    return text


def _yaml_value(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def front_matter(meeting: Meeting) -> list[str]:
    lines = [
        "---",
        f"title: {_yaml_value(meeting.title)}",
        f"date: {meeting.date}",
        f"kind: {_yaml_value(meeting.kind)}",
    ]
    if meeting.attendees:
        lines.append("attendees:")
        lines += [f"  - {_yaml_value(a.label())}" for a in meeting.attendees]
    else:
        lines.append("attendees: []")
    lines += [f"status: {meeting.status}", "---", ""]
    return lines


def meeting_markdown(meeting: Meeting) -> str:
    """The meeting as Markdown: front matter, then prep, notes and reflection."""
    lines = front_matter(meeting) + [f"# {meeting.title}", ""]
    for heading, body in (
        ("Prep", meeting.prep),
        ("Notes", meeting.notes),
        ("What this means for my role", meeting.reflection),
    ):
        if body.strip():
            lines += [f"## {heading}", "", body.strip(), ""]
    return "\n".join(lines)


def _where(item: Item) -> str:
    lines = ", ".join(str(n) for n in item.lines)
    return f" _(line {lines})_" if item.lines else ""


def _owner_and_due(item: Item) -> str:
    """ "owner: GH; due: Fri, 2025-03-07", as the notes give them (empty when they give neither)."""
    bits = []
    if item.owner:
        bits.append(f"owner: {item.owner}")
    if item.due:
        due = item.due + (f", {item.extra['due_date']}" if item.extra.get("due_date") else "")
        bits.append(f"due: {due}")
    return "; ".join(bits)


def _term_name(term: TermExplained) -> str:
    """ "ICB (integrated care board)", or the term alone when it stands for nothing else."""
    return term.term if term.expansion.lower() == term.term.lower() else f"{term.term} ({term.expansion})"


def _action_line(item: Item) -> str:
    said = _owner_and_due(item)
    tail = f" ({said})" if said else ""
    return f"- [ ] {sentence_case(item.text)}{tail}{_where(item)}"


def _review_line(meeting: Meeting) -> str:
    if meeting.status == "reviewed" and meeting.reviewed_by:
        return f"Reviewed by {meeting.reviewed_by} on {meeting.reviewed_at[:10]}."
    return {"shared": "Shared with my mentor.", "draft": "Draft."}.get(meeting.status, "")


def debrief_markdown(meeting: Meeting, debrief: Debrief, comments=()) -> str:
    """The debrief in the order mentors ask, as Markdown with front matter."""
    out = front_matter(meeting) + [
        f"# Debrief: {debrief.title}",
        "",
        f"{debrief.date} · {debrief.kind} · {_review_line(meeting)}",
        "",
    ]
    if debrief.attendees:
        out += ["**Who was there:** " + "; ".join(debrief.attendees), ""]
    out += ["## What was discussed", ""]
    heading = None
    for item in debrief.discussed:
        if item.heading != heading:
            heading = item.heading
            if heading:
                out += ["", f"### {heading}", ""]
        out.append(f"- {sentence_case(item.text)}{_where(item)}")
    if not debrief.discussed:
        out.append("_Nothing beyond the decisions and actions below._")
    out += ["", "## Decisions", ""]
    out += [f"- {sentence_case(i.text)}{_where(i)}" for i in debrief.decisions] or [
        "_No decisions recorded._"
    ]
    out += ["", "## Actions", ""]
    out += [_action_line(i) for i in debrief.actions] or ["_No actions recorded._"]
    out += ["", "## Questions for my mentor", ""]
    out += [f"- {sentence_case(i.text)}{_where(i)}" for i in debrief.questions] or ["_No open questions._"]
    out += ["", "## Terms explained", ""]
    for term in debrief.terms:
        out.append(f"- **{_term_name(term)}**: {term.plain}")
    if not debrief.terms:
        out.append("_No jargon found._")
    out += ["", "## What this means for my role", ""]
    if debrief.reflection:
        out.append(debrief.reflection)
    else:
        out.append("_Not written yet. Some questions to start with:_")
        out += [f"- {p}" for p in debrief.prompts]
    if meeting.tags:
        out += ["", "Leadership dimensions: " + "; ".join(meeting.tags)]
    if comments:
        out += ["", "## My mentor's comments", ""]
        out += [
            f"- {c.text} _({c.author}, {c.created_at[:10]}" + (f", on {c.item}" if c.item else "") + ")_"
            for c in comments
        ]
    out += ["", "## Readability", "", readability_note(debrief), ""]
    return "\n".join(out)


_CSS = """
body { font: 16px/1.5 Georgia, 'Times New Roman', serif; max-width: 46rem; margin: 2rem auto;
       padding: 0 1rem; color: #111; background: #fff; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #999; margin-top: 1.8rem; }
h3 { font-size: 1.05rem; margin-bottom: .3rem; }
.meta { color: #444; margin-top: 0; }
.where { color: #666; font-size: .85em; }
.term { font-weight: bold; }
ul { padding-left: 1.3rem; }
li { margin: .25rem 0; }
.actions li { list-style: "☐ "; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; }
               h2 { break-after: avoid; } li { break-inside: avoid; } }
"""


def debrief_html(meeting: Meeting, debrief: Debrief) -> str:
    """A self-contained printable page: no scripts, no external assets, every value escaped."""
    e = html.escape

    def where(item: Item) -> str:
        lines = ", ".join(str(n) for n in item.lines)
        return f' <span class="where">(line {e(lines)})</span>' if lines else ""

    def items(rows: list[str], empty: str, cls: str = "") -> str:
        if not rows:
            return f"<p><em>{e(empty)}</em></p>"
        klass = f' class="{cls}"' if cls else ""
        return f"<ul{klass}>" + "".join(f"<li>{r}</li>" for r in rows) + "</ul>"

    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>Debrief: {e(debrief.title)}</title>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>Debrief: {e(debrief.title)}</h1>",
        f'<p class="meta">{e(debrief.date)} · {e(debrief.kind)} · {e(meeting.status)}</p>',
    ]
    if debrief.attendees:
        parts.append(f"<p><strong>Who was there:</strong> {e('; '.join(debrief.attendees))}</p>")
    parts.append("<h2>What was discussed</h2>")
    heading = None
    group: list[str] = []
    for item in debrief.discussed:
        if item.heading != heading:
            if group:
                parts.append(items(group, ""))
                group = []
            heading = item.heading
            if heading:
                parts.append(f"<h3>{e(heading)}</h3>")
        group.append(e(sentence_case(item.text)) + where(item))
    parts.append(items(group, "Nothing beyond the decisions and actions below."))
    parts.append("<h2>Decisions</h2>")
    parts.append(
        items([e(sentence_case(i.text)) + where(i) for i in debrief.decisions], "No decisions recorded.")
    )
    parts.append("<h2>Actions</h2>")
    rows = []
    for i in debrief.actions:
        said = _owner_and_due(i)
        tail = f" <em>({e(said)})</em>" if said else ""
        rows.append(e(sentence_case(i.text)) + tail + where(i))
    parts.append(items(rows, "No actions recorded.", "actions"))
    parts.append("<h2>Questions for my mentor</h2>")
    parts.append(
        items([e(sentence_case(i.text)) + where(i) for i in debrief.questions], "No open questions.")
    )
    parts.append("<h2>Terms explained</h2>")
    rows = []
    for t in debrief.terms:
        rows.append(f'<span class="term">{e(_term_name(t))}</span>: {e(t.plain)}')
    parts.append(items(rows, "No jargon found."))
    parts.append("<h2>What this means for my role</h2>")
    if debrief.reflection:
        parts += [f"<p>{e(p)}</p>" for p in debrief.reflection.split("\n\n")]
    else:
        parts.append("<p><em>Not written yet. Some questions to start with:</em></p>")
        parts.append(items([e(p) for p in debrief.prompts], ""))
    parts.append("<h2>Readability</h2>")
    parts.append(f"<p>{e(readability_note(debrief))}</p>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def debrief_json(debrief: Debrief) -> str:
    return json.dumps(debrief.to_json(), ensure_ascii=False, indent=2) + "\n"
