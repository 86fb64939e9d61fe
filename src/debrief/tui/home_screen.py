"""The home screen: every meeting, newest first; search, filter, open, new, delete, restore."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Select, Static

from debrief.export import sentence_case
from debrief.meeting import KINDS, Meeting, template_for
from debrief.store import RESTORE_DAYS, MeetingRow
from debrief.tui.answer_screen import AnswerScreen
from debrief.tui.confirm import ConfirmScreen
from debrief.tui.key_footer import KeyFooter
from debrief.tui.meeting_screen import MeetingScreen

ALL_KINDS = "all"
SHOWN = 30  # at least this many rows; a notebook of thousands opens as fast as a small one


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class HomeScreen(Screen):
    CSS_PATH = "home.tcss"
    AUTO_FOCUS = "#meetings"

    BINDINGS = [
        Binding("n", "new_meeting", "New", id="home.new", tooltip="Write up a new meeting"),
        Binding("enter", "open_meeting", "Open", id="home.open", show=False),
        Binding(
            "delete,d",
            "delete_meeting",
            "Delete",
            id="home.delete",
            tooltip=f"Move the meeting to the bin (restorable for {RESTORE_DAYS} days)",
        ),
        Binding("b", "toggle_bin", "Bin", id="home.bin", tooltip="Show deleted meetings"),
        Binding(
            "r", "restore_meeting", "Restore", id="home.restore", tooltip="Restore the meeting from the bin"
        ),
        Binding(
            "t",
            "terms_met",
            "Terms met",
            id="home.terms",
            tooltip="Every term from your meetings; mark the ones you know",
        ),
        Binding(
            "p", "practice", "Practice", id="home.practice", tooltip="A quiz on the terms from your meetings"
        ),
        Binding(
            "q", "ask_mentor", "Ask mentor", id="home.ask", tooltip="Write down a question for your mentor"
        ),
        Binding(
            "slash", "focus_search", "Search", id="home.search", tooltip="Search the text of every meeting"
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.in_bin = False
        self.rows: list[MeetingRow] = []
        self._shown: tuple | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="filters"):
            yield Input(placeholder="Search meetings (press /)", id="search")
            yield Select(
                [("All kinds", ALL_KINDS)] + [(k, k) for k in KINDS],
                value=ALL_KINDS,
                allow_blank=False,
                id="kind-filter",
            )
        yield Static("", id="list-title")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="meetings")
        yield Static("", id="empty")
        yield Static("", id="questions-title")
        yield DataTable(cursor_type="row", id="questions")
        yield KeyFooter()

    def on_mount(self) -> None:
        questions = self.query_one("#questions", DataTable)
        questions.add_column("Open question for my mentor", key="text", width=self._question_width())
        questions.add_column("From", key="meeting", width=30)
        table = self.query_one("#meetings", DataTable)
        table.add_column("Date", key="date", width=10)
        table.add_column("Title", key="title", width=self._title_width())
        table.add_column("Kind", key="kind", width=17)
        table.add_column("Status", key="status", width=8)
        table.add_column("Terms", key="jargon", width=5)
        self.refresh_list()

    def refresh_questions(self) -> None:
        self.open_questions = self.app.notebook.questions("open")
        table = self.query_one("#questions", DataTable)
        table.clear()
        for q in self.open_questions:
            text = _fit(sentence_case(q.text, self._not_a_term), self._question_width())
            table.add_row(text, _fit(q.meeting_title, 30), key=str(q.id))
        title = self.query_one("#questions-title", Static)
        title.update(
            f"Open questions for my mentor · {len(self.open_questions)}  (tab to reach them, enter to answer)"
        )
        table.display = title.display = bool(self.open_questions)

    @on(DataTable.RowSelected, "#questions")
    def _answer(self, event: DataTable.RowSelected) -> None:
        event.stop()
        question = self.open_questions[event.cursor_row]

        def answered(result) -> None:
            if result is None:
                return
            answer, add_term = result
            self.app.notebook.answer_question(question.id, answer)
            if add_term:
                from debrief.personal import make_entry

                taken = {e.id for e in self.app.glossary}
                entry = make_entry(question.term, answer.split(".")[0], answer, taken=taken)
                self.app.notebook.save_personal(entry)
                self.app.reload_glossary()
                self.notify(f"{question.term} is now in your glossary.", timeout=4)
            self.refresh_questions()

        self.app.push_screen(AnswerScreen(question), answered)

    @property
    def shown_rows(self) -> int:
        """A screenful of meetings (searching finds the rest)."""
        return max(SHOWN, self.size.height)

    def _title_width(self) -> int:
        # Everything but the title is fixed; the title gets the rest (5 columns of padding).
        return max(16, self.size.width - 2 - 10 - 17 - 8 - 5 - 2 * 5 - 2)

    def _not_a_term(self, word: str) -> bool:
        return not self.app.glossary.senses(word)

    def _question_width(self) -> int:
        # The meeting it came from takes 30 and the padding and scrollbar 6: the question the rest.
        return max(20, self.size.width - 2 - 30 - 6)

    def on_resize(self) -> None:
        table = self.query_one("#meetings", DataTable)
        if table.columns:
            table.columns["title"].width = self._title_width()  # type: ignore[index]
            questions = self.query_one("#questions", DataTable)
            questions.columns["text"].width = self._question_width()  # type: ignore[index]
            self.refresh_list()

    def on_screen_resume(self) -> None:
        self.refresh_list()

    def refresh_list(self) -> None:
        search = self.query_one("#search", Input).value
        kind = self.query_one("#kind-filter", Select).value
        # Mounting, resizing, resuming and the filter's first value all ask for a refresh at
        # start-up: query and redraw only when something the list shows could have changed.
        version = self.app.notebook.version()
        wanted = (search, kind, self.in_bin, self.shown_rows, self.size.width, version)
        if wanted == self._shown:
            return
        self._shown = wanted
        self.refresh_questions()
        self.rows = self.app.notebook.meetings(
            search,
            None if kind == ALL_KINDS else str(kind),
            deleted=self.in_bin,
            limit=self.shown_rows,
        )
        table = self.query_one("#meetings", DataTable)
        keep = table.cursor_row
        table.clear()
        for row in self.rows:
            table.add_row(row.date, row.title, row.kind, row.status, str(row.jargon_count), key=str(row.id))
        if self.rows:
            table.move_cursor(row=min(keep, len(self.rows) - 1))
        where = "Bin: deleted meetings (r restores)" if self.in_bin else "Meetings"
        shown = f"{len(self.rows)}"
        if len(self.rows) == self.shown_rows:
            shown = f"the newest {self.shown_rows}; search to find older ones"
        self.query_one("#list-title", Static).update(f"{where} · {shown}")
        empty = self.query_one("#empty", Static)
        empty.display = not self.rows
        if not self.rows:
            empty.update(self._empty_message(search))

    def _empty_message(self, search: str) -> str:
        if self.in_bin:
            return "The bin is empty."
        if search:
            return f"No meeting mentions “{search}”."
        return "No meetings yet. Press n to write up your first meeting."

    @on(Input.Changed, "#search")
    @on(Select.Changed, "#kind-filter")
    def _filters_changed(self) -> None:
        self.refresh_list()

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.query_one("#meetings", DataTable).focus()

    def selected(self) -> MeetingRow | None:
        table = self.query_one("#meetings", DataTable)
        if not self.rows or table.cursor_row < 0:
            return None
        return self.rows[min(table.cursor_row, len(self.rows) - 1)]

    @on(DataTable.RowSelected, "#meetings")
    def _row_selected(self) -> None:
        self.action_open_meeting()

    def action_open_meeting(self) -> None:
        row = self.selected()
        if row is None:
            return
        if self.in_bin:
            self.notify("Restore the meeting (r) to open it.", timeout=3)
            return
        self.app.push_screen(MeetingScreen(self.app.notebook.get(row.id)))

    def action_new_meeting(self) -> None:
        kind = self.query_one("#kind-filter", Select).value
        kind = str(kind) if kind in KINDS else "other"
        meeting = self.app.notebook.add(Meeting(kind=kind, notes=template_for(kind)))
        self.app.push_screen(MeetingScreen(meeting, new=True))

    def action_delete_meeting(self) -> None:
        row = self.selected()
        if row is None or self.in_bin:
            return

        def done(confirmed: bool | None) -> None:
            if confirmed:
                self.app.notebook.delete(row.id)
                self.refresh_list()
                self.notify(f"Moved “{row.title}” to the bin. Press b to see the bin.", timeout=5)

        self.app.push_screen(
            ConfirmScreen(
                f"Delete “{row.title}”?", f"It stays in the bin for {RESTORE_DAYS} days and can be restored."
            ),
            done,
        )

    def action_toggle_bin(self) -> None:
        self.in_bin = not self.in_bin
        self.refresh_list()

    def action_restore_meeting(self) -> None:
        row = self.selected()
        if row is None or not self.in_bin:
            return
        self.app.notebook.restore(row.id)
        self.notify(f"Restored “{row.title}”.", timeout=3)
        self.refresh_list()

    def action_ask_mentor(self) -> None:
        from debrief.tui.comment_screen import AskScreen

        def done(text: str | None) -> None:
            if text:
                self.app.notebook.add_question(text, None, "manual")
                self.refresh_questions()

        self.app.push_screen(AskScreen("Your question for your mentor:"), done)

    def action_practice(self) -> None:
        from debrief.tui.practice_screen import PracticeScreen

        self.app.push_screen(PracticeScreen())

    def action_terms_met(self) -> None:
        from debrief.tui.terms_screen import TermsMetScreen

        self.app.push_screen(TermsMetScreen())

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()
