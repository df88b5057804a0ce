"""``desktop-app county-demo`` — a demo township for the county workstation's ``--demo``
(issue 17): into an EMPTY data folder, a synthetic township with the given code and name
(the demo township's villages renumbered under it, its demo accounts), ``--applications``
decided demo applications, optionally one planted open application of a given person
(``--plant-id``: the cross-township duplicate the county finds), the county's key file
imported, this township's public key file written, and its first export package written
into ``--out``. Prints the package's path. Everything is invented (services/demo.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import OWN, CliError, Verb, open_services


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--code", required=True, help="12-digit township code under the county")
    p.add_argument("--name", required=True, help="township name")
    p.add_argument("--county-keys", type=Path, required=True, metavar="FILE",
                   help="the county's public key file (county-keys/county.json)")
    p.add_argument("--public-key", type=Path, required=True, metavar="FILE",
                   help="write this township's public key file here (the county registers it)")
    p.add_argument("--out", type=Path, required=True, metavar="DIR",
                   help="write the export package into this folder")
    p.add_argument("--applications", type=int, default=40, metavar="N")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--days", type=int, default=120, help="spread over this many past days")
    p.add_argument("--plant-id", metavar="ID", help="also an open 低保 application of this "
                   "(invented) ID number, accepted today and not yet referred")
    p.add_argument("--plant-name", default="", help="the planted applicant's (invented) name")


def cmd_county_demo(args: argparse.Namespace) -> int:
    import dataclasses
    import random
    from datetime import datetime

    from ..core.services.auth import SYSTEM
    from ..core.services.demo import DEMO_TOWNSHIP, _Maker, create_demo_township, fill_demo
    from ..core.services.drafts import ItemInput
    from ..core.vocab import Decision, MaterialStatus

    code = str(args.code)
    if len(code) != 12 or not code.isdigit():
        raise CliError("--code 应为 12 位数字")
    with open_services(args) as services:
        if services.setup.is_initialized():
            raise CliError(f"{services.ctx.db.data_dir} 已有数据；county-demo 只用于空文件夹")
        villages = [(code[:9] + v[9:], n) for v, n in DEMO_TOWNSHIP.villages]
        services.setup.initialize(dataclasses.replace(
            DEMO_TOWNSHIP, township_code=code, township_name=args.name, villages=villages))
        admin = create_demo_township(services)
        fill_demo(services, max(0, args.applications), seed=args.seed, days=args.days)
        if args.plant_id:
            maker = _Maker(services, random.Random(args.seed + 17))
            now = datetime.now().replace(microsecond=0)
            draft, _decision, _reasons = maker.draft(now)
            draft.applicant.id_number = args.plant_id
            if args.plant_name:
                draft.applicant.name = args.plant_name
            draft.items = [ItemInput("DIBAO", {m.code: MaterialStatus.RECEIVED for m in
                                               maker.catalog.item("DIBAO").materials})]
            services.intake.record_batch([(draft, Decision.ACCEPT, [], now)], admin)
        services.sync.import_county_keys(args.county_keys, SYSTEM)
        services.sync.export_public_keys(args.public_key)
        args.out.mkdir(parents=True, exist_ok=True)
        result = services.sync.export(args.out, SYSTEM)
        if result is None:
            raise CliError("没有可导出的数据")
        print(result.path)
    return 0


COUNTY_DEMO = Verb("county-demo", "a demo township for the county workstation's --demo (an "
                   "empty folder: township, applications, keys exchanged, first package)",
                   cmd_county_demo, _arguments, OWN)
