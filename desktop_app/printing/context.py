"""The placeholder context: the caller's data plus a few derived values.

Derived values (``{derived.…}`` in templates) are computed lazily, so a document
that does not use, say, ``derived.signers`` does not need ``members`` in its data;
one that does gets a :class:`MissingDataError` naming the real missing key.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop_app.printing.errors import MissingDataError

SUPPORTER_ROLE = "赡养（抚养、扶养）义务人"
MEMBER_ROLE = "家庭成员"
APPLICANT_ROLE = "申请人"
GUARDIAN_ROLE = "监护人（代未成年申请人签字）"
MINOR_APPLICANT_ROLE = "申请人（未成年，由监护人代签）"
GUARDIAN_MARK = "监护人"


def _need(data: dict[str, Any], path: str) -> Any:
    """Value at dotted ``path``; :class:`MissingDataError` naming the path if absent."""
    value: Any = data
    for seg in path.split("."):
        value = value.get(seg) if isinstance(value, dict) else None
        if value is None:
            raise MissingDataError(path)
    return value


def government_name(township_name: str) -> str:
    """城关镇 -> 城关镇人民政府; 西湖街道 -> 西湖街道办事处."""
    if township_name.endswith("街道"):
        return township_name + "办事处"
    if township_name.endswith(("人民政府", "办事处")):
        return township_name
    return township_name + "人民政府"


def _item_names(data: dict[str, Any]) -> str:
    """Names of the requested items, or of the items named in ``missing``."""
    if data.get("items") is not None:
        names = [i.get("name") for i in data["items"]]
    elif data.get("missing") is not None:
        names = [m.get("item") for m in data["missing"]]
    else:
        raise MissingDataError("items")
    return "、".join(dict.fromkeys(n for n in names if n))


def _provisional_years(data: dict[str, Any]) -> str:
    years = sorted({str(i.get("due_date", ""))[:4] for i in _need(data, "items")
                    if i.get("provisional") and i.get("due_date")})
    return "、".join(years)


def _adult_members(data: dict[str, Any]) -> list[dict[str, Any]]:
    # A member whose adulthood is unknown is treated as adult: asking one signature
    # too many is harmless, missing one makes the authorisation incomplete. A member
    # recorded as not counted (服刑, 宣告失踪, not living together — 民发〔2021〕57号) is
    # not among the 共同生活的家庭成员 who authorise and sign (issue 12).
    return [m for m in _need(data, "members")
            if m.get("adult", True) and not m.get("not_counted", False)]


def _signers(data: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for m in _adult_members(data):
        role = APPLICANT_ROLE if m.get("relation") == "本人" else MEMBER_ROLE
        rows.append({**m, "role": role})
    rows += [{**s, "role": SUPPORTER_ROLE} for s in _need(data, "supporters")]
    return rows


def _applicant_row(data: dict[str, Any]) -> dict[str, Any] | None:
    members = _need(data, "members")
    own = [m for m in members if m.get("relation") == "本人"]
    return own[0] if own else (members[0] if members else None)


def _applicant_minor(data: dict[str, Any]) -> bool:
    # Only an explicit ``adult: false`` makes a minor (unknown adulthood = adult, above).
    row = _applicant_row(data)
    return row is not None and row.get("adult", True) is False


def _guardian_candidates(data: dict[str, Any]) -> list[dict[str, Any]]:
    """For a minor applicant: the adult household members, one of whom signs as guardian."""
    if not _applicant_minor(data):
        return []
    return [m for m in _adult_members(data) if m.get("relation") != "本人"]


def _guardian(data: dict[str, Any]) -> dict[str, Any]:
    """The guardian recorded for a minor applicant (``data["guardian"]``, issue 12);
    ``{}`` for an adult applicant or when none is recorded (older snapshots have none)."""
    recorded = data.get("guardian")
    if not _applicant_minor(data) or not isinstance(recorded, dict) or not recorded.get("name"):
        return {}
    return recorded


def _guardian_choices(data: dict[str, Any]) -> list[dict[str, Any]]:
    """No guardian recorded: the adult members one of whom signs (as in template v2)."""
    return [] if _guardian(data) else _guardian_candidates(data)


def _guardian_needed(data: dict[str, Any]) -> bool:
    """A minor applicant, no guardian recorded and no adult in the household: the form
    carries labelled lines for the guardian to fill in by hand."""
    return _applicant_minor(data) and not _guardian(data) and not _guardian_candidates(data)


def _same_person(row: dict[str, Any], person: dict[str, Any]) -> bool:
    return row.get("name") == person.get("name") and row.get("id_number") == person.get("id_number")


def _with_guardian(rows: list[dict[str, Any]], data: dict[str, Any]) -> list[dict[str, Any]]:
    """Mark the recorded guardian's row (a member or supporter) or add one for a
    guardian outside the household; without a recorded guardian and without an adult
    in the household, a blank row to fill in by hand."""
    recorded = _guardian(data)
    if recorded:
        for n, row in enumerate(rows):
            if row.get("role") != MINOR_APPLICANT_ROLE and _same_person(row, recorded):
                rows[n] = {**row, "role": f"{row['role']}（{GUARDIAN_MARK}）"}
                return rows
        return rows + [{"name": recorded["name"], "relation": recorded.get("relation", ""),
                        "id_number": recorded.get("id_number", ""),
                        "id_number_masked": "", "adult": True, "role": GUARDIAN_ROLE}]
    if _guardian_needed(data):
        rows.append({"name": "", "relation": "", "id_number": "", "id_number_masked": "",
                     "adult": True, "role": GUARDIAN_ROLE})
    return rows


def _declarants(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Who signs the 家庭经济状况申报表: every adult member and, for a minor applicant,
    the guardian (recorded, or a row to fill in when no adult lives in the household)."""
    rows = [{**m, "role": APPLICANT_ROLE if m.get("relation") == "本人" else MEMBER_ROLE}
            for m in _adult_members(data)]
    if _applicant_minor(data):
        rows = _with_guardian(rows, data)
    return rows


def _authorisers(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of the authorisation table: every adult member and every supporter; a
    minor applicant first (the guardian signs for them), and -- when no adult lives in
    the household -- a row for the guardian to fill in by hand. Never empty.

    Legal supporters (and, later, a recorded guardian) are rows of their own: when the
    core supplies ``supporters`` (or a guardian record) they appear here unchanged."""
    rows = _signers(data)
    if not _applicant_minor(data):
        return rows
    applicant = _applicant_row(data)
    rows.insert(0, {**(applicant or {}), "role": MINOR_APPLICANT_ROLE})
    # (Snapshots before issue 12 carry no ``guardian``: the v2 rows, unchanged.)
    return _with_guardian(rows, data)


def _own_number(data: dict[str, Any]) -> str:
    """The document's own number when it is not the application's 办件编号 (a receipt
    after 补正, a second notice): printed beside the 办件编号; ``""`` otherwise."""
    number = str(_need(data, "number"))
    return "" if number == str(_need(data, "application_number")) else number


_DERIVED: dict[str, Callable[[dict[str, Any]], Any]] = {
    "item_names": _item_names,
    "has_provisional": lambda d: any(i.get("provisional") for i in _need(d, "items")),
    "provisional_years": _provisional_years,
    "government": lambda d: government_name(_need(d, "township.name")),
    "adult_members": _adult_members,
    "signers": _signers,
    "applicant_minor": _applicant_minor,
    "guardian_candidates": _guardian_candidates,
    "guardian_names": lambda d: "、".join(m["name"] for m in _guardian_candidates(d)),
    "guardian_needed": _guardian_needed,
    "guardian": _guardian,
    "guardian_choices": _guardian_choices,
    "guardian_choice_names": lambda d: "、".join(m["name"] for m in _guardian_choices(d)),
    "declarants": _declarants,
    "authorisers": _authorisers,
    "material_count": lambda d: len(_need(d, "materials")),
    "own_number": _own_number,
}


class Derived(dict[str, Any]):
    """Computes ``derived.<key>`` on first access (``get`` is what lookups use)."""

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__()
        self._data = data

    def get(self, key: str, default: Any = None) -> Any:
        if key not in self and key in _DERIVED:
            self[key] = _DERIVED[key](self._data)
        return super().get(key, default)


def build_context(data: dict[str, Any], template: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise TypeError(f"document data must be a dict, got {type(data).__name__}")
    ctx = dict(data)
    # A form whose title depends on the case (审核确认表 / 初审意见表) gives its own.
    ctx["title"] = data.get("title") or template.title
    ctx["derived"] = Derived(data)
    return ctx
