"""Use cases as verbs that own their transaction (DESIGN §1).

``Services`` bundles them for the GUI and the command line, which call the same code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..catalog import Catalog, load_catalog
from ..db import Database, open_database
from ..errors import PermissionDenied
from .assessment import AssessmentService
from .accounts import AccountService, LoginFailed, UserInfo
from .audit import AuditFilter, AuditRow, AuditService, CheckReport
from .auth import ROLE_LABELS, SYSTEM, Actor
from .backups import BackupReport, BackupService, ExportsPaused, RestoreResult
from .context import Changes, ServiceContext, local_now
from .documents import DocumentInfo, DocumentService
from .handling import (
    EmergencyInput, Feedback, FeedbackResult, HandlingService, TaskFilter, TaskRow,
)
from .intake import (
    ApplicationDraft, DecisionResult, IntakeService, IntakeWarning, ItemInput, MemberInput,
)
from .queries import ApplicationDetail, ApplicationRow, FullId, QueryService, SearchFilters
from .settings import SettingsService
from .setup import SetupInput, SetupService


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
    sync: Any = None  # desktop_app.sync.service.SyncService (export/import packages)

    @classmethod
    def create(cls, db: Database, *, catalog: Catalog | None = None,
               clock: Callable[[], datetime] = local_now) -> Services:
        ctx = ServiceContext(db, catalog or load_catalog(), clock)
        from ...sync.service import SyncService

        documents = DocumentService(ctx)
        handling = HandlingService(ctx, documents)
        return cls(ctx, SetupService(ctx), IntakeService(ctx, documents), documents,
                   QueryService(ctx), AccountService(ctx), SettingsService(ctx),
                   BackupService(ctx), AuditService(ctx), AssessmentService(ctx),
                   handling, SyncService(ctx, handling))

    @classmethod
    def open(cls, data_dir: Path, **kw) -> Services:
        return cls.create(open_database(data_dir), **kw)

    def close(self) -> None:
        self.ctx.db.close()


__all__ = [
    "ROLE_LABELS", "SYSTEM", "Actor", "ApplicationDetail", "ApplicationDraft", "ApplicationRow",
    "AuditFilter", "AuditRow", "BackupReport", "Changes", "CheckReport", "DecisionResult",
    "DocumentInfo", "EmergencyInput", "ExportsPaused", "Feedback", "FeedbackResult", "FullId",
    "HandlingService", "IntakeWarning", "ItemInput", "TaskFilter", "TaskRow", "LoginFailed", "MemberInput",
    "PermissionDenied", "RestoreResult", "SearchFilters", "ServiceContext", "Services",
    "SetupInput", "UserInfo",
]
