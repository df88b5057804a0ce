"""A module imported on first attribute access.

The cryptography libraries (``cryptography``, ``pyrage``: ~11 MB and ~0.1 s) are needed
to sign, encrypt and open packages, not to start the township program, which imports
the envelope's plain parts (``Progress``, ``PackageError``, ``canonical_json`` …) with
its services. :mod:`.envelope` and :mod:`.keys` name them through :func:`lazy_module`.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class _LazyModule:
    __slots__ = ("_name", "_module")

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attr: str) -> Any:
        module = self._module
        if module is None:
            module = self._module = importlib.import_module(self._name)
        return getattr(module, attr)

    def __repr__(self) -> str:
        return f"<lazy module {self._name!r}>"


def lazy_module(name: str) -> Any:
    """``name`` imported when an attribute is first read."""
    return _LazyModule(name)
