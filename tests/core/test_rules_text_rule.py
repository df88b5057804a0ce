"""Issue #11: the township's inputs follow the sync contract's text rule — what the window
stores is NFC (normalised silently), free of control characters and of a lone leading
combining mark — so the county never refuses a package for a text the township took.
Existing behaviour and messages (``text.control_char``, ``name.control_char``) stay."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop_app.core.errors import ValidationError, ValidationErrors
from desktop_app.core.models import Application, HouseholdMember
from desktop_app.core.rules import values
from sync_contract.text import text_problem
from tests.helpers.drafts import draft, resident_id

NFD = "Rene\u0301"            # René, decomposed
NFC = "Ren\u00e9"


@pytest.mark.parametrize(("text", "result"), [
    (NFD, NFC),
    ("\uf900豆", "\u8c48豆"),                       # CJK compatibility ideograph → unified
    ("  石桥村\u200b12号 ", "石桥村12号"),             # zero-width dropped (as before)
    ("石桥村\t12号", "石桥村 12号"),                  # whitespace folded (as before)
])
def test_validate_text_normalises(text, result):
    assert values.validate_text(text, "hukou_address") == result
    assert text_problem(result) is None


@pytest.mark.parametrize(("text", "code", "key"), [
    ("石桥村\x00", "control_char", "text.control_char"),
    ("石桥村\x07", "control_char", "text.control_char"),
    ("石桥村\x7f", "control_char", "text.control_char"),
    ("石桥村\ud800", "control_char", "text.control_char"),       # a lone surrogate
    ("\u0301石桥村", "combining_start", "text.combining_start"),
    ("a" * 201, "too_long", "text.too_long"),
])
def test_validate_text_refuses(text, code, key):
    with pytest.raises(ValidationError) as exc:
        values.validate_text(text, "hukou_address", 200)
    assert (exc.value.field, exc.value.code, exc.value.key) == ("hukou_address", code, key)
    assert "石桥村" not in exc.value.message


def test_multiline_text_refuses_a_line_starting_with_a_combining_mark():
    assert values.validate_text("第一行\n第二行", "note", multiline=True) == "第一行\n第二行"
    with pytest.raises(ValidationError) as exc:
        values.validate_text("第一行\n\u0301第二行", "note", multiline=True)
    assert exc.value.code == "combining_start"


@pytest.mark.parametrize(("text", "result"), [(NFD, NFC), ("张\uf900", "张\u8c48")])
def test_validate_name_normalises_to_nfc(text, result):
    assert values.validate_name(text, "name") == result


@pytest.mark.parametrize(("text", "code"), [
    ("张三\x00", "control_char"), ("张三\ud800", "control_char"), ("\u0301张三", "invalid_char"),
])
def test_validate_name_refuses(text, code):
    with pytest.raises(ValidationError) as exc:
        values.validate_name(text, "name")
    assert exc.value.code == code


@pytest.mark.parametrize(("text", "result"), [
    (" 材料\t不全 ", "材料 不全"), (NFD, NFC), ("a\r\nb", "a b"), ("a\u200bb", "ab"),
])
def test_plain_text_keeps_the_line_as_typed(text, result):
    assert values.plain_text(text, "void_reason") == result


@pytest.mark.parametrize("text", ["材料\x00不全", "\u0301材料", "材料\x1b[31m"])
def test_plain_text_refuses(text):
    with pytest.raises(ValidationError):
        values.plain_text(text, "void_reason")


# -- the intake service: what reaches the database ------------------------------------
def test_intake_stores_nfc_text(services, township):
    d = draft(services, name=NFD, id_number=resident_id(seed=41), hardship_reason=f"因病{NFD}")
    d.applicant.hukou_address = f"石桥村{NFD}"
    res = services.intake.decide(d, "accept", township)
    with services.ctx.db.read() as s:
        app = s.get(Application, res.application_id)
        assert app is not None and app.hardship_reason == f"因病{NFC}"
        member = s.scalar(select(HouseholdMember).where(
            HouseholdMember.application_id == app.id, HouseholdMember.position == 0))
        assert member is not None
        assert (member.name, member.hukou_address) == (NFC, f"石桥村{NFC}")


@pytest.mark.parametrize(("where", "field", "key"), [
    ("hardship_reason", "hardship_reason", "text.control_char"),
    ("no_id_reason", "applicant.no_id_reason", "text.control_char"),
    ("name", "applicant.name", "name.control_char"),
])
def test_intake_refuses_a_control_character(services, township, where, field, key):
    d = draft(services, id_number=resident_id(seed=42))
    if where == "hardship_reason":
        d.hardship_reason = "因病\x00"
    else:
        setattr(d.applicant, where, "张三\x00")
    with pytest.raises(ValidationErrors) as exc:
        services.intake.decide(d, "accept", township)
    assert (field, key) in {(e.field, e.key) for e in exc.value.errors}


def test_reject_reasons_and_void_reasons_follow_the_rule(services, township):
    d = draft(services, id_number=resident_id(seed=43))
    with pytest.raises(ValidationErrors) as exc:
        services.intake.decide(d, "reject", township, ["不符合\x00条件"])
    assert [e.key for e in exc.value.errors] == ["text.control_char"]
    res = services.intake.decide(d, "reject", township, [f"不符合条件{NFD}"])
    with services.ctx.db.read() as s:
        app = s.get(Application, res.application_id)
        assert app is not None and NFC in app.reject_reasons and NFD not in app.reject_reasons
    with pytest.raises(ValidationErrors) as exc:
        services.intake.void_application(res.application_id, "登记\x07错误", township)
    assert [e.key for e in exc.value.errors] == ["text.control_char"]


def test_setup_stores_township_and_village_names_by_the_text_rule(data_dir):
    """Issue #11: what set-up stores goes to the county in every package — NFC, trimmed,
    and a control character in a village name is refused on its line, nothing written."""
    from desktop_app.core.errors import ValidationErrors
    from desktop_app.core.services import Services
    from desktop_app.core.services.setup import SetupInput

    services = Services.open(data_dir)
    try:
        base = dict(township_name="  e\u0301镇 ", township_code="522201101000",
                    window_phone="0856-5222011", supervision_phone="12345",
                    admin_name="张三", admin_username="admin", admin_password="Guanli-2026x",
                    office_name="")
        bad = SetupInput(**base, villages=[("522201101201", "一村\u0000")])
        with pytest.raises(ValidationErrors) as caught:
            services.setup.initialize(bad)
        assert [e.code for e in caught.value.errors] == ["control_char"]
        assert "第 1 行" in caught.value.errors[0].message or "第1行" in caught.value.errors[0].message
        assert not services.setup.is_initialized()
        services.setup.initialize(SetupInput(**base, villages=[("522201101201", " u\u0308村 ")]))
        assert services.setup.township().name == "\u00e9镇"
        assert [v.name for v in services.setup.villages()] == ["\u00fc村"]
    finally:
        services.close()
