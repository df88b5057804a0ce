"""办件查询 as a clerk types (issue 14 item 10): the query is read the way names and ID
numbers are stored — the middle dot's look-alikes, spaces and zero-width characters in a
name, full-width digits from an IME, spaces and hyphens inside an ID number."""

from __future__ import annotations

import pytest

from desktop_app.gui.applications.screen import COL_NAME
from tests.helpers.gui import decide, make_id, type_text

pytestmark = pytest.mark.gui

AYGL_ID = make_id("19800101", 31)
ZHANG_ID = make_id("19600512", 33)


def _people(services, clock):
    from desktop_app.core.services.demo import create_demo_township

    township = create_demo_township(services)
    return [
        decide(services, township, "阿依古丽•买买提", AYGL_ID),
        decide(services, township, "张　三", ZHANG_ID),
        decide(services, township, "李四", make_id("19710203", 52)),
    ]


POPULATED = {"people": _people}


@pytest.fixture
def people(populated_template, data_dir, services, township):
    return populated_template(_people, data_dir)[1]


def _wide(text: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


@pytest.mark.parametrize(("query", "names"), [
    ("阿依古丽·买买提", ["阿依古丽·买买提"]),
    ("阿依古丽•买买提", ["阿依古丽·买买提"]),
    ("阿依古丽买买提", ["阿依古丽·买买提"]),
    ("张三", ["张三"]),
    ("张 三", ["张三"]),
    ("张\u200b三", ["张三"]),
    (_wide(AYGL_ID), ["阿依古丽·买买提"]),
    (f"{ZHANG_ID[:6]}-{ZHANG_ID[6:14]}-{ZHANG_ID[14:]}", ["张三"]),
    (f"{ZHANG_ID[:6]} {ZHANG_ID[6:14]} {ZHANG_ID[14:]}", ["张三"]),
    (_wide(ZHANG_ID[6:14]), ["张三"]),
])
def test_typed_queries_find_the_canonical_record(qtbot, window, people, query, names):
    window.show_applications()
    screen = window.applications
    type_text(qtbot, screen.search, query)
    screen.run_search()
    found = [screen.model.index(r, COL_NAME).data() for r in range(screen.model.rowCount())]
    assert found == names
