"""Message keys (issue #10): validators raise ``ValidationError(field, code, key=…,
params=…)``; the core's table (``desktop_app/core/messages.py``) gives the Chinese text
the command line and the logs show. The GUI's side (English sources, zh_CN) is checked
in ``tests/gui/test_gui_messages.py``."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

import desktop_app
from desktop_app.core.errors import ValidationError, ValidationErrors
from desktop_app.core.messages import TEMPLATES, Message
from sync_contract import messages as contract_messages

ROOT = Path(desktop_app.__file__).parent.parent
#: Where validation errors are raised (the core, the wire contract, the county).
RAISING = [ROOT / "desktop_app" / "core", ROOT / "sync_contract", ROOT / "county_receiver"]
KEY = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
#: Modules migrated to keys: no ValidationError there carries a literal Chinese text.
MIGRATED = ["desktop_app/core/rules/values.py", "desktop_app/core/rules/identity.py",
            "desktop_app/core/rules/division.py", "desktop_app/core/rules/settings.py",
            "desktop_app/core/services/intake/validation.py",
            "desktop_app/core/services/setup.py", "desktop_app/core/services/accounts.py",
            "desktop_app/core/services/documents.py",
            "desktop_app/core/services/intake/supplements.py",
            "desktop_app/core/services/intake/registration.py",
            "desktop_app/core/services/intake/base.py",
            "desktop_app/core/services/settings.py",
            "desktop_app/core/services/handling/base.py",
            "desktop_app/core/services/handling/results.py",
            "desktop_app/core/services/handling/emergency.py",
            "desktop_app/core/services/handling/reviews.py",
            "desktop_app/core/services/intake/withdrawal.py",
            "desktop_app/core/services/handling/handover.py",
            "desktop_app/core/services/handling/notices.py",
            "desktop_app/core/rules/workdays.py",
            "desktop_app/core/rules/numbering.py",
            "desktop_app/core/rules/passwords.py",
            "sync_contract/holidays.py",
            "sync_contract/standards.py"]
#: Calls that take a message key: the error class and the validators' helpers around it.
RAISERS = {"ValidationError", "_fail", "_line_error", "day_value", "_not_before", "_reason",
           "_invalid", "_err"}
#: A message used as another's parameter: ``Message("division.csv.columns", {…})``.
NESTED = "Message"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else None


def _is_key_table(node: ast.Assign | ast.AnnAssign) -> bool:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    return any(isinstance(t, ast.Name) and t.id.endswith("_MESSAGE_KEYS") for t in targets)


def keys_raised() -> dict[str, list[str]]:
    """Every ``key="…"`` literal passed to a raiser (:data:`RAISERS`), and every dotted
    string of a module table named ``*_MESSAGE_KEYS``, in the raising packages -> where."""
    found: dict[str, list[str]] = {}
    for base in RAISING:
        for path in sorted(base.rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Assign | ast.AnnAssign) and _is_key_table(node):
                    # a module table of keys a raise picks from (``_CHECK_18_MESSAGE_KEYS``)
                    assert node.value is not None
                    for sub in ast.walk(node.value):
                        if isinstance(sub, ast.Constant) and isinstance(sub.value, str) \
                                and "." in sub.value:
                            found.setdefault(sub.value, []).append(
                                f"{path.relative_to(ROOT)}:{sub.lineno}")
                if isinstance(node, ast.Call) and _name(node.func) == NESTED and node.args \
                        and isinstance(node.args[0], ast.Constant) \
                        and isinstance(node.args[0].value, str):
                    found.setdefault(node.args[0].value, []).append(
                        f"{path.relative_to(ROOT)}:{node.lineno}")
                if not isinstance(node, ast.Call) or _name(node.func) not in RAISERS:
                    continue
                for kw in node.keywords:
                    if kw.arg == "key" and isinstance(kw.value, ast.Constant) \
                            and isinstance(kw.value.value, str):
                        found.setdefault(kw.value.value, []).append(
                            f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_keys_are_found_and_well_formed():
    raised = keys_raised()
    assert len(raised) >= 20
    assert [k for k in raised if not KEY.match(k)] == []


def test_every_key_raised_has_a_template():
    missing = {k: where for k, where in keys_raised().items() if k not in contract_messages.TEMPLATES}
    assert missing == {}


def test_every_template_is_used():
    assert sorted(set(contract_messages.TEMPLATES) - set(keys_raised())) == []


def test_township_table_is_registered_with_the_contract():
    for key, text in TEMPLATES.items():
        assert contract_messages.TEMPLATES[key] == text


def test_registering_another_text_for_a_key_is_refused():
    key = next(iter(TEMPLATES))
    contract_messages.register({key: TEMPLATES[key]})  # the same text again: fine
    with pytest.raises(ValueError):
        contract_messages.register({key: TEMPLATES[key] + "！"})


@pytest.mark.parametrize("path", MIGRATED)
def test_migrated_modules_raise_no_literal_chinese(path):
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    literal = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in {*RAISERS, NESTED}:
            for arg in [*node.args, *(kw.value for kw in node.keywords)]:
                for sub in ast.walk(arg):
                    if isinstance(sub, ast.Constant) and isinstance(sub.value, str) \
                            and CJK.search(sub.value):
                        literal.append(node.lineno)
    assert literal == []


@pytest.mark.parametrize(("key", "params", "text"), [
    ("amount.negative", {}, "金额不能为负数"),
    ("amount.too_large", {"max": "100,000,000.00"}, "金额不能超过100,000,000.00元"),
    ("text.too_long", {"max": 200, "length": 201}, "不能超过200个字（当前201个）"),
    ("date.nonexistent", {"year": 2026, "month": 2, "day": 30}, "日期不存在（2026年2月30日）"),
    ("name.invalid_char", {"char": "{x}%1"}, "姓名含有不支持的字符“{x}%1”"),
])
def test_key_gives_the_chinese_message(key, params, text):
    err = ValidationError("f", "c", key=key, params=params)
    assert (err.message, str(err), err.key, err.params) == (text, text, key, params)
    assert ValidationErrors([err]).args[0] == text


def test_a_message_as_a_parameter_renders_its_own_template():
    problem = Message("division.csv.duplicate_code", {"code": "330102001001", "first": 2})
    err = ValidationError("villages_csv", "duplicate_code", key="division.csv.line",
                          params={"line": 5, "problem": problem}, line=5)
    assert err.message == "第5行：代码330102001001与第2行重复"
    assert str(problem) == f"{problem}" == "代码330102001001与第2行重复"


def test_with_field_keeps_the_key():
    err = ValidationError("id_number", "length", key="id.resident.length", params={"length": 3},
                          line=4)
    moved = err.with_field("members.0.id_number")
    assert (moved.field, moved.code, moved.message, moved.line, moved.key, moved.params) == (
        "members.0.id_number", "length", "身份证号码应为18位（当前3位）", 4,
        "id.resident.length", {"length": 3})


def test_problem_is_the_error_as_a_parameter():
    keyed = ValidationError("f", "c", key="id.hmt.region")
    assert keyed.problem() == Message("id.hmt.region", {})
    assert ValidationError("f", "c", "没有键").problem() == "没有键"
    line = ValidationError("villages", "c", key="setup.village.line",
                           params={"line": 2, "problem": keyed.problem()})
    assert line.message == "第 2 行：港澳台居民居住证号码应以810000、820000或830000开头"


def test_message_without_key_is_kept():
    err = ValidationError("f", "c", "原来的中文")
    assert (err.message, err.key, err.params) == ("原来的中文", None, {})
    assert repr(err) == "ValidationError('f', 'c', '原来的中文')"


def test_an_explicit_message_wins_and_equality_ignores_the_key():
    err = ValidationError("f", "negative", "金额不能为负数", key="amount.negative")
    assert err.message == "金额不能为负数"
    assert err == ValidationError("f", "negative", key="amount.negative")
    assert err == ValidationError("f", "negative", "金额不能为负数")


def test_unknown_key_falls_back_to_the_key_and_no_message_no_key_is_refused():
    assert ValidationError("f", "c", key="no.such_key").message == "no.such_key"
    with pytest.raises(TypeError):
        ValidationError("f", "c")


def test_standards_field_names_repeat_the_labels():
    from sync_contract import standards

    for key, (label, _, _) in standards.FIELDS.items():
        assert contract_messages.TEMPLATES[standards.FIELD_MESSAGE_KEYS[key]] == label


def test_every_placeholder_is_named():
    assert {k: t for k, t in contract_messages.TEMPLATES.items()
            if any(not n.isidentifier() for n in placeholders(t))} == {}
