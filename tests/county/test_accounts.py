"""County accounts: the first administrator, the township's password policy and
lockout, roles and the department scope, and the county's hash-chained audit
(docs/county-accounts.md)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from county_receiver import accounts as acc
from county_receiver import audit
from county_receiver.accounts import Accounts, CountyActor, CountyRefused
from county_receiver.models import CountyAuditEvent, CountyUser
from county_receiver.receiver import County

PASSWORD = "Kreis2026x"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def county(tmp_path):
    c = County(f"sqlite:///{tmp_path / 'county.sqlite3'}", tmp_path / "keys")
    yield c
    c.close()


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def accounts(county, clock):
    return Accounts(county, cost=acc.FAST_COST, clock=clock)


@pytest.fixture
def admin(accounts):
    return accounts.create_first_admin("admin", "王管理", PASSWORD)


def _events(county) -> list[CountyAuditEvent]:
    with Session(county.engine) as s:
        return list(s.scalars(select(CountyAuditEvent).order_by(CountyAuditEvent.seq)))


@pytest.mark.parametrize(("password", "problem"), [
    ("", "请输入密码"),
    ("Ab1", "至少 8 位"),
    ("a" * 65 + "1", "最多 64 位"),
    ("abcdefghij", "字母和数字"),
    ("1234567890", "字母和数字"),
    ("abcd1234", "过于常见"),
    ("zzzzzzzz", "过于简单"),
    ("密码Password1", "英文字母、数字和常用符号"),
    (" Secret123", "首尾不能有空格"),
    ("xadmin12345", "不能包含用户名"),
])
def test_password_policy(password, problem):
    assert any(problem in p for p in acc.password_problems(password, "admin"))


def test_good_password_passes_and_hash_verifies():
    assert acc.password_problems(PASSWORD, "admin") == []
    stored = acc.hash_password(PASSWORD, acc.FAST_COST)
    assert stored.startswith("scrypt$") and PASSWORD not in stored
    assert acc.verify_password(PASSWORD, stored)
    assert not acc.verify_password(PASSWORD + "x", stored)
    assert not acc.verify_password(PASSWORD, "scrypt$99$1$1$AAAA$AAAA")
    assert not acc.verify_password(PASSWORD, "")


def test_first_administrator_once(accounts, county):
    assert accounts.needs_setup() and not accounts.has_accounts()
    with pytest.raises(CountyRefused) as err:
        accounts.create_first_admin("admin", "王管理", "short1")
    assert err.value.reason == "password_policy" and not accounts.has_accounts()
    actor = accounts.create_first_admin("Admin", "王管理", PASSWORD)
    assert (actor.username, actor.role) == ("admin", acc.ADMIN)
    assert not accounts.needs_setup()
    with pytest.raises(CountyRefused) as err:
        accounts.create_first_admin("second", "李二", PASSWORD)
    assert err.value.reason == "forbidden"
    assert [e.action for e in _events(county)] == ["user.setup", "auth.login"]


@pytest.mark.parametrize(("role", "department", "ok"), [
    ("officer", "", True), ("department", "HEALTHCARE", True), ("admin", "", True),
    ("department", "", False), ("officer", "HEALTHCARE", False), ("boss", "", False),
    ("department", "卫健局", False),
])
def test_roles_and_department_codes(accounts, admin, role, department, ok):
    if ok:
        info = accounts.add_user(admin, "user1", "张用户", role, PASSWORD, department)
        assert (info.role, info.department_code) == (role, department)
        actor = accounts.login("user1", PASSWORD)
        assert actor.department == (department if role == "department" else None)
    else:
        with pytest.raises(CountyRefused) as err:
            accounts.add_user(admin, "user1", "张用户", role, PASSWORD, department)
        assert err.value.reason == "user_invalid"


PERMISSION_TABLE = [
    (acc.ADMIN, {"users", "keys", "tokens", "ingest", "views", "feedback", "confirm", "returns",
                 "warnings", "updates", "audit"}),
    (acc.OFFICER, {"ingest", "views", "feedback", "confirm", "returns", "warnings", "updates",
                   "audit"}),
    (acc.DEPARTMENT, {"views", "feedback"}),
]


@pytest.mark.parametrize(("role", "allowed"), PERMISSION_TABLE)
def test_permissions(role, allowed):
    actor = CountyActor(1, "u", "某", role, "HEALTHCARE" if role == acc.DEPARTMENT else "")
    every = set().union(*(a for _, a in PERMISSION_TABLE))
    assert {p for p in every if actor.can(p)} == allowed
    for p in every - allowed:
        with pytest.raises(CountyRefused) as err:
            actor.require(p)
        assert err.value.reason == "forbidden" and "无权" in err.value.message_zh


def test_only_an_admin_manages_users(accounts, admin):
    accounts.add_user(admin, "officer1", "李经办", "officer", PASSWORD)
    officer = accounts.login("officer1", PASSWORD)
    with pytest.raises(CountyRefused):
        accounts.add_user(officer, "x1", "某", "officer", PASSWORD)
    with pytest.raises(CountyRefused):
        accounts.users(officer)
    with pytest.raises(CountyRefused):
        accounts.set_password(officer, "admin", "Another123x")
    assert [u.username for u in accounts.users(admin)] == ["admin", "officer1"]
    with pytest.raises(CountyRefused) as err:
        accounts.add_user(admin, "officer1", "重名", "officer", PASSWORD)
    assert err.value.reason == "user_exists"


def test_lockout_after_five_wrong_then_time_or_admin_unlocks(accounts, admin, clock, county):
    accounts.add_user(admin, "clerk", "赵经办", "officer", PASSWORD)
    for n in range(1, 5):
        with pytest.raises(CountyRefused) as err:
            accounts.login("clerk", "Wrong12345")
        assert err.value.reason == "bad_credentials"
        assert ("再错" in err.value.message_zh) == (n >= 3)
    with pytest.raises(CountyRefused) as err:
        accounts.login("clerk", "Wrong12345")
    assert err.value.reason == "locked" and err.value.locked_until == clock.now + timedelta(minutes=1)
    with pytest.raises(CountyRefused) as err:              # even the right password now
        accounts.login("clerk", PASSWORD)
    assert err.value.reason == "locked"
    clock.now += timedelta(minutes=1, seconds=1)
    assert accounts.login("clerk", PASSWORD).username == "clerk"
    for _ in range(5):                                     # counting starts again
        with pytest.raises(CountyRefused):
            accounts.login("clerk", "Wrong12345")
    accounts.set_password(admin, "clerk", "Fresh12345y")  # an administrator unlocks
    assert accounts.login("clerk", "Fresh12345y").role == acc.OFFICER
    assert acc.lockout_delay(6) == timedelta(minutes=2) and acc.lockout_delay(40) == timedelta(hours=1)


def test_failures_are_audited_without_what_was_typed(accounts, admin, county):
    typed = "Kreis2026x-as-username"
    with pytest.raises(CountyRefused) as err:
        accounts.login(typed, "whatever1")
    assert err.value.message_zh == "用户名或密码错误"      # the same as a wrong password
    accounts.add_user(admin, "gone", "钱某", "officer", PASSWORD)
    accounts.deactivate(admin, "gone")
    with pytest.raises(CountyRefused):
        accounts.login("gone", PASSWORD)
    events = _events(county)
    failed = [e for e in events if e.action == "auth.login_failed"]
    assert [e.detail for e in failed] == [f'{{"reason":"unknown_user","typed_length":{len(typed)}}}',
                                          '{"reason":"inactive"}']
    text = " ".join(e.detail + e.actor for e in events)
    for secret in (typed, PASSWORD, "钱某", "王管理"):
        assert secret not in text
    assert audit.verify_chain(county.engine).ok


def test_last_admin_and_self_cannot_be_deactivated(accounts, admin):
    with pytest.raises(CountyRefused):
        accounts.deactivate(admin, "admin")
    accounts.add_user(admin, "admin2", "孙管理", "admin", PASSWORD)
    second = accounts.login("admin2", PASSWORD)
    accounts.deactivate(second, "admin")
    with pytest.raises(CountyRefused):
        accounts.login("admin", PASSWORD)
    accounts.activate(second, "admin")
    assert accounts.login("admin", PASSWORD).user_id == admin.user_id


def test_own_password_change_needs_the_old_one(accounts, admin):
    accounts.add_user(admin, "officer1", "李经办", "officer", PASSWORD)
    me = accounts.login("officer1", PASSWORD)
    with pytest.raises(CountyRefused):
        accounts.set_password(me, "officer1", "Newer12345z", old_password="Wrong12345")
    accounts.set_password(me, "officer1", "Newer12345z", old_password=PASSWORD)
    assert accounts.login("officer1", "Newer12345z").user_id == me.user_id


def test_audit_chain_detects_a_changed_row_and_a_removed_one(accounts, admin, county):
    accounts.add_user(admin, "officer1", "李经办", "officer", PASSWORD)
    accounts.login("officer1", PASSWORD)
    report = audit.verify_chain(county.engine)
    assert report.ok and report.events == 4 and "完整" in report.message
    with Session(county.engine) as s, s.begin():
        s.execute(update(CountyAuditEvent).where(CountyAuditEvent.seq == 3)
                  .values(detail='{"role":"admin","user_id":2}'))
    bad = audit.verify_chain(county.engine)
    assert (bad.ok, bad.broken_at, bad.reason) == (False, 3, "hash")
    assert "第 3 条" in bad.message
    with Session(county.engine) as s, s.begin():
        s.execute(delete(CountyAuditEvent).where(CountyAuditEvent.seq == 3))
    gap = audit.verify_chain(county.engine)
    assert (gap.broken_at, gap.reason) == (3, "gap")


def test_audit_refuses_personal_detail(county):
    with Session(county.engine) as s, s.begin(), pytest.raises(ValueError):
        audit.record(s, "feedback", None, name="张三")
    assert audit.verify_chain(county.engine).events == 0


def test_accounts_do_not_change_the_row_digest(accounts, county):
    before = county.digest()
    accounts.create_first_admin("admin", "王管理", PASSWORD)
    assert county.digest() == before
    with Session(county.engine) as s:
        assert s.scalar(select(CountyUser.username)) == "admin"
