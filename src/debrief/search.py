"""One search over meetings and questions, with filters for dates, kind, person and term
("every meeting where ARRS came up")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from debrief.store import Notebook, fts_query


@dataclass(frozen=True, slots=True)
class Hit:
    what: str  # "meeting" or "question"
    meeting_id: int | None
    title: str
    date: str
    snippet: str

    def to_json(self) -> dict[str, object]:
        return {
            "what": self.what,
            "meeting_id": self.meeting_id,
            "title": self.title,
            "date": self.date,
            "snippet": self.snippet,
        }


def search_everything(
    notebook: Notebook,
    query: str = "",
    *,
    kind: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    person: str | None = None,
    term: str | None = None,
    limit: int = 200,
) -> list[Hit]:
    """Meetings (full text) and questions matching every filter given, newest first."""
    where = ["m.deleted_at IS NULL"]
    params: dict[str, object] = {"limit": limit}
    if kind:
        where.append("m.kind = :kind")
        params["kind"] = kind
    if date_from:
        where.append("m.date >= :date_from")
        params["date_from"] = date_from
    if date_to:
        where.append("m.date <= :date_to")
        params["date_to"] = date_to
    if person:
        where.append("m.attendees LIKE :person")
        params["person"] = f"%{person}%"
    if term:
        where.append("m.id IN (SELECT meeting_id FROM meeting_terms WHERE entry_id = :term)")
        params["term"] = term
    filters = list(where)  # what questions share with meetings; the text test differs
    fts = fts_query(query)
    if fts:
        params["q"] = fts
        where.append("m.id IN (SELECT rowid FROM meetings_fts WHERE meetings_fts MATCH :q)")
    sql = (
        "SELECT m.id, m.title, m.date, m.notes FROM meetings m"
        f" WHERE {' AND '.join(where)} ORDER BY m.date DESC, m.id DESC LIMIT :limit"
    )
    words = [w.lower() for w in re.findall(r"[^\W_]+", query)]
    rows = notebook.db.execute(sql, params).fetchall()
    hits = [Hit("meeting", mid, title, when, _snippet(notes, words)) for mid, title, when, notes in rows]
    if query.strip():
        # A question is found by its own words or its answer's, whatever its meeting's notes say,
        # and also when it belongs to no meeting (written by hand). The LEFT JOIN keeps the few
        # questions as the outer loop, rather than every meeting.
        params["like"] = f"%{query.strip()}%"
        rows = notebook.db.execute(
            "SELECT q.meeting_id, COALESCE(m.title, ''), COALESCE(m.date, substr(q.created_at, 1, 10), ''),"
            " q.text || CASE WHEN q.answer != '' THEN ' — ' || q.answer ELSE '' END"
            " FROM questions q LEFT JOIN meetings m ON m.id = q.meeting_id"
            f" WHERE (q.text LIKE :like OR q.answer LIKE :like) AND {' AND '.join(filters)}"
            " ORDER BY 3 DESC LIMIT :limit",
            params,
        ).fetchall()
        hits += [Hit("question", *row) for row in rows]
    return hits


def _snippet(text: str, words: list[str], width: int = 90) -> str:
    """The stretch of text around the first query word (the list shows where it matched)."""
    lowered = text.lower()
    at = min((i for i in (lowered.find(w) for w in words) if i >= 0), default=0)
    start = max(0, at - width // 3)
    piece = " ".join(text[start : start + width].split())
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")
