"""公示 limits (issue 12 point 6). Source: DOMAIN §9 ("公示 never for minors, orphans,
事实无人抚养儿童"), the catalogue's ``publicity`` rule (ORPHAN "forbidden", 民发〔2019〕
62号). At and around the adult age."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core.rules.publicity import PersonFacts, publicity_limits

DAY = date(2026, 12, 7)


def born(years_ago: int, days: int = 0) -> date:
    return date(DAY.year - years_ago, DAY.month, DAY.day - days) if days else \
        date(DAY.year - years_ago, DAY.month, DAY.day)


@pytest.mark.parametrize("applicant_birth, withheld, note", [
    (born(18, 1), (), "18 and one day: adult, publicised"),
    (born(18), (), "18 today: adult, publicised"),
    (date(2008, 12, 8), ("DIBAO", "EDUCATION"), "17 until tomorrow: minor, nothing publicised"),
    (date(2014, 6, 1), ("DIBAO", "EDUCATION"), "12: minor"),
    (None, (), "no birth date known: not treated as a minor (the clerk sees the ID)"),
])
def test_a_minor_applicant_is_never_publicised(applicant_birth, withheld, note):
    members = [PersonFacts("杨梓涵", "本人", applicant_birth)]
    out = publicity_limits(members, DAY, {"DIBAO": "required", "EDUCATION": "none"})
    assert out.withheld_items == withheld, note
    assert ("未成年人" in out.text()) == bool(withheld)


def test_orphan_item_is_never_publicised_whoever_applies():
    members = [PersonFacts("王奶奶", "本人", date(1950, 1, 1)),
               PersonFacts("王小宝", "孙子", date(2016, 5, 5))]
    out = publicity_limits(members, DAY, {"DIBAO": "required", "ORPHAN": "forbidden"})
    assert out.withheld_items == ("ORPHAN",)
    assert out.omitted_names == ("王小宝",)
    assert "王小宝" in out.text() and "孤儿" in out.text()


def test_adult_household_has_no_limits():
    members = [PersonFacts("张三", "本人", date(1970, 1, 1)),
               PersonFacts("李四", "配偶", date(1972, 1, 1))]
    out = publicity_limits(members, DAY, {"DIBAO": "required"})
    assert not out.any and out.text() == ""


def test_adult_age_is_the_setting():
    members = [PersonFacts("赵六", "本人", date(2007, 1, 1))]  # 19
    assert not publicity_limits(members, DAY, {"DIBAO": "required"}).any
    assert publicity_limits(members, DAY, {"DIBAO": "required"}, adult_age=20).withheld_items \
        == ("DIBAO",)
