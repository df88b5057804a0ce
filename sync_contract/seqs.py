"""Package numbers in messages, the same at both ends: ``第 3 号`` for one package,
``第 3–5 号`` for several (never ``第 3–3 号``)."""

from __future__ import annotations


def seq_range(first: int, last: int) -> str:
    """``"3"`` when ``last <= first``, else ``"3–5"`` (an en dash)."""
    return str(first) if last <= first else f"{first}–{last}"


__all__ = ["seq_range"]
