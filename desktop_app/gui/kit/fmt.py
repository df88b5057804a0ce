"""Filling the ``%1``, ``%2``, … placeholders of a translated string.

Translated strings keep Qt's numbered placeholders (``self.tr("Saved %1 of %2")``) so
that a translation may put the values in another order. ``fmt`` fills them in one pass:
a value that itself contains ``%2`` (a name, a file name, an error message) is inserted
as it is, never substituted again, as a chain of ``.replace("%1", a).replace("%2", b)``
would do.
"""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"%(\d+)")


def fmt(text: str, *values: object) -> str:
    """``text`` with ``%1`` … ``%n`` replaced by ``str(values[0])`` … ``str(values[n-1])``.

    Placeholders without a value (``%0``, or a number past the last value) stay as
    they are; ``%n`` (Qt's plural count) is not a numbered placeholder and is left alone.
    """
    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(values[number - 1]) if 1 <= number <= len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, text)
