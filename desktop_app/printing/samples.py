"""Sample data for every printed document (screenshots, self-test, tests).

    python -m desktop_app.printing.samples OUT_DIR      # writes one PDF per kind

The data has the exact shape the core produces (see ``printing/__init__.py``).
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path
from typing import Any

_BASE: dict[str, Any] = {
    "number": "330102101-20261124-0001",
    # the 办件编号 (issue 14): on every document about the application
    "application_number": "330102101-20261124-0001",
    "reprint": False,
    "township": {
        "name": "城关镇",
        "code": "330102101000",
        "office": "城关镇社会救助服务窗口",
        "window_phone": "0571-12345678",
        "supervision_phone": "0571-87654321",
    },
    "issued_date": "2026-11-24",
    "clerk": "李四",
    "applicant": {
        "name": "张三",
        "id_type": "居民身份证",
        "id_number": "110105194912310021",
        "id_number_masked": "110105********0021",
        "phone": "13800000000",
        "hukou_address": "浙江省杭州市某某县城关镇东村三组47号",
        "current_address": "城关镇东村三组47号",
    },
}

# 𡈼 U+2123C (CJK Ext-B), covered by the bundled body font.  (𠮷 U+20BB7 is not: it
# prints from the last fallback, BabelStone Han, see fonts.py.)
_RARE = "\U0002123C"

_ITEMS = [
    {"code": "DIBAO", "name": "最低生活保障", "handler": "县民政局", "limit_days": 30,
     "due_date": "2027-01-05", "provisional": True},
    {"code": "MEDICAL", "name": "医疗救助", "handler": "县医疗保障局", "limit_days": 20,
     "due_date": "2026-12-22", "provisional": False},
]

_MATERIALS = [
    {"item": "最低生活保障", "name": "社会救助申请书", "status": "已收取"},
    {"item": "最低生活保障", "name": "居民身份证、户口簿", "status": "已收取"},
    {"item": "最低生活保障", "name": "家庭收入情况", "status": "告知承诺"},
    {"item": "最低生活保障", "name": "残疾人证", "status": "信息共享免提交"},
    {"item": "医疗救助", "name": "住院费用票据及结算单", "status": "已收取"},
]


def receipt() -> dict[str, Any]:
    data = copy.deepcopy(_BASE)
    data["items"] = copy.deepcopy(_ITEMS)
    data["materials"] = copy.deepcopy(_MATERIALS)
    return data


def receipt_after_supplement() -> dict[str, Any]:
    """The receipt of application …-0002 accepted after a one-time notice and 补正: the
    receipt has its own number of the day's series (…-0005) and prints the 办件编号."""
    data = receipt()
    data["number"] = "330102101-20261126-0005"
    data["application_number"] = "330102101-20261124-0002"
    data["issued_date"] = "2026-11-26"
    return data


def notice_missing() -> dict[str, Any]:
    data = copy.deepcopy(_BASE)
    data["number"] = data["application_number"] = "330102101-20261124-0002"
    data["items"] = copy.deepcopy(_ITEMS[:1])
    data["missing"] = [
        {"item": "最低生活保障", "name": "收入证明（近6个月）"},
        {"item": "最低生活保障", "name": "共同生活家庭成员的居民身份证复印件"},
        {"item": "最低生活保障", "name": "社会救助申请书（需申请人本人签字）"},
    ]
    return data


def notice_reject() -> dict[str, Any]:
    data = copy.deepcopy(_BASE)
    data["number"] = data["application_number"] = "330102101-20261124-0003"
    data["items"] = copy.deepcopy(_ITEMS[:1])
    data["reasons"] = [
        "申请人户籍不在本乡镇，且在本乡镇居住未满规定期限，不符合《社会救助暂行办法》"
        "关于向户籍所在地乡镇人民政府（街道办事处）提出申请的规定。",
        "请向户籍所在地乡镇人民政府（街道办事处）提出申请；如需帮助，本窗口可协助转交。",
    ]
    data["appeal"] = {"review_days": 30, "reconsideration_days": 60, "litigation_months": 6}
    return data


def commitment() -> dict[str, Any]:
    data = copy.deepcopy(_BASE)
    data["items"] = copy.deepcopy(_ITEMS[:1])
    data["members"] = [
        {"name": "张三", "relation": "本人", "id_number": "110105194912310021",
         "id_number_masked": "110105********0021", "adult": True},
        {"name": "王𠇔", "relation": "配偶", "id_number": "110105195003150048",
         "id_number_masked": "110105********0048", "adult": True},  # 𠇔 U+201D4 (CJK Ext-B)
        {"name": "张小明", "relation": "子", "id_number": "110105201206010035",
         "id_number_masked": "110105********0035", "adult": False},
    ]
    data["supporters"] = [
        {"name": "张大", "relation": "子", "id_number": "110105197201020013",
         "id_number_masked": "110105********0013"},
    ]
    return data


def _household_member(name: str, relation: str, id_number: str, adult: bool, **kw: Any
                      ) -> dict[str, Any]:
    row = {"name": name, "relation": relation, "id_type": "居民身份证", "id_number": id_number,
           "id_number_masked": id_number[:6] + "********" + id_number[-4:], "adult": adult,
           "sex": "", "health": "健康", "employment": "", "disability": "", "counted": "是",
           "counted_reason": "", "guardian": False}
    row.update(kw)
    return row


def _household() -> dict[str, Any]:
    """The household of the 申请书, 申报表 and 核算表 samples: a member not counted
    (serving a sentence), a minor child, one supporter able and one unable."""
    data = copy.deepcopy(_BASE)
    data["items"] = copy.deepcopy(_ITEMS[:1])
    data["intake_date"] = data["issued_date"]
    data["application_number"] = data["number"]
    data["members"] = [
        _household_member("张三", "本人", "110105194912310021", True, employment="务农",
                          counted_reason="申请人本人"),
        _household_member("王\U000201D4", "配偶", "110105195003150048", True, health="多病",
                          disability="肢体三级", counted_reason="配偶"),
        _household_member("张小明", "子", "110105201206010035", False, employment="在校",
                          counted_reason="未成年子女"),
        _household_member("张二", "子", "110105197803050017", True, counted="否",
                          counted_reason="服刑或强制隔离戒毒", not_counted=True),
    ]
    data["supporters"] = [
        {"name": "张大", "relation": "子", "id_type": "居民身份证",
         "id_number": "110105197201020013", "id_number_masked": "110105********0013",
         "adult": True, "phone": "13900000002", "household_size": "4", "income": "3,200.00",
         "able": "有", "unable_reason": "", "guardian": False},
        {"name": "张" + _RARE + "英", "relation": "女", "id_type": "居民身份证",
         "id_number": "110105197509090026", "id_number_masked": "110105********0026",
         "adult": True, "phone": "", "household_size": "3", "income": "1,100.00",
         "able": "无", "unable_reason": "收入低于当地低保标准", "guardian": False},
    ]
    data["guardian"] = {}
    data["residence"] = {"kind": "hukou", "label": "户籍地申请",
                         "address": "城关镇东村三组47号", "permit_no": "",
                         "summary": "户籍地申请"}
    data["hardship_reason"] = ("申请人年逾七十，配偶长期患病，家庭主要靠务农收入维持；"
                               "次子张二服刑，孙子张小明在校就读，家庭生活困难。")
    return data


def application_form() -> dict[str, Any]:
    return _household()


def declaration() -> dict[str, Any]:
    data = _household()
    data["incomes"] = [
        {"category": "工资性收入", "amount": "800.00", "counted": "计入"},
        {"category": "种植养殖收入", "amount": "200.00", "counted": "计入"},
        {"category": "生活补助", "amount": "450.00", "counted": "不计入"},
    ]
    data["income_total"] = "1,450.00"
    data["property"] = {"housing_area": "86", "house_rating": "B 级", "vehicles": "0",
                        "houses": "1 套", "deposits": "5,000.00", "business": "无"}
    data["spending"] = {"medical": "12,000.00", "medical_reimbursed": "7,500.00",
                        "medical_net": "4,500.00", "education": "1,800.00"}
    return data


def calculation() -> dict[str, Any]:
    """The numbers of the rules for the sample household (农村 600 元; 生活补助 not
    counted; one worker's employment cost 20 %; 张二 not counted)."""
    data = _household()
    data["calc"] = {
        "available": True, "standard": "600.00", "basis": "农村", "basis_why": "按申请人户籍",
        "edge_standard": "900.00", "edge_times": "1.5",
        "members_all": "4", "members_counted": "3",
        "excluded_members": [{"name": "张二", "reason": "服刑或强制隔离戒毒"}],
        "lines": declaration()["incomes"],
        "gross": "1,450.00", "gross_per_capita": "483.33",
        "excluded_lines": [{"category": "生活补助", "amount": "450.00"}],
        "excluded_total": "450.00", "excluded_text": "生活补助 450.00 元",
        "counted_income": "1,000.00", "deduction": "120.00",
        "deduction_note": "1 人 × 120.00 元（低保标准的 20%），以工资性收入为限",
        "net": "880.00", "net_per_capita": "293.33", "comparison": "低于农村低保标准",
        "topup": "920.00", "topup_text": "拟补差 600 元 × 3 人 − 家庭月收入 880 元 = 920 元/月",
        "property": [
            {"text": "存款 5,000 元，限额 600 元 × 24 个月 × 3 人 = 43,200 元", "result": "符合"},
            {"text": "机动车 0 辆，限 1 辆", "result": "符合"},
            {"text": "住房 1 套，限 1 套", "result": "符合"},
        ],
        "property_result": "财产符合当地规定",
        "standards_from": "2026-01-01", "eligibility_from": "2021-01-01",
        "intake_date": "2026-11-24",
    }
    return data


def referral() -> dict[str, Any]:
    data = copy.deepcopy(_BASE)
    data["number"] = "330102101-20261124-0001-Z1"
    data["application_number"] = "330102101-20261124-0001"
    data["department"] = {"code": "HEALTHCARE", "name": "县医疗保障局"}
    data["items"] = copy.deepcopy(_ITEMS[1:])
    data["materials"] = copy.deepcopy(_MATERIALS[4:])
    data["referral"] = {"pass_on_date": "2026-11-25", "feedback_date": "2026-12-22",
                        "provisional": False}
    return data


def referral_provider() -> dict[str, Any]:
    """A 转办单 to a provider (issue 15): a service item to the township's 社工站."""
    data = referral()
    data["number"] = "330102101-20261124-0001-Z2"
    data["department"] = {"code": "SOCIAL", "name": "铺镇社会工作服务站"}
    data["provider"] = {"uuid": "00000000-0000-4000-8000-000000000015",
                        "name": "铺镇社会工作服务站", "kind": "社工站", "contact": "周社工",
                        "phone": "0916-2512345", "address": "铺镇人民政府院内便民服务中心二楼"}
    data["items"] = [{"code": "SVC_CARE", "name": "照料服务", "handler": "铺镇社会工作服务站",
                      "limit_days": 10, "due_date": "2026-12-08",
                      "provisional": False}]
    data["materials"] = []
    return data


def result_notice() -> dict[str, Any]:
    data = copy.deepcopy(_BASE)
    data["number"] = "330102101-20261124-0001-G1"
    data["issued_date"] = "2027-01-08"
    data["intake_date"] = "2026-11-24"
    data["application_number"] = "330102101-20261124-0001"
    data["results"] = [
        {"name": "最低生活保障", "department": "县民政局", "outcome": "已办结",
         "result": "同意给予最低生活保障", "amount": "每月 600.00 元",
         "period": "2026年12月至2027年11月", "date": "2026-12-28",
         "note": "保障金按月打入申请人社会保障卡"},
        {"name": "医疗救助", "department": "县医疗保障局", "outcome": "不予办理",
         "result": "申请人本次住院费用已由基本医疗保险和大病保险报销，个人自付部分未达到医疗救助起付标准",
         "amount": "", "period": "", "date": "2026-12-18", "note": ""},
    ]
    data["has_refusal"] = True
    data["appeal"] = {"review_days": 30, "reconsideration_days": 60, "litigation_months": 6}
    return data


def handover_list() -> dict[str, Any]:
    data = copy.deepcopy(_BASE)
    del data["applicant"], data["application_number"]  # a list for many applicants: no one's personal data here
    data["number"] = "330102101-20261124-QD03"
    data["department"] = {"code": "CIVIL", "name": "县民政局"}
    data["rows"] = [
        {"referral_number": "330102101-20261124-0001-Z1",
         "application_number": "330102101-20261124-0001", "applicant": "张三",
         "items": "最低生活保障", "materials": 4, "feedback_date": "2027-01-05"},
        {"referral_number": "330102101-20261124-0003-Z1",
         "application_number": "330102101-20261124-0003", "applicant": "周" + _RARE,
         "items": "特困人员救助供养", "materials": 6, "feedback_date": "2027-01-05"},
        {"referral_number": "330102101-20261124-0005-Z2",
         "application_number": "330102101-20261124-0005", "applicant": "欧阳秀兰",
         "items": "最低生活保障、临时救助", "materials": 5, "feedback_date": "2026-12-15"},
    ]
    data["count"] = len(data["rows"])
    return data


def emergency_record() -> dict[str, Any]:
    data = copy.deepcopy(_BASE)
    data["number"] = "330102101-20261124-0007-J1"
    data["application_number"] = "330102101-20261124-0007"
    data["applicant"].update(
        name="刘" + _RARE + "芳", id_number="330102198507150326",
        id_number_masked="330102********0326", phone="13900000001",
        hukou_address="浙江省杭州市某某县城关镇西村五组12号",
        current_address="城关镇西村五组12号")
    data["aid"] = {"amount": "1,500.00", "amount_upper": "壹仟伍佰元整", "method": "现金",
                   "cause": "住房因11月22日夜间火灾烧毁，家中衣物、被褥和口粮全部损毁",
                   "paid_date": "2026-11-24", "paperwork_due": "2026-12-08",
                   "provisional": False, "ceiling": "3,000.00",
                   "cumulative": "本次发放后，本事项累计救助 1,500.00 元，本家庭2026年累计获乡镇"
                                 "（街道）临时救助 2,300.00 元，均未超过乡镇（街道）临时救助审批"
                                 "额度 3,000.00 元。"}
    data["previous"] = [
        {"date": "2026-03-16", "item": "临时救助", "amount": "800.00",
         "cause": "子女患急病住院，自付医疗费用较高"},
    ]
    data["year_count"] = len(data["previous"])
    data["year_total"] = "800.00"
    data["members"] = [
        {"name": "刘" + _RARE + "芳", "relation": "本人", "id_number_masked": "330102********0326"},
        {"name": "陈建国", "relation": "配偶", "id_number_masked": "330102********0314"},
        {"name": "陈小雨", "relation": "女", "id_number_masked": "330102********0022"},
    ]
    data["hardship_reason"] = ("家中主要劳动力陈建国在火灾中烧伤，正在县人民医院住院治疗，"
                               "家庭暂无收入来源，一家三口临时借住亲戚家，基本生活出现困难。")
    return data


# -- issue 13: the 审核确认 procedure --------------------------------------------------

def _task(decider: str = "城关镇人民政府", township_decides: bool = True) -> dict[str, Any]:
    return {"item": "最低生活保障", "code": "DIBAO", "intake_date": "2026-11-24",
            "due_date": "2026-12-22", "due_provisional": False, "decider": decider,
            "township_decides": township_decides, "extended_days": 0}


def visit_form() -> dict[str, Any]:
    """The 入户调查表 before the visit: the household as declared, blanks for findings."""
    data = declaration()
    data["number"] = "330102101-20261124-0001-D1"
    data["issued_date"] = "2026-11-26"
    for row, age in zip(data["members"], ("76", "75", "14", "48"), strict=True):
        row["age"] = age
    data["task"] = _task()
    data["visit"] = {"recorded": False, "date": "", "people": "", "investigator1": "",
                     "investigator2": "", "findings": ""}
    return data


def visit_form_recorded() -> dict[str, Any]:
    """The same form printed after the visit was recorded (names, date, findings)."""
    data = visit_form()
    data["visit"] = {"recorded": True, "date": "2026-11-27", "people": "李四、赵" + _RARE,
                     "investigator1": "李四", "investigator2": "赵" + _RARE,
                     "findings": "住房为砖混结构自建房约 86 平方米，家中无机动车；配偶长期患病，"
                                 "申请人务农，收入与申报一致。"}
    return data


_FIGURES = {
    "available": True, "members_all": "4", "members_counted": "3", "gross": "1,450.00",
    "excluded": "450.00", "deduction": "120.00", "net": "880.00", "net_per_capita": "293.33",
    "standard": "600.00", "basis": "农村", "comparison": "低于农村低保标准",
    "topup": "920.00", "standards_from": "2026-01-01",
}

_STEPS = [
    {"stage": "入户调查", "date": "2026-11-27", "people": "李四、赵" + _RARE,
     "outcome": "已调查", "text": "住房、收入情况与申报一致", "ref": ""},
    {"stage": "信息核对", "date": "2026-11-27 至 12-03", "people": "",
     "outcome": "核对一致", "text": "", "ref": "HD-2026-1188"},
    {"stage": "公示", "date": "2026-12-04 至 12-10", "people": "",
     "outcome": "无异议", "text": "东村村务公开栏", "ref": "330102101-20261204-GS01"},
]


def decision_form() -> dict[str, Any]:
    """审核确认表: the township decides (审核确认权下放)."""
    data = _household()
    data["number"] = "330102101-20261124-0001-S1"
    data["issued_date"] = "2026-12-11"
    data["title"] = "最低生活保障审核确认表"
    data["task"] = _task()
    data["figures"] = dict(_FIGURES)
    data["steps"] = copy.deepcopy(_STEPS) + [
        {"stage": "审核确认", "date": "2026-12-11", "people": "", "outcome": "同意",
         "text": "同意纳入最低生活保障", "ref": ""}]
    data["opinion"] = {"recorded": True, "label": "审核确认意见", "outcome": "同意",
                       "text": "经入户调查、信息核对和公示，该户符合最低生活保障条件，同意纳入。",
                       "amount": "每月 920.00 元", "period": "2026年12月至2027年11月",
                       "date": "2026-12-11"}
    data["county"] = {"recorded": False, "blank": False, "outcome": "", "text": "", "amount": "",
                      "period": "", "date": "", "ref": "", "source": ""}
    return data


def decision_form_county() -> dict[str, Any]:
    """初审意见表: the county decides; the township's 初审 not yet recorded."""
    data = decision_form()
    data["title"] = "最低生活保障初审意见表"
    data["task"] = _task("县民政局", False)
    data["county"]["blank"] = True
    data["steps"] = copy.deepcopy(_STEPS)
    data["opinion"] = {"recorded": False, "label": "乡镇（街道）初审意见", "outcome": "",
                       "text": "", "amount": "", "period": "", "date": ""}
    return data


def extension_notice() -> dict[str, Any]:
    data = copy.deepcopy(_BASE)
    data["number"] = "330102101-20261124-0001-Y1"
    data["issued_date"] = "2026-12-18"
    data["application_number"] = "330102101-20261124-0001"
    data["intake_date"] = "2026-11-24"
    data["items"] = copy.deepcopy(_ITEMS[:1])
    data["task"] = _task()
    data["extension"] = {"date": "2026-12-18", "days": 15, "due_before": "2026-12-22",
                         "due_after": "2027-01-13", "provisional": True,
                         "reason": "申请人家庭成员收入情况需向外省就业地核实，核对结果尚未反馈"}
    return data


def publicity_list() -> dict[str, Any]:
    """A village's 公示名单: adults' names and items only; no ID numbers; a minor
    applicant's application, 孤儿 items and minor members' names are left out."""
    data = copy.deepcopy(_BASE)
    del data["applicant"], data["application_number"]  # a list for many applicants
    data["number"] = "330102101-20261204-GS01"
    data["issued_date"] = "2026-12-04"
    data["village"] = {"name": "东村村民委员会", "code": "330102101201"}
    data["publicity"] = {"start": "2026-12-04", "end": "2026-12-10", "days": 7,
                         "phone": "0571-12345678", "address": "城关镇人民政府便民服务中心社会救助窗口",
                         "basis": "《社会救助暂行办法》和最低生活保障、特困人员认定有关规定"}
    data["entries"] = [
        {"applicant": "张三", "members": "张三、王\U000201D4", "household_size": 3,
         "items": "最低生活保障"},
        {"applicant": "周" + _RARE, "members": "周" + _RARE, "household_size": 1,
         "items": "特困人员救助供养"},
        {"applicant": "欧阳秀兰", "members": "欧阳秀兰、林建华", "household_size": 4,
         "items": "最低生活保障"},
    ]
    data["count"] = len(data["entries"])
    return data


def report_list() -> dict[str, Any]:
    data = copy.deepcopy(_BASE)
    del data["applicant"], data["application_number"]
    data["number"] = "330102101-20261211-SB01"
    data["issued_date"] = "2026-12-11"
    data["department"] = {"code": "CIVIL", "name": "县民政局"}
    data["reports"] = [
        {"application_number": "330102101-20261124-0001", "applicant": "张三",
         "village": "东村", "item": "最低生活保障", "intake_date": "2026-11-24",
         "opinion": "同意：符合最低生活保障条件", "household_size": 3, "amount": "每月 920.00 元"},
        {"application_number": "330102101-20261125-0003", "applicant": "周" + _RARE,
         "village": "东村", "item": "特困人员救助供养", "intake_date": "2026-11-25",
         "opinion": "同意：无劳动能力、无生活来源、无法定赡养义务人", "household_size": 1,
         "amount": ""},
        {"application_number": "330102101-20261126-0002", "applicant": "欧阳秀兰",
         "village": "西村", "item": "最低生活保障", "intake_date": "2026-11-26",
         "opinion": "不同意：家庭人均收入高于当地低保标准", "household_size": 4, "amount": ""},
    ]
    data["count"] = len(data["reports"])
    return data


def reserve_statement() -> dict[str, Any]:
    """备用金月度收支明细 (issue 13): the shape of ``services/reserve.statement_data``."""
    data = copy.deepcopy(_BASE)
    del data["applicant"], data["application_number"]  # a list for many applicants
    data["number"] = "330102101-20261201-YB01"
    data["issued_date"] = "2026-12-01"
    data["derived"] = {"government": "城关镇人民政府"}
    data["reserve"] = {"month": "2026年11月", "period_from": "2026-11-01",
                       "period_to": "2026-11-30", "partial": False, "opening": "12,000.00",
                       "closing": "14,300.00", "receipts": "8,000.00", "payments": "6,000.00",
                       "refunds": "300.00", "income": "8,300.00"}
    data["entries"] = [
        {"number": "330102101-20261103-BR01", "date": "2026-11-03", "kind": "拨入",
         "application_number": "", "applicant": "", "text": "县民政局拨付第四季度备用金",
         "income": "8,000.00", "expense": "", "balance": "20,000.00"},
        {"number": "330102101-20261110-ZF01", "date": "2026-11-10", "kind": "支付",
         "application_number": "330102101-20261110-0002", "applicant": "刘" + _RARE + "芳",
         "text": "先行救助 J1", "income": "",
         "expense": "1,500.00", "balance": "18,500.00"},
        {"number": "330102101-20261118-ZF01", "date": "2026-11-18", "kind": "支付",
         "application_number": "330102101-20261105-0004", "applicant": "欧阳秀兰",
         "text": "临时救助（支出型）", "income": "", "expense": "4,500.00",
         "balance": "14,000.00"},
        {"number": "330102101-20261124-TH01", "date": "2026-11-24", "kind": "退回",
         "application_number": "330102101-20261110-0002", "applicant": "刘" + _RARE + "芳",
         "text": "多付部分退回", "income": "300.00", "expense": "", "balance": "14,300.00"},
    ]
    for row in data["entries"]:
        row["application"] = f"{row['applicant']} {row['application_number']}".strip()
    data["count"] = len(data["entries"])
    return data


def reserve_batch() -> dict[str, Any]:
    """临时救助备用金报账单 (issue 13): the shape of ``services/reserve.batch_data``."""
    data = copy.deepcopy(_BASE)
    del data["applicant"], data["application_number"]
    data["number"] = "330102101-20261201-BZ01"
    data["issued_date"] = "2026-12-01"
    data["derived"] = {"government": "城关镇人民政府"}
    data["batch"] = {"number": data["number"], "up_to": "2026-11-30", "payments": 2,
                     "refunds": 1, "total": "5,700.00", "total_upper": "伍仟柒佰元整",
                     "text": "11月备用金支付报账"}
    data["entries"] = [
        {"number": "330102101-20261110-ZF01", "date": "2026-11-10", "kind": "支付",
         "application_number": "330102101-20261110-0002", "applicant": "刘" + _RARE + "芳",
         "text": "先行救助 J1", "amount": "1,500.00"},
        {"number": "330102101-20261118-ZF01", "date": "2026-11-18", "kind": "支付",
         "application_number": "330102101-20261105-0004", "applicant": "欧阳秀兰",
         "text": "临时救助（支出型）", "amount": "4,500.00"},
        {"number": "330102101-20261124-TH01", "date": "2026-11-24", "kind": "退回",
         "application_number": "330102101-20261110-0002", "applicant": "刘" + _RARE + "芳",
         "text": "多付部分退回", "amount": "-300.00"},
    ]
    data["count"] = len(data["entries"])
    return data


def material_checklist() -> dict[str, Any]:
    """补齐材料清单 (issue 13): an urgent case whose materials came in after 先行救助."""
    data = emergency_record()
    data["number"] = "330102101-20261124-0007-B1"
    data["checklist"] = {"items": "临时救助（急难型）", "accepted_on": "2026-11-24",
                         "complete": False, "missing_count": 1, "last_date": "2026-11-27"}
    data["material_rows"] = [
        {"name": "社会救助申请书", "status": "已收取", "done": "✓"},
        {"name": "急难情况说明", "status": "已收取", "done": "✓"},
        {"name": "火灾、交通事故等意外事件证明", "status": "信息共享免提交", "done": "✓"},
        {"name": "诚信承诺书", "status": "缺少", "done": ""},
    ]
    data["paperwork"] = [
        {"date": "2026-11-27", "changes": "急难情况说明：已收取；火灾、交通事故等意外事件证明："
                                          "信息共享免提交", "note": "村委会出具火灾情况说明"},
    ]
    return data



# -- issue 15 — reviews (core/services/dynamic/forms.py) ----------------------------------
def _review(outcome: str = "adjust") -> dict[str, Any]:
    return {
        "kind": "变更申报", "granted": "2026-12-01", "on": "2027-02-10", "changes": "收入",
        "snapshot_no": 1, "class": "C类",
        "class_reason": "有劳动能力的家庭成员 1 人，收入来源不固定（工资性收入；灵活就业）",
        "suggested": "调整救助金额",
        "suggestion_reason": "人均月收入 250 元，农村低保标准 550 元；拟补差 550 元 × 2 人 − "
                             "家庭月收入 500 元 = 600 元/月（现发放 800 元/月）",
        "outcome": {"adjust": "调整救助金额", "taper": "渐退", "stop": "停止救助"}[outcome],
        "outcome_code": outcome,
        "amount": "—" if outcome == "stop" else "600.00 元/月",
        "effective_month": "2027年3月",
        "taper_ends_on": "2027-08-31" if outcome == "taper" else "",
        "stop_reason": "家庭成员已稳定就业，人均收入超过低保标准 1.5 倍" if outcome == "stop" else "",
        "investigators": "王五、赵六", "findings": "配偶在县城务工，月收入约 300 元，已核实工资流水",
        "next_review_on": "2027-08-10", "members": 2, "net_income": "500.00 元",
        "per_capita": "250.00 元", "topup": "600.00 元/月", "standards_from": "2026-01-01",
    }


def recheck_form() -> dict[str, Any]:
    data = copy.deepcopy(_BASE)
    data["number"] = "330102101-20261124-0001-F1"
    data["issued_date"] = "2027-02-10"
    data["application_number"] = "330102101-20261124-0001"
    data["task"] = {"item": "最低生活保障", "code": "DIBAO"}
    data["review"] = _review()
    data["household"] = {
        "members": [
            {"name": "张三", "relation": "本人", "id_number": "330102********1234",
             "health": "多病", "employment": "无劳动能力", "disability": "", "counted": "是"},
            {"name": "李四", "relation": "配偶", "id_number": "330102********5678",
             "health": "健康", "employment": "灵活就业", "disability": "", "counted": "是"},
        ],
        "incomes": [{"label": "工资性收入", "amount": "300 元"},
                    {"label": "种植养殖收入", "amount": "200 元"}],
        "deposits": "2000 元", "vehicles": "0", "houses": "1", "housing_area": "60 平方米",
        "business": "无", "medical": "3000 元（已报销 1200 元）", "education": "0 元",
    }
    return data


def review_notice(outcome: str = "stop") -> dict[str, Any]:
    data = copy.deepcopy(_BASE)
    data["number"] = "330102101-20261124-0001-T1"
    data["issued_date"] = "2027-02-10"
    data["application_number"] = "330102101-20261124-0001"
    data["task"] = {"item": "最低生活保障", "code": "DIBAO"}
    data["review"] = _review(outcome)
    data["title"] = {"adjust": "最低生活保障金变更告知书", "taper": "社会救助渐退告知书",
                     "stop": "停止社会救助告知书"}[outcome]
    data["notice"] = {"adjust": outcome == "adjust", "taper": outcome == "taper",
                      "stop": outcome == "stop"}
    data["appeal"] = {"review_days": 30, "reconsideration_days": 60, "litigation_months": 6}
    return data


def review_notice_taper() -> dict[str, Any]:
    return review_notice("taper")


def taper_list() -> dict[str, Any]:
    data = copy.deepcopy(_BASE)
    del data["applicant"], data["application_number"]  # a list for many households
    data["number"] = "330102101-20270801-JT01"
    data["issued_date"] = "2027-08-01"
    data["month"] = "2027年8月"
    data["tapers"] = [
        {"application_number": "330102101-20261124-0001", "applicant": "张三",
         "village": "东村村民委员会", "item": "最低生活保障", "from": "2027年3月",
         "ends_on": "2027-08-31", "amount": "600.00 元/月"},
        {"application_number": "330102101-20261125-0003", "applicant": "欧阳娜娜",
         "village": "西村村民委员会", "item": "最低生活保障", "from": "2027年3月",
         "ends_on": "2027-08-31", "amount": "420.00 元/月"},
    ]
    data["count"] = len(data["tapers"])
    return data


# -- issue 15 — care (core/services/care_forms.py builds the same shape) ----------------------

_INDICATORS = ("自主吃饭", "自主穿衣", "自主上下床", "自主如厕", "室内自主行走", "自主洗澡")


def _care_base(number: str) -> dict[str, Any]:
    data = copy.deepcopy(_BASE)
    data["number"] = number
    data["issued_date"] = "2026-11-30"
    failed = {"自主穿衣", "自主洗澡"}
    data["person"] = {"name": "王" + _RARE + "华", "sex": "男", "age": "78",
                      "id_number_masked": "522201********0017",
                      "hukou_address": "贵州省铜仁市碧江区清水镇石桥村四组", "phone": ""}
    data["assessment"] = {
        "date": "2026-11-28",
        "rows": [{"name": n, "met": "不能" if n in failed else "能",
                  "mark_yes": "" if n in failed else "√", "mark_no": "√" if n in failed else ""}
                 for n in _INDICATORS],
        "failed_count": "2", "level": "部分丧失生活自理能力",
        "reason": "6项指标中2项不能达到（自主穿衣、自主洗澡）",
        "assessors": "李四、赵六", "assessor_rows": [{"name": "李四"}, {"name": "赵六"}],
        "setting_from": "2021-01-01", "recorder": "李四"}
    data["care"] = {
        "mode": "分散供养", "dispersed": True, "institution": "",
        "caretaker": {"kind": "亲友", "name": "王建国", "relation": "侄子",
                      "phone": "13900000001", "address": "贵州省铜仁市碧江区清水镇石桥村四组"},
        "services": ["日常看护", "生活照料", "住院陪护"],
        "services_text": "日常看护、生活照料、住院陪护",
        "starts_on": "2026-12-01", "ends_on": "2027-11-30", "signed_on": "2026-11-30",
        "amount": "400.00", "amount_upper": "肆佰元整", "note": ""}
    data["care_duties"] = {
        "township": ["按月（季）足额支付照料护理费；", "会同村（居）民委员会定期走访丙方。"],
        "caretaker": ["按本协议约定为丙方提供照料服务；", "丙方患病时及时送医。"],
        "person": ["享受本协议约定的照料服务；", "配合乙方的照料服务。"],
    }
    return data


def care_agreement() -> dict[str, Any]:
    """The 委托照料协议 of a 分散供养 person who partly lost self-care."""
    return _care_base("330102101-20261124-0001-W1")


def self_care_assessment() -> dict[str, Any]:
    return _care_base("330102101-20261124-0001-P1")


def _lead_base() -> dict[str, Any]:
    data = copy.deepcopy(_BASE)
    del data["applicant"], data["application_number"]  # a lead is not an application
    data["derived"] = {"government": "城关镇人民政府"}
    return data


def lead_slip() -> dict[str, Any]:
    """主动发现线索登记单 (issue 15): the shape of ``services/leads.lead_data``."""
    data = _lead_base()
    data["number"] = "XS2026-0007-D"
    data["lead"] = {
        "number": "XS2026-0007", "source": "12345热线", "reported_on": "2026-11-20",
        "ticket_no": "GD202611200153", "origin_ref": "", "reporter": "王" + _RARE + "明",
        "reporter_phone": "13900000000", "subject": "欧阳秀兰",
        "id_number_masked": "110105********0021", "phone": "",
        "village": "东村", "address": "城关镇东村三组47号",
        "situation": "老人独居，腿脚不便，儿子在外务工多年未回，冬天取暖困难，邻居反映已多日未见其出门买菜。",
        "assignee": "赵" + _RARE, "visit_due": "2026-11-27", "reply_due": "2026-11-27",
        "replied": False, "replied_on": "", "reply_text": "", "status": "已走访",
        "outcome": "", "outcome_text": ""}
    data["visits"] = [{"date": "2026-11-22", "people": "赵" + _RARE + "、李四",
                       "findings": "独居，有低保边缘迹象，建议帮助申请。"}]
    return data


def hotline_reply() -> dict[str, Any]:
    """12345热线工单办理回复单 (issue 15)."""
    data = lead_slip()
    data["number"] = "XS2026-0007-H"
    data["lead"].update({"replied": True, "replied_on": "2026-11-25", "status": "已办结",
                         "outcome": "帮助申请",
                         "reply_text": "已安排村协理员入户核实，并帮助老人向镇社会救助服务窗口提出申请，窗口已受理。"})
    return data


def lead_visit_list() -> dict[str, Any]:
    """主动发现线索走访名单 of one village (issue 15)."""
    data = _lead_base()
    data["number"] = "ZF20261124-330102101001"
    data["count"] = 2
    data["lead"] = {"village": "东村"}
    data["leads"] = [
        {"number": "XS2026-0007", "source": "12345热线", "reported_on": "2026-11-20",
         "subject": "欧阳秀兰", "id_number_masked": "110105********0021",
         "address": "城关镇东村三组47号", "situation": "老人独居，腿脚不便，取暖困难。",
         "assignee": "赵" + _RARE, "visit_due": "2026-11-27"},
        {"number": "XS2026-0009", "source": "村协理员", "reported_on": "2026-11-23",
         "subject": "刘" + _RARE + "芳", "id_number_masked": "",
         "address": "东村五组", "situation": "丈夫重病住院，两个孩子上学，家中无劳动力。",
         "assignee": "", "visit_due": "2026-11-30"},
    ]
    return data


def issuance_register() -> dict[str, Any]:
    """发文登记簿 (issue 17): the shape of ``services/issuance_register.register_data`` —
    numbers, kinds, days and staff, no applicant."""
    data = copy.deepcopy(_BASE)
    del data["applicant"], data["application_number"]
    data["number"] = "330102101-20261201-DJ01"
    data["issued_date"] = "2026-12-01"
    data["clerk"] = "李四"
    data["derived"] = {"government": "城关镇人民政府"}
    rows = [
        ("330102101-20261103-0001", "社会救助申请受理回执", "2026-11-03", "330102101-20261103-0001",
         "李四", 1, "有效"),
        ("330102101-20261103-0001-Z1", "社会救助事项转办单", "2026-11-03",
         "330102101-20261103-0001", "李四", 1, "有效"),
        ("330102101-20261104-0002", "社会救助申请受理回执", "2026-11-04", "330102101-20261104-0002",
         "王" + _RARE, 2, "作废 2026-11-05"),
        ("330102101-20261130-QD01", "转办清单", "2026-11-30", "—", "李四", 0, "有效"),
    ]
    data["register_rows"] = [
        {"seq": i, "number": n, "title": t, "date": d, "application_number": a, "clerk": c,
         "prints": p, "status": st} for i, (n, t, d, a, c, p, st) in enumerate(rows, 1)]
    data["register"] = {"period": "2026年11月", "period_from": "2026-11-01",
                        "period_to": "2026-11-30", "total": len(rows), "voided": 1,
                        "valid": len(rows) - 1}
    data["count"] = len(rows)
    return data


def stats_report() -> dict[str, Any]:
    """统计报表 (issue 16): the shape of ``services/stats_report.report_data`` — a quarter
    by village, so both charts print."""
    data = copy.deepcopy(_BASE)
    del data["applicant"], data["application_number"]  # counts only, nobody's data
    data["number"] = "330102101-20261207-TJ01"
    data["issued_date"] = "2026-12-07"
    data["clerk"] = "李四"
    data["derived"] = {"government": "城关镇人民政府"}
    villages = ["东村", "西村", "南" + _RARE + "村", "城关社区", "新华村民委员会第二居民小组"]
    received = [12, 7, 3, 21, 5]
    rows = []
    for name, n in zip(villages, received):
        rows.append({"key": name, "label": name, "total": False, "received": str(n),
                     "accepted": str(n - 1), "notices": "1", "refusals": "0",
                     "referred": str(n + 2), "answered": str(n), "overdue": "1",
                     "closed": str(n - 2), "completion_rate": f"{(n - 2) / (n + 2):.1%}",
                     "median_days": "9", "emergency_count": "1", "emergency_fen": "1,500.00",
                     "rechecks_due": "3", "rechecks_done": "2"})
    rows.append({"key": "", "label": "合计", "total": True, "received": "48",
                 "accepted": "43", "notices": "5", "refusals": "0", "referred": "58",
                 "answered": "48", "overdue": "5", "closed": "38",
                 "completion_rate": "65.5%", "median_days": "9", "emergency_count": "5",
                 "emergency_fen": "7,500.00", "rechecks_due": "15", "rechecks_done": "10"})
    data["count"] = len(villages)
    data["stats"] = {
        "period": "2026年第四季度", "period_from": "2026-10-01", "period_to": "2026-12-31",
        "by": "村（社区）", "figure": "受理登记", "generated_at": "2026年12月7日 09:30",
        "months": 3, "multi_month": True, "rows": len(villages),
        "definitions": "合计按不重复的申请计数，一件申请含多个救助事项时在各事项行分别计入。",
    }
    data["stat_rows"] = rows
    data["charts"] = {
        "bars": [{"label": v, "value": n, "text": str(n)} for v, n in zip(villages, received)],
        "line": [{"label": "10月", "value": 15, "text": "15"},
                 {"label": "11月", "value": 19, "text": "19"},
                 {"label": "12月", "value": 14, "text": "14"}],
    }
    return data


def household_file() -> dict[str, Any]:
    """一户一档 档案目录 (issue 16): the shape of ``services/household_pdf.index_data``."""
    data = copy.deepcopy(_BASE)
    data["number"] = "330102101000-HF-20261124103000"
    data["household_file"] = {"applications": 2, "documents": 3, "pages": 6,
                              "index_pages": 1, "withheld": 0}
    data["household_apps"] = [
        {"number": "330102101-20250310-0004", "intake_date": "2025-03-10",
         "items": "最低生活保障", "status": "已办结"},
        {"number": "330102101-20261124-0001", "intake_date": "2026-11-24",
         "items": "医疗救助、临时救助（急难型）", "status": "已受理"},
    ]
    data["files"] = [
        {"title": "社会救助申请受理回执", "number": "330102101-20250310-0004",
         "date": "2025-03-10", "application_number": "330102101-20250310-0004",
         "page": 2, "pages": 1, "note": ""},
        {"title": "社会救助事项转办单", "number": "330102101-20261124-0001-Z1",
         "date": "2026-11-24", "application_number": "330102101-20261124-0001",
         "page": 3, "pages": 2, "note": "已作废"},
        {"title": "社会救助申请书", "number": "330102101-20261124-0001",
         "date": "2026-11-24", "application_number": "330102101-20261124-0001",
         "page": None, "pages": None, "note": "未收录：载有完整证件号码"},
    ]
    data["applicant"]["name"] = "张" + _RARE
    return data


SAMPLES = {
    "receipt": receipt,
    "notice_missing": notice_missing,
    "notice_reject": notice_reject,
    "commitment": commitment,
    "referral": referral,
    "result_notice": result_notice,
    "handover_list": handover_list,
    "emergency_record": emergency_record,
    "application_form": application_form,
    "declaration": declaration,
    "calculation": calculation,
    "visit_form": visit_form,
    "decision_form": decision_form,
    "extension_notice": extension_notice,
    "publicity_list": publicity_list,
    "report_list": report_list,
    "reserve_statement": reserve_statement,
    "reserve_batch": reserve_batch,
    "material_checklist": material_checklist,
    # issue 15 — reviews
    "recheck_form": recheck_form,
    "review_notice": review_notice,
    "taper_list": taper_list,
    "care_agreement": care_agreement,  # issue 15 — care
    "self_care_assessment": self_care_assessment,
    "lead_slip": lead_slip,  # issue 15 — leads
    "hotline_reply": hotline_reply,
    "lead_visit_list": lead_visit_list,
    "stats_report": stats_report,  # issue 16
    "household_file": household_file,  # issue 16 — household
    "issuance_register": issuance_register,  # issue 17 — qrcheck
}


#: Other cases of a kind (name -> (kind, builder)): the tests render these as well.
VARIANTS = {
    "receipt_after_supplement": ("receipt", receipt_after_supplement),
    "visit_form_recorded": ("visit_form", visit_form_recorded),
    "decision_form_county": ("decision_form", decision_form_county),
    "review_notice_taper": ("review_notice", review_notice_taper),  # issue 15
}


def sample(kind: str) -> dict[str, Any]:
    """A fresh copy of the sample data for ``kind``."""
    return SAMPLES[kind]()


def main(argv: list[str] | None = None) -> int:
    from desktop_app.printing import render_document

    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else ".")
    out.mkdir(parents=True, exist_ok=True)
    for kind in SAMPLES:
        target = out / f"{kind}.pdf"
        target.write_bytes(render_document(kind, sample(kind)))
        print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
