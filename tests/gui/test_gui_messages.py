"""The GUI translates message keys (issue #10): every key of the core's table has an
English source in ``gui/kit/messages.py`` with the same parameters, finished in zh_CN.ts,
and with the zh_CN translation loaded it renders to the very text the core writes; an
error without a key still shows its message."""

from __future__ import annotations

import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

import desktop_app.core.messages
import desktop_app.gui
from desktop_app.core.errors import ValidationError, ValidationErrors
from desktop_app.gui.kit.errors import describe, message_of, present, validation_messages
from desktop_app.gui.kit.messages import SOURCES, text_of, translate_key
from desktop_app.gui.kit.widgets import ErrorLabel
from sync_contract.messages import TEMPLATES, Message, render

pytestmark = pytest.mark.gui

TS = Path(desktop_app.gui.__file__).parent / "i18n" / "zh_CN.ts"


def _placeholders(template: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def _sample(key: str) -> dict[str, object]:
    # values that would break a second substitution pass or a str.format of the value
    return {name: f"值{i}%1{{x}}" if i % 2 else i * 7
            for i, name in enumerate(_placeholders(TEMPLATES[key]), 1)}


def test_every_core_key_has_a_gui_source_and_no_other():
    assert sorted(set(TEMPLATES) ^ set(SOURCES)) == []


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_gui_source_names_the_template_parameters(key):
    _source, names = SOURCES[key]
    assert sorted(names) == sorted(set(_placeholders(TEMPLATES[key])))
    assert len(set(names)) == len(names)


def test_english_sources_are_distinct():
    sources = [source for source, _ in SOURCES.values()]
    assert len(sources) == len(set(sources))


def test_every_source_is_translated_in_the_ts_file():
    root = ET.parse(TS).getroot()
    translated = {msg.findtext("source"): msg.find("translation")
                  for ctx in root.iter("context") if ctx.findtext("name") == "Messages"
                  for msg in ctx.iter("message")}
    for key, (source, _) in SOURCES.items():
        tr = translated.get(source)
        assert tr is not None, key
        assert tr.get("type") is None and tr.text, key


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_gui_renders_the_core_text(key):
    params = _sample(key)
    assert translate_key(key, params) == render(key, params)
    err = ValidationError("f", "c", key=key, params=params)
    assert text_of(err) == err.message


def test_a_message_parameter_is_translated_too():
    problem = Message("division.csv.duplicate_name", {"name": "东村", "first": 3})
    err = ValidationError("villages_csv", "duplicate_name", key="division.csv.line",
                          params={"line": 7, "problem": problem}, line=7)
    assert text_of(err) == err.message == "第7行：名称“东村”与第3行重复"
    assert translate_key("division.csv.line", {"line": 7, "problem": "原样"}) == "第7行：原样"


def test_unknown_key_is_none():
    assert translate_key("no.such_key") is None


def test_error_without_key_shows_its_message():
    err = ValidationError("f", "c", "一条没有键的中文说明")
    assert text_of(err) == "一条没有键的中文说明"
    assert message_of(err) == "一条没有键的中文说明"
    assert describe(err) == "一条没有键的中文说明"
    assert validation_messages(ValidationErrors([err])) == ["一条没有键的中文说明"]


def test_keyed_errors_reach_the_label(qtbot):
    label = ErrorLabel()
    qtbot.addWidget(label)
    errors = ValidationErrors([
        ValidationError("amount", "too_large", key="amount.too_large", params={"max": "5.00"}),
        ValidationError("note", "c", "一条没有键的中文说明"),
    ])
    present(None, errors, label=label)
    assert isinstance(label, QLabel)
    assert label.text() == "金额不能超过5.00元\n一条没有键的中文说明"
    assert message_of(errors) == "金额不能超过5.00元\n一条没有键的中文说明"
