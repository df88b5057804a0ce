"""The assessment panel shows the rules' own numbers, labelled: gross and net per
person, the lines not counted, the 补差 and the property test (issue 12)."""

from __future__ import annotations

import pytest

from desktop_app.core.rules.assessment import yuan
from tests.gui.test_gui_intake_assessment import fill_household, suggested
from tests.helpers.gui import type_text

pytestmark = pytest.mark.gui


def test_panel_figures_are_the_rules_figures(qtbot, intake, services):
    fill_household(qtbot, intake, wage="500")
    type_text(qtbot, intake.incomes["allowance"], "450")  # 两项补贴: not counted
    suggested(qtbot, intake, "DIBAO")
    qtbot.waitUntil(lambda: "450" in intake.assessment.figure_texts()["adjustments"], timeout=3000)
    a = services.assessment.evaluate(intake.draft())
    f = a.figures
    shown = intake.assessment.figure_texts()
    assert (f.gross_fen, f.excluded_fen, f.net_fen, f.topup_fen) == (95000, 45000, 50000, 10000)
    assert f"{yuan(f.gross_fen)} 元" in shown["gross"] and f"{yuan(f.gross_per_capita_fen)} 元" in shown["gross"]
    assert f"{yuan(f.net_fen)} 元" in shown["net"] and f"{yuan(f.per_capita_fen)} 元" in shown["net"]
    assert "生活补助" in shown["adjustments"] and "450" in shown["adjustments"]
    assert shown["topup"].endswith(f"{yuan(f.topup_fen)} 元/月") and "600" in shown["topup"]
    assert shown["property"] == a.property.text()
    assert "农村" in shown["standard"] and "600" in shown["standard"] and "900" in shown["standard"]
    # the labels say which figure is which (translated)
    names = [intake.assessment.figure_labels[k][0].text() for k in ("gross", "net")]
    assert names == ["毛收入", "计算收入（用于比较）"]
    # the totals line under the incomes says its per-person figure is gross
    assert "人均毛收入每月 950.00 元" in intake.totals.text(), intake.totals.text()


def test_property_over_the_limit_is_shown_and_blocks_dibao(qtbot, intake):
    fill_household(qtbot, intake, wage="300")
    suggested(qtbot, intake, "DIBAO")
    type_text(qtbot, intake.property_fields["vehicles"], "3")
    suggested(qtbot, intake, "DIBAO", present=False)
    assert "机动车 3 辆，限 1 辆" in intake.assessment.figure_texts()["property"]
    # no 补差 proposed where 低保 is impossible (the stored figure and 核算表 agree)
    assert "财产超过当地规定" in intake.assessment.figure_texts()["topup"]
