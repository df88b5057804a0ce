"""Roles are enforced by the services (docs/roles.md), whatever a screen shows."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from desktop_app.core.errors import PermissionDenied
from desktop_app.core.models import Event
from desktop_app.core.services import AuditFilter
from desktop_app.core.services.auth import ROLE_PERMISSIONS, SYSTEM, VOID
from desktop_app.core.services.demo import DEMO_PASSWORDS
from tests.helpers.drafts import draft, resident_id


def _people(services, clock):
    from desktop_app.core.services.demo import create_demo_township

    create_demo_township(services)  # as the ``township`` fixture does
    login = services.accounts.login
    return {u: login(u, DEMO_PASSWORDS[u]).value for u in ("admin", "supervisor", "clerk1", "clerk2")}


POPULATED = {"people": _people}  # four scrypt logins, done once per session (tests/conftest.py)


@pytest.fixture
def people(populated_template, data_dir, services, township):
    return populated_template(_people, data_dir)[1]


@pytest.fixture
def case(services, people):
    """An application registered and decided by clerk1."""
    return services.intake.decide(draft(services), "accept", people["clerk1"])


def test_roles_nest(people):
    assert ROLE_PERMISSIONS["clerk"] < ROLE_PERMISSIONS["supervisor"] < ROLE_PERMISSIONS["admin"]
    assert not people["clerk1"].can(VOID) and people["supervisor"].can(VOID)


def test_clerk_cannot_void_alone_but_with_a_supervisor_confirmation(services, people, case):
    receipt = case.documents[0]
    for who in (people["clerk1"], people["clerk1"].staff_id):
        with pytest.raises(PermissionDenied) as exc:
            services.documents.void(receipt.id, "录入错误", who)
        assert "负责人" in exc.value.message
    with pytest.raises(PermissionDenied):  # another clerk's "confirmation" is no confirmation
        services.documents.void(receipt.id, "录入错误", people["clerk1"],
                                confirmed_by=people["clerk2"])
    with pytest.raises(PermissionDenied):
        services.intake.void_application(case.application_id, "录入错误", people["clerk1"])
    assert not services.documents.for_application(case.application_id)[0].voided
    confirmer = services.accounts.confirm("supervisor", DEMO_PASSWORDS["supervisor"]).value
    voided = services.documents.void(receipt.id, "录入错误", people["clerk1"], confirmed_by=confirmer).value
    assert voided.voided
    with services.ctx.db.read() as s:
        ev = s.scalars(select(Event).where(Event.action == "document.void")).one()
    detail = json.loads(ev.detail)
    assert ev.actor_id == people["clerk1"].staff_id
    assert detail["confirmed_by"] == people["supervisor"].staff_id
    assert detail["changes"] == {"status": ["accepted", "voided"]}


def test_supervisor_voids_an_application_and_its_documents(services, people, case):
    services.intake.void_application(case.application_id, "重复登记", people["supervisor"])
    assert services.queries.detail(case.application_id).row.status == "voided"
    assert all(d.voided for d in services.documents.for_application(case.application_id))


def test_clerk_records_a_withdrawal(services, people, case):
    services.intake.withdraw(case.application_id, "申请人主动撤回", people["clerk2"])
    detail = services.queries.detail(case.application_id)
    assert detail.row.status == "withdrawn" and detail.row.status_label == "已撤回"
    assert detail.void_reason == "申请人主动撤回"


def test_full_ids_own_applications_only_for_clerks(services, people, case):
    own = services.queries.full_ids(case.application_id, people["clerk1"]).value
    assert own[0].id_number == resident_id() and own[0].name == "张三"
    with pytest.raises(PermissionDenied) as exc:
        services.queries.full_ids(case.application_id, people["clerk2"])
    assert "负责人" in exc.value.message
    assert services.queries.full_ids(case.application_id, people["supervisor"]).value[0].id_number
    with services.ctx.db.read() as s:
        views = list(s.scalars(select(Event).where(Event.action == "pii.view_full_id")))
    assert [(e.actor_id, e.application_id) for e in views] == [
        (people["clerk1"].staff_id, case.application_id),
        (people["supervisor"].staff_id, case.application_id)]
    # Lists and the detail view are masked for everyone.
    assert "*" in services.queries.detail(case.application_id).members[0].id_masked


def test_clerk_cannot_change_settings_restore_confirm_exports_or_read_the_audit(
        services, people, case):
    clerk, supervisor = people["clerk1"], people["supervisor"]
    backup = services.backups.backup_now(clerk).path  # a manual backup is fine for anyone
    for who in (clerk, supervisor):
        with pytest.raises(PermissionDenied):
            services.settings.update("idle_lock_minutes", 5, who)
        with pytest.raises(PermissionDenied):
            services.backups.restore(backup, who)
        with pytest.raises(PermissionDenied):
            services.backups.confirm_exports(who)
    with pytest.raises(PermissionDenied):
        services.audit.query(clerk)
    assert services.audit.query(supervisor, AuditFilter(application_id=case.application_id))
    assert services.backups.list()[0].applications == 1  # nothing was restored


def test_rights_follow_the_database_not_a_stale_actor(services, people, case):
    sup = people["supervisor"]
    services.accounts.update_user(sup.staff_id, people["admin"], role="clerk")
    with pytest.raises(PermissionDenied):  # the Actor object still says "supervisor"
        services.documents.void(case.documents[0].id, "x", sup)
    services.accounts.update_user(sup.staff_id, people["admin"], active=False)
    with pytest.raises(PermissionDenied):
        services.documents.reprint(case.documents[0].id, sup)


def test_the_command_line_is_not_a_window_clerk(services, people, case):
    with pytest.raises(PermissionDenied):
        services.documents.void(case.documents[0].id, "x", SYSTEM)
    with pytest.raises(PermissionDenied):
        services.intake.decide(draft(services), "accept", SYSTEM)
    with pytest.raises(PermissionDenied):
        services.queries.full_ids(case.application_id, SYSTEM)
