"""Adding or changing one of the user's own glossary terms."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from debrief.glossary import Entry, GlossaryError
from debrief.personal import make_entry


class TermFormScreen(ModalScreen[Entry | None]):
    """Dismisses with the new or changed entry (not yet saved), or None."""

    DEFAULT_CSS = """
    TermFormScreen {
        align: center middle;
        & > Vertical { width: 80; height: auto; padding: 1 2; border: thick $primary;
                       background: $surface; }
        & Label { margin-top: 1; color: $text-muted; }
        & #form-error { color: $text-error; height: auto; }
        & Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
        & Button { margin-left: 1; }
    }
    """

    AUTO_FOCUS = "#term"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="term_form.cancel")]

    def __init__(self, entry: Entry | None = None, taken: set[str] | None = None, term: str = "") -> None:
        super().__init__()
        self.entry = entry
        self.taken = taken or set()
        self.initial_term = term

    def compose(self) -> ComposeResult:
        e = self.entry
        with Vertical():
            yield Static("Change your term" if e else "Add a term to your glossary", classes="panel-title")
            yield Label("Term, as it is written")
            yield Input(e.term if e else self.initial_term, id="term", placeholder="NWX")
            yield Label("What it stands for")
            yield Input(e.expansion if e else "", id="expansion", placeholder="North West Exchange")
            yield Label("What it means, in plain words")
            yield Input(e.plain if e else "", id="plain")
            yield Label("Other ways it is written (separated by ;)")
            yield Input("; ".join(e.aliases) if e else "", id="aliases")
            yield Static("", id="form-error")
            with Horizontal():
                yield Button("Cancel", id="cancel")
                yield Button("Save", variant="primary", id="save")

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def _save(self) -> None:
        value = {
            name: self.query_one(f"#{name}", Input).value
            for name in ("term", "expansion", "plain", "aliases")
        }
        try:
            entry = make_entry(
                value["term"],
                value["expansion"],
                value["plain"],
                entry_id=self.entry.id if self.entry else None,
                aliases=value["aliases"].split(";"),
                context=self.entry.context if self.entry else (),
                taken=self.taken,
            )
        except GlossaryError as exc:
            self.query_one("#form-error", Static).update(str(exc))
            return
        self.dismiss(entry)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
