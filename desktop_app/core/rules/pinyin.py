"""Pinyin keys for searching people by name ("zs" → 张三), DESIGN §3.

* :func:`full` — toneless pinyin, no separators (``"张三"`` → ``"zhangsan"``;
  ü is written ``v`` as typed on a keyboard: 吕 → ``lv``);
* :func:`initials` — first letters (``"张三"`` → ``"zs"``; zh/ch/sh give z/c/s);
* :func:`search_keys` — initials variants for polyphonic characters
  (``"单"`` as a surname matches both ``"s"`` and ``"d"``), capped.

Conversion is per character.  The first character of a name uses the surname
reading when it is a well-known polyphonic surname (单 shan, 曾 zeng, 仇 qiu …).
Latin letters and digits pass through lower-cased; spaces, the middle dot of
ethnic names and other punctuation are dropped; CJK characters that pypinyin
does not know (rare Ext-B characters) are skipped.

``pypinyin`` takes ~0.3 s to import, so it is imported on first use — without its
phrase dictionary (``PYPINYIN_NO_PHRASES``) and without copying its tables
(``PYPINYIN_NO_DICT_COPY``): names are converted one character at a time, which never
consults phrases, and nothing here edits the tables. That saves ~45 MB of memory and
~0.25 s of import; the readings are identical (checked over every BMP and Ext-A
ideograph).
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations, product
from typing import Any

from desktop_app.core.rules.chars import is_cjk

#: Default cap on the number of keys returned by :func:`search_keys`.
MAX_KEYS = 8

#: Surname readings of polyphonic characters (used for a name's first character).
SURNAME_READINGS: dict[str, str] = {
    "单": "shan",
    "曾": "zeng",
    "仇": "qiu",
    "查": "zha",
    "解": "xie",
    "区": "ou",
    "朴": "piao",
    "盖": "ge",
    "乐": "yue",
    "尉": "yu",
    "缪": "miao",
    "覃": "qin",
    "翟": "zhai",
    "召": "shao",
    "秘": "bi",
    "隗": "wei",
    "种": "chong",
    "繁": "po",
    "句": "gou",
    "能": "nai",
    "员": "yun",
    "黑": "he",
    "折": "she",
    "燕": "yan",
    "葛": "ge",
    "过": "guo",
    "柏": "bai",
    "藏": "zang",
    "宿": "su",
    "阚": "kan",
    "长": "chang",
    "重": "chong",
    "沈": "shen",
    "石": "shi",
    "薄": "bo",
    "相": "xiang",
    "纪": "ji",
    "华": "hua",
    "任": "ren",
    "谌": "chen",
    "适": "kuo",
    "传": "chuan",
    "都": "du",
    "蕃": "pi",
    "令": "ling",
    "舍": "she",
    "訾": "zi",
    "莘": "shen",
}


def _clean_reading(reading: str) -> str:
    """Keep ASCII letters only ("lü" style variants become "lv")."""
    reading = reading.replace("ü", "v").replace("ê", "e")
    return "".join(ch for ch in reading.lower() if "a" <= ch <= "z")


def _drop_unknown(_char: str) -> Any:
    """pypinyin ``errors`` callback: an empty list drops the character (its stub says str)."""
    return []


@lru_cache(maxsize=8192)
def char_readings(ch: str) -> tuple[str, ...]:
    """Toneless readings of one character, most common first; ``()`` if unknown."""
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")
    from pypinyin import Style, pinyin

    try:
        result = pinyin(ch, style=Style.NORMAL, heteronym=True, errors=_drop_unknown)
    except Exception:  # pragma: no cover - third-party failure must not stop a search
        return ()
    readings: list[str] = []
    for group in result:
        for reading in group:
            clean = _clean_reading(reading)
            if clean and clean != ch and clean not in readings:
                readings.append(clean)
    return tuple(readings)


@dataclass(frozen=True)
class _Unit:
    """One output unit: a CJK character's readings (default first) or passthrough text."""

    options: tuple[str, ...]
    hanzi: bool

    def initial_options(self) -> tuple[str, ...]:
        """Distinct first letters of the readings; passthrough text is kept whole."""
        if not self.hanzi:
            return self.options
        return tuple(dict.fromkeys(reading[0] for reading in self.options))


def _readings_for(ch: str, is_first: bool) -> tuple[str, ...]:
    readings = char_readings(ch)
    if is_first and ch in SURNAME_READINGS:
        preferred = SURNAME_READINGS[ch]
        readings = (preferred, *(r for r in readings if r != preferred))
    return readings


def _units(name: str) -> list[_Unit]:
    """Split a name into units; separators and unknown CJK characters are skipped."""
    units: list[_Unit] = []
    first = True
    for ch in unicodedata.normalize("NFC", name or ""):
        if is_cjk(ch):
            readings = _readings_for(ch, first)
            if readings:
                units.append(_Unit(readings, True))
        elif ch.isalnum():
            folded = "".join(c for c in unicodedata.normalize("NFKC", ch).lower() if c.isalnum())
            if folded:
                units.append(_Unit((folded,), False))
        else:
            continue
        first = False
    return units


def full(name: str) -> str:
    """Toneless full pinyin without separators: ``"张三"`` → ``"zhangsan"``."""
    return "".join(unit.options[0] for unit in _units(name))


def initials(name: str) -> str:
    """First letters: ``"张三"`` → ``"zs"``; other text is kept whole (``"Tom张"`` → ``"tomz"``)."""
    return "".join(unit.initial_options()[0] for unit in _units(name))


def _variants(per_unit: list[tuple[str, ...]]) -> Iterator[str]:
    """Combinations ordered by how many units deviate from their default (earliest unit first)."""
    flexible = [i for i, opts in enumerate(per_unit) if len(opts) > 1]
    base = [opts[0] for opts in per_unit]
    for k in range(len(flexible) + 1):
        for positions in combinations(flexible, k):
            for picks in product(*(per_unit[i][1:] for i in positions)):
                keys = list(base)
                for pos, pick in zip(positions, picks, strict=True):
                    keys[pos] = pick
                yield "".join(keys)


def search_keys(name: str, limit: int = MAX_KEYS) -> list[str]:
    """Initials variants for polyphonic characters, the default :func:`initials` first.

    At most ``limit`` keys (default 8); variants that change fewer characters — and
    earlier characters (the surname) — come first.  ``"单田芳"`` → ``["stf", "dtf", "ctf"]``.
    """
    units = _units(name)
    if limit < 1 or not units:
        return []
    per_unit = [unit.initial_options() for unit in units]
    keys: list[str] = []
    for key in _variants(per_unit):
        if key not in keys:
            keys.append(key)
            if len(keys) >= limit:
                break
    return keys
