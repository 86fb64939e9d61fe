"""The glossary screen: search as you type, a list of results, the chosen term's details.

It calls the same search as `debrief lookup` (debrief.lookup.GlossaryIndex)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from debrief.glossary import Entry
from debrief.tui.key_footer import KeyFooter
from debrief.tui.term_form import TermFormScreen


class GlossaryScreen(Screen):
    CSS_PATH = "glossary.tcss"
    AUTO_FOCUS = "#glossary-search"

    BINDINGS = [
        Binding("escape", "back", "Back", id="glossary.back"),
        Binding(
            "ctrl+n",
            "add_term",
            "Add my term",
            id="glossary.add",
            tooltip="Add a term of your own (your ICB's or place's acronyms)",
        ),
        Binding(
            "ctrl+e",
            "edit_term",
            "Edit",
            id="glossary.edit",
            tooltip="Change the selected term (your own terms only)",
        ),
        Binding(
            "ctrl+d",
            "remove_term",
            "Remove",
            id="glossary.remove",
            tooltip="Delete the selected term (your own terms only)",
        ),
        Binding(
            "ctrl+l",
            "focus_search",
            "Search",
            id="glossary.search",
            tooltip="Type to search terms, expansions and meanings",
        ),
    ]

    def __init__(self, query: str = "", prefer: str | None = None) -> None:
        """`prefer`: the id of the sense to show first (the meaning a meeting gave the term)."""
        super().__init__()
        self.initial_query = query
        self.prefer = prefer
        self.results: list[Entry] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            self.initial_query,
            placeholder="Search the glossary: ICB, intergrated, place…",
            id="glossary-search",
        )
        with Horizontal():
            yield OptionList(id="results")
            with Vertical(id="details-pane"):
                with VerticalScroll(id="details"):
                    yield Static("", id="detail")
                yield Static("See also (Enter to jump):", id="see-also-title")
                yield OptionList(id="see-also")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = f"{len(self.app.glossary)} terms; ctrl+n adds your own"
        self.search(self.initial_query)

    @on(Input.Changed, "#glossary-search")
    def _query_changed(self, event: Input.Changed) -> None:
        self.search(event.value)

    @on(Input.Submitted, "#glossary-search")
    def _submitted(self) -> None:
        self.query_one("#results", OptionList).focus()

    def search(self, query: str) -> None:
        if query.strip():
            self.results = [r.entry for r in self.app.glossary_index.search(query, limit=60)]
        else:
            self.results = sorted(self.app.glossary, key=lambda e: e.term.lower())
        preferred = [e for e in self.results if e.id == self.prefer]
        self.results = preferred + [e for e in self.results if e.id != self.prefer]
        results = self.query_one("#results", OptionList)
        results.clear_options()
        results.add_options(Option(_label(e), id=e.id) for e in self.results)
        if self.results:
            results.highlighted = 0
            self.show(self.results[0])
        else:
            self.query_one("#detail", Static).update(
                Text(f"Nothing in the glossary is close to “{query}”.", style="italic")
            )
            self.query_one("#see-also", OptionList).clear_options()

    @on(OptionList.OptionHighlighted, "#results")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        entry = self.app.glossary.get(event.option.id or "")
        if entry:
            self.show(entry)

    @on(OptionList.OptionSelected, "#see-also")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        entry = self.app.glossary.get(event.option.id or "")
        if entry is None:
            return
        results = self.query_one("#results", OptionList)
        if entry not in self.results:
            self.results.insert(0, entry)
            results.clear_options()
            results.add_options(Option(_label(e), id=e.id) for e in self.results)
        results.highlighted = self.results.index(entry)
        results.focus()
        self.show(entry)

    def show(self, entry: Entry) -> None:
        self.shown = entry
        out = Text()
        out.append(entry.term, style="bold")
        if entry.has_expansion:
            out.append(f"\n{entry.expansion}", style="italic")
        out.append(f"\n{entry.category}", style="dim")
        out.append(f"\n\n{entry.plain}")
        if entry.historical:
            replaced = self.app.glossary.get(entry.replaced_by or "")
            out.append("\n\nNo longer used", style="bold")
            out.append(f": replaced by {replaced.term}." if replaced else ".")
        others = [e for e in self.app.glossary.senses(entry.term) if e.id != entry.id]
        if others:
            out.append("\n\nOther meanings of ", style="bold")
            out.append(f"{entry.term}: ", style="bold")
            out.append("; ".join(e.expansion for e in others))
        if entry.aliases:
            out.append("\n\nAlso written: ", style="bold")
            out.append(", ".join(entry.aliases))
        if entry.personal:
            out.append("\n\nIn your personal glossary.", style="italic")
        out.append(f"\n\nSource: {entry.source}", style="dim")
        self.query_one("#detail", Static).update(out)
        links = [e for e in (self.app.glossary.get(i) for i in entry.see_also) if e]
        see_also = self.query_one("#see-also", OptionList)
        see_also.clear_options()
        see_also.add_options(Option(_label(e), id=e.id) for e in links)
        if links:
            see_also.highlighted = 0
        self.query_one("#see-also-title").display = bool(links)
        see_also.display = bool(links)

    def action_back(self) -> None:
        self.dismiss()

    def action_add_term(self) -> None:
        query = self.query_one("#glossary-search", Input).value.strip()
        taken = {e.id for e in self.app.glossary}
        self.app.push_screen(TermFormScreen(taken=taken, term=query), self._saved)

    def action_edit_term(self) -> None:
        entry = getattr(self, "shown", None)
        if entry is None or not entry.personal:
            self.notify("Only your own terms can be changed. Press ctrl+n to add one.", timeout=4)
            return
        self.app.push_screen(TermFormScreen(entry), self._saved)

    def action_remove_term(self) -> None:
        entry = getattr(self, "shown", None)
        if entry is None or not entry.personal:
            self.notify("Only your own terms can be removed.", timeout=4)
            return
        self.app.notebook.remove_personal(entry.id)
        self.app.reload_glossary()
        self.notify(f"Removed {entry.term} from your glossary.", timeout=4)
        self.search(self.query_one("#glossary-search", Input).value)

    def _saved(self, entry) -> None:
        if entry is None:
            return
        self.app.notebook.save_personal(entry)
        self.app.reload_glossary()
        self.notify(f"{entry.term} is in your glossary and will be highlighted in your notes.", timeout=5)
        self.query_one("#glossary-search", Input).value = entry.term
        self.search(entry.term)

    def action_focus_search(self) -> None:
        self.query_one("#glossary-search", Input).focus()


def _label(entry: Entry) -> Text:
    label = Text(entry.term, style="bold")
    if entry.has_expansion:
        label.append(f"  {entry.expansion}", style="")
    if entry.historical:
        label.append("  (historical)", style="dim")
    return label
