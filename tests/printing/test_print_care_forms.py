"""The forms of 特困 care (issue 15) rendered from their samples: the 委托照料协议 (2 pages:
parties, level, services, payment, term; duties, end, signatures) and the 生活自理能力评估表
(1 page) — text, pages, fonts, no full ID number, a rare name printed."""

from __future__ import annotations

import re

import pytest

from desktop_app.printing import DOCUMENT_KINDS, load_template, render_document
from desktop_app.printing.samples import sample
from tests.helpers.printing import squash

pytestmark = pytest.mark.usefixtures("poppler")

KINDS = ("care_agreement", "self_care_assessment")
FULL_ID = re.compile(r"\d{17}[\dXx]")
RARE = "\U0002123C"


@pytest.fixture(scope="module")
def pdfs() -> dict[str, bytes]:
    return {k: render_document(k, sample(k)) for k in KINDS}


def test_registered_with_templates():
    assert DOCUMENT_KINDS["care_agreement"] == "特困人员委托照料服务协议"
    assert DOCUMENT_KINDS["self_care_assessment"] == "特困人员生活自理能力评估表"
    for kind in KINDS:
        template = load_template(kind)
        assert template.kind == kind and template.title == DOCUMENT_KINDS[kind]


@pytest.mark.parametrize("kind", KINDS)
def test_fonts_embedded_subset_and_deterministic(pdfs, poppler, kind):
    rows = poppler.fonts(pdfs[kind])
    assert rows
    for row in rows:
        assert (row["emb"], row["sub"], row["uni"]) == ("yes", "yes", "yes"), row
    names = {row["name"].split("+")[-1] for row in rows}
    assert any(n.startswith("UMingCN") for n in names), names
    assert any(n.startswith("WenQuanYiMicroHei") for n in names), names
    assert render_document(kind, sample(kind)) == pdfs[kind]


def test_agreement_has_two_pages_with_its_parts(pdfs, poppler):
    pdf = pdfs["care_agreement"]
    assert int(poppler.info(pdf)["Pages"]) == 2
    first = squash(poppler.text(pdf, "-f", "1", "-l", "1"))
    second = squash(poppler.text(pdf, "-f", "2", "-l", "2"))
    for expected in ("特困人员委托照料服务协议", "协议编号：330102101-20261124-0001-W1",
                     "办件编号：330102101-20261124-0001", "甲方（委托方）", "城关镇人民政府",
                     "乙方（受托照料人）", "王建国", "亲友／侄子", "丙方（被照料人）",
                     "王" + RARE + "华", "522201********0017", "第一条照料对象及生活自理能力",
                     "6项指标中2项不能达到（自主穿衣、自主洗澡）", "部分丧失生活自理能力",
                     "日常看护、生活照料、住院陪护", "400.00元", "肆佰元整",
                     "2026年12月1日起至2027年11月30日止"):
        assert expected in first, expected
    for expected in ("第五条甲方的权利和义务", "第六条乙方的权利和义务", "第七条丙方的权利和义务",
                     "第八条协议的变更和终止", "一式四份", "乙方（签字/捺印）", "丙方或监护人",
                     "见证人", "签订日期：2026年11月30日", "第2页／共2页"):
        assert expected in second, expected


def test_assessment_form_marks_each_indicator(pdfs, poppler):
    pdf = pdfs["self_care_assessment"]
    assert int(poppler.info(pdf)["Pages"]) == 1
    text = squash(poppler.text(pdf))
    for expected in ("特困人员生活自理能力评估表", "自主吃饭", "室内自主行走", "自主洗澡",
                     "不能达到项数2项", "部分丧失生活自理能力", "有4项以上（含4项）指标不能达到的",
                     "评估人员（签字）：李四、赵六", "被评估人或监护人"):
        assert expected in text, expected
    assert text.count("√") == 8          # the heading's two + one mark per indicator


@pytest.mark.parametrize("kind", KINDS)
def test_no_full_id_number(pdfs, poppler, kind):
    assert not FULL_ID.search(poppler.text(pdfs[kind]))
