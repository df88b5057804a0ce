"""Inputs that never change by accident, and a focus that can be seen (issue 14).

Installed once by the app (``install``) so every present and future screen is covered:
a proxy of the application's style sees each widget as Qt polishes it and puts a small
event filter on the inputs below and on each window (not on the whole application: a
Python application filter would run for every event of every widget):

* **Wheel**: a combo box, spin box, date edit, slider or tab bar changes by the mouse
  wheel only when it has the keyboard focus. Otherwise the wheel event is passed on
  to its parent — the page scrolls, as the clerk meant. (A material went 缺少 →
  已收取 by itself while the form was being scrolled.)
* **Focus policy**: these widgets take the focus by click or Tab (``StrongFocus``),
  never by the wheel (Qt's ``WheelFocus`` would let one scroll grab the focus and then
  change the value).
* **Windows**: every top-level window is shrunk and moved into its screen's available
  geometry as it is shown, and moved back in when its content makes it grow
  (:func:`.geometry.fit_to_screen`).
* **Focus in view**: a field that gets the focus is scrolled into view in its scroll
  area (the new member row, the first bad field), after the layout placed it.
* **Visible focus**: a 2 px outline around the focused line edit, combo, spin box,
  text box or table (:class:`FocusOutline`, one small widget that follows the focus —
  no application style sheet), so the new member row or the first bad field is easy to
  find.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QProxyStyle,
    QScrollArea,
    QScrollBar,
    QStyle,
    QStyleFactory,
    QTabBar,
    QTextEdit,
    QWidget,
)

from .geometry import fit_to_screen

#: Widgets whose value the wheel would change.
GUARDED = (QComboBox, QAbstractSpinBox, QAbstractSlider, QTabBar)
FOCUS_COLOUR = "#1565c0"
#: What gets the outline when it has the focus (a part of a combo or spin box: the whole).
OUTLINED = (QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit, QAbstractItemView)


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
    """The event filter of the guarded inputs and of the top-level windows — installed
    on those widgets only (by :class:`GuardStyle` as each is polished), never on the
    application: an application filter in Python costs ~30 µs on every event of every
    widget (measured: a form's paint loop 4.6× slower)."""

    _WHEEL = QEvent.Type.Wheel
    # Shown, or grown by its content (a screen with a wider minimum): back on the screen.
    _PLACED = (QEvent.Type.Show, QEvent.Type.Resize)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == self._WHEEL:
            if guarded(watched) and not has_focus(watched):  # type: ignore[arg-type]
                # Not ours to take: the page under it scrolls instead.
                pass_to_parents(watched, event)  # type: ignore[arg-type]
                return True
        elif kind in self._PLACED and isinstance(watched, QWidget) and watched.isWindow():
            fit_to_screen(watched)
        return False

    outline: FocusOutline | None = None

    def focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The focused field gets the outline and is scrolled into view (a new member
        row, the first bad field), after the layout has placed it."""
        target = outlined(new)
        if self.outline is None or not shiboken6.isValid(self.outline):
            self.outline = FocusOutline() if target is not None else None
        if self.outline is not None:
            self.outline.follow(target)  # None: hidden
        if new is not None and not new.isWindow():
            QTimer.singleShot(0, lambda w=new: reveal(w))


def outlined(widget: QWidget | None) -> QWidget | None:
    """The widget that shows the focus outline for ``widget`` (an editable combo's or a
    spin box's line edit: the combo or spin box), or None."""
    if widget is None or not shiboken6.isValid(widget) or widget.isWindow():
        return None
    parent = widget.parentWidget()
    if isinstance(widget, QLineEdit) and isinstance(parent, (QComboBox, QAbstractSpinBox)):
        widget = parent
    if not isinstance(widget, OUTLINED) or widget.window().windowType() == Qt.WindowType.Popup:
        return None
    return widget


class FocusOutline(QWidget):
    """A 2 px outline in :data:`FOCUS_COLOUR` over the edge of the focused field: a
    mouse-transparent child laid over the field (so no parent clips it), following its
    size. One widget, painted only when the focus moves — an application style sheet
    would route every widget's painting through the style-sheet engine (measured: 4×
    the CPU of a form's repaint)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("focusOutline")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None

    def follow(self, target: QWidget | None) -> None:
        if self.target is not None and shiboken6.isValid(self.target):
            self.target.removeEventFilter(self)
        self.target = target
        if target is None:
            self.hide()
            return
        self.setParent(target)
        self.setGeometry(target.rect())
        target.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.target and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.target.rect())
        return False

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        colour, r = QColor(FOCUS_COLOUR), self.rect()
        w, h = r.width(), r.height()
        for x, y, width, height in ((0, 0, w, 2), (0, h - 2, w, 2), (0, 0, 2, h), (w - 2, 0, 2, h)):
            painter.fillRect(x, y, width, height, colour)
        painter.end()


def _placed_window(widget: QWidget) -> bool:
    """A window the clerk moves and sizes (not a menu, tooltip or combo pop-up)."""
    if not widget.isWindow():
        return False
    kind = widget.windowType()
    return kind not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen)


class GuardStyle(QProxyStyle):
    """The application's style, unchanged in looks, that sees every widget once as Qt
    polishes it: guarded inputs get ``StrongFocus`` and the wheel filter, windows the
    fit-to-screen filter (the present screens and every future one alike)."""

    def __init__(self, base: QStyle | None, guard: InputGuard) -> None:
        super().__init__(base)
        self.guard = guard

    def polish(self, target):  # QWidget / QPalette / QApplication
        result = super().polish(target)
        if isinstance(target, QWidget):
            if guarded(target):
                if target.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                    target.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                target.installEventFilter(self.guard)
            elif _placed_window(target):
                target.installEventFilter(self.guard)
        return result


_guard: InputGuard | None = None


def install(app: QApplication | None = None) -> InputGuard:
    """Install the guard style and the focus style once per application (idempotent;
    widgets polished before keep their state until re-polished, which setting the style
    does for all of them)."""
    global _guard
    app = app or QApplication.instance()  # type: ignore[assignment]
    assert app is not None, "a QApplication must exist"
    if _guard is None or _guard.parent() is not app:
        _guard = InputGuard(app)
        name = app.style().name()  # "" behind a style sheet: then the desktop's default
        app.setStyle(GuardStyle(QStyleFactory.create(name) if name else None, _guard))
        app.focusChanged.connect(_guard.focus_changed)
    return _guard


__all__ = ["FOCUS_COLOUR", "GUARDED", "OUTLINED", "FocusOutline", "GuardStyle", "InputGuard",
           "guarded", "has_focus", "install", "outlined", "pass_to_parents", "reveal"]
