"""The one fault vocabulary (issue #11, sync_contract/faults.py): each machine fault is
one Chinese sentence naming the folder and what to do, by errno, Windows error code or
SQLite's words; unknown errors still say which folder and the system code."""

from __future__ import annotations

import errno
import pickle
import sqlite3

import pytest

from sync_contract.faults import FileFault, classify, fault, is_fault


@pytest.mark.parametrize("exc, kind, words", [
    (OSError(errno.ENOSPC, "No space left on device"), "disk_full", "空间不足"),
    (OSError(errno.EROFS, "Read-only file system"), "read_only", "只读"),
    (PermissionError(errno.EACCES, "Permission denied"), "permission", "没有权限"),
    (OSError(errno.EIO, "Input/output error"), "device_removed", "U盘是否被拔出"),
    (FileNotFoundError(errno.ENOENT, "No such file"), "path_missing", "找不到"),
    (NotADirectoryError(errno.ENOTDIR, "Not a directory"), "not_a_folder", "不是文件夹"),
    (OSError(errno.ENAMETOOLONG, "File name too long"), "name_too_long", "太长"),
    (OSError(errno.EBUSY, "busy"), "busy", "占用"),
    (OSError(errno.EXDEV, "cross-device"), "other", f"系统错误 {errno.EXDEV}"),
    (sqlite3.OperationalError("database or disk is full"), "disk_full", "空间不足"),
    (sqlite3.OperationalError("attempt to write a readonly database"), "read_only", "只读"),
    (sqlite3.OperationalError("disk I/O error"), "device_removed", "断开"),
])
def test_each_fault_is_one_chinese_sentence_naming_the_folder(exc, kind, words):
    f = fault(exc, "/media/usb/县级", "export")
    assert isinstance(f, FileFault) and isinstance(f, OSError)
    assert f.kind == kind and classify(exc) == kind
    assert f.message.startswith("导出同步包失败：") and "/media/usb/县级" in f.message
    assert words in f.message and "未留下任何不完整的文件" in f.message
    assert "\n" not in f.message and "Errno" not in f.message and str(f) == f.message


def test_windows_error_codes_are_understood():
    exc = OSError(errno.EINVAL, "x")
    exc.winerror = 19  # ERROR_WRITE_PROTECT, as Windows reports a locked SD card
    assert classify(exc) == "read_only"
    exc.winerror = 1167  # ERROR_DEVICE_NOT_CONNECTED
    assert classify(exc) == "device_removed"


def test_a_read_says_nothing_changed_and_an_existing_fault_is_kept():
    f = fault(OSError(errno.EIO, "x"), "D:/包.age", "import", outcome="nothing_changed")
    assert f.message.startswith("导入同步包失败") and f.message.endswith("数据未作任何更改。")
    assert fault(f, "elsewhere", "backup") is f


def test_other_errors_are_not_faults_and_faults_survive_pickling():
    assert not is_fault(ValueError("x")) and not is_fault(sqlite3.IntegrityError("UNIQUE"))
    f = fault(OSError(errno.ENOSPC, "x"), "/mnt", "backup")
    g = pickle.loads(pickle.dumps(f))
    assert (g.kind, g.message, g.errno) == (f.kind, f.message, errno.ENOSPC)


def test_an_os_error_wrapped_as_text_by_a_library_is_understood():
    class EncryptError(Exception):  # pyrage's, when the output file's write fails
        pass

    exc = EncryptError("OSError: [Errno 28] No space left on device (os error 28)")
    f = fault(exc, "/media/usb", "make_return")
    assert f.kind == "disk_full" and f.errno == errno.ENOSPC and is_fault(exc)
    assert f.message.startswith("生成返回包失败：/media/usb 空间不足")
    assert not is_fault(EncryptError("No matching keys"))
