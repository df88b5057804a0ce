"""The placeholder helper of the GUI kit (desktop_app.gui.kit.fmt)."""

from __future__ import annotations

from desktop_app.gui.kit.fmt import fmt


def test_fills_numbered_placeholders_in_any_order():
    assert fmt("Role of %1 (%2):", "王芳", "clerk3") == "Role of 王芳 (clerk3):"
    assert fmt("%2 的 %1", "角色", "王芳") == "王芳 的 角色"
    assert fmt("%1 and %1 again", 7) == "7 and 7 again"


def test_a_value_containing_a_placeholder_is_not_substituted_again():
    text = "Deactivate %1 (%2)?"
    name, username = "100%2 Ltd", "clerk3"
    # the chain it replaces re-substitutes the "%2" inside the first value
    chained = text.replace("%1", name).replace("%2", username)
    assert chained == "Deactivate 100clerk3 Ltd (clerk3)?"
    assert fmt(text, name, username) == "Deactivate 100%2 Ltd (clerk3)?"


def test_placeholders_without_a_value_and_plural_counts_stay():
    assert fmt("%1 of %2", "3") == "3 of %2"
    assert fmt("%n item(s), %1", "x") == "%n item(s), x"
    assert fmt("no placeholders") == "no placeholders"
