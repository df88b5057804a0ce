"""County accounts, audit and folder ingest on a real PostgreSQL (the county fixture):
the lockout, concurrent audit appends that keep one unbroken chain, and a USB folder
ingested by an officer."""

from __future__ import annotations

import shutil
import threading
from datetime import date

import pytest

from county_receiver import accounts as acc
from county_receiver import audit, ops
from county_receiver.accounts import Accounts, CountyRefused
from county_receiver.receiver import County
from tests.county.helpers import new_county

pytestmark = pytest.mark.slow    # PostgreSQL
PASSWORD = "Kreis2026x"


def test_accounts_lockout_and_concurrent_audit_on_postgresql(pg_url, tmp_path):
    with County(pg_url, tmp_path / "keys") as county:
        accounts = Accounts(county, cost=acc.FAST_COST)
        admin = accounts.create_first_admin("admin", "王管理", PASSWORD)
        accounts.add_user(admin, "dept", "卫健局", "department", PASSWORD, "HEALTHCARE")
        for _ in range(acc.LOCK_AFTER - 1):
            with pytest.raises(CountyRefused):
                accounts.login("dept", "Wrong12345")
        with pytest.raises(CountyRefused) as err:
            accounts.login("dept", "Wrong12345")
        assert err.value.reason == "locked" and err.value.locked_until is not None

        errors: list[BaseException] = []

        def append(n: int) -> None:
            try:
                for i in range(10):
                    audit.record_now(county.engine, "test.concurrent", admin, worker=n, i=i)
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)
        threads = [threading.Thread(target=append, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        report = audit.verify_chain(county.engine)
        assert report.ok and report.events == 2 + 1 + acc.LOCK_AFTER + 40


def test_folder_ingest_by_an_officer_on_postgresql(pg_url, tmp_path, world):
    usb = tmp_path / "usb"
    usb.mkdir()
    for p in reversed(world.packages):
        shutil.copyfile(p, usb / p.name)
    with new_county(pg_url, world) as county:
        accounts = Accounts(county, cost=acc.FAST_COST)
        admin = accounts.create_first_admin("admin", "王管理", PASSWORD)
        accounts.add_user(admin, "officer1", "李经办", "officer", PASSWORD)
        officer = accounts.login("officer1", PASSWORD)
        report = ops.ingest_folder(county, usb, officer)
        assert [(i.package_seq, i.status) for i in report.items] == [(1, ops.INGESTED),
                                                                     (2, ops.INGESTED)]
        (row,) = ops.township_status(county, date(2026, 11, 24), officer)
        assert row.last_package_seq == 2 and row.overdue_referrals >= 1
        assert audit.verify_chain(county.engine).ok
        assert [e.action for e in audit.entries(county.engine)][-3:] == [
            "ingest", "ingest", "ingest.folder"]
