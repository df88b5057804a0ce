"""First-run setup: every problem reported at once, with row numbers; nothing partial."""

from __future__ import annotations

import pytest

from desktop_app.core.errors import ValidationErrors
from desktop_app.core.services import SetupInput


def setup_input(**kw) -> SetupInput:
    base = dict(township_name="清水镇", township_code="522201101000", window_phone="0856-5221234",
                supervision_phone="12345", admin_name="王建国",
                villages=[("522201101001", "清水社区"), ("522201101201", "石桥村")])
    base.update(kw)
    return SetupInput(**base)


def test_valid_setup_records_township_villages_and_admin(services):
    services.setup.initialize(setup_input())
    assert services.setup.township().code == "522201101000"
    assert [v.name for v in services.setup.villages()] == ["清水社区", "石桥村"]
    assert [p.name for p in services.setup.staff()] == ["王建国"]
    with pytest.raises(ValidationErrors):  # only once
        services.setup.initialize(setup_input())


@pytest.mark.parametrize("kw,field,fragment", [
    (dict(township_code="52220110100"), "township_code", ""),
    (dict(township_code="522201901000"), "township_code", ""),
    (dict(villages=[("522201101001", "甲"), ("522201101001", "乙")]), "villages", "第 2 行"),
    (dict(villages=[("522201101001", "甲"), ("522201102001", "乙")]), "villages", "第 2 行"),
    (dict(villages=[("522201101001", "甲"), ("522201101999", "乙")]), "villages", "第 2 行"),
    (dict(villages=[("522201101001", "甲"), ("522201101002", "甲")]), "villages", "第 2 行"),
    (dict(villages=[]), "villages", ""),
    (dict(admin_name=""), "admin_name", ""),
    (dict(window_phone="abc"), "window_phone", ""),
    (dict(township_name="镇" * 200), "township_name", ""),
])
def test_bad_setup_is_reported_and_writes_nothing(services, kw, field, fragment):
    with pytest.raises(ValidationErrors) as exc:
        services.setup.initialize(setup_input(**kw))
    errors = [e for e in exc.value.errors if e.field == field]
    assert errors and all(e.message for e in errors)
    assert any(fragment in e.message for e in errors)
    assert not services.setup.is_initialized()
