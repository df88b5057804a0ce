"""The 申请书, 申报表 and 核算表 issued by the real decision (issue 12): which documents a
decision issues, their numbers, the 核算表's numbers equal to the rules'
(``services.assessment.evaluate`` — what the intake panel shows), the full-ID rule on
reprint, supporters and a minor's guardian printed from the records."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest
from sqlalchemy import select

from desktop_app.core.errors import PermissionDenied
from desktop_app.core.models import Application, Document
from desktop_app.core.rules.values import format_yuan
from desktop_app.core.services import MemberInput
from desktop_app.core.services.demo import DEMO_PASSWORDS
from desktop_app.core.services.drafts import PersonInput
from tests.helpers.drafts import draft, resident_id
from tests.helpers.printing import squash

pytestmark = pytest.mark.skipif(
    subprocess.run(["which", "pdftotext"], capture_output=True).returncode != 0,
    reason="poppler-utils not installed")

LONG_NAME = "买买提艾力·阿卜杜热依木·艾合买提江·吐尔逊托合提"


def _people(services, clock):
    from desktop_app.core.services.demo import create_demo_township

    create_demo_township(services)
    login = services.accounts.login
    return {u: login(u, DEMO_PASSWORDS[u]).value for u in ("supervisor", "clerk1", "clerk2")}


POPULATED = {"people": _people}


@pytest.fixture
def people(populated_template, data_dir, services, township):
    return populated_template(_people, data_dir)[1]


def _text(path, *args: str) -> str:
    return squash(subprocess.run(["pdftotext", *args, str(path), "-"], check=True,
                                 capture_output=True, text=True).stdout)


def _lines(path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                         capture_output=True, text=True).stdout
    return "\n".join(squash(line) for line in out.splitlines())


def _doc(result, kind):
    return next(d for d in result.documents if d.kind == kind)


def money(fen: int) -> str:
    return format_yuan(fen)


# -- which documents, when ------------------------------------------------------------------
def test_accept_issues_the_forms_under_the_application_number(services, people):
    result = services.intake.decide(draft(services), "accept", people["clerk1"])
    n = result.number
    assert [(d.kind, d.number) for d in result.documents][:5] == [
        ("receipt", n), ("commitment", n), ("application_form", n), ("declaration", n),
        ("calculation", n)]
    form = _text(_doc(result, "application_form").path)
    assert "社会救助申请书" in form and "张三" in form and resident_id() in form
    assert "李四" in form and resident_id(date(1962, 3, 1), False, 2) in form
    with services.ctx.db.read() as s:
        docs = {d.kind: d for d in s.scalars(select(Document).where(
            Document.application_id == result.application_id))}
        assert docs["calculation"].template_version == "1"
        assert docs["commitment"].template_version == "4"  # v4: issue 14
        assert all(d.sha256 and d.print_count == 0 for d in docs.values())  # issued, not printed


def test_notice_issues_the_forms_to_sign_but_no_calculation(services, people):
    d = draft(services)
    code = services.ctx.catalog.item("DIBAO").required_materials[0].code
    d.items[0].materials[code] = "missing"
    result = services.intake.decide(d, "notice", people["clerk1"])
    assert [x.kind for x in result.documents] == [
        "notice_missing", "commitment", "application_form", "declaration"]


def test_reject_issues_no_forms(services, people):
    result = services.intake.decide(draft(services), "reject", people["clerk1"], ["户籍不在本乡镇"])
    assert [x.kind for x in result.documents] == ["notice_reject"]


def test_reprint_of_forms_with_full_ids_follows_the_full_id_rule(services, people):
    result = services.intake.decide(draft(services), "accept", people["clerk1"])
    for kind in ("application_form", "declaration"):
        doc = _doc(result, kind)
        with pytest.raises(PermissionDenied):
            services.documents.reprint(doc.id, people["clerk2"])
        assert services.documents.reprint(doc.id, people["clerk1"]).value.path.stem.endswith("补打1")
        again = services.documents.reprint(doc.id, people["supervisor"]).value
        assert again.path.stem.endswith("补打2") and "补打" in _text(again.path)
        assert again.print_count == 0  # a 补打 PDF is not a print (issue 14)
    calc = _doc(result, "calculation")  # names and numbers, no ID numbers: any clerk
    assert resident_id() not in _text(calc.path)
    assert services.documents.reprint(calc.id, people["clerk2"]).value.path.stem.endswith("补打1")


def test_a_lost_file_comes_back_byte_for_byte(services, people):
    result = services.intake.decide(draft(services), "accept", people["clerk1"],
                                    defer_secondary=True)
    paths = services.documents.render_pending(result.deferred)
    for kind in ("application_form", "declaration", "calculation"):
        doc = _doc(result, kind)
        first = doc.path.read_bytes()
        assert doc.path in paths
        doc.path.unlink()
        assert services.documents.original_pdf(doc.id).read_bytes() == first


# -- the 核算表 equals the rules ----------------------------------------------------------
HOUSEHOLDS = {
    # 两项补贴-type 生活补助 not counted (the default local list)
    "excluded_line": dict(incomes={"wage": "500", "allowance": "450"}),
    # a member serving a sentence is not counted (民发〔2021〕57号)
    "not_counted": dict(
        incomes={"farming": "700"},
        members=[MemberInput(name="李四", relation="配偶",
                             id_number=resident_id(date(1962, 3, 1), False, 2)),
                 MemberInput(name="张二", relation="子", counted=False, counted_reason="prison",
                             id_number=resident_id(date(1988, 3, 1), True, 3))]),
    # wage earners in work: the employment-cost deduction
    "deduction": dict(incomes={"wage": "900", "pension": "100"},
                      members=[MemberInput(name="李四", relation="配偶", employment="在职",
                                           id_number=resident_id(date(1962, 3, 1), False, 2))]),
    # three vehicles and large deposits: property over the limits
    "property_exceeded": dict(incomes={"wage": "300"}, vehicles="3", deposits="90000"),
}


@pytest.mark.parametrize("case", list(HOUSEHOLDS))
def test_printed_calculation_equals_evaluate(case, services, people):
    kw = dict(HOUSEHOLDS[case])
    if case == "deduction":
        kw["applicant_employment"] = True
    applicant_employed = kw.pop("applicant_employment", False)
    d = draft(services, **kw)
    if applicant_employed:
        d.applicant.employment = "在职"
    result = services.intake.decide(d, "accept", people["clerk1"])
    a = services.assessment.evaluate(result.application_id)   # what the panel shows
    f = a.figures
    with services.ctx.db.read() as s:
        day = s.get_one(Application, result.application_id).intake_date
    standards = services.assessment.standards_on(day)
    policy = services.assessment.policy_on(day)
    path = _doc(result, "calculation").path
    lines, text = _lines(path), _text(path)
    below = f.net_fen < f.standard_fen * f.members
    expected = [
        f"低保标准{money(f.standard_fen)}元/人·月（{f.basis.label}）", squash(f.basis.why),
        f"低保边缘标准{money(a.edge_standard_fen)}元/人·月",
        f"家庭成员{getattr(f, 'all_members', len(d.members) + 1)}人，计入家庭人口{f.members}人",
        f"家庭月总收入（毛收入）{money(f.gross_fen)}元（人均{money(f.gross_per_capita_fen)}元）",
        f"减：不计入的收入{money(f.excluded_fen)}元",
        f"计入的收入{money(f.counted_fen)}元",
        f"减：就业成本扣减{money(f.deduction_fen)}元",
        f"家庭月收入（计算收入）{money(f.net_fen)}元",
        f"家庭人均月收入{money(f.per_capita_fen)}元（{money(f.net_fen)}元÷{f.members}人）",
        "结论：" + ("财产符合当地规定" if a.property.ok else "财产超过当地规定"),
    ]
    for part in expected:
        assert part in lines, (case, part)
    assert ("拟补差金额" + (squash(f.topup_text()) if below else "不适用")) in text
    if below and not a.property.ok:
        assert "不符合低保条件" in text
    for t in a.property.exceeded:
        assert squash(t) + "超过" in text, t
    for t in a.property.checked:
        assert squash(t) + "符合" in text, t
    for category, fen in f.excluded:
        assert money(fen) + "不计入" in lines, category
    for name, reason in getattr(f, "excluded_members", ()):
        assert squash(name) + squash(reason) in lines
    for day_ in (standards.effective_from, policy.effective_from):
        assert f"{day_.year}年{day_.month}月{day_.day}日" in text
    # each case shows what it is about
    if case == "excluded_line":
        assert f.excluded_fen == 45000 and "生活补助450.00不计入" in lines
    if case == "deduction":
        assert f.deduction_fen > 0 and f.deduction_workers == 2
    if case == "property_exceeded":
        assert not a.property.ok and "超过" in text
    if case == "not_counted":
        # the member table of the 申请书 marks him, whatever the calculation counts
        form = _lines(_doc(result, "application_form").path)
        assert "张二子" + resident_id(date(1988, 3, 1), True, 3) + "否服刑或强制隔离戒毒" in form


# -- supporters and a minor's guardian from the records -------------------------------------
def test_minor_with_guardian_and_two_supporters(services, people):
    child = resident_id(date(2014, 6, 1), True, 5)
    grandma = resident_id(date(1950, 2, 3), False, 6)
    sup1, sup2 = resident_id(date(1980, 1, 1), True, 7), resident_id(date(1982, 5, 5), False, 8)
    d = draft(services, name="张小明", id_number=child, members=[
        MemberInput(name="王秀英", relation="祖父母", id_number=grandma, guardian=True)])
    d.related = [
        PersonInput(name="张大", relation="父亲", id_number=sup1, household_size="3",
                    monthly_income="2400", able=False, unable_reason="missing"),
        PersonInput(name=LONG_NAME, relation="母亲", id_number=sup2, household_size="2",
                    monthly_income="3100", able=True),
    ]
    result = services.intake.decide(d, "accept", people["clerk1"])
    commitment = _doc(result, "commitment").path
    first = _text(commitment, "-l", "1")
    assert "监护人：王秀英（祖父母）" in first and "承诺人（签字或按手印）" not in first
    auth = _text(commitment, "-f", "2")
    for number in (child, grandma, sup1, sup2):
        assert auth.count(number) == 1
    assert "********" not in auth and "……" not in auth
    assert "家庭成员（监护人）" in auth and "监护人（代未成年申请人签字）" not in auth
    assert auth.count("赡养（抚养、扶养）义务人") >= 2
    # the long name in full: its pieces, in order, in the name column
    pieces = [c for c in squash(LONG_NAME)]
    joined = "".join(ch for ch in auth if ch in set(pieces))
    assert squash(LONG_NAME) in joined

    declaration = _lines(_doc(result, "declaration").path)
    assert "1张大父亲" + sup1 + "32,400.00无" in declaration
    assert "失联、服刑或强制隔离戒毒" in _text(_doc(result, "declaration").path)
    assert sup2 + "23,100.00有" in declaration
    form = _text(_doc(result, "application_form").path)
    assert "监护人：王秀英（祖父母），证件号码：" + grandma in form
    assert "申请人（签名或按手印）" not in form


def test_a_version_2_commitment_rerenders_with_version_2(services, people):
    """Issued before v3 (no ``guardian`` in its snapshot): its lost file comes back with
    v2's bytes, and its reprint still follows the full-ID rule."""
    import hashlib
    import json

    from desktop_app.printing import render_document

    result = services.intake.decide(draft(services), "accept", people["clerk1"])
    doc = _doc(result, "commitment")
    with services.ctx.db.transaction() as s:
        row = s.get_one(Document, doc.id)
        data = json.loads(row.data)
        data.pop("guardian")  # what v2 snapshots held
        v2 = render_document("commitment", data, 2)
        row.data = json.dumps(data, ensure_ascii=False, sort_keys=True)
        row.template_version = "2"
        row.sha256 = hashlib.sha256(v2).hexdigest()
    doc.path.unlink()
    assert services.documents.original_pdf(doc.id).read_bytes() == v2
    with pytest.raises(PermissionDenied):
        services.documents.reprint(doc.id, people["clerk2"])
