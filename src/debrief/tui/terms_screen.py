"""Terms I have met: every term from my meetings, how often, when, and where; mark it known."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from debrief.glossary import gist
from debrief.store import TermMet
from debrief.tui.key_footer import KeyFooter


class TermsMetScreen(Screen):
    DEFAULT_CSS = """
    TermsMetScreen {
        & DataTable { height: 1fr; margin: 0 1; }
        & #sentence { height: auto; min-height: 3; padding: 0 2; border-top: solid $primary; }
    }
    """
    AUTO_FOCUS = "DataTable"

    BINDINGS = [
        Binding("escape", "back", "Back", id="terms.back"),
        Binding(
            "k",
            "toggle_known",
            "Known",
            id="terms.known",
            tooltip="Mark the term as known: it is then shown faintly, not highlighted",
        ),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Static("", id="sentence")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Terms I have met"
        table = self.query_one(DataTable)
        for label, key, width in (
            ("Term", "term", 14),
            ("Meaning", "meaning", self._meaning_width()),
            ("Times", "times", 5),
            ("Meetings", "meetings", 8),
            ("First", "first", 10),
            ("Last", "last", 10),
            ("Known", "known", 5),
        ):
            table.add_column(label, key=key, width=width)
        self.refresh_table()

    def _meaning_width(self) -> int:
        # The other six columns take 66 with their padding, the scrollbar 2: the meaning gets the rest.
        return max(20, min(48, self.size.width - 66 - 4))

    def on_resize(self) -> None:
        table = self.query_one(DataTable)
        if table.columns:
            table.columns["meaning"].width = self._meaning_width()  # type: ignore[index]
            table.refresh()

    def refresh_table(self) -> None:
        self.rows: list[TermMet] = self.app.notebook.terms_met()
        known = self.app.notebook.known_terms()
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear()
        for row in self.rows:
            entry = self.app.glossary.get(row.entry_id)
            if entry is None:
                continue
            table.add_row(
                entry.term,
                gist(entry, self._meaning_width()),
                str(row.count),
                str(row.meetings),
                row.first,
                row.last,
                "yes" if row.entry_id in known else "",
                key=row.entry_id,
            )
        if self.rows:
            table.move_cursor(row=min(keep, len(self.rows) - 1))

    @on(DataTable.RowHighlighted)
    def _show_sentence(self, event: DataTable.RowHighlighted) -> None:
        row = next((r for r in self.rows if r.entry_id == event.row_key.value), None)
        if row:
            self.query_one("#sentence", Static).update(f"First met in: “{row.sentence}”")

    def action_toggle_known(self) -> None:
        table = self.query_one(DataTable)
        if not self.rows:
            return
        entry_id = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        known = entry_id in self.app.notebook.known_terms()
        self.app.notebook.set_known(entry_id, not known)
        self.refresh_table()

    def action_back(self) -> None:
        self.dismiss()
