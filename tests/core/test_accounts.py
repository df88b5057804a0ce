"""Accounts: first password, login, lockout with back-off, resets, idle-lock setting."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from desktop_app.core.errors import PermissionDenied, ValidationErrors
from desktop_app.core.models import Event, Staff
from desktop_app.core.rules import passwords
from desktop_app.core.services import LoginFailed, SetupInput
from desktop_app.core.services.auth import SYSTEM
from desktop_app.core.services.demo import DEMO_PASSWORDS, DEMO_TOWNSHIP

CHEAP = passwords.ScryptCost(log2_n=4, r=1, p=1)


def events(services, action=None):
    with services.ctx.db.read() as s:
        stmt = select(Event).order_by(Event.seq)
        if action:
            stmt = stmt.where(Event.action == action)
        return [(e.action, e.actor_id, json.loads(e.detail)) for e in s.scalars(stmt)]


def setup_input(**kw) -> SetupInput:
    base = {k: getattr(DEMO_TOWNSHIP, k) for k in (
        "township_name", "township_code", "window_phone", "supervision_phone", "admin_name",
        "villages")}
    return SetupInput(**{**base, **kw})


def test_first_admin_must_set_a_password_before_anyone_logs_in(services):
    services.setup.initialize(setup_input())
    first = services.accounts.needs_first_password()
    assert first is not None and first.username == "admin" and not first.has_password
    with pytest.raises(LoginFailed) as exc:
        services.accounts.login("admin", "")
    assert exc.value.code == "no_password"
    with pytest.raises(ValidationErrors) as bad:
        services.accounts.set_first_password(first.id, "12345678")
    assert bad.value.errors[0].field == "password"
    actor = services.accounts.set_first_password(first.id, "qingshui2026").value
    assert actor.role == "admin" and actor.staff_id == first.id
    assert services.accounts.needs_first_password() is None
    with pytest.raises(PermissionDenied):  # only once, and never for someone else
        services.accounts.set_first_password(first.id, "another2026x")
    assert services.accounts.login("admin", "qingshui2026").value.staff_id == first.id
    assert [a for a, *_ in events(services, "auth.password_set")] == ["auth.password_set"]


def test_setup_can_take_the_admin_password_and_checks_the_policy(services):
    errors = services.setup.validate(setup_input(admin_password="short1"))
    assert {(e.field, e.code) for e in errors} == {("admin_password", "too_short")}
    errors = services.setup.validate(setup_input(admin_username="管理员", admin_password="x"))
    assert {e.field for e in errors} == {"admin_username", "admin_password"}
    services.setup.initialize(setup_input(admin_username="wangjg", admin_password="qingshui2026"))
    assert services.accounts.needs_first_password() is None
    assert services.accounts.login("WangJG ", "qingshui2026").value.name == "王建国"
    with services.ctx.db.read() as s:
        stored = s.scalars(select(Staff.password_hash)).one()
    assert stored.startswith("scrypt$15$8$1$") and "qingshui2026" not in stored


def test_login_success_and_failures_are_audited_without_the_typed_text(services, township):
    actor = services.accounts.login("clerk1", DEMO_PASSWORDS["clerk1"]).value
    assert (actor.name, actor.role, actor.role_label) == ("李秀英", "clerk", "经办人")
    with pytest.raises(LoginFailed) as exc:
        services.accounts.login("clerk1", "wrong-password1")
    assert exc.value.code == "bad_credentials" and exc.value.message.startswith("用户名或密码错误")
    with pytest.raises(LoginFailed) as unknown:
        services.accounts.login("jingban2026", "x")  # a password typed into the username box
    assert unknown.value.message == "用户名或密码错误"
    log = events(services)
    assert ("auth.login", actor.staff_id, {}) in log
    failed = [d for a, _, d in log if a == "auth.login_failed"]
    assert failed[0]["reason"] == "password" and failed[0]["failures"] == 1
    assert failed[1] == {"reason": "unknown_user", "typed_length": len("jingban2026")}
    assert "jingban2026" not in json.dumps([d for *_, d in log], ensure_ascii=False)
    services.accounts.logout(actor)
    assert events(services)[-1][:2] == ("auth.logout", actor.staff_id)


def test_lockout_with_back_off_then_unlocks_by_time_or_admin_reset(services, township, clock):
    accounts = services.accounts
    accounts.cost = CHEAP
    user = accounts.add_user("赵敏", "zhaomin", "clerk", "zm2026xy", township).value
    for _ in range(passwords.LOCK_AFTER - 1):
        with pytest.raises(LoginFailed) as exc:
            accounts.login("zhaomin", "wrong-pass1")
        assert exc.value.code == "bad_credentials"
    with pytest.raises(LoginFailed) as exc:
        accounts.login("zhaomin", "wrong-pass1")
    assert exc.value.code == "locked"
    assert exc.value.locked_until == clock.now + timedelta(minutes=1)
    # Locked: even the right password is refused, without counting.
    with pytest.raises(LoginFailed) as exc:
        accounts.login("zhaomin", "zm2026xy")
    assert exc.value.code == "locked"
    clock.now += timedelta(minutes=1, seconds=1)
    with pytest.raises(LoginFailed) as exc:  # 6th failure: locked for twice as long
        accounts.login("zhaomin", "wrong-pass1")
    assert exc.value.locked_until == clock.now + timedelta(minutes=2)
    clock.now += timedelta(minutes=2, seconds=1)
    assert accounts.login("zhaomin", "zm2026xy").value.staff_id == user.id
    assert accounts.find("zhaomin").failed_logins == 0
    # Lock it again, then an administrator's reset lifts the lock (and is logged).
    for _ in range(passwords.LOCK_AFTER):
        with pytest.raises(LoginFailed):
            accounts.login("zhaomin", "wrong-pass1")
    assert accounts.find("zhaomin").locked_until is not None
    reset = accounts.reset_password(user.id, "newpass2026", township).value
    assert reset.locked_until is None and reset.must_change_password
    assert ("auth.password_reset", township, {"staff_id": user.id}) in events(services)
    actor = accounts.login("zhaomin", "newpass2026").value
    assert actor.must_change_password
    with pytest.raises(ValidationErrors):
        accounts.change_password(actor, "newpass2026", "newpass2026")
    changed = accounts.change_password(actor, "newpass2026", "mine-2026x").value
    assert not changed.must_change_password
    assert accounts.login("zhaomin", "mine-2026x").value.staff_id == user.id


def test_only_admins_reset_passwords_and_manage_users(services, township):
    clerk = services.accounts.login("clerk1", DEMO_PASSWORDS["clerk1"]).value
    supervisor = services.accounts.login("supervisor", DEMO_PASSWORDS["supervisor"]).value
    for who in (clerk, supervisor, clerk.staff_id):
        with pytest.raises(PermissionDenied) as exc:
            services.accounts.reset_password(township, "hacked2026x", who)
        assert exc.value.message == "只有管理员可以管理账户"
        with pytest.raises(PermissionDenied):
            services.accounts.add_user("黄蓉", "huangrong", "admin", "huang2026x", who)
        with pytest.raises(PermissionDenied):
            services.accounts.update_user(clerk.staff_id, who, role="admin")
        with pytest.raises(PermissionDenied):
            services.accounts.users(who)
        with pytest.raises(PermissionDenied):
            services.setup.add_staff("黄蓉", "clerk", who)
    assert services.accounts.login("admin", DEMO_PASSWORDS["admin"]).value.staff_id == township


def test_add_user_validates_and_update_user_logs_old_and_new(services, township):
    services.accounts.cost = CHEAP
    with pytest.raises(ValidationErrors) as exc:
        services.accounts.add_user("", "clerk1", "boss", "abc", township)
    assert {e.field for e in exc.value.errors} == {"name", "username", "role", "password"}
    u = services.accounts.add_user("黄蓉", "huangrong", "clerk", "huang2026x", township).value
    assert u.must_change_password and u.role_label == "经办人"
    services.accounts.update_user(u.id, township, role="supervisor")
    _, actor, detail = events(services, "staff.change")[-1]
    assert actor == township and detail == {"staff_id": u.id,
                                            "changes": {"role": ["clerk", "supervisor"]}}
    services.accounts.update_user(u.id, township, active=False)
    with pytest.raises(LoginFailed):
        services.accounts.login("huangrong", "huang2026x")
    assert "huangrong" not in dict(services.accounts.login_names())


def test_the_last_admin_can_be_neither_demoted_nor_deactivated(services, township):
    with pytest.raises(ValidationErrors) as exc:
        services.accounts.update_user(township, township, role="clerk")
    assert exc.value.errors[0].code == "last_admin"
    with pytest.raises(ValidationErrors):
        services.accounts.update_user(township, township, active=False)
    assert services.accounts.find("admin").role == "admin"


def test_supervisor_confirmation_and_screen_unlock(services, township):
    accounts = services.accounts
    sup = accounts.confirm("supervisor", DEMO_PASSWORDS["supervisor"]).value
    assert sup.role == "supervisor"
    with pytest.raises(PermissionDenied):
        accounts.confirm("clerk2", DEMO_PASSWORDS["clerk2"])
    with pytest.raises(LoginFailed):
        accounts.confirm("supervisor", "wrong-pass1")
    clerk = accounts.login("clerk1", DEMO_PASSWORDS["clerk1"]).value
    assert accounts.unlock(clerk, DEMO_PASSWORDS["clerk1"]).value == clerk
    with pytest.raises(LoginFailed):
        accounts.unlock(clerk, DEMO_PASSWORDS["clerk2"] + "x")
    actions = [a for a, *_ in events(services)]
    assert {"auth.confirm", "auth.confirm_failed", "auth.unlock", "auth.unlock_failed"} <= set(actions)


def test_idle_lock_setting_default_and_admin_change(services, township):
    assert services.accounts.idle_lock_minutes() == 10
    clerk = services.accounts.login("clerk1", DEMO_PASSWORDS["clerk1"]).value
    with pytest.raises(PermissionDenied):
        services.settings.update("idle_lock_minutes", 30, clerk)
    with pytest.raises(ValidationErrors):
        services.settings.update("idle_lock_minutes", 0, township)
    assert services.settings.update("idle_lock_minutes", "30", township)
    assert services.accounts.idle_lock_minutes() == 30
    assert events(services, "settings.change")[-1] == (
        "settings.change", township, {"key": "idle_lock_minutes", "old": 10, "new": 30})
    assert not services.settings.update("idle_lock_minutes", 30, township)  # no change, no event
    assert len(events(services, "settings.change")) == 1


def test_cli_can_reset_a_forgotten_admin_password(services, township):
    info = services.accounts.reset_password(township, "recovered2026", SYSTEM).value
    assert info.must_change_password
    _, actor, detail = events(services, "auth.password_reset")[-1]
    assert actor is None and detail == {"staff_id": township, "via": "cli"}
    assert services.accounts.login("admin", "recovered2026").value.must_change_password
