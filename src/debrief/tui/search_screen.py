"""Search everything: meetings and questions, with filters typed into the search box:
"arrs term:ARRS kind:PCN from:2025-01-01 to:2025-06-30 person:KP"."""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static

from debrief.meeting import KINDS
from debrief.search import search_everything
from debrief.tui.key_footer import KeyFooter

_FILTER = re.compile(r"\b(term|kind|from|to|person):(\"[^\"]*\"|\S+)", re.IGNORECASE)


def parse_query(text: str, glossary) -> tuple[str, dict[str, str]]:
    """Words, and filters with their values ("term:ARRS" -> the ARRS entry id)."""
    filters: dict[str, str] = {}
    for name, value in _FILTER.findall(text):
        value = value.strip('"')
        name = name.lower()
        if name == "term":
            senses = glossary.senses(value) or glossary.by_form(value)
            filters["term"] = senses[0].id if senses else "-"
        elif name == "kind":
            filters["kind"] = next((k for k in KINDS if k.lower().startswith(value.lower())), value)
        else:
            filters[{"from": "date_from", "to": "date_to"}.get(name, name)] = value
    return _FILTER.sub("", text).strip(), filters


class SearchScreen(Screen):
    DEFAULT_CSS = """
    SearchScreen {
        & Input { margin: 0 1; }
        & #search-help { color: $text-muted; padding: 0 2; }
        & DataTable { height: 1fr; margin: 0 1; }
    }
    """
    AUTO_FOCUS = "Input"
    BINDINGS = [Binding("escape", "back", "Back", id="search.back")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Search everything: arrs term:ARRS kind:PCN from:2025-01-01 person:KP")
        yield Static("Filters: term:  kind:  from:  to:  person:   Enter opens a meeting.", id="search-help")
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Search meetings and questions"
        table = self.query_one(DataTable)
        table.add_column("Date", width=10)
        table.add_column("What", width=8)
        table.add_column("Meeting", width=30)
        table.add_column("Where it matched")
        self.hits = []

    @on(Input.Changed)
    def _search(self, event: Input.Changed) -> None:
        words, filters = parse_query(event.value, self.app.glossary)
        self.hits = search_everything(self.app.notebook, words, **filters) if (words or filters) else []
        table = self.query_one(DataTable)
        table.clear()
        for hit in self.hits:
            table.add_row(hit.date, hit.what, hit.title[:30], hit.snippet)

    @on(Input.Submitted)
    def _to_results(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        hit = self.hits[event.cursor_row]
        if hit.meeting_id is not None:
            from debrief.tui.meeting_screen import MeetingScreen

            self.app.push_screen(MeetingScreen(self.app.notebook.get(hit.meeting_id)))

    def action_back(self) -> None:
        self.dismiss()
