"""The exported ledgers open in LibreOffice: headless conversion to CSV and PDF succeeds
and the CSV has the template's headers and every row (Debian ``libreoffice-calc``,
installed by this folder's APT_PACKAGES)."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from datetime import date

import pytest

from desktop_app.core.xlsx import Column, Sheet, write_xlsx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")]


def _convert(src, out_dir, target: str, profile) -> subprocess.CompletedProcess:
    env = {**os.environ, "HOME": str(profile)}
    return subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
         "--convert-to", target, "--outdir", str(out_dir), str(src)],
        capture_output=True, text=True, timeout=240, env=env, check=False)


def test_libreoffice_converts_every_ledger(services, tmp_path):
    from desktop_app.core.services.demo import fill_demo

    fill_demo(services, 40, days=60)
    sup = next(p.id for p in services.setup.staff() if p.role == "supervisor")
    out = tmp_path / "out"
    profile = tmp_path / "lo-profile"
    for name, _title in services.ledgers.names():
        src = out / f"{name}.xlsx"
        rows = services.ledgers.export(name, date(2026, 9, 1), date(2026, 11, 30), src, sup,
                                       full_ids=True).value.rows
        headers = [c.header for c in services.ledgers.template(name).columns]
        done = _convert(src, out, "csv:Text - txt - csv (StarCalc):44,34,76", profile)
        assert done.returncode == 0, done.stderr
        with open(out / f"{name}.csv", encoding="utf-8", newline="") as fh:
            table = list(csv.reader(fh))
        assert table[2] == headers
        assert len(table) == 3 + rows
        done = _convert(src, out, "pdf", profile)
        assert done.returncode == 0, done.stderr
        assert (out / f"{name}.pdf").read_bytes()[:5] == b"%PDF-"


def test_libreoffice_reads_ids_and_rare_characters(tmp_path):
    src = tmp_path / "ids.xlsx"
    write_xlsx(src, [Sheet("名单", [Column("证件号码", 21, "id"), Column("姓名"),
                                   Column("金额（元）", 10, "money")],
                           [["110101199003074514", "张𠮷", 123456]], title="名单")])
    done = _convert(src, tmp_path, "csv:Text - txt - csv (StarCalc):44,34,76", tmp_path / "p")
    assert done.returncode == 0, done.stderr
    with open(tmp_path / "ids.csv", encoding="utf-8", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[2] == ["110101199003074514", "张𠮷", "1,234.56"]
