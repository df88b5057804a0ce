"""Messages that follow the field (issue 14).

:class:`LiveFieldErrors` is the form's field-error registry with two more duties:

* a message shown next to a field stays only while that field is still wrong:
  :meth:`LiveFieldErrors.follow` takes the problems of the form as it stands now (the
  screen re-checks a refused decision after every edit) and each message on screen is
  replaced by the field's current one, or cleared once the field is valid — it never
  adds a message to a field the clerk has not been told about yet;
* the reason of a refused action is never below the visible area: one line at the
  top of the form says it (with how many more), and the first message is scrolled into
  view in its scroll area.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

from ..kit.fmt import fmt
from ..kit.messages import text_of
from ..kit.widgets import ErrorLabel, FieldErrors


def reveal(widget: QWidget | None) -> None:
    """Scroll every scroll area holding ``widget`` so that it is in view."""
    if widget is None:
        return
    child = widget
    parent = widget.parentWidget() if widget is not None else None
    while child is not None and parent is not None:
        area = parent.parentWidget()
        inner = area.widget() if isinstance(area, QScrollArea) else None
        if isinstance(area, QScrollArea) and inner is not None and inner.isAncestorOf(child):
            # the widget itself, not the ancestor just below the area: a group taller than
            # the view would be scrolled to its top, hiding the widget (issue 15: the
            # catalogue's service items made the item list that tall)
            area.ensureWidgetVisible(widget, 0, 24)
        child, parent = parent, parent.parentWidget()


class LiveFieldErrors(FieldErrors):
    """A :class:`FieldErrors` whose shown messages follow the fields (see the module)."""

    def __init__(self, general: ErrorLabel, summary: QLabel | None = None) -> None:
        super().__init__(general)
        self.summary = summary
        self._shown: dict[int, ErrorLabel] = {}      # labels showing a field's messages
        self._general_shown: list[str] = []
        #: field path -> its name on the form, for the line at the top when the message
        #: does not say which field it is about ("工资性收入：金额格式不正确")
        self.names: dict[str, str] = {}

    # -- FieldErrors ---------------------------------------------------------------------------
    def clear(self) -> None:
        super().clear()
        self._shown.clear()
        self._general_shown = []
        self._summarise()

    def show(self, errors: Sequence[Any]) -> QWidget | None:
        first = super().show(errors)
        self._shown = {id(s.label): s.label for s in self._slots.values() if self._visible(s.label)}
        self._general_shown = [text_of(e) for e in errors if self._resolve(e.field) is None]
        self._summarise()
        first_label = self._first_label()
        reveal(first_label if first_label is not None else first)
        if first is not None:
            reveal(first)
        return first

    # -- following -------------------------------------------------------------------------------
    def following(self) -> bool:
        """Whether any message of a refused action is still on screen."""
        return bool(self._shown or self._general_shown)

    def follow(self, errors: Sequence[Any]) -> None:
        """Keep on screen only what is still wrong, as it reads now."""
        if not self.following():
            return
        by_label, bad_paths, general = self._group(errors)
        for key, label in list(self._shown.items()):
            messages = by_label[key][1] if key in by_label else []
            try:
                label.show_messages(messages)
            except RuntimeError:   # the label of a removed row
                messages = []
            if not messages:
                del self._shown[key]
        self._general_shown = [m for m in general if m in self._general_shown]
        self.general.show_messages(self._general_shown)
        widgets_bad = {id(self._slots[p].widget) for p in bad_paths if self._slots[p].widget is not None}
        for widget in list(self._marked):
            if id(widget) not in widgets_bad:
                try:
                    widget.setStyleSheet("")
                except RuntimeError:
                    pass
                self._marked.remove(widget)
        self._summarise()

    # -- the one line at the top ---------------------------------------------------------------
    def _messages(self) -> list[str]:
        out: list[str] = []
        seen: set[int] = set()
        for path in self._order:
            label = self._slots[path].label
            if id(label) in self._shown and id(label) not in seen and self._visible(label):
                seen.add(id(label))
                name = self.names.get(path)
                for m in label.text().split("\n"):
                    line = f"{name}：{m}" if m and name else m
                    if line and line not in out:
                        out.append(line)
        return out + [m for m in self._general_shown if m not in out]

    def _first_label(self) -> ErrorLabel | None:
        for path in self._order:
            label = self._slots[path].label
            if id(label) in self._shown:
                return label
        return None

    def _summarise(self) -> None:
        if self.summary is None:
            return
        messages = self._messages()
        if not messages:
            self.summary.clear()
            self.summary.setToolTip("")
            self.summary.setVisible(False)
            return
        text = fmt(QCoreApplication.translate("IntakeScreen", "Not saved: %1"), messages[0])
        if len(messages) > 1:
            text += fmt(QCoreApplication.translate(
                "IntakeScreen", " (and %1 more, marked in red below)"), str(len(messages) - 1))
        self.summary.setText(text)
        self.summary.setToolTip("\n".join(messages))
        self.summary.setVisible(True)

    @staticmethod
    def _visible(label: ErrorLabel) -> bool:
        try:
            return bool(label.text()) and not label.isHidden()
        except RuntimeError:
            return False


__all__ = ["LiveFieldErrors", "reveal"]
