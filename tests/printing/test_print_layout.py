"""Layout limits (nothing runs off the page) and the no-Qt / cheap-import rules."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import desktop_app.printing
from desktop_app.printing import render_document
from desktop_app.printing.samples import sample
from tests.helpers.printing import squash

MM = 72 / 25.4
PRINTING_DIR = Path(desktop_app.printing.__file__).parent


def _assert_inside_page(poppler, pdf: bytes, margin_mm: float = 5) -> list:
    pages, words = poppler.words(pdf)
    assert words
    for text, x0, y0, x1, y1, page in words:
        width, height = pages[page]
        assert x0 >= margin_mm * MM and x1 <= width - margin_mm * MM, (text, x0, x1)
        assert y0 >= 0 and y1 <= height - 3 * MM, (text, y0, y1)
    return words


def test_samples_stay_inside_the_printable_area(rendered, poppler):
    for pdf in rendered.values():
        _assert_inside_page(poppler, pdf)


def test_ten_thousand_character_address_stays_on_the_page(poppler):
    data = sample("receipt")
    long_address = ("浙江省杭州市某某县城关镇东村三组" * 700)[:10_000]
    data["applicant"]["hukou_address"] = long_address
    data["applicant"]["current_address"] = "X" * 10_000  # narrow glyphs, no CJK breaks
    pdf = render_document("receipt", data)
    assert poppler.info(pdf)["Pages"] == "1"  # the receipt still fits one sheet
    words = _assert_inside_page(poppler, pdf)
    text = squash(poppler.text(pdf))
    assert text.count("……") >= 4  # cut visibly, on both copies, both fields
    assert "浙江省杭州市某某县城关镇东村三组" in text
    assert len(text) < 6000  # cut, not printed in full on hidden pages
    # everything after the address is still there, on both copies
    assert text.count("最低生活保障") >= 3 and text.count("县医疗保障局") == 2
    assert any(w[0].startswith("现居住地") for w in words)


def test_long_free_text_flows_onto_more_pages(poppler):
    data = sample("notice_reject")
    data["reasons"] = [f"理由{n}：" + "不符合申请条件的具体说明。" * 40 for n in range(1, 13)]
    pdf = render_document("notice_reject", data)
    pages = int(poppler.info(pdf)["Pages"])
    assert pages >= 2
    text = squash(poppler.text(pdf))
    for n in range(1, 13):
        assert f"理由{n}：" in text  # nothing is lost: free text is never cut
    assert f"第{pages}页／共{pages}页" in text
    _assert_inside_page(poppler, pdf)


def test_many_materials_and_members_do_not_crash(poppler):
    data = sample("receipt")
    data["materials"] = data["materials"] * 8
    pdf = render_document("receipt", data)
    assert int(poppler.info(pdf)["Pages"]) == 2
    _assert_inside_page(poppler, pdf)
    data = sample("commitment")
    data["members"] = data["members"] * 10
    pdf = render_document("commitment", data)
    assert int(poppler.info(pdf)["Pages"]) >= 3
    _assert_inside_page(poppler, pdf)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_printing_modules_never_import_qt():
    modules = sorted(PRINTING_DIR.glob("*.py"))
    assert len(modules) >= 8
    for module in modules:
        for name in _imports(module):
            assert not name.split(".")[0].startswith(("PySide", "PyQt", "shiboken")), (module, name)
            assert not name.startswith("desktop_app.gui"), (module, name)


def test_rendering_loads_no_qt_and_package_import_is_cheap():
    code = (
        "import sys\n"
        "import desktop_app.printing as p\n"
        "assert 'reportlab' not in sys.modules, 'package import must stay cheap'\n"
        "from desktop_app.printing.samples import sample\n"
        "pdf = p.render_document('receipt', sample('receipt'))\n"
        "assert pdf.startswith(b'%PDF')\n"
        "qt = ('PySide6', 'PyQt5', 'PyQt6', 'shiboken6')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in qt)\n"
        "assert not bad, bad\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          cwd=PRINTING_DIR.parent.parent)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("kind", ["receipt", "notice_missing", "notice_reject", "commitment"])
def test_each_page_has_footer_with_number(rendered, poppler, kind):
    text = squash(poppler.text(rendered[kind]))
    assert f"编号：{sample(kind)['number']}" in text and "第1页／共" in text
