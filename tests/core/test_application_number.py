"""One stable 办件编号 per application (issue 14, item 6): printed on every document
about it; every sub-number derives from it; the receipt's own number stays in the
day's continuous series (a 补正 receipt draws the next number, none is skipped)."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import datetime

import pytest
from sqlalchemy import select

from desktop_app.core.models import Document
from desktop_app.core.rules import numbering
from tests.helpers.drafts import draft, resident_id

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"),
                                reason="poppler-utils not installed")

DECISION_KINDS = ("receipt", "notice_missing", "notice_reject")


def _raw(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def _text(path) -> str:
    return re.sub(r"\s+", "", _raw(path))


def _documents(services, application_id: int) -> list[Document]:
    with services.ctx.db.read() as s:
        return list(s.scalars(select(Document).where(Document.application_id == application_id)
                              .order_by(Document.id)))


def _notice_then_supplement(services, township, seed: int = 3):
    """An application for 低保 + 医疗救助 (a 转办单 to the county) with one missing
    material: a one-time notice, then the applicant comes back with it."""
    d = draft(services, name="王五", items=("DIBAO", "MEDICAL"), id_number=resident_id(seed=seed))
    code = services.ctx.catalog.item("DIBAO").required_materials[0].code
    d.items[0].materials[code] = "missing"
    notice = services.intake.decide(d, "notice", township)
    return notice, code


def test_receipt_after_supplement_prints_the_application_number(services, township, clock):
    notice, code = _notice_then_supplement(services, township)
    other = services.intake.decide(draft(services, name="赵六", id_number=resident_id(seed=5)),
                                   "accept", township)
    clock.now = datetime(2026, 11, 26, 9, 30)
    back = services.intake.decide_existing(notice.application_id, {"DIBAO": {code: "received"}},
                                           "accept", township)
    app_number = notice.number
    assert (app_number, other.number) == ("522201101-20261124-0001", "522201101-20261124-0002")
    assert back.number == app_number  # the 办件编号 never changes

    docs = _documents(services, notice.application_id)
    receipt = next(d for d in docs if d.kind == "receipt")
    # the receipt keeps its own number: the next of its day's series
    assert receipt.number == "522201101-20261126-0001"
    # every sub-number derives from the 办件编号 (a 转办单 after 补正: …-0001-Z1, not
    # the receipt's …-0001-Z1 of another day)
    referrals = [d for d in docs if d.kind == "referral"]
    assert [r.number for r in referrals] == [f"{app_number}-Z1"]
    for doc in docs:
        if doc.kind not in DECISION_KINDS:
            assert numbering.application_number_of(doc.number) == app_number, doc.kind

    # every document about the application prints its 办件编号
    for doc in docs:
        path = services.documents.original_pdf(doc.id)
        text = _text(path)
        assert f"办件编号：{app_number}" in text or f"办件编号{app_number}" in text, doc.kind
    text = _text(services.documents.original_pdf(receipt.id))
    assert f"办件编号：{app_number}" in text and f"回执编号：{receipt.number}" in text
    # a receipt whose number is the 办件编号 prints it once, without a second label
    first = _raw(services.documents.original_pdf(
        next(d for d in _documents(services, other.application_id) if d.kind == "receipt").id))
    # (the footer reads "社会救助申请受理回执　编号：…": not the note's label)
    assert f"办件编号：{other.number}" in first and "回执编号" not in first


def test_the_days_series_stays_continuous(services, township, clock):
    """Notice, accept, 补正 the same day: every decision draws the next number, none
    is skipped or used twice, and the next application gets the one after."""
    notice, code = _notice_then_supplement(services, township)
    services.intake.decide(draft(services, name="赵六", id_number=resident_id(seed=5)),
                           "accept", township)
    services.intake.decide_existing(notice.application_id, {"DIBAO": {code: "received"}},
                                    "accept", township)
    after = services.intake.decide(draft(services, name="钱七", id_number=resident_id(seed=7)),
                                   "accept", township)
    with services.ctx.db.read() as s:
        numbers = sorted(s.scalars(select(Document.number).where(
            Document.kind.in_(DECISION_KINDS))))
    assert [n[-4:] for n in numbers] == ["0001", "0002", "0003", "0004"]
    assert after.number.endswith("-0004")
    # the 补正 receipt (…-0003) belongs to application …-0001
    with services.ctx.db.read() as s:
        receipt = s.scalars(select(Document).where(Document.number.like("%-0003"))).one()
    assert receipt.kind == "receipt" and receipt.application_id == notice.application_id


@pytest.mark.parametrize(("number", "application"), [
    ("330102101-20261124-0001", "330102101-20261124-0001"),
    ("330102101-20261124-0001-Z2", "330102101-20261124-0001"),
    ("330102101-20261124-12345-G10", "330102101-20261124-12345"),
    ("330102101-20261124-0007-J1", "330102101-20261124-0007"),
    ("330102101-20261124-QD01", None),
    ("330102101-20261204-GS01", None),
    ("330102101-20261124-0001-X1", None),
    ("not a number", None),
])
def test_application_number_of(number, application):
    assert numbering.application_number_of(number) == application
