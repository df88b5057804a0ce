"""The township's temporary-assistance ceiling, cumulative per incident and per household
per year (core/rules/temporary.py): the check every township payment or decision with an
amount on a 临时救助 item passes before anything is written."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from ...catalog import TOWNSHIP
from ...errors import ValidationErrors
from ...models import Application, RequestedItem
from ...rules import temporary
from .. import handling_data
from ..context import ServiceContext
from ..temporary_data import ceiling_fen


def township_decides(task: RequestedItem) -> bool:
    return (task.item_code in handling_data.TEMPORARY_ITEMS
            and (task.decider_code or task.handler_code) == TOWNSHIP)


def refuse_above_ceiling(ctx: ServiceContext, s: Session, app: Application,
                         task: RequestedItem, amount_fen: int, day: date, *,
                         replaces_item: bool) -> None:
    """Raise the refusal (field ``amount``, code ``ceiling``) naming the figures if
    ``amount_fen`` on ``task`` on ``day`` takes a cumulative sum past the ceiling."""
    rows = handling_data.temporary_aid(s, app, day.year, item_id=task.id)
    scope = temporary.scope_on(ctx.get_setting(s, "temporary_ceiling_scope"), day)
    refusal = temporary.check(amount_fen, ceiling_fen(ctx, s, task.item_code), task.id, day,
                              handling_data.township_paid(rows), scope,
                              replaces_item=replaces_item, item_code=task.item_code)
    if refusal is not None:
        raise ValidationErrors([refusal])
