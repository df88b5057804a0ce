"""SQLAlchemy models, one module per aggregate."""

from .application import (
    Application,
    EmergencyAid,
    HouseholdMember,
    Income,
    Material,
    RelatedPerson,
    RequestedItem,
    SearchKey,
)
from .base import Base, Tracked, new_uuid, utcnow
from .care import CarePlan  # issue 15 — care
from .casework import ReserveBatch, ReserveEntry, TaskStage
from .document import Document, DocumentPrint, ListDocument, NumberSeries
from .draft import IntakeDraft
from .dynamic import HouseholdReview
from .event import AuditHead, Event
from .leads import Lead, LeadVisit
from .ledger_import import ImportBatch, ImportMapping, ImportRow  # issue 16 — importer
from .monitor import CountyWarning, MonitorVisit
from .providers import Provider
from .recovery import AdminRecovery
from .sync import SyncExport, SyncImport
from .township import ChangeCounter, Setting, Staff, Township, Village
from .verification import KnownVoid, TrustedSigner  # issue 17 — qrcheck

__all__ = [
    "AdminRecovery", "Application", "AuditHead", "Base", "ChangeCounter", "Document", "DocumentPrint", "EmergencyAid",
    "HouseholdReview",
    "Event", "IntakeDraft", "Lead", "LeadVisit", "ListDocument",
    "HouseholdMember", "Income", "Material", "NumberSeries", "Provider", "RelatedPerson", "RequestedItem", "SearchKey",
    "ReserveBatch", "ReserveEntry",
    "CarePlan",  # issue 15 — care
    "CountyWarning", "MonitorVisit",
    "ImportBatch", "ImportMapping", "ImportRow",  # issue 16 — importer
    "KnownVoid", "TrustedSigner",  # issue 17 — qrcheck
    "Setting", "Staff", "TaskStage", "SyncExport", "SyncImport", "Township", "Tracked", "Village", "new_uuid", "utcnow",
]
