"""Settings an administrator changes: validated, stored, audited with old and new values."""

from __future__ import annotations

from typing import Any

from ..errors import ValidationError, ValidationErrors
from ..rules.settings import RESERVED, VALIDATORS, validate_setting
from . import auth
from .auth import ActorRef
from .context import Changes, ServiceContext
from .events import record_event


class SettingsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def get(self, key: str) -> Any:
        with self.ctx.db.read() as s:
            return self.ctx.get_setting(s, key)

    def editable(self) -> dict[str, Any]:
        """Current values of the settings the settings screen may change."""
        with self.ctx.db.read() as s:
            return {k: self.ctx.get_setting(s, k) for k in VALIDATORS}

    def update(self, key: str, value: Any, by: ActorRef) -> Changes:
        """Change one setting (administrators only); logged as ``settings.change``."""
        if key in RESERVED:
            raise ValidationErrors([ValidationError(key, "reserved", key="setting.reserved")])
        try:
            clean = validate_setting(key, value)
        except ValidationError as exc:
            raise ValidationErrors([exc]) from None
        with self.ctx.db.transaction() as s:
            actor, _ = auth.require(s, by, auth.SETTINGS)
            old = self.ctx.get_setting(s, key)
            if old == clean:
                return Changes()
            self.ctx.put_setting(s, key, clean, actor.staff_id)
            record_event(s, "settings.change", actor_id=actor.staff_id, key=key, old=old,
                         new=clean, **auth.event_actor(actor))
        return Changes(settings=True)
