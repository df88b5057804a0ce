"""One text rule at both ends (DESIGN §9, issue 14 item 10), at the window: names stored
canonical with the typed original kept, phones stored normalised, search queries
normalised the same way — full-width digits, spaces and hyphens inside ID numbers, the
dot look-alikes. The rule itself: test_canonical_text.py; existing rows: test_migration_0013_names.py."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop_app.core.errors import ValidationErrors
from desktop_app.core.models import HouseholdMember, RelatedPerson, SearchKey
from desktop_app.core.services import MemberInput, PersonInput
from tests.helpers.drafts import draft, resident_id
from tests.helpers.printing import Poppler, requires_poppler, squash

# -- what reaches the database and what search finds -----------------------------------


def _accept(services, township, name: str, seed: int, **kw) -> int:
    d = draft(services, name=name, id_number=kw.pop("id_number", resident_id(seed=seed)), **kw)
    return services.intake.decide(d, "accept", township).application_id


def _applicant(services, app_id: int) -> HouseholdMember:
    with services.ctx.db.read() as s:
        m = s.scalar(select(HouseholdMember).where(HouseholdMember.application_id == app_id,
                                                   HouseholdMember.position == 0))
        assert m is not None
        s.expunge(m)
        return m


NAME_CASES = [
    # typed at the window, stored, typed original kept, queries that must find it
    ("阿依古丽•买买提", "阿依古丽·买买提", "阿依古丽•买买提",
     ["阿依古丽·买买提", "阿依古丽•买买提", "阿依古丽．买买提", "阿依古丽买买提", "阿依古丽"]),
    ("热依拉．吐尔逊", "热依拉·吐尔逊", "热依拉．吐尔逊",
     ["热依拉·吐尔逊", "热依拉.吐尔逊", "热依拉・吐尔逊", "热依拉吐尔逊"]),
    ("张 三", "张三", "张 三", ["张三", "张　三", "张\u200b三"]),
    ("张　三", "张三", "张　三", ["张三", "张 三"]),
    ("张\u200b三", "张三", "张\u200b三", ["张三"]),
    ("张三", "张三", None, ["张三", "张 三", "张　三", "张\u200b三", "zs", "ｚｓ", "zhang san"]),
    ("王\U000201d4", "王\U000201d4", None, ["王\U000201d4", "王 \U000201d4"]),  # Ext-B kept
]


@pytest.mark.parametrize(("typed", "stored", "kept", "queries"), NAME_CASES)
def test_names_are_stored_canonical_and_found(services, township, typed, stored, kept, queries):
    app_id = _accept(services, township, typed, seed=60)
    found = {query: app_id in services.queries.search_ids(query) for query in queries}
    assert found == dict.fromkeys(queries, True)
    member = _applicant(services, app_id)
    assert (member.name, member.name_typed) == (stored, kept)
    detail = services.queries.detail(app_id)
    assert (detail.members[0].name, detail.members[0].name_typed) == (stored, kept or "")


def test_search_keys_follow_the_canonical_name(services, township):
    app_id = _accept(services, township, "阿依古丽•买买提", seed=70)
    assert services.queries.search(query="阿依古丽·买买提")[0].name == "阿依古丽·买买提"
    with services.ctx.db.read() as s:
        keys = set(s.scalars(select(SearchKey.key).where(SearchKey.application_id == app_id)))
    assert {"阿依古丽·买买提", "阿依古丽买买提"} <= keys
    assert "阿依古丽•买买提" not in keys


@pytest.mark.parametrize(("typed", "stored"), [
    ("138 0013 8000", "13800138000"),
    ("+86 138-0013-8000", "13800138000"),
    ("１３８００１３８０００", "13800138000"),
    ("0571-12345678转123", "0571-12345678-123"),
    ("(0571)12345678", "0571-12345678"),
])
def test_phones_are_stored_normalised(services, township, typed, stored):
    son = MemberInput(name="张小明", relation="子", id_number=resident_id(date(1990, 6, 1), True, 81),
                      phone=typed)
    d = draft(services, id_number=resident_id(seed=80 + len(typed)), members=[son])
    d.applicant.phone = typed
    d.related = [PersonInput(name="王 大", relation="兄弟", id_number=resident_id(date(1958, 1, 1), True, 82),
                             phone=typed, able=True)]
    app_id = services.intake.decide(d, "accept", township).application_id
    with services.ctx.db.read() as s:
        phones = list(s.scalars(select(HouseholdMember.phone).where(HouseholdMember.application_id == app_id)
                                .order_by(HouseholdMember.position)))
        person = s.scalar(select(RelatedPerson).where(RelatedPerson.application_id == app_id))
        assert person is not None
        assert (person.phone, person.name, person.name_typed) == (stored, "王大", "王 大")
    assert phones == [stored, stored]
    assert services.queries.detail(app_id).phone == stored


ID = resident_id(seed=90)


def _spaced(number: str, sep: str) -> str:
    return sep.join((number[:6], number[6:14], number[14:]))


def _wide(text: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


ID_QUERIES = [
    ID,
    _wide(ID),                                   # full-width digits from an IME
    _spaced(ID, " "),
    _spaced(ID, "　"),
    _spaced(ID, "-"),
    _wide(_spaced(ID, "-")),
    ID.lower(),
    _wide(ID[-8:]),                              # a full-width fragment
    _spaced(ID, "-")[-9:],                       # a fragment with a hyphen ("1231-0021")
    f" {ID[6:14]} ",
]


def test_an_id_query_is_normalised(services, township):
    app_id = _accept(services, township, "赵六", seed=0, id_number=ID)
    found = {query: services.queries.search_ids(query) for query in ID_QUERIES}
    assert found == {query: [app_id] for query in ID_QUERIES}


def test_an_id_typed_with_hyphens_is_accepted_and_stored_plain(services, township):
    app_id = _accept(services, township, "钱七", seed=0, id_number=_spaced(resident_id(seed=91), "-"))
    assert _applicant(services, app_id).id_number == resident_id(seed=91)


def test_an_id_with_a_wrong_length_still_names_its_length(services, township):
    d = draft(services, id_number="110105-1949-1231-00211")
    with pytest.raises(ValidationErrors) as exc:
        services.intake.decide(d, "accept", township)
    lengths = [e.params.get("length") for e in exc.value.errors if e.field == "applicant.id_number"]
    assert lengths == [19]


def test_a_document_number_query_is_normalised(services, township):
    app_id = _accept(services, township, "孙八", seed=92)
    number = services.queries.detail(app_id).row.number
    assert app_id in services.queries.search_ids(_wide(number))
    assert app_id in services.queries.search_ids(number.replace("-", "－"))
    assert app_id in services.queries.search_ids(number[:12])


@pytest.mark.parametrize(("query", "found"), [
    ("", True), ("\u200b", True), ("　", True),   # blank, whatever the spaces: everything
    ("１２", False), ("•", False), ("张 \u200b三", False),
])
def test_blank_and_meaningless_queries(services, township, query, found):
    app_id = _accept(services, township, "周九", seed=93)
    assert services.queries.search_ids(query) == ([app_id] if found else [])


@requires_poppler
@pytest.mark.parametrize(("typed", "canonical"), [("热依拉．吐尔逊", "热依拉·吐尔逊"),
                                                 ("阿依古丽•买买提", "阿依古丽·买买提")])
def test_the_middle_dot_prints_as_the_middle_dot(services, township, tmp_path, typed, canonical):
    """The receipt shows the canonical name: "热依拉·吐尔逊", never the full-width full
    stop that prints as a baseline period."""
    d = draft(services, name=typed, id_number=resident_id(seed=94))
    result = services.intake.decide(d, "accept", township)
    receipt = next(doc for doc in result.documents if doc.path.suffix == ".pdf")
    printed = squash(Poppler(tmp_path).text(receipt.path.read_bytes()))
    assert canonical in printed
    assert typed not in printed
