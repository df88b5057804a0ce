"""Issue #11 item 5: a full or read-only disk when a receipt's PDF is written. The
decision is committed before its files are written, so the fault must not look like a
failed decision (the clerk would register the applicant twice): the decision is kept,
the file is re-rendered when the document is opened; a reprint says in one Chinese line
that the PDF could not be saved."""

from __future__ import annotations

import errno

import pytest

from desktop_app.core.services import documents as documents_module
from sync_contract.faults import FileFault
from tests.helpers.drafts import draft, resident_id


@pytest.fixture
def full_disk(monkeypatch):
    real = documents_module._atomic_write
    state = {"full": True}

    def write(path, data):
        if state["full"]:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data)

    monkeypatch.setattr(documents_module, "_atomic_write", write)
    return state


def test_a_full_disk_keeps_the_decision_and_the_file_comes_back_on_open(services, township,
                                                                         full_disk):
    result = services.intake.decide(draft(services, name="王五", id_number=resident_id(seed=3)),
                                    "accept", township)
    receipt = result.documents[0]
    assert result.number and not receipt.path.exists()  # decided; no file under its name
    with pytest.raises(FileFault) as caught:  # opened while the disk is still full
        services.documents.original_pdf(receipt.id)
    assert caught.value.message.startswith("保存PDF失败：") and "空间不足" in caught.value.message
    full_disk["full"] = False
    path = services.documents.original_pdf(receipt.id)
    assert path.exists() and path.read_bytes().startswith(b"%PDF")


def test_a_reprint_on_a_full_disk_is_one_chinese_line(services, township, full_disk):
    full_disk["full"] = False
    result = services.intake.decide(draft(services, name="王五", id_number=resident_id(seed=3)),
                                    "accept", township)
    full_disk["full"] = True
    with pytest.raises(FileFault) as caught:
        services.documents.reprint(result.documents[0].id, township)
    text = str(caught.value)
    assert "保存PDF失败" in text and "Errno" not in text and "\n" not in text
