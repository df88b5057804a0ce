"""The provisional calendar through the real services (issue #14 item 12): a deadline
computed at the window in December 2026 crosses into 2027, which the official calendar
does not know yet — 元旦 is not counted as a working day, the date is （暂定）, and once the
official 2027 arrives (here: an administrator's ``holiday_years``, as a county return
package stores it) new deadlines follow it and are no longer provisional.

Expected dates counted by hand from the law (全国年节及纪念日放假办法 Art. 2: 元旦 1 January)
and the 2026 official calendar (chinesecalendar): accepted Mon 2026-12-21, 低保 30 working
days — 22, 23, 24, 25, 28, 29, 30, 31 December (8); 2027: Fri 1 January is 元旦, so 4–8,
11–15, 18–22, 25–29 January (20) and 1, 2 February: due Tue 2027-02-02 (weekends only
gave Mon 02-01)."""

from __future__ import annotations

import subprocess
from datetime import date, datetime

from tests.helpers.drafts import draft


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout.replace(" ", "")


def test_new_years_day_2027_is_not_counted_and_the_due_is_provisional(services, township, clock):
    clock.now = datetime(2026, 12, 21, 9, 30)
    assert services.ctx.catalog.item("DIBAO").limit_days == 30
    result = services.intake.decide(draft(services), "accept", township)
    item = next(i for i in services.queries.detail(result.application_id).items
                if i.code == "DIBAO")
    assert item.due_date == date(2027, 2, 2) and item.provisional
    text = _pdf_text(result.documents[0].path)
    assert "2027年2月2日（暂定）" in text
    assert "规定的节日" in text  # the footnote says the statutory holidays were counted


def test_the_official_year_replaces_the_provisional_calendar(services, township, clock):
    # ASSUMED official 2027 (the notice is published in November): 元旦 1 January;
    # 春节 5–11 February with Saturday 13 February worked.
    official = {"2027": {"holidays": ["2027-01-01", "2027-02-05", "2027-02-08", "2027-02-09",
                                      "2027-02-10", "2027-02-11"],
                         "workdays": ["2027-02-13"]}}
    services.settings.update("holiday_years", official, township)
    clock.now = datetime(2026, 12, 21, 9, 30)
    result = services.intake.decide(draft(services), "accept", township)
    item = next(i for i in services.queries.detail(result.application_id).items
                if i.code == "DIBAO")
    assert item.due_date == date(2027, 2, 2) and not item.provisional
    # across the official 春节 break: Thu 2027-02-04 + 1 working day → Fri 02-12 (the
    # provisional calendar would say Tue 02-09)
    with services.ctx.db.read() as s:
        cal = services.ctx.calendar(s)
        due = cal.add_workdays(date(2027, 2, 4), 1)
    assert due.date == date(2027, 2, 12) and not due.provisional
