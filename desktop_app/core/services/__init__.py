"""Use cases as verbs that own their transaction (DESIGN §1).

``Services`` bundles them for the GUI and the command line, which call the same code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..catalog import Catalog, load_catalog
from ..db import Database, open_database
from .context import Changes, ServiceContext, local_now
from .documents import DocumentInfo, DocumentService
from .intake import ApplicationDraft, DecisionResult, IntakeService, ItemInput, MemberInput
from .queries import ApplicationDetail, ApplicationRow, QueryService, SearchFilters
from .setup import SetupInput, SetupService


@dataclass
class Services:
    ctx: ServiceContext
    setup: SetupService
    intake: IntakeService
    documents: DocumentService
    queries: QueryService

    @classmethod
    def create(cls, db: Database, *, catalog: Catalog | None = None,
               clock: Callable[[], datetime] = local_now) -> Services:
        ctx = ServiceContext(db, catalog or load_catalog(), clock)
        documents = DocumentService(ctx)
        return cls(ctx, SetupService(ctx), IntakeService(ctx, documents), documents,
                   QueryService(ctx))

    @classmethod
    def open(cls, data_dir: Path, **kw) -> Services:
        return cls.create(open_database(data_dir), **kw)

    def close(self) -> None:
        self.ctx.db.close()


__all__ = [
    "ApplicationDetail", "ApplicationDraft", "ApplicationRow", "Changes", "DecisionResult",
    "DocumentInfo", "ItemInput", "MemberInput", "SearchFilters", "ServiceContext", "Services",
    "SetupInput",
]
