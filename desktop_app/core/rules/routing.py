"""Routing (分类派单): who handles and who decides each requested item. Pure.

The handler comes from the catalogue: the township itself (``TOWNSHIP``) or a county
department the window refers (转办) the item to. The decider is the catalogue's
``decider`` — except for items marked ``delegable`` (低保, 特困) when the county has
delegated 审核确认 to the township (setting ``township_confirms``): then the township
confirms them itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..catalog import TOWNSHIP, Catalog, Item


@dataclass(frozen=True)
class Route:
    item_code: str
    item_name: str
    handler_code: str
    handler_name: str
    decider_code: str
    decider_name: str

    @property
    def referred(self) -> bool:
        """True if the window refers (转办) the item to a county department."""
        return self.handler_code != TOWNSHIP

    @property
    def township_decides(self) -> bool:
        return self.decider_code == TOWNSHIP


def decider_code(item: Item, township_confirms: bool) -> str:
    return TOWNSHIP if (item.delegable and township_confirms) else item.decider


def route(catalog: Catalog, item_code: str, township_confirms: bool) -> Route:
    """The route of ``item_code``; :class:`KeyError` if the item is unknown."""
    item = catalog.item(item_code)
    decider = decider_code(item, township_confirms)
    return Route(item.code, item.name, item.handler, catalog.department(item.handler).name,
                 decider, catalog.department(decider).name)
