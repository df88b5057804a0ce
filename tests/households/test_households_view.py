"""The household (issue 16, 一户一档): applications of the same applicant ID number,
found by ID number, 办件编号 or name; the view across them."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core.services.drafts import MemberInput
from desktop_app.core.services.households import household_key
from tests.helpers.drafts import draft, resident_id

SAME = resident_id(date(1958, 2, 3), seed=41)
OTHER = resident_id(date(1959, 4, 5), seed=42)
CHILD = resident_id(date(2012, 6, 1), seed=43)


@pytest.fixture
def township(services):
    from desktop_app.core.services.demo import create_demo_township

    return create_demo_township(services)


def _accept(services, township, id_number, items=("DIBAO",), name="王同户", members=None):
    kw = {"members": members} if members is not None else {}
    return services.intake.decide(draft(services, name=name, items=items, id_number=id_number,
                                        **kw), "accept", township).application_id


@pytest.fixture
def household(services, township):
    first = _accept(services, township, SAME)
    second = _accept(services, township, SAME, items=("MEDICAL",), members=[
        MemberInput(name="王小同", relation="子", id_number=CHILD)])
    stranger = _accept(services, township, OTHER, name="赵别户")
    return first, second, stranger


@pytest.mark.parametrize("key,app_id,expected", [
    ("", 7, "app:7"), ("110105194912310021", 7, "110105194912310021")])
def test_household_key(key, app_id, expected):
    assert household_key(key, app_id) == expected


def test_key_for_application(services, household):
    first, second, stranger = household
    hh = services.households
    assert hh.key_for_application(first) == hh.key_for_application(second) == SAME
    assert hh.key_for_application(stranger) == OTHER
    with pytest.raises(LookupError):
        hh.key_for_application(99999)


def _number(services, app_id):
    return services.queries.rows([app_id])[0].number


@pytest.mark.parametrize("how", ["id", "number", "name", "member_id"])
def test_find_by_id_number_application_number_or_name(services, household, how):
    first, second, _stranger = household
    text = {"id": SAME, "number": _number(services, first), "name": "王同户",
            "member_id": CHILD}[how]
    found = services.households.find(text)
    assert [r.key for r in found] == [SAME]
    ref = found[0]
    assert ref.applications == 2 and ref.name == "王同户"
    assert SAME not in ref.masked_id and ref.masked_id.endswith(SAME[-4:])


def test_find_nothing(services, household):
    assert services.households.find("") == []
    assert services.households.find("查无此人") == []


def test_view_lists_applications_members_and_documents(services, household, township):
    first, second, stranger = household
    view = services.households.view(SAME, township)
    assert [a.id for a in view.applications] == [first, second]
    assert view.applicant_name == "王同户" and SAME not in view.applicant_id
    names = {m.name: m for m in view.members}
    assert set(names) == {"王同户", "李四", "王小同"}
    assert names["王同户"].snapshots == 2
    assert names["李四"].to_number == _number(services, first)     # left after the first
    assert names["王小同"].from_number == _number(services, second)  # joined with the second
    assert all(SAME not in m.masked_id and CHILD not in m.masked_id for m in view.members)
    docs = view.documents
    assert docs and {d.info.application_id for d in docs} == {first, second}
    assert all(d.hash_ok in (True, None) for d in docs)
    assert stranger not in {d.info.application_id for d in docs}
    with pytest.raises(LookupError):
        services.households.view("app:99999", township)


def test_demo_has_households_with_several_applications(services, township):
    """``--demo`` (showcase) adds households that come back: the view follows a member
    who joined and one who left (demo_households.py)."""
    from desktop_app.core.services.demo import fill_demo
    from desktop_app.core.services.demo_households import PLANS

    fill_demo(services, 3, seed=5, days=60, showcase=True)
    found = []
    for plan in PLANS:
        # the first application of each planned household: its number, then its key
        day = services.ctx.today().toordinal() - plan[0][0]
        rows = services.queries.search(
            "", filters=_day_filter(date.fromordinal(day)))
        keys = {services.households.key_for_application(r.id) for r in rows}
        found += [k for k in keys if len(services.households.view(k, township).applications)
                  == len(plan)]
    assert len(found) == len(PLANS)
    views = [services.households.view(k, township) for k in found]
    joined = [m for v in views for m in v.members if m.from_number != v.applications[0].number]
    left = [m for v in views for m in v.members if m.to_number != v.applications[-1].number]
    assert joined and left
    # bulk-loaded documents (never rendered): the export renders them, records their
    # hashes (document.render) and reports them changed
    assert all(d.hash_ok is None and not d.sha256 for d in views[0].documents)
    res = services.households.export_pdf(found[0], services.ctx.db.data_dir / "f.pdf", township)
    assert res.changes.documents == {d.info.id for d in views[0].documents}
    after = services.households.view(found[0], township).documents
    assert all(d.hash_ok is True and d.sha256 for d in after)


def _day_filter(day):
    from desktop_app.core.services import SearchFilters

    return SearchFilters(date_from=day, date_to=day)
