"""Document numbers (办件编号 and the documents' own numbers: 回执, 转办单号 …): pure formatting and parsing.

Format: ``<county6 + township3>-<YYYYMMDD>-<seq>``, e.g. ``330102101-20261124-0001``:
the first 9 digits of the township's 12-digit 统计用区划代码, the day, and the
day's sequence number, zero-padded to 4 digits and simply wider above 9999
(``…-10000``).  Allocating the sequence (continuous, never reused) is the job of
the numbering service, not of this module.

Two kinds of number come from the day's series (issue 14):

* the **办件编号** (``Application.number``): the number of the application's first
  decision, stable for its whole life and printed on every document about it;
* each window decision's own number (受理回执 / 一次性告知书 / 不予受理通知书): the
  next of the day's continuous series, so the receipt book has no gap.  For an
  application accepted at once both are the same; after a one-time notice and 补正
  the receipt has its own number (``…-0003``) and prints the 办件编号 (``…-0002``).

The documents that follow an application carry its 办件编号 and a suffix:
``<办件编号>-Z1`` (转办单), ``-G1`` (办理结果告知书), ``-J1`` (先行救助记录), counted per
application and kind (:func:`application_number_of` gives the 办件编号 back).  The
day's 转办清单 is ``<code9>-<YYYYMMDD>-QD01``.  This module is the one place these
formats are written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from desktop_app.core.errors import ValidationError
from desktop_app.core.rules.division import township_kind, validate_township_code

FIELD = "number"
SEQ_WIDTH = 4
MAX_SEQ_DIGITS = 9

#: Suffix letters of the documents numbered after an application's receipt number.
REFERRAL = "Z"  # 转办单 (one per receiving department, again when re-referred)
RESULT_NOTICE = "G"  # 办理结果告知书
EMERGENCY = "J"  # 临时救助先行救助记录
# issue 13 — the forms of the 审核确认 procedure
VISIT_FORM = "D"  # 入户调查表
DECISION_FORM = "S"  # 审核确认表 / 初审意见表
EXTENSION_NOTICE = "Y"  # 延期告知书
MATERIALS = "B"  # 补齐材料清单 (issue 13: materials of an urgent case completed later)
# issue 15 — reviews: 复核核查表 and the 变更/渐退/停止 notice of a re-check
RECHECK_FORM = "F"
REVIEW_NOTICE = "T"
# issue 15 — care: 委托照料协议 and 生活自理能力评估表
CARE_AGREEMENT = "W"
SELF_CARE_FORM = "P"
SUFFIX_LETTERS = (REFERRAL, RESULT_NOTICE, EMERGENCY, VISIT_FORM, DECISION_FORM,
                  EXTENSION_NOTICE, MATERIALS, RECHECK_FORM, REVIEW_NOTICE, CARE_AGREEMENT,
                  SELF_CARE_FORM)
#: The day's 转办清单 (handover list): ``<code9>-<YYYYMMDD>-QD<nn>``.
HANDOVER_LIST = "QD"
HANDOVER_WIDTH = 2

_RE_NUMBER = re.compile(r"([0-9]{9})-([0-9]{8})-([0-9]{4,9})")


class DocumentNumber(NamedTuple):
    """Parts of a document number (unpacks as ``code9, day, seq``)."""

    code9: str
    day: date
    seq: int

    def __str__(self) -> str:
        return _compose(self.code9, self.day, self.seq)


def _day_prefix(code9: str, day: date) -> str:
    return f"{code9}-{day.year:04d}{day.month:02d}{day.day:02d}"


def _compose(code9: str, day: date, seq: int) -> str:
    return f"{_day_prefix(code9, day)}-{seq:0{SEQ_WIDTH}d}"


def format_number(township_code12: str, day: date, seq: int) -> str:
    """``format_number("330102101000", date(2026, 11, 24), 1)`` → ``"330102101-20261124-0001"``.

    :raises ValidationError: if the township code is invalid.
    :raises ValueError: if ``seq`` is not a positive integer of at most 9 digits.
    """
    township = validate_township_code(township_code12)
    if isinstance(seq, bool) or not isinstance(seq, int) or not 1 <= seq < 10**MAX_SEQ_DIGITS:
        raise ValueError(f"sequence must be 1..{10**MAX_SEQ_DIGITS - 1}, got {seq!r}")
    return _compose(township.code9, day, seq)


def _invalid(key: str) -> ValidationError:
    return ValidationError(FIELD, "format", key=key)


def parse_number(text: object) -> DocumentNumber:
    """Parse a number typed or scanned back; the inverse of :func:`format_number`.

    Full-width characters and surrounding spaces are tolerated.  Sequences wider
    than 4 digits must not start with 0 (so every number has one spelling).
    """
    body = "".join(unicodedata.normalize("NFKC", "" if text is None else str(text)).split())
    body = body.replace("—", "-").replace("－", "-")
    match = _RE_NUMBER.fullmatch(body)
    if not match:
        raise _invalid(key="number.format")
    code9, ymd, seq_text = match.groups()
    if code9[0] not in "123456" or township_kind(int(code9[6:9])) is None:
        raise _invalid(key="number.township")
    try:
        day = date(int(ymd[:4]), int(ymd[4:6]), int(ymd[6:]))
    except ValueError:
        raise _invalid(key="number.date") from None
    seq = int(seq_text)
    if seq == 0 or (len(seq_text) > SEQ_WIDTH and seq_text[0] == "0"):
        raise _invalid(key="number.sequence")
    return DocumentNumber(code9, day, seq)


def filing_month(number: str, default: str) -> str:
    """``"202611"`` for any number of the day 2026-11-24 (``…-0001``, ``…-0001-Z1``,
    ``…-QD01``): the month folder its PDF is filed under; ``default`` for other text."""
    if number.count("-") not in (2, 3):
        return default
    parts = number.split("-")
    return parts[1][:6]


# ----------------------------------------------------------------- derived numbers


def _positive(n: int, what: str) -> int:
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"{what} must be a positive integer, got {n!r}")
    return n


def suffixed_number(receipt_number: str, letter: str, n: int) -> str:
    """``suffixed_number("330102101-20261124-0001", REFERRAL, 2)`` → ``"…-0001-Z2"``.

    :raises ValueError: for an unknown letter or ``n < 1``.
    """
    if letter not in SUFFIX_LETTERS:
        raise ValueError(f"unknown document suffix {letter!r}")
    return f"{receipt_number}-{letter}{_positive(n, 'suffix number')}"


def next_suffixed_number(receipt_number: str, letter: str, used: Iterable[str]) -> str:
    """The next free ``<receipt>-<letter><n>`` after the numbers in ``used`` (other
    numbers in ``used`` are ignored): one more than the highest, from 1."""
    prefix = f"{receipt_number}-{letter}"
    taken = [int(u[len(prefix):]) for u in used
             if u.startswith(prefix) and u[len(prefix):].isdigit()]
    return suffixed_number(receipt_number, letter, max(taken, default=0) + 1)


def application_number_of(number: str) -> str | None:
    """The 办件编号 a document number belongs to: ``"…-0001-Z2"`` → ``"…-0001"``,
    ``"…-0001"`` → itself; ``None`` for a list's number (``…-QD01``) or other text."""
    head, sep, tail = number.rpartition("-")
    if sep and tail[:1] in SUFFIX_LETTERS and tail[1:].isdigit() and _RE_NUMBER.fullmatch(head):
        return head
    return number if _RE_NUMBER.fullmatch(number) else None


def handover_list_number(township_code12: str, day: date, n: int) -> str:
    """The ``n``-th 转办清单 of ``day``: ``"330102101-20261124-QD01"`` (wider above 99).

    :raises ValidationError: if the township code is invalid.
    :raises ValueError: if ``n < 1``.
    """
    township = validate_township_code(township_code12)
    return f"{_day_prefix(township.code9, day)}-{HANDOVER_LIST}{_positive(n, 'list number'):0{HANDOVER_WIDTH}d}"


#: issue 13 — the list documents of the 审核确认 procedure: ``<code9>-<YYYYMMDD>-GS<nn>``
#: (公示名单) and ``<code9>-<YYYYMMDD>-SB<nn>`` (上报清单), like the 转办清单 (``QD``).
LIST_LETTERS = ("GS", "SB", "JT", "TJ", "DJ")
#: issue 15 — reviews: the monthly 渐退到期名单 ``<code9>-<YYYYMMDD>-JT<nn>``.
TAPER_LIST = "JT"
#: issue 16 — the printed 统计报表 ``<code9>-<YYYYMMDD>-TJ<nn>``.
STATS_REPORT = "TJ"
#: issue 17 — the printed 发文登记簿 ``<code9>-<YYYYMMDD>-DJ<nn>``.
ISSUANCE_REGISTER = "DJ"


def list_number(township_code12: str, letters: str, day: date, n: int) -> str:
    """The ``n``-th list of its kind on ``day``: ``list_number("330102101000", "GS",
    date(2026, 12, 4), 1)`` → ``"330102101-20261204-GS01"``.

    :raises ValidationError: if the township code is invalid.
    :raises ValueError: for unknown letters or ``n < 1``.
    """
    if letters not in LIST_LETTERS:
        raise ValueError(f"unknown list letters {letters!r}")
    township = validate_township_code(township_code12)
    return f"{_day_prefix(township.code9, day)}-{letters}{_positive(n, 'list number'):0{HANDOVER_WIDTH}d}"


# -- issue 13: the 临时救助备用金 ledger --------------------------------------------------
#: Prefixes of the reserve fund's numbers (pinyin initials): 拨入, 支付, 退回, 报账 and the
#: printed 备用金月度收支明细 — ``<code9>-<YYYYMMDD>-<prefix><nn>`` like the 转办清单.
RESERVE_PREFIXES = {"receipt": "BR", "payment": "ZF", "refund": "TH", "batch": "BZ",
                    "statement": "YB"}


def reserve_number(township_code12: str, day: date, kind: str, used: Iterable[str]) -> str:
    """The next free number of ``kind`` (a key of :data:`RESERVE_PREFIXES`) on ``day``
    after the numbers in ``used``: ``"330102101-20261124-ZF01"`` (wider above 99).

    :raises ValidationError: if the township code is invalid.
    :raises KeyError: for an unknown kind.
    """
    township = validate_township_code(township_code12)
    prefix = f"{_day_prefix(township.code9, day)}-{RESERVE_PREFIXES[kind]}"
    taken = [int(u[len(prefix):]) for u in used
             if u.startswith(prefix) and u[len(prefix):].isdigit()]
    return f"{prefix}{max(taken, default=0) + 1:0{HANDOVER_WIDTH}d}"
