"""Checks before the county's public key file replaces the recipient of every future
package (issue 11): whose keys they are, and that this township belongs to that county.

The public key exchange file (``sync_contract/keys.py``, ``public-keys.schema.json``)
always carries ``code``: the county writes its 6-digit division code (GB/T 2260, the
first six digits of every township and village code under it; ``county-receiver keygen
--code``). A 12-digit code is accepted when it is a county written out in full
(``420106000000``). The township's first six digits must equal it — which also covers the
towns directly under a prefecture-level city without counties (东莞 441900, 中山 442000,
儋州 460400: their "county" code ends in 00), while a prefecture's or province's code is
another county's for every other township. A file without a code is refused by the schema
as invalid; a code of any other shape, or of another county, is refused here — the county fixes its file
(``county-receiver keygen --code NNNNNN``), the township never overrides the check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sync_contract.keys import KeyStore, PublicKeys, read_public_keys

from ...errors import ValidationError

FIELD = "county_keys"


@dataclass(frozen=True)
class CountyKeysPreview:
    """The county key file as read, before anything is written: shown for confirmation."""

    keys: PublicKeys
    previous: PublicKeys | None
    township_code: str
    county_code: str          # the 6-digit county part

    @property
    def fingerprint(self) -> str:
        """What the administrator checks with the county on the phone and confirms: the
        key set's fingerprint (signing key *and* encryption recipients, code, role)."""
        return self.keys.key_set_fingerprint

    @property
    def replaces(self) -> bool:
        """Different county keys (signing or encryption) are registered now: future
        packages change recipient."""
        return self.previous is not None and \
            self.previous.key_set_fingerprint != self.keys.key_set_fingerprint

    @property
    def unchanged(self) -> bool:
        return self.previous is not None and \
            self.previous.key_set_fingerprint == self.keys.key_set_fingerprint


def county_part(code: str) -> str | None:
    """The 6-digit county code a key file's ``code`` names, or ``None``."""
    if re.fullmatch(r"[0-9]{6}", code):
        return code
    if re.fullmatch(r"[0-9]{6}0{6}", code):
        return code[:6]
    return None


def check_county(keys: PublicKeys, township_code: str) -> str:
    """The county part of ``keys.code``; raises :class:`ValidationError` when it is not a
    county code or this township (``township_code``, 12 digits) is not in that county."""
    county = county_part(keys.code)
    if county is None:
        raise ValidationError(FIELD, "not_county", key="county_keys.not_county",
                              params={"code": keys.code,
                                      "command": "county-receiver keygen --code"})
    if township_code[:6] != county:
        raise ValidationError(FIELD, "other_county", key="county_keys.other_county",
                              params={"code": county, "name": keys.name or "",
                                      "township": township_code})
    return county


def preview(store: KeyStore, source: Path, township_code: str) -> CountyKeysPreview:
    """Read and check ``source`` (a :class:`PackageError` when it is not a county key
    file); nothing is written."""
    keys = read_public_keys(Path(source), "county")
    county = check_county(keys, township_code)
    try:
        previous = store.county()
    except Exception:  # an unreadable registered file is replaced like any other
        previous = None
    return CountyKeysPreview(keys, previous, township_code, county)


__all__ = ["CountyKeysPreview", "check_county", "county_part", "preview"]
