"""Practice mode: see a term, say what it means, reveal, mark right or wrong."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Header, Static

from debrief.practice import answer, due_terms
from debrief.tui.key_footer import KeyFooter


class PracticeScreen(Screen):
    DEFAULT_CSS = """
    PracticeScreen {
        align: center middle;
        & > Vertical { width: 80; height: auto; padding: 1 2; border: round $primary; }
        & #card-term { text-style: bold; text-align: center; margin-bottom: 1; }
        & #card-back { height: auto; min-height: 4; }
        & #card-progress { color: $text-muted; margin-top: 1; }
    }
    """

    BINDINGS = [
        Binding("space,enter", "reveal", "Reveal", id="practice.reveal"),
        Binding("y", "mark(True)", "I knew it", id="practice.right"),
        Binding("n", "mark(False)", "Not yet", id="practice.wrong"),
        Binding("escape", "back", "Back", id="practice.back"),
    ]

    def __init__(self, today: date | None = None) -> None:
        super().__init__()
        self.today = today or date.today()
        self.cards: list[str] = []
        self.revealed = False
        self.done = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical():
            yield Static("", id="card-term")
            yield Static("", id="card-back")
            yield Static("", id="card-progress")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Practice the terms from your meetings"
        self.cards = due_terms(self.app.notebook, self.today)
        self.show()

    @property
    def current(self) -> str | None:
        return self.cards[0] if self.cards else None

    def show(self) -> None:
        term, back = self.query_one("#card-term", Static), self.query_one("#card-back", Static)
        progress = self.query_one("#card-progress", Static)
        if self.current is None:
            term.update("Nothing to practise now.")
            back.update("Terms from your meetings come here; ones you get wrong come back first.")
            progress.update(f"{self.done} practised this time.")
            return
        entry = self.app.glossary.get(self.current)
        term.update(entry.term if entry else self.current)
        self.revealed = False
        back.update(Text("What does it mean? Press space to see.", style="italic"))
        progress.update(f"{len(self.cards)} to go · {self.done} done")

    def action_reveal(self) -> None:
        entry = self.app.glossary.get(self.current or "")
        if entry is None:
            return
        self.revealed = True
        text = Text()
        if entry.has_expansion:
            text.append(entry.expansion + "\n", style="bold")
        text.append(entry.plain)
        text.append("\n\nDid you know it? y / n", style="italic")
        self.query_one("#card-back", Static).update(text)

    def action_mark(self, right: bool) -> None:
        if self.current is None or not self.revealed:
            return
        entry_id = self.cards.pop(0)
        answer(self.app.notebook, entry_id, right, self.today)
        if not right:
            self.cards.insert(min(3, len(self.cards)), entry_id)  # again soon, this session too
        self.done += 1
        self.show()

    def action_back(self) -> None:
        self.dismiss()
