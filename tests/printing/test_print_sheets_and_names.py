"""Layout of printed documents (issue 14, item 11): Chinese numbering for any count,
every detachable part (转办回执, 送达回证, a receipt's copy) whole on one sheet, no name
cut or run over on any form with 30-character names, and issued documents of earlier
template versions still rendered byte for byte."""

from __future__ import annotations

import copy
import hashlib
import re
from typing import Any

import pytest

from desktop_app.printing import load_template, render_document
from desktop_app.printing.errors import TemplateError
from desktop_app.printing.placeholders import chinese_number
from desktop_app.printing.samples import SAMPLES, VARIANTS, sample
from desktop_app.printing.templates import parse_template
from tests.helpers.printing import requires_poppler, squash

pytestmark = requires_poppler

MM = 72 / 25.4


# -- Chinese numbering -------------------------------------------------------------------

@pytest.mark.parametrize(("n", "text"), [
    (0, "零"), (1, "一"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"),
    (21, "二十一"), (99, "九十九"), (100, "一百"), (101, "一百零一"), (110, "一百一十"),
    (111, "一百一十一"), (120, "一百二十"), (999, "九百九十九"), (1000, "一千"),
    (1001, "一千零一"), (1010, "一千零一十"), (1100, "一千一百"), (10000, "一万"),
    (10010, "一万零一十"), (100000, "十万"), (110000, "十一万"), (1000001, "一百万零一"),
    (100000000, "一亿"), (100010000, "一亿零一万"),
])
def test_chinese_number(n, text):
    assert chinese_number(n) == text


@pytest.mark.parametrize("bad", [-1, 10**16, 1.5, True, "3"])
def test_chinese_number_refuses_what_it_cannot_spell(bad):
    with pytest.raises(ValueError):
        chinese_number(bad)


def _pages(poppler, pdf: bytes) -> int:
    return int(poppler.info(pdf)["Pages"])


def _page_texts(poppler, pdf: bytes) -> list[str]:
    return [squash(poppler.text(pdf, "-f", str(p), "-l", str(p)))
            for p in range(1, _pages(poppler, pdf) + 1)]


def _overlapping_words(poppler, pdf: bytes) -> list[tuple[str, str]]:
    """Pairs of words drawn over each other (a name run over the next label)."""
    _sizes, words = poppler.words(pdf)
    clashes = []
    by_page: dict[int, list[tuple]] = {}
    for w in words:
        by_page.setdefault(w[5], []).append(w)
    for page_words in by_page.values():
        for i, (t1, a0, b0, a1, b1, _p) in enumerate(page_words):
            for t2, c0, d0, c1, d1, _q in page_words[i + 1:]:
                dy = min(b1, d1) - max(b0, d0)
                dx = min(a1, c1) - max(a0, c0)
                if dy > 0.5 * min(b1 - b0, d1 - d0) and dx > 1.0:
                    clashes.append((t1, t2))
    return clashes


def test_a_notice_of_120_missing_materials_renders(poppler):
    data = sample("notice_missing")
    data["missing"] = [{"item": "最低生活保障", "name": f"证明材料第{n}份"} for n in range(1, 121)]
    pdf = render_document("notice_missing", data)
    text = squash(poppler.text(pdf))
    assert "120.最低生活保障：证明材料第120份" in text
    assert "以上为需补正的全部材料" in text
    assert not _overlapping_words(poppler, pdf)


def test_120_reasons_are_numbered_in_chinese_and_the_bullets_fit(poppler):
    data = sample("notice_reject")
    data["reasons"] = [f"理由{n}" for n in range(1, 121)]
    pdf = render_document("notice_reject", data)
    text = squash(poppler.text(pdf))
    for n, bullet in ((1, "一、"), (10, "十、"), (100, "一百、"), (101, "一百零一、"),
                      (111, "一百一十一、"), (120, "一百二十、")):
        assert f"{bullet}理由{n}" in text
    assert not _overlapping_words(poppler, pdf)  # 一百一十一、 is the widest bullet
    _sizes, words = poppler.words(pdf)
    starts = {round(w[1], 1) for w in words if w[0].startswith("理由")}
    assert len(starts) == 1, starts  # every reason's text starts at the same place


# -- detachable parts whole on one sheet ---------------------------------------------------

def _whole(pages: list[str], first: str, last: str, between: tuple[str, ...] = ()) -> bool:
    """``first`` … ``last`` (and ``between``) of a part on one and the same page."""
    on = [n for n, page in enumerate(pages) if first in page]
    assert on, f"{first} not printed"
    page = pages[on[-1]]
    return last in page[page.index(first):] and all(t in page for t in between)


RECEIPT_PART = ("社会救助事项转办回执", "（接收部门盖章）", ("签收人：", "办理结果：", "反馈时间："))


@pytest.mark.parametrize("materials", range(0, 26, 2))
def test_referral_receipt_is_never_split(poppler, materials):
    data = sample("referral")
    data["materials"] = [{"item": "医疗救助", "name": f"随转材料第{n}份（复印件）",
                          "status": "已收取"} for n in range(1, materials + 1)]
    pdf = render_document("referral", data)
    pages = _page_texts(poppler, pdf)
    first, last, between = RECEIPT_PART
    assert _whole(pages, first, last, between), (materials, len(pages))
    assert "（沿此线剪开，回执由接收部门填写盖章后退回）" in pages[-1]


@pytest.mark.parametrize("results", range(1, 9))
def test_result_notice_proof_of_service_is_never_split(poppler, results):
    data = sample("result_notice")
    row = data["results"][1]
    data["results"] = [{**row, "name": f"事项{n}"} for n in range(results)]
    pdf = render_document("result_notice", data)
    assert _whole(_page_texts(poppler, pdf), "送达回证", "送达人：", ("受送达人", "签收人"))


@pytest.mark.parametrize("sentences", range(0, 40, 3))
def test_extension_notice_proof_of_service_is_never_split(poppler, sentences):
    data = sample("extension_notice")
    data["extension"]["reason"] += "，需进一步核实家庭成员在外省的收入情况" * sentences
    pdf = render_document("extension_notice", data)
    assert _whole(_page_texts(poppler, pdf), "送达回证", "送达人：", ("受送达人", "签收人"))


@pytest.mark.parametrize("materials", range(0, 22, 3))
def test_receipt_applicant_copy_is_never_split(poppler, materials):
    data = sample("receipt")
    data["materials"] = [{"item": "最低生活保障", "name": f"材料第{n}份", "status": "已收取"}
                         for n in range(1, materials + 1)]
    pages = _page_texts(poppler, render_document("receipt", data))
    assert _whole(pages, "（申请人联）", "本联由申请人留存", ("申请事项", "监督电话"))
    assert _whole(pages, "（存根）", "申请人签收：")


def test_a_part_longer_than_a_page_runs_on_without_a_blank_page(poppler):
    """A receipt copy that cannot be whole (80 materials) is not moved: no sheet
    is wasted and nothing is lost."""
    data = sample("receipt")
    data["materials"] = [{"item": "最低生活保障", "name": f"材料第{n}份", "status": "已收取"}
                         for n in range(1, 81)]
    pdf = render_document("receipt", data)
    pages = _page_texts(poppler, pdf)
    assert "材料第80份" in "".join(pages)
    assert all(len(p) > 200 for p in pages)  # no page left (nearly) empty


# -- names: 30 characters on every form ---------------------------------------------------

#: 30 characters (the core's limit for a name); first and last characters appear
#: nowhere else on any form, so a cut name shows as fewer tails than heads.
LONG_NAME = "鄂尔多斯·买买提艾力·阿卜杜热合曼·吐尔逊古丽·艾尼瓦尔·瑙"
assert len(LONG_NAME) == 30
_PERSON_ROWS = {"applicant", "members", "supporters", "guardian", "excluded_members"}
_NAME_TEXTS = {"applicant", "clerk", "investigator1", "investigator2"}


def _long_names(data: Any, key: str | None = None) -> Any:
    """Every person's name in a document's data replaced by :data:`LONG_NAME`."""
    if isinstance(data, dict):
        for k, v in data.items():
            if k == "name" and key in _PERSON_ROWS and isinstance(v, str) and v:
                data[k] = LONG_NAME
            elif k in _NAME_TEXTS and isinstance(v, str) and v:
                data[k] = LONG_NAME
            elif k in ("members", "people") and isinstance(v, str) and v:
                data[k] = f"{LONG_NAME}、{LONG_NAME}"
            else:
                _long_names(v, k)
    elif isinstance(data, list):
        for row in data:
            _long_names(row, key)
    return data


ALL_CASES = {**{k: (k, SAMPLES[k]) for k in SAMPLES}, **VARIANTS}


@pytest.mark.parametrize("case", sorted(ALL_CASES))
def test_30_character_names_print_whole_on_every_form(poppler, case):
    kind, build = ALL_CASES[case]
    data = _long_names(copy.deepcopy(build()))
    pdf = render_document(kind, data)
    text = squash(poppler.text(pdf))
    heads, tails = text.count(LONG_NAME[0]), text.count(LONG_NAME[-1])
    assert heads >= 1, "the sample prints no name"
    assert tails == heads and "……" not in text, (heads, tails)
    assert not _overlapping_words(poppler, pdf)
    sizes, words = poppler.words(pdf)
    for word, x0, y0, x1, y1, page in words:
        width, height = sizes[page]
        assert x0 >= 5 * MM and x1 <= width - 5 * MM and y0 >= 0 and y1 <= height, word


# -- template keys ---------------------------------------------------------------------

def _template(blocks: list[dict[str, Any]], **top: Any) -> dict[str, Any]:
    return {"version": 1, "kind": "receipt", "title": "标题", "blocks": blocks, **top}


@pytest.mark.parametrize(("raw", "message"), [
    (_template([{"kind": "keep_together", "blocks": []}]), "non-empty list"),
    (_template([{"kind": "keep_together", "blocks": [{"kind": "page_break"}]}]),
     "cannot be inside 'keep_together'"),
    (_template([{"kind": "keep_together", "blocks": [
        {"kind": "keep_together", "blocks": [{"kind": "spacer", "height_mm": 1}]}]}]),
     "cannot be inside 'keep_together'"),
    (_template([{"kind": "columns", "columns": [
        [{"kind": "keep_together", "blocks": [{"kind": "spacer", "height_mm": 1}]}], []]}]),
     "cannot be nested inside 'columns'"),
    (_template([{"kind": "signatures", "fit": "yes", "items": [{"label": "甲"}]}]),
     "'fit' must be true or false"),
    (_template([], keep_copies_whole=1), "'keep_copies_whole' must be true or false"),
])
def test_bad_layout_keys_are_refused_at_load(tmp_path, raw, message):
    with pytest.raises(TemplateError, match=re.escape(message)):
        parse_template(raw, tmp_path / "receipt.json", "receipt")


def test_layout_keys_are_accepted(tmp_path):
    raw = _template([{"kind": "keep_together", "blocks": [
        {"kind": "cut_line"}, {"kind": "columns", "columns": [
            [{"kind": "signatures", "fit": True, "items": [{"label": "甲"}]}],
            [{"kind": "spacer", "height_mm": 1}]]}]}], keep_copies_whole=True)
    assert parse_template(raw, tmp_path / "receipt.json", "receipt").raw["keep_copies_whole"]


# -- issued documents keep their bytes -------------------------------------------------------

#: SHA-256 (first 16 hex digits) of each sample rendered with the template version in
#: force before issue 14, recorded before the new versions existed: a document issued
#: with them re-renders byte for byte (documents.original_pdf checks the hash).
BEFORE_ISSUE_14 = {
    "receipt": (2, "139bc9841bfac713"), "notice_missing": (1, "f3f1b7202467bdbe"),
    "notice_reject": (1, "6909168f77c4664b"), "commitment": (3, "a09f51ee5061ee03"),
    "application_form": (1, "5f12571493f1bfe0"), "declaration": (1, "5d35a94e01deac52"),
    "referral": (1, "f411336d434cd9f3"), "result_notice": (1, "b3583c3b65a943f7"),
    "extension_notice": (1, "9f0e8bc06cfee376"), "emergency_record": (2, "c4c02bcfedea668e"),
    "material_checklist": (1, "f124d1c9d2136fa6"), "handover_list": (1, "ad3be3ecab6cb70d"),
    "visit_form": (1, "851709cd1d0bab81"), "decision_form": (1, "d048a76cbffe0686"),
    "report_list": (1, "796a969fee9c3074"), "reserve_batch": (1, "7c881bf2e7b08de4"),
    "reserve_statement": (1, "48dc78b09578d1a0"),
}


@pytest.mark.parametrize("kind", sorted(BEFORE_ISSUE_14))
def test_documents_issued_before_keep_their_bytes(kind):
    version, digest = BEFORE_ISSUE_14[kind]
    # the issue 14 revision (or a later one: the 转办单's v3 names a provider, issue 15),
    # then the signed QR code of issue 17 (tests/qr/ checks the pre-issue-17 bytes)
    signed = '"signed": true' in load_template(kind).path.read_text(encoding="utf-8")
    assert load_template(kind).version == version + 1 + (kind == "referral") + signed
    pdf = render_document(kind, sample(kind), version)
    assert hashlib.sha256(pdf).hexdigest()[:16] == digest
