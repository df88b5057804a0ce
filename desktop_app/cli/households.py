"""一户一档 from the command line (issue 16): ``household-file ID --out F.pdf`` writes the
household file — the index, then every saved document of every application of the
household, each verified against its recorded hash — for the household named by an ID
number (the applicant's, or a member's), a 办件编号 (or a document number), or a name
that finds one household only. Exit 1 with one Chinese line when the household is not
found or ambiguous, or a document's file does not match its hash (nothing written)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from .common import ANY_USER, CliError, Verb, open_services

if TYPE_CHECKING:
    from ..core.services import Services


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("household", metavar="ID",
                   help="the applicant's ID number, a 办件编号, or a name")
    p.add_argument("--out", type=Path, required=True, help="the PDF to write")


def _household(services: Services, text: str) -> str:
    """The household key ``text`` names: the household whose applicant has that ID
    number, or of the application with that 办件编号, else the only household found."""
    from sync_contract.text import canonical_id_number, canonical_query

    found = services.households.find(text, limit=10)
    wanted = {canonical_id_number(text)}
    number = canonical_query(text).replace(" ", "")
    for row in services.queries.rows(services.queries.search_ids(number, limit=5)):
        if row.number == number:
            wanted.add(services.households.key_for_application(row.id))
    exact = [r.key for r in found if r.key in wanted]
    if len(exact) == 1:
        return exact[0]
    if not found:
        raise CliError("没有找到这一户的申请记录（请用身份证号码、办件编号或姓名查找）")
    if len(found) > 1:
        raise CliError(f"找到 {len(found)} 户，请改用申请人的身份证号码或办件编号指定一户")
    return found[0].key


def cmd_household_file(args: argparse.Namespace) -> int:
    with open_services(args) as services:
        key = _household(services, args.household)
        res = services.households.export_pdf(key, args.out, args.actor).value
    print(res.path)
    withheld = f"，{res.withheld} 份载有完整证件号码的文书未收录（无相应权限）" if res.withheld else ""
    print(f"一户一档 {res.reference}：{res.documents} 份文书，共 {res.pages} 页"
          f"（目录 {res.index_pages} 页）{withheld}")
    return 0


HOUSEHOLD_FILE = Verb("household-file", "write a household's file (一户一档) as one PDF: an "
                                        "index, then every document, hash-verified",
                      cmd_household_file, _arguments, access=ANY_USER)
