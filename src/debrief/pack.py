"""The mentor pack: chosen debriefs, open questions, open actions and a mini-glossary in one
printable document, carrying its data so a mentor who uses debrief can import it, comment,
and send it back. Importing never duplicates or overwrites: meetings and comments are matched
by stable ids, and only what is missing is added.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import asdict

from debrief.export import debrief_markdown
from debrief.glossary import Glossary
from debrief.matcher import JargonMatcher
from debrief.meeting import Attendee, Meeting
from debrief.store import Notebook
from debrief.summary import build_debrief

VERSION = 1
_MD_DATA = re.compile(r"```debrief-pack\n(?P<data>.*?)\n```", re.DOTALL)
_HTML_DATA = re.compile(r'<pre id="debrief-pack"[^>]*>(?P<data>.*?)</pre>', re.DOTALL)


class PackError(ValueError):
    """Not a pack debrief can read; the message says why."""


def pack_data(notebook: Notebook, meetings: list[Meeting]) -> dict[str, object]:
    """What travels: the meetings, their comments and questions, keyed by stable ids."""
    out_meetings, comments, questions = [], [], []
    for m in meetings:
        uid = notebook.meeting_uid(m.id)
        record = {
            k: v
            for k, v in asdict(m).items()
            if k not in ("id", "revision", "created_at", "updated_at", "deleted_at")
        }
        record["uid"] = uid
        out_meetings.append(record)
        for c, c_uid in zip(notebook.comments(m.id), notebook.comment_uids(m.id)):
            comments.append(
                {
                    "uid": c_uid,
                    "meeting": uid,
                    "item": c.item,
                    "author": c.author,
                    "text": c.text,
                    "created_at": c.created_at,
                }
            )
    wanted = {m.id: notebook.meeting_uid(m.id) for m in meetings}
    for q in notebook.questions(None):
        if q.meeting_id in wanted:
            questions.append(
                {
                    "meeting": wanted[q.meeting_id],
                    "text": q.text,
                    "source": q.source,
                    "term": q.term,
                    "status": q.status,
                    "answer": q.answer,
                }
            )
    return {"debrief_pack": VERSION, "meetings": out_meetings, "comments": comments, "questions": questions}


def pack_markdown(
    notebook: Notebook, meetings: list[Meeting], glossary: Glossary, matcher: JargonMatcher | None = None
) -> str:
    matcher = matcher or JargonMatcher(glossary)
    out = ["# Mentor pack", "", f"{len(meetings)} debrief(s).", ""]
    terms: dict[str, object] = {}
    actions: list[str] = []
    for m in meetings:
        debrief = build_debrief(m, glossary, matcher)
        body = debrief_markdown(m, debrief, notebook.comments(m.id)).split("---\n", 2)[-1]
        out += [body.replace("\n# Debrief:", "\n## Debrief:").replace("\n## ", "\n### "), ""]
        actions += [f"- [ ] {a.text} ({m.title})" for a in debrief.actions]
        for t in debrief.terms:
            terms.setdefault(t.term, t)
    out += ["## Open questions for my mentor", ""]
    out += [
        f"- {q.text} ({q.meeting_title})"
        for q in notebook.questions("open")
        if q.meeting_id in {m.id for m in meetings}
    ] or ["_None._"]
    out += ["", "## Actions still open", ""] + (actions or ["_None._"])
    out += ["", "## Mini-glossary", ""]
    out += [
        f"- **{t.term}** ({t.expansion}): {t.plain}"
        for t in sorted(terms.values(), key=lambda t: t.term.lower())
    ]
    data = json.dumps(pack_data(notebook, meetings), ensure_ascii=False, indent=1)
    out += [
        "",
        "<!-- The data below lets a mentor who uses debrief import this pack. -->",
        "```debrief-pack",
        data,
        "```",
        "",
    ]
    return "\n".join(out)


def pack_html(markdown_text: str, data: dict[str, object]) -> str:
    """A printable page: the pack's text, escaped, with the data in a hidden block."""
    body = html.escape(markdown_text.split("<!-- The data below")[0])
    payload = html.escape(json.dumps(data, ensure_ascii=False))
    return (
        '<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        "<title>Mentor pack</title><style>body{font:15px/1.5 Georgia,serif;max-width:46rem;"
        "margin:2rem auto;padding:0 1rem}pre.pack{white-space:pre-wrap;font:inherit}"
        "</style></head><body>\n"
        f'<pre class="pack">{body}</pre>\n'
        f'<pre id="debrief-pack" hidden>{payload}</pre>\n</body></html>\n'
    )


def is_pack(text: str) -> bool:
    """Whether the text carries a mentor pack's data (a pack exported by debrief)."""
    return bool(_MD_DATA.search(text) or _HTML_DATA.search(text))


def read_pack(text: str) -> dict[str, object]:
    found = _MD_DATA.search(text) or _HTML_DATA.search(text)
    if not found:
        raise PackError("no debrief pack data in this file")
    raw = found.group("data")
    if found.re is _HTML_DATA:
        raw = html.unescape(raw)
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise PackError(f"the pack data is damaged (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(data, dict) or data.get("debrief_pack") != VERSION:
        raise PackError("not a debrief pack of a version this debrief reads")
    return data


def import_pack(notebook: Notebook, data: dict[str, object]) -> dict[str, int]:
    """Add what the notebook lacks; change nothing it already has. Returns counts of additions."""
    added = {"meetings": 0, "comments": 0, "questions": 0, "answers": 0}
    ids: dict[str, int] = {}
    for record in data.get("meetings", []):
        existing = notebook.meeting_by_uid(record["uid"])
        if existing:
            ids[record["uid"]] = existing.id
            continue
        meeting = Meeting(
            title=record["title"],
            date=record["date"],
            kind=record["kind"],
            attendees=tuple(Attendee(**a) for a in record.get("attendees", [])),
            prep=record.get("prep", ""),
            notes=record.get("notes", ""),
            reflection=record.get("reflection", ""),
            status=record.get("status", "draft"),
            senses=record.get("senses", {}),
            tags=tuple(record.get("tags", [])),
            reviewed_by=record.get("reviewed_by", ""),
            reviewed_at=record.get("reviewed_at", ""),
        )
        ids[record["uid"]] = notebook.add(meeting, uid=record["uid"]).id
        added["meetings"] += 1
    for c in data.get("comments", []):
        if c["meeting"] in ids and notebook.add_comment(
            ids[c["meeting"]], c["text"], c["author"], c["item"], c["uid"], c["created_at"]
        ):
            added["comments"] += 1
    for q in data.get("questions", []):
        if q["meeting"] not in ids:
            continue
        meeting_id = ids[q["meeting"]]
        if notebook.add_question(q["text"], meeting_id, q["source"], q["term"]):
            added["questions"] += 1
        if q["status"] == "answered":
            local = [
                x for x in notebook.questions(None) if x.meeting_id == meeting_id and x.text == q["text"]
            ]
            if local and local[0].status == "open":
                notebook.answer_question(local[0].id, q["answer"])
                added["answers"] += 1
    return added
