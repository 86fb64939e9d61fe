"""The notebook: one SQLite file (sqlite-utils) holding every meeting.

* WAL mode, every write in a transaction.
* Schema changes are ordered migrations (sqlite_utils.Migrations); the file is copied to a
  backup beside it before any pending migration runs.
* Full-text search (FTS5) over meetings.
* A meeting's `revision` goes up by one on every save; a save that does not start from the
  stored revision raises `Conflict` instead of overwriting newer text from another window.
* Deleting a meeting moves it to the bin; it can be restored for 30 days.
* The file is readable by its owner only (0600) in a folder that is theirs only (0700).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlite_utils
from sqlite_utils import Migrations

from debrief.glossary import Entry
from debrief.meeting import Attendee, Meeting

DB_ENV = "DEBRIEF_DB"
EXPORTS_ENV = "DEBRIEF_EXPORTS"
RESTORE_DAYS = 30
MEETING_FIELDS = ("title", "date", "kind", "prep", "notes", "reflection", "status")
SEARCHABLE = ["title", "notes", "prep", "reflection", "attendees"]


class StoreError(Exception):
    """The notebook file cannot be used; the message names the file."""


class Conflict(StoreError):
    """The meeting was saved elsewhere (another window) since this copy was loaded."""

    def __init__(self, stored: Meeting):
        super().__init__(f"meeting {stored.id} was changed elsewhere at {stored.updated_at}")
        self.stored = stored


def default_db_path() -> Path:
    """$DEBRIEF_DB, or notebook.db in the platform's user data folder."""
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV]).expanduser()
    import platformdirs

    return platformdirs.user_data_path("debrief", appauthor=False) / "notebook.db"


def default_exports_dir() -> Path:
    """Where the app writes exports and mentor packs: $DEBRIEF_EXPORTS, or a "debrief" folder in
    the user's documents, where people look for files (not in the hidden data folder, and not
    in the demo's throw-away folder)."""
    if os.environ.get(EXPORTS_ENV):
        return Path(os.environ[EXPORTS_ENV]).expanduser()
    import platformdirs

    return platformdirs.user_documents_path() / "debrief"


migrations = Migrations("debrief")


@migrations()
def m001_meetings(db: sqlite_utils.Database) -> None:
    db["meetings"].create(
        {
            "id": int,
            "title": str,
            "date": str,
            "kind": str,
            "attendees": str,
            "prep": str,
            "notes": str,
            "reflection": str,
            "status": str,
            "senses": str,
            "jargon_count": int,
            "revision": int,
            "created_at": str,
            "updated_at": str,
            "deleted_at": str,
        },
        pk="id",
        not_null={"title", "date", "kind", "revision"},
        defaults={
            "prep": "",
            "notes": "",
            "reflection": "",
            "status": "draft",
            "senses": "{}",
            "attendees": "[]",
            "jargon_count": 0,
            "revision": 1,
        },
    )
    db["meetings"].create_index(["date"])
    db["meetings"].enable_fts(SEARCHABLE, create_triggers=True, tokenize="porter")


@migrations()
def m002_history(db: sqlite_utils.Database) -> None:
    """What happened to a meeting that matters later: exports with personal data allowed."""
    db["history"].create(
        {"id": int, "meeting_id": int, "at": str, "event": str, "detail": str},
        pk="id",
        foreign_keys=[("meeting_id", "meetings", "id")],
    )
    db["history"].create_index(["meeting_id"])


@migrations()
def m003_personal_terms(db: sqlite_utils.Database) -> None:
    """The user's own terms: local acronyms, or their own meaning of a shipped term."""
    db["personal_terms"].create(
        {
            "id": str,
            "term": str,
            "expansion": str,
            "plain": str,
            "category": str,
            "aliases": str,
            "context": str,
            "see_also": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"term", "expansion", "plain"},
    )


@migrations()
def m004_questions(db: sqlite_utils.Database) -> None:
    """Questions for my mentor, as records: open until answered, carried from meeting to meeting."""
    db["questions"].create(
        {
            "id": int,
            "meeting_id": int,
            "text": str,
            "source": str,
            "term": str,
            "lines": str,
            "status": str,
            "answer": str,
            "created_at": str,
            "answered_at": str,
        },
        pk="id",
        not_null={"text", "status"},
        defaults={"status": "open", "answer": ""},
        foreign_keys=[("meeting_id", "meetings", "id")],
    )
    db["questions"].create_index(["status"])
    db["questions"].create_index(["meeting_id", "text"], unique=True)


@migrations()
def m005_terms_met(db: sqlite_utils.Database) -> None:
    """The terms each meeting used, and the terms the user marked as known."""
    db["meeting_terms"].create(
        {"meeting_id": int, "entry_id": str, "count": int, "sentence": str},
        pk=("meeting_id", "entry_id"),
        foreign_keys=[("meeting_id", "meetings", "id")],
    )
    db["meeting_terms"].create_index(["entry_id"])
    db["known_terms"].create({"entry_id": str, "marked_at": str}, pk="entry_id")


@migrations()
def m006_review(db: sqlite_utils.Database) -> None:
    """Review with a mentor: who reviewed and when, leadership tags, and comments."""
    for column in ("tags", "reviewed_by", "reviewed_at"):
        db["meetings"].add_column(column, str)  # ALTER TABLE: the FTS triggers stay in place
    db["comments"].create(
        {"id": int, "meeting_id": int, "item": str, "author": str, "text": str, "created_at": str},
        pk="id",
        foreign_keys=[("meeting_id", "meetings", "id")],
    )
    db["comments"].create_index(["meeting_id"])


@migrations()
def m007_practice(db: sqlite_utils.Database) -> None:
    """Spaced practice of the terms from my meetings (a Leitner box per term)."""
    db["practice"].create(
        {"entry_id": str, "box": int, "due": str, "right": int, "wrong": int, "last": str},
        pk="entry_id",
    )


@migrations()
def m008_uids(db: sqlite_utils.Database) -> None:
    """Stable ids so a mentor pack can travel between notebooks without duplicates."""
    import uuid

    for table in ("meetings", "comments"):
        db[table].add_column("uid", str)
        for (row_id,) in db.execute(f"SELECT id FROM {table}").fetchall():
            db.execute(f"UPDATE {table} SET uid = ? WHERE id = ?", [uuid.uuid4().hex, row_id])
        db[table].create_index(["uid"], unique=True)


@dataclass(frozen=True, slots=True)
class Comment:
    id: int
    meeting_id: int
    item: str  # "" for the whole debrief, else "action: …", "question: …", "term: ICB"
    author: str
    text: str
    created_at: str


@dataclass(frozen=True, slots=True)
class TermMet:
    entry_id: str
    count: int
    meetings: int
    first: str
    last: str
    sentence: str


@dataclass(frozen=True, slots=True)
class Question:
    id: int
    meeting_id: int | None
    text: str
    source: str
    term: str
    status: str
    answer: str
    meeting_title: str = ""


@dataclass(frozen=True, slots=True)
class MeetingRow:
    """What the home screen lists (no note text)."""

    id: int
    title: str
    date: str
    kind: str
    status: str
    jargon_count: int
    updated_at: str
    deleted_at: str | None


class Notebook:
    """One notebook file. Each thread that uses it needs its own Notebook (its own connection)."""

    def __init__(self, path: Path | str, *, clock=None):
        self.path = Path(path)
        self._clock = clock or (lambda: datetime.now(UTC))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fresh = not self.path.exists()
            if fresh:
                self.path.touch(mode=0o600)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot create the notebook here ({exc.strerror})") from None
        try:
            conn = sqlite3.connect(self.path, timeout=5.0, check_same_thread=False)
            self.db = sqlite_utils.Database(conn)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            if migrations.pending(self.db):
                if not fresh and self.db.table_names():
                    self.backup_path = self._backup()
                migrations.apply(self.db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a debrief notebook ({exc})") from None
        for sidecar in (self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm")):
            with suppress(OSError):
                sidecar.chmod(0o600)

    backup_path: Path | None = None

    def version(self) -> tuple[int, int]:
        """Changes since this notebook was opened, by this connection or any other (a worker
        thread, a second window): equal versions mean lists read from it are still current."""
        conn = self.db.conn
        return conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0]

    def _backup(self) -> Path:
        stamp = self._clock().strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.stem}.backup-{stamp}{self.path.suffix}")
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy2(self.path, target)
        target.chmod(0o600)
        return target

    def close(self) -> None:
        self.db.conn.close()

    def now(self) -> str:
        return self._clock().isoformat(timespec="seconds")

    # -- meetings --------------------------------------------------------------------------

    def add(self, meeting: Meeting, jargon_count: int = 0, uid: str | None = None) -> Meeting:
        now = self.now()
        row = _to_row(meeting)
        row.update(created_at=now, updated_at=now, revision=1, jargon_count=jargon_count, deleted_at=None)
        row["uid"] = uid or uuid.uuid4().hex
        row.pop("id", None)
        with self.db.atomic():
            new_id = self.db["meetings"].insert(row).last_pk
        return self.get(new_id)

    def find_copy(self, meeting: Meeting) -> Meeting | None:
        """A meeting (not in the bin) with this title, date and notes, if one is stored."""
        row = self.db.execute(
            "SELECT id FROM meetings WHERE title = ? AND date = ? AND notes = ? AND deleted_at IS NULL"
            " ORDER BY id LIMIT 1",
            [meeting.title, meeting.date, meeting.notes],
        ).fetchone()
        return self.get(row[0]) if row else None

    def get(self, meeting_id: int) -> Meeting:
        try:
            return _from_row(self.db["meetings"].get(meeting_id))
        except sqlite_utils.db.NotFoundError:
            raise StoreError(f"{self.path}: no meeting {meeting_id}") from None

    def save(self, meeting: Meeting, jargon_count: int | None = None) -> Meeting:
        """Store the meeting if nobody saved it since it was loaded; raise Conflict otherwise."""
        if meeting.id is None:
            return self.add(meeting, jargon_count or 0)
        row = _to_row(meeting)
        row.pop("id")
        row["updated_at"] = self.now()
        row["revision"] = meeting.revision + 1
        if jargon_count is not None:
            row["jargon_count"] = jargon_count
        assignments = ", ".join(f"[{k}] = :{k}" for k in row)
        with self.db.atomic():
            cursor = self.db.execute(
                f"UPDATE meetings SET {assignments} WHERE id = :id AND revision = :seen",
                {**row, "id": meeting.id, "seen": meeting.revision},
            )
            if cursor.rowcount == 0:
                raise Conflict(self.get(meeting.id))
        return self.get(meeting.id)

    def meetings(
        self, search: str = "", kind: str | None = None, deleted: bool = False, limit: int | None = None
    ) -> list[MeetingRow]:
        """Meetings newest first; `search` is full-text (words, prefixes), `kind` filters."""
        where = ["deleted_at IS NOT NULL" if deleted else "deleted_at IS NULL"]
        params: dict[str, object] = {}
        if kind:
            where.append("kind = :kind")
            params["kind"] = kind
        query = fts_query(search)
        if query:
            where.append("id IN (SELECT rowid FROM meetings_fts WHERE meetings_fts MATCH :q)")
            params["q"] = query
        sql = (
            "SELECT id, title, date, kind, status, jargon_count, updated_at, deleted_at "
            f"FROM meetings WHERE {' AND '.join(where)} ORDER BY date DESC, id DESC"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [MeetingRow(*row) for row in self.db.execute(sql, params).fetchall()]

    def count(self) -> int:
        return self.db["meetings"].count_where("deleted_at IS NULL")

    def delete(self, meeting_id: int) -> None:
        """Move to the bin (restorable for 30 days)."""
        with self.db.atomic():
            self.db.execute("UPDATE meetings SET deleted_at = ? WHERE id = ?", [self.now(), meeting_id])

    def restore(self, meeting_id: int) -> None:
        with self.db.atomic():
            self.db.execute("UPDATE meetings SET deleted_at = NULL WHERE id = ?", [meeting_id])

    def purge_expired(self) -> int:
        """Delete for good what has been in the bin longer than 30 days."""
        cutoff = (self._clock() - timedelta(days=RESTORE_DAYS)).isoformat(timespec="seconds")
        with self.db.atomic():
            cursor = self.db.execute(
                "DELETE FROM meetings WHERE deleted_at IS NOT NULL AND deleted_at < ?", [cutoff]
            )
        return cursor.rowcount

    def record(self, meeting_id: int, event: str, detail: str = "") -> None:
        """Add to the meeting's history (kept even when the meeting's text changes)."""
        with self.db.atomic():
            self.db["history"].insert(
                {"meeting_id": meeting_id, "at": self.now(), "event": event, "detail": detail}
            )

    def history(self, meeting_id: int) -> list[dict[str, object]]:
        return list(self.db["history"].rows_where("meeting_id = ?", [meeting_id], order_by="id"))

    # -- questions for my mentor -----------------------------------------------------------

    def add_question(
        self,
        text: str,
        meeting_id: int | None = None,
        source: str = "manual",
        term: str = "",
        lines: list[int] | None = None,
    ) -> bool:
        """Record a question once (per meeting); returns whether it was new."""
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT OR IGNORE INTO questions (meeting_id, text, source, term, lines, status,"
                " answer, created_at) VALUES (?, ?, ?, ?, ?, 'open', '', ?)",
                [meeting_id, text, source, term, json.dumps(lines or []), self.now()],
            )
        return cursor.rowcount > 0

    def questions(self, status: str | None = "open") -> list[Question]:
        where = "WHERE q.status = :status" if status else ""
        rows = self.db.execute(
            "SELECT q.id, q.meeting_id, q.text, q.source, q.term, q.status, q.answer,"
            " COALESCE(m.title, '') FROM questions q LEFT JOIN meetings m ON m.id = q.meeting_id"
            f" {where} ORDER BY q.id",
            {"status": status},
        ).fetchall()
        return [Question(*row) for row in rows]

    def answer_question(self, question_id: int, answer: str) -> None:
        with self.db.atomic():
            self.db.execute(
                "UPDATE questions SET status = 'answered', answer = ?, answered_at = ? WHERE id = ?",
                [answer, self.now(), question_id],
            )

    # -- review with a mentor ---------------------------------------------------------------

    def add_comment(
        self,
        meeting_id: int,
        text: str,
        author: str = "mentor",
        item: str = "",
        uid: str | None = None,
        created_at: str | None = None,
    ) -> bool:
        """Add a comment once (by uid); returns whether it was new."""
        uid = uid or uuid.uuid4().hex
        if self.db.execute("SELECT 1 FROM comments WHERE uid = ?", [uid]).fetchone():
            return False
        with self.db.atomic():
            self.db["comments"].insert(
                {
                    "uid": uid,
                    "meeting_id": meeting_id,
                    "item": item,
                    "author": author,
                    "text": text,
                    "created_at": created_at or self.now(),
                }
            )
        return True

    def meeting_uid(self, meeting_id: int) -> str:
        return self.db.execute("SELECT uid FROM meetings WHERE id = ?", [meeting_id]).fetchone()[0]

    def meeting_by_uid(self, uid: str) -> Meeting | None:
        row = self.db.execute("SELECT id FROM meetings WHERE uid = ?", [uid]).fetchone()
        return self.get(row[0]) if row else None

    def comment_uids(self, meeting_id: int) -> list[str]:
        return [
            r[0]
            for r in self.db.execute(
                "SELECT uid FROM comments WHERE meeting_id = ? ORDER BY id", [meeting_id]
            )
        ]

    def comments(self, meeting_id: int) -> list[Comment]:
        rows = self.db.execute(
            "SELECT id, meeting_id, item, author, text, created_at FROM comments"
            " WHERE meeting_id = ? ORDER BY id",
            [meeting_id],
        ).fetchall()
        return [Comment(*row) for row in rows]

    def set_status(self, meeting: Meeting, status: str, reviewer: str = "") -> Meeting:
        """draft -> shared with mentor -> reviewed (recording who and when)."""
        reviewed = status == "reviewed"
        changed = self.save(
            meeting.edited(
                status=status,
                reviewed_by=reviewer if reviewed else "",
                reviewed_at=self.now() if reviewed else "",
            )
        )
        self.record(meeting.id, f"status: {status}", reviewer)
        return changed

    # -- practice ---------------------------------------------------------------------------

    def practice_state(self) -> dict[str, tuple[int, str]]:
        """entry id -> (box, due date) for every term practised so far."""
        return {r[0]: (r[1], r[2]) for r in self.db.execute("SELECT entry_id, box, due FROM practice")}

    def record_practice(self, entry_id: str, box: int, due: str, right: bool) -> None:
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO practice (entry_id, box, due, right, wrong, last) VALUES (?,?,?,?,?,?)"
                " ON CONFLICT(entry_id) DO UPDATE SET box = excluded.box, due = excluded.due,"
                " right = right + excluded.right, wrong = wrong + excluded.wrong,"
                " last = excluded.last",
                [entry_id, box, due, int(right), int(not right), self.now()],
            )

    # -- terms I have met ------------------------------------------------------------------

    def set_meeting_terms(self, meeting_id: int, terms: list[tuple[str, int, str]]) -> None:
        """Replace the meeting's (entry id, count, sentence) list."""
        with self.db.atomic():
            self.db.execute("DELETE FROM meeting_terms WHERE meeting_id = ?", [meeting_id])
            self.db.conn.executemany(
                "INSERT INTO meeting_terms (meeting_id, entry_id, count, sentence) VALUES (?,?,?,?)",
                [(meeting_id, *t) for t in terms],
            )

    def terms_met(self) -> list[TermMet]:
        """Every term met in live meetings: how often, in how many, first and last date, and
        the sentence from the first meeting."""
        rows = self.db.execute(
            "SELECT t.entry_id, SUM(t.count), COUNT(*), MIN(m.date), MAX(m.date),"
            " (SELECT t2.sentence FROM meeting_terms t2 JOIN meetings m2 ON m2.id = t2.meeting_id"
            "  WHERE t2.entry_id = t.entry_id ORDER BY m2.date, m2.id LIMIT 1)"
            " FROM meeting_terms t JOIN meetings m ON m.id = t.meeting_id"
            " WHERE m.deleted_at IS NULL GROUP BY t.entry_id ORDER BY SUM(t.count) DESC, t.entry_id"
        ).fetchall()
        return [TermMet(*row) for row in rows]

    def known_terms(self) -> frozenset[str]:
        return frozenset(r[0] for r in self.db.execute("SELECT entry_id FROM known_terms"))

    def set_known(self, entry_id: str, known: bool = True) -> None:
        with self.db.atomic():
            if known:
                self.db.execute("INSERT OR REPLACE INTO known_terms VALUES (?, ?)", [entry_id, self.now()])
            else:
                self.db.execute("DELETE FROM known_terms WHERE entry_id = ?", [entry_id])

    # -- the personal glossary ------------------------------------------------------------

    def personal_entries(self) -> list[Entry]:
        return [_entry_from_row(row) for row in self.db["personal_terms"].rows_where(order_by="id")]

    def save_personal(self, entry: Entry) -> Entry:
        """Add or replace one of the user's own terms (matched everywhere from then on)."""
        now = self.now()
        row = {
            "id": entry.id,
            "term": entry.term,
            "expansion": entry.expansion,
            "plain": entry.plain,
            "category": entry.category or "my terms",
            "aliases": json.dumps(list(entry.aliases)),
            "context": json.dumps(list(entry.context)),
            "see_also": json.dumps(list(entry.see_also)),
            "updated_at": now,
        }
        with self.db.atomic():
            existing = self.db.execute(
                "SELECT created_at FROM personal_terms WHERE id = ?", [entry.id]
            ).fetchone()
            row["created_at"] = existing[0] if existing else now
            self.db["personal_terms"].upsert(row, pk="id")
        return _entry_from_row(row)

    def remove_personal(self, entry_id: str) -> bool:
        with self.db.atomic():
            cursor = self.db.execute("DELETE FROM personal_terms WHERE id = ?", [entry_id])
        return cursor.rowcount > 0

    def iter_meetings(self) -> Iterator[Meeting]:
        for row in self.db["meetings"].rows_where("deleted_at IS NULL", order_by="date desc"):
            yield _from_row(row)


def fts_query(text: str) -> str:
    """User words as an FTS5 query: every word must appear, the last one as a prefix."""
    words = re.findall(r"[^\W_]+", text)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def _to_row(meeting: Meeting) -> dict[str, object]:
    row: dict[str, object] = {name: getattr(meeting, name) for name in MEETING_FIELDS}
    row["attendees"] = json.dumps([a.to_json() for a in meeting.attendees], ensure_ascii=False)
    row["senses"] = json.dumps(meeting.senses, ensure_ascii=False, sort_keys=True)
    row["tags"] = json.dumps(list(meeting.tags), ensure_ascii=False)
    row["reviewed_by"] = meeting.reviewed_by
    row["reviewed_at"] = meeting.reviewed_at
    row["id"] = meeting.id
    return row


def _entry_from_row(row: dict) -> Entry:
    return Entry(
        id=row["id"],
        term=row["term"],
        expansion=row["expansion"],
        plain=row["plain"],
        category=row["category"] or "my terms",
        aliases=tuple(json.loads(row["aliases"] or "[]")),
        context=tuple(json.loads(row["context"] or "[]")),
        see_also=tuple(json.loads(row["see_also"] or "[]")),
        source="personal glossary",
        origin="personal",
        personal=True,
    )


def _from_row(row: dict) -> Meeting:
    return Meeting(
        id=row["id"],
        title=row["title"],
        date=row["date"],
        kind=row["kind"],
        attendees=tuple(Attendee(**a) for a in json.loads(row["attendees"] or "[]")),
        prep=row["prep"] or "",
        notes=row["notes"] or "",
        reflection=row["reflection"] or "",
        status=row["status"] or "draft",
        senses=json.loads(row["senses"] or "{}"),
        tags=tuple(json.loads(row.get("tags") or "[]")),
        reviewed_by=row.get("reviewed_by") or "",
        reviewed_at=row.get("reviewed_at") or "",
        revision=row["revision"],
        created_at=row["created_at"] or "",
        updated_at=row["updated_at"] or "",
        deleted_at=row["deleted_at"],
    )
