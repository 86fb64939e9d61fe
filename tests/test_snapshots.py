"""How the main screens look, on the demo notebook (SVG snapshots; update with --snapshot-update)."""

from __future__ import annotations

import pytest

from debrief.demo import make_demo_notebook
from debrief.glossary import shipped_glossary
from debrief.matcher import JargonMatcher
from debrief.tui.app import make_app
from debrief.tui.notes_editor import NotesEditor


@pytest.fixture
def demo_app(tmp_path):
    notebook = make_demo_notebook(tmp_path, JargonMatcher(shipped_glossary()))
    return make_app(notebook=notebook, demo=True)


async def settle(pilot) -> None:
    for widget in pilot.app.screen.query("NotesEditor, Input"):
        widget.cursor_blink = False
    await pilot.pause(0.5)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_meeting_on_a_term(pilot) -> None:
    await pilot.press("enter")
    await settle(pilot)
    editor = pilot.app.screen.query_one("#notes", NotesEditor)
    editor.move_cursor((10, 49))  # on "ACP" (advanced clinical practitioner) in the reflection
    await settle(pilot)


def test_home_screen(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(120, 36), run_before=settle)


def test_meeting_screen(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(120, 36), run_before=open_meeting_on_a_term)


def test_meeting_screen_narrow(snap_compare, demo_app):
    assert snap_compare(demo_app, terminal_size=(80, 24), run_before=open_meeting_on_a_term)


def test_glossary_screen(snap_compare, demo_app):
    async def search(pilot):
        await pilot.press("ctrl+g")
        await settle(pilot)
        await pilot.press(*"place")
        await settle(pilot)

    assert snap_compare(demo_app, terminal_size=(120, 36), run_before=search)
