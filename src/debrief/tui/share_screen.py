"""Asked before an export that would contain personal data: redact, edit, or share anyway."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from debrief.share import Located


class PersonalDataScreen(ModalScreen[str | None]):
    """Dismisses with "redact", "edit", "allow" or None (cancel)."""

    DEFAULT_CSS = """
    PersonalDataScreen {
        align: center middle;
        & > Vertical {
            width: 76; height: auto; max-height: 90%;
            padding: 1 2; border: thick $error; background: $surface;
        }
        & #title { text-style: bold; color: $text-error; }
        & VerticalScroll { height: auto; max-height: 12; margin: 1 0; }
        & Horizontal { height: auto; align-horizontal: right; }
        & Button { margin-left: 1; }
    }
    """

    BINDINGS = [
        Binding("r", "choose('redact')", "Redact", id="share.redact"),
        Binding("e,escape", "choose('edit')", "Edit the notes", id="share.edit"),
        Binding("a", "choose('allow')", "Share anyway", id="share.allow"),
    ]

    def __init__(self, found: list[Located]) -> None:
        super().__init__()
        self.found = found

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("This meeting contains personal data", id="title")
            yield Static("Patient details must not leave the notebook. Nothing has been written.")
            with VerticalScroll():
                yield Static("\n".join(f"• {f.describe()}" for f in self.found))
            with Horizontal():
                yield Button("Edit the notes (e)", id="edit")
                yield Button("Share anyway (a)", variant="error", id="allow")
                yield Button("Redact in the export (r)", variant="primary", id="redact")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
