"""The help screen: every key, on every screen, with what it does."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

INTRO = (
    "debrief explains the jargon in your meeting notes. Terms light up as you type: "
    "blue for glossary terms, amber for likely typos of a term, red for acronyms the glossary "
    "does not know. Move the cursor onto one to see what it means. Everything is saved as you "
    "type, in one file on this computer; nothing is sent anywhere."
)


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > VerticalScroll {
            width: 90%;
            max-width: 100;
            height: 90%;
            padding: 1 2;
            border: thick $primary;
            background: $surface;
        }
    }
    """

    BINDINGS = [Binding("escape,q,question_mark,f1", "close", "Close", id="help.close")]

    def __init__(self, screens: list[tuple[str, list[Binding]]]) -> None:
        super().__init__()
        self.screens = screens

    def rows(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """(screen title, [(keys, what they do)]) for every screen."""
        out = []
        for title, bindings in self.screens:
            rows = []
            for binding in bindings:
                keys = ", ".join(
                    self.app.get_key_display(binding.with_key(k.strip())) for k in binding.key.split(",")
                )
                text = binding.tooltip or binding.description
                if text:
                    rows.append((keys, text))
            out.append((title, rows))
        return out

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(INTRO)
            for title, rows in self.rows():
                table = Table(title=title, title_justify="left", expand=True, show_edge=False)
                table.add_column("Key", style="bold", width=16)
                table.add_column("What it does")
                for keys, text in rows:
                    table.add_row(keys, text)
                yield Static(table)

    def action_close(self) -> None:
        self.dismiss()
