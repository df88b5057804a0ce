"""Each document kind renders, with the data visible in the PDF's text layer."""

from __future__ import annotations

import pytest

from desktop_app.printing import (
    DOCUMENT_KINDS,
    MissingDataError,
    load_template,
    render_document,
)
from desktop_app.printing.samples import sample
from tests.helpers.printing import squash

pytestmark = pytest.mark.usefixtures("poppler")


def test_every_kind_has_template_and_sample(rendered):
    assert set(rendered) == set(DOCUMENT_KINDS) == {
        "receipt", "notice_missing", "notice_reject", "commitment", "referral",
        "result_notice", "handover_list", "emergency_record", "application_form",
        "declaration", "calculation", "visit_form", "decision_form", "extension_notice",
        "publicity_list", "report_list", "reserve_statement", "reserve_batch",
        "material_checklist",
        "recheck_form", "review_notice", "taper_list",  # issue 15 — reviews
        "care_agreement", "self_care_assessment",  # issue 15 — care
        "lead_slip", "hotline_reply", "lead_visit_list",  # issue 15 — leads
        "stats_report",  # issue 16 — the statistics report
        "household_file",  # issue 16 — household: the household file's index
        "issuance_register"}  # issue 17 — qrcheck: 发文登记簿
    for kind, pdf in rendered.items():
        assert pdf.startswith(b"%PDF-"), kind
        assert load_template(kind).version >= 1


def test_receipt_text(rendered, poppler):
    text = squash(poppler.text(rendered["receipt"]))
    data = sample("receipt")
    assert text.count("社会救助申请受理回执") >= 2  # stub and applicant copy
    assert "（存根）" in text and "（申请人联）" in text
    assert "（沿此线剪开）" in text
    assert text.count(data["number"]) >= 2
    # full ID on the stub, masked on the applicant's copy
    assert text.count("110105194912310021") == 1
    assert text.count("110105********0021") == 1
    for needle in ("张三", "13800000000", "浙江省杭州市某某县城关镇东村三组47号",
                   "城关镇东村三组47号",
                   "最低生活保障", "县民政局", "医疗救助", "县医疗保障局",
                   "2027年1月5日（暂定）", "2026年12月22日", "2026年11月24日", "李四",
                   "0571-12345678", "0571-87654321", "（乡镇人民政府/街道办事处盖章）",
                   "城关镇人民政府", "住院费用票据及结算单", "信息共享免提交", "告知承诺",
                   "2027年）的法定节假日安排尚未公布"):
        assert squash(needle) in text, needle
    assert "2026年12月22日（暂定）" not in text  # only provisional dates are marked


def test_receipt_without_provisional_dates_has_no_footnote(poppler):
    data = sample("receipt")
    for item in data["items"]:
        item["provisional"] = False
    text = squash(poppler.text(render_document("receipt", data)))
    assert "暂定" not in text and "尚未公布" not in text


def test_receipt_fits_one_page(rendered, poppler):
    assert poppler.info(rendered["receipt"])["Pages"] == "1"


def test_notice_missing_lists_every_missing_material(rendered, poppler):
    text = squash(poppler.text(rendered["notice_missing"]))
    assert "社会救助申请材料补正一次性告知书" in text
    assert "经审查，你提交的最低生活保障申请，需补交或修改的材料如下：" in text
    for n, item in enumerate(sample("notice_missing")["missing"], 1):
        assert squash(f"{n}.{item['item']}：{item['name']}") in text
    for needle in ("330102101-20261124-0002", "张三", "13800000000", "0571-12345678",
                   "城关镇社会救助服务窗口", "2026年11月24日", "盖章"):
        assert needle in text, needle


def test_notice_reject_reasons_and_appeal_days_from_data(poppler):
    data = sample("notice_reject")
    data["appeal"] = {"review_days": 15, "reconsideration_days": 61, "litigation_months": 7}
    text = squash(poppler.text(render_document("notice_reject", data)))
    assert "社会救助申请不予受理通知书" in text
    assert squash("一、" + data["reasons"][0]) in text
    assert squash("二、" + data["reasons"][1]) in text
    assert "15日内向城关镇人民政府申请复核" in text
    assert "61日内依法申请行政复议" in text and "7个月内依法向人民法院提起行政诉讼" in text
    assert "盖章" in text and "330102101-20261124-0003" in text


def test_commitment_declaration_and_signature_rows(rendered, poppler):
    pdf = rendered["commitment"]
    text = squash(poppler.text(pdf))
    assert "诚信承诺书" in text and "家庭经济状况核对授权书" in text
    assert "如有虚假，愿退回" in text and "并承担相应的法律责任" in text
    assert poppler.info(pdf)["Pages"] == "2"
    auth = squash(poppler.text(pdf, "-f", "2", "-l", "2"))
    # adult members and the legal supporter sign; the minor does not
    for needle in ("张三", "王\U000201D4", "张大", "赡养（抚养、扶养）义务人",
                   "110105197201020013"):  # full ID: the office copy for the 核对 centre
        assert needle in auth, needle
    assert "张小明" not in auth and "********" not in auth


def test_dates_are_formatted_in_chinese(poppler):
    data = sample("notice_missing")
    data["issued_date"] = "2027-03-05"
    text = squash(poppler.text(render_document("notice_missing", data)))
    assert "2027年3月5日" in text and "2027-03-05" not in text


def test_metadata_title_is_chinese_title_plus_number(rendered, poppler):
    for kind, pdf in rendered.items():
        info = poppler.info(pdf)
        # a form whose title depends on the case (审核确认表 / 初审意见表) gives its own
        title = sample(kind).get("title") or load_template(kind).title
        assert info["Title"] == f"{title} {sample(kind)['number']}"


def test_all_fonts_embedded_and_subset(rendered, poppler):
    for kind, pdf in rendered.items():
        rows = poppler.fonts(pdf)
        assert rows, kind
        for row in rows:
            assert (row["emb"], row["sub"], row["uni"]) == ("yes", "yes", "yes"), (kind, row)
        names = {row["name"].split("+")[-1] for row in rows}
        assert any(n.startswith("UMingCN") for n in names), names
        assert any(n.startswith("WenQuanYiMicroHei") for n in names), names


def test_reprint_mark_on_every_page(poppler):
    data = sample("commitment")
    data["reprint"] = True
    pdf = render_document("commitment", data)
    for page in ("1", "2"):
        assert "补打" in poppler.text(pdf, "-f", page, "-l", page)
    assert "补打" not in poppler.text(render_document("commitment", sample("commitment")))


def test_referral_slip_with_tear_off_receipt(rendered, poppler):
    pdf = rendered["referral"]
    assert poppler.info(pdf)["Pages"] == "1"
    text = squash(poppler.text(pdf))
    data = sample("referral")
    for expected in ("社会救助事项转办单", "转办单号：" + data["number"], "县医疗保障局",
                     data["application_number"], data["applicant"]["id_number"],
                     "医疗救助", "住院费用票据及结算单", "2026年11月25日前签收",
                     "2026年12月22日前", "申请人声明", "申请人（签字/捺印）",
                     "社会救助事项转办回执", data["applicant"]["id_number_masked"],
                     "签收人", "签收时间", "办理结果", "反馈时间", "（接收部门盖章）"):
        assert squash(expected) in text, expected
    assert "最低生活保障" not in text  # another department's item is not on its slip


def test_same_data_gives_same_pdf():
    data = sample("receipt")
    assert render_document("receipt", data) == render_document("receipt", sample("receipt"))


@pytest.mark.parametrize("kind, path", [
    ("receipt", "applicant.name"),
    ("receipt", "items"),
    ("notice_reject", "appeal"),
    ("commitment", "supporters"),
    ("notice_missing", "number"),
    ("referral", "department"),
    ("referral", "referral.feedback_date"),
])
def test_missing_required_key_names_it(kind, path):
    data = sample(kind)
    *parents, last = path.split(".")
    target = data
    for key in parents:
        target = target[key]
    del target[last]
    with pytest.raises(KeyError) as info:
        render_document(kind, data)
    assert isinstance(info.value, MissingDataError)
    assert info.value.key.startswith(path)
    assert path in str(info.value)


def test_optional_phone_may_be_missing(poppler):
    data = sample("receipt")
    del data["applicant"]["phone"]
    assert "张三" in poppler.text(render_document("receipt", data))


def test_unknown_kind_is_rejected():
    with pytest.raises(ValueError, match="unknown document kind"):
        render_document("transfer_slip", sample("receipt"))
