"""Textual's footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """The standard footer, minus needless rebuilds.

    Textual's footer rebuilds all its keys whenever the screen says its bindings may have changed,
    which happens on every focus move. At start-up that meant three rebuilds of a dozen keys for
    one unchanged row: most of the time the app took to open. This one rebuilds only when what it
    would show differs from what it shows.
    """

    _shown: tuple | None = None

    def bindings_changed(self, screen: Screen) -> None:
        if self._bindings_ready and self._keys(screen) == self._shown:
            return
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._keys(self.screen)
        yield from super().compose()

    def _keys(self, screen: Screen) -> tuple:
        return tuple(
            (key, binding.action, binding.description, binding.key_display, binding.show, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items()
        ) + (self.compact, self.show_command_palette)
