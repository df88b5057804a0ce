"""The 承诺书 + 核对授权书 (template v2): the office copy for the 核对 centre.

Full ID numbers, one signature row for every adult member (and supporter) on as many
pages as needed, names never cut, and a guardian -- never the child -- signing for a
minor applicant. Earlier documents re-render with the template they were issued with.
"""

from __future__ import annotations

import hashlib
import re

import pytest

from desktop_app.printing import fonts, load_template, render_document
from desktop_app.printing.samples import sample
from tests.helpers.printing import squash

pytestmark = pytest.mark.usefixtures("poppler")

#: 25 characters with the middle dots of a Uyghur name (22+ were cut with …… in v1)
LONG_NAME = "买买提艾力·阿卜杜热依木·艾合买提江·吐尔逊托合提"
#: 生僻字: 𡈼 U+2123C (CJK Ext-B, only in AR PL UMing), 䶮 U+4DAE (Ext-A)
RARE_NAME = "龚\U0002123C\u4dae"


def _member(name: str, relation: str, n: int, adult: bool = True) -> dict:
    id_number = f"11010519{70 + n:02d}0101{n:03d}X" if adult else f"1101052015060{n:03d}21"
    return {"name": name, "relation": relation, "id_number": id_number,
            "id_number_masked": id_number[:6] + "********" + id_number[-4:], "adult": adult}


def _data(members: list[dict]) -> dict:
    data = sample("commitment")
    head = members[0]
    data["applicant"].update(name=head["name"], id_number=head["id_number"],
                             id_number_masked=head["id_number_masked"])
    data["members"] = members
    data["supporters"] = []
    return data


def twelve_adults() -> dict:
    names = ["张三", LONG_NAME, RARE_NAME, "王\U000201D4", "李四海", "赵钱孙", "周吴郑",
             "冯陈褚", "卫蒋沈", "韩杨朱", "秦尤许", "何吕施"]
    rels = ["本人", "配偶", "子", "女", "父亲", "母亲", "儿媳", "女婿", "兄弟", "姐妹",
            "其他", "其他"]
    return _data([_member(n, r, i) for i, (n, r) in enumerate(zip(names, rels))])


def minor_with_adults() -> dict:
    return _data([_member("张小明", "本人", 1, adult=False), _member("张德顺", "祖父母", 2),
                  _member("王秀英", "祖父母", 3), _member("张小红", "兄弟姐妹", 4, adult=False)])


def minor_alone() -> dict:
    return _data([_member("张小明", "本人", 1, adult=False)])


def _pages(poppler, pdf: bytes) -> int:
    return int(poppler.info(pdf)["Pages"])


def _authorisation(poppler, pdf: bytes) -> str:
    return squash(poppler.text(pdf, "-f", "2"))


def _row_numbers(poppler, pdf: bytes) -> list[str]:
    """Texts in the 序号 column of the authorisation table, page by page, top to bottom."""
    _, words = poppler.words(pdf)
    heads = [(x0, x1, page) for text, x0, _, x1, _, page in words if text == "序号"]
    assert heads, "no 序号 header"
    x_left, x_right = heads[0][0] - 5, heads[0][1] + 5
    cells = [(page, y0, text) for text, x0, y0, x1, _, page in words
             if page >= 1 and x0 >= x_left and x1 <= x_right and text != "序号"]
    return [text for _, _, text in sorted(cells)]


def test_twelve_adults_full_names_full_ids_one_signature_row_each(poppler):
    data = twelve_adults()
    pdf = render_document("commitment", data)
    text = _authorisation(poppler, pdf)
    assert "……" not in squash(poppler.text(pdf))
    for m in data["members"]:
        assert squash(m["name"]) in text, m["name"]          # never cut
        assert text.count(m["id_number"]) == 1, m["name"]    # full, once: one row each
    assert "********" not in text
    # one numbered row per adult, 1..12, across pages (each with the header again)
    assert _row_numbers(poppler, pdf) == [str(n) for n in range(1, 13)]
    pages = _pages(poppler, pdf)
    assert pages >= 3
    assert text.count("签名（按手印）") == pages - 1   # the header repeats on every page
    assert f"第{pages}页／共{pages}页" in squash(poppler.text(pdf, "-f", str(pages)))


def test_long_name_wraps_and_grows_the_row_instead_of_shrinking(poppler):
    data = twelve_adults()
    _, words = poppler.words(render_document("commitment", data))
    # the long name's pieces sit on several lines of the same cell, at the body size
    pieces = [w for w in words if w[0] and w[0][0] in "买阿木艾江吐托合提尔逊热依卜杜力"
              and w[5] >= 1]
    assert len({round(w[2]) for w in pieces}) >= 3
    assert all((w[4] - w[2]) > 8 for w in pieces)  # not set smaller than ~10pt


def test_rare_characters_are_embedded(poppler):
    pdf = render_document("commitment", twelve_adults())
    covered = fonts.register_fonts()[fonts.BODY_FONT]
    assert all(ord(c) in covered for c in RARE_NAME)
    assert squash(RARE_NAME) in squash(poppler.text(pdf))
    assert all(row["emb"] == "yes" and row["sub"] == "yes" for row in poppler.fonts(pdf))


def test_minor_applicant_is_signed_by_a_guardian_named_from_the_adults(poppler):
    pdf = render_document("commitment", minor_with_adults())
    first = squash(poppler.text(pdf, "-l", "1"))
    assert "承诺人（签字或按手印）" not in first
    assert "系未成年人" in first and "监护人（签名）" in first
    assert "共同生活的成年家庭成员：张德顺、王秀英" in first
    text = _authorisation(poppler, pdf)
    assert "申请人（签名或按手印）" not in text and "监护人（签名）" in text
    # the minor applicant's row (signed by the guardian) and one row per adult
    assert "张小明申请人（未成年，由监护人代签）本人110105201506000121" in text
    for m in minor_with_adults()["members"][1:3]:
        assert text.count(m["id_number"]) == 1 and m["name"] in text
    assert "张小红" not in text  # a minor sibling does not sign
    assert _row_numbers(poppler, pdf) == ["1", "2", "3"]


def test_minor_applicant_alone_gets_a_labelled_guardian_line(poppler):
    pdf = render_document("commitment", minor_alone())
    first = squash(poppler.text(pdf, "-l", "1"))
    assert "家庭中无成年成员" in first
    for label in ("监护人姓名：", "与申请人关系：", "监护人证件号码：", "监护人（签名）"):
        assert label in first, label
    assert "承诺人（签字或按手印）" not in first
    text = _authorisation(poppler, pdf)
    assert "监护人（代未成年申请人签字）" in text   # the table is never empty
    assert _row_numbers(poppler, pdf) == ["1", "2"]


def test_adult_applicant_signs_himself():
    data = sample("commitment")
    from desktop_app.printing.context import build_context

    derived = build_context(data, load_template("commitment"))["derived"]
    assert derived.get("applicant_minor") is False
    assert derived.get("guardian_candidates") == [] and not derived.get("guardian_needed")
    assert [r["name"] for r in derived.get("authorisers")] == ["张三", "王\U000201D4", "张大"]


def test_old_documents_rerender_with_their_template_version():
    """A document issued with v1 (masked IDs, 4 blank rows) keeps its bytes."""
    data = sample("commitment")
    v1 = render_document("commitment", data, 1)
    assert v1 == render_document("commitment", data, 1)  # deterministic
    assert load_template("commitment", 1).version == 1
    assert load_template("commitment").version >= 2
    # the v1 layout recorded before template v2 existed (sample data of that time)
    assert hashlib.sha256(v1).hexdigest().startswith("821448a2a0e07d85")
    assert v1 != render_document("commitment", data)


def test_an_unknown_version_is_a_template_error():
    from desktop_app.printing import TemplateError

    with pytest.raises(TemplateError, match=re.escape("commitment.v99.json")):
        load_template("commitment", 99)
