"""The forms of the 审核确认 procedure (issue 13) rendered from their samples: 入户调查表,
审核确认表 / 初审意见表, 延期告知书, 公示名单, 上报清单 — text, pages, fonts, privacy."""

from __future__ import annotations

import copy
import re

import pytest

from desktop_app.printing import (
    DOCUMENT_KINDS,
    load_template,
    render_document,
    samples,
)
from desktop_app.printing.samples import sample
from tests.helpers.printing import squash

pytestmark = pytest.mark.usefixtures("poppler")

KINDS = ("visit_form", "decision_form", "extension_notice", "publicity_list", "report_list")
# 18-digit resident ID numbers, full or masked (110105********0021)
ID_NUMBER = re.compile(r"\d{6}(?:\d{8}|\*{8})\d{3}[\dXx]")
RARE = "\U0002123C"  # 𡈼, CJK Ext-B, in the body font


def pages(poppler, pdf: bytes) -> int:
    return int(poppler.info(pdf)["Pages"])


def test_kinds_registered_with_templates():
    assert DOCUMENT_KINDS["visit_form"] == "入户调查表"
    assert DOCUMENT_KINDS["publicity_list"] == "社会救助公示名单"
    assert DOCUMENT_KINDS["report_list"] == "社会救助审核确认上报清单"
    for kind in KINDS:
        template = load_template(kind)
        assert template.kind == kind and template.version >= 1
        assert template.title == DOCUMENT_KINDS[kind]


@pytest.mark.parametrize("kind", KINDS)
def test_fonts_embedded_and_subset(rendered, poppler, kind):
    rows = poppler.fonts(rendered[kind])
    assert rows
    for row in rows:
        assert (row["emb"], row["sub"], row["uni"]) == ("yes", "yes", "yes"), row
    names = {row["name"].split("+")[-1] for row in rows}
    assert any(n.startswith("UMingCN") for n in names), names
    assert any(n.startswith("WenQuanYiMicroHei") for n in names), names


@pytest.mark.parametrize("kind", KINDS)
def test_deterministic_and_rare_characters_print(rendered, poppler, kind):
    assert render_document(kind, sample(kind)) == rendered[kind]
    if kind != "extension_notice":  # (its sample has no rare name)
        assert RARE in poppler.text(rendered[kind])


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("char", ["\U00020BB7", "\U0002EBF0"])  # 𠮷: fallback font only; Ext-I: none
def test_a_rare_name_prints_or_is_marked_never_blank(poppler, kind, char):
    from desktop_app.printing.fonts import MISSING_MARK, MISSING_NOTE

    data = sample(kind)
    if "applicant" in data:
        data["applicant"]["name"] = char + "明"
    else:
        rows = data["entries" if kind == "publicity_list" else "reports"]
        rows[0]["applicant"] = char + "明"
    text = poppler.text(render_document(kind, data))
    if char == "\U00020BB7":  # issue 14: BabelStone Han, the last fallback, has it
        assert char + "明" in text and MISSING_NOTE not in squash(text)
    else:  # no bundled font: a clear box and a note to write it in by hand
        assert MISSING_MARK + "明" in text and MISSING_NOTE in squash(text)


# -- 入户调查表 -------------------------------------------------------------------------------

def test_visit_form_prefilled_household_and_blanks(rendered, poppler):
    pdf = rendered["visit_form"]
    text = squash(poppler.text(pdf))
    data = sample("visit_form")
    assert pages(poppler, pdf) == 2
    assert "入户调查表" in text and "（最低生活保障）" in text
    for m in data["members"]:  # every member prefilled, masked ID numbers only
        assert m["name"] in text and m["id_number_masked"] in text
        assert m["id_number"] not in text
    for needle in ("工资性收入", "800.00", "生活补助", "不计入", "申报合计1,450.00元/月",
                   "86m²", "5,000.00元", "4,500.00元（12个月）", "张大", "3,200.00",
                   "核实情况", "调查核实金额", "居住和住房情况", "调查结论"):
        assert needle in text, needle
    assert text.count("调查人（签字）：") == 2
    assert "申请人（家庭成员）确认签字（捺印）：" in text
    assert "调查情况（已录入）" not in text  # nothing recorded yet


def test_visit_form_prints_a_recorded_visit(poppler):
    pdf = render_document("visit_form", samples.visit_form_recorded())
    text = squash(poppler.text(pdf, "-raw"))
    assert "调查人（签字）：李四" in text and "调查人（签字）：赵" + RARE in text
    assert "2026年11月27日" in text and "调查情况（已录入）" in text
    assert "收入与申报一致" in text


def test_visit_form_large_household_keeps_the_findings_together(poppler):
    data = sample("visit_form")
    extra = copy.deepcopy(data["members"][1])
    data["members"] += [dict(extra, name=f"成员{i}") for i in range(8)]
    pdf = render_document("visit_form", data)
    n = pages(poppler, pdf)
    assert n >= 2
    # the section heading never stays alone at the bottom of a page
    for page in range(1, n + 1):
        text = squash(poppler.text(pdf, "-f", str(page), "-l", str(page)))
        if "五、入户调查情况" in text:
            assert "居住和住房情况" in text


# -- 审核确认表 / 初审意见表 ---------------------------------------------------------------------

def test_decision_form_title_comes_with_the_data(rendered, poppler):
    pdf = rendered["decision_form"]
    text = squash(poppler.text(pdf))
    assert pages(poppler, pdf) == 1
    assert poppler.info(pdf)["Title"] == "最低生活保障审核确认表 330102101-20261124-0001-S1"
    assert text.count("最低生活保障审核确认表") == 2  # heading and footer
    for needle in ("入户调查", "信息核对", "公示", "HD-2026-1188", "审核确认意见",
                   "每月920.00元", "2026年12月至2027年11月", "家庭人均月收入", "293.33",
                   "（乡镇人民政府/街道办事处盖章）"):
        assert needle in text, needle
    assert "县级民政部门审核确认意见" not in text
    for m in sample("decision_form")["members"]:  # masked ID numbers only
        assert m["id_number"] not in text and m["id_number_masked"] in text


def test_initial_review_form_leaves_room_for_the_county(poppler):
    pdf = render_document("decision_form", samples.decision_form_county())
    text = squash(poppler.text(pdf))
    assert "最低生活保障初审意见表" in text and "审核确认表" not in text.replace(
        "县级民政部门审核确认意见", "")
    assert "四、乡镇（街道）初审意见" in text and "五、县级民政部门审核确认意见" in text
    assert text.count("□同意") == 2  # blank boxes for the township and the county
    assert "（县级民政部门盖章）" in text


def test_decision_form_with_the_county_decision_recorded(poppler):
    data = samples.decision_form_county()
    data["county"] = {"recorded": True, "blank": False, "outcome": "同意", "text": "同意纳入",
                      "amount": "每月 900.00 元", "period": "2027年1月至2027年12月",
                      "date": "2026-12-28", "ref": "县民发〔2026〕88号", "source": "县级返回包"}
    text = squash(poppler.text(render_document("decision_form", data)))
    assert "县民发〔2026〕88号" in text and "县级返回包" in text and "每月900.00元" in text
    assert text.count("□同意") == 1  # only the township's blank opinion remains


# -- 延期告知书 -------------------------------------------------------------------------------

def test_extension_notice_text(rendered, poppler):
    pdf = rendered["extension_notice"]
    text = squash(poppler.text(pdf))
    assert pages(poppler, pdf) == 1
    assert squash("张三：你于2026年11月24日提出的最低生活保障申请（办件编号 "
                  "330102101-20261124-0001），原定办结期限为2026年12月22日。") in text
    assert squash("办理期限延长 15 个工作日，延长至2027年1月13日（暂定") in text
    for needle in ("申请人家庭成员收入情况需向外省就业地核实", "0571-12345678", "0571-87654321",
                   "送达回证", "签收人（签字/捺印）：", "城关镇人民政府"):
        assert needle in text, needle


# -- 公示名单 ---------------------------------------------------------------------------------

def test_publicity_list_text_and_no_id_numbers(rendered, poppler):
    pdf = rendered["publicity_list"]
    text = squash(poppler.text(pdf))
    assert pages(poppler, pdf) == 1
    assert "社会救助公示名单" in text and "东村村民委员会" in text
    assert "公示期：2026年12月4日至2026年12月10日（共7天）" in text
    assert "张三、王\U000201D4" in text and "欧阳秀兰" in text and "特困人员救助供养" in text
    assert "城关镇人民政府便民服务中心社会救助窗口" in text  # where to object
    assert "0571-12345678" in text and "0571-87654321" in text
    assert not ID_NUMBER.search(text)
    assert "孤儿" not in text  # the list never names the categories it leaves out
    assert "身份证" not in text


def test_publicity_list_ignores_personal_data_it_is_given(poppler):
    data = sample("publicity_list")
    data["applicant"] = copy.deepcopy(samples.receipt()["applicant"])
    data["members"] = copy.deepcopy(samples.commitment()["members"])
    text = squash(poppler.text(render_document("publicity_list", data)))
    assert not ID_NUMBER.search(text) and "13800000000" not in text
    assert "张小明" not in text  # the template prints only the entries it is given


def test_publicity_list_long_list_repeats_its_header(poppler):
    data = sample("publicity_list")
    data["entries"] = [dict(data["entries"][i % 3], applicant=f"申请人{i + 1}")
                       for i in range(45)]
    pdf = render_document("publicity_list", data)
    n = pages(poppler, pdf)
    assert n >= 2
    for page in range(1, n + 1):
        assert "共同生活家庭成员" in squash(poppler.text(pdf, "-f", str(page), "-l", str(page)))
    text = squash(poppler.text(pdf))
    assert all(f"申请人{i + 1}" in text for i in range(45))


def test_an_empty_publicity_list_says_so(poppler):
    data = sample("publicity_list")
    data["entries"], data["count"] = [], 0
    assert "本期无公示对象" in squash(poppler.text(render_document("publicity_list", data)))


# -- 上报清单 ---------------------------------------------------------------------------------

def test_report_list_text(rendered, poppler):
    pdf = rendered["report_list"]
    text = squash(poppler.text(pdf, "-raw"))
    assert pages(poppler, pdf) == 1
    assert "社会救助审核确认上报清单" in text and "县民政局" in text and "3件" in text
    for row in sample("report_list")["reports"]:
        assert row["application_number"] in text and row["applicant"] in text
    assert "同意：符合最低生活保障条件" in text and "每月920.00元" in text
    assert "不同意：家庭人均收入高于当地低保标准" in text
    assert not ID_NUMBER.search(text)
    assert "（接收单位盖章）" in text and "（乡镇人民政府/街道办事处盖章）" in text


@pytest.mark.parametrize("kind, path", [
    ("visit_form", "visit"), ("visit_form", "incomes"), ("decision_form", "opinion"),
    ("decision_form", "steps"), ("extension_notice", "extension.due_after"),
    ("publicity_list", "publicity"), ("publicity_list", "village"), ("report_list", "reports"),
])
def test_missing_key_is_named(kind, path):
    from desktop_app.printing import MissingDataError

    data = sample(kind)
    *parents, last = path.split(".")
    target = data
    for p in parents:
        target = target[p]
    del target[last]
    with pytest.raises(MissingDataError) as err:
        render_document(kind, data)
    assert path.split(".")[0] in str(err.value)
