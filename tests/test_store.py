"""The notebook file: a real SQLite file in a temp folder."""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, datetime, timedelta

import pytest

from debrief.demo import demo_notes, make_demo_notebook
from debrief.meeting import Attendee, Meeting, parse_attendees, template_for
from debrief.notes_file import find_date, meeting_from_text
from debrief.store import Conflict, Notebook, StoreError, default_db_path, fts_query, migrations


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_round_trip_of_every_field(tmp_path):
    notebook = Notebook(tmp_path / "n.db")
    meeting = Meeting(
        title="PCN board",
        date="2025-03-11",
        kind="PCN board",
        attendees=(Attendee("Kate Price", "KP", "Chief Nurse"),),
        prep="Ask about ARRS",
        notes="The ICB agreed.",
        reflection="I learned a lot.",
        senses={"ACP": "acp-care-plan"},
    )
    stored = notebook.add(meeting, jargon_count=2)
    again = Notebook(tmp_path / "n.db").get(stored.id)
    assert again == stored
    assert (again.title, again.attendees, again.senses) == (
        "PCN board",
        meeting.attendees,
        {"ACP": "acp-care-plan"},
    )
    assert again.revision == 1 and again.created_at and again.updated_at


def test_wal_and_owner_only_permissions(tmp_path):
    path = tmp_path / "private" / "n.db"
    notebook = Notebook(path)
    assert notebook.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_save_detects_a_stale_copy(tmp_path):
    first, second = Notebook(tmp_path / "n.db"), Notebook(tmp_path / "n.db")
    meeting = first.add(Meeting(title="Board", notes="v1"))
    newer = second.save(second.get(meeting.id).edited(notes="v2 from another window"))
    assert newer.revision == 2
    with pytest.raises(Conflict) as caught:
        first.save(meeting.edited(notes="v2 from a stale window"))
    assert caught.value.stored.notes == "v2 from another window"
    assert first.get(meeting.id).notes == "v2 from another window"


def test_full_text_search_and_kind_filter(tmp_path):
    notebook = Notebook(tmp_path / "n.db")
    notebook.add(Meeting(title="PCN board", kind="PCN board", notes="ARRS claims", date="2025-01-01"))
    notebook.add(Meeting(title="ICB board", kind="ICB board", notes="Finance: deficit", date="2025-02-01"))
    assert [r.title for r in notebook.meetings()] == ["ICB board", "PCN board"]
    assert [r.title for r in notebook.meetings("arrs")] == ["PCN board"]
    assert [r.title for r in notebook.meetings("defic")] == ["ICB board"]  # prefix
    assert [r.title for r in notebook.meetings("board", kind="PCN board")] == ["PCN board"]
    assert notebook.meetings('"; DROP TABLE meetings; --') == []
    assert fts_query("") == "" and fts_query("the ICB's") == '"the" "ICB" "s"*'


def test_bin_restores_for_thirty_days_then_purges(tmp_path):
    clock = Clock()
    notebook = Notebook(tmp_path / "n.db", clock=clock)
    meeting = notebook.add(Meeting(title="Old"))
    notebook.delete(meeting.id)
    assert notebook.meetings() == [] and [r.title for r in notebook.meetings(deleted=True)] == ["Old"]
    notebook.restore(meeting.id)
    assert [r.title for r in notebook.meetings()] == ["Old"]
    notebook.delete(meeting.id)
    clock.now += timedelta(days=29)
    assert notebook.purge_expired() == 0
    clock.now += timedelta(days=2)
    assert notebook.purge_expired() == 1
    assert notebook.meetings(deleted=True) == []


def test_a_migration_backs_up_the_file_first(tmp_path):
    path = tmp_path / "n.db"
    Notebook(path).add(Meeting(title="Before the upgrade"))

    @migrations(name="m999_test_column")
    def add_column(db):
        db["meetings"].add_column("mood", str)

    try:
        upgraded = Notebook(path)
        assert upgraded.backup_path is not None and upgraded.backup_path.exists()
        assert stat.S_IMODE(upgraded.backup_path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        old = sqlite3.connect(upgraded.backup_path)
        assert old.execute("SELECT title FROM meetings").fetchall() == [("Before the upgrade",)]
        assert "mood" in upgraded.db["meetings"].columns_dict
        assert [m.title for m in upgraded.iter_meetings()] == ["Before the upgrade"]
    finally:
        migrations._migrations.pop()


def test_not_a_notebook_is_a_clear_error(tmp_path):
    path = tmp_path / "photo.db"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200)
    with pytest.raises(StoreError, match="photo.db: not a debrief notebook"):
        Notebook(path)


def test_default_path_honours_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("DEBRIEF_DB", str(tmp_path / "mine.db"))
    assert default_db_path() == tmp_path / "mine.db"
    monkeypatch.delenv("DEBRIEF_DB")
    assert default_db_path().name == "notebook.db"


def test_exports_go_to_the_documents_folder_unless_told_otherwise(tmp_path, monkeypatch):
    from debrief.store import default_exports_dir

    monkeypatch.setenv("DEBRIEF_EXPORTS", str(tmp_path / "out"))
    assert default_exports_dir() == tmp_path / "out"
    monkeypatch.delenv("DEBRIEF_EXPORTS")
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "Docs"))
    assert default_exports_dir() == tmp_path / "Docs" / "debrief"


def test_attendees_are_parsed_with_initials_and_roles():
    people = parse_attendees("KP Kate Price (Chief Nurse); JS (Head of Quality), Tom Hall")
    assert people == (
        Attendee("Kate Price", "KP", "Chief Nurse"),
        Attendee("JS", "JS", "Head of Quality"),
        Attendee("Tom Hall", "TH", ""),
    )
    assert parse_attendees("") == ()


def test_templates_differ_by_kind():
    assert "## Finance" in template_for("ICB board")
    assert "## What I learned" in template_for("mentoring session")
    assert template_for("no such kind") == template_for("other")


def test_notes_files_give_title_date_kind_and_people():
    meeting = meeting_from_text(demo_notes()[3][1])
    assert meeting.title == "Riverside PCN board – 11 March 2025"
    assert (meeting.date, meeting.kind) == ("2025-03-11", "PCN board")
    assert {a.initials for a in meeting.attendees} >= {"FO", "GH"}
    assert find_date("Tues 18 Feb 2025, notes") == "2025-02-18"
    assert find_date("1:1 – 03/03/2025") == "2025-03-03"
    assert find_date("31/02/2025 is no date, but 2025-04-01 is") == "2025-04-01"
    assert find_date("no date here") is None


def test_demo_notebook_holds_every_sample(tmp_path):
    from debrief.glossary import shipped_glossary
    from debrief.matcher import JargonMatcher

    notebook = make_demo_notebook(tmp_path, JargonMatcher(shipped_glossary()))
    rows = notebook.meetings()
    assert len(rows) == len(demo_notes()) == 8
    assert all(r.jargon_count > 5 for r in rows)


def test_questions_are_recorded_once_and_answered(tmp_path):
    notebook = Notebook(tmp_path / "n.db")
    meeting = notebook.add(Meeting(title="Board"))
    assert notebook.add_question("Who pays?", meeting.id, "note", lines=[3])
    assert not notebook.add_question("Who pays?", meeting.id, "note", lines=[3])
    notebook.add_question("What does XQZB mean here?", meeting.id, "unknown-term", "XQZB")
    assert [(q.text, q.meeting_title) for q in notebook.questions()] == [
        ("Who pays?", "Board"),
        ("What does XQZB mean here?", "Board"),
    ]
    notebook.answer_question(notebook.questions()[0].id, "The ICB.")
    assert [q.text for q in notebook.questions()] == ["What does XQZB mean here?"]
    assert notebook.questions("answered")[0].answer == "The ICB."


def test_terms_met_across_meetings_and_known_terms(tmp_path):
    notebook = Notebook(tmp_path / "n.db")
    first = notebook.add(Meeting(title="A", date="2025-01-01"))
    second = notebook.add(Meeting(title="B", date="2025-02-01"))
    notebook.set_meeting_terms(second.id, [("icb", 2, "The ICB met twice.")])
    notebook.set_meeting_terms(first.id, [("icb", 1, "Our ICB is new."), ("pcn", 3, "PCN work.")])
    met = {t.entry_id: t for t in notebook.terms_met()}
    assert (met["icb"].count, met["icb"].meetings, met["icb"].first, met["icb"].last) == (
        3,
        2,
        "2025-01-01",
        "2025-02-01",
    )
    assert met["icb"].sentence == "Our ICB is new."
    notebook.delete(first.id)
    assert {t.entry_id: t.count for t in notebook.terms_met()} == {"icb": 2}
    notebook.set_known("icb")
    assert notebook.known_terms() == {"icb"}
    notebook.set_known("icb", False)
    assert notebook.known_terms() == frozenset()


def test_search_everything_with_filters(tmp_path):
    from debrief.search import search_everything

    notebook = Notebook(tmp_path / "n.db")
    a = notebook.add(
        Meeting(
            title="PCN board",
            kind="PCN board",
            date="2025-01-10",
            attendees=(Attendee("Kate Price", "KP", "nurse"),),
            notes="ARRS claims are late.",
        )
    )
    b = notebook.add(
        Meeting(title="ICB board", kind="ICB board", date="2025-03-10", notes="Finance and ARRS underspend.")
    )
    notebook.set_meeting_terms(a.id, [("arrs", 1, "ARRS claims are late.")])
    notebook.add_question("Who signs off ARRS claims?", b.id, "note")
    hits = search_everything(notebook, "arrs")
    assert [(h.what, h.meeting_id) for h in hits] == [
        ("meeting", b.id),
        ("meeting", a.id),
        ("question", b.id),
    ]
    assert "ARRS" in hits[0].snippet
    assert [h.meeting_id for h in search_everything(notebook, "arrs", kind="PCN board")] == [a.id]
    assert [h.meeting_id for h in search_everything(notebook, date_from="2025-02-01")] == [b.id]
    assert [h.meeting_id for h in search_everything(notebook, person="Kate")] == [a.id]
    assert [h.meeting_id for h in search_everything(notebook, term="arrs")] == [a.id]


def test_search_finds_questions_by_their_own_words_and_answers(tmp_path):
    from debrief.search import search_everything

    notebook = Notebook(tmp_path / "n.db")
    board = notebook.add(Meeting(title="ICB board", kind="ICB board", date="2025-03-10", notes="Finance."))
    notebook.add_question("What is a virtual ward?")  # written by hand: no meeting
    notebook.add_question("Who chairs the place board?", board.id, "note")
    asked = notebook.questions("open")[-1]
    notebook.answer_question(asked.id, "The council leader, by rota.")
    found = {(h.what, h.meeting_id, h.title) for h in search_everything(notebook, "virtual ward")}
    assert found == {("question", None, "")}
    by_answer = search_everything(notebook, "rota")
    assert [(h.what, h.meeting_id) for h in by_answer] == [("question", board.id)]
    assert "The council leader, by rota." in by_answer[0].snippet
    assert search_everything(notebook, "rota", kind="PCN board") == []


def test_practice_brings_a_wrong_answer_back_first(tmp_path):
    from datetime import date

    from debrief.practice import answer, due_terms

    notebook = Notebook(tmp_path / "n.db")
    meeting = notebook.add(Meeting(title="A", date="2025-01-01"))
    notebook.set_meeting_terms(meeting.id, [("icb", 5, "s"), ("pcn", 3, "s"), ("arrs", 1, "s")])
    today = date(2025, 3, 1)
    assert due_terms(notebook, today) == ["icb", "pcn", "arrs"]
    assert answer(notebook, "icb", True, today) == (1, "2025-03-02")
    assert answer(notebook, "arrs", False, today) == (0, "2025-03-01")
    assert due_terms(notebook, today) == ["arrs", "pcn"]  # wrong first; icb not due yet
    assert due_terms(notebook, date(2025, 3, 2)) == ["arrs", "pcn", "icb"]
    notebook.set_known("pcn")
    assert "pcn" not in due_terms(notebook, today)


def test_version_changes_with_any_write_to_the_file(tmp_path):
    mine, other = Notebook(tmp_path / "n.db"), Notebook(tmp_path / "n.db")
    start = mine.version()
    assert mine.version() == start, "reading changes nothing"
    mine.meetings("")
    assert mine.version() == start
    stored = mine.add(Meeting(title="Board", date="2025-03-03"))
    after_mine = mine.version()
    assert after_mine != start
    other.save(other.get(stored.id).edited(notes="From another window."))
    assert mine.version() != after_mine, "a write from another connection shows too"


def test_a_notebook_where_none_can_be_made_is_a_clear_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(StoreError, match=r"a-file/n.db: cannot create the notebook here"):
        Notebook(blocker / "n.db")
