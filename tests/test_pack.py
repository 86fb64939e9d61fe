"""The mentor pack: printable, safe to share, and a lossless round trip between notebooks."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import asdict

from debrief.meeting import Meeting
from debrief.store import Notebook


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "debrief", *args], capture_output=True, text=True, timeout=120
    )


def snapshot(db) -> dict:
    """Everything a notebook holds that a pack touches, ignoring row ids."""
    nb = Notebook(db)
    meetings = sorted((nb.meeting_uid(m.id), asdict(m) | {"id": None}) for m in nb.iter_meetings())
    comments = sorted((c.text, c.author, c.item) for m in nb.iter_meetings() for c in nb.comments(m.id))
    questions = sorted((q.text, q.status, q.answer) for q in nb.questions(None))
    return {"meetings": meetings, "comments": comments, "questions": questions}


def test_round_trip_between_two_notebooks(tmp_path):
    a_db, b_db = tmp_path / "a.db", tmp_path / "b.db"
    a = Notebook(a_db)
    first = a.add(
        Meeting(
            title="PCN board",
            date="2025-03-11",
            kind="PCN board",
            notes="- ACTION: GH to submit the ARRS claim by Fri.\n"
            "- Q: Is CD time still funded?\n- The XQZB paper.",
        )
    )
    a.add(Meeting(title="ICB board", date="2025-03-26", notes="- Decision: plan approved."))
    a.add(Meeting(title="Old", date="2024-01-01", notes="Not in the pack."))
    a.add_question("Is CD time still funded?", first.id, "note")
    before_a = snapshot(a_db)

    pack = tmp_path / "pack.md"
    result = run("--db", str(a_db), "pack", "--since", "2025-01-01", "-o", str(pack))
    assert result.returncode == 0, result.stderr
    text = pack.read_text(encoding="utf-8")
    for heading in ("## Open questions for my mentor", "## Actions still open", "## Mini-glossary"):
        assert heading in text
    assert "Not in the pack." not in text and "GH to submit the ARRS" in text

    # The mentor imports it, comments, and sends a pack back.
    assert run("--db", str(b_db), "import", str(pack)).returncode == 0
    b = Notebook(b_db)
    meeting_b = next(m for m in b.iter_meetings() if m.title == "PCN board")
    b.add_comment(meeting_b.id, "Good question about CD time.", author="Dr Mentor")
    b.answer_question(b.questions()[0].id, "Yes, at the same rate.")
    back = tmp_path / "back.html"
    assert run("--db", str(b_db), "pack", "--since", "2025-01-01", "-o", str(back)).returncode == 0

    result = run("--db", str(a_db), "import", str(back))
    assert result.returncode == 0, result.stderr
    after_a = snapshot(a_db)
    assert after_a["meetings"] == before_a["meetings"]  # every original record unchanged
    assert after_a["comments"] == [("Good question about CD time.", "Dr Mentor", "")]
    assert after_a["questions"] == [("Is CD time still funded?", "answered", "Yes, at the same rate.")]
    # Importing the same pack twice changes nothing the second time.
    assert run("--db", str(a_db), "import", str(back)).returncode == 0
    assert snapshot(a_db) == after_a
    assert run("--db", str(b_db), "import", str(back)).returncode == 0
    assert len(list(Notebook(b_db).iter_meetings())) == 2


def test_pack_stops_on_personal_data_and_redacts(tmp_path):
    db = tmp_path / "a.db"
    Notebook(db).add(Meeting(title="1:1", date="2025-03-03", notes="NHS no 999 390 9963"))
    out = tmp_path / "pack.md"
    result = run("--db", str(db), "pack", "--since", "2025-01-01", "-o", str(out))
    assert result.returncode == 3 and not out.exists()
    assert run("--db", str(db), "pack", "--since", "2025-01-01", "-o", str(out), "--redact").returncode == 0
    assert "999 390 9963" not in out.read_text(encoding="utf-8")


def test_import_of_a_damaged_pack_is_a_clear_error(tmp_path):
    damaged = tmp_path / "pack.md"
    damaged.write_text("# Mentor pack\n```debrief-pack\n{not json\n```\n", encoding="utf-8")
    result = run("--db", str(tmp_path / "n.db"), "import", str(damaged))
    assert result.returncode == 2 and result.stderr.startswith(f"debrief: {damaged}: ")
    assert "Traceback" not in result.stderr


def test_import_of_plain_notes_adds_a_meeting_not_a_pack(tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("PCN board 3 March 2025\n\n- Just notes.", encoding="utf-8")
    result = run("--db", str(tmp_path / "n.db"), "import", str(notes))
    assert result.returncode == 0 and "as meeting 1" in result.stdout


def test_a_pack_with_no_meetings_since_the_date_is_nothing_found(tmp_path):
    db = tmp_path / "a.db"
    Notebook(db).add(Meeting(title="1:1", date="2025-03-03", notes="The ICB met."))
    out = tmp_path / "pack.md"
    result = run("--db", str(db), "pack", "--since", "2030-01-01", "-o", str(out))
    assert result.returncode == 1 and not out.exists()
    assert result.stderr.strip() == "debrief: no meetings on or after 2030-01-01; nothing written."
