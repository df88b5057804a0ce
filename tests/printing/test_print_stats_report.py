"""The 统计报表 (issue 16): the ``chart`` block of the templates (ReportLab charts, every
text through the font fallback) and the report's figures as printed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.printing import TemplateError, render_document
from desktop_app.printing.charts import label_lines, nice_scale, tick_text, wrap_label
from desktop_app.printing.samples import sample
from desktop_app.printing.templates import load_template, template_path
from tests.helpers.printing import squash


@pytest.mark.parametrize(("maximum", "ticks"), [
    (87, [0, 20, 40, 60, 80, 100]),
    (100, [0, 20, 40, 60, 80, 100]),
    (12, [0, 5, 10, 15]),
    (5, [0, 1, 2, 3, 4, 5]),
    (1, [0, 0.2, 0.4, 0.6, 0.8, 1.0]),
    (1234.5, [0, 500, 1000, 1500]),
    (0, [0, 1]),          # nothing to show: still an axis
    (-3, [0, 1]),
    (float("nan"), [0, 1]),
])
def test_nice_scale(maximum, ticks):
    assert nice_scale(maximum) == pytest.approx(ticks)


@pytest.mark.parametrize(("value", "text"), [(3.0, "3"), (2.5, "2.5"), (12000.0, "12000"),
                                             (0.2, "0.2")])
def test_tick_text(value, text):
    assert tick_text(value) == text


def _width(text: str) -> float:
    return 10.0 * len(text)  # ten points a character


@pytest.mark.parametrize(("text", "width", "lines"), [
    ("东村", 40, ["东村"]),
    ("城关社区", 20, ["城关", "社区"]),
    ("新华村民委员会", 40, ["新华村民", "委员会"]),
    ("新华村民委员会第二居民小组", 40, None),   # three lines: too long, slanted instead
    ("", 40, []),
])
def test_wrap_label(text, width, lines):
    assert wrap_label(text, _width, width) == lines


def test_label_lines_slant_when_one_label_does_not_fit():
    assert label_lines(["东村", "西村"], _width, 30) == [["东村"], ["西村"]]
    assert label_lines(["东村", "新华村民委员会第二居民小组"], _width, 30) is None


def _stats_template() -> dict:
    return json.loads(template_path("stats_report").read_text(encoding="utf-8"))


def _load(tmp_path: Path, raw: dict):
    (tmp_path / "stats_report.json").write_text(json.dumps(raw, ensure_ascii=False),
                                                encoding="utf-8")
    return load_template("stats_report", tmp_path)


@pytest.mark.parametrize(("change", "message"), [
    ({"type": "pie"}, "'type' must be one of bar, line"),
    ({"source": "charts.pie"}, "unknown data key {charts.pie}"),
    ({"colour": "red"}, "unknown key(s): colour"),
    ({"height_mm": 400}, "'height_mm' must be a number from 0 to 250"),
])
def test_a_bad_chart_block_names_the_file_and_the_block(tmp_path, change, message):
    raw = _stats_template()
    index = next(i for i, b in enumerate(raw["blocks"]) if b["kind"] == "chart")
    raw["blocks"][index].update(change)
    with pytest.raises(TemplateError) as info:
        _load(tmp_path, raw)
    assert "stats_report.json" in str(info.value)
    assert f"blocks[{index}] (chart)" in str(info.value) and message in str(info.value)


def _charts(blocks: list[dict]) -> list[tuple[str, str, str]]:
    out = []
    for b in blocks:
        if b["kind"] == "chart":
            out.append((b["type"], b["source"], b.get("when", "")))
        for column in b.get("columns", []) if b["kind"] == "columns" else []:
            out += [(t, src, b.get("when", "")) for t, src, _w in _charts(column)]
    return out


def test_the_shipped_template_charts_first_bar_alone_or_beside_the_line():
    assert _charts(load_template("stats_report").blocks) == [
        ("bar", "charts.bars", "!stats.multi_month"),
        ("bar", "charts.bars", "stats.multi_month"), ("line", "charts.line", "stats.multi_month")]


def test_the_report_prints_every_figure_and_both_charts(poppler):
    data = sample("stats_report")
    pdf = render_document("stats_report", data)
    text = squash(poppler.text(pdf))
    for header in ("受理登记", "一次性告知", "不予受理", "转办", "已反馈", "超期", "办结率",
                   "办结天数中位数", "先行救助（次）", "先行救助金额（元）", "应复核（户）"):
        assert header in text
    assert "2026年第四季度" in text and data["number"] in text
    assert "各村（社区）受理登记" in text and "受理登记逐月变化" in text
    # the 合计 row of the third table, cell by cell
    assert "合计57,500.001510" in text
    # the chart's category labels, values and months (drawn as text, with the fallback)
    for word in ("东村", "城关社区", "10月", "11月", "12月", "21"):
        assert word in text
    # nobody's data on a statistics report
    assert "110105" not in text and "张三" not in text


def test_one_month_prints_no_line(poppler):
    data = sample("stats_report")
    data["stats"]["multi_month"] = False
    data["charts"]["line"] = []
    text = squash(poppler.text(render_document("stats_report", data)))
    assert "各村（社区）受理登记" in text and "逐月变化" not in text


def test_an_empty_chart_says_so(poppler):
    data = sample("stats_report")
    data["charts"]["bars"] = []
    text = squash(poppler.text(render_document("stats_report", data)))
    assert "无数据" in text


def test_chart_fonts_are_embedded(poppler):
    fonts = poppler.fonts(render_document("stats_report", sample("stats_report")))
    assert fonts and all((f["emb"], f["sub"]) == ("yes", "yes") for f in fonts)
    assert not any("Helvetica" in f["name"] for f in fonts)
