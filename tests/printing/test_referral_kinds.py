"""Every kind of 社会救助事项转办单 the window issues (one per county department of the
catalogue: education, medical, housing, employment, legal aid, funeral, rescue …) keeps
its tear-off 回执 whole on one sheet (issue 14, item 11): accepted through the real
services with every material of the item, as at the window."""

from __future__ import annotations

import json
import subprocess

import pytest
from sqlalchemy import select

from desktop_app.core.catalog import load_catalog
from desktop_app.core.models import Document
from desktop_app.core.rules import routing
from tests.helpers.drafts import draft, resident_id
from tests.helpers.printing import requires_poppler, squash

pytestmark = requires_poppler

# (service items — 访视, 照料 … — get their slip when a provider is chosen, issue 15:
# tests/core/test_providers_service.py)
REFERRED = [item.code for item in load_catalog().items
            if routing.route(load_catalog(), item.code, False).referred
            and item.category != "service"]


def _pages(path) -> list[str]:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                          text=True).stdout
    count = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))
    return [squash(subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), str(path), "-"],
                                  check=True, capture_output=True, text=True).stdout)
            for p in range(1, count + 1)]


def _receipt_whole(pages: list[str], department: str) -> bool:
    """The 回执 — title, its fields, 签收人, 办理结果, 反馈时间, the department's seal
    line — on one page."""
    on = [n for n, page in enumerate(pages) if "社会救助事项转办回执" in page]
    assert len(on) == 1
    part = pages[on[0]][pages[on[0]].index("社会救助事项转办回执"):]
    return all(t in part for t in ("签收人：", "办理结果：", "反馈时间：", "经办人：",
                                   "（接收部门盖章）", department))


def test_the_catalogue_has_referred_items():
    assert {"MEDICAL", "EDUCATION", "HOUSING", "LEGAL_AID", "FUNERAL"} <= set(REFERRED)


@pytest.mark.parametrize("items", [(code,) for code in REFERRED] + [tuple(REFERRED)],
                         ids=[*REFERRED, "all"])
def test_every_referral_slip_keeps_its_receipt_whole(services, township, items):
    # (only the receipt rendered at the decision; the slips when opened below)
    result = services.intake.decide(draft(services, items=items, id_number=resident_id(seed=31)),
                                    "accept", township, defer_secondary=True)
    with services.ctx.db.read() as s:
        slips = list(s.scalars(select(Document).where(
            Document.application_id == result.application_id, Document.kind == "referral")))
    assert slips, "no 转办单 issued"
    for slip in slips:
        department = json.loads(slip.data)["department"]["name"]
        pages = _pages(services.documents.original_pdf(slip.id))
        assert _receipt_whole(pages, department), (slip.number, len(pages))
