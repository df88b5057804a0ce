"""Display names for codes the core stores (event actions, decisions, roles).

The strings are English source text marked with ``QT_TRANSLATE_NOOP`` so lupdate
collects them; :func:`action_label` and friends translate at run time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication

# Qt's marker for lupdate, typed: it returns its text unchanged (the stubs say object).
QT_TRANSLATE_NOOP = cast("Callable[[str, str], str]", QtCore.QT_TRANSLATE_NOOP)

_CTX = "Labels"

ACTIONS: dict[str, str] = {
    "setup": QT_TRANSLATE_NOOP("Labels", "Initial setup"),
    "staff.add": QT_TRANSLATE_NOOP("Labels", "Staff member added"),
    "application.create": QT_TRANSLATE_NOOP("Labels", "Application registered"),
    "application.accept": QT_TRANSLATE_NOOP("Labels", "Accepted"),
    "application.notice": QT_TRANSLATE_NOOP("Labels", "One-time notice of missing materials issued"),
    "application.reject": QT_TRANSLATE_NOOP("Labels", "Not accepted"),
    "application.materials": QT_TRANSLATE_NOOP("Labels", "Missing materials supplied"),
    "application.void": QT_TRANSLATE_NOOP("Labels", "Application voided"),
    "document.issue": QT_TRANSLATE_NOOP("Labels", "Document issued"),
    "document.reprint": QT_TRANSLATE_NOOP("Labels", "Document reprinted"),
    "document.print": QT_TRANSLATE_NOOP("Labels", "Document sent to a printer"),  # issue 14
    "document.void": QT_TRANSLATE_NOOP("Labels", "Document voided"),
    "document.render": QT_TRANSLATE_NOOP("Labels", "Document rendered for the first time"),
    "application.withdraw": QT_TRANSLATE_NOOP("Labels", "Application withdrawn"),
    "application.assessment": QT_TRANSLATE_NOOP("Labels", "Needs assessment recorded"),
    "application.close": QT_TRANSLATE_NOOP("Labels", "Application closed"),
    "task.refer": QT_TRANSLATE_NOOP("Labels", "Referred on the handover list"),
    "task.sign": QT_TRANSLATE_NOOP("Labels", "Signed for by the department"),
    "task.feedback": QT_TRANSLATE_NOOP("Labels", "Result recorded"),
    "task.re_refer": QT_TRANSLATE_NOOP("Labels", "Referred again"),
    "task.review": QT_TRANSLATE_NOOP("Labels", "Re-check recorded"),
    "emergency.pay": QT_TRANSLATE_NOOP("Labels", "Emergency aid paid first"),
    "emergency.escalate": QT_TRANSLATE_NOOP("Labels", "Reported to the county for approval"),
    # issue 13 — a procedure step or side record (补齐手续, 个案会商, 跟进救助 …)
    "task.stage": QT_TRANSLATE_NOOP("Labels", "Procedure step recorded"),
    # issue 15 — reviews: a re-check or a change report with its decision
    "review.recheck": QT_TRANSLATE_NOOP("Labels", "Re-check recorded"),
    "review.change": QT_TRANSLATE_NOOP("Labels", "Change report recorded"),
    "pii.view_full_id": QT_TRANSLATE_NOOP("Labels", "Full ID numbers viewed"),
    "auth.login": QT_TRANSLATE_NOOP("Labels", "Logged in"),
    "auth.login_failed": QT_TRANSLATE_NOOP("Labels", "Login failed"),
    "auth.logout": QT_TRANSLATE_NOOP("Labels", "Logged out"),
    "auth.unlock": QT_TRANSLATE_NOOP("Labels", "Screen unlocked"),
    "auth.unlock_failed": QT_TRANSLATE_NOOP("Labels", "Unlock failed"),
    "auth.confirm": QT_TRANSLATE_NOOP("Labels", "Supervisor confirmed"),
    "auth.confirm_failed": QT_TRANSLATE_NOOP("Labels", "Supervisor confirmation failed"),
    "auth.password_set": QT_TRANSLATE_NOOP("Labels", "Initial password set"),
    "auth.password_change": QT_TRANSLATE_NOOP("Labels", "Password changed"),
    "auth.password_change_failed": QT_TRANSLATE_NOOP("Labels", "Password change failed"),
    "auth.password_reset": QT_TRANSLATE_NOOP("Labels", "Password reset by an administrator"),
    "auth.recovery_code_issued": QT_TRANSLATE_NOOP("Labels", "Administrator recovery code issued"),
    "auth.recovery_used": QT_TRANSLATE_NOOP("Labels", "Administrator password set with the "
                                                      "recovery code"),
    "auth.recovery_failed": QT_TRANSLATE_NOOP("Labels", "Recovery code refused"),
    "staff.change": QT_TRANSLATE_NOOP("Labels", "Account changed"),
    "settings.change": QT_TRANSLATE_NOOP("Labels", "Setting changed"),
    "backup.create": QT_TRANSLATE_NOOP("Labels", "Manual backup"),
    "system.restore": QT_TRANSLATE_NOOP("Labels", "Backup restored"),
    "exports.resume": QT_TRANSLATE_NOOP("Labels", "Exports resumed"),
    "export": QT_TRANSLATE_NOOP("Labels", "Export"),
    "import": QT_TRANSLATE_NOOP("Labels", "Import"),
    # issue 13 — reserve (临时救助备用金)
    "reserve.receipt": QT_TRANSLATE_NOOP("Labels", "Reserve fund: money in"),
    "reserve.payment": QT_TRANSLATE_NOOP("Labels", "Reserve fund: payment"),
    "reserve.refund": QT_TRANSLATE_NOOP("Labels", "Reserve fund: money given back"),
    "reserve.batch": QT_TRANSLATE_NOOP("Labels", "Reserve fund: submitted for reimbursement"),
    "reserve.reimburse": QT_TRANSLATE_NOOP("Labels", "Reserve fund: reimbursed by the county"),
    # issue 15 — providers (services/providers.py)
    "provider.add": QT_TRANSLATE_NOOP("Labels", "Service provider added"),
    "provider.change": QT_TRANSLATE_NOOP("Labels", "Service provider changed"),
    "task.provider": QT_TRANSLATE_NOOP("Labels", "Service provider chosen"),
    # issue 15 — leads (主动发现)
    "lead.create": QT_TRANSLATE_NOOP("Labels", "Lead registered"),
    "lead.assign": QT_TRANSLATE_NOOP("Labels", "Lead assigned"),
    "lead.visit": QT_TRANSLATE_NOOP("Labels", "Lead visit recorded"),
    "lead.reply": QT_TRANSLATE_NOOP("Labels", "12345 ticket replied"),
    "lead.apply": QT_TRANSLATE_NOOP("Labels", "Lead: help to apply"),
    "lead.close": QT_TRANSLATE_NOOP("Labels", "Lead closed"),
    "lead.link": QT_TRANSLATE_NOOP("Labels", "Lead became an application"),
    # issue 15 — monitor (低收入人口动态监测)
    "monitor.visit": QT_TRANSLATE_NOOP("Labels", "Monitoring visit"),
    "monitor.lead": QT_TRANSLATE_NOOP("Labels", "Lead raised from a monitoring visit"),
    "stats.report": QT_TRANSLATE_NOOP("Labels", "Statistics report printed"),  # issue 16
    "register.issue": QT_TRANSLATE_NOOP("Labels", "Issuance register printed"),  # issue 17
}

ROLES: dict[str, str] = {
    "clerk": QT_TRANSLATE_NOOP("Labels", "Clerk"),
    "supervisor": QT_TRANSLATE_NOOP("Labels", "Supervisor"),
    "admin": QT_TRANSLATE_NOOP("Labels", "Administrator"),
}

DECISIONS: dict[str, str] = {
    "accept": QT_TRANSLATE_NOOP("Labels", "Accept"),
    "notice": QT_TRANSLATE_NOOP("Labels", "One-time notice"),
    "reject": QT_TRANSLATE_NOOP("Labels", "Not accepted"),
}

PROVISIONAL = QT_TRANSLATE_NOOP("Labels", "(provisional)")

ITEM_STATUSES: dict[str, str] = {
    "requested": QT_TRANSLATE_NOOP("Labels", "Requested"),
    "accepted": QT_TRANSLATE_NOOP("Labels", "In progress"),
    "rejected": QT_TRANSLATE_NOOP("Labels", "Not accepted"),
    "referred": QT_TRANSLATE_NOOP("Labels", "Referred"),
    "done": QT_TRANSLATE_NOOP("Labels", "Completed"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def action_label(code: str) -> str:
    """``application.accept`` → 受理; an unknown code is shown as it is."""
    source = ACTIONS.get(code)
    return _tr(source) if source else code


def role_label(code: str) -> str:
    source = ROLES.get(code)
    return _tr(source) if source else code


def decision_label(code: str) -> str:
    source = DECISIONS.get(code)
    return _tr(source) if source else code


def item_status_label(code: str) -> str:
    source = ITEM_STATUSES.get(code)
    return _tr(source) if source else code


def due_text(due, provisional: bool) -> str:
    """``2026-12-08`` or ``2027-01-12（暂定）``: provisional when the year's holidays are unknown."""
    if due is None:
        return "—"
    text = due.isoformat()
    if provisional:
        text += _tr("(provisional)")
    return text
