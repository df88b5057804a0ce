"""Template loading and validation: clear errors naming the file and the block."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from desktop_app.printing import DOCUMENT_KINDS, TemplateError
from desktop_app.printing import placeholders as ph
from desktop_app.printing.templates import load_template, template_path


def _shipped(kind: str = "notice_reject") -> dict:
    return json.loads(template_path(kind).read_text(encoding="utf-8"))


def _load(tmp_path: Path, raw, kind: str = "notice_reject"):
    path = tmp_path / f"{kind}.json"
    path.write_text(raw if isinstance(raw, str) else json.dumps(raw, ensure_ascii=False),
                    encoding="utf-8")
    return load_template(kind, tmp_path)


@pytest.mark.parametrize("kind", sorted(DOCUMENT_KINDS))
def test_shipped_templates_are_valid(kind):
    template = load_template(kind)
    assert template.kind == kind and template.version >= 1 and template.blocks


def _error(tmp_path, raw, kind="notice_reject") -> str:
    with pytest.raises(TemplateError) as info:
        _load(tmp_path, raw, kind)
    message = str(info.value)
    assert f"{kind}.json" in message  # always names the file
    return message


def test_unknown_block_kind(tmp_path):
    raw = _shipped()
    raw["blocks"].insert(2, {"kind": "barcode", "text": "x"})
    msg = _error(tmp_path, raw)
    assert "blocks[2]" in msg and "unknown block kind 'barcode'" in msg


def test_missing_block_key(tmp_path):
    raw = _shipped()
    raw["blocks"].append({"kind": "table", "source": "reasons"})
    msg = _error(tmp_path, raw)
    assert f"blocks[{len(raw['blocks']) - 1}] (table)" in msg and "missing key(s): columns" in msg


def test_unknown_block_key(tmp_path):
    raw = _shipped()
    raw["blocks"][1]["colour"] = "red"
    assert "unknown key(s): colour" in _error(tmp_path, raw)


@pytest.mark.parametrize("text, expected", [
    ("{applicant.name", "unclosed '{'"),
    ("applicant.name}", "unmatched '}'"),
    ("{applicant..name}", "bad placeholder path"),
    ("{issued_date|dat}", "unknown filter 'dat'"),
    ("{provisional|flag}", "needs an argument"),
    ("{applicant.nmae}", "unknown data key {applicant.nmae}"),
    ("{applicnt.name}", "unknown data key {applicnt.name}"),
    ("{#}", "only allowed in table/list rows"),
    ("{copy.label}", "defines no copies"),
])
def test_bad_placeholder(tmp_path, text, expected):
    raw = _shipped()
    raw["blocks"][2]["text"] = text
    msg = _error(tmp_path, raw)
    assert "blocks[2] (paragraph).text" in msg and expected in msg


def test_bad_row_placeholder_names_column(tmp_path):
    raw = _shipped("receipt")
    raw["blocks"][2]["columns"][1]["value"] = "{nmae}"
    msg = _error(tmp_path, raw, "receipt")
    assert "blocks[2] (table).columns[1].value" in msg and "unknown row field {nmae}" in msg


def test_nested_block_errors_name_the_path(tmp_path):
    raw = _shipped("receipt")
    columns = next(b for b in raw["blocks"] if b["kind"] == "columns")
    columns["columns"][1][0]["lines"] = ["{township.nam}"]
    msg = _error(tmp_path, raw, "receipt")
    assert ".columns[1][0] (seal).lines[0]" in msg


def test_only_must_name_existing_copies(tmp_path):
    raw = _shipped("receipt")
    raw["blocks"][3]["only"] = ["office"]
    assert "'only' must list copy names" in _error(tmp_path, raw, "receipt")


@pytest.mark.parametrize("change, expected", [
    (lambda r: r.pop("version"), "missing key(s): version"),
    (lambda r: r.update(version="1"), "'version' must be a positive integer"),
    (lambda r: r.update(kind="receipt"), "'kind' is 'receipt'"),
    (lambda r: r.update(format=2), "format 2 is not supported"),
    (lambda r: r.update(pages=1), "unknown top-level key(s): pages"),
    (lambda r: r.update(page={"margins_mm": [1, 2]}), "margins_mm"),
    (lambda r: r.update(page={"margin_mm": [20, 20, 20, 20]}), "'page' must be an object with only"),
    (lambda r: r.update(style={"body_size": 40}), "'body_size' must be a number"),
    (lambda r: r["blocks"][1].update(size=100), "'size' must be a number"),
    (lambda r: r["blocks"][3].update(numbering="roman"), "'numbering' must be one of"),
])
def test_top_level_and_value_errors(tmp_path, change, expected):
    raw = copy.deepcopy(_shipped())
    change(raw)
    assert expected in _error(tmp_path, raw)


def test_invalid_json_and_missing_file(tmp_path):
    assert "invalid JSON" in _error(tmp_path, "{ not json")
    with pytest.raises(TemplateError, match="not found"):
        load_template("commitment", tmp_path)


def test_reload_after_edit(tmp_path):
    raw = _shipped()
    assert _load(tmp_path, raw).version == raw["version"]
    raw["version"] += 1
    path = tmp_path / "notice_reject.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    import os

    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert load_template("notice_reject", tmp_path).version == raw["version"]


def test_placeholder_rendering():
    ctx = {"a": {"b": "X"}, "d": "2027-01-05", "flag": True, "lst": ["甲", "乙"], "none": None}
    render = lambda t: ph.render(ph.parse(t), ctx, "here")  # noqa: E731
    assert render("{a.b}-{d|date}{flag|flag:（暂定）}") == "X-2027年1月5日（暂定）"
    rendered = render("{lst|join:；}|{lst}|{missing?}|{none|default:无}|{{x}}")
    assert rendered == "甲；乙|甲、乙||无|{x}"
    with pytest.raises(KeyError, match="'a.c'.*here"):
        render("{a.c}")
    assert ph.format_date("2026-11-24T10:30:00") == "2026年11月24日"
