"""救助标准 with effective dates (DOMAIN §4: all amounts are settings with effective dates).

A standards list is a list of complete entries, each in force from its
``effective_from`` day until the next entry's. Raising the 低保标准 next year adds an
entry; applications assessed on an earlier day keep the standards of their day.

Entry fields (JSON, as stored in the ``standards`` setting and in
``resources/standards.json``)::

    {"effective_from": "2025-01-01",
     "urban_dibao_fen": 80000, "rural_dibao_fen": 60000,    # 低保标准, fen per month
     "edge_percent": 150,                  # 低保边缘: below 150 % of the standard
     "tekun_percent": 130,                 # 特困 basic support ≥ 130 % of the standard
     "rigid_share_percent": 80,            # 刚性支出 above 80 % of household income
     "urban_disposable_income_fen": 4200000,  # last year's per-capita disposable
     "rural_disposable_income_fen": 1800000,  #   income, fen per YEAR
     "employment_deduction_percent": 30}   # 就业成本扣减 per working member, % of standard

Part of the sync contract: the county sends new entries in return packages
(``standards`` records) and the township refuses entries :func:`parse_entries` rejects,
so both ends check them here. Pure; the township's bundled defaults are read by
``desktop_app.core.rules.standards.load_default_entries``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, cast

from .errors import ValidationError
from .messages import Message

FORMAT = 1
SETTING_KEY = "standards"
#: How the effective day is written (told in a message; not a word to translate).
DAY_PATTERN = "YYYY-MM-DD"
#: Between the names of missing fields (a Chinese enumeration comma).
LIST_SEPARATOR = "\u3001"

#: field -> (label, lowest, highest); amounts in fen, ratios in percent.
FIELDS: dict[str, tuple[str, int, int]] = {
    "urban_dibao_fen": ("城市低保标准", 1, 10_000_00),
    "rural_dibao_fen": ("农村低保标准", 1, 10_000_00),
    "edge_percent": ("低保边缘倍数（%）", 100, 300),
    "tekun_percent": ("特困供养倍数（%）", 100, 300),
    "rigid_share_percent": ("刚性支出占收入比例（%）", 1, 1000),
    "urban_disposable_income_fen": ("上年城镇居民人均可支配收入", 1, 1_000_000_00),
    "rural_disposable_income_fen": ("上年农村居民人均可支配收入", 1, 1_000_000_00),
    "employment_deduction_percent": ("就业成本扣减（占低保标准 %）", 0, 100),
}


@dataclass(frozen=True)
class Standards:
    """The standards in force from ``effective_from``."""

    effective_from: date
    urban_dibao_fen: int
    rural_dibao_fen: int
    edge_percent: int = 150
    tekun_percent: int = 130
    rigid_share_percent: int = 80
    urban_disposable_income_fen: int = 0
    rural_disposable_income_fen: int = 0
    employment_deduction_percent: int = 30

    def dibao_fen(self, hukou_type: str) -> int:
        """Monthly 低保标准 for a household of ``hukou_type`` (城镇 → urban, else rural)."""
        return self.urban_dibao_fen if hukou_type == "城镇" else self.rural_dibao_fen

    def disposable_income_fen(self, hukou_type: str) -> int:
        """Last year's per-capita disposable income (fen per year) for ``hukou_type``."""
        return (self.urban_disposable_income_fen if hukou_type == "城镇"
                else self.rural_disposable_income_fen)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["effective_from"] = self.effective_from.isoformat()
        return out


#: Message keys of the fields' names (their templates repeat the labels of FIELDS).
FIELD_MESSAGE_KEYS: dict[str, str] = {
    "effective_from": "standards.field.effective_from",
    "urban_dibao_fen": "standards.field.urban_dibao_fen",
    "rural_dibao_fen": "standards.field.rural_dibao_fen",
    "edge_percent": "standards.field.edge_percent",
    "tekun_percent": "standards.field.tekun_percent",
    "rigid_share_percent": "standards.field.rigid_share_percent",
    "urban_disposable_income_fen": "standards.field.urban_disposable_income_fen",
    "rural_disposable_income_fen": "standards.field.rural_disposable_income_fen",
    "employment_deduction_percent": "standards.field.employment_deduction_percent",
}


def _fail(code: str, entry: int | None, *, key: str,
          params: dict[str, object] | None = None) -> ValidationError:
    """A problem of entry number ``entry`` (``第 n 条：…``), or of the one entry checked."""
    if entry is None:
        return ValidationError(SETTING_KEY, code, key=key, params=params)
    return ValidationError(SETTING_KEY, code, key="standards.entry",
                           params={"entry": entry, "problem": Message(key, params or {})})


def _field_int(entry: int | None, key: str, value: Any) -> int:
    _label, lo, hi = FIELDS[key]
    label = Message(FIELD_MESSAGE_KEYS[key])
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail("invalid", entry, key="standards.integer", params={"label": label})
    if not lo <= value <= hi:
        raise _fail("range", entry, key="standards.range",
                    params={"label": label, "lo": lo, "hi": hi})
    return value


def parse_entry(rec: Any, entry: int | None = None) -> Standards:
    """One entry from its JSON form (``entry``: its number in a list, told in the
    messages); raises :class:`ValidationError` (field ``standards``)."""
    if not isinstance(rec, dict):
        raise _fail("invalid", entry, key="standards.not_record")
    missing = [str(Message(FIELD_MESSAGE_KEYS[k])) for k in ("effective_from", *FIELDS)
               if k not in rec]
    if missing:
        raise _fail("incomplete", entry, key="standards.missing",
                    params={"missing": LIST_SEPARATOR.join(missing)})
    raw = rec["effective_from"]
    try:
        day = date.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        day = None
    if day is None or day.isoformat() != raw or not 2000 <= day.year <= 2100:
        raise _fail("invalid", entry, key="standards.effective_from",
                    params={"pattern": DAY_PATTERN})
    return Standards(effective_from=day, **{k: _field_int(entry, k, rec[k]) for k in FIELDS})


def parse_entries(value: Any) -> list[Standards]:
    """A whole standards list, sorted by date; dates must be unique; at least one entry."""
    if not isinstance(value, list) or not value:
        raise ValidationError(SETTING_KEY, "invalid", key="standards.empty")
    entries = [parse_entry(rec, i) for i, rec in enumerate(value, 1)]
    entries.sort(key=lambda e: e.effective_from)
    for a, b in zip(entries, entries[1:]):
        if a.effective_from == b.effective_from:
            raise ValidationError(SETTING_KEY, "duplicate", key="standards.duplicate",
                                  params={"day": a.effective_from.isoformat()})
    return entries


def validate_setting(key: str, value: Any) -> list[dict[str, Any]]:
    """Settings validator: the normalised (sorted) JSON list to store."""
    return [e.to_json() for e in parse_entries(value)]


def standards_on(entries: list[Standards] | list[dict[str, Any]], day: date) -> Standards:
    """The entry in force on ``day``: the latest with ``effective_from <= day``.

    Raises :class:`ValidationError` (field ``standards``) when none is in force yet.
    """
    parsed: list[Standards]
    if entries and isinstance(entries[0], dict):
        parsed = parse_entries(entries)
    else:
        parsed = sorted(cast("list[Standards]", entries), key=lambda e: e.effective_from)
    current: Standards | None = None
    for entry in parsed:
        if entry.effective_from <= day:
            current = entry
        else:
            break
    if current is None:
        raise ValidationError(SETTING_KEY, "none_in_force", key="standards.none_in_force",
                              params={"year": day.year, "month": day.month, "day": day.day})
    return current
