"""Log files carry no ID numbers, phone numbers or SQL parameters."""

from __future__ import annotations

import logging
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.exc import IntegrityError

from desktop_app.core import logs
from desktop_app.core.services.demo import make_id
from tests.helpers.drafts import resident_id

ID = resident_id()
OLD_ID = "110105491231002"
MOBILE = "13800138000"


@pytest.fixture
def log_file(tmp_path):
    path = logs.setup_logging(tmp_path)
    yield path
    logs.teardown_logging()


def read(path) -> str:
    for h in logging.getLogger().handlers:
        h.flush()
    return path.read_text(encoding="utf-8")


def test_message_args_and_traceback_are_masked(log_file):
    log = logging.getLogger("desktop_app.test")
    log.warning("applicant %s phone %s landline 0856-5221234 old %s", ID, MOBILE, OLD_ID)
    try:
        raise ValueError(f"bad member {ID} / +86 138-0013-8000")
    except ValueError:
        log.exception("saving failed")
    text = read(log_file)
    for secret in (ID, MOBILE, OLD_ID, "0856-5221234", "138-0013-8000", ID[-6:]):
        assert secret not in text
    assert text.count(logs.ID_MASK) >= 3 and text.count(logs.PHONE_MASK) >= 3
    assert "ValueError" in text and "saving failed" in text


def test_document_numbers_dates_and_ids_of_rows_survive(log_file):
    logging.getLogger("x").warning("doc 522201101-20261124-0001 app 42 at 2026-11-24 10:00:00.123456")
    assert "522201101-20261124-0001 app 42 at 2026-11-24 10:00:00.123456" in read(log_file)


def test_sql_errors_carry_no_parameters(services, township, log_file):
    from sqlalchemy import text

    with pytest.raises(IntegrityError) as exc, services.ctx.db.transaction() as s:
        s.execute(text("INSERT INTO staff (id, name, role, active, created_at, uuid, version, "
                       "change_seq, username) VALUES (1, :n, 'clerk', 1, '2026-01-01', :id, 1, 1, "
                       "'x')"), {"n": "张三", "id": ID})
    assert ID not in str(exc.value) and "张三" not in str(exc.value)
    logging.getLogger("x").error("db error", exc_info=exc.value)
    assert ID not in read(log_file)


def test_a_second_setup_replaces_the_handler(tmp_path, log_file):
    other = logs.setup_logging(tmp_path / "other")
    ours = [h for h in logging.getLogger().handlers if isinstance(h, logs._Marker)]
    assert len(ours) == 1 and other != log_file


def test_crash_report_is_scrubbed():
    try:
        raise RuntimeError(f"{ID} {MOBILE}")
    except RuntimeError as exc:
        report = logs.crash_report(exc)
    assert ID not in report and MOBILE not in report and "RuntimeError" in report


@given(st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=20),
       st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)), st.booleans(),
       st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=20), st.integers(0, 999))
def test_any_resident_id_in_any_text_is_masked(before, birth, male, after, seed):
    import random

    number = make_id(random.Random(seed), "522201", birth, male)
    out = logs.scrub(f"{before}{number}{after}")
    assert number not in out and number[6:14] not in out
    assert logs.ID_MASK in out


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
       st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=10))
def test_any_mobile_number_is_masked(mobile, around):
    assert mobile not in logs.scrub(f"{around}{mobile}{around}")


@given(st.text(max_size=200))
def test_scrub_never_raises_and_is_idempotent(text):
    once = logs.scrub(text)
    assert logs.scrub(once) == once
