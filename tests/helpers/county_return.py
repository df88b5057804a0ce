"""A real county return package carrying the county's 审核确认 (``confirmation``, sync
format 3) of given tasks, made by the county receiver itself — for tests that take a
reported task to its end the way the county would (service level and GUI end to end).

    path = county_confirmation_return(services, admin, tmp_path / "county", [task_id],
                                      outcome="approved", decided_on="2026-12-10",
                                      amount_fen=60000, period_from="2027-01-01",
                                      period_to="2027-12-31", document_number="碧民〔2026〕12号")
    services.sync.import_package(path, admin)      # or the 同步 screen's 导入返回包

What it does, in order (idempotent: call it again with the same ``folder`` for more tasks):

1. the county: a county receiver on ``folder/county.sqlite3`` with its keys in
   ``folder/county-keys`` (created when missing; a folder whose ``county-keys`` is the
   ``county`` fixture's key store — ``folder=tmp_path`` in tests/sync — uses those keys);
   the township imports the county's public keys when it has none or other ones
   (then every package it made before is unreadable to this county: call the helper, or
   :func:`county_for`, before the township's first export);
2. registers the township at the county (its ``keys export`` file);
3. the township exports what changed (its 报县 step among it) and the county ingests
   every package the township has kept (``sync/sent/*.twpkg``), in order — one received
   already is a no-op;
4. ``county.record_confirmation`` for each task — the county's own checks apply: the task
   must have been reported (its ``report`` step received) and not be decided;
5. ``county.make_return`` into ``folder/returns``; returns the ``.twret`` path.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import select

from county_receiver.receiver import County
from desktop_app.core.models import RequestedItem
from desktop_app.core.services.auth import SYSTEM
from sync_contract.keys import KeyStore


def county_for(services, folder: Path) -> County:
    """The county receiver of ``folder`` (keys made if missing), its public keys imported
    by the township when it has other or none, the township registered. Close it."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    keys_dir = folder / "county-keys"
    with services.ctx.db.read() as s:
        from desktop_app.core.models import Township
        code = s.scalar(select(Township.code).limit(1))
    assert code, "set the township up first (create_demo_township)"
    county = County(f"sqlite:///{folder / 'county.sqlite3'}", keys_dir)
    if not (keys_dir / "signing.key").exists():
        county.keygen(code[:6], "测试县民政局")
    own = KeyStore(keys_dir).ensure()
    pub_file = folder / "county-public.json"
    own.public_keys("county", code[:6], "测试县民政局").write(pub_file)
    current = services.sync.keys.county()
    if current is None or current.fingerprint != own.fingerprint:
        services.sync.import_county_keys(pub_file, SYSTEM)
    if code not in {t.code for t in county.townships()}:
        town_file = folder / "township-public.json"
        services.sync.export_public_keys(town_file)
        county.register(code, town_file)
    return county


def county_confirmation_return(services, by, folder: Path, task_ids: Iterable[int], *,
                               outcome: str = "approved", decided_on: str = "2026-12-10",
                               amount_fen: int | None = None, period_from: str | None = None,
                               period_to: str | None = None, document_number: str = "",
                               text: str = "") -> Path:
    """The county's return package confirming ``task_ids`` (township task ids) — see the
    module doc. ``by``: the township user who exports. Raises the county's
    ``PackageError`` when it refuses a confirmation (e.g. the task was not reported)."""
    folder = Path(folder)
    county = county_for(services, folder)
    try:
        usb = folder / "usb"
        usb.mkdir(exist_ok=True)
        services.sync.export(usb, by)                 # None: nothing new since the last
        for path in sorted(services.sync.sent_dir.glob("*.twpkg")):
            county.ingest(path)
        with services.ctx.db.read() as s:
            uuids = [s.scalar(select(RequestedItem.uuid).where(RequestedItem.id == tid))
                     for tid in task_ids]
        for uuid in uuids:
            assert uuid, "no such task"
            county.record_confirmation(uuid, outcome, decided_on, amount_fen=amount_fen,
                                       period_from=period_from, period_to=period_to,
                                       document_number=document_number, text=text)
        out = folder / "returns"
        out.mkdir(exist_ok=True)
        with services.ctx.db.read() as s:
            from desktop_app.core.models import Township
            code = s.scalar(select(Township.code).limit(1))
        made = county.make_return(code, out)
        assert made is not None and made.counts.get("confirmation") == len(uuids)
        return made.path
    finally:
        county.close()


__all__ = ["county_confirmation_return", "county_for"]
