"""Needs assessment and routing through the real services and database; the 0003 migration."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime

import pytest
from sqlalchemy import func, select, text

from desktop_app.core import db as dbmod
from desktop_app.core.errors import PermissionDenied, ValidationErrors
from desktop_app.core.models import Application
from desktop_app.core.rules import routing
from desktop_app.core.rules.standards import load_default_entries
from desktop_app.core.services import MemberInput
from desktop_app.core.services.demo import DEMO_PASSWORDS
from tests.helpers.drafts import draft, resident_id


def rules(suggestions):
    return [s.rule_id for s in suggestions]


def test_draft_is_assessed_before_saving_and_nothing_is_written(services, township):
    d = draft(services, incomes={"pension": "500"})  # 2 people, 250 a head
    out = services.assessment.assess(d)
    assert rules(out) == ["dibao"]
    # issue 12: the reason now also carries the basis, the property test and the 补差
    assert out[0].reason == ("人均月收入 250 元，低于农村低保标准 600 元（按申请人户籍）；"
                             "财产符合当地规定；拟补差 600 元 × 2 人 − 家庭月收入 500 元 = 700 元/月")
    with services.ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Application)) == 0


def test_half_typed_draft_fields_are_left_out_not_fatal(services, township):
    d = draft(services, incomes={"pension": "5x0", "wage": "1,300"}, medical_spending="abc",
              house_rating="Z")
    d.applicant.id_number = "52220119"
    out = services.assessment.assess(d)
    assert rules(out) == ["dibao_edge"]  # 1,300 / 2 = 650; the bad amount counts as 0
    assert "人均月收入 650 元" in out[0].reason


def test_saved_application_is_assessed_from_its_snapshot(services, township):
    child = MemberInput(name="张小明", relation="子", id_number=resident_id(date(2014, 3, 1), True, 5),
                        employment="在校")
    sick = MemberInput(name="李四", relation="配偶", health="重病",
                       id_number=resident_id(date(1962, 3, 1), False, 2),
                       disability_category="肢体", disability_grade=1)
    d = draft(services, members=[sick, child], incomes={"pension": "900"}, house_rating="C",
              medical_spending="20000")
    before = services.assessment.assess(d)
    result = services.intake.decide(d, "accept", township)
    after = services.assessment.assess(result.application_id)
    assert after == before
    assert rules(after) == ["dibao", "education", "medical_illness", "housing",
                            "disability_living", "disability_care"]
    assert "张小明（12 岁，在校）" in after[1].reason
    assert "医疗支出 20,000 元" in after[2].reason


def test_tekun_needs_the_recorded_supporters_answer(services, township):
    old = MemberInput(name="刘老汉", id_number=resident_id(date(1950, 1, 1), True, 7),
                      phone="13800000000", hukou_address="贵州省铜仁市碧江区清水镇石桥村1号")
    d = draft(services, members=[], incomes={"pension": "300"})
    d.applicant = old
    assert "tekun" not in rules(services.assessment.assess(d))
    d.supporters_able = False
    out = services.assessment.assess(d)
    assert "tekun" in rules(out)
    result = services.intake.decide(d, "accept", township)
    assert services.queries.detail(result.application_id).supporters_able is False
    assert "tekun" in rules(services.assessment.assess(result.application_id))


def test_invalid_supporters_answer_is_a_field_error(services, township):
    d = draft(services)
    d.supporters_able = "是"
    assert [e.field for e in services.intake.validate(d)] == ["supporters_able"]


def test_standards_in_force_on_the_intake_date_and_admin_only(services, township, clock):
    d = draft(services, incomes={"pension": "1300"})  # 650 a head
    saved = services.intake.decide(d, "accept", township).application_id
    entries = load_default_entries()
    entries.append({**entries[0], "effective_from": "2026-11-25", "rural_dibao_fen": 70000})
    clerk = services.accounts.login("clerk1", DEMO_PASSWORDS["clerk1"]).value
    with pytest.raises(PermissionDenied):
        services.settings.update("standards", entries, clerk)
    with pytest.raises(ValidationErrors):
        services.settings.update("standards", entries + [entries[-1]], township)
    services.settings.update("standards", entries, township)
    assert services.settings.editable()["standards"][-1]["effective_from"] == "2026-11-25"

    # The application taken on the 24th keeps the 24th's standard ...
    out = services.assessment.assess(saved)
    assert rules(out) == ["dibao_edge"] and "农村低保标准 600 元" in out[0].reason
    # ... a draft dated the 25th, or assessed on the 25th, uses the new one.
    d.intake_date = date(2026, 11, 25)
    assert services.assessment.assess(d)[0].reason.startswith(
        "人均月收入 650 元，低于农村低保标准 700 元")
    d.intake_date = None
    clock.now = datetime(2026, 11, 25, 9, 0)
    assert rules(services.assessment.assess(d)) == ["dibao"]
    assert services.assessment.standards_on(date(2026, 11, 24)).rural_dibao_fen == 60000


def test_no_standards_in_force_and_unknown_application(services, township):
    d = draft(services)
    d.intake_date = date(2024, 12, 31)
    with pytest.raises(ValidationErrors) as exc:
        services.assessment.assess(d)
    assert exc.value.errors[0].field == "standards"
    with pytest.raises(LookupError):
        services.assessment.assess(999)


# ------------------------------------------------------------------------- routing


@pytest.mark.parametrize("code, confirms, handler, decider, referred", [
    ("DIBAO", False, "TOWNSHIP", "MCA", False),
    ("DIBAO", True, "TOWNSHIP", "TOWNSHIP", False),
    ("TEKUN", True, "TOWNSHIP", "TOWNSHIP", False),
    ("DIBAO_EDGE", True, "TOWNSHIP", "MCA", False),   # not delegable
    ("MEDICAL", True, "HEALTHCARE", "HEALTHCARE", True),
    ("EDUCATION", False, "EDUCATION", "EDUCATION", True),
    ("DISABILITY", False, "TOWNSHIP", "DPF", False),
])
def test_route_from_catalogue_and_delegation(services, code, confirms, handler, decider, referred):
    r = routing.route(services.ctx.catalog, code, confirms)
    assert (r.handler_code, r.decider_code, r.referred) == (handler, decider, referred)
    assert r.township_decides == (decider == "TOWNSHIP")
    assert r.handler_name == services.ctx.catalog.department(handler).name


@pytest.mark.parametrize("confirms, dibao_decider", [(False, "县民政局"), (True, "乡镇（街道）")])
def test_acceptance_routes_each_item(services, township, confirms, dibao_decider):
    services.settings.update("township_confirms", confirms, township)
    result = services.intake.decide(draft(services, items=("DIBAO", "MEDICAL")), "accept", township)
    items = services.queries.detail(result.application_id).items
    assert [(i.code, i.handler, i.decider, i.referred) for i in items] == [
        ("DIBAO", "乡镇（街道）", dibao_decider, False),
        ("MEDICAL", "县医保局", "县医保局", True),
    ]


def test_notice_does_not_route_yet(services, township):
    d = draft(services)
    d.items[0].materials[services.ctx.catalog.item("DIBAO").required_materials[0].code] = "missing"
    result = services.intake.decide(d, "notice", township)
    assert services.queries.detail(result.application_id).items[0].decider == ""


# ------------------------------------------------------------------------- migration


def test_upgrade_from_0002_keeps_a_populated_database(services, township):
    from alembic import command
    from alembic.config import Config

    result = services.intake.decide(draft(services, items=("DIBAO", "MEDICAL")), "accept", township)
    folder = services.ctx.db.data_dir
    services.close()
    # Take the populated database back to 0002 (its schema exactly), then open it as
    # the program does: the pending migration runs on real rows with foreign keys on.
    engine = dbmod.make_engine(folder / dbmod.DB_FILENAME)
    cfg = Config()
    cfg.set_main_option("script_location", str(dbmod.MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
        cols = {r[1] for r in conn.execute(text("PRAGMA table_info(requested_item)"))}
        assert "decider_code" not in cols
    engine.dispose()

    from desktop_app.core.services import Services

    again = Services.open(folder, clock=services.ctx.clock)
    try:
        with again.ctx.db.read() as s:
            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == dbmod.HEAD_REVISION
            assert s.execute(text("PRAGMA foreign_key_check")).all() == []
        detail = again.queries.detail(result.application_id)
        assert [i.decider for i in detail.items] == ["", ""]  # recorded before 0003
        assert detail.supporters_able is None
        assert rules(again.assessment.assess(result.application_id)) == ["dibao"]
        from desktop_app.core.services.events import missing_triggers, verify_log

        with again.ctx.db.read() as s:
            assert verify_log(s) is None and missing_triggers(s) == []
        # New work on the upgraded database routes as usual.
        d = draft(again, name="王五", id_number=resident_id(seed=9))
        new = again.intake.decide(d, "accept", township)
        assert again.queries.detail(new.application_id).items[0].decider == "县民政局"
    finally:
        again.close()
    assert list((folder / "backups").glob("pre-migration-0002-*.sqlite3"))
    conn = sqlite3.connect(folder / dbmod.DB_FILENAME)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


# ------------------------------------------------------------------------- referral slips


def pdf_text(path) -> str:
    import subprocess

    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout.replace(" ", "")


def test_acceptance_issues_one_referral_slip_per_department(services, township):
    import hashlib

    from desktop_app.core.models import Document, DocumentPrint, Event

    d = draft(services, items=("DIBAO", "MEDICAL", "EDUCATION"))
    result = services.intake.decide(d, "accept", township)
    kinds = [(doc.kind, doc.number) for doc in result.documents]
    n = result.number
    assert kinds == [("receipt", n), ("commitment", n), ("application_form", n),
                     ("declaration", n), ("calculation", n), ("referral", f"{n}-Z1"),
                     ("referral", f"{n}-Z2")]
    medical, education = result.documents[5], result.documents[6]
    detail = services.queries.detail(result.application_id)
    medical_due = detail.items[1].due_date

    text = pdf_text(medical.path)
    assert "县医保局" in text and "医疗救助" in text and f"{n}-Z1" in text
    assert "教育救助" not in text and "最低生活保障" not in text  # only its own items
    assert d.applicant.id_number in text  # the department needs the full number
    assert f"{medical_due.year}年{medical_due.month}月{medical_due.day}日前" in text
    assert "2026年11月25日前签收" in text  # passed on within 1 working day
    assert "申请人声明" in text and "社会救助事项转办回执" in text
    assert "县教育局" in pdf_text(education.path)

    with services.ctx.db.read() as s:
        doc = s.get(Document, medical.id)
        assert doc.sha256 == hashlib.sha256(medical.path.read_bytes()).hexdigest()
        assert doc.created_by_id == township and doc.print_count == 0  # not printed yet
        events = [json.loads(e.detail) for e in s.scalars(
            select(Event).where(Event.action == "document.issue", Event.application_id == result.application_id))]
        assert [e.get("department") for e in events if e["kind"] == "referral"] == [
            "HEALTHCARE", "EDUCATION"]
    again = services.documents.reprint(medical.id, township).value
    assert again.print_count == 0 and "补打" in pdf_text(again.path)
    with services.ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(DocumentPrint)
                        .where(DocumentPrint.document_id == medical.id)) == 2
    assert services.documents.original_pdf(medical.id) == medical.path


def test_no_slip_for_township_items_or_before_acceptance(services, township):
    only_township = services.intake.decide(draft(services, items=("DIBAO", "DISABILITY")), "accept",
                                           township)
    assert [doc.kind for doc in only_township.documents] == [
        "receipt", "commitment", "application_form", "declaration", "calculation"]

    d = draft(services, name="王五", id_number=resident_id(seed=9), items=("DIBAO", "MEDICAL"))
    code = services.ctx.catalog.item("MEDICAL").required_materials[0].code
    d.items[1].materials[code] = "missing"
    pending = services.intake.decide(d, "notice", township)
    assert "referral" not in [doc.kind for doc in pending.documents]
    done = services.intake.decide_existing(pending.application_id, {"MEDICAL": {code: "received"}},
                                           "accept", township)
    receipt_number = done.documents[0].number  # the acceptance's own number
    assert receipt_number != done.number  # (the application keeps its first number)
    assert [(doc.kind, doc.number) for doc in done.documents] == [
        ("receipt", receipt_number), ("calculation", done.number),
        # the 转办单 is numbered from the 办件编号, not from the 补正 receipt (issue 14)
        ("referral", f"{done.number}-Z1")]
    assert "医疗救助" in pdf_text(done.documents[1].path)


def test_decision_logs_adopted_and_dismissed_suggestions(services, township):
    from desktop_app.core.models import Event

    d = draft(services, items=("DIBAO", "MEDICAL"), incomes={"pension": "500"}, house_rating="D")
    result = services.intake.decide(d, "accept", township)
    with services.ctx.db.read() as s:
        ev = s.scalars(select(Event).where(Event.action == "application.assessment",
                                           Event.application_id == result.application_id)).one()
    detail = json.loads(ev.detail)
    assert detail["adopted"] == ["DIBAO"] and detail["dismissed"] == ["HOUSING"]
    assert detail["standards_from"] == "2025-01-01"
    assert detail["eligibility_from"] == "2021-01-01"  # issue 12: the local rules' entry
    first = detail["suggestions"][0]
    assert (first["item"], first["rule"]) == ("DIBAO", "dibao")
    assert first["reason"].startswith("人均月收入 250 元，低于农村低保标准 600 元")
    actions = [e.action for e in services.queries.detail(result.application_id).events]
    assert actions[:2] == ["application.create", "application.accept"]
    assert "application.assessment" in actions


def test_eligibility_setting_is_dated_validated_and_used(services, township):
    """Issue 12: the local rules are a dated setting; a new entry changes the result from
    its day (here: 养老金 lines not counted), a bad entry is refused and nothing written."""
    from desktop_app.core.rules.eligibility import DEFAULT_ENTRY

    d = draft(services, incomes={"pension": "1300"})  # 650 a head: 低保边缘
    assert rules(services.assessment.assess(d)) == ["dibao_edge"]
    later = {**DEFAULT_ENTRY, "effective_from": "2026-11-25",
             "excluded_incomes": ["allowance", "pension"]}
    with pytest.raises(ValidationErrors):
        services.settings.update("eligibility", [DEFAULT_ENTRY, {**later, "max_vehicles": "x"}],
                                 township)
    assert len(services.settings.editable()["eligibility"]) == 1
    services.settings.update("eligibility", [DEFAULT_ENTRY, later], township)
    assert rules(services.assessment.assess(d)) == ["dibao_edge"]  # intake day 24th
    d.intake_date = date(2026, 11, 25)
    a = services.assessment.evaluate(d)
    assert [s.rule_id for s in a.suggestions] == ["dibao"]
    assert (a.figures.gross_fen, a.figures.net_fen) == (130000, 0)
    assert "不计入养老金 1,300 元" in a.suggestions[0].reason


def test_property_and_village_basis_from_a_saved_application(services, township):
    d = draft(services, incomes={"pension": "500"}, vehicles="2")
    assert "dibao" not in rules(services.assessment.assess(d))
    d.vehicles = "1"
    saved = services.intake.decide(d, "accept", township).application_id
    a = services.assessment.evaluate(saved)
    assert a.property.ok and "机动车 1 辆，限 1 辆" in a.property.text()
    assert a.figures.basis.why == "按申请人户籍"
    # the helper's village is 清水社区 (village part 001, a 居委会): with the village
    # basis the rural-hukou household is measured against the urban standard
    from desktop_app.core.rules.eligibility import DEFAULT_ENTRY

    services.settings.update("eligibility", [{**DEFAULT_ENTRY, "standard_basis": "village"}],
                             township)
    a = services.assessment.evaluate(saved)
    assert a.figures.basis.why == "按所在地为居委会" and a.figures.standard_fen == 80000


@pytest.mark.parametrize("self_care, care", [("完全自理", False), ("完全不能自理", True)])
def test_care_subsidy_long_term_care_setting_reads_the_members_self_care(
        services, township, self_care, care):
    """``care_self_care`` (需长期照护, 国发〔2015〕52号) through the services: the draft's and
    the saved application's 生活自理 reach the rule."""
    from desktop_app.core.rules.eligibility import DEFAULT_ENTRY

    entry = {**DEFAULT_ENTRY, "care_self_care": ["部分自理", "完全不能自理"]}
    services.settings.update("eligibility", [entry], township)
    disabled = MemberInput(name="李四", relation="配偶", id_number=resident_id(date(1962, 3, 1), False, 2),
                           disability_category="肢体", disability_grade=1, self_care=self_care)
    d = draft(services, members=[disabled], incomes={"pension": "500"})
    assert ("disability_care" in rules(services.assessment.assess(d))) is care
    saved = services.intake.decide(d, "accept", township).application_id
    assert ("disability_care" in rules(services.assessment.assess(saved))) is care
