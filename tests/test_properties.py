"""Property tests: whatever the text, the matcher and the parsers never fail and never lie."""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from debrief.glossary import GlossaryError
from debrief.glossary_csv import read_csv
from debrief.matcher import JargonMatcher
from debrief.tokens import form_key

JARGONISH = st.sampled_from(
    [
        "ICB",
        "pcns",
        "ICB's",
        "Intergrated",
        "Care",
        "Board",
        "ACP",
        "Core 20 plus 5",
        "A&E",
        "place-based",
        "partnership",
        "NHS 111",
        "'place'",
        "XYZB",
        "JAN–MAR",
        "Addtional",
        "Roles",
        "DES",
        "Network",
        "Contract",
        "’s",
        "s'",
        "\n\n",
        "\r\n",
        "\t",
        "-",
        " ",
        "é",
        "🙂",
        "\x00",
    ]
)
TEXT = st.one_of(
    st.text(),
    st.lists(st.one_of(JARGONISH, st.text(alphabet=string.printable, max_size=8)), max_size=40).map(" ".join),
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_find_never_raises_and_spans_are_valid(matcher, text):
    matches = matcher.find(text)
    previous_end = 0
    for m in matches:
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= previous_end, "in order, not overlapping"
        assert text[m.start : m.end] == m.surface
        assert m.kind in ("exact", "variant", "fuzzy", "unknown")
        assert (m.kind == "unknown") == (not m.senses)
        assert 0.0 <= m.score <= 100.0
        previous_end = m.end


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT, attendees=st.lists(st.text(max_size=12), max_size=4))
def test_find_with_any_attendees_never_raises(matcher, text, attendees):
    for m in matcher.find(text, attendees):
        assert text[m.start : m.end] == m.surface


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(TEXT, min_size=1, max_size=6))
def test_lines_matched_together_match_as_each_line_alone(glossary, lines):
    """A cold scan matches many lines in one pass; the editor re-matches one edited line. Both
    must see the same terms, or the per-line cache would disagree with itself."""
    text = "\n".join(lines)
    assume("(" not in text)  # "AB (Chair)" introduces initials, which find() leaves out
    together = JargonMatcher(glossary).find(text)
    alone = JargonMatcher(glossary)
    expected = []
    offset = 0
    for line in text.splitlines(keepends=True):
        expected += [(offset + h.start, offset + h.end, h.kind) for h in alone.match_line(line)]
        offset += len(line)
    assert [(m.start, m.end, m.kind) for m in together] == expected


@given(st.text())
def test_form_key_is_idempotent(text):
    assert form_key(form_key(text)) == form_key(text)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.one_of(st.text(), st.binary().map(lambda b: b.decode("latin-1"))))
def test_csv_reader_either_reads_or_names_the_file(tmp_path, content):
    path = tmp_path / "terms.csv"
    path.write_text(content, encoding="utf-8")
    try:
        read_csv(path)
    except GlossaryError as exc:
        assert str(exc).startswith(str(path))


DUE_WORDS = st.sampled_from(
    [
        "by",
        "end of",
        "the",
        "Q3",
        "q5",
        "3/4",
        "31/2",
        "30/02/2025",
        "fri",
        "Sept",
        "march",
        "28",
        "1st",
        "today",
        "tomorrow",
        "next week",
        "within",
        "48 hours",
        "quarter",
        "month",
        "2026",
        "/",
        " ",
    ]
)


@settings(max_examples=300)
@given(due=st.one_of(st.text(max_size=30), st.lists(DUE_WORDS, max_size=6).map(" ".join)))
def test_due_dates_never_raise_and_never_fall_before_the_meeting(due):
    from datetime import date

    from debrief.due_dates import resolve_due

    found = resolve_due(due, "2025-03-03")
    if found is not None and not re_explicit_year(due):
        assert date.fromisoformat(found) >= date(2025, 3, 3)


def re_explicit_year(due: str) -> bool:
    """A due date that names its own year ("3/4/2024") may fall before the meeting."""
    import re

    return bool(re.search(r"\d{1,2}/\d{1,2}/\d{2,4}|\b\d{4}\b", due))


@given(text=st.text())
@example(text="***\n\nnotes")
@example(text="\ufeff#\n")
def test_notes_titles_and_exported_items_never_fail(text):
    from debrief.export import sentence_case
    from debrief.notes_file import meeting_from_text, title_of

    assert title_of(text).strip() and "\ufeff" not in title_of(text)
    assert len(sentence_case(text)) == len(text)
    meeting_from_text(text)


NOTE_BITS = st.sampled_from(
    [
        "- ",
        "ACTION: ",
        "AP: ",
        "- [ ] ",
        "Agreed: ",
        "Decision: ",
        "Q: ",
        "?",
        "ask mentor re ",
        "KP ",
        "to send ",
        "by Fri",
        "end of March",
        "Owner: GH, due 28 Feb – ",
        "# Heading\n",
        "\n",
        "ICB",
        "XQZB ",
        "NHS no 999 390 9963 ",
        "DOB 21/05/1982 ",
        "07700 900872 ",
        "LS9 7TF ",
        "a@b.co ",
        "Mr Smith ",
        "“",
        "'",
    ]
)
NOTES = st.one_of(st.text(max_size=300), st.lists(NOTE_BITS, max_size=30).map("".join))


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(notes=NOTES)
def test_note_items_and_personal_data_never_fail_and_point_into_the_notes(notes):
    from debrief.note_items import classify_notes
    from debrief.privacy import find_pii

    line_count = max(1, len(notes.splitlines()))
    for item in classify_notes(notes, frozenset({"KP", "GH"})):
        assert item.text.strip() and all(1 <= n <= line_count for n in item.lines)
    for finding in find_pii(notes):
        assert 0 <= finding.start < finding.end <= len(notes)
        assert notes[finding.start : finding.end] == finding.surface


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(notes=NOTES)
def test_a_debrief_of_any_notes_builds_and_exports(glossary, matcher, notes):
    from debrief.export import debrief_html, debrief_markdown
    from debrief.meeting import Meeting
    from debrief.summary import build_debrief

    meeting = Meeting(title="T", date="2025-03-03", notes=notes)
    debrief = build_debrief(meeting, glossary, matcher, readability=False)
    assert debrief_markdown(meeting, debrief).startswith("---\n")
    page = debrief_html(meeting, debrief)
    assert "<script" not in page.lower(), "the notes' text is escaped; the page has no script of its own"
    assert "& " not in page.replace("&amp; ", "")


@given(text=st.text())
def test_reading_a_pack_fails_only_with_a_pack_error(text):
    from debrief.pack import PackError, is_pack, read_pack

    if not is_pack(text):
        with pytest.raises(PackError):
            read_pack(text)
    try:
        data = read_pack(f"```debrief-pack\n{text}\n```")
    except PackError:
        return
    assert isinstance(data, dict)


QUERY_BITS = st.sampled_from(
    [
        "arrs",
        "term:",
        "term:ARRS",
        "kind:PCN",
        'kind:"ICB board"',
        "from:2025-01-01",
        "to:x",
        "person:KP",
        "TERM:icb",
        '"',
        ":",
        " ",
        "term:zzzq",
    ]
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.one_of(st.text(max_size=40), st.lists(QUERY_BITS, max_size=6).map(" ".join)))
def test_search_queries_and_attendee_lists_always_parse(glossary, query):
    from debrief.meeting import parse_attendees
    from debrief.tui.search_screen import parse_query

    _, filters = parse_query(query, glossary)
    assert set(filters) <= {"term", "kind", "date_from", "date_to", "person"}
    assert filters.get("term", "-") == "-" or filters["term"] in glossary, "an entry id, or no match"
    for person in parse_attendees(query):
        assert person.label().strip()
