"""The app driven as a user drives it: Pilot types and presses keys on a real notebook file."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, OptionList, Static

from debrief.meeting import Meeting
from debrief.store import Notebook
from debrief.tui.app import LIGHT, make_app
from debrief.tui.glossary_screen import GlossaryScreen
from debrief.tui.help_screen import HelpScreen
from debrief.tui.home_screen import HomeScreen
from debrief.tui.meeting_screen import MeetingScreen
from debrief.tui.notes_editor import NotesEditor
from debrief.tui.term_panel import TermPanel

TYPED = "the icb and pcns discussed Additonal Roles"


@pytest.fixture
def db(tmp_path):
    return tmp_path / "notebook.db"


async def wait_for(pilot, condition, seconds: float = 3.0) -> None:
    """Let the app run until the condition holds (the machine may be slow and busy)."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition()


def detail_text(app) -> str:
    return str(app.screen.query_one("#term-detail", Static).render())


def painted(editor: NotesEditor, row: int = 0) -> dict[str, str]:
    """surface -> which jargon style painted it, read from the line the editor renders."""
    line = editor.get_line(row)
    styles = {
        kind: editor.get_component_rich_style(f"jargon--{kind}")
        for kind in ("exact", "fuzzy", "unknown", "quiet")
    }
    found = {}
    for span in line.spans:
        for kind, style in styles.items():
            if span.style == style:
                found[line.plain[span.start : span.end]] = kind
    return found


async def new_meeting_with(pilot, text: str) -> NotesEditor:
    await pilot.press("n")
    await pilot.pause()
    editor = pilot.app.screen.query_one("#notes", NotesEditor)
    editor.load_text("")
    editor.focus()
    await pilot.press(*text)
    await pilot.pause()
    return editor


async def test_typing_highlights_terms_in_three_styles(db):
    app = make_app(db)
    async with app.run_test(size=(120, 36)) as pilot:
        editor = await new_meeting_with(pilot, TYPED + " and the XQZB report")
        assert painted(editor) == {
            "icb": "exact",
            "pcns": "exact",
            "Additonal Roles": "fuzzy",
            "XQZB": "unknown",
        }


async def test_terms_stay_visible_on_the_cursor_line(db):
    app = make_app(db)
    async with app.run_test(size=(120, 36)) as pilot:
        editor = await new_meeting_with(pilot, TYPED)
        assert editor.cursor_location[0] == 0  # the typed line is the cursor line
        strip = editor.render_line(0)
        underlined = "".join(seg.text for seg in strip if seg.style and seg.style.underline)
        assert "icb" in underlined and "pcns" in underlined and "Additonal" in underlined


async def test_term_panel_explains_the_term_under_the_cursor(db):
    app = make_app(db)
    async with app.run_test(size=(120, 36)) as pilot:
        editor = await new_meeting_with(pilot, TYPED)
        editor.move_cursor((0, 5))  # inside "icb"
        await wait_for(pilot, lambda: "integrated care board" in detail_text(app))
        assert detail_text(app).startswith("ICB")
        editor.move_cursor((0, 30))  # inside "Additonal Roles"
        await wait_for(pilot, lambda: "Additional Roles Reimbursement" in detail_text(app))
        assert "you typed “Additonal Roles”" in detail_text(app)


async def test_every_term_in_the_meeting_list_says_what_it_means(db):
    app = make_app(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await new_meeting_with(pilot, 'the icb wants more joined up work at "place" level')

        def listed() -> str:
            return str(app.screen.query_one("#meeting-terms", Static).render())

        await wait_for(pilot, lambda: "place ×1" in listed())
        assert "ICB ×1  integrated care board" in listed()
        place = next(line for line in listed().splitlines() if line.startswith("place ×1"))
        assert len(place) > len("place ×1  ") + 10, "a word with no expansion shows its meaning"


async def test_switching_a_sense_is_remembered_for_the_meeting(db):
    app = make_app(db)
    async with app.run_test(size=(120, 36)) as pilot:
        editor = await new_meeting_with(pilot, "We will recruit an ACP with ARRS money.")
        editor.move_cursor((0, 21))
        panel = app.screen.query_one(TermPanel)
        await wait_for(pilot, lambda: panel.senses and panel.senses[0].id == "acp")
        await pilot.press("f3")
        await wait_for(pilot, lambda: panel.senses[0].id == "acp-care-plan")
        assert "advance care plan" in str(app.screen.query_one("#term-detail", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        meeting_id = app.screen.rows[0].id
    stored = Notebook(db).get(meeting_id)
    assert stored.senses == {"ACP": "acp-care-plan"}
    app = make_app(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen.query_one("#notes", NotesEditor)
        editor.move_cursor((0, 21))
        panel = app.screen.query_one(TermPanel)
        await wait_for(pilot, lambda: bool(panel.senses))
        assert panel.senses[0].id == "acp-care-plan"


async def test_ctrl_g_looks_up_the_term_under_the_cursor_in_its_meaning_here(db):
    app = make_app(db)
    async with app.run_test(size=(120, 36)) as pilot:
        editor = await new_meeting_with(pilot, "The ACP is in her notes, agreed at the care home visit.")
        editor.move_cursor((0, 5))
        panel = app.screen.query_one(TermPanel)
        await wait_for(pilot, lambda: bool(panel.senses))
        meant = panel.senses[0].id
        assert meant == "acp-care-plan", "the context says advance care plan"
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        assert app.screen.query_one("#glossary-search", Input).value == "ACP"
        assert app.screen.results[0].id == meant and app.screen.shown.id == meant
        await pilot.press("escape")
        await pilot.pause()
        editor.move_cursor((0, 1))  # on "The": no term, so the glossary opens empty
        await wait_for(pilot, lambda: panel.match is None)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert app.screen.query_one("#glossary-search", Input).value == ""


async def test_glossary_search_for_a_typo_finds_icb_first(db):
    app = make_app(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        await pilot.press(*"intergrated")
        await wait_for(pilot, lambda: app.screen.results and app.screen.results[0].id == "icb")
        assert "integrated care board" in str(app.screen.query_one("#detail", Static).render())
        # See-also jumps to another entry.
        app.screen.query_one("#see-also", OptionList).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.shown.id != "icb"


async def test_text_survives_quitting_and_reopening(db):
    app = make_app(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await new_meeting_with(pilot, "Decision: the PCN signs the DES.")
        await pilot.press("ctrl+q")
    app = make_app(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#notes", NotesEditor).text == "Decision: the PCN signs the DES."


async def test_a_crash_loses_at_most_two_seconds(db):
    app = make_app(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await new_meeting_with(pilot, "Typed just before the laptop died")
        await pilot.pause(2.0)
        # The process could die now, with no clean shutdown: read the file from outside.
        notes = [m.notes for m in Notebook(db).iter_meetings()]
        assert notes == ["Typed just before the laptop died"]


async def test_a_second_window_never_silently_overwrites_newer_text(db):
    notebook = Notebook(db)
    meeting = notebook.add(Meeting(title="Board", notes="first"))
    app = make_app(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        # Another copy of debrief saves newer text to the same meeting.
        other = Notebook(db)
        other.save(other.get(meeting.id).edited(notes="newer text from the other window"))
        editor = app.screen.query_one("#notes", NotesEditor)
        editor.move_cursor((0, 5))
        await pilot.press(*" and mine")
        await wait_for(pilot, lambda: editor.text == "first and mine")
        app.screen.save()
        await wait_for(
            pilot, lambda: any("changed in another window" in n.message for n in app._notifications)
        )
    stored = sorted((m.title, m.notes) for m in Notebook(db).iter_meetings())
    assert stored == [("Board", "newer text from the other window"), ("Board (my copy)", "first and mine")]


async def test_delete_asks_first_and_the_bin_restores(db):
    notebook = Notebook(db)
    notebook.add(Meeting(title="Keep me", date="2025-01-01"))
    notebook.add(Meeting(title="Delete me", date="2025-02-01"))
    app = make_app(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        home = app.screen
        assert [r.title for r in home.rows] == ["Delete me", "Keep me"]
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("n")  # no: nothing happens
        await pilot.pause()
        assert len(home.rows) == 2
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert [r.title for r in home.rows] == ["Keep me"]
        await pilot.press("b")
        await pilot.pause()
        assert [r.title for r in home.rows] == ["Delete me"]
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert [r.title for r in home.rows] == ["Delete me", "Keep me"]


async def test_home_searches_text_and_filters_by_kind(db):
    notebook = Notebook(db)
    notebook.add(Meeting(title="PCN board", kind="PCN board", notes="ARRS claims", date="2025-01-02"))
    notebook.add(Meeting(title="ICB board", kind="ICB board", notes="finance plan", date="2025-01-03"))
    app = make_app(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("slash")
        await pilot.press(*"arr")
        await pilot.pause()
        assert [r.title for r in app.screen.rows] == ["PCN board"]
        app.screen.query_one("#search", Input).value = ""
        app.screen.query_one("#kind-filter").value = "ICB board"
        await pilot.pause()
        assert [r.title for r in app.screen.rows] == ["ICB board"]
        table = app.screen.query_one(DataTable)
        assert table.get_row_at(0)[1] == "ICB board"


async def test_attendee_initials_are_never_highlighted(db):
    app = make_app(db)
    async with app.run_test(size=(120, 36)) as pilot:
        editor = await new_meeting_with(pilot, "CJW and CD spoke to the ICB")
        assert painted(editor) == {"CJW": "unknown", "CD": "exact", "ICB": "exact"}
        attendees = app.screen.query_one("#attendees", Input)
        attendees.value = "CJW Chris Wood (finance); Clare Doyle (practice manager)"
        await pilot.pause()
        assert painted(editor) == {"ICB": "exact"}


async def test_narrow_terminal_hides_the_panel_behind_a_key(db):
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await new_meeting_with(pilot, TYPED)
        panel = app.screen.query_one(TermPanel)
        assert not panel.display
        assert app.screen.query_one("#notes", NotesEditor).size.width >= 70
        await pilot.press("f2")
        await pilot.pause()
        assert panel.display
        await pilot.press("f2")
        assert not panel.display


async def test_new_meeting_uses_the_template_of_its_kind(db):
    app = make_app(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        notes = app.screen.query_one("#notes", NotesEditor)
        assert "## Decisions" in notes.text
        app.screen.query_one("#kind").value = "mentoring session"
        await pilot.pause()
        assert "## What I learned" in notes.text
        notes.focus()
        await pilot.press(*"Hello")
        assert notes.text.startswith("## What we talked about\nHello")
        app.screen.query_one("#kind").value = "ICB board"  # typed notes are never replaced
        await pilot.pause()
        assert notes.text.startswith("## What we talked about\nHello")


async def test_help_palette_and_theme(db):
    app = make_app(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(f"{key} {what}" for _, rows in app.screen.rows() for key, what in rows)
        assert "Move the meeting to the bin" in text and "Show or hide the meanings panel" in text
        assert "f3" in text.lower() and "?" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"open glossary")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen)
        await pilot.press("ctrl+t")
        assert app.theme == LIGHT


async def test_f4_visits_every_tab_in_turn(db):
    app = make_app(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await new_meeting_with(pilot, "The ICB met.")
        tabs = app.screen.query_one("#tabs")
        seen = [tabs.active]
        for _ in range(4):
            await pilot.press("f4")
            await pilot.pause(0.2)
            seen.append(tabs.active)
        assert seen == ["tab-notes", "tab-reflection", "tab-debrief", "tab-prep", "tab-notes"]
        await pilot.press("f4", "f4")
        await pilot.pause(0.2)
        assert tabs.active == "tab-debrief", "the debrief stays shown (focus moved into it)"
        assert app.focused is not None and app.focused.id == "debrief-scroll"


async def test_debrief_tab_and_export(db):
    app = make_app(db, exports=db.parent / "Documents" / "debrief")
    async with app.run_test(size=(120, 36)) as pilot:
        editor = await new_meeting_with(pilot, "Decision: the PCN signs the DES.")
        editor.insert("\nACTION: KP to tell the ICB by Fri.")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        app.screen.query_one("#tabs").active = "tab-debrief"
        await pilot.pause()
        shown = app.screen.debrief_markdown()
        assert "## Decisions" in shown and "KP to tell the ICB" in shown
        await pilot.press("ctrl+p")  # as a user would: the palette offers export in a meeting
        await pilot.pause()
        await pilot.press(*"export debrief as markdown")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingScreen))
        app.action_export("html")
        meeting_id = app.screen.meeting.id
        folder = db.parent / "Documents" / "debrief"
        await wait_for(pilot, lambda: (folder / f"debrief-{meeting_id}.md").exists())
    exported = (folder / f"debrief-{meeting_id}.md").read_text(encoding="utf-8")
    assert exported.startswith("---\ntitle: ") and "(owner: KP; due: Fri" in exported
    assert "<h2>Actions</h2>" in (folder / f"debrief-{meeting_id}.html").read_text(encoding="utf-8")


async def test_my_own_term_is_highlighted_in_a_new_meeting(db):
    app = make_app(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press(*"NWX")
        await pilot.press("ctrl+n")
        await pilot.pause()
        form = app.screen
        form.query_one("#expansion", Input).value = "North West Exchange"
        form.query_one("#plain", Input).value = "Our local shared care record."
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, GlossaryScreen) and app.screen.shown.id == "my-nwx"
        await pilot.press("escape")
        await pilot.pause()
        editor = await new_meeting_with(pilot, "The NWX went live")
        assert painted(editor) == {"NWX": "exact"}
    assert [e.term for e in Notebook(db).personal_entries()] == ["NWX"]


async def test_answer_a_question_add_the_term_and_see_it_highlighted(db):
    notebook = Notebook(db)
    notebook.add(
        Meeting(
            title="Board", date="2025-01-01", notes="- The XQZB report was late.\n- Q: Who chairs the PCCC?"
        )
    )
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")  # open the meeting, then leave it
        await pilot.pause()
        await pilot.press("escape")
        home = app.screen
        await wait_for(pilot, lambda: len(getattr(home, "open_questions", [])) == 2)
        texts = [q.text for q in home.open_questions]
        assert texts[0].startswith("Who chairs the PCCC") and texts[1] == "What does XQZB mean here?"
        questions = home.query_one("#questions", DataTable)
        questions.focus()
        questions.move_cursor(row=1)
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#answer", Input).value = "Extra Quality Zone Board. It meets monthly."
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(home.open_questions) == 1)
        editor = await new_meeting_with(pilot, "The XQZB met")
        assert painted(editor) == {"XQZB": "exact"}
    answered = Notebook(db).questions("answered")
    assert [(q.term, q.answer) for q in answered] == [("XQZB", "Extra Quality Zone Board. It meets monthly.")]
    assert [e.expansion for e in Notebook(db).personal_entries()] == ["Extra Quality Zone Board"]


async def test_terms_i_have_met_and_marking_one_known(tmp_path):
    from debrief.demo import make_demo_notebook
    from debrief.glossary import shipped_glossary
    from debrief.matcher import JargonMatcher
    from debrief.tui.terms_screen import TermsMetScreen

    notebook = make_demo_notebook(tmp_path, JargonMatcher(shipped_glossary()))
    app = make_app(notebook=notebook)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TermsMetScreen)
        top = app.screen.rows[0]
        assert top.entry_id == "icb" and top.meetings >= 6
        await pilot.press("k")
        await pilot.pause()
        assert notebook.known_terms() == {"icb"}
        await pilot.press("escape", "n")
        await pilot.pause()
        editor = app.screen.query_one("#notes", NotesEditor)
        editor.load_text("The ICB and the PCN")
        await pilot.pause()
        assert painted(editor) == {"ICB": "quiet", "PCN": "exact"}


async def open_the_meeting_and_share_it(pilot) -> None:
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("f5")
    await pilot.pause()
    assert pilot.app.screen.meeting.status == "shared"


async def test_marking_shared_warns_about_personal_data_in_the_notes(db):
    Notebook(db).add(Meeting(title="1:1", date="2025-01-01", notes="Patient NHS no 999 390 9963 rang."))
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_the_meeting_and_share_it(pilot)
        warned = [n for n in app._notifications if "personal data" in n.message]
        assert warned and warned[0].severity == "warning"
        assert "1 item(s) of personal data" in warned[0].message


async def test_review_lock_comment_and_tags(db):
    notebook = Notebook(db)
    notebook.add(Meeting(title="Board", date="2025-01-01", notes="The ICB agreed."))
    app = make_app(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_the_meeting_and_share_it(pilot)
        assert not any("personal data" in n.message for n in app._notifications)
        await pilot.press("f9")
        await pilot.press(*"Dr Mentor", "enter")
        await pilot.pause()
        assert (app.screen.meeting.status, app.screen.meeting.reviewed_by) == ("reviewed", "Dr Mentor")
        await pilot.press("f8")
        await pilot.pause()
        app.screen.query_one("#about").value = "term: ICB"
        app.screen.query_one("#ask", Input).focus()
        await pilot.press(*"Good grasp of the ICB's role", "enter")
        await pilot.pause()
        app.screen.query_one("#tags").select("Engaging the team")
        await pilot.pause()
        # Editing a reviewed debrief re-opens it, and says so.
        editor = app.screen.query_one("#notes", NotesEditor)
        editor.focus()
        editor.move_cursor((0, 0))
        await pilot.press("X")
        await wait_for(pilot, lambda: app.screen.meeting.status == "draft")
        assert any("Editing re-opens it" in n.message for n in app._notifications)
        app.screen.save()
        meeting_id = app.screen.meeting.id
        shown = app.screen.debrief_markdown()
        assert "## My mentor's comments" in shown and "Good grasp of the ICB's role" in shown
        assert "on term: ICB" in shown
        assert "Leadership dimensions: Engaging the team" in shown
    stored = Notebook(db).get(meeting_id)
    assert stored.status == "draft" and stored.tags == ("Engaging the team",)
    events = [h["event"] for h in Notebook(db).history(meeting_id)]
    assert events == ["status: shared", "status: reviewed", "status: draft"]


async def test_practice_a_term_wrong_and_see_it_come_back_first(tmp_path):
    from datetime import date

    from debrief.demo import make_demo_notebook
    from debrief.glossary import shipped_glossary
    from debrief.matcher import JargonMatcher
    from debrief.tui.practice_screen import PracticeScreen

    notebook = make_demo_notebook(tmp_path, JargonMatcher(shipped_glossary()))
    app = make_app(notebook=notebook)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("p")  # the key on the home screen opens it
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        app.pop_screen()
        app.push_screen(PracticeScreen(today=date(2025, 4, 1)))
        await pilot.pause()
        screen = app.screen
        first = screen.current
        assert first == "icb"
        await pilot.press("space")
        assert "integrated care board" in str(screen.query_one("#card-back", Static).render())
        await pilot.press("n")
        await pilot.pause()
        assert screen.current != first
        await pilot.press("escape")
        await pilot.pause()
        app.push_screen(PracticeScreen(today=date(2025, 4, 1)))
        await pilot.pause()
        assert app.screen.current == first  # the one I got wrong comes back first


async def test_mentor_pack_from_the_app_is_checked_and_redacted(db):
    from datetime import date

    notebook = Notebook(db)
    notebook.add(
        Meeting(title="1:1", date=date.today().isoformat(), notes="The ICB met. NHS no 999 390 9963.")
    )
    app = make_app(db)
    async with app.run_test(size=(120, 36)) as pilot:
        app.action_pack()
        await pilot.pause()
        await pilot.press("r")  # redact
        await pilot.pause()
    packs = list((db.parent / "exports").glob("mentor-pack-*.md"))
    text = packs[0].read_text(encoding="utf-8")
    assert "999 390 9963" not in text and "[NHS number removed]" in text and "## Mini-glossary" in text


async def test_the_demo_mentor_pack_covers_the_demo_month(tmp_path):
    from debrief.demo import make_demo_notebook
    from debrief.glossary import shipped_glossary
    from debrief.matcher import JargonMatcher

    notebook = make_demo_notebook(tmp_path, JargonMatcher(shipped_glossary()))
    app = make_app(notebook=notebook, demo=True, exports=tmp_path / "out")
    async with app.run_test(size=(120, 36)) as pilot:
        app.action_pack()
        await pilot.pause()
        await pilot.press("r")  # the demo's notes hold patient details: redact them
        await wait_for(pilot, lambda: any((tmp_path / "out").glob("mentor-pack-*.md")))
    text = next((tmp_path / "out").glob("mentor-pack-*.md")).read_text(encoding="utf-8")
    assert "Riverside PCN board" in text and "999 390 9963" not in text


async def test_search_everything_in_the_app(db):
    from debrief.tui.search_screen import SearchScreen

    notebook = Notebook(db)
    pcn = notebook.add(
        Meeting(title="PCN board", kind="PCN board", date="2025-01-02", notes="ARRS claims are late.")
    )
    notebook.add(Meeting(title="ICB board", kind="ICB board", date="2025-02-02", notes="ARRS underspend."))
    notebook.set_meeting_terms(pcn.id, [("arrs", 1, "ARRS claims are late.")])
    app = make_app(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"arrs")
        await pilot.pause()
        assert [h.title for h in app.screen.hits] == ["ICB board", "PCN board"]
        app.screen.query_one(Input).value = "kind:PCN"
        await pilot.pause()
        assert [h.title for h in app.screen.hits] == ["PCN board"]
        app.screen.query_one(Input).value = "term:ARRS"
        await pilot.pause()
        assert [h.title for h in app.screen.hits] == ["PCN board"]
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen) and app.screen.meeting.title == "PCN board"


async def test_a_question_written_by_hand_waits_on_the_home_screen(db):
    app = make_app(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        await pilot.press(*"How do I read a board paper?", "enter")
        await pilot.pause()
        assert [q.text for q in app.screen.open_questions] == ["How do I read a board paper?"]
    assert Notebook(db).questions()[0].source == "manual"


async def test_the_first_screen_does_not_wait_for_the_english_word_list(db):
    """Loading it takes about 90 ms; the matcher's warm-up loads it in a worker afterwards."""
    from debrief import english

    notebook = Notebook(db)
    meeting = notebook.add(Meeting(title="PCN board", date="2025-03-03", notes="x"))
    notebook.add_question("who pays for the analyst time?", meeting.id, "note")
    english._frequencies.cache_clear()
    app = make_app(db)
    app._warm_up = lambda: None  # the later warm-up loads it on purpose: keep it out of this test
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        shown = str(app.screen.query_one("#questions", DataTable).get_row_at(0)[0])
        assert shown == "Who pays for the analyst time?"
        assert english._frequencies.cache_info().misses == 0
