"""Share safety: personal data is found, flagged, and never leaves the notebook by accident."""

from __future__ import annotations

import json
import socket
import subprocess
import sys

import pytest
from gold import gold, sample_names, sample_text
from hypothesis import given
from hypothesis import strategies as st

from debrief.meeting import Attendee, Meeting
from debrief.notes_file import meeting_from_text
from debrief.privacy import find_pii, nhs_number_valid, redact
from debrief.share import PersonalDataFound, meeting_findings, safe_to_share
from debrief.store import Notebook

PII_NOTES = (
    "Pt Mrs Jane Doe, NHS no 999 390 9963, DOB 21/05/1982, MRN RX123456,\n"
    "lives LS9 7TF, mobile 07700 900872, email cjw1982@example.com.\n"
    "ACTION: KP to send the ICB the plan by Fri.\n"
)
PII_STRINGS = [
    "Jane Doe",
    "999 390 9963",
    "21/05/1982",
    "RX123456",
    "LS9 7TF",
    "07700 900872",
    "cjw1982@example.com",
]


@pytest.mark.parametrize("name", sample_names())
def test_every_gold_item_is_found_and_nothing_else(name):
    text = sample_text(name)
    meeting = meeting_from_text(text)
    found = {(f.surface, f.kind) for f in find_pii(text, [a.label() for a in meeting.attendees])}
    assert found == {(p["surface"], p["kind"]) for p in gold()[name]["pii"]}
    for wrong in gold()[name]["invalid_nhs_numbers"]:
        assert wrong not in {surface for surface, _ in found}


def test_every_kind_of_personal_data():
    found = {(f.kind, f.surface) for f in find_pii(PII_NOTES)}
    assert found == {
        ("name", "Jane Doe"),
        ("nhs_number", "999 390 9963"),
        ("dob", "21/05/1982"),
        ("mrn", "RX123456"),
        ("postcode", "LS9 7TF"),
        ("phone", "07700 900872"),
        ("email", "cjw1982@example.com"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Meeting on 03/03/2025, next one 6 March 2025.",
        "Deficit of £14.2m; 62% of 1,500 people; 8.6 WTE; 6.30–8pm; 2025/26 plan.",
        "List of 14,000 patients; 30,000 to 50,000 people; ref 123 456 7890 in the paper.",
        "Mrs Patel from the LMC and Mr Jones (finance director) attended.",
        "Call the team on extension 4471; room 2.14; 1,234,567,890 pounds.",
    ],
)
def test_no_flag_on_ordinary_numbers_dates_and_staff(text):
    assert find_pii(text, ["Priya Patel (LMC)", "Tom Jones (finance director)"]) == []


def _with_check_digit(nine: str) -> str | None:
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1)))
    check = (11 - total % 11) % 11
    return None if check == 10 else nine + str(check)


@given(st.text(alphabet="0123456789", min_size=10, max_size=10))
def test_ten_digit_numbers_are_flagged_exactly_when_the_check_digit_is_valid(digits):
    flagged = any(f.kind == "nhs_number" for f in find_pii(f"NHS no {digits} today"))
    expected = _with_check_digit(digits[:9]) == digits
    assert nhs_number_valid(digits) == expected
    assert flagged == expected


def test_redact_replaces_each_finding_with_its_label():
    out = redact(PII_NOTES, find_pii(PII_NOTES))
    assert "[NHS number removed]" in out and "[date of birth removed]" in out
    assert not any(s in out for s in PII_STRINGS)
    assert "ACTION: KP to send the ICB the plan by Fri." in out


def test_share_stops_redacts_or_records_the_override(tmp_path):
    notebook = Notebook(tmp_path / "n.db")
    meeting = notebook.add(
        Meeting(title="1:1", notes=PII_NOTES, attendees=(Attendee("Kate Price", "KP", "nurse"),))
    )
    with pytest.raises(PersonalDataFound) as caught:
        safe_to_share(meeting)
    assert "notes line 1: NHS number “999 390 9963”" in str(caught.value)
    clean = safe_to_share(meeting, redact_pii=True)
    assert meeting_findings(clean) == [] and notebook.get(meeting.id).notes == PII_NOTES
    safe_to_share(meeting, allow_pii=True, notebook=notebook, what="export md")
    history = notebook.history(meeting.id)
    assert [(h["event"], h["detail"].split(":")[0]) for h in history] == [
        ("personal data allowed", "export md")
    ]


def run(*args: str, cwd=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "debrief", *args], capture_output=True, text=True, timeout=120, cwd=cwd
    )


@pytest.fixture
def notebook_with_pii(tmp_path):
    db = tmp_path / "n.db"
    meeting = Notebook(db).add(Meeting(title="1:1", notes=PII_NOTES, date="2025-03-03"))
    return db, meeting.id


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_export_writes_nothing_without_a_flag_and_no_pii_with_redact(notebook_with_pii, tmp_path, fmt):
    db, meeting_id = notebook_with_pii
    out = tmp_path / f"out.{fmt}"
    result = run("--db", str(db), "export", str(meeting_id), "--format", fmt, "-o", str(out))
    assert result.returncode == 3 and not out.exists()
    assert "nothing written: personal data found" in result.stderr
    result = run("--db", str(db), "export", str(meeting_id), "--format", fmt, "-o", str(out), "--redact")
    assert result.returncode == 0, result.stderr
    written = out.read_text(encoding="utf-8")
    assert not any(s in written for s in PII_STRINGS) and "removed]" in written


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_summary_output_is_checked_too(notebook_with_pii, fmt):
    db, meeting_id = notebook_with_pii
    result = run("--db", str(db), "summary", str(meeting_id), "--format", fmt)
    assert result.returncode == 3 and result.stdout == ""
    result = run("--db", str(db), "summary", str(meeting_id), "--format", fmt, "--redact")
    assert result.returncode == 0 and not any(s in result.stdout for s in PII_STRINGS)
    if fmt == "json":
        json.loads(result.stdout)


def test_allow_pii_is_recorded_in_the_history(notebook_with_pii, tmp_path):
    db, meeting_id = notebook_with_pii
    out = tmp_path / "out.md"
    result = run("--db", str(db), "export", str(meeting_id), "-o", str(out), "--allow-pii")
    assert result.returncode == 0 and "999 390 9963" in out.read_text(encoding="utf-8")
    assert Notebook(db).history(meeting_id)[0]["event"] == "personal data allowed"


def test_check_command(tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text(PII_NOTES, encoding="utf-8")
    result = run("check", str(notes), "--json")
    assert result.returncode == 3
    kinds = {f["kind"] for f in json.loads(result.stdout)["findings"]}
    assert kinds == {"name", "nhs_number", "dob", "mrn", "postcode", "phone", "email"}
    notes.write_text("The ICB met.", encoding="utf-8")
    assert run("check", str(notes)).returncode == 0


async def test_a_whole_session_opens_no_socket(tmp_path, monkeypatch):
    from textual.widgets import Static

    from debrief.tui.app import make_app
    from debrief.tui.notes_editor import NotesEditor

    opened = []

    def refuse(*args, **kwargs):
        opened.append(args)
        raise AssertionError("debrief tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    app = make_app(tmp_path / "n.db")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        editor = app.screen.query_one("#notes", NotesEditor)
        editor.load_text("pt NHS no 999 390 9963 seen by the ICB")
        editor.move_cursor((0, 14))
        await pilot.pause(0.3)
        assert "This looks like an NHS number" in str(app.screen.query_one("#term-detail", Static).render())
        spans = editor.get_line(0).spans
        pii_style = editor.get_component_rich_style("privacy--pii")
        assert any(s.style == pii_style for s in spans)
        app.action_export("md")
        await pilot.pause()
        await pilot.press("r")  # redact
        await pilot.pause()
        await pilot.press("ctrl+g", *"arrs")
        await pilot.pause()
        await pilot.press("ctrl+q")
    exported = list((tmp_path / "exports").glob("debrief-*.md"))
    assert exported and "999 390 9963" not in exported[0].read_text(encoding="utf-8")
    assert opened == []
