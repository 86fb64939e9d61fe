"""The `debrief` command as a user runs it: real processes, real files, exit codes and output."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from gold import FIXTURES

SAMPLE = FIXTURES / "02-phone-notes-pcn-cd-forum.md"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "debrief", *args], input=stdin, capture_output=True, timeout=60
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode(), result.stderr.decode()
    )


def test_lookup_json_contract():
    result = run("lookup", "ARRS", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["query"] == "ARRS"
    first = data["results"][0]
    assert set(first) == {"id", "term", "expansion", "plain", "category", "score"}
    assert first["id"] == "arrs" and first["expansion"] == "Additional Roles Reimbursement Scheme"


def test_lookup_lists_every_sense():
    result = run("lookup", "pid")
    assert result.returncode == 0
    assert "patient identifiable data" in result.stdout.lower()
    assert "project initiation document" in result.stdout.lower()


def test_lookup_fuzzy_says_did_you_mean():
    result = run("lookup", "Intergrated", "Care", "Bord")
    assert result.returncode == 0
    assert result.stdout.startswith("No exact match for 'Intergrated Care Bord'. Did you mean:")
    assert "1. ICB" in result.stdout


def test_lookup_nothing_close_exits_1():
    result = run("lookup", "zzqqxxjj", "--json")
    assert result.returncode == 1
    assert json.loads(result.stdout) == {"query": "zzqqxxjj", "results": []}


def test_scan_json_contract_and_offsets():
    text = SAMPLE.read_text(encoding="utf-8")
    result = run("scan", str(SAMPLE), "--json")
    assert result.returncode == 0, result.stderr
    matches = json.loads(result.stdout)["matches"]
    keys = {
        "start",
        "end",
        "surface",
        "kind",
        "score",
        "term",
        "id",
        "expansion",
        "plain",
        "alternatives",
    }
    assert matches and all(set(m) == keys for m in matches)
    assert [m["start"] for m in matches] == sorted(m["start"] for m in matches)
    for m in matches:
        assert text[m["start"] : m["end"]] == m["surface"]
    by_surface = {m["surface"]: m for m in matches}
    assert by_surface["Intergrated Care Board"]["kind"] == "fuzzy"
    assert by_surface["Intergrated Care Board"]["id"] == "icb"


def test_scan_reads_stdin_and_prints_a_table():
    result = run("scan", "-", stdin=b"The icb and the PCNs met.\n")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["where", "text", "kind", "term", "meaning"]
    assert any(line.split()[:4] == ["1:5", "icb", "variant", "ICB"] for line in lines)
    assert "2 matches" in result.stdout


def test_scan_offsets_are_into_the_text_as_read():
    data = "\ufeffPCN\r\nICB’s plan\n".encode()
    result = run("scan", "-", "--json", stdin=data)
    text = data.decode("utf-8")
    for m in json.loads(result.stdout)["matches"]:
        assert text[m["start"] : m["end"]] == m["surface"]


def test_scan_of_text_without_jargon_exits_1():
    result = run("scan", "-", stdin=b"Nothing to see here.\n")
    assert result.returncode == 1


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "looks like a binary file"),
        ("line one\nthé".encode("latin-1"), "line 2: not UTF-8 text"),
    ],
)
def test_scan_bad_input_is_one_clear_line(tmp_path, data, message):
    path = tmp_path / "notes.txt"
    path.write_bytes(data)
    result = run("scan", str(path))
    assert result.returncode == 2
    assert result.stderr.strip() == result.stderr.strip().splitlines()[0]
    assert str(path) in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr


def test_scan_missing_file(tmp_path):
    result = run("scan", str(tmp_path / "nope.md"))
    assert result.returncode == 2 and "nope.md: no such file" in result.stderr


def test_glossary_check_passes_on_the_shipped_glossary():
    result = run("glossary", "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Glossary OK:")


def test_glossary_check_fails_with_file_and_entry(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[term]]\nid = "x"\nterm = "X"\n', encoding="utf-8")
    result = run("glossary", "check", str(bad))
    assert result.returncode == 2
    assert f"{bad}: entry x: missing 'expansion'" in result.stderr


def test_glossary_export_and_import_round_trip(tmp_path):
    csv_path, toml_path = tmp_path / "g.csv", tmp_path / "g.toml"
    assert run("glossary", "export", str(csv_path)).returncode == 0
    result = run("glossary", "import", str(csv_path), "-o", str(toml_path))
    assert result.returncode == 0, result.stderr
    assert run("glossary", "check", str(toml_path)).returncode == 0


def test_glossary_import_of_a_broken_csv(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text("id,term\nx,X\n", encoding="utf-8")
    result = run("glossary", "import", str(path))
    assert result.returncode == 2
    assert result.stderr.startswith(f"debrief: {path}: line 1:")
    assert not (tmp_path / "broken.toml").exists()


def test_glossary_stats():
    result = run("glossary", "stats")
    assert result.returncode == 0 and "entries" in result.stdout and "senses" in result.stdout


def test_help_and_version():
    assert run("--help").returncode == 0
    assert run("--version").stdout.startswith("debrief ")


def test_personal_glossary_add_lookup_scan_edit_export_import_remove(tmp_path):
    db = str(tmp_path / "n.db")
    result = run(
        "--db",
        db,
        "glossary",
        "add",
        "NWX",
        "--expansion",
        "North West Exchange",
        "--plain",
        "Our local shared record.",
        "--cue",
        "record",
    )
    assert result.returncode == 0 and "my-nwx" in result.stdout
    found = json.loads(run("--db", db, "lookup", "NWX", "--json").stdout)["results"][0]
    assert found["id"] == "my-nwx" and found["category"] == "my terms"
    scanned = json.loads(run("--db", db, "scan", "-", "--json", stdin=b"The NWX is live.").stdout)
    assert [m["id"] for m in scanned["matches"]] == ["my-nwx"]
    assert run("--db", db, "glossary", "edit", "my-nwx", "--plain", "Changed.").returncode == 0
    csv_path = tmp_path / "mine.csv"
    assert run("--db", db, "glossary", "export", str(csv_path), "--mine").returncode == 0
    assert "my-nwx,NWX,North West Exchange,Changed." in csv_path.read_text(encoding="utf-8")
    assert run("--db", db, "glossary", "remove", "my-nwx").returncode == 0
    assert run("--db", db, "lookup", "NWX").returncode == 1
    assert run("--db", db, "glossary", "import", str(csv_path), "--mine").returncode == 0
    assert run("--db", db, "lookup", "NWX").returncode == 0
    again = run("--db", db, "glossary", "import", str(csv_path), "--mine")
    assert "(0 new or changed)" in again.stdout


def test_personal_glossary_bad_input(tmp_path):
    db = str(tmp_path / "n.db")
    result = run("--db", db, "glossary", "add", "X", "--expansion", " ", "--plain", "p")
    assert result.returncode == 2 and result.stderr.strip() == "debrief: field 'expansion' is empty"
    result = run("--db", db, "glossary", "remove", "my-nothing")
    assert result.returncode == 2 and "no personal term with id 'my-nothing'" in result.stderr


def test_search_command(tmp_path):
    from debrief.meeting import Meeting
    from debrief.store import Notebook

    db = tmp_path / "n.db"
    Notebook(db).add(Meeting(title="PCN board", kind="PCN board", notes="ARRS claims"))
    result = run("--db", str(db), "search", "arrs", "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["results"][0]["title"] == "PCN board"
    assert run("--db", str(db), "search", "zebra").returncode == 1
    bad = run("--db", str(db), "search", "x", "--from", "March")
    assert bad.returncode == 2 and "--from: 'March' is not a date" in bad.stderr


def test_import_a_notes_file_as_a_meeting_once(tmp_path):
    from debrief.store import Notebook

    db = str(tmp_path / "n.db")
    notes = FIXTURES / "08-one-to-one-practice-manager.md"
    first = run("--db", db, "import", str(notes))
    assert first.returncode == 0
    assert first.stdout.startswith("Added “1:1 with practice manager (GH)")
    assert "4 item(s) of personal data" in first.stdout
    again = run("--db", db, "import", str(notes))
    assert again.returncode == 0 and "already in the notebook as meeting 1" in again.stdout
    stored = Notebook(db)
    assert stored.count() == 1
    meeting = stored.get(1)
    assert (meeting.date, meeting.kind) == ("2025-03-03", "1:1")
    assert stored.db.execute("SELECT jargon_count FROM meetings").fetchone()[0] > 5
    assert "arrs" in {row[0] for row in stored.db.execute("SELECT entry_id FROM meeting_terms")}
    empty = tmp_path / "empty.md"
    empty.write_text("  \n", encoding="utf-8")
    for command in (["import"], ["summary"], ["check"]):
        result = run("--db", db, *command, str(empty))
        assert result.returncode == 2 and result.stderr.strip().endswith("empty.md: the file is empty")


def test_a_notes_file_saved_with_a_byte_order_mark_reads_cleanly(tmp_path):
    notes = tmp_path / "windows.md"
    notes.write_bytes("\ufeff# PCN board 3 March 2025\r\n\r\n- The ICB met.\r\n".encode())
    result = run("summary", str(notes), "--format", "json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert (data["title"], data["date"]) == ("PCN board 3 March 2025", "2025-03-03")
    scanned = json.loads(run("scan", str(notes), "--json").stdout)["matches"]
    # Offsets stay in the text as read, mark included (see the test above).
    assert [(m["surface"], m["start"]) for m in scanned] == [("PCN", 3), ("ICB", 35)]


def test_a_notebook_path_that_cannot_exist_is_one_line_not_a_traceback(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    result = run("--db", str(blocker / "n.db"), "import", str(SAMPLE))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "cannot create the notebook here" in result.stderr
