"""The 承诺书/核对授权书 issued at a decision: full IDs from the database, a guardian
for a minor, the full-ID rule on reprint, and old documents re-rendered with their
template version (so their recorded hash still holds)."""

from __future__ import annotations

import hashlib
import json
import subprocess
from datetime import date

import pytest

from desktop_app.core.errors import PermissionDenied
from desktop_app.core.models import Document
from desktop_app.core.services import PersonInput
from desktop_app.core.services.demo import DEMO_PASSWORDS
from desktop_app.printing import render_document
from tests.helpers.drafts import draft, resident_id
from tests.helpers.printing import squash

pytestmark = pytest.mark.skipif(
    subprocess.run(["which", "pdftotext"], capture_output=True).returncode != 0,
    reason="poppler-utils not installed")


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


def _commitment(result):
    return next(d for d in result.documents if d.kind == "commitment")


def test_issued_authorisation_lists_adults_with_full_ids(services, people):
    spouse_id = resident_id(date(1962, 3, 1), False, 2)
    result = services.intake.decide(draft(services), "accept", people["clerk1"])
    text = _text(_commitment(result).path, "-f", "2")
    for name, number in (("张三", resident_id()), ("李四", spouse_id)):
        assert name in text and text.count(number) == 1, name
    assert "********" not in text


def test_minor_applicant_alone_is_signed_by_the_recorded_guardian(services, people):
    """No adult lives with the child: the guardian is recorded as an outside person
    (issue 12; a minor applicant without one is refused at intake) and named."""
    child = resident_id(date(2014, 6, 1), True, 5)
    guardian_id = resident_id(date(1956, 2, 3), False, 8)
    guardian = PersonInput(name="李桂英", relation="外祖父母", id_number=guardian_id,
                           address="碧江区河西街道", supporter=True, guardian=True,
                           able=False, unable_reason="elderly")
    d = draft(services, name="张小明", id_number=child, members=[])
    d.related = [guardian]
    result = services.intake.decide(d, "accept", people["clerk1"])
    path = _commitment(result).path
    first = _text(path, "-l", "1")
    assert "承诺人（签字或按手印）" not in first and "监护人（签名）" in first
    assert "李桂英" in first
    auth = _text(path, "-f", "2")
    assert "张小明申请人（未成年，由监护人代签）本人" + child in auth
    assert auth.count(guardian_id) == 1 and "李桂英" in auth


def test_reprint_follows_the_full_id_rule(services, people):
    result = services.intake.decide(draft(services), "accept", people["clerk1"])
    doc = _commitment(result)
    with pytest.raises(PermissionDenied):  # a colleague's household: full IDs are not theirs
        services.documents.reprint(doc.id, people["clerk2"])
    assert services.documents.reprint(doc.id, people["clerk1"]).value.path.stem.endswith("补打1")
    assert services.documents.reprint(doc.id, people["supervisor"]).value.path.stem.endswith("补打2")
    receipt = result.documents[0]  # other documents: any clerk, as before
    assert services.documents.reprint(receipt.id, people["clerk2"]).value.path.stem.endswith("补打1")


def test_a_version_1_document_rerenders_with_version_1(services, people):
    """A commitment issued before template v2 (masked IDs): its lost file comes back
    byte for byte, and a reprint uses the same layout."""
    result = services.intake.decide(draft(services), "accept", people["clerk1"])
    doc = _commitment(result)
    with services.ctx.db.transaction() as s:
        row = s.get_one(Document, doc.id)
        data = json.loads(row.data)
        for m in data["members"]:
            m.pop("id_number")  # what v1 snapshots held
        v1 = render_document("commitment", data, 1)
        row.data = json.dumps(data, ensure_ascii=False, sort_keys=True)
        row.template_version = "1"
        row.sha256 = hashlib.sha256(v1).hexdigest()
    doc.path.unlink()
    path = services.documents.original_pdf(doc.id)
    assert path.read_bytes() == v1
    full = resident_id()
    assert full not in _text(path) and full[:6] + "********" + full[-4:] in _text(path, "-f", "2")
    again = services.documents.reprint(doc.id, people["clerk2"]).value  # no full IDs on v1
    assert "补打" in _text(again.path)


def test_member_not_counted_does_not_sign(services, people):
    """An adult recorded as not counted (服刑) is not one of the 共同生活的家庭成员 who
    authorise the check (民发〔2021〕57号): no row of theirs in the authorisation."""
    from desktop_app.core.services import MemberInput

    away_id = resident_id(date(1985, 3, 2), True, 6)
    away = MemberInput(name="王建华", relation="子", id_number=away_id, counted=False,
                       counted_reason="prison")
    result = services.intake.decide(draft(services, members=[away]), "accept", people["clerk1"])
    auth = _text(_commitment(result).path, "-f", "2")
    assert "张三" in auth and resident_id() in auth
    assert "王建华" not in auth and away_id not in auth
    # the 申报表 lists him among the members (计入：否) but gives him no signature row
    declaration = next(d for d in result.documents if d.kind == "declaration")
    text = _text(declaration.path)
    assert text.count("王建华") == 1                      # the members table
    signatures = text.split("序号姓名身份与申请人关系")[-1]   # the signature table
    assert "张三" in signatures and "王建华" not in signatures


def test_opening_a_full_id_document_follows_the_full_id_rule(services, people):
    """Opening (not only 补打) a document that prints the household's full IDs: the
    registering clerk and a supervisor may; a colleague without FULL_ID_ANY may not,
    nor nobody logged in. The receipt opens for anyone, as before."""
    result = services.intake.decide(draft(services), "accept", people["clerk1"])
    full_id_docs = [d for d in result.documents
                    if d.kind in ("commitment", "application_form", "declaration")]
    assert {d.kind for d in full_id_docs} == {"commitment", "application_form", "declaration"}
    for doc in full_id_docs:
        with pytest.raises(PermissionDenied):
            services.documents.original_pdf(doc.id, people["clerk2"])
        with pytest.raises(PermissionDenied):
            services.documents.original_pdf(doc.id, None)
        assert services.documents.original_pdf(doc.id, people["clerk1"]).exists()
        assert services.documents.original_pdf(doc.id, people["supervisor"]).exists()
        assert services.documents.original_pdf(doc.id).exists()  # the program itself
    receipt = next(d for d in result.documents if d.kind == "receipt")
    assert services.documents.original_pdf(receipt.id, people["clerk2"]).exists()
