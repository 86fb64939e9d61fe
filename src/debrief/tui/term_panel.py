"""The panel beside the notes: the term under the cursor, then every term in this meeting."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from debrief.glossary import Entry, Glossary, gist
from debrief.matcher import UNKNOWN, Match


def _article(label: str) -> str:
    return f"an {label}" if label[0] in "aeiouAEIOU" or label.startswith("NHS") else f"a {label}"


class TermPanel(VerticalScroll):
    """Shows what a term means; attributes down (the screen sets what to show)."""

    DEFAULT_CSS = """
    TermPanel {
        width: 42;
        border-left: tall $primary-background;
        padding: 0 1;
        background: $surface;
        & #term-detail { margin-bottom: 1; }
        & .panel-title { text-style: bold; color: $text-primary; }
    }
    """

    def __init__(self, glossary: Glossary, **kwargs) -> None:
        super().__init__(**kwargs)
        self.glossary = glossary
        self.match: Match | None = None
        self.senses: tuple[Entry, ...] = ()

    def compose(self) -> ComposeResult:
        yield Static(
            Text("Move the cursor onto a highlighted term to see what it means.", style="italic"),
            id="term-detail",
        )
        yield Static("", id="meeting-terms")

    def show_term(self, match: Match | None, senses: Sequence[Entry] = (), pii=None) -> None:
        """Explain the match; `senses` is the order to show (the chosen one first). Personal
        data under the cursor comes first: it must not be in the notes."""
        self.match = match
        self.senses = tuple(senses) or (match.senses if match else ())
        if pii is not None and match is None:
            warning = Text()
            warning.append(f"This looks like {_article(pii.label)}.", style="bold")
            warning.append(
                "\nKeep patient details out of meeting notes. Exports will stop "
                "until it is removed or redacted."
            )
            self.query_one("#term-detail", Static).update(warning)
            return
        self.query_one("#term-detail", Static).update(self._detail())

    def _detail(self) -> Text:
        match = self.match
        if match is None:
            return Text("Move the cursor onto a highlighted term to see what it means.", style="italic")
        out = Text()
        if match.kind == UNKNOWN:
            out.append(match.surface, style="bold")
            out.append("\nNot in the glossary. It will be listed as a question for your mentor.")
            return out
        entry = self.senses[0]
        out.append(entry.term, style="bold")
        if entry.has_expansion:
            out.append(f"\n{entry.expansion}", style="italic")
        if match.kind == "fuzzy":
            out.append(f"\n(you typed “{match.surface}”)", style="dim")
        out.append(f"\n\n{entry.plain}")
        if entry.historical:
            replaced = self.glossary.get(entry.replaced_by) if entry.replaced_by else None
            out.append("\n\nNo longer used", style="bold")
            out.append(f": replaced by {replaced.term}." if replaced else ".")
        if len(self.senses) > 1:
            out.append("\n\nOther meanings (F3 to switch):", style="bold")
            for other in self.senses[1:]:
                out.append(f"\n• {other.expansion}")
        links = [e for e in (self.glossary.get(i) for i in entry.see_also) if e]
        names = [
            f"{e.term} ({e.expansion})" if len(self.glossary.senses(e.term)) > 1 else e.term for e in links
        ]
        if names:
            out.append("\n\nSee also: ", style="bold")
            out.append(", ".join(names))
        return out

    def show_meeting_terms(self, matches: Sequence[Match]) -> None:
        """Every term met in the meeting (with counts) and the acronyms nobody has explained."""
        known = Counter(m.entry.id for m in matches if m.entry and not m.well_known)
        unknown = Counter(
            m.surface.rstrip("s") if m.surface.endswith("s") else m.surface
            for m in matches
            if m.kind == UNKNOWN
        )
        out = Text()
        out.append(f"In this meeting: {len(known)} terms\n", style="bold")
        for entry_id, count in sorted(known.items(), key=lambda kv: (-kv[1], kv[0])):
            entry = self.glossary.get(entry_id)
            if entry:
                out.append(f"{entry.term}", style="bold")
                out.append(f" ×{count}  {gist(entry)}\n")
        if unknown:
            out.append(f"\nNot in the glossary: {len(unknown)}\n", style="bold")
            for word, count in sorted(unknown.items()):
                out.append(f"{word} ×{count}\n")
        self.query_one("#meeting-terms", Static).update(out)
