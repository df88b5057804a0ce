"""The 一表登记 forms (issue 12): 社会救助申请书, 家庭经济状况申报表, 家庭经济状况核算表,
and the 承诺书/核对授权书 v3 with a recorded guardian — read back with poppler.

Every name in full (a 25-character name, CJK Ext-B), full ID numbers, counted/excluded
marks, one signature row per adult (and guardian / supporter), long households over
several pages with the header repeated, fonts embedded, the same bytes twice.
"""

from __future__ import annotations

import copy

import pytest

from desktop_app.printing import load_template, render_document
from desktop_app.printing.context import GUARDIAN_ROLE, build_context
from desktop_app.printing.samples import sample
from tests.helpers.printing import squash

pytestmark = pytest.mark.usefixtures("poppler")

LONG_NAME = "买买提艾力·阿卜杜热依木·艾合买提江·吐尔逊托合提"   # 25 characters
RARE_NAME = "龚\U0002123C\u4dae"                               # 𡈼 Ext-B, 䶮 Ext-A
FORMS = ("application_form", "declaration", "calculation")


# -- reading the PDFs ------------------------------------------------------------------
def _text(poppler, pdf: bytes, *args: str) -> str:
    return squash(poppler.text(pdf, *args))


def _lines(poppler, pdf: bytes, *args: str) -> list[str]:
    """Physical lines (``pdftotext -layout``) without spaces: one table row of
    single-line cells is one line, its cells in order."""
    return [squash(line) for line in poppler.text(pdf, "-layout", *args).splitlines()
            if line.strip()]


def _has_line(lines: list[str], text: str) -> bool:
    return any(text in line for line in lines)


def column(poppler, pdf: bytes, header: str) -> str:
    """Everything printed in the table column headed ``header`` (on every page), top
    to bottom: cells are centred on their column, so each word below the header goes
    to the header of that row whose centre is nearest; a wrapped cell's lines come
    out joined."""
    _, words = poppler.words(pdf)
    out = []
    for page in sorted({w[5] for w in words}):
        on_page = [w for w in words if w[5] == page]
        ours = [w for w in on_page if w[0] == header]
        if not ours:
            continue
        top = ours[0][2]
        heads = [((w[1] + w[3]) / 2, w[0]) for w in on_page if abs(w[2] - top) < 12]
        for text, x0, y0, x1, _y1, _page in sorted(on_page, key=lambda w: (w[2], w[1])):
            if y0 <= top + 12 or x1 - x0 > 160:
                continue
            centre = (x0 + x1) / 2
            if min(heads, key=lambda h: abs(h[0] - centre))[1] == header:
                out.append(text)
    return "".join(out)


def _pages(poppler, pdf: bytes) -> int:
    return int(poppler.info(pdf)["Pages"])


# -- households --------------------------------------------------------------------------
def _id(n: int, adult: bool = True) -> str:
    return f"11010519{60 + n:02d}0101{n:03d}X" if adult else f"1101052015060{n:03d}21"


def _member(name: str, relation: str, n: int, adult: bool = True, **kw) -> dict:
    id_number = _id(n, adult)
    row = {"name": name, "relation": relation, "id_type": "居民身份证", "id_number": id_number,
           "id_number_masked": id_number[:6] + "********" + id_number[-4:], "adult": adult,
           "sex": "", "health": "健康", "employment": "", "disability": "", "counted": "是",
           "counted_reason": "", "guardian": False}
    row.update(kw)
    return row


def _supporter(name: str, relation: str, n: int, able: str = "有", reason: str = "") -> dict:
    return {**_member(name, relation, n), "phone": "", "household_size": "3",
            "income": "2,400.00", "able": able, "unable_reason": reason}


def _with(kind: str, members: list[dict], supporters: list[dict] | None = None,
          guardian: dict | None = None) -> dict:
    data = sample(kind)
    head = members[0]
    data["applicant"].update(name=head["name"], id_number=head["id_number"])
    data["members"] = members
    data["supporters"] = supporters if supporters is not None else []
    data["guardian"] = guardian or {}
    return data


def big_household() -> list[dict]:
    """40 adults (the members table runs over two pages): the 25-character name and an
    Ext-B name among them; one not counted."""
    names = ["张三", LONG_NAME, RARE_NAME, "王\U000201D4", "李四海", "赵钱孙", "周吴郑",
             "冯陈褚", "卫蒋沈", "韩杨朱", "秦尤许", "何吕施", "孔曹严", "华金魏", "陶姜戚",
             "谢邹喻", "柏水窦", "章云苏", "潘葛奚", "范彭郎", "鲁韦昌", "马苗凤", "花方俞",
             "任袁柳"]
    names += [f"{a}{b}" for a in "欧阳司马" for b in ("建国", "秀兰", "志强", "丽华")]
    rows = [_member(n, "本人" if i == 0 else "其他", i) for i, n in enumerate(names)]
    rows[5].update(counted="否", counted_reason="服刑或强制隔离戒毒")
    return rows


def minor_household() -> list[dict]:
    return [_member("张小明", "本人", 1, adult=False),
            _member("张德顺", "祖父母", 2, guardian=True),
            _member("王秀英", "祖父母", 3)]


# -- every form ------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", FORMS)
def test_sample_forms_render_deterministically_with_embedded_fonts(kind, poppler):
    pdf = render_document(kind, sample(kind))
    assert pdf == render_document(kind, sample(kind))
    assert all(row["emb"] == "yes" and row["sub"] == "yes" for row in poppler.fonts(pdf))
    assert poppler.info(pdf)["Title"].startswith(load_template(kind).title)
    assert "……" not in poppler.text(pdf)


@pytest.mark.parametrize("kind", ("application_form", "declaration"))
def test_every_member_in_full_with_full_id_and_counted_mark(kind, poppler):
    pdf = render_document(kind, _with(kind, big_household()))
    text = _text(poppler, pdf)
    assert "……" not in text and "********" not in text
    names, ids = column(poppler, pdf, "姓名"), column(poppler, pdf, "证件号码")
    for m in big_household():
        assert squash(m["name"]) in names, m["name"]
        assert ids.count(m["id_number"]) == 1, m["name"]
    # the not-counted member: 否 on its row, and the reason's label
    lines = _lines(poppler, pdf)
    row = [line for line in lines if _id(5) in line]
    assert len(row) == 1 and "否" in row[0] and "是" not in row[0]
    assert "服刑或强制隔离戒毒" in column(poppler, pdf, "说明")
    rows = [line for line in lines if line[0].isdigit()
            and any(m["id_number"] in line for m in big_household())]
    assert len(rows) == 40 and sum("是" in line for line in rows) == 39
    # the members table runs over two pages, its header printed again on the second
    _, words = poppler.words(pdf)
    assert len({w[5] for w in words if w[0] == "说明"}) == 2


def test_rare_characters_print_in_every_form(poppler):
    for kind in FORMS:
        data = sample(kind)
        data["applicant"]["name"] = RARE_NAME
        pdf = render_document(kind, data)
        assert squash(RARE_NAME) in _text(poppler, pdf), kind


# -- 申报表 --------------------------------------------------------------------------------
def test_declaration_one_signature_row_per_adult_over_pages(poppler):
    data = _with("declaration", big_household())
    pdf = render_document("declaration", data)
    pages = _pages(poppler, pdf)
    _, words = poppler.words(pdf)
    # the declarants' table: its 签名（按手印） header on every page it spans
    heads = [w for w in words if w[0].startswith("签名")]
    assert len({w[5] for w in heads}) == len(heads) >= 2
    derived = build_context(data, load_template("declaration"))["derived"]
    assert [r["name"] for r in derived.get("declarants")] == [m["name"] for m in big_household()]
    tail = _text(poppler, pdf, "-f", str(heads[0][5] + 1))
    assert "如有虚假" in tail and "承担相应的法律责任" in tail
    # 序号 1..40 down the declarants' table, over its pages
    first = heads[0][5]
    numbers = [w[0] for w in sorted(words, key=lambda w: (w[5], w[2]))
               if w[5] >= first and w[0].isdigit() and len(w[0]) <= 2 and w[3] < 90]
    assert numbers == [str(n) for n in range(1, 41)]
    assert f"第{pages}页／共{pages}页" in _text(poppler, pdf, "-f", str(pages))


def test_declaration_income_property_spending_and_supporters(poppler):
    data = _with("declaration", [_member("张三", "本人", 0)],
                 [_supporter("张大", "子", 7),
                  _supporter(LONG_NAME, "女", 8, "无", "收入低于当地低保标准")])
    pdf = render_document("declaration", data)
    lines = _lines(poppler, pdf)
    assert _has_line(lines, "1工资性收入800.00计入") and _has_line(lines, "3生活补助450.00不计入")
    assert _has_line(lines, "月收入合计1,450.00元")
    for label, value in (("住房面积", "86平方米"), ("机动车", "0辆"), ("存款及有价证券", "5,000.00元"),
                         ("医疗费用总额", "12,000.00元"), ("医保等报销", "7,500.00元"),
                         ("医疗自付", "4,500.00元"), ("教育支出", "1,800.00元")):
        assert _has_line(lines, label + value), label
    assert _has_line(lines, "1张大子" + _id(7) + "32,400.00有")
    row = [line for line in lines if _id(8) in line]
    assert len(row) == 1 and "32,400.00无" in row[0]
    assert squash(LONG_NAME) in column(poppler, pdf, "姓名")
    assert "收入低于当地低保标准" in column(poppler, pdf, "无履行能力原因")


def test_declaration_minor_applicant_signed_by_recorded_outside_guardian(poppler):
    guardian = {"name": "刘\U0002123C芳", "relation": "其他亲属", "id_type": "居民身份证",
                "id_number": _id(9), "phone": "", "in_household": False}
    members = [_member("张小明", "本人", 1, adult=False), _member("张小红", "姐妹", 2, adult=False)]
    data = _with("declaration", members, guardian=guardian)
    derived = build_context(data, load_template("declaration"))["derived"]
    assert [(r["name"], r["role"]) for r in derived.get("declarants")] == [
        (guardian["name"], GUARDIAN_ROLE)]
    pdf = render_document("declaration", data)
    assert squash(guardian["name"]) in column(poppler, pdf, "姓名")
    assert squash(GUARDIAN_ROLE) in column(poppler, pdf, "身份")


# -- 申请书 --------------------------------------------------------------------------------
def test_application_form_fields_and_adult_signature(poppler):
    data = sample("application_form")
    data["residence"] = {"kind": "permit", "label": "居住证持有人在居住地申请",
                         "address": "城关镇南街社区8栋302室", "permit_no": "330102202600012345",
                         "summary": "居住证持有人在居住地申请（居住证号码：330102202600012345）"}
    pdf = render_document("application_form", data)
    lines = _lines(poppler, pdf)
    for part in ("申请人姓名张三联系电话13800000000", "证件号码110105194912310021",
                 "户籍地址浙江省杭州市某某县城关镇东村三组47号", "现居住地城关镇南街社区8栋302室",
                 "申请地居住证持有人在居住地申请（居住证号码：330102202600012345）",
                 "（1）最低生活保障", "申请人年逾七十", "申请人（签名或按手印）"):
        assert _has_line(lines, part), part
    assert "监护人" not in _text(poppler, pdf)
    assert _has_line(lines, "4张二子110105197803050017否服刑或强制隔离戒毒")
    assert _has_line(lines, "1张三本人110105194912310021是申请人本人")


def test_application_form_long_address_and_name_wrap_instead_of_cut(poppler):
    data = sample("application_form")
    address = "新疆维吾尔自治区喀什地区" + "某某县某某乡某某村" * 12 + "门牌号12号"
    data["applicant"].update(name=LONG_NAME, hukou_address=address)
    data["members"][0]["name"] = LONG_NAME
    pdf = render_document("application_form", data)
    assert "……" not in poppler.text(pdf)
    assert squash(address) in _text(poppler, pdf)
    assert squash(LONG_NAME) in _text(poppler, pdf)          # the field, on its lines
    assert squash(LONG_NAME) in column(poppler, pdf, "姓名")  # the members table


def test_application_form_minor_signed_by_the_recorded_guardian(poppler):
    data = _with("application_form", minor_household(),
                 guardian={"name": "张德顺", "relation": "祖父母", "id_type": "居民身份证",
                           "id_number": _id(2), "phone": "", "in_household": True})
    text = _text(poppler, render_document("application_form", data))
    assert "申请人（签名或按手印）" not in text
    assert "监护人：张德顺（祖父母），证件号码：" + _id(2) in text
    assert "监护人（签名）" in text and "监护人姓名：" not in text


def test_application_form_minor_without_recorded_guardian_keeps_fill_in_lines(poppler):
    alone = _with("application_form", [_member("张小明", "本人", 1, adult=False)])
    text = _text(poppler, render_document("application_form", alone))
    for label in ("家庭中无成年成员", "监护人姓名：", "与申请人关系：", "监护人证件号码：", "监护人（签名）"):
        assert label in text, label
    unnamed = _with("application_form", [{**m, "guardian": False} for m in minor_household()])
    text = _text(poppler, render_document("application_form", unnamed))
    assert "共同生活的成年家庭成员：张德顺、王秀英，由其中的监护人签字" in text


# -- 核算表 --------------------------------------------------------------------------------
def test_calculation_prints_the_numbers_and_excluded_members(poppler):
    data = sample("calculation")
    pdf = render_document("calculation", data)
    text = "\n".join(_lines(poppler, pdf))
    c = data["calc"]
    for part in (f"低保标准{c['standard']}元/人·月（农村）", "按申请人户籍",
                 f"低保边缘标准{c['edge_standard']}元/人·月", "家庭成员4人，计入家庭人口3人",
                 "1张二服刑或强制隔离戒毒", "3生活补助450.00不计入", "2种植养殖收入200.00计入",
                 f"家庭月总收入（毛收入）{c['gross']}元", f"减：不计入的收入{c['excluded_total']}元",
                 f"计入的收入{c['counted_income']}元", f"减：就业成本扣减{c['deduction']}元",
                 f"家庭月收入（计算收入）{c['net']}元", f"家庭人均月收入{c['net_per_capita']}元",
                 "与标准比较低于农村低保标准", "拟补差金额" + squash(c["topup_text"]),
                 "1存款5,000元，限额600元×24个月×3人=43,200元符合", "2机动车0辆，限1辆符合",
                 "2026年1月1日", "2021年1月1日", "经办人（签名）", "审核人（签名）"):
        assert part in text, part
    assert _pages(poppler, pdf) == 1


def test_calculation_without_standards_says_so(poppler):
    data = sample("calculation")
    data["calc"] = {"available": False}
    text = _text(poppler, render_document("calculation", data))
    assert "未能核算" in text and "低保标准" not in text


# -- commitment v3: the recorded guardian ----------------------------------------------
def _commitment(members: list[dict], supporters: list[dict], guardian: dict | None) -> dict:
    data = copy.deepcopy(sample("commitment"))
    data["applicant"].update(name=members[0]["name"], id_number=members[0]["id_number"])
    data["members"], data["supporters"], data["guardian"] = members, supporters, guardian or {}
    return data


def _rows(data: dict) -> list[tuple[str, str]]:
    derived = build_context(data, load_template("commitment"))["derived"]
    return [(r["name"], r["role"]) for r in derived.get("authorisers")]


def test_commitment_v3_recorded_guardian_named_and_signs(poppler):
    supporters = [_supporter("张大", "父亲", 7, "无", "失联、服刑或强制隔离戒毒"),
                  _supporter(LONG_NAME, "母亲", 8)]
    guardian = {"name": "张德顺", "relation": "祖父母", "id_type": "居民身份证",
                "id_number": _id(2), "phone": "", "in_household": True}
    data = _commitment(minor_household(), supporters, guardian)
    assert _rows(data) == [("张小明", "申请人（未成年，由监护人代签）"),
                           ("张德顺", "家庭成员（监护人）"), ("王秀英", "家庭成员"),
                           ("张大", "赡养（抚养、扶养）义务人"),
                           (LONG_NAME, "赡养（抚养、扶养）义务人")]
    pdf = render_document("commitment", data)
    first = _text(poppler, pdf, "-l", "1")
    assert "监护人：张德顺（祖父母）" in first and "由其中的监护人签字" not in first
    auth = _text(poppler, pdf, "-f", "2")
    names = column(poppler, pdf, "姓名")
    for person in [*minor_household(), *supporters]:
        assert auth.count(person["id_number"]) == 1, person["name"]
        assert squash(person["name"]) in names, person["name"]
    assert GUARDIAN_ROLE not in auth          # no blank guardian row: they are recorded
    assert "监护人：张德顺（祖父母）" in auth and "监护人（签名）" in auth


def test_commitment_v3_guardian_outside_the_household_gets_a_row():
    guardian = {"name": "刘芳", "relation": "其他亲属", "id_type": "居民身份证",
                "id_number": _id(9), "phone": "", "in_household": False}
    data = _commitment([_member("张小明", "本人", 1, adult=False)], [], guardian)
    assert _rows(data) == [("张小明", "申请人（未成年，由监护人代签）"), ("刘芳", GUARDIAN_ROLE)]
    data = _commitment([_member("张小明", "本人", 1, adult=False)],
                       [_supporter("刘芳", "其他亲属", 9)], guardian)
    assert _rows(data) == [("张小明", "申请人（未成年，由监护人代签）"),
                           ("刘芳", "赡养（抚养、扶养）义务人（监护人）")]


def test_commitment_v3_without_a_guardian_prints_like_v2(poppler):
    """No guardian recorded: the same rows and lines as v2 (only the version differs)."""
    data = _commitment([{**m, "guardian": False} for m in minor_household()], [], None)
    assert _rows(data)[1:] == [("张德顺", "家庭成员"), ("王秀英", "家庭成员")]
    v3 = _text(poppler, render_document("commitment", data, 3))
    v2 = _text(poppler, render_document("commitment", data, 2))
    assert v3 == v2
    assert "共同生活的成年家庭成员：张德顺、王秀英" in v3


def test_adult_applicant_ignores_a_guardian_record():
    data = _commitment([_member("张三", "本人", 0), _member("李四", "配偶", 1, guardian=True)],
                       [], {"name": "李四", "relation": "配偶", "id_number": _id(1)})
    assert _rows(data) == [("张三", "申请人"), ("李四", "家庭成员")]


def test_commitment_v2_documents_keep_their_bytes():
    """A commitment issued with template v2 re-renders with v2, byte for byte (the
    sample's v2 rendering recorded before v3 existed)."""
    import hashlib

    v2 = render_document("commitment", sample("commitment"), 2)
    assert hashlib.sha256(v2).hexdigest().startswith("ccabd7430adcfcc2")
    assert load_template("commitment", 2).version == 2
    assert load_template("commitment").version >= 3
