"""The meeting screen: header fields, prep / notes / reflection, and the term panel."""

from __future__ import annotations

import time
from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Input,
    Markdown,
    Select,
    SelectionList,
    TabbedContent,
    TabPane,
    TextArea,
)
from textual.worker import get_current_worker

from debrief.meeting import (
    KINDS,
    LEADERSHIP_DIMENSIONS,
    Meeting,
    format_attendees,
    parse_attendees,
    template_for,
)
from debrief.share import meeting_findings
from debrief.store import Conflict
from debrief.terms_met import jargon_count, meeting_terms
from debrief.tui.comment_screen import AskScreen
from debrief.tui.glossary_screen import GlossaryScreen
from debrief.tui.key_footer import KeyFooter
from debrief.tui.notes_editor import NotesEditor
from debrief.tui.term_panel import TermPanel

AUTOSAVE_SECONDS = 1.0  # every change is in the file within this, plus the save itself
NARROW = 100  # below this width the term panel hides until asked for


class MeetingScreen(Screen):
    CSS_PATH = "meeting.tcss"
    AUTO_FOCUS = "#notes"

    BINDINGS = [
        Binding("escape", "back", "Back", id="meeting.back", tooltip="Save and go back to the list"),
        Binding(
            "f2", "toggle_panel", "Meanings", id="meeting.panel", tooltip="Show or hide the meanings panel"
        ),
        Binding(
            "f3",
            "next_sense",
            "Other meaning",
            id="meeting.next_sense",
            tooltip="Use the next meaning of the term under the cursor in this meeting",
        ),
        Binding(
            "ctrl+g",
            "glossary",
            "Glossary",
            id="meeting.glossary",
            tooltip="Look up the term under the cursor (or search the glossary)",
        ),
        Binding(
            "f4",
            "next_tab",
            "Next tab",
            id="meeting.next_tab",
            tooltip="Prep, notes, my reflection, debrief: move to the next one",
        ),
        Binding(
            "f5", "share", "Share", id="meeting.share", tooltip="Mark the debrief as shared with your mentor"
        ),
        Binding(
            "f9",
            "reviewed",
            "Reviewed",
            id="meeting.reviewed",
            tooltip="Record that your mentor reviewed it (editing later re-opens it)",
        ),
        Binding(
            "f8",
            "comment",
            "Comment",
            id="meeting.comment",
            tooltip="Add your mentor's comment to this debrief",
        ),
        Binding(
            "ctrl+s",
            "save",
            "Save",
            id="meeting.save",
            show=False,
            tooltip="Save now (debrief also saves by itself)",
        ),
    ]

    def __init__(self, meeting: Meeting, *, new: bool = False) -> None:
        super().__init__()
        self.meeting = meeting
        self.stored = meeting  # what the notebook holds: save() writes only when different
        self.new = new
        self._save_pending = False
        self._panel_wanted: bool | None = None  # None: follow the terminal's width
        self.last_saved = time.monotonic()

    @property
    def notebook(self):
        return self.app.notebook

    def compose(self) -> ComposeResult:
        matcher = self.app.matcher
        m = self.meeting
        initials = frozenset(m.initials)
        with Vertical(id="header"):
            with Horizontal():
                yield Input(m.title, placeholder="Title", id="title", compact=True)
                yield Input(
                    m.date,
                    placeholder="YYYY-MM-DD",
                    id="date",
                    max_length=10,
                    compact=True,
                    tooltip="Date of the meeting (YYYY-MM-DD)",
                )
                yield Select(
                    [(k, k) for k in KINDS],
                    value=m.kind if m.kind in KINDS else "other",
                    allow_blank=False,
                    id="kind",
                    compact=True,
                )
            yield Input(
                format_attendees(m.attendees),
                id="attendees",
                compact=True,
                placeholder="Attendees: KP Kate Price (Chief Nurse); JS (Head of Quality)",
            )
        with Horizontal(id="body"):
            with TabbedContent(initial="tab-notes", id="tabs"):
                with TabPane("Prep", id="tab-prep"):
                    yield NotesEditor(
                        m.prep,
                        matcher=matcher,
                        initials=initials,
                        id="prep",
                        placeholder="Questions to take into the meeting",
                    )
                with TabPane("Notes", id="tab-notes"):
                    yield NotesEditor(m.notes, matcher=matcher, initials=initials, id="notes")
                with TabPane("My reflection", id="tab-reflection"):
                    yield NotesEditor(
                        m.reflection,
                        matcher=matcher,
                        initials=initials,
                        id="reflection",
                        placeholder="What does this mean for me in my role?",
                    )
                    yield SelectionList[str](*[(d, d, d in m.tags) for d in LEADERSHIP_DIMENSIONS], id="tags")
                with TabPane("Debrief", id="tab-debrief"):
                    with VerticalScroll(id="debrief-scroll"):
                        yield Markdown("", id="debrief")
            yield TermPanel(self.app.glossary, id="panel")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = self.meeting.title
        self._apply_known()
        if self.new:  # start writing under the template's first heading
            notes = self.query_one("#notes", NotesEditor)
            self.call_after_refresh(notes.move_cursor, (1, 0))
        self._fit_panel(self.size.width)
        self.refresh_meeting_terms()

    def _apply_known(self) -> None:
        known = self.notebook.known_terms()
        for editor in self.query(NotesEditor):
            if editor.known != known:
                editor.known = known
                editor._line_cache.clear()
                editor.refresh()

    def on_screen_resume(self) -> None:
        """Back from the glossary: the user may have added terms of their own."""
        self._apply_known()
        for editor in self.query(NotesEditor):
            if editor.matcher is not self.app.matcher:
                editor.matcher = self.app.matcher
                editor._line_cache.clear()
                editor.refresh()
        self.query_one(TermPanel).glossary = self.app.glossary
        self.refresh_meeting_terms()

    def on_resize(self, event) -> None:
        self._fit_panel(event.size.width)

    def _fit_panel(self, width: int) -> None:
        show = self._panel_wanted if self._panel_wanted is not None else width >= NARROW
        self.query_one(TermPanel).display = show

    # -- editing and saving -----------------------------------------------------------------

    @on(TextArea.Changed)
    @on(Input.Changed)
    def _changed(self, event) -> None:
        if isinstance(event, Input.Changed) and event.input.id == "attendees":
            initials = frozenset(a.initials for a in parse_attendees(event.value) if a.initials)
            for editor in self.query(NotesEditor):
                editor.initials = initials
        if isinstance(event, TextArea.Changed) and event.text_area.id == "notes":
            self.refresh_meeting_terms()
        # Only a reviewed debrief needs the (whole-meeting) comparison; most keystrokes skip it.
        if self.meeting.status == "reviewed" and self.current() != self.stored:
            self._reopen_if_reviewed()
        self.schedule_save()

    def _reopen_if_reviewed(self) -> None:
        """A reviewed debrief is locked against silent edits: editing re-opens it, and says so."""
        m = self.meeting
        if m.status != "reviewed":
            return
        self.meeting = m.edited(status="draft", reviewed_by="", reviewed_at="")
        self.notebook.record(m.id, "status: draft", f"edited after review by {m.reviewed_by}")
        self.app.notify(
            f"Reviewed by {m.reviewed_by} on {m.reviewed_at[:10]}. Editing re-opens "
            "it: share it again when you are ready.",
            title="Re-opened",
            severity="warning",
            timeout=8,
        )
        self.sub_title = f"{m.title} · draft"

    def action_share(self) -> None:
        self.save()
        self.meeting = self.stored = self.notebook.set_status(self.meeting, "shared")
        found = meeting_findings(self.meeting)
        if found:  # marking is not sending: say what an export will stop at
            self.notify(
                f"Marked as shared with your mentor. The notes hold {len(found)} item(s) of personal "
                "data (marked in red): an export or mentor pack will ask you to remove them first.",
                severity="warning",
                timeout=8,
            )
        else:
            self.notify("Marked as shared with your mentor.", timeout=3)
        self.sub_title = f"{self.meeting.title} · shared"

    def action_reviewed(self) -> None:
        def done(name: str | None) -> None:
            if name:
                self.save()
                self.meeting = self.stored = self.notebook.set_status(self.meeting, "reviewed", name)
                self.notify(f"Reviewed by {name}. It is locked: editing re-opens it.", timeout=4)
                self.sub_title = f"{self.meeting.title} · reviewed by {name}"

        self.app.push_screen(AskScreen("Who reviewed this debrief?", "Your mentor's name"), done)

    def action_comment(self) -> None:
        """A mentor's comment on the whole debrief, or on one action, question or term."""
        from debrief.summary import build_debrief

        self.save()
        debrief = build_debrief(self.meeting, self.app.glossary, self.app.matcher, readability=False)
        choices = [("The whole debrief", "")]
        choices += [(f"Action: {a.text[:50]}", f"action: {a.text[:80]}") for a in debrief.actions]
        choices += [(f"Question: {q.text[:48]}", f"question: {q.text[:80]}") for q in debrief.questions]
        choices += [(f"Term: {t.term}", f"term: {t.term}") for t in debrief.terms]

        def done(answer: str | None) -> None:
            if answer:
                item, text = answer.split("\t", 1)
                self.notebook.add_comment(self.meeting.id, text, item=item)
                self.notify("Comment added to the debrief.", timeout=3)

        self.app.push_screen(AskScreen("Your mentor's comment:", choices=choices), done)

    @on(SelectionList.SelectedChanged, "#tags")
    def _tags_changed(self, event: SelectionList.SelectedChanged) -> None:
        tags = tuple(event.selection_list.selected)
        if tags != self.meeting.tags:
            self.meeting = self.meeting.edited(tags=tags)
            self.schedule_save()

    @on(Select.Changed, "#kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        notes = self.query_one("#notes", NotesEditor)
        if self.new and notes.text.strip() in ("", template_for(self.meeting.kind).strip()):
            notes.load_text(template_for(str(event.value)))
            notes.move_cursor((1, 0))
        self.schedule_save()

    def schedule_save(self) -> None:
        """Save within AUTOSAVE_SECONDS of the first unsaved change (typing does not delay it)."""
        if not self._save_pending:
            self._save_pending = True
            self.set_timer(AUTOSAVE_SECONDS, self.save)

    def current(self) -> Meeting:
        value = self.query_one("#kind", Select).value
        attendees = parse_attendees(self.query_one("#attendees", Input).value)
        when = self.query_one("#date", Input).value.strip()
        try:
            when = date.fromisoformat(when).isoformat()
        except ValueError:
            when = self.meeting.date  # keep the last good date; the field shows the problem
        return self.meeting.edited(
            title=self.query_one("#title", Input).value.strip() or "Untitled meeting",
            date=when,
            kind=str(value) if value in KINDS else "other",
            attendees=attendees,
            prep=self.query_one("#prep", NotesEditor).text,
            notes=self.query_one("#notes", NotesEditor).text,
            reflection=self.query_one("#reflection", NotesEditor).text,
        )

    def save(self) -> None:
        """Write the meeting now, if anything changed. Never loses text: on a conflict with
        another window, this version is kept as a separate copy and the user is told."""
        self._save_pending = False
        meeting = self.current()
        if meeting == self.stored and meeting.id is not None:
            return
        matches = self.app.matcher.find(meeting.notes, meeting.initials)  # once per save
        jargon = jargon_count(matches)
        try:
            self.meeting = self.stored = self.notebook.save(meeting, jargon_count=jargon)
        except Conflict as conflict:
            copy = self.notebook.add(
                meeting.edited(id=None, title=f"{meeting.title} (my copy)"), jargon_count=jargon
            )
            self.meeting = self.stored = copy
            # The title field shows the copy's name, or the next save would rename it back.
            with self.prevent(Input.Changed):
                self.query_one("#title", Input).value = copy.title
            self.app.notify(
                f"This meeting was changed in another window at "
                f"{conflict.stored.updated_at[11:16]}. Your version is saved as "
                f"“{copy.title}”; the other version is unchanged.",
                title="Changed elsewhere",
                severity="warning",
                timeout=12,
            )
        self.notebook.set_meeting_terms(
            self.meeting.id, meeting_terms(self.meeting, self.app.matcher, matches)
        )
        self.last_saved = time.monotonic()
        self.sub_title = self.meeting.title

    def on_screen_suspend(self) -> None:
        self.save()

    def action_save(self) -> None:
        self.save()
        self.notify("Saved.", timeout=2)

    def action_back(self) -> None:
        self.save()
        self.record_questions()
        self.dismiss(self.meeting)

    def record_questions(self) -> None:
        """The debrief's questions join the open questions on the home screen."""
        from debrief.questions import record_questions

        added = record_questions(self.notebook, self.meeting, self.app.glossary, self.app.matcher)
        if added:
            self.app.notify(f"{added} new question{'s' if added > 1 else ''} for your mentor.", timeout=4)

    # -- the debrief -----------------------------------------------------------------------

    @on(TabbedContent.TabActivated, "#tabs", pane="#tab-debrief")
    def _show_debrief(self) -> None:
        self.save()
        self.query_one("#debrief", Markdown).update(self.debrief_markdown())

    def debrief_markdown(self) -> str:
        from debrief.export import debrief_markdown
        from debrief.summary import build_debrief

        meeting = self.current()
        text = debrief_markdown(
            meeting,
            build_debrief(meeting, self.app.glossary, self.app.matcher),
            self.notebook.comments(meeting.id) if meeting.id else (),
        )
        return text.split("---\n", 2)[-1]  # the page without its front matter

    # -- the term panel ---------------------------------------------------------------------

    @on(NotesEditor.TermUnderCursor)
    def _term_under_cursor(self, event: NotesEditor.TermUnderCursor) -> None:
        self.query_one(TermPanel).show_term(event.match, self._ordered_senses(event.match), event.pii)

    def _ordered_senses(self, match):
        if match is None or not match.senses:
            return ()
        chosen = self.meeting.senses.get(match.senses[0].term)
        senses = list(match.senses)
        for entry in senses:
            if entry.id == chosen:
                senses.remove(entry)
                senses.insert(0, entry)
                break
        return tuple(senses)

    def action_glossary(self) -> None:
        """The glossary, at the term under the cursor, in the meaning this meeting gives it."""
        panel = self.query_one(TermPanel)
        if panel.match is None:
            self.app.action_glossary()
            return
        entry = panel.senses[0] if panel.senses else None
        query = entry.term if entry else panel.match.surface
        self.app.push_screen(GlossaryScreen(query, prefer=entry.id if entry else None))

    def action_next_sense(self) -> None:
        """Use the next meaning of the term at the cursor for the rest of this meeting."""
        panel = self.query_one(TermPanel)
        if panel.match is None or len(panel.senses) < 2:
            self.notify("The term under the cursor has only one meaning.", timeout=3)
            return
        following = panel.senses[1]
        self.meeting = self.meeting.edited(senses={**self.meeting.senses, following.term: following.id})
        panel.show_term(panel.match, self._ordered_senses(panel.match))
        self.schedule_save()

    def action_next_tab(self) -> None:
        tabs = self.query_one("#tabs", TabbedContent)
        order = ["tab-prep", "tab-notes", "tab-reflection", "tab-debrief"]
        tabs.active = order[(order.index(tabs.active) + 1) % len(order)]
        # Focus must move into the new pane: focus left in a hidden pane wanders to the next
        # widget there, and the tabs then switch back to show it.
        pane = tabs.get_pane(tabs.active)
        target = next((w for w in pane.query("*") if w.focusable), None)
        if target is not None:
            target.focus()

    def action_toggle_panel(self) -> None:
        panel = self.query_one(TermPanel)
        self._panel_wanted = not panel.display
        panel.display = self._panel_wanted

    def refresh_meeting_terms(self) -> None:
        notes = self.query_one("#notes", NotesEditor)
        self._find_meeting_terms(notes.text, tuple(notes.initials))

    @work(thread=True, exclusive=True, group="meeting-terms")
    def _find_meeting_terms(self, text: str, initials: tuple[str, ...]) -> None:
        """Debounced: the whole-document term list waits for a pause in typing."""
        worker = get_current_worker()
        time.sleep(0.3)
        if worker.is_cancelled:
            return
        matches = self.app.matcher.find(text, initials)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_meeting_terms, matches)

    def _show_meeting_terms(self, matches) -> None:
        for panel in self.query(TermPanel):  # none if the screen has closed meanwhile
            panel.show_meeting_terms(matches)
