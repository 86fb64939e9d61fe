"""The Textual app: a thin layer over the domain. Build it with `make_app`."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from debrief.glossary import Glossary
from debrief.lookup import GlossaryIndex
from debrief.matcher import JargonMatcher
from debrief.share import meeting_findings, safe_to_share
from debrief.store import Notebook
from debrief.tui.glossary_screen import GlossaryScreen
from debrief.tui.help_screen import HelpScreen
from debrief.tui.home_screen import HomeScreen
from debrief.tui.meeting_screen import MeetingScreen
from debrief.tui.notes_editor import NotesEditor
from debrief.tui.practice_screen import PracticeScreen
from debrief.tui.share_screen import PersonalDataScreen
from debrief.tui.terms_screen import TermsMetScreen

DARK, LIGHT = "textual-dark", "textual-light"


class DebriefCommands(Provider):
    """The app's verbs in the command palette (ctrl+p)."""

    def commands(self) -> list[tuple[str, object, str]]:
        app: DebriefApp = self.app  # type: ignore[assignment]
        found = [
            ("New meeting", app.action_new_meeting, "Write up a new meeting"),
            ("Open glossary", app.action_glossary, "Search every term and its meaning"),
            ("Search meetings", app.action_search_meetings, "Find a meeting by any word in it"),
            (
                "Search everything",
                app.action_search_everything,
                "Meetings and questions, with term:, kind:, from:, to: and person: filters",
            ),
            ("Switch theme (light / dark)", app.action_switch_theme, "Toggle light and dark"),
            ("Help: keys", app.action_help, "Every key on every screen"),
            ("Terms I have met", app.action_terms_met, "Every term from your meetings"),
            (
                "Mentor pack (last 30 days)",
                app.action_pack,
                "One printable file: debriefs, open questions and actions, a mini-glossary",
            ),
        ]
        # self.screen is the screen the palette was opened from (app.screen is the palette).
        if isinstance(self.screen, MeetingScreen):
            found.append(
                (
                    "Export debrief as Markdown",
                    partial(app.action_export, "md"),
                    "Write this meeting's debrief to a Markdown file",
                )
            )
            found.append(
                (
                    "Export debrief as HTML",
                    partial(app.action_export, "html"),
                    "Write a printable page of this meeting's debrief",
                )
            )
        return found

    async def discover(self) -> Hits:
        for name, callback, help_text in self.commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


class DebriefApp(App):
    TITLE = "debrief"
    SUB_TITLE = "after-meeting notes, jargon explained"
    COMMANDS = App.COMMANDS | {DebriefCommands}

    BINDINGS = [
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            id="app.quit",
            priority=True,
            tooltip="Quit (everything is already saved)",
        ),
        Binding("f1,question_mark", "help", "Help", id="app.help", tooltip="Show every key"),
        Binding("ctrl+g", "glossary", "Glossary", id="app.glossary", tooltip="Search the glossary"),
        Binding(
            "ctrl+f",
            "search_everything",
            "Search all",
            id="app.search",
            tooltip="Search meetings and questions, with filters",
        ),
        Binding(
            "ctrl+t",
            "switch_theme",
            "Theme",
            id="app.theme",
            show=False,
            tooltip="Switch between light and dark",
        ),
    ]

    def __init__(
        self,
        notebook: Notebook,
        glossary: Glossary,
        *,
        theme: str = DARK,
        demo: bool = False,
        matcher: JargonMatcher | None = None,
        exports: Path | None = None,
    ) -> None:
        super().__init__()
        self.notebook = notebook
        # Where exports and mentor packs go: the CLI passes the user's documents folder; tests
        # and embedders get a folder beside the notebook.
        self.exports = exports or notebook.path.parent / "exports"
        self.glossary = glossary
        self._matcher = matcher
        self.glossary_index = GlossaryIndex(glossary)
        self.demo = demo
        self.theme = theme

    def reload_glossary(self) -> None:
        """After the user changed their own terms: every screen uses the new glossary."""
        from debrief.personal import glossary_with

        self.glossary = glossary_with(self.notebook.personal_entries())
        self._matcher = JargonMatcher(self.glossary)
        self.glossary_index = GlossaryIndex(self.glossary)

    @property
    def matcher(self) -> JargonMatcher:
        """Built on first use (the list of meetings does not need it), or ahead by a worker."""
        if self._matcher is None:
            self._matcher = JargonMatcher(self.glossary)
        return self._matcher

    def on_mount(self) -> None:
        if self.demo:
            self.sub_title = "demo notebook (thrown away when you quit)"
        # Pushed (not the default screen) so that its CSS_PATH stylesheet is loaded.
        self.push_screen(HomeScreen())
        self.set_timer(0.5, self._warm_up)

    @work(thread=True, exclusive=True, group="warm-up")
    def _warm_up(self) -> None:
        """Build the matcher while the user reads the list, so the first meeting opens at once."""
        self.matcher.find("ICB")

    async def action_quit(self) -> None:
        if isinstance(self.screen, MeetingScreen):
            self.screen.save()
        self.exit()

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        screens = [
            (
                "Everywhere",
                list(self.BINDINGS)
                + [Binding("ctrl+p", "", "Command palette", tooltip="Every command, by name")],
            ),
            ("Meetings list", list(HomeScreen.BINDINGS)),
            ("A meeting", list(MeetingScreen.BINDINGS)),
            ("Glossary", list(GlossaryScreen.BINDINGS)),
            ("Terms I have met", list(TermsMetScreen.BINDINGS)),
            ("Practice", list(PracticeScreen.BINDINGS)),
        ]
        self.push_screen(HelpScreen(screens))

    def action_glossary(self, query: str = "") -> None:
        if not isinstance(self.screen, GlossaryScreen):
            self.push_screen(GlossaryScreen(query))

    def action_search_everything(self) -> None:
        from debrief.tui.search_screen import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen())

    def action_terms_met(self) -> None:
        if not isinstance(self.screen, TermsMetScreen):
            self.push_screen(TermsMetScreen())

    def action_switch_theme(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK

    def action_new_meeting(self) -> None:
        self._to_home()
        self.call_later(self.screen.action_new_meeting)

    def action_search_meetings(self) -> None:
        self._to_home()
        self.call_later(self.screen.action_focus_search)

    def _to_home(self) -> None:
        while not isinstance(self.screen, HomeScreen) and len(self.screen_stack) > 1:
            if isinstance(self.screen, MeetingScreen):
                self.screen.save()
            self.pop_screen()

    def action_export(self, fmt: str = "md") -> None:
        """Export the meeting's debrief, after the personal-data check."""
        screen = self.screen
        if not isinstance(screen, MeetingScreen):
            self.notify("Open a meeting to export it.", timeout=3)
            return
        screen.save()
        meeting = screen.meeting
        found = meeting_findings(meeting)
        if not found:
            self._write_export(meeting, fmt)
            return

        def chosen(choice: str | None) -> None:
            if choice == "redact":
                self._write_export(safe_to_share(meeting, redact_pii=True), fmt, "redacted ")
            elif choice == "allow":
                safe_to_share(
                    meeting, allow_pii=True, notebook=self.notebook, what=f"export as {fmt} from the app"
                )
                self._write_export(meeting, fmt, "with personal data ")
            elif choice == "edit":
                first = found[0]
                tab = {"prep": "tab-prep", "notes": "tab-notes", "reflection": "tab-reflection"}
                if first.field in tab:
                    screen.query_one("#tabs").active = tab[first.field]
                    editor = screen.query_one(f"#{first.field}", NotesEditor)
                    editor.focus()
                    editor.move_cursor((first.line - 1, 0))

        self.push_screen(PersonalDataScreen(found), chosen)

    def action_pack(self, days: int = 30) -> None:
        """A mentor pack of the last month's debriefs, after the personal-data check."""
        from datetime import date, timedelta

        from debrief.demo import DEMO_DAY
        from debrief.pack import pack_markdown

        # The demo's meetings are fixed in early 2025: its month ends on the demo's own day.
        today = DEMO_DAY if self.demo else date.today()
        since = (today - timedelta(days=days)).isoformat()
        meetings = sorted((m for m in self.notebook.iter_meetings() if m.date >= since), key=lambda m: m.date)
        if not meetings:
            self.notify(f"No meetings since {since}.", timeout=4)
            return
        found = [f for m in meetings for f in meeting_findings(m)]

        def write(choice: str | None = "clean") -> None:
            if choice not in ("clean", "redact", "allow"):
                return
            chosen = [
                safe_to_share(
                    m,
                    redact_pii=choice == "redact",
                    allow_pii=choice == "allow",
                    notebook=self.notebook,
                    what="mentor pack from the app",
                )
                for m in meetings
            ]
            target = self._export_path(f"mentor-pack-{date.today().isoformat()}.md")
            target.write_text(
                pack_markdown(self.notebook, chosen, self.glossary, self.matcher), encoding="utf-8"
            )
            target.chmod(0o600)
            self.notify(f"Mentor pack of {len(chosen)} debrief(s): {target}", timeout=8)

        if found:
            self.push_screen(PersonalDataScreen(found), write)
        else:
            write()

    def _export_path(self, name: str) -> Path:
        self.exports.mkdir(mode=0o700, parents=True, exist_ok=True)
        return self.exports / name

    def _write_export(self, meeting, fmt: str, how: str = "") -> None:
        from debrief.export import debrief_html, debrief_markdown
        from debrief.summary import build_debrief

        debrief = build_debrief(meeting, self.glossary, self.matcher)
        comments = self.notebook.comments(meeting.id) if meeting.id else ()
        text = (
            debrief_html(meeting, debrief) if fmt == "html" else debrief_markdown(meeting, debrief, comments)
        )
        target = self._export_path(f"debrief-{meeting.id}.{fmt}")
        target.write_text(text, encoding="utf-8")
        target.chmod(0o600)
        self.notify(f"Exported {how}to {target}", title="Exported", timeout=8)


def make_app(
    db_path: Path | str | None = None,
    *,
    glossary: Glossary | None = None,
    notebook: Notebook | None = None,
    theme: str = DARK,
    demo: bool = False,
    matcher: JargonMatcher | None = None,
    exports: Path | None = None,
) -> DebriefApp:
    """The one way to build the app: for the CLI, the demo and the tests."""
    if notebook is None:
        if db_path is None:
            raise ValueError("make_app needs a db_path or a notebook")
        notebook = Notebook(db_path)
    if glossary is None:
        from debrief.personal import glossary_with

        glossary = glossary_with(notebook.personal_entries())
    return DebriefApp(notebook, glossary, theme=theme, demo=demo, matcher=matcher, exports=exports)
