"""Legacy ledgers generated for the import tests: demo-like rows (names, valid ID
numbers, the township's villages, items, dates, amounts) and, where asked, bad rows of
each kind (wrong checksum, impossible date, bad amount, a row repeated)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from desktop_app.core.services.demo import make_id

HEADERS = ["序号", "户主姓名", "身份证号码", "村（社区）", "救助类别", "申请日期", "审批结果",
           "批准日期", "月保障金额（元）", "享受起始月份", "联系电话", "备注"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
GIVEN = "德明华国建文秀英兰芳玉珍桂志红伟军平海春梅丽强霞金成福荣凤云勇杰娟"
ITEMS = ("低保", "城乡低保", "特困供养", "临时救助", "医疗救助", "残疾人两项补贴")
BAD_KINDS = ("checksum", "date", "amount", "duplicate")


@dataclass
class Ledger:
    rows: list[list[object]]
    bad: dict[int, str]           # 1-based sheet row number → kind of fault
    good: int


def _fix_checksum(number: str) -> str:
    from desktop_app.core.rules.identity import check_char

    wrong = [c for c in "0123456789X" if c != check_char(number[:17])]
    return number[:17] + wrong[0]


def make_rows(villages: list[str], n: int, *, bad_share: float = 0.02, seed: int = 16,
              header_at: int = 3, id_prefix: str = "522201") -> Ledger:
    """``n`` data rows under a title row and a blank row (header on sheet row
    ``header_at``); ``bad_share`` of them bad, spread over :data:`BAD_KINDS`."""
    rnd = random.Random(seed)
    bad_every = int(1 / bad_share) if bad_share else 0
    rows: list[list[object]] = []
    bad: dict[int, str] = {}
    seen: list[list[object]] = []
    good = 0
    for i in range(n):
        row_no = header_at + 1 + i
        birth = date(1940, 1, 1) + timedelta(days=rnd.randrange(0, 60 * 365))
        number = make_id(rnd, id_prefix, birth, rnd.random() < 0.5)
        name = rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(rnd.choice((1, 2))))
        day = date(2018, 1, 1) + timedelta(days=rnd.randrange(0, 8 * 365))
        granted = day + timedelta(days=rnd.randrange(5, 40))
        item = rnd.choice(ITEMS)
        row: list[object] = [i + 1, name, number, rnd.choice(villages), item, day,
                             "批准" if rnd.random() < 0.9 else "不予批准", granted,
                             f"{rnd.randrange(100, 900)}.{rnd.randrange(0, 100):02d}",
                             f"{granted.year}年{granted.month}月", f"13{rnd.randrange(10**8, 10**9)}", ""]
        kind = BAD_KINDS[(i // bad_every) % len(BAD_KINDS)] if bad_every and i % bad_every == bad_every - 1 else ""
        if kind == "duplicate" and not seen:
            kind = "checksum"
        if kind == "checksum":
            row[2] = _fix_checksum(number)
        elif kind == "date":
            row[5] = f"{day.year}-02-30"
        elif kind == "amount":
            row[8] = rnd.choice(("12a.5", "-300", "1.234", "五百"))
        elif kind == "duplicate":
            row = list(rnd.choice(seen))
            row[0] = i + 1
        if kind:
            bad[row_no] = kind
        else:
            good += 1
            seen.append(row)
            if len(seen) > 50:
                seen.pop(0)
        rows.append(row)
    return Ledger(rows, bad, good)


def write_xlsx(path: Path, ledger: Ledger, *, title: str = "2018—2025年社会救助台账") -> Path:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("台账")
    datefmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.write(0, 0, title)
    ws.write_row(2, 0, HEADERS)
    for r, row in enumerate(ledger.rows, start=3):
        for c, v in enumerate(row):
            if isinstance(v, date):
                ws.write_datetime(r, c, v, datefmt)
            elif isinstance(v, int):
                ws.write_number(r, c, v)
            else:
                ws.write_string(r, c, str(v))
    wb.close()
    return path


def write_csv(path: Path, ledger: Ledger, *, encoding: str = "gbk") -> Path:
    import csv

    with path.open("w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADERS)
        for row in ledger.rows:
            w.writerow([v.isoformat() if isinstance(v, date) else v for v in row])
    return path
