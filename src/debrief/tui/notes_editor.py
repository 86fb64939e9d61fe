"""A TextArea that lights up jargon as you type.

It overrides TextArea's public `get_line()` hook: each line is matched by the JargonMatcher, whose
per-line cache means a keystroke re-matches only the line being edited. Styles come from
component classes, so themes restyle them; each keeps an underline or bold so a term stays
visible on the cursor line, whose background paints over it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.widgets import TextArea

from debrief.matcher import FUZZY, UNKNOWN, JargonMatcher, Match
from debrief.people import is_initials
from debrief.privacy import Finding, find_pii
from debrief.senses import rank_senses


class NotesEditor(TextArea):
    """Meeting notes with live jargon highlighting."""

    COMPONENT_CLASSES = TextArea.COMPONENT_CLASSES | {
        "jargon--exact",
        "jargon--fuzzy",
        "jargon--unknown",
        "jargon--quiet",
        "privacy--pii",
    }

    DEFAULT_CSS = """
    NotesEditor {
        border: none;
        padding: 0 1;
        & .jargon--exact { color: $text-primary; text-style: bold underline; }
        & .jargon--fuzzy { color: $text-warning; text-style: bold underline; }
        & .jargon--unknown { color: $text-error; text-style: bold italic underline; }
        & .jargon--quiet { text-style: underline; }
        & .privacy--pii { color: $text-error; background: $error-muted; text-style: bold reverse; }
    }
    """

    @dataclass
    class TermUnderCursor(Message):
        """The jargon at the cursor changed (None: the cursor is on no term)."""

        editor: NotesEditor
        match: Match | None
        pii: Finding | None = None

        @property
        def control(self) -> NotesEditor:
            return self.editor

    def __init__(
        self, text: str = "", *, matcher: JargonMatcher, initials: frozenset[str] = frozenset(), **kwargs
    ) -> None:
        super().__init__(text, soft_wrap=True, tab_behavior="focus", **kwargs)
        self.matcher = matcher
        self._initials = initials
        self._styles: dict[str, Style] = {}
        self._pii: dict[str, list[Finding]] = {}
        self.known: frozenset[str] = frozenset()  # entry ids the user knows: shown quietly
        self._last_term: tuple[int, int, str] | None = None

    @property
    def initials(self) -> frozenset[str]:
        return self._initials

    @initials.setter
    def initials(self, value: frozenset[str]) -> None:
        if value != self._initials:
            self._initials = value
            self._line_cache.clear()
            self.refresh()

    def notify_style_update(self) -> None:
        self._styles.clear()  # the theme changed: read the component styles again
        super().notify_style_update()

    def _style(self, kind: str) -> Style:
        style = self._styles.get(kind)
        if style is None:
            name = "privacy--pii" if kind == "pii" else f"jargon--{kind}"
            style = self._styles[kind] = self.get_component_rich_style(name)
        return style

    def line_matches(self, line: str):
        """The line's matches, minus people's initials."""
        initials = self._initials
        for hit in self.matcher.match_line(line):
            if initials and is_initials(line[hit.start : hit.end], initials):
                continue
            yield hit

    def get_line(self, line_index: int) -> Text:
        text = super().get_line(line_index)
        for hit in self.line_matches(text.plain):
            if hit.kind == UNKNOWN:
                kind = "unknown"
            elif hit.senses and (hit.senses[0].well_known or hit.senses[0].id in self.known):
                kind = "quiet"
            elif hit.kind == FUZZY:
                kind = "fuzzy"
            else:
                kind = "exact"
            text.stylize(self._style(kind), hit.start, hit.end)
        for finding in self.line_pii(text.plain):
            text.stylize(self._style("pii"), finding.start, finding.end)
        return text

    def line_pii(self, line: str) -> list[Finding]:
        """Personal data in the line (cached by the line's text, like the jargon)."""
        found = self._pii.get(line)
        if found is None:
            if len(self._pii) > 5000:
                self._pii.clear()
            found = self._pii[line] = find_pii(line)
        return found

    def pii_at_cursor(self) -> Finding | None:
        row, column = self.cursor_location
        for finding in self.line_pii(self.document.get_line(row)):
            if finding.start <= column <= finding.end:
                return finding
        return None

    def match_at_cursor(self) -> Match | None:
        """The term under the cursor (offsets into its line), its senses ranked by the cursor's
        paragraph only: a keystroke never reads the whole document."""
        row, column = self.cursor_location
        line = self.document.get_line(row)
        for hit in self.line_matches(line):
            if hit.start <= column <= hit.end:
                match = Match(hit.start, hit.end, line[hit.start : hit.end], hit.kind, hit.score, hit.senses)
                if len(hit.senses) < 2:
                    return match
                before, paragraph = self._paragraph_around(row)
                shifted = Match(
                    before + hit.start, before + hit.end, match.surface, hit.kind, hit.score, hit.senses
                )
                return replace(match, senses=rank_senses(paragraph, [shifted])[0].senses)
        return None

    def _paragraph_around(self, row: int, reach: int = 30) -> tuple[int, str]:
        """(offset of the row within it, text) of the paragraph holding the row."""
        get = self.document.get_line
        first = row
        while first > 0 and row - first < reach and get(first - 1).strip():
            first -= 1
        last = row
        while last + 1 < self.document.line_count and last - row < reach and get(last + 1).strip():
            last += 1
        lines = [get(i) for i in range(first, last + 1)]
        before = sum(len(text) + 1 for text in lines[: row - first])
        return before, "\n".join(lines)

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        self.announce_term()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.announce_term()

    def announce_term(self, force: bool = False) -> None:
        """Post TermUnderCursor when the term at the cursor changes (or always, if forced)."""
        match = self.match_at_cursor()
        pii = self.pii_at_cursor()
        row = self.cursor_location[0]
        key = (row, match.start, match.surface) if match else (pii.surface if pii else None)
        if force or key != self._last_term:
            self._last_term = key
            self.post_message(self.TermUnderCursor(self, match, pii))
