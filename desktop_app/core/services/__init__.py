"""Use cases as verbs that own their transaction (DESIGN §1).

``Services`` bundles them for the GUI and the command line, which call the same code.

The services and what they export are imported on first use (module ``__getattr__``):
the GUI imports permission names from :mod:`.auth` to build its first frame, which
must not pay for SQLAlchemy, the models and every service (~0.5 s, DESIGN §8).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..catalog import Catalog, load_catalog
    from ..db import Database, open_database
    from ..errors import PermissionDenied
    from .accounts import AccountService, LoginFailed, UserInfo
    from .assessment import AssessmentService
    from .audit import AuditFilter, AuditRow, AuditService, CheckReport
    from .auth import ROLE_LABELS, SYSTEM, Actor
    from .backups import BackupReport, BackupService, ExportsPaused, RestoreResult
    from .care import CareService
    from .clock import ClockService, ClockStatus
    from .context import Changes, Outcome, ServiceContext, local_now
    from .documents import DocumentInfo, DocumentService
    from .drafts import ApplicationDraft, ItemInput, MemberInput, PersonInput
    from .dynamic.reviews import RecheckService
    from .dynamic_monitor import MonitorService
    from .handling import (
        EmergencyInput,
        EmergencyResult,
        Feedback,
        FeedbackResult,
        FlaggedRow,
        HandlingService,
        ListInfo,
        ReviewRow,
        Step,
        TaskFilter,
        TaskRow,
    )
    from .households import HouseholdService  # issue 16 — household
    from .intake import DecisionResult, IntakeService, IntakeWarning
    from .intake.saved_drafts import DraftService
    from .issuance_register import IssuanceRegisterService  # issue 17 — qrcheck
    from .leads import LeadService
    from .ledger_import import LedgerImportService
    from .ledgers import LedgerService
    from .providers import ProviderService
    from .queries import ApplicationDetail, ApplicationRow, FullId, QueryService, SearchFilters
    from .reserve import ReserveService
    from .settings import SettingsService
    from .setup import SetupInput, SetupService
    from .stats import StatsService
    from .stats_report import StatsReportService
    from .sync.service import ExportLogRow, ExportResult, ImportResult, SyncService, SyncStatus
    from .verification import VerificationService  # issue 17 — qrcheck



_LAZY = {
    "Catalog": "..catalog", "load_catalog": "..catalog", "Database": "..db", "open_database": "..db",
    "PermissionDenied": "..errors",
    "AssessmentService": ".assessment", "AccountService": ".accounts", "LoginFailed": ".accounts",
    "UserInfo": ".accounts", "AuditFilter": ".audit", "AuditRow": ".audit", "AuditService": ".audit",
    "CheckReport": ".audit", "ROLE_LABELS": ".auth", "SYSTEM": ".auth", "Actor": ".auth",
    "BackupReport": ".backups", "BackupService": ".backups", "ExportsPaused": ".backups",
    "RestoreResult": ".backups", "Changes": ".context", "ServiceContext": ".context",
    "local_now": ".context", "DocumentInfo": ".documents", "DocumentService": ".documents",
    "EmergencyInput": ".handling", "Feedback": ".handling", "FeedbackResult": ".handling",
    "HandlingService": ".handling", "TaskFilter": ".handling", "TaskRow": ".handling",
    "ApplicationDraft": ".drafts", "DecisionResult": ".intake", "IntakeService": ".intake",
    "IntakeWarning": ".intake", "ItemInput": ".drafts", "MemberInput": ".drafts",
    "PersonInput": ".drafts",
    "ApplicationDetail": ".queries", "ApplicationRow": ".queries", "FullId": ".queries",
    "QueryService": ".queries", "SearchFilters": ".queries", "SettingsService": ".settings",
    "SetupInput": ".setup", "SetupService": ".setup",
    "ClockService": ".clock", "ClockStatus": ".clock",
    "ReserveService": ".reserve",
    "CareService": ".care",  # issue 15 — care
    "LeadService": ".leads", "LeadInput": ".leads", "VisitInput": ".leads",  # issue 15
    "MonitorService": ".dynamic_monitor",
    "StatsService": ".stats",  # issue 16 — stats
    "StatsReportService": ".stats_report",  # issue 16 — statsgui
    "VerificationService": ".verification",  # issue 17 — qrcheck
    "IssuanceRegisterService": ".issuance_register",
    # results of the write verbs (every one carries ``.changes``) and the read models
    "Outcome": ".context", "EmergencyResult": ".handling", "ListInfo": ".handling",
    "ReviewRow": ".handling", "FlaggedRow": ".handling", "Step": ".handling",
    "ExportResult": ".sync.service", "ExportLogRow": ".sync.service",
    "ImportResult": ".sync.service", "SyncStatus": ".sync.service", "SyncService": ".sync.service",
}


def __getattr__(name: str) -> Any:
    """``from desktop_app.core.services import X`` loads X's module on first use."""
    import importlib

    mod = _LAZY.get(name)
    if mod is None:
        raise AttributeError(name)
    value = getattr(importlib.import_module(mod, __name__), name)
    globals()[name] = value
    return value


@dataclass
class Services:
    ctx: ServiceContext
    setup: SetupService
    intake: IntakeService
    documents: DocumentService
    queries: QueryService
    accounts: AccountService
    settings: SettingsService
    backups: BackupService
    audit: AuditService
    assessment: AssessmentService
    handling: HandlingService
    sync: SyncService  # export/import sync packages (DESIGN §4)
    clock: ClockService  # the PC's clock against the newest record (issue 11)
    reserve: ReserveService  # the 临时救助备用金 ledger (issue 13)
    drafts: DraftService  # autosaved intake drafts, local only (issue 14)
    rechecks: RecheckService  # issue 15: change reports and re-checks (动态管理)
    providers: ProviderService  # the directory of service providers (issue 15)
    care: CareService  # 特困 care: self-care assessment, 委托照料协议 (issue 15)
    leads: LeadService  # the lead register, 主动发现 (issue 15)
    monitor: MonitorService  # issue 15 — the local monitoring list (低收入人口动态监测)
    stats: StatsService  # issue 16 — stats: the statistics figures (read only)
    ledger_import: LedgerImportService  # issue 16 — importer: legacy ledgers, county lists
    households: HouseholdService  # issue 16 — household: 一户一档

    @classmethod
    def create(cls, db: Database, *, catalog: Catalog | None = None,
               clock: Callable[[], datetime] | None = None) -> Services:
        from ..catalog import load_catalog
        from .accounts import AccountService
        from .assessment import AssessmentService
        from .audit import AuditService
        from .backups import BackupService
        from .care import CareService
        from .clock import ClockService
        from .context import ServiceContext, local_now
        from .documents import DocumentService
        from .dynamic.reviews import RecheckService
        from .dynamic_monitor import MonitorService
        from .handling import HandlingService
        from .households import HouseholdService  # issue 16 — household
        from .intake import IntakeService
        from .intake.saved_drafts import DraftService
        from .leads import LeadService
        from .ledger_import import LedgerImportService
        from .providers import ProviderService
        from .queries import QueryService
        from .reserve import ReserveService
        from .settings import SettingsService
        from .setup import SetupService
        from .stats import StatsService
        from .sync.service import SyncService

        ctx = ServiceContext(db, catalog or load_catalog(), clock or local_now)

        documents = DocumentService(ctx)
        handling = HandlingService(ctx, documents)
        return cls(ctx, SetupService(ctx), IntakeService(ctx, documents), documents,
                   QueryService(ctx), AccountService(ctx), SettingsService(ctx),
                   BackupService(ctx), AuditService(ctx), AssessmentService(ctx),
                   handling, SyncService(ctx, handling), ClockService(ctx),
                   ReserveService(ctx, documents), DraftService(ctx),
                   RecheckService(ctx, documents), ProviderService(ctx, documents),
                   CareService(ctx, documents), LeadService(ctx, documents),
                   MonitorService(ctx), StatsService(ctx), LedgerImportService(ctx),
                   households=HouseholdService(ctx, documents))  # issue 16 — household

    @classmethod
    def open(cls, data_dir: Path, *, catalog: Catalog | None = None,
             clock: Callable[[], datetime] | None = None) -> Services:
        from ..db import open_database

        return cls.create(open_database(data_dir), catalog=catalog, clock=clock)

    def close(self) -> None:
        self.ctx.db.close()

    @functools.cached_property
    def stats_reports(self) -> StatsReportService:
        """Issue 16 — statsgui: the printed 统计报表 over ``services.stats``."""
        from .stats_report import StatsReportService

        return StatsReportService(self.ctx, self.documents, lambda: self.stats)

    @functools.cached_property
    def issuance_register(self) -> IssuanceRegisterService:  # issue 17 — qrcheck: 发文登记簿
        from .issuance_register import IssuanceRegisterService

        return IssuanceRegisterService(self.ctx, self.documents)

    @functools.cached_property
    def verification(self) -> VerificationService:  # issue 17 — qrcheck: 验证文书
        from .verification import VerificationService

        return VerificationService(self.ctx)

    @functools.cached_property
    def ledgers(self) -> LedgerService:  # issue 16 — ledgers: 台账 to Excel by template
        from .ledgers import LedgerService

        return LedgerService(self.ctx)


__all__ = [
    "load_catalog", "local_now", "open_database",
    "ROLE_LABELS", "SYSTEM", "Actor", "ApplicationDetail", "ApplicationDraft", "ApplicationRow",
    "AuditFilter", "AuditRow", "BackupReport", "Changes", "CheckReport", "DecisionResult",
    "DocumentInfo", "EmergencyInput", "ExportsPaused", "Feedback", "FeedbackResult", "FullId",
    "HandlingService", "IntakeWarning", "ItemInput", "TaskFilter", "TaskRow", "LoginFailed", "MemberInput",
    "PersonInput",
    "PermissionDenied", "RestoreResult", "SearchFilters", "ServiceContext", "Services",
    "SetupInput", "UserInfo",
    "Outcome", "EmergencyResult", "ListInfo", "ReviewRow", "FlaggedRow", "Step",
    "ExportResult", "ExportLogRow", "ImportResult", "SyncStatus", "SyncService",
    "ClockService", "ClockStatus",
]
