"""One text rule at both ends (DESIGN §9, issue 14 item 10), the rule itself
(``sync_contract.text``): names canonical — the dot look-alikes, spaces, zero-width
characters, full-width forms, NFC, every CJK code point kept — ID numbers without spaces
or hyphens, with ASCII digits; the typed original kept when it differs. What reaches the
database and what search finds: test_canonical_storage.py."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.errors import ValidationError
from desktop_app.core.rules import identity
from desktop_app.core.rules.values import typed_name, validate_name
from sync_contract import text as text_rule
from sync_contract.text import canonical_id_number, canonical_name, canonical_query

# -- the rule (sync_contract.text) -----------------------------------------------------


@pytest.mark.parametrize(("typed", "canonical"), [
    ("阿依古丽·买买提", "阿依古丽·买买提"),
    ("阿依古丽•买买提", "阿依古丽·买买提"),      # U+2022 bullet
    ("热依拉．吐尔逊", "热依拉·吐尔逊"),          # U+FF0E full-width full stop
    ("阿依古丽・买买提", "阿依古丽·买买提"),      # U+30FB katakana middle dot
    ("阿依古丽‧买买提", "阿依古丽·买买提"),      # U+2027 hyphenation point
    ("阿依古丽･买买提", "阿依古丽·买买提"),      # U+FF65 half-width katakana middle dot
    ("阿依古丽∙买买提", "阿依古丽·买买提"),      # U+2219 bullet operator
    ("阿依古丽⋅买买提", "阿依古丽·买买提"),      # U+22C5 dot operator
    ("阿依古丽\u0387买买提", "阿依古丽·买买提"),  # U+0387 Greek ano teleia
    ("阿依古丽\ua78f买买提", "阿依古丽·买买提"),  # U+A78F Latin sinological dot
    ("热依拉.吐尔逊", "热依拉·吐尔逊"),          # a full stop between ideographs
    ("热依拉。吐尔逊", "热依拉·吐尔逊"),          # the Chinese IME's full stop
    ("阿依古丽 • 买买提", "阿依古丽·买买提"),
    ("张 三", "张三"),
    ("张　三", "张三"),                          # U+3000 ideographic space
    ("张\u200b三", "张三"),                      # zero-width space
    ("张\u200c\u200d三", "张三"),                # zero-width non-joiner / joiner
    ("\ufeff张三\u2060", "张三"),                # BOM, word joiner
    ("张\u00ad三", "张三"),                      # soft hyphen
    ("  张三 ", "张三"),
    ("Ｊｏｈｎ　Ｓｍｉｔｈ", "John Smith"),        # full-width letters and space
    ("John  Smith", "John Smith"),
    ("J. Smith", "J. Smith"),                    # a full stop between Latin letters stays
    ("Jose\u0301", "José"),                      # NFC
    ("\U0002a6a5\U0002b5ae", "\U0002a6a5\U0002b5ae"),  # Ext-B kept
    ("李\U0002cc56", "李\U0002cc56"),            # Ext-E kept
    ("王\U00030000", "王\U00030000"),            # Ext-G kept
    ("李\U00031350", "李\U00031350"),            # Ext-H kept
])
def test_canonical_name(typed: str, canonical: str) -> None:
    assert canonical_name(typed) == canonical
    assert canonical_name(canonical) == canonical          # idempotent
    assert canonical_query(typed) == canonical             # a query finds the stored form
    assert validate_name(typed, "f") == canonical          # the validator stores this form


@pytest.mark.parametrize(("typed", "number"), [
    ("110105194912310021", "110105194912310021"),
    ("１１０１０５１９４９１２３１００２１", "110105194912310021"),   # full-width (IME)
    ("110105 19491231 0021", "110105194912310021"),
    ("110105　19491231　0021", "110105194912310021"),
    ("110105-19491231-0021", "110105194912310021"),
    ("110105－19491231－0021", "110105194912310021"),               # full-width hyphen
    ("110105–19491231—0021", "110105194912310021"),                 # en / em dash
    ("11010519491231002x", "11010519491231002X"),
    ("１１０１０５\u200b1949１２３１００２ｘ", "11010519491231002X"),
    ("1949", "1949"),
])
def test_canonical_id_number(typed: str, number: str) -> None:
    assert canonical_id_number(typed) == number
    assert identity.normalize_number(typed) == number


@pytest.mark.parametrize("typed", [
    "110105-19491231-002X", "110105 1949 1231 002x", "１１０１０５－１９４９１２３１－００２Ｘ",
    "110105‐19491231‐002x",
])
def test_an_id_number_with_hyphens_or_spaces_is_accepted(typed: str) -> None:
    info = identity.validate_id(identity.IdType.RESIDENT_ID, typed, date(2026, 11, 24))
    assert (info.normalized, info.birth_date) == ("11010519491231002X", date(1949, 12, 31))


@pytest.mark.parametrize(("typed", "kept"), [
    ("张三", None),
    (" 张三 ", None),
    ("阿依古丽•买买提", "阿依古丽•买买提"),
    ("张　三", "张　三"),
    ("张\u200b三", "张\u200b三"),
    ("张\t三", "张 三"),
])
def test_typed_name_is_kept_only_when_it_differs(typed: str, kept: str | None) -> None:
    assert typed_name(typed, validate_name(typed, "f")) == kept


@pytest.mark.parametrize("bad", ["张\u202e三", "张\x07三"])
def test_bidi_and_control_characters_are_still_refused(bad: str) -> None:
    with pytest.raises(ValidationError) as exc:
        validate_name(bad, "f")
    assert exc.value.code == "control_char"


_ALPHABET = "张三阿依古丽 \u3000\u200b\u2060\u00ad·•．.。・aZＡ１\t\x1c\u0301e\U000201d4\uf900-'"


@settings(max_examples=500)
@given(st.text(alphabet=_ALPHABET, max_size=10))
def test_the_quick_path_gives_the_full_answer(text: str) -> None:
    """``canonical_name`` returns text with nothing to change at once (the common case:
    the migration runs it over every stored name); the full path must agree."""
    quick = canonical_name(text)
    everything = re.compile(r"[\s\S]")
    original = text_rule._NAME_WORK
    text_rule._NAME_WORK = everything
    try:
        full = canonical_name(text)
    finally:
        text_rule._NAME_WORK = original
    assert quick == full
    assert canonical_name(quick) == quick
