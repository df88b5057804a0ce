"""发文登记簿 and the verify verbs (issue 17 — qrcheck): the register lists every document
of the period (application and list documents, voided ones marked, no applicant name),
is itself a signed list document; ``desktop-app register`` / ``verify`` and
``county-receiver verify`` print one line per code with exit codes 0 / 2 / 1."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from county_receiver import cli as county_cli
from desktop_app.cli import main as cli_main
from desktop_app.core.models import ListDocument
from desktop_app.core.rules.periods import parse_period
from desktop_app.core.services.issuance_register import register_rows
from sync_contract import docqr
from tests.helpers.cli import as_user
from tests.helpers.gui import actor_for
from tests.helpers.sync import fill

from .helpers import change_one_character, pdf_of, receipts


def _text(pdf: bytes) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def test_the_register_lists_the_periods_documents_and_is_signed(services, township):
    fill(services, township, n=2)
    first, second = receipts(services)[:2]
    services.documents.void(second.id, "填写错误", actor_for(services, "supervisor"))
    month = parse_period(f"{services.ctx.today():%Y-%m}")
    with services.ctx.db.read() as s:
        rows = register_rows(s, month)
        all_docs = [r.number for r in rows]
        assert first.number in all_docs and second.number in all_docs
        by_number = {(r.number, r.kind): r for r in rows}
        assert by_number[(second.number, "receipt")].status.startswith("作废 20")
        assert by_number[(first.number, "receipt")].status == "有效"
        assert [r.day for r in rows] == sorted(r.day for r in rows)
        # another month: none of them
        other = parse_period("2020-01")
        assert register_rows(s, other) == []
    info = services.issuance_register.issue(month, actor_for(services, "clerk1")).value
    assert info.kind == "issuance_register" and info.number.endswith("-DJ01")
    pdf = info.path.read_bytes()
    text = _text(pdf)
    assert "发文登记簿" in text and first.number in text and "作废" in text
    with services.ctx.db.read() as s:
        doc = s.scalar(select(ListDocument).where(ListDocument.kind == "issuance_register"))
        data = json.loads(doc.data)
    assert data["register"]["total"] == len(rows) and data["register"]["voided"] == 1
    assert "张" not in json.dumps(data["register_rows"], ensure_ascii=False)  # no applicant
    # the register carries its own signed code: genuine at this township
    assert [f.status for f in services.verification.verify_file(info.path).findings] == [
        docqr.GENUINE]
    # and the next one is in the following register of the same day
    again = services.issuance_register.issue(month, actor_for(services, "clerk1")).value
    assert again.number.endswith("-DJ02")
    with services.ctx.db.read() as s:
        assert info.number in [r.number for r in register_rows(s, month)]


def test_verify_and_register_verbs(services, township, data_dir, monkeypatch, capsys, tmp_path):
    fill(services, township, n=1)
    [receipt] = receipts(services)[:1]
    good = pdf_of(services, receipt)
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(change_one_character(good.read_bytes()))
    qr_text = docqr.decode  # (a text argument: what a hand scanner types)
    from sync_contract import qrread

    [text] = qrread.texts_in_pdf(good.read_bytes())
    assert qr_text(text).payload.no == receipt.number
    services.close()

    def main(*argv: str) -> int:
        return cli_main(as_user(monkeypatch, data_dir, "clerk1") + list(argv))

    capsys.readouterr()
    assert main("verify", str(good)) == 0
    out = capsys.readouterr().out
    assert out.startswith("真实") and receipt.number in out and "张*" in out
    assert main("verify", text) == 0
    assert capsys.readouterr().out.startswith("真实")
    assert main("verify", str(good), str(bad)) == 2
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("真实") and lines[1].startswith("已被改动")
    assert main("verify", "hello") == 2
    assert capsys.readouterr().out.startswith("不是本系统")
    blank = tmp_path / "blank.png"
    from PIL import Image

    Image.new("L", (200, 200), 255).save(blank)
    assert main("verify", str(blank)) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "未在文件中找到二维码" in err[0]

    out_pdf = tmp_path / "register.pdf"
    assert main("register", "--period", "2026-11", "--out", str(out_pdf)) == 0
    assert capsys.readouterr().out.strip() == str(out_pdf)
    assert receipt.number in _text(out_pdf.read_bytes())
    assert main("register", "--period", "2026-13") == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


@pytest.mark.usefixtures("synced")
def test_county_receiver_verify(services, synced, county, tmp_path, capsys):
    from county_receiver.receiver import County

    fill(services, synced, n=1)
    [receipt] = receipts(services)[:1]
    pdf = pdf_of(services, receipt)
    db = f"sqlite:///{tmp_path / 'county.sqlite3'}"
    services.sync.export_public_keys(tmp_path / "tw.json")
    code = services.sync.township_keys().code
    common = ["--data-dir", str(tmp_path / "cdata"), "verify", "--db", db, "--keys",
              str(county.folder)]
    with County(db, county.folder) as c:
        assert county_cli.main(common + [str(pdf)]) == 2      # not registered yet
        assert capsys.readouterr().out.startswith("签发者未知")
        c.register(code, tmp_path / "tw.json")
    assert county_cli.main(common + [str(pdf)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("真实") and receipt.number in out
    assert county_cli.main(common + [str(tmp_path / "none.pdf")]) == 2   # a text, not ours
    capsys.readouterr()
