"""Inputs that never change by accident, and a focus that can be seen (issue 14).

One application-wide event filter, installed once by the app (``install``) so every
present and future screen is covered:

* **Wheel**: a combo box, spin box, date edit, slider or tab bar changes by the mouse
  wheel only when it has the keyboard focus. Otherwise the wheel event is passed on
  to its parent — the page scrolls, as the clerk meant. (A material went 缺少 →
  已收取 by itself while the form was being scrolled.)
* **Focus policy**: these widgets take the focus by click or Tab (``StrongFocus``),
  never by the wheel (Qt's ``WheelFocus`` would let one scroll grab the focus and then
  change the value).
* **Windows**: every top-level window is shrunk and moved into its screen's available
  geometry as it is shown (:func:`.geometry.fit_to_screen`).
* **Focus in view**: a field that gets the focus is scrolled into view in its scroll
  area (the new member row, the first bad field), after the layout placed it.
* **Visible focus**: a 2 px outline on the focused line edit, combo, spin box, text
  box and table (``FOCUS_STYLE``), so the new member row or the first bad field is
  easy to find.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollArea,
    QScrollBar,
    QTabBar,
    QWidget,
)

from .geometry import fit_to_screen

#: Widgets whose value the wheel would change.
GUARDED = (QComboBox, QAbstractSpinBox, QAbstractSlider, QTabBar)
FOCUS_COLOUR = "#1565c0"
FOCUS_STYLE = f"""
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractSpinBox:focus,
QComboBox:focus {{ border: 2px solid {FOCUS_COLOUR}; border-radius: 2px; }}
QAbstractItemView:focus {{ border: 2px solid {FOCUS_COLOUR}; }}
"""
_MARK = "/* issue 14: visible focus */"


def guarded(widget: QObject) -> bool:
    """A widget the wheel must not change unless it has the focus (scroll bars scroll)."""
    return isinstance(widget, GUARDED) and not isinstance(widget, QScrollBar)


def has_focus(widget: QWidget) -> bool:
    """The widget or one of its parts (an editable combo's line edit) has the focus."""
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


def pass_to_parents(widget: QWidget, event: QWheelEvent) -> bool:
    """Offer the wheel event to the widget's parents, nearest first, until one takes
    it (the scroll area's viewport scrolls the page). Qt would propagate an ignored
    spontaneous event itself, but not a synthesised one; doing it here treats both
    alike. Returns whether a parent took it."""
    position = event.position()
    parent = widget.parentWidget()
    child: QWidget = widget
    while parent is not None:
        position = child.mapToParent(position)
        copy = QWheelEvent(position, event.globalPosition(), event.pixelDelta(),
                           event.angleDelta(), event.buttons(), event.modifiers(),
                           event.phase(), event.inverted(), event.source())
        copy.setAccepted(False)
        QApplication.sendEvent(parent, copy)
        if copy.isAccepted() or parent.isWindow():
            return copy.isAccepted()
        child, parent = parent, parent.parentWidget()
    return False


def reveal(widget: QWidget) -> None:
    """Scroll every scroll area holding ``widget`` so that it is in view."""
    if not shiboken6.isValid(widget) or not widget.isVisible():
        return
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QScrollArea):
            page = parent.widget()
            if page is not None and page.isAncestorOf(widget):
                parent.ensureWidgetVisible(widget, 20, 20)
        parent = parent.parentWidget()


class InputGuard(QObject):
    """The application event filter (see the module docstring)."""

    _WHEEL = QEvent.Type.Wheel
    _POLISH = QEvent.Type.Polish
    _SHOW = QEvent.Type.Show
    _FOCUS_IN = QEvent.Type.FocusIn

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == self._WHEEL:
            if guarded(watched) and not has_focus(watched):  # type: ignore[arg-type]
                # Not ours to take: the page under it scrolls instead.
                pass_to_parents(watched, event)  # type: ignore[arg-type]
                return True
        elif kind == self._POLISH:
            if guarded(watched):
                widget = watched  # a QWidget (guarded checked the class)
                if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:  # type: ignore[attr-defined]
                    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # type: ignore[attr-defined]
        elif kind == self._FOCUS_IN and isinstance(watched, QWidget) and not watched.isWindow():
            # A focused field is scrolled into view (a new member row, the first bad
            # field): after the layout has placed it.
            QTimer.singleShot(0, lambda w=watched: reveal(w))
        elif kind == self._SHOW and isinstance(watched, QWidget) and watched.isWindow() \
                and not watched.inherits("QMenu") and watched.windowType() != Qt.WindowType.ToolTip \
                and not watched.inherits("QComboBoxPrivateContainer"):
            fit_to_screen(watched)
        return False


_guard: InputGuard | None = None


def install(app: QApplication | None = None) -> InputGuard:
    """Install the filter and the focus style once per application (idempotent)."""
    global _guard
    app = app or QApplication.instance()  # type: ignore[assignment]
    assert app is not None, "a QApplication must exist"
    if _guard is None or _guard.parent() is not app:
        _guard = InputGuard(app)
        app.installEventFilter(_guard)
    sheet = app.styleSheet()
    if _MARK not in sheet:
        app.setStyleSheet(f"{sheet}\n{_MARK}\n{FOCUS_STYLE}" if sheet else f"{_MARK}\n{FOCUS_STYLE}")
    return _guard


__all__ = ["FOCUS_STYLE", "GUARDED", "InputGuard", "guarded", "has_focus", "install",
           "pass_to_parents", "reveal"]
