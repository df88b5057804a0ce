"""Documents issued by the township's services are signed with its own key, verify as
genuine against its own trust list, and as voided once voided
(services/verification.VerificationService)."""

from __future__ import annotations

import hashlib

from desktop_app.core.services.docsign import document_key
from sync_contract import docqr
from tests.helpers.gui import decide, make_id


def test_issued_receipt_is_signed_by_the_township_key_and_voids_count(services, township):
    accepted = decide(services, township, "张三", make_id("19600512", 31))
    doc = services.documents.for_application(accepted.application_id)[0]
    assert doc.kind == "receipt"
    path = services.documents.original_pdf(doc.id)
    trust = services.verification.trust_list()
    key = document_key(services.ctx)
    assert docqr.key_id(key) in trust.keys
    report = services.verification.verify_file(path)
    assert report.status == docqr.GENUINE and report.all_genuine, report
    [finding] = report.findings
    assert (finding.number, finding.masked_name, finding.source) == (doc.number, "张*", "pdf")
    # the key is the sync key: the one the county registered
    assert docqr.key_id(key) == docqr.key_id(services.sync.keys.signing_key)

    # a lost file re-renders with the same bytes (deterministic signature)
    recorded = hashlib.sha256(path.read_bytes()).hexdigest()
    path.unlink()
    assert hashlib.sha256(services.documents.original_pdf(doc.id).read_bytes()).hexdigest() == recorded

    services.documents.void(doc.id, "打印错误", township)
    report = services.verification.verify_file(path)
    assert report.status == docqr.VOIDED and not report.all_genuine
