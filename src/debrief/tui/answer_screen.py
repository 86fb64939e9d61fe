"""Answering a question for my mentor; an answer about a term can join my glossary."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Static

from debrief.store import Question


class AnswerScreen(ModalScreen[tuple[str, bool] | None]):
    """Dismisses with (answer, add the term to my glossary) or None."""

    DEFAULT_CSS = """
    AnswerScreen {
        align: center middle;
        & > Vertical { width: 80; height: auto; padding: 1 2; border: thick $primary;
                       background: $surface; }
        & #question { text-style: bold; margin-bottom: 1; }
        & Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
        & Button { margin-left: 1; }
    }
    """

    AUTO_FOCUS = "#answer"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="answer.cancel")]

    def __init__(self, question: Question) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question.text, id="question")
            if self.question.meeting_title:
                yield Static(f"From: {self.question.meeting_title}")
            yield Input(placeholder="The answer, in your own words", id="answer")
            if self.question.term:
                yield Checkbox(
                    f"Add {self.question.term} to my glossary with this meaning", value=True, id="add-term"
                )
            with Horizontal():
                yield Button("Cancel", id="cancel")
                yield Button("Save answer", variant="primary", id="save")

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def _save(self) -> None:
        answer = self.query_one("#answer", Input).value.strip()
        if not answer:
            self.notify("Write the answer first.", timeout=3)
            return
        add = bool(self.question.term) and self.query_one("#add-term", Checkbox).value
        self.dismiss((answer, add))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
