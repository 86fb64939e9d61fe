"""A one-line form: a mentor's comment, or a reviewer's name."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static


class AskScreen(ModalScreen[str | None]):
    """Asks one question; dismisses with the answer (stripped) or None. With `choices`, a list
    to pick what the answer is about comes first; the dismissed value is then "choice\ttext"."""

    DEFAULT_CSS = """
    AskScreen {
        align: center middle;
        & > Vertical { width: 80; height: auto; padding: 1 2; border: thick $primary;
                       background: $surface; }
        & Static { margin-bottom: 1; }
    }
    """

    AUTO_FOCUS = "#ask"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="ask.cancel")]

    def __init__(
        self,
        question: str,
        placeholder: str = "",
        value: str = "",
        choices: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__()
        self.question, self.placeholder, self.value = question, placeholder, value
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question)
            if self.choices:
                yield Select(self.choices, value=self.choices[0][1], allow_blank=False, id="about")
            yield Input(self.value, placeholder=self.placeholder, id="ask")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            self.dismiss(None)
        elif self.choices:
            self.dismiss(f"{self.query_one('#about', Select).value}\t{text}")
        else:
            self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
