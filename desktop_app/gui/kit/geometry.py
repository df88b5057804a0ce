"""Windows that fit the screen they open on (issue 14).

* :func:`fit_to_screen` — a top-level window is never larger than the available
  geometry of its screen (the desktop minus task bars) and lies inside it. The
  application filter (:mod:`.wheel`) calls it for every window as it is shown, so a
  dialog added tomorrow fits too.
* :class:`RememberedGeometry` — the main window and the detail window remember their
  geometry and maximised state per screen (its name and available size: a laptop on a
  projector is another screen) in ``QSettings``; a remembered geometry is restored only
  if it still fits that screen, otherwise the window opens at its preferred size,
  shrunk to fit.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

#: Room for the window manager's frame (title bar, borders) before the window has been
#: shown once and its real frame is known.
FRAME_GUESS = QSize(2 * 4, 30 + 4)


def screen_of(widget: QWidget) -> QScreen | None:
    """The screen the window is on (or will open on: its parent's, else the primary)."""
    screen = widget.screen()
    if screen is None:
        parent = widget.parentWidget()
        screen = parent.screen() if parent is not None else None
    return screen or QGuiApplication.primaryScreen()


def available_geometry(widget: QWidget) -> QRect:
    """What the window may occupy: the available geometry of its screen."""
    screen = screen_of(widget)
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


def frame_extra(widget: QWidget) -> QSize:
    """Width and height the window manager adds around the window's client area."""
    window = widget.window()
    frame, inner = window.frameGeometry(), window.geometry()
    if window.isVisible() and frame.size() != inner.size():
        return QSize(frame.width() - inner.width(), frame.height() - inner.height())
    return QSize(FRAME_GUESS)


def fitted(available: QRect, size: QSize, top_left: QPoint, extra: QSize,
           minimum: QSize | None = None) -> QRect:
    """The client rectangle of a window of ``size`` at ``top_left`` moved and shrunk so
    that it and its frame (``extra``) lie inside ``available``; never below ``minimum``."""
    width = min(size.width(), available.width() - extra.width())
    height = min(size.height(), available.height() - extra.height())
    if minimum is not None:
        width, height = max(width, minimum.width()), max(height, minimum.height())
    left_pad, top_pad = extra.width() // 2, extra.height() - extra.width() // 2
    x = min(max(top_left.x(), available.left() + left_pad),
            available.right() + 1 - (extra.width() - left_pad) - width)
    y = min(max(top_left.y(), available.top() + top_pad),
            available.bottom() + 1 - (extra.height() - top_pad) - height)
    return QRect(max(x, available.left() + left_pad), max(y, available.top() + top_pad),
                 width, height)


def fits(window: QWidget) -> bool:
    """Whether the window with its frame lies inside its screen's available geometry."""
    available = available_geometry(window)
    extra = frame_extra(window)
    g = window.geometry()
    outer = g.adjusted(-(extra.width() // 2), -(extra.height() - extra.width() // 2),
                       extra.width() - extra.width() // 2, extra.width() // 2)
    return available.contains(outer)


def fit_to_screen(window: QWidget) -> bool:
    """Shrink and move a top-level window into its screen's available geometry (a
    maximised or full-screen window is the window manager's business). Returns
    whether it changed anything."""
    if not window.isWindow() or window.isMaximized() or window.isFullScreen():
        return False
    available = available_geometry(window)
    if available.isEmpty():
        return False
    current = window.geometry()
    target = fitted(available, current.size(), current.topLeft(), frame_extra(window),
                    window.minimumSize())
    if target == current:
        return False
    if target.size() != current.size():
        window.resize(target.size())
    if target.topLeft() != current.topLeft():
        window.move(target.topLeft() - (window.geometry().topLeft() - window.pos()))
    return True


def size_for_screen(window: QWidget, preferred: QSize) -> None:
    """Give a window its preferred size, at most what its screen can show, centred."""
    available = available_geometry(window)
    extra = frame_extra(window)
    size = QSize(min(preferred.width(), available.width() - extra.width()),
                 min(preferred.height(), available.height() - extra.height()))
    window.resize(size)
    centre = available.center()
    window.move(QPoint(centre.x() - (size.width() + extra.width()) // 2,
                       centre.y() - (size.height() + extra.height()) // 2))


class RememberedGeometry:
    """Restore and save a window's geometry and maximised state, per screen.

    ``settings`` defaults to the application's ``QSettings`` (per user and machine:
    the window's place is not data of the township)."""

    GROUP = "windows"

    def __init__(self, window: QWidget, name: str, preferred: QSize,
                 settings: QSettings | None = None) -> None:
        self.window = window
        self.name = name
        self.preferred = QSize(preferred)
        self._settings = settings

    @property
    def settings(self) -> QSettings:
        if self._settings is None:
            self._settings = QSettings()
        return self._settings

    def key(self) -> str:
        """``windows/<name>/<screen name>-<width>x<height>`` (the available size)."""
        screen = screen_of(self.window)
        available = available_geometry(self.window)
        label = (screen.name() if screen is not None else "") or "screen"
        label = "".join(c if c.isalnum() else "_" for c in label)
        return f"{self.GROUP}/{self.name}/{label}-{available.width()}x{available.height()}"

    def restore(self) -> bool:
        """The remembered geometry if it fits this screen (then True), else the
        preferred size shrunk to the screen. A remembered maximised state is applied
        when the window is shown (:meth:`show`)."""
        key = self.key()
        stored = self.settings.value(key + "/geometry")
        self.maximised = str(self.settings.value(key + "/maximised", False)).lower() in ("true", "1")
        if isinstance(stored, QRect) and stored.isValid():
            available = available_geometry(self.window)
            minimum = self.window.minimumSize()
            if available.contains(stored) and stored.width() >= minimum.width() \
                    and stored.height() >= minimum.height():
                self.window.setGeometry(stored)
                return True
        size_for_screen(self.window, self.preferred)
        return False

    def show(self) -> None:
        """Show the window as it was left: maximised again if it was."""
        if getattr(self, "maximised", False):
            self.window.showMaximized()
        else:
            self.window.show()

    def save(self) -> None:
        """Remember the window's normal (unmaximised) geometry and whether it is
        maximised, under this screen's key."""
        key = self.key()
        maximised = self.window.isMaximized()
        self.settings.setValue(key + "/maximised", bool(maximised))
        normal = self.window.normalGeometry() if maximised else self.window.geometry()
        if normal.isValid():
            self.settings.setValue(key + "/geometry", normal)
        self.settings.sync()


__all__ = ["RememberedGeometry", "available_geometry", "fit_to_screen", "fits", "fitted",
           "size_for_screen"]
