"""``household-file ID --out F.pdf`` (issue 16): by ID number or 办件编号; a household
not found, or a tampered document, is one Chinese line and exit code 1, nothing written;
usage errors exit 2."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

from desktop_app.cli import main as cli_main
from tests.helpers.cli import as_user
from tests.helpers.drafts import resident_id
from tests.households.test_household_file_pdf import SAME, _accept

SPOUSE = resident_id(date(1962, 3, 1), False, 2)  # 李四, the spouse in tests.helpers.drafts


def test_household_file_verb(services, township, monkeypatch, capsys, tmp_path):
    first = _accept(services, township, SAME)
    _accept(services, township, SAME, items=("MEDICAL",))
    # the spouse (a member above) applies in her own name: her ID number finds two
    # households; the verb takes the one she heads
    spouse = _accept(services, township, SPOUSE, name="李四", members=[])
    assert len(services.households.find(SPOUSE)) == 2
    number = services.queries.rows([first])[0].number
    docs = services.households.view(SAME, township).documents
    spouse_docs = services.documents.for_application(spouse)
    folder = services.ctx.db.data_dir
    services.close()

    def main(*argv: str) -> int:
        return cli_main(as_user(monkeypatch, folder, "admin") + list(argv))

    out = tmp_path / "out"
    out.mkdir()
    capsys.readouterr()
    for n, ident in enumerate((SAME, number)):
        assert main("household-file", ident, "--out", str(out / f"{n}.pdf")) == 0
        lines = capsys.readouterr().out.splitlines()
        assert lines[0] == str(out / f"{n}.pdf") and f"{len(docs)} 份文书" in lines[1]
        assert len(PdfReader(str(out / f"{n}.pdf")).outline) == len(docs) + 1
    assert main("household-file", SPOUSE, "--out", str(out / "s.pdf")) == 0
    assert f"{len(spouse_docs)} 份文书" in capsys.readouterr().out
    assert len(PdfReader(str(out / "s.pdf")).outline) == 1 + len(spouse_docs)
    assert main("household-file", "李四", "--out", str(out / "y.pdf")) == 1
    assert "找到 2 户" in capsys.readouterr().err
    assert main("household-file", "110105194912310021", "--out", str(out / "x.pdf")) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "没有找到" in err
    # a tampered saved document: refused, named, nothing written
    path = docs[0].info.path
    path.write_bytes(path.read_bytes() + b"%tampered\n")
    assert main("household-file", SAME, "--out", str(out / "t.pdf")) == 1
    err = capsys.readouterr().err.strip()
    assert docs[0].info.number in err and "校验值不一致" in err
    assert not (out / "t.pdf").exists()
    with pytest.raises(SystemExit) as usage:  # --out is required
        main("household-file", SAME)
    assert usage.value.code == 2
