"""收包 and 返回包 with real township packages (the county tests' demo township): a
folder received in order with progress, a cancel between packages, a gap explained;
return packages made into a folder, one per township with something to send."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

pytestmark = pytest.mark.gui


@pytest.fixture
def context(county_dir, world):
    """The county holding the keys the demo township's packages were made for."""
    from county_workstation.app import KEYS_DIRNAME

    from .conftest import make_context

    county_dir.mkdir(parents=True)
    shutil.copytree(world.county_keys, county_dir / KEYS_DIRNAME)
    ctx = make_context(county_dir, keys=False)
    yield ctx
    ctx.county.close()


@pytest.fixture
def registered(context, world):
    context.county.register(world.code, world.township_public)
    return context


def _usb(tmp_path, packages):
    usb = tmp_path / "usb"
    (usb / "sub").mkdir(parents=True)
    for i, p in enumerate(packages):   # the second one a folder down
        shutil.copy(p, (usb / "sub" if i else usb) / p.name)
    return usb


def _rows(view):
    m = view.model()
    return [[m.data(m.index(r, c)) for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_a_dropped_folder_is_received_in_order(registered, county_window, world, tmp_path):
    usb = _usb(tmp_path, world.packages)
    tab = county_window.show_tab("ReceiveTab")
    seen = []
    original = tab._progressed
    tab._progressed = lambda f, m: (seen.append(m), original(f, m))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(usb))])
    drop = QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    tab.dropEvent(drop)
    rows = _rows(tab.table)
    assert [r[2] for r in rows] == ["1", "2"]
    assert [r[3] for r in rows] == ["已接收", "已接收"]
    assert "共 2 个包，接收 2 个" in tab.summary.text()
    assert any("第 2 号包" in str(m) for m in seen)
    assert tab.job is None and not tab.progress.isVisible()
    # the status tab now shows the township's last package
    status = county_window.show_tab("StatusTab")
    assert _rows(status.table)[0][2] == "2"
    # the same folder again: nothing changes
    tab.receive(usb)
    assert [r[3] for r in _rows(tab.table)] == ["以前已接收", "以前已接收"]


def test_cancel_stops_between_packages(registered, county_window, world, tmp_path):
    usb = _usb(tmp_path, world.packages)
    tab = county_window.show_tab("ReceiveTab")
    original = tab._progressed

    def progressed(fraction, message):
        original(fraction, message)
        if "第 1 号包：已接收" in str(message):
            tab.cancel()
    tab._progressed = progressed
    tab.receive(usb)
    rows = _rows(tab.table)
    assert [r[3] for r in rows] == ["已接收", "未处理（已取消）"]
    assert registered.county.townships()[0].last_package == 1


def test_a_gap_is_named_and_nothing_is_received(registered, county_window, world, tmp_path):
    usb = _usb(tmp_path, world.packages[1:])
    tab = county_window.show_tab("ReceiveTab")
    tab.receive(usb)
    rows = _rows(tab.table)
    assert rows[0][3] == "拒收" and "缺少第 1 号包" in rows[0][4]
    assert "缺少 第 1 号包" in tab.summary.text()
    assert tab.table.model().data(tab.table.model().index(0, 0),
                                  Qt.ItemDataRole.BackgroundRole) is not None
    assert registered.county.townships()[0].last_package == 0


def test_return_packages_into_a_folder(registered, county_window, world, tmp_path):
    county_window.show_tab("ReceiveTab").receive(_usb(tmp_path, world.packages))
    tab = county_window.show_tab("ReturnsTab")
    assert _rows(tab.townships)[0][:3] == [world.code, "", "2"] or \
        _rows(tab.townships)[0][2] == "2"
    out = tmp_path / "back"
    out.mkdir()
    tab.make(out)
    made = sorted(p.name for p in out.iterdir())
    assert made == [f"{world.code}-R000001.twret"]
    row = _rows(tab.results)[0]
    assert row[2] == "1" and "收包确认 2" in row[4]
    assert "已在" in tab.message.text() and "生成 1 个返回包" in tab.message.text()
    assert _rows(tab.townships)[0][2] == "0"        # acknowledged now
    # nothing more to send: no file, said so
    tab.make(out)
    assert sorted(p.name for p in out.iterdir()) == made
    assert "没有需要发送的内容" in _rows(tab.results)[0][4]

