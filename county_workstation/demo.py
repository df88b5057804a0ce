"""``county-workstation --demo``: a throwaway county with three demo townships.

The county's keys and demo accounts are created; three synthetic townships are made by
the township program itself (``desktop-app county-demo``, one process each, in parallel —
the county program never imports the township's services): each imports the county's key
file, writes its public key file (registered here, as an officer would from the file) and
its first real export package into ``<folder>/usb``, the folder to drop on 收包. Two of
them hold an open 低保 application of the same invented person: the cross-township
duplicate the county's views find. Everything is invented.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sync_contract.errors import PackageError

from .context import CountyContext

DEMO_COUNTY = ("522201", "示范县民政局")
DEMO_TOWNSHIPS = (("522201101000", "清水镇"), ("522201102000", "河坝镇"),
                  ("522201103000", "石门乡"))
#: (username, name, role, department, password) — demo folders only (README).
DEMO_USERS = (
    ("admin", "县级管理员", "admin", "", "guanli2026"),
    ("jingban", "张经办", "officer", "", "xianji2026"),
    ("yibao", "医保局", "department", "HEALTHCARE", "yiliao2026"),
    ("jiaoyu", "教育局", "department", "EDUCATION", "xuexiao2026"),
)
#: The invented person applying for 低保 in the first two townships.
PLANTED_NAME = "王富贵"
PLANTED_ID_BODY = "52220119680305123"
APPLICATIONS = 40
USB_DIRNAME = "usb"


def id_with_check(body: str) -> str:
    """A 17-digit body with its GB 11643 check character."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]


PLANTED_ID = id_with_check(PLANTED_ID_BODY)


@dataclass(frozen=True)
class DemoTownship:
    code: str
    name: str
    data_dir: Path          # the township's own data folder (it imports its returns there)
    public_key: Path
    package: Path


class DemoFailed(PackageError):
    def __init__(self, message_zh: str) -> None:
        super().__init__("demo_failed", zh=message_zh, en="the demo could not be made")
        self.message_zh = message_zh


def _township_command(folder: Path, code: str, name: str, county_keys: Path, index: int,
                      applications: int, plant: bool) -> list[str]:
    cmd = [sys.executable, "-m", "desktop_app", "--data-dir", str(folder / "townships" / code),
           "county-demo", "--code", code, "--name", name, "--county-keys", str(county_keys),
           "--public-key", str(folder / "townships" / f"{code}.json"),
           "--out", str(folder / USB_DIRNAME), "--applications", str(applications),
           "--seed", str(2026 + index)]
    if plant:
        cmd += ["--plant-id", PLANTED_ID, "--plant-name", PLANTED_NAME]
    return cmd


def make_townships(folder: Path, county_keys: Path, *, applications: int = APPLICATIONS,
                   progress: Callable[[float, str], None] | None = None,
                   cancel: threading.Event | None = None) -> list[DemoTownship]:
    """The three demo townships under ``folder/townships`` and their packages in
    ``folder/usb`` (the township program, one process each, in parallel)."""
    (folder / "townships").mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    procs = []
    for i, (code, name) in enumerate(DEMO_TOWNSHIPS):
        cmd = _township_command(folder, code, name, county_keys, i, applications, plant=i < 2)
        procs.append(subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                      text=True, env=env))
    made: list[DemoTownship] = []
    try:
        for i, ((code, name), proc) in enumerate(zip(DEMO_TOWNSHIPS, procs, strict=True)):
            if progress:
                progress(i / len(procs), f"正在生成演示乡镇 {name}…")
            while True:
                try:
                    out, err = proc.communicate(timeout=0.5)
                    break
                except subprocess.TimeoutExpired:
                    if cancel is not None and cancel.is_set():
                        raise DemoFailed("已取消演示数据的生成") from None
            if proc.returncode != 0:
                line = (err.strip().splitlines() or ["?"])[-1]
                raise DemoFailed(f"无法生成演示乡镇 {name}：{line}")
            made.append(DemoTownship(code, name, folder / "townships" / code,
                                     folder / "townships" / f"{code}.json",
                                     Path(out.strip().splitlines()[-1])))
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return made


def fill_demo(context: CountyContext, *, applications: int = APPLICATIONS,
              progress: Callable[[float, str], None] | None = None,
              cancel: threading.Event | None = None) -> list[DemoTownship]:
    """The county's keys and demo accounts, the three townships registered from their
    key files, their packages in ``<data folder>/usb`` (not received yet: 收包 does that)."""
    from county_receiver.accounts import Accounts

    county = context.county
    county.keygen(*DEMO_COUNTY)
    accounts: Accounts = context.accounts()
    if accounts.needs_setup():
        admin = accounts.create_first_admin(DEMO_USERS[0][0], DEMO_USERS[0][1], DEMO_USERS[0][4])
        for username, name, role, dept, password in DEMO_USERS[1:]:
            accounts.add_user(admin, username, name, role, password, department_code=dept)
    townships = make_townships(context.data_dir, context.keys_dir / "county.json",
                               applications=applications, progress=progress, cancel=cancel)
    for t in townships:
        county.register(t.code, t.public_key)
    usb = context.data_dir / USB_DIRNAME
    context.extra["last_folder"] = str(usb)
    context.extra["demo_usb"] = usb
    context.extra["demo_townships"] = townships
    return townships


def demo_hint() -> str:
    """The demo accounts, for the login dialog."""
    return "演示账户（用户名 / 密码）：\n" + "\n".join(
        f"{u} / {p}（{n}）" for u, n, _r, _d, p in DEMO_USERS)


def demo_run(context: CountyContext, window: Any) -> None:
    """Fill the demo on the write lane (a progress dialog with 取消), then log in."""
    from desktop_app.gui.kit.tasks import Job

    def work(job: Job) -> list[DemoTownship]:
        return fill_demo(context, progress=job.progress, cancel=job.cancel)

    def done(_townships: list[DemoTownship]) -> None:
        window.show_login(hint=demo_hint())

    def failed(error: BaseException) -> None:
        from .common import error_text

        window.statusBar().showMessage(error_text(error))
        window.show_login(hint=demo_hint())

    window.geometry_memory.show()
    window.tasks.run_job(work, done, failed, owner=window, lane="write",
                         title=window.tr("Creating the demo townships…"))
