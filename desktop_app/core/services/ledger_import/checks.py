"""Checking one ledger row with the intake's own rules (rules/identity, rules/values):
the ID number and its checksum, the name as stored, dates, amounts, the phone; the item
and the village matched to the catalogue and the township's villages; the result."""

from __future__ import annotations

import calendar
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TypeVar

from sync_contract.catalog import Catalog

from ...errors import ValidationError
from ...messages import Message
from ...rules import identity, values
from ...rules.dynamic import RECHECKED_ITEMS
from .reader import normal_header
from .types import TARGET_LABELS, TARGETS

#: No ledger of this program's users predates this (dates before it are typing errors).
EARLIEST = date(1990, 1, 1)

#: Ledger words for catalogue items (the catalogue's own names and codes match too).
ITEM_ALIASES = {
    "低保": "DIBAO", "城乡低保": "DIBAO", "农村低保": "DIBAO", "城市低保": "DIBAO",
    "城市居民最低生活保障": "DIBAO", "农村居民最低生活保障": "DIBAO", "最低生活保障": "DIBAO",
    "特困": "TEKUN", "特困供养": "TEKUN", "特困人员": "TEKUN", "五保": "TEKUN",
    "特困人员供养": "TEKUN", "农村五保": "TEKUN",
    "低保边缘": "DIBAO_EDGE", "低保边缘家庭": "DIBAO_EDGE",
    "刚性支出": "RIGID", "支出型困难家庭": "RIGID",
    "临时救助": "LINSHI_EXPENSE", "支出型临时救助": "LINSHI_EXPENSE",
    "急难型临时救助": "LINSHI_URGENT", "急难救助": "LINSHI_URGENT", "急难型": "LINSHI_URGENT",
    "医疗救助": "MEDICAL", "教育救助": "EDUCATION", "住房救助": "HOUSING",
    "就业救助": "EMPLOYMENT", "受灾人员救助": "DISASTER", "受灾救助": "DISASTER",
    "残疾人两项补贴": "DISABILITY", "两项补贴": "DISABILITY",
    "孤儿": "ORPHAN", "事实无人抚养儿童": "ORPHAN",
    "法律援助": "LEGAL_AID", "殡葬救助": "FUNERAL", "流浪乞讨人员救助": "VAGRANT",
}

#: Result words: a refusal is looked for first ("不予批准" contains "批准").
REFUSED_WORDS = ("不予", "不批准", "不同意", "未通过", "不通过", "驳回", "不符合", "否决", "拒绝")
GRANTED_WORDS = ("批准", "同意", "通过", "享受", "纳入", "认定", "发放", "已救助", "救助", "符合",
                 "是", "办结")

DONE, REFUSED = "done", "refused"
VILLAGE_SUFFIXES = ("村民委员会", "居民委员会", "社区居委会", "村委会", "居委会", "社区", "村")

_T = TypeVar("_T")
_MONTH = re.compile(r"([0-9]{4})[-/.年]([0-9]{1,2})月?")


@dataclass(frozen=True)
class CleanRow:
    """A row that passed every check, as it will be written."""

    name: str
    name_typed: str | None
    id_type: str
    id_number: str
    sex: str
    birth_date: date | None
    phone: str
    address: str
    item_code: str
    intake_date: date
    village_id: int
    result: str
    result_text: str
    result_date: date | None
    amount_fen: int | None
    period_from: date | None
    period_to: date | None
    ledger_number: str
    review_class: str = ""
    next_review_on: date | None = None

    def duplicate_key(self) -> tuple[str, str, date]:
        """The same application: the applicant's ID, the item and the intake day."""
        return self.id_number, self.item_code, self.intake_date

    @cached_property
    def fingerprint(self) -> str:
        """The row's identity for "imported before": its checked values (a row typed
        ``2023/5/1`` or ``2023-05-01`` is the same row)."""
        body = json.dumps([self.id_number, self.name, self.item_code, self.intake_date.isoformat(),
                           self.village_id, self.result, self.result_date and self.result_date.isoformat(),
                           self.amount_fen, self.period_from and self.period_from.isoformat(),
                           self.period_to and self.period_to.isoformat(), self.ledger_number]
                          # the schedule only when the ledger gives it: a file without those
                          # columns keeps the identity it had before they existed
                          + ([self.review_class, self.next_review_on.isoformat()
                              if self.next_review_on else None]
                             if self.review_class or self.next_review_on else []),
                          ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(body.encode("utf-8")).hexdigest()


def problem_text(target: str, exc: ValidationError) -> str:
    """``身份证号码：校验码不正确…`` — the field named, never its value."""
    return str(Message("handling.labelled", {"label": TARGET_LABELS.get(target, target),
                                             "problem": exc.message}))


def _key(text: str) -> str:
    return normal_header(text).upper()


class ItemMatcher:
    """Ledger text → catalogue item code (code, name, the name before its bracket, an
    alias from :data:`ITEM_ALIASES`)."""

    def __init__(self, catalog: Catalog) -> None:
        known: dict[str, str] = {}
        for item in catalog.items:
            known[_key(item.code)] = item.code
            known[_key(item.name)] = item.code
            short = re.split(r"[（(]", item.name, maxsplit=1)[0]
            known.setdefault(_key(short), item.code)
        codes = {i.code for i in catalog.items}
        for word, code in ITEM_ALIASES.items():
            if code in codes:
                known.setdefault(_key(word), code)
        self.known = known

    def __call__(self, text: str) -> str | None:
        return self.known.get(_key(text))


class VillageMatcher:
    """Ledger text → village id, by code or name (with or without 村/社区/村委会)."""

    def __init__(self, villages: Mapping[int, tuple[str, str]]) -> None:
        known: dict[str, int] = {}
        for vid, (code, name) in villages.items():
            known[_key(code)] = vid
            for variant in self.variants(name):
                known.setdefault(variant, vid)
        self.known = known

    @staticmethod
    def variants(text: str) -> list[str]:
        k = _key(text)
        out = [k]
        for suffix in VILLAGE_SUFFIXES:
            if k.endswith(suffix) and len(k) > len(suffix):
                out.append(k[: -len(suffix)])
        return out

    def __call__(self, text: str) -> int | None:
        for variant in self.variants(text):
            if variant in self.known:
                return self.known[variant]
        return None


def result_of(text: str) -> str | None:
    """The outcome a result text says: done (granted), refused, or None (not understood)."""
    body = normal_header(text)
    if any(w in body for w in REFUSED_WORDS) or body in ("否", "无"):
        return REFUSED
    if any(w in body for w in GRANTED_WORDS):
        return DONE
    return None


def _month_or_date(text: str, target: str, *, end: bool) -> date:
    """A date, or a month (``2023-05``, ``2023年5月``: its first day — or last, ``end``)."""
    body = "".join(unicodedata.normalize("NFKC", text).split())
    m = _MONTH.fullmatch(body)
    if m and 1 <= int(m[2]) <= 12:
        y, mo = int(m[1]), int(m[2])
        return date(y, mo, calendar.monthrange(y, mo)[1] if end else 1)
    return values.validate_date(text, target, not_before=EARLIEST)


@dataclass
class RowChecker:
    """Checks rows against the rules in force ``today``."""

    today: date
    items: ItemMatcher
    villages: VillageMatcher

    def check(self, row: Mapping[str, str]) -> tuple[CleanRow | None, list[str]]:  # noqa: C901 - one check per field
        problems: list[str] = []

        def attempt(target: str, fn: Callable[[], _T]) -> _T | None:
            try:
                return fn()
            except ValidationError as exc:
                problems.append(problem_text(target, exc))
                return None

        def required(target: str) -> str | None:
            text = row.get(target, "").strip()
            if not text:
                problems.append(str(Message("import.required", {"field": TARGET_LABELS[target]})))
                return None
            return text

        name_raw = required("name")
        name = attempt("name", lambda: values.validate_name(name_raw, "name")) if name_raw else None

        id_raw = required("id_number")
        info: identity.IdInfo | None = None
        id_type = identity.IdType.RESIDENT_ID
        if id_raw:
            id_type = identity.guess_id_type(id_raw) or identity.IdType.RESIDENT_ID
            info = attempt("id_number", lambda: identity.validate_id(id_type, id_raw, self.today))

        item_raw = required("item")
        item_code = self.items(item_raw) if item_raw else None
        if item_raw and item_code is None:
            problems.append(str(Message("import.item_unknown", {"field": TARGET_LABELS["item"]})))

        intake_raw = required("intake_date")
        intake = attempt("intake_date", lambda: values.validate_date(
            intake_raw, "intake_date", self.today, not_before=EARLIEST)) if intake_raw else None

        village_raw = required("village")
        village_id = self.villages(village_raw) if village_raw else None
        if village_raw and village_id is None:
            problems.append(str(Message("import.village_unknown", {"field": TARGET_LABELS["village"]})))

        phone = attempt("phone", lambda: values.validate_phone(row.get("phone", ""), "phone")) or ""
        address = attempt("address", lambda: values.validate_text(
            row.get("address", ""), "address", 200)) or ""
        ledger_number = attempt("ledger_number", lambda: values.validate_text(
            row.get("ledger_number", ""), "ledger_number", 60)) or ""

        amount_raw = row.get("amount", "").strip()
        amount = attempt("amount", lambda: values.parse_amount(amount_raw, "amount")) \
            if amount_raw else None

        result_raw = row.get("result", "").strip()
        result: str | None = DONE
        if result_raw:
            result = result_of(result_raw)
            if result is None:
                problems.append(str(Message("import.result_unknown", {"field": TARGET_LABELS["result"]})))
        result_text = attempt("result", lambda: values.plain_text(result_raw, "result")) or ""

        result_date = None
        result_date_raw = row.get("result_date", "").strip()
        if result_date_raw:
            result_date = attempt("result_date", lambda: values.validate_date(
                result_date_raw, "result_date", self.today, not_before=EARLIEST))
            if result_date and intake and result_date < intake:
                problems.append(str(Message("import.result_before_intake",
                                            {"field": TARGET_LABELS["result_date"]})))
        period_from = period_to = None
        if row.get("period_from", "").strip():
            period_from = attempt("period_from", lambda: _month_or_date(
                row["period_from"], "period_from", end=False))
        if row.get("period_to", "").strip():
            period_to = attempt("period_to", lambda: _month_or_date(
                row["period_to"], "period_to", end=True))
        if period_from and period_to and period_to < period_from:
            problems.append(str(Message("import.period_order", {"field": TARGET_LABELS["period_to"]})))

        review_class, next_review_on = self._schedule(row, item_code, result, problems)

        if problems or not (name and info and item_code and intake and village_id and result):
            return None, problems
        return CleanRow(
            name=name, name_typed=values.typed_name(name_raw, name), id_type=id_type.value,
            id_number=info.normalized, sex=info.sex or "", birth_date=info.birth_date,
            phone=phone, address=address, item_code=item_code, intake_date=intake,
            village_id=village_id, result=result, result_text=result_text or "原台账导入",
            result_date=result_date, amount_fen=amount, period_from=period_from,
            period_to=period_to, ledger_number=ledger_number,
            review_class=review_class, next_review_on=next_review_on,
        ), []

    @staticmethod
    def _schedule(row: Mapping[str, str], item_code: str | None, result: str | None,
                  problems: list[str]) -> tuple[str, date | None]:
        """低保分类 and 下次复核日期 of a granted benefit that is re-checked (低保, 特困, 低保边缘,
        刚性支出 — ``rules.dynamic.RECHECKED_ITEMS``): taken as the ledger says, never guessed."""
        class_raw = "".join(unicodedata.normalize("NFKC", row.get("review_class", "")).split())
        next_raw = row.get("next_review_on", "").strip()
        if not class_raw and not next_raw:
            return "", None
        label = TARGET_LABELS["review_class" if class_raw else "next_review_on"]
        if item_code is not None and (item_code not in RECHECKED_ITEMS or result != DONE):
            problems.append(str(Message("import.review_item", {"field": label})))
            return "", None
        review_class = ""
        if class_raw:
            review_class = class_raw.upper().removesuffix("类")
            if review_class not in ("A", "B", "C"):
                problems.append(str(Message("import.review_class", {"field": label})))
                review_class = ""
            elif item_code is not None and item_code != "DIBAO":
                problems.append(str(Message("import.review_class_item", {"field": label})))
                review_class = ""
        next_review_on = None
        if next_raw:
            try:
                next_review_on = _month_or_date(next_raw, "next_review_on", end=False)
            except ValidationError as exc:
                problems.append(problem_text("next_review_on", exc))
        return review_class, next_review_on


def suggest_from_headers(headers: list[str]) -> dict[int, str]:
    """Column index → target code from the header words: the longest hint contained in
    a header wins (an exact header first); each column and each target used once."""
    candidates: list[tuple[int, int, str]] = []
    for i, header in enumerate(headers):
        h = normal_header(header)
        if not h:
            continue
        for t in TARGETS:
            for hint in t.hints:
                nh = normal_header(hint)
                if nh and nh in h:
                    candidates.append((len(nh) * 10 + (5 if nh == h else 0), -i, t.code))
    candidates.sort(reverse=True)
    out: dict[int, str] = {}
    used: set[str] = set()
    for _score, neg_i, code in candidates:
        col = -neg_i
        if col in out or code in used:
            continue
        out[col] = code
        used.add(code)
    return dict(sorted(out.items()))
