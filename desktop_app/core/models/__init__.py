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
from .casework import ReserveBatch, ReserveEntry, TaskStage
from .document import Document, DocumentPrint, ListDocument, NumberSeries
from .draft import IntakeDraft
from .dynamic import HouseholdReview
from .event import AuditHead, Event
from .recovery import AdminRecovery
from .sync import SyncExport, SyncImport
from .township import ChangeCounter, Setting, Staff, Township, Village

__all__ = [
    "AdminRecovery", "Application", "AuditHead", "Base", "ChangeCounter", "Document", "DocumentPrint", "EmergencyAid",
    "HouseholdReview",
    "Event", "IntakeDraft", "ListDocument",
    "HouseholdMember", "Income", "Material", "NumberSeries", "RelatedPerson", "RequestedItem", "SearchKey",
    "ReserveBatch", "ReserveEntry",
    "Setting", "Staff", "TaskStage", "SyncExport", "SyncImport", "Township", "Tracked", "Village", "new_uuid", "utcnow",
]
