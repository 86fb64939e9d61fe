"""Debriefs from the samples, against gold.json; exports to Markdown, HTML and JSON."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from gold import gold, sample_names, sample_text
from rapidfuzz import fuzz

from debrief.due_dates import resolve_due
from debrief.export import debrief_html, debrief_json, debrief_markdown
from debrief.meeting import Attendee, Meeting
from debrief.note_items import ACTION, DECISION, QUESTION, classify_notes
from debrief.notes_file import meeting_from_text
from debrief.summary import build_debrief, plain_rewrite, readability_note
from debrief.tokens import is_acronym

TARGET = 0.9


def same(a: str, b: str) -> bool:
    a, b = a.lower().strip(" .?"), b.lower().strip(" .?")
    return fuzz.token_set_ratio(a, b) >= 85 and min(len(a), len(b)) / max(len(a), len(b)) >= 0.5


@pytest.fixture(scope="module")
def items_by_sample(glossary):
    out = {}
    for name in sample_names():
        meeting = meeting_from_text(sample_text(name))
        out[name] = classify_notes(
            meeting.notes, frozenset(meeting.initials), lambda w: bool(glossary.senses(w))
        )
    return out


def test_actions_decisions_questions_against_gold(items_by_sample, capsys):
    report = []
    wrong_owner_or_due = []
    for kind, key in ((ACTION, "actions"), (DECISION, "decisions"), (QUESTION, "questions")):
        found_gold = total_gold = right = total = 0
        for name, items in items_by_sample.items():
            predicted = [i for i in items if i.kind == kind]
            expected = gold()[name][key]
            for want in expected:
                text = want["text"] if isinstance(want, dict) else want
                hits = [p for p in predicted if same(p.text, text)]
                found_gold += bool(hits)
                if hits and kind == ACTION and (hits[0].owner, hits[0].due) != (want["owner"], want["due"]):
                    wrong_owner_or_due.append((name, text, hits[0].owner, hits[0].due))
            texts = [w["text"] if isinstance(w, dict) else w for w in expected]
            right += sum(any(same(p.text, t) for t in texts) for p in predicted)
            total_gold += len(expected)
            total += len(predicted)
        recall, precision = found_gold / total_gold, right / max(total, 1)
        report.append((key, recall, precision, total_gold))
        assert recall >= TARGET and precision >= TARGET, (key, recall, precision)
    with capsys.disabled():
        print()
        for key, recall, precision, n in report:
            print(f"{key}: recall {recall:.3f}, precision {precision:.3f} ({n} in gold)")
    assert wrong_owner_or_due == []


@pytest.mark.parametrize(
    "line",
    [
        "- NHS 111 to stream suitable callers straight to UCR – pilot from April.",
        "- About £85k of this year's allocation is unspent. Plan to recruit a second SPLW.",
        "- Catch-up vaccination to be targeted at the most deprived IMD deciles.",
        "- Answer: enhanced access runs on Saturdays in every PCN; the ICB will publicise it.",
        "- The PCN must confirm it will sign up by the ICB's deadline (date TBC).",
        "- Exit criteria being agreed with the NHSE regional team.",
        "- Healthwatch asked for patient engagement before any decision.",
    ],
)
def test_no_action_or_decision_is_invented(line, glossary):
    items = classify_notes(line, frozenset(), lambda w: bool(glossary.senses(w)))
    assert [i.kind for i in items if i.kind in (ACTION, DECISION)] == []


def test_rhetorical_quotes_are_not_questions(glossary):
    line = 'KP said the better question is "what does this mean for our patients?" not jargon.'
    assert [i.kind for i in classify_notes(line)] == ["point"]


@pytest.mark.parametrize(
    "due, expected",
    [
        ("fri", "2025-03-07"),  # the Friday after Monday 3 March 2025
        ("Weds", "2025-03-05"),
        ("28 Feb", "2026-02-28"),
        ("14 March", "2025-03-14"),
        ("end of March", "2025-03-31"),
        ("the end of April", "2025-04-30"),
        ("September", "2025-09-30"),
        ("by 3rd Sept", "2025-09-03"),
        ("the end of sept", "2025-09-30"),
        ("31 Feb", None),
        ("Q3", "2025-12-31"),  # NHS financial-year quarters: Q3 is October to December
        ("by end of Q1", "2025-06-30"),
        ("q4", "2025-03-31"),
        ("end of the quarter", "2025-03-31"),
        ("today", "2025-03-03"),
        ("tomorrow", "2025-03-04"),
        ("end of the week", "2025-03-07"),
        ("end of the month", "2025-03-31"),
        ("3/4", "2025-04-03"),  # day first, as the UK writes it
        ("03/04/2026", "2026-04-03"),
        ("3/4/25", "2025-04-03"),
        ("30/2", None),
        ("1 April 2026", "2026-04-01"),
        ("within 48 hours", "2025-03-05"),
        ("before the March meeting", None),
        ("next time", None),
        ("ASAP", None),
        (None, None),
    ],
)
def test_due_dates_resolve_against_the_meeting_date(due, expected):
    assert resolve_due(due, "2025-03-03") == expected


@pytest.fixture(scope="module")
def debriefs(glossary, matcher):
    return {
        name: (
            meeting_from_text(sample_text(name)),
            build_debrief(meeting_from_text(sample_text(name)), glossary, matcher),
        )
        for name in sample_names()
    }


def test_every_acronym_in_a_debrief_is_explained_in_it(debriefs, matcher):
    for name, (meeting, debrief) in debriefs.items():
        text = debrief_markdown(meeting, debrief)
        explained = {t.term for t in debrief.terms}
        for m in matcher.find(text, meeting.initials):
            if m.kind == "unknown":
                pytest.fail(f"{name}: unknown acronym {m.surface!r} in the debrief")
            if " " not in m.surface and is_acronym(m.surface) and not m.well_known:
                spelt_out = text[m.end : m.end + 3 + len(m.entry.expansion)]
                assert m.entry.term in explained or spelt_out == f" ({m.entry.expansion})", (
                    f"{name}: {m.surface} not explained"
                )


def test_terms_are_listed_once_with_their_sense_in_context(debriefs):
    _, debrief = debriefs["07-mentoring-session-reflection.md"]
    ids = [t.id for t in debrief.terms]
    assert len(ids) == len(set(ids))
    assert {"acp", "acp-care-plan", "pid", "pid-project-document"} <= set(ids)
    _, debrief = debriefs["05-place-partnership-virtual-wards.md"]
    assert "cd-controlled-drug" in {t.id for t in debrief.terms}


@pytest.mark.parametrize(
    "name",
    [
        n
        if n not in ("04-pcn-board-arrs-iif.md", "08-one-to-one-practice-manager.md")
        else pytest.param(
            n,
            marks=pytest.mark.xfail(
                strict=True,
                reason="Issue 5, blocked: Flesch-Kincaid counts an acronym as one short word, so "
                "these terse notes grade 6.9 and 4.4; a debrief must spell each term out "
                "(debriefs 7.2 and 6.6; for 08 the term names and expansions alone grade 10.3).",
            ),
        )
        for n in sample_names()
    ],
)
def test_the_debrief_reads_more_easily_than_the_notes(debriefs, name):
    _, debrief = debriefs[name]
    assert debrief.readability["debrief"] < debrief.readability["notes"]


def test_reflection_prompts_when_the_user_wrote_none(debriefs):
    meeting, debrief = debriefs["02-phone-notes-pcn-cd-forum.md"]
    assert debrief.reflection == "" and len(debrief.prompts) == 3
    assert "who pays for the analyst time?" in debrief.prompts[2]
    written = build_debrief(
        meeting.edited(reflection="I need to learn the ARRS rules."), *_glossary_and_matcher(debriefs)
    )
    assert written.reflection == "I need to learn the ARRS rules." and written.prompts == []


def _glossary_and_matcher(debriefs):
    from debrief.glossary import shipped_glossary
    from debrief.matcher import JargonMatcher

    return shipped_glossary(), JargonMatcher(shipped_glossary())


def test_unknown_acronyms_become_questions(glossary, matcher):
    meeting = Meeting(title="T", date="2025-03-03", notes="The XQZB report.\nXQZB again.")
    debrief = build_debrief(meeting, glossary, matcher)
    assert [(q.text, q.lines, q.extra["source"]) for q in debrief.questions] == [
        ("What does XQZB mean here?", [1, 2], "unknown-term")
    ]


def test_plain_rewrite_explains_first_use_and_fixes_typos_only(glossary, matcher):
    meeting = Meeting(
        title="T", notes="The icb met the ICB. Intergrated Care Board said: fine. Addtional Roles money."
    )
    assert plain_rewrite(meeting, glossary, matcher) == (
        "The icb (integrated care board) met the ICB. Integrated Care Board said: fine. "
        "Additional Roles (Additional Roles Reimbursement Scheme) money."
    )


def test_json_has_the_agreed_shape(debriefs):
    _, debrief = debriefs["01-icb-quality-committee-minutes.md"]
    data = json.loads(debrief_json(debrief))
    assert set(data) >= {
        "title",
        "date",
        "kind",
        "attendees",
        "discussed",
        "decisions",
        "actions",
        "questions",
        "terms",
        "reflection",
        "readability",
    }
    assert data["actions"][0] == {
        "text": data["actions"][0]["text"],
        "owner": "AB",
        "due": "28 Feb",
        "due_date": "2025-02-28",
        "lines": [18],
    }
    assert set(data["terms"][0]) == {"id", "term", "expansion", "plain", "count"}
    assert set(data["questions"][0]) == {"text", "lines", "source"}


class StrictHTML(HTMLParser):
    VOID = {"meta", "br", "hr", "img", "link", "input"}

    def __init__(self):
        super().__init__()
        self.stack, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()


def test_html_is_escaped_self_contained_and_well_formed(glossary, matcher):
    meeting = Meeting(
        title="Board <script>alert(1)</script> & more",
        date="2025-03-03",
        kind="ICB board",
        attendees=(Attendee("Kate Price", "KP", "Chief & Nurse"),),
        notes="- Decision: fund A&E <script>x()</script> work & more.\n"
        "- ACTION: KP to write the ICB plan by Fri.",
    )
    page = debrief_html(meeting, build_debrief(meeting, glossary, matcher))
    assert "<script>" not in page and "&lt;script&gt;" in page and "&amp; more" in page
    assert "http" not in page.split("<body>")[0].replace("http-equiv", "")  # no external assets
    parser = StrictHTML()
    parser.feed(page)
    parser.close()
    assert parser.stack == [] and "script" not in parser.tags and "link" not in parser.tags


def test_markdown_has_front_matter_and_every_section(debriefs):
    meeting, debrief = debriefs["04-pcn-board-arrs-iif.md"]
    text = debrief_markdown(meeting, debrief)
    assert text.startswith('---\ntitle: "Riverside PCN board – 11 March 2025"\ndate: 2025-03-11\n')
    order = [
        "## What was discussed",
        "## Decisions",
        "## Actions",
        "## Questions for my mentor",
        "## Terms explained",
        "## What this means for my role",
        "## Readability",
    ]
    positions = [text.index(h) for h in order]
    assert positions == sorted(positions)
    assert "- [ ] GH to submit the February ARRS claim on the portal by Fri 14 March." in text
    assert "(owner: GH; due: Fri 14 March, 2025-03-14) _(line 12)_" in text


def test_a_title_typed_as_the_first_line_is_not_a_point_discussed(glossary, matcher):
    notes = "PCN board 3 March\n\n- Budget is tight.\n- PCN board 3 March came up again."
    meeting = Meeting(title="PCN board 3 March", date="2025-03-03", notes=notes)
    debrief = build_debrief(meeting, glossary, matcher, readability=False)
    assert [(i.text, i.lines) for i in debrief.discussed] == [
        ("Budget is tight.", [3]),
        ("PCN (primary care network) board 3 March came up again.", [4]),
    ]


def test_readability_says_how_many_terms_the_debrief_explains(glossary, matcher):
    meeting = Meeting(title="T", date="2025-03-03", notes="The ICB and the PCN met. XQZB next.")
    debrief = build_debrief(meeting, glossary, matcher)
    assert set(debrief.readability) == {"notes", "debrief"}, "the JSON contract of DESIGN.md"
    note = readability_note(debrief)
    assert "the notes use 2 NHS terms, and this debrief explains each of them" in note
    assert "1 abbreviation is not in the glossary" in note
    assert readability_note(build_debrief(meeting, glossary, matcher, readability=False)) == ""


def test_a_line_giving_the_meeting_date_is_not_a_point_discussed(glossary, matcher):
    notes = "# ICB board\nWednesday 26 March 2025, 13:30, council chamber\n\n- Deficit of £14m.\n"
    meeting = Meeting(title="ICB board", date="2025-03-26", notes=notes)
    debrief = build_debrief(meeting, glossary, matcher, readability=False)
    assert [i.text for i in debrief.discussed] == ["Deficit of £14m."]


def test_a_term_written_in_the_plural_is_spelt_out_in_the_plural(glossary, matcher):
    meeting = Meeting(title="T", notes="Both LAs and three PCNs agreed. DNAs are up.")
    assert plain_rewrite(meeting, glossary, matcher) == (
        "Both LAs (local authorities) and three PCNs (primary care networks) agreed. "
        "DNAs (did not attend) are up."  # an action, not a thing: no plural
    )


def test_exported_items_start_with_a_capital_unless_they_start_with_jargon():
    from debrief.export import sentence_case

    assert sentence_case("the ACP post is approved") == "The ACP post is approved"
    assert sentence_case("icb wants a plan") == "icb wants a plan"
    assert sentence_case("GH to chase") == "GH to chase"
    assert sentence_case("") == ""
