"""Faults told in the GUI (issue #11): a PDF saved onto a full stick and a read-only data
folder at start-up are one clear Chinese dialog each — the fault vocabulary, translated
by key — never a bare errno, and nothing is left under the final name."""

from __future__ import annotations

import errno
import os

import pytest


def test_save_pdf_as_onto_a_full_stick_says_so_and_leaves_nothing(qtbot, tmp_path, monkeypatch,
                                                                 messages):
    """另存为… onto a full stick (ENOSPC injected into the temporary file's fsync, so this
    runs without root; the tmpfs test of the same write is tests/core/test_faults_fs.py)."""
    from desktop_app.gui.kit import print_pdf

    pdf = tmp_path / "回执.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + b"x" * 300_000)
    usb = tmp_path / "usb"
    usb.mkdir()
    real_fsync = os.fsync

    def full(fd):
        if ".part" in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full)
    assert print_pdf.save_pdf_as(None, pdf, ask_path=lambda parent, p: usb / "copy") is None
    (title, text), = messages.shown
    assert title == "保存失败" and text.startswith("保存PDF失败：") and str(usb) in text
    assert "空间不足" in text and "Errno" not in text and os.listdir(usb) == []
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert print_pdf.save_pdf_as(None, pdf, ask_path=lambda p, q: usb / "copy") == usb / "copy.pdf"
    assert (usb / "copy.pdf").read_bytes() == pdf.read_bytes()


@pytest.mark.parametrize("code, words", [(errno.EROFS, "只读"), (errno.EACCES, "没有权限")])
def test_a_read_only_data_folder_is_one_clear_dialog(qtbot, tmp_path, monkeypatch, messages,
                                                    code, words):
    """The lock file cannot be opened (EROFS/EACCES injected: a write-protected stick, a
    folder of another account): one dialog naming the folder, the app does not start."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    from desktop_app.core import lock
    from desktop_app.gui import app as gui_app

    data = tmp_path / "data"
    data.mkdir()
    real_open = open

    def refusing(path, mode="r", *a, **kw):
        if str(path).endswith(lock.LOCK_NAME):
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, mode, *a, **kw)

    monkeypatch.setattr(lock, "open", refusing, raising=False)
    window = QMainWindow()
    qtbot.addWidget(window)
    assert gui_app._open_and_run(QApplication.instance(), window, data, False) == 1
    (title, text), = messages.shown
    assert title == "无法打开数据目录"
    assert text.startswith("打开数据目录失败：") and str(data) in text and words in text
    assert "Errno" not in text and "\n" not in text and "logs" not in text
