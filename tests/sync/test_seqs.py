"""Package numbers in messages (issue 11): one number for a range of one, at both ends."""

from __future__ import annotations

import pytest

from sync_contract.seqs import seq_range


@pytest.mark.parametrize("first,last,text", [
    (1, 1, "1"), (2, 2, "2"), (1, 2, "1–2"), (3, 7, "3–7"), (5, 4, "5"),
])
def test_seq_range(first, last, text):
    assert seq_range(first, last) == text
    assert f"缺少第 {seq_range(first, last)} 号返回包" != "缺少第 1–1 号返回包"
