"""The GUI's side of message keys: each key the core raises (``ValidationError(…,
key=…, params=…)``, table in ``desktop_app/core/messages.py``) has an English source
here, marked with ``QT_TRANSLATE_NOOP`` in the ``Messages`` context so lupdate collects
it, and the names of its parameters in the order of its ``%1``, ``%2``, …
placeholders. The zh_CN translation of each source is the core's Chinese template
(``{name}`` written as ``%n``), so the clerk reads the same words the command line prints.

:func:`text_of` is how the GUI shows one validation error: the translated key, or —
for an error raised without a key — its Chinese ``message``.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from .fmt import fmt
from .labels import QT_TRANSLATE_NOOP

_CTX = "Messages"

# key -> (English source, parameter names in %1, %2, … order)
SOURCES: dict[str, tuple[str, tuple[str, ...]]] = {
    # money
    "amount.required": (QT_TRANSLATE_NOOP("Messages", "Enter the amount"), ()),
    "amount.negative": (QT_TRANSLATE_NOOP("Messages", "The amount cannot be negative"), ()),
    "amount.format": (QT_TRANSLATE_NOOP(
        "Messages", "The amount is not a valid number (example: 1234.56)"), ()),
    "amount.decimals": (QT_TRANSLATE_NOOP(
        "Messages", "The amount has at most two decimals (to the fen)"), ()),
    "amount.too_large": (QT_TRANSLATE_NOOP(
        "Messages", "The amount cannot exceed %1 yuan"), ("max",)),
    "members.too_few": (QT_TRANSLATE_NOOP(
        "Messages", "The household has at least 1 member"), ()),
    # free text
    "text.control_char": (QT_TRANSLATE_NOOP(
        "Messages", "Contains invisible control characters; enter it again"), ()),
    "text.required": (QT_TRANSLATE_NOOP("Messages", "This field is required"), ()),
    "text.too_long": (QT_TRANSLATE_NOOP(
        "Messages", "At most %1 characters (now %2)"), ("max", "length")),
    # names
    "name.control_char": (QT_TRANSLATE_NOOP(
        "Messages", "The name contains invisible control characters"), ()),
    "name.digit": (QT_TRANSLATE_NOOP("Messages", "The name cannot contain digits"), ()),
    "name.invalid_char": (QT_TRANSLATE_NOOP(
        "Messages", "The name contains an unsupported character: %1"), ("char",)),
    "name.required": (QT_TRANSLATE_NOOP("Messages", "Enter the name"), ()),
    "name.too_long": (QT_TRANSLATE_NOOP(
        "Messages", "The name has at most %1 characters (now %2)"), ("max", "length")),
    "name.no_letters": (QT_TRANSLATE_NOOP(
        "Messages", "The name must contain Chinese characters or letters"), ()),
    "name.middle_dot": (QT_TRANSLATE_NOOP(
        "Messages", "The middle dot · in the name is in the wrong place"), ()),
    # phone numbers
    "phone.required": (QT_TRANSLATE_NOOP("Messages", "Enter the phone number"), ()),
    "phone.digits_only": (QT_TRANSLATE_NOOP(
        "Messages", "A phone number has only digits (a landline may add - and an "
        "extension)"), ()),
    "phone.mobile_extension": (QT_TRANSLATE_NOOP(
        "Messages", "A mobile number cannot have an extension"), ()),
    "phone.area_code": (QT_TRANSLATE_NOOP(
        "Messages", "Add the area code to a landline number, e.g. 0571-12345678"), ()),
    "phone.mobile_length": (QT_TRANSLATE_NOOP(
        "Messages", "A mobile number has 11 digits and starts with 1"), ()),
    "phone.format": (QT_TRANSLATE_NOOP(
        "Messages", "The phone number is not valid (mobile: 11 digits; landline e.g. "
        "0571-12345678)"), ()),
    # dates
    "date.required": (QT_TRANSLATE_NOOP("Messages", "Enter the date"), ()),
    "date.format": (QT_TRANSLATE_NOOP(
        "Messages", "Write the date as 2026-11-24"), ()),
    "date.nonexistent": (QT_TRANSLATE_NOOP(
        "Messages", "This date does not exist (%1-%2-%3)"), ("year", "month", "day")),
    "date.too_late": (QT_TRANSLATE_NOOP("Messages", "The date cannot be after %1"), ("date",)),
    "date.too_early": (QT_TRANSLATE_NOOP("Messages", "The date cannot be before %1"), ("date",)),
    # identity documents
    "id_type.unknown": (QT_TRANSLATE_NOOP("Messages", "Unknown kind of identity document"), ()),
    "id.required": (QT_TRANSLATE_NOOP("Messages", "Enter the document number"), ()),
    "id.birth_invalid": (QT_TRANSLATE_NOOP(
        "Messages", "The birth date in the number does not exist (%1-%2-%3)"),
        ("year", "month", "day")),
    "id.birth_future": (QT_TRANSLATE_NOOP(
        "Messages", "The birth date in the number is after today"), ()),
    "id.birth_too_early": (QT_TRANSLATE_NOOP(
        "Messages", "The birth date in the number is before %1"), ("year",)),
    "id.resident.length": (QT_TRANSLATE_NOOP(
        "Messages", "A resident ID number has 18 characters (now %1)"), ("length",)),
    "id.resident.format": (QT_TRANSLATE_NOOP(
        "Messages", "A resident ID number is 17 digits and a digit or X"), ()),
    "id.resident.checksum": (QT_TRANSLATE_NOOP(
        "Messages", "The check character of the resident ID number is wrong"), ()),
    "id.resident.legacy_15": (QT_TRANSLATE_NOOP(
        "Messages", "15-digit resident ID numbers are no longer used; enter the 18-digit "
        "number"), ()),
    "id.resident.is_hmt": (QT_TRANSLATE_NOOP(
        "Messages", "This is the number of a residence permit for Hong Kong, Macao and "
        "Taiwan residents; choose that document kind"), ()),
    "id.resident.is_foreign": (QT_TRANSLATE_NOOP(
        "Messages", "This is the number of a foreigner's permanent residence ID card; "
        "choose that document kind"), ()),
    "id.resident.region": (QT_TRANSLATE_NOOP(
        "Messages", "The region code of the resident ID number is not valid (the first "
        "digit is 1-6)"), ()),
    "id.hmt.length": (QT_TRANSLATE_NOOP(
        "Messages", "A residence permit number has 18 characters (now %1)"), ("length",)),
    "id.hmt.format": (QT_TRANSLATE_NOOP(
        "Messages", "A residence permit number is 17 digits and a digit or X"), ()),
    "id.hmt.checksum": (QT_TRANSLATE_NOOP(
        "Messages", "The check character of the residence permit number is wrong"), ()),
    "id.hmt.region": (QT_TRANSLATE_NOOP(
        "Messages", "A Hong Kong, Macao and Taiwan residence permit number starts with "
        "810000, 820000 or 830000"), ()),
    "id.foreign.length": (QT_TRANSLATE_NOOP(
        "Messages", "A permanent residence ID number has 18 characters (now %1)"),
        ("length",)),
    "id.foreign.format": (QT_TRANSLATE_NOOP(
        "Messages", "A permanent residence ID number is 17 digits and a digit or X"), ()),
    "id.foreign.checksum": (QT_TRANSLATE_NOOP(
        "Messages", "The check character of the permanent residence ID number is wrong"), ()),
    "id.foreign.old_format": (QT_TRANSLATE_NOOP(
        "Messages", "An old permanent residence ID number is 3 letters and 12 digits"), ()),
    "id.foreign.old_or_new_length": (QT_TRANSLATE_NOOP(
        "Messages", "A permanent residence ID number has 18 characters (the old kind 15), "
        "now %1"), ("length",)),
    "id.foreign.new_prefix": (QT_TRANSLATE_NOOP(
        "Messages", "A new permanent residence ID number starts with 9"), ()),
    "id.other.too_long": (QT_TRANSLATE_NOOP(
        "Messages", "The document number has at most %1 characters (now %2)"),
        ("max", "length")),
    "id.other.invalid_char": (QT_TRANSLATE_NOOP(
        "Messages", "The document number contains characters that cannot be read"), ()),
    "id.none.must_be_empty": (QT_TRANSLATE_NOOP(
        "Messages", "With no identity document, leave the document number empty"), ()),
    "id_reason.required": (QT_TRANSLATE_NOOP(
        "Messages", "Without an identity document, give the reason (e.g. a homeless "
        "person)"), ()),
    "id_reason.too_long": (QT_TRANSLATE_NOOP(
        "Messages", "The reason has at most %1 characters"), ("max",)),
    "id_reason.invalid_char": (QT_TRANSLATE_NOOP(
        "Messages", "The reason contains characters that cannot be read"), ()),
    # division codes and the villages CSV
    "division.township.required": (QT_TRANSLATE_NOOP(
        "Messages", "Enter the township (subdistrict) division code"), ()),
    "division.township.format": (QT_TRANSLATE_NOOP(
        "Messages", "The township (subdistrict) division code has 12 digits (now: %1)"),
        ("code",)),
    "division.township.county": (QT_TRANSLATE_NOOP(
        "Messages", "The first 6 digits (county code) of the township (subdistrict) "
        "division code are not valid"), ()),
    "division.township.township_part": (QT_TRANSLATE_NOOP(
        "Messages", "Digits 7-9 of the township (subdistrict) division code are "
        "001-599"), ()),
    "division.township.village_part": (QT_TRANSLATE_NOOP(
        "Messages", "The last 3 digits of the township (subdistrict) division code are 000 "
        "(this looks like a village or residents' committee code)"), ()),
    "division.village.required": (QT_TRANSLATE_NOOP(
        "Messages", "Enter the village (residents') committee division code"), ()),
    "division.village.format": (QT_TRANSLATE_NOOP(
        "Messages", "The village (residents') committee division code has 12 digits "
        "(now: %1)"), ("code",)),
    "division.village.county": (QT_TRANSLATE_NOOP(
        "Messages", "The first 6 digits (county code) of the village (residents') "
        "committee division code are not valid"), ()),
    "division.village.other_township": (QT_TRANSLATE_NOOP(
        "Messages", "The first 9 digits of the village (residents') committee division "
        "code must match this township's code %1"), ("code9",)),
    "division.village.village_part": (QT_TRANSLATE_NOOP(
        "Messages", "The last 3 digits of the village (residents') committee division code "
        "are 001-599"), ()),
    "division.csv.encoding": (QT_TRANSLATE_NOOP(
        "Messages", "The file encoding is not recognised; save it as a UTF-8 or GBK CSV "
        "file"), ()),
    "division.csv.line": (QT_TRANSLATE_NOOP("Messages", "Line %1: %2"), ("line", "problem")),
    "division.csv.syntax": (QT_TRANSLATE_NOOP("Messages", "CSV format error (%1)"), ("error",)),
    "division.csv.name_required": (QT_TRANSLATE_NOOP(
        "Messages", "The village (residents') committee name is missing"), ()),
    "division.csv.name_too_long": (QT_TRANSLATE_NOOP(
        "Messages", "The name has at most %1 characters"), ("max",)),
    "division.csv.name_invalid": (QT_TRANSLATE_NOOP(
        "Messages", "The name contains characters that cannot be read"), ()),
    "division.csv.columns": (QT_TRANSLATE_NOOP(
        "Messages", "Each line has two columns: code,name"), ()),
    "division.csv.duplicate_code": (QT_TRANSLATE_NOOP(
        "Messages", "Code %1 repeats line %2"), ("code", "first")),
    "division.csv.duplicate_name": (QT_TRANSLATE_NOOP(
        "Messages", "Name %1 repeats line %2"), ("name", "first")),
    "division.csv.empty": (QT_TRANSLATE_NOOP(
        "Messages", "The file has no village (residents') committee records"), ()),
    "division.csv.too_many": (QT_TRANSLATE_NOOP(
        "Messages", "Too many records (%1 lines, at most %2)"), ("rows", "max")),
    # settings
    "setting.unknown": (QT_TRANSLATE_NOOP("Messages", "This setting cannot be changed"), ()),
    "setting.integer": (QT_TRANSLATE_NOOP("Messages", "%1 must be a whole number"), ("label",)),
    "setting.integer_between": (QT_TRANSLATE_NOOP(
        "Messages", "%1 must be a whole number from %2 to %3"), ("label", "lo", "hi")),
    "setting.range": (QT_TRANSLATE_NOOP(
        "Messages", "%1 must be from %2 to %3"), ("label", "lo", "hi")),
    "setting.yes_no": (QT_TRANSLATE_NOOP("Messages", "Must be yes or no"), ()),
    "setting.mirror.not_path": (QT_TRANSLATE_NOOP(
        "Messages", "The backup mirror must be a folder path"), ()),
    "setting.mirror.too_long": (QT_TRANSLATE_NOOP(
        "Messages", "The path has at most %1 characters"), ("max",)),
    "setting.mirror.invisible": (QT_TRANSLATE_NOOP(
        "Messages", "The path contains invisible characters"), ()),
    "setting.mirror.relative": (QT_TRANSLATE_NOOP(
        "Messages", "Enter the full path (e.g. %1 or %2)"), ("windows", "posix")),
    "setting.keep.parts": (QT_TRANSLATE_NOOP(
        "Messages", "The backup keeping policy must list %1, %2, %3 and %4"),
        ("recent", "daily", "weekly", "monthly")),
    "setting.appeal.incomplete": (QT_TRANSLATE_NOOP(
        "Messages", "The appeal periods are incomplete"), ()),
    "setting.overrides.not_table": (QT_TRANSLATE_NOOP(
        "Messages", "Must be a table of dates and whether each is a working day"), ()),
    "setting.review.parts": (QT_TRANSLATE_NOOP(
        "Messages", "The review periods must cover extreme poverty and subsistence "
        "allowance classes A, B and C"), ()),
    "setting.label.idle_lock_minutes": (QT_TRANSLATE_NOOP(
        "Messages", "Automatic screen lock (minutes)"), ()),
    "setting.label.backup_recent": (QT_TRANSLATE_NOOP(
        "Messages", "Recent backups kept"), ()),
    "setting.label.backup_daily": (QT_TRANSLATE_NOOP("Messages", "Daily backups kept"), ()),
    "setting.label.backup_weekly": (QT_TRANSLATE_NOOP("Messages", "Weekly backups kept"), ()),
    "setting.label.backup_monthly": (QT_TRANSLATE_NOOP(
        "Messages", "Monthly backups kept"), ()),
    "setting.label.appeal_period": (QT_TRANSLATE_NOOP("Messages", "The period"), ()),
    "setting.label.review_months": (QT_TRANSLATE_NOOP(
        "Messages", "Review period (months)"), ()),
    "setting.label.emergency_ceiling": (QT_TRANSLATE_NOOP(
        "Messages", "Emergency aid ceiling (fen)"), ()),
    "setting.label.emergency_paperwork_workdays": (QT_TRANSLATE_NOOP(
        "Messages", "Emergency aid paperwork deadline (working days)"), ()),
    "setting.label.due_soon_workdays": (QT_TRANSLATE_NOOP(
        "Messages", "Due-soon reminder (working days)"), ()),
    # an application draft and a decision
    "intake.relation_required": (QT_TRANSLATE_NOOP(
        "Messages", "Choose the relation to the applicant"), ()),
    "intake.duplicate_id": (QT_TRANSLATE_NOOP(
        "Messages", "The document number repeats that of household member %1"), ("name",)),
    "intake.value_invalid": (QT_TRANSLATE_NOOP("Messages", "Invalid value"), ()),
    "intake.disability_grade_required": (QT_TRANSLATE_NOOP(
        "Messages", "Choose the disability grade"), ()),
    "intake.income_unknown": (QT_TRANSLATE_NOOP("Messages", "Unknown kind of income"), ()),
    "intake.number_between": (QT_TRANSLATE_NOOP(
        "Messages", "Enter a whole number from 0 to %1"), ("limit",)),
    "intake.house_rating": (QT_TRANSLATE_NOOP(
        "Messages", "The housing grade is A, B, C or D"), ()),
    "intake.hardship_cause_required": (QT_TRANSLATE_NOOP(
        "Messages", "Choose the cause of hardship"), ()),
    "intake.staff_relative_note_required": (QT_TRANSLATE_NOOP(
        "Messages", "Say which staff member or village cadre is a relative, and how"), ()),
    "intake.supporters_able_required": (QT_TRANSLATE_NOOP(
        "Messages", "Choose whether those obliged to support the applicant are able to"), ()),
    "intake.source_required": (QT_TRANSLATE_NOOP(
        "Messages", "Choose how the case came to notice"), ()),
    "intake.village_required": (QT_TRANSLATE_NOOP(
        "Messages", "Choose the village (community) of residence"), ()),
    "intake.items_required": (QT_TRANSLATE_NOOP(
        "Messages", "Choose at least one item to apply for"), ()),
    "intake.item_unknown": (QT_TRANSLATE_NOOP("Messages", "Unknown item %1"), ("code",)),
    "intake.item_duplicate": (QT_TRANSLATE_NOOP(
        "Messages", "Item %1 is chosen twice"), ("name",)),
    "intake.material.status_invalid": (QT_TRANSLATE_NOOP(
        "Messages", "Invalid material status"), ()),
    "intake.material.no_commitment": (QT_TRANSLATE_NOOP(
        "Messages", "%1 cannot be replaced by a written commitment"), ("name",)),
    "intake.material.required": (QT_TRANSLATE_NOOP(
        "Messages", "%1 is a required material"), ("name",)),
    "intake.material.not_shared": (QT_TRANSLATE_NOOP(
        "Messages", "%1 cannot be obtained through data sharing"), ("name",)),
    "intake.id_type_required": (QT_TRANSLATE_NOOP(
        "Messages", "Choose the kind of identity document"), ()),
    "intake.decision.unknown": (QT_TRANSLATE_NOOP(
        "Messages", "Unknown acceptance decision"), ()),
    "intake.decision.materials_missing": (QT_TRANSLATE_NOOP(
        "Messages", "Materials are missing (%1); the application cannot be accepted. Issue "
        "a one-time notice"), ("names",)),
    "intake.decision.materials_complete": (QT_TRANSLATE_NOOP(
        "Messages", "The materials are complete; no one-time notice is needed"), ()),
    "intake.decision.reasons_required": (QT_TRANSLATE_NOOP(
        "Messages", "Give the reasons for not accepting"), ()),
    "intake.decision.reason_too_long": (QT_TRANSLATE_NOOP(
        "Messages", "Each reason has at most %1 characters"), ("max",)),
    # first-run setup and staff
    "setup.village.line": (QT_TRANSLATE_NOOP("Messages", "Village %1: %2"), ("line", "problem")),
    "setup.village.name_required": (QT_TRANSLATE_NOOP(
        "Messages", "The village (community) name cannot be empty"), ()),
    "setup.village.duplicate_code": (QT_TRANSLATE_NOOP(
        "Messages", "Village (community) code %1 is entered twice"), ("code",)),
    "setup.village.duplicate_name": (QT_TRANSLATE_NOOP(
        "Messages", "Village (community) name %1 is entered twice"), ("name",)),
    "setup.villages_required": (QT_TRANSLATE_NOOP(
        "Messages", "Enter at least one village (community)"), ()),
    "setup.already_done": (QT_TRANSLATE_NOOP(
        "Messages", "This computer has already been set up"), ()),
    # staff accounts
    "staff.role_unknown": (QT_TRANSLATE_NOOP("Messages", "Unknown role"), ()),
    "staff.password_same": (QT_TRANSLATE_NOOP(
        "Messages", "The new password cannot be the same as the old one"), ()),
    "staff.username_taken": (QT_TRANSLATE_NOOP(
        "Messages", "This user name is already taken"), ()),
    "staff.deactivate_self": (QT_TRANSLATE_NOOP(
        "Messages", "You cannot deactivate your own account"), ()),
    "staff.last_admin": (QT_TRANSLATE_NOOP(
        "Messages", "At least one administrator who can log in must remain"), ()),
    # reprinting and voiding documents
    "document.voided_no_reprint": (QT_TRANSLATE_NOOP(
        "Messages", "A voided document cannot be reprinted"), ()),
    "document.void_reason_required": (QT_TRANSLATE_NOOP(
        "Messages", "Give the reason for voiding"), ()),
    "document.void_reason_too_long": (QT_TRANSLATE_NOOP(
        "Messages", "The reason for voiding has at most %1 characters"), ("max",)),
    "document.already_voided": (QT_TRANSLATE_NOOP(
        "Messages", "This document has already been voided"), ()),
    # supplying missing materials
    "intake.not_pending": (QT_TRANSLATE_NOOP(
        "Messages", "This application is not waiting for missing materials"), ()),
    # registering an application
    "intake.village_unknown": (QT_TRANSLATE_NOOP(
        "Messages", "This village (community) does not exist"), ()),
    # the clerk of a decision
    "intake.clerk_unknown": (QT_TRANSLATE_NOOP(
        "Messages", "The clerk does not exist or has been deactivated"), ()),
    # settings kept by the program
    "setting.reserved": (QT_TRANSLATE_NOOP(
        "Messages", "The program keeps this setting; it cannot be changed directly"), ()),
    # handling: what the verbs share
    "handling.application_state": (QT_TRANSLATE_NOOP(
        "Messages", "This application is %1 and cannot be handled"), ("status",)),
    "handling.labelled": (QT_TRANSLATE_NOOP(
        "Messages", "%1: %2"), ("label", "problem")),
    # handling: the department's reply
    "handling.label.signed_on": (QT_TRANSLATE_NOOP(
        "Messages", "Date signed for"), ()),
    "handling.label.result_on": (QT_TRANSLATE_NOOP(
        "Messages", "Date of the reply"), ()),
    "handling.label.period_from": (QT_TRANSLATE_NOOP(
        "Messages", "First month of aid"), ()),
    "handling.label.period_to": (QT_TRANSLATE_NOOP(
        "Messages", "Last month of aid"), ()),
    "handling.result_required": (QT_TRANSLATE_NOOP(
        "Messages", "Choose the result"), ()),
    "handling.period_order": (QT_TRANSLATE_NOOP(
        "Messages", "The last month of aid cannot be before the first"), ()),
    "handling.refusal_reason_required": (QT_TRANSLATE_NOOP(
        "Messages", "Give the reason for refusing"), ()),
    "handling.return_reason_required": (QT_TRANSLATE_NOOP(
        "Messages", "Give the reason for returning"), ()),
    "handling.amount_not_done": (QT_TRANSLATE_NOOP(
        "Messages", "Only a completed item has an aid amount"), ()),
    "handling.review_class": (QT_TRANSLATE_NOOP(
        "Messages", "The review class is A, B or C"), ()),
    "handling.signed_before_referral": (QT_TRANSLATE_NOOP(
        "Messages", "The date signed for cannot be before the referral"), ()),
    "handling.result_before_referral": (QT_TRANSLATE_NOOP(
        "Messages", "The reply cannot be dated before the referral"), ()),
    "handling.result_before_acceptance": (QT_TRANSLATE_NOOP(
        "Messages", "The reply cannot be dated before the acceptance"), ()),
    # handling: emergency aid and referral to the county
    "emergency.amount_required": (QT_TRANSLATE_NOOP(
        "Messages", "Enter the amount of emergency aid"), ()),
    "emergency.method_required": (QT_TRANSLATE_NOOP(
        "Messages", "Choose how the aid is paid"), ()),
    "emergency.label.paid_on": (QT_TRANSLATE_NOOP(
        "Messages", "Date paid"), ()),
    "emergency.no_urgent_item": (QT_TRANSLATE_NOOP(
        "Messages", "This application has no accepted item of urgent temporary assistance"), ()),
    "emergency.item_closed": (QT_TRANSLATE_NOOP(
        "Messages", "This urgent temporary assistance item has gone to the county for approval "
        "or is closed; emergency aid can no longer be paid"), ()),
    "emergency.above_ceiling": (QT_TRANSLATE_NOOP(
        "Messages", "The amount of %1 yuan is above the township's emergency aid ceiling of %2 "
        "yuan; refer it to the county civil affairs bureau for approval"), ("amount", "ceiling")),
    "emergency.escalation_reason_required": (QT_TRANSLATE_NOOP(
        "Messages", "Give the reason for referring to the county"), ()),
    "emergency.cannot_escalate": (QT_TRANSLATE_NOOP(
        "Messages", "This item cannot be referred to the county for approval"), ()),
    # handling: periodic reviews
    "review.label.review_on": (QT_TRANSLATE_NOOP(
        "Messages", "Date of the review"), ()),
    "review.outcome_required": (QT_TRANSLATE_NOOP(
        "Messages", "Choose the outcome of the review"), ()),
    "review.not_needed": (QT_TRANSLATE_NOOP(
        "Messages", "This item needs no review"), ()),
    # withdrawing and voiding an application
    "withdrawal.final": (QT_TRANSLATE_NOOP(
        "Messages", "This application is %1 and cannot be withdrawn"), ("status",)),
    "withdrawal.already_voided": (QT_TRANSLATE_NOOP(
        "Messages", "This application has already been voided"), ()),
    "withdrawal.reason_required": (QT_TRANSLATE_NOOP(
        "Messages", "Enter the %1"), ("label",)),
    "withdrawal.reason_too_long": (QT_TRANSLATE_NOOP(
        "Messages", "The %1 has at most %2 characters"), ("label", "max")),
    "withdrawal.label.withdraw_reason": (QT_TRANSLATE_NOOP(
        "Messages", "reason for withdrawing"), ()),
    "withdrawal.label.void_reason": (QT_TRANSLATE_NOOP(
        "Messages", "reason for voiding"), ()),
    # handling: handover lists
    "handover.department_unknown": (QT_TRANSLATE_NOOP(
        "Messages", "Unknown department"), ()),
    "handover.nothing_to_refer": (QT_TRANSLATE_NOOP(
        "Messages", "%1 has no items waiting to be referred"), ("department",)),
    # handling: result notices
    "notice.no_results": (QT_TRANSLATE_NOOP(
        "Messages", "No item has a result yet; the notice cannot be issued"), ()),
    # working-day calendars
    "calendar.day_wrong_year": (QT_TRANSLATE_NOOP(
        "Messages", "%1 is not in %2"), ("day", "year")),
    "calendar.holiday_and_workday": (QT_TRANSLATE_NOOP(
        "Messages", "%1 cannot be both a holiday and a swapped working day"), ("day",)),
    "calendar.data_wrong_year": (QT_TRANSLATE_NOOP(
        "Messages", "The calendar data for %1 is marked as %2"), ("year", "marked")),
    "calendar.out_of_range": (QT_TRANSLATE_NOOP(
        "Messages", "The deadline is beyond the range of dates that can be computed"), ()),
    # receipt and document numbers
    "number.format": (QT_TRANSLATE_NOOP(
        "Messages", "The number is not valid (e.g. 330102101-20261124-0001)"), ()),
    "number.township": (QT_TRANSLATE_NOOP(
        "Messages", "The number is not valid: the first 9 digits are not a township (subdistrict) "
        "code (e.g. 330102101-20261124-0001)"), ()),
    "number.date": (QT_TRANSLATE_NOOP(
        "Messages", "The number is not valid: the date does not exist (e.g. "
        "330102101-20261124-0001)"), ()),
    "number.sequence": (QT_TRANSLATE_NOOP(
        "Messages", "The number is not valid: the serial number is not valid (e.g. "
        "330102101-20261124-0001)"), ()),
    # passwords and user names
    "password.invalid": (QT_TRANSLATE_NOOP(
        "Messages", "The password is not valid"), ()),
    "password.required": (QT_TRANSLATE_NOOP(
        "Messages", "Enter the password"), ()),
    "password.charset": (QT_TRANSLATE_NOOP(
        "Messages", "A password has only English letters, digits and keyboard symbols (no "
        "Chinese or full-width characters)"), ()),
    "password.too_short": (QT_TRANSLATE_NOOP(
        "Messages", "A password has at least %1 characters"), ("min",)),
    "password.too_long": (QT_TRANSLATE_NOOP(
        "Messages", "A password has at most %1 characters"), ("max",)),
    "password.spaces": (QT_TRANSLATE_NOOP(
        "Messages", "A password cannot begin or end with a space"), ()),
    "password.classes": (QT_TRANSLATE_NOOP(
        "Messages", "A password must contain both letters and digits"), ()),
    "password.trivial": (QT_TRANSLATE_NOOP(
        "Messages", "The password is too simple (repeated or consecutive characters)"), ()),
    "password.common": (QT_TRANSLATE_NOOP(
        "Messages", "This password is too common; choose another"), ()),
    "password.contains_username": (QT_TRANSLATE_NOOP(
        "Messages", "A password cannot contain the user name"), ()),
    "username.invalid": (QT_TRANSLATE_NOOP(
        "Messages", "The user name is not valid"), ()),
    "username.required": (QT_TRANSLATE_NOOP(
        "Messages", "Enter the user name"), ()),
    "username.format": (QT_TRANSLATE_NOOP(
        "Messages", "A user name is 2-32 English letters, digits or . _ - and starts with a letter"), ()),
    # the holiday-years setting (sync_contract/holidays.py)
    "holidays.day_format": (QT_TRANSLATE_NOOP("Messages", "Write the date as %1"), ("pattern",)),
    "holidays.day_format_of": (QT_TRANSLATE_NOOP(
        "Messages", "Write the date as %1: %2"), ("pattern", "text")),
    "holidays.day_invalid": (QT_TRANSLATE_NOOP("Messages", "Invalid date: %1"), ("text",)),
    "holidays.not_table": (QT_TRANSLATE_NOOP(
        "Messages", "Must be a table of years and their holiday arrangements"), ()),
    "holidays.year_format": (QT_TRANSLATE_NOOP("Messages", "A year has four digits"), ()),
    "holidays.year_parts": (QT_TRANSLATE_NOOP(
        "Messages", "The arrangement for %1 must contain %2 and %3"),
        ("year", "holidays", "workdays")),
    "holidays.part_not_list": (QT_TRANSLATE_NOOP(
        "Messages", "%2 of %1 must be a list of dates"), ("year", "part")),
    "holidays.other_year": (QT_TRANSLATE_NOOP(
        "Messages", "The arrangement for %1 has dates of another year"), ("year",)),
    "holidays.conflict": (QT_TRANSLATE_NOOP(
        "Messages", "In %1 a date is both a holiday and a swapped working day"), ("year",)),
    # the aid standards (sync_contract/standards.py)
    "standards.entry": (QT_TRANSLATE_NOOP("Messages", "Entry %1: %2"), ("entry", "problem")),
    "standards.integer": (QT_TRANSLATE_NOOP(
        "Messages", "%1 must be a whole number (standards)"), ("label",)),
    "standards.range": (QT_TRANSLATE_NOOP(
        "Messages", "%1 must be from %2 to %3 (standards)"), ("label", "lo", "hi")),
    "standards.not_record": (QT_TRANSLATE_NOOP(
        "Messages", "A standards entry must be a set of fields"), ()),
    "standards.missing": (QT_TRANSLATE_NOOP("Messages", "Missing: %1"), ("missing",)),
    "standards.effective_from": (QT_TRANSLATE_NOOP(
        "Messages", "Write the effective date as %1"), ("pattern",)),
    "standards.empty": (QT_TRANSLATE_NOOP(
        "Messages", "The aid standards need at least one entry by effective date"), ()),
    "standards.duplicate": (QT_TRANSLATE_NOOP(
        "Messages", "Effective date %1 appears twice"), ("day",)),
    "standards.none_in_force": (QT_TRANSLATE_NOOP(
        "Messages", "No aid standards are in force on %1-%2-%3; ask the administrator to "
        "set them"), ("year", "month", "day")),
    "standards.field.effective_from": (QT_TRANSLATE_NOOP("Messages", "Effective date"), ()),
    "standards.field.urban_dibao_fen": (QT_TRANSLATE_NOOP(
        "Messages", "Urban subsistence allowance standard"), ()),
    "standards.field.rural_dibao_fen": (QT_TRANSLATE_NOOP(
        "Messages", "Rural subsistence allowance standard"), ()),
    "standards.field.edge_percent": (QT_TRANSLATE_NOOP(
        "Messages", "Near-poverty multiple (%)"), ()),
    "standards.field.tekun_percent": (QT_TRANSLATE_NOOP(
        "Messages", "Extreme poverty support multiple (%)"), ()),
    "standards.field.rigid_share_percent": (QT_TRANSLATE_NOOP(
        "Messages", "Rigid spending share of income (%)"), ()),
    "standards.field.urban_disposable_income_fen": (QT_TRANSLATE_NOOP(
        "Messages", "Last year's urban per-capita disposable income"), ()),
    "standards.field.rural_disposable_income_fen": (QT_TRANSLATE_NOOP(
        "Messages", "Last year's rural per-capita disposable income"), ()),
    "standards.field.employment_deduction_percent": (QT_TRANSLATE_NOOP(
        "Messages", "Employment cost deduction (% of the standard)"), ()),
    # file and folder faults, both ends (sync_contract/faults.py)
    "fault.disk_full": (QT_TRANSLATE_NOOP(
        "Messages", "%1 failed: %2 is full. Delete files you do not need or use another USB "
        "stick or folder, then try again. %3"), ("action", "folder", "outcome")),
    "fault.read_only": (QT_TRANSLATE_NOOP(
        "Messages", "%1 failed: %2 is read-only (is the USB stick's write-protect switch "
        "on?). Use a writable USB stick or folder and try again. %3"),
        ("action", "folder", "outcome")),
    "fault.permission": (QT_TRANSLATE_NOOP(
        "Messages", "%1 failed: no permission to write or read %2. Choose another folder, or "
        "ask the administrator to check its permissions. %3"), ("action", "folder", "outcome")),
    "fault.device_removed": (QT_TRANSLATE_NOOP(
        "Messages", "%1 failed: the device holding %2 was disconnected or failed (was the USB "
        "stick pulled out?). Plug it in again and retry. %3"), ("action", "folder", "outcome")),
    "fault.path_missing": (QT_TRANSLATE_NOOP(
        "Messages", "%1 failed: %2 cannot be found (is the USB stick plugged in, is the path "
        "right?). %3"), ("action", "folder", "outcome")),
    "fault.not_a_folder": (QT_TRANSLATE_NOOP(
        "Messages", "%1 failed: %2 is not a folder. Choose again. %3"),
        ("action", "folder", "outcome")),
    "fault.name_too_long": (QT_TRANSLATE_NOOP(
        "Messages", "%1 failed: the path or file name of %2 is too long. Choose a folder "
        "nearer the top. %3"), ("action", "folder", "outcome")),
    "fault.busy": (QT_TRANSLATE_NOOP(
        "Messages", "%1 failed: a file in %2 is in use by another program. Close that program "
        "and try again. %3"), ("action", "folder", "outcome")),
    "fault.other": (QT_TRANSLATE_NOOP(
        "Messages", "%1 failed: cannot read or write %2 (system error %3). Try another folder; "
        "if it keeps failing, tell the administrator. %4"),
        ("action", "folder", "code", "outcome")),
    "fault.action.export": (QT_TRANSLATE_NOOP("Messages", "Exporting the sync package"), ()),
    "fault.action.import": (QT_TRANSLATE_NOOP("Messages", "Importing the sync package"), ()),
    "fault.action.backup": (QT_TRANSLATE_NOOP("Messages", "The backup"), ()),
    "fault.action.restore": (QT_TRANSLATE_NOOP("Messages", "Restoring the backup"), ()),
    "fault.action.save_pdf": (QT_TRANSLATE_NOOP("Messages", "Saving the PDF"), ()),
    "fault.action.print_to_file": (QT_TRANSLATE_NOOP("Messages", "Printing to a file"), ()),
    "fault.action.keys": (QT_TRANSLATE_NOOP("Messages", "Reading or writing the key file"), ()),
    "fault.action.lock": (QT_TRANSLATE_NOOP("Messages", "Locking the data folder"), ()),
    "fault.action.log": (QT_TRANSLATE_NOOP("Messages", "Writing the log"), ()),
    "fault.action.open_data": (QT_TRANSLATE_NOOP("Messages", "Opening the data folder"), ()),
    "fault.action.write_file": (QT_TRANSLATE_NOOP("Messages", "Writing the file"), ()),
    "fault.outcome.nothing_written": (QT_TRANSLATE_NOOP(
        "Messages", "No incomplete file was left behind."), ()),
    "fault.outcome.nothing_changed": (QT_TRANSLATE_NOOP(
        "Messages", "Nothing in the data was changed."), ()),
    # referred-task transitions (sync_contract/tasks.py)
    "tasks.unknown_action": (QT_TRANSLATE_NOOP("Messages", "Unknown handling action"), ()),
    "tasks.not_allowed": (QT_TRANSLATE_NOOP(
        "Messages", "This item is now %1; it cannot be given: %2"), ("status", "action")),
    # issue 11 — CLI authentication, recovery code, county key import
    "recovery.which_admin": (QT_TRANSLATE_NOOP(
        "Messages", "This computer has several administrators: name the administrator account "
        "to recover with %1"), ("option",)),
    "county_keys.not_county": (QT_TRANSLATE_NOOP(
        "Messages", "The code %1 in the key file is not a county division code (6 digits, e.g. "
        "522201); not imported. Ask the county to regenerate it with %2"), ("code", "command")),
    "county_keys.other_county": (QT_TRANSLATE_NOOP(
        "Messages", "This key file belongs to %1 %2; this township (%3) is not in that county. "
        "Not imported: ask your county's civil affairs office for the right public key file"),
        ("code", "name", "township")),
    "county_keys.changed": (QT_TRANSLATE_NOOP(
        "Messages", "The key file changed after it was confirmed (another fingerprint); not "
        "imported. Choose the file again"), ()),
    # issue 11 — one text rule (rules/values.py)
    "text.combining_start": (QT_TRANSLATE_NOOP(
        "Messages", "Starts with a lone accent mark (combining mark); delete it and enter "
        "it again"), ()),
    # issue 11 — clock sanity
    "clock.behind": (QT_TRANSLATE_NOOP(
        "Messages", "The computer clock (%1) is earlier than the newest record (%2); to keep "
        "document dates from going backwards, no document can be issued now. Set the Windows "
        "clock to the correct Beijing time, then try again; if the computer's time was right "
        "(the earlier records are misdated), ask an administrator to confirm it under "
        "Settings > Computer clock"), ("clock", "newest")),
    "clock.not_behind": (QT_TRANSLATE_NOOP(
        "Messages", "The computer clock is not earlier than the newest record; there is "
        "nothing to confirm"), ()),
    "setting.clock.parts": (QT_TRANSLATE_NOOP(
        "Messages", "The clock check needs the tolerance (minutes) and the days ahead"), ()),
    "setting.label.clock_tolerance": (QT_TRANSLATE_NOOP("Messages", "Clock tolerance (minutes)"), ()),
    "setting.label.clock_ahead": (QT_TRANSLATE_NOOP("Messages", "Days ahead before a clock warning"), ()),
    # issue 11 — faults
    "fault.action.ingest": (QT_TRANSLATE_NOOP("Messages", "Receiving the sync package"), ()),
    "fault.action.make_return": (QT_TRANSLATE_NOOP("Messages", "Making the return package"), ()),
    "fault.action.mirror": (QT_TRANSLATE_NOOP("Messages", "Mirroring the backup"), ()),
    # issue 12 — eligibility rules
    "setting.eligibility.invalid": (QT_TRANSLATE_NOOP(
        "Messages", "Eligibility rules, entry %1: “%2” is not valid; check it and enter it again"),
        ("entry", "name")),
    "setting.eligibility.duplicate": (QT_TRANSLATE_NOOP(
        "Messages", "Two eligibility rule entries take effect on %1; one entry per day"), ("day",)),
    # issue 12 — household
    "intake.counted.applicant": (QT_TRANSLATE_NOOP(
        "Messages", "The applicant is always counted among the household members"), ()),
    "intake.counted.applicant_only": (QT_TRANSLATE_NOOP(
        "Messages", "The reason 'the applicant' is for the applicant only"), ()),
    "intake.counted.reason_mismatch": (QT_TRANSLATE_NOOP(
        "Messages", "The reason does not match whether the member is counted"), ()),
    "intake.counted.reason_required": (QT_TRANSLATE_NOOP(
        "Messages", "Choose why this member is not counted in the household"), ()),
    "intake.related.duplicate_id": (QT_TRANSLATE_NOOP(
        "Messages", "The ID number repeats that of %1; record each person once"), ("name",)),
    "intake.related.role_required": (QT_TRANSLATE_NOOP(
        "Messages", "Choose at least one: legal supporter or guardian"), ()),
    "intake.related.household_size": (QT_TRANSLATE_NOOP(
        "Messages", "The household size is a whole number from 1 to %1"), ("max",)),
    "intake.related.able_invalid": (QT_TRANSLATE_NOOP(
        "Messages", "Choose whether the supporter is able to support"), ()),
    "intake.related.unable_reason_required": (QT_TRANSLATE_NOOP(
        "Messages", "Choose why the supporter is unable to support"), ()),
    "intake.related.unable_reason_unexpected": (QT_TRANSLATE_NOOP(
        "Messages", "Choose a reason only when the supporter is unable to support"), ()),
    "intake.guardian.required": (QT_TRANSLATE_NOOP(
        "Messages", "The applicant is under %1: record one guardian (an adult member or a person "
        "outside the household), who signs"), ("age",)),
    "intake.guardian.too_many": (QT_TRANSLATE_NOOP(
        "Messages", "Record only one guardian; %1 are recorded"), ("count",)),
    "intake.guardian.not_minor": (QT_TRANSLATE_NOOP(
        "Messages", "The applicant is %1 or older: no guardian is recorded"), ("age",)),
    "intake.guardian.minor": (QT_TRANSLATE_NOOP(
        "Messages", "A person under %1 cannot be a guardian"), ("age",)),
    "intake.guardian.self": (QT_TRANSLATE_NOOP(
        "Messages", "The applicant cannot be their own guardian"), ()),
    "intake.residence.kind_required": (QT_TRANSLATE_NOOP(
        "Messages", "Choose where the applicant applies (hukou, residence or place of the "
        "emergency)"), ()),
    "intake.residence.address_required": (QT_TRANSLATE_NOOP(
        "Messages", "Residence permit holders and applicants at the place of the emergency: "
        "enter the current address"), ()),
    "intake.residence.permit_required": (QT_TRANSLATE_NOOP(
        "Messages", "A residence permit holder applying where they live: enter the permit "
        "number"), ()),
    "intake.residence.incident_item": (QT_TRANSLATE_NOOP(
        "Messages", "At the place of the emergency (no local hukou) only temporary assistance "
        "can be requested; apply for %1 where the hukou or residence is"), ("name",)),
    "intake.medical_reimbursed.over": (QT_TRANSLATE_NOOP(
        "Messages", "The reimbursed amount cannot exceed the medical spending of the last 12 "
        "months"), ()),
    # issue 13 — ceilings (core/rules/temporary.py)
    "ceiling.single": (QT_TRANSLATE_NOOP(
        "Messages", "This amount of %1 yuan is above the township's temporary assistance "
        "ceiling of %2 yuan; report it to the county for approval (civil affairs bureau)"),
        ("amount", "ceiling")),
    "ceiling.cumulative": (QT_TRANSLATE_NOOP(
        "Messages", "This amount of %1 yuan: %2 already %3 times, %4 yuan in all; together "
        "%5 yuan, above the township's temporary assistance ceiling of %6 yuan; report it to "
        "the county for approval (civil affairs bureau)"),
        ("amount", "scope", "count", "paid", "total", "ceiling")),
    "ceiling.scope.incident": (QT_TRANSLATE_NOOP("Messages", "this item"), ()),
    "ceiling.scope.household_year": (QT_TRANSLATE_NOOP(
        "Messages", "this household in %1"), ("year",)),
    "ceiling.scope.invalid": (QT_TRANSLATE_NOOP(
        "Messages", "The scope of the cumulative temporary assistance ceiling is not valid: "
        "each entry needs an effective date (one per date) and says whether amounts add up "
        "per item and per household per year"), ()),
    # issue 13 — stages (core/rules/stages.py, services/handling/stages.py)
    "stage.not_in_procedure": (QT_TRANSLATE_NOOP(
        "Messages", "The procedure of this item has no step \"%1\", or this case needs no %1"),
        ("label",)),
    "stage.already_recorded": (QT_TRANSLATE_NOOP("Messages", "\"%1\" is already recorded"),
                               ("label",)),
    "stage.done_on_required": (QT_TRANSLATE_NOOP("Messages", "Enter the end date of \"%1\""),
                               ("label",)),
    "stage.publicity_running": (QT_TRANSLATE_NOOP(
        "Messages", "The public notice runs until %1; the case can be closed only after it"),
        ("day",)),
    "stage.after_publicity": (QT_TRANSLATE_NOOP(
        "Messages", "The public notice runs until %1; this step must be dated after it"),
        ("day",)),
    "stage.publicity_not_ended": (QT_TRANSLATE_NOOP(
        "Messages", "The public notice runs until %1; it can be concluded only after that"),
        ("day",)),
    "stage.done_before_start": (QT_TRANSLATE_NOOP(
        "Messages", "The end date cannot be before the start date (%1)"), ("day",)),
    "stage.future": (QT_TRANSLATE_NOOP("Messages", "The date cannot be after today (%1)"),
                     ("day",)),
    "stage.out_of_order": (QT_TRANSLATE_NOOP(
        "Messages", "Complete \"%1\" first, then record \"%2\""), ("first", "label")),
    "stage.before_previous": (QT_TRANSLATE_NOOP(
        "Messages", "The date cannot be before that of the previous step \"%1\" (%2)"),
        ("previous", "day")),
    "stage.before_acceptance": (QT_TRANSLATE_NOOP(
        "Messages", "The date cannot be before the acceptance date (%1)"), ("day",)),
    "stage.unfinished_due": (QT_TRANSLATE_NOOP(
        "Messages", "\"%1\" is not finished (due by %2); the case can be closed once the "
        "procedure is complete"), ("label", "day")),
    "stage.unfinished": (QT_TRANSLATE_NOOP(
        "Messages", "\"%1\" is not finished; the case can be closed once the procedure is "
        "complete"), ("label",)),
    "stage.publicity_first": (QT_TRANSLATE_NOOP(
        "Messages", "The public notice runs until %1; \"%2\" can be recorded once it has "
        "ended and been concluded"), ("day", "label")),
    "stage.unknown": (QT_TRANSLATE_NOOP("Messages", "Unknown procedure step"), ()),
    "stage.label.date": (QT_TRANSLATE_NOOP("Messages", "Date"), ()),
    "stage.outcome_invalid": (QT_TRANSLATE_NOOP(
        "Messages", "Choose the result of \"%1\""), ("label",)),
    "stage.source_invalid": (QT_TRANSLATE_NOOP("Messages", "Unknown source of the record"), ()),
    "stage.details_invalid": (QT_TRANSLATE_NOOP(
        "Messages", "The additional information is not in a valid form"), ()),
    "stage.visit_people": (QT_TRANSLATE_NOOP(
        "Messages", "A home visit needs at least %1 investigators; enter them"), ("min",)),
    "stage.visit_findings": (QT_TRANSLATE_NOOP("Messages", "Enter what the home visit found"), ()),
    "stage.check_outcome": (QT_TRANSLATE_NOOP(
        "Messages", "Choose the result of the check (matches or differs)"), ()),
    "stage.check_discrepancy": (QT_TRANSLATE_NOOP(
        "Messages", "The check found differences: explain them and why"), ()),
    "stage.publicity_outcome": (QT_TRANSLATE_NOOP(
        "Messages", "Choose the result of the public notice (no objection, objection "
        "resolved or objection upheld)"), ()),
    "stage.publicity_objection": (QT_TRANSLATE_NOOP(
        "Messages", "There were objections: enter them and how they were handled"), ()),
    "stage.reason_required": (QT_TRANSLATE_NOOP("Messages", "Not agreed: enter the reason"), ()),
    "stage.extension_reason": (QT_TRANSLATE_NOOP("Messages", "Enter the reason for the extension"), ()),
    "stage.conference_people": (QT_TRANSLATE_NOOP(
        "Messages", "Enter who took part in the case conference"), ()),
    "stage.amount_unexpected": (QT_TRANSLATE_NOOP("Messages", "This step has no amount"), ()),
    "stage.task_final": (QT_TRANSLATE_NOOP(
        "Messages", "This item is closed; no more procedure steps can be recorded"), ()),
    "stage.no_procedure": (QT_TRANSLATE_NOOP(
        "Messages", "This item has no review procedure (accepted before it existed, or not "
        "handled by the township); record its result directly"), ()),
    "stage.publicity_too_short": (QT_TRANSLATE_NOOP(
        "Messages", "The public notice cannot be shorter than the rule (at least until %1)"),
        ("day",)),
    "stage.no_extension": (QT_TRANSLATE_NOOP("Messages", "This item cannot be extended"), ()),
    "stage.already_extended": (QT_TRANSLATE_NOOP(
        "Messages", "This item was already extended once; it cannot be extended again"), ()),
    "stage.extension_late": (QT_TRANSLATE_NOOP(
        "Messages", "The time limit ended on %1; it can no longer be extended"), ("day",)),
    "stage.no_tasks": (QT_TRANSLATE_NOOP("Messages", "Choose the items"), ()),
    "stage.publicity_village": (QT_TRANSLATE_NOOP(
        "Messages", "The applicant of this item does not belong to the chosen village; it "
        "cannot be on this village's public notice list"), ()),
    "stage.publicity_nothing": (QT_TRANSLATE_NOOP(
        "Messages", "None of the chosen items is publicised (minors, orphans …); there is "
        "nothing to put on the list"), ()),
    "stage.report_department": (QT_TRANSLATE_NOOP(
        "Messages", "A report list can only hold items confirmed by one county department "
        "(items the township confirms are not reported)"), ()),
    "stage.publicity_days.invalid": (QT_TRANSLATE_NOOP(
        "Messages", "The public notice period setting is not valid: each entry needs an "
        "effective date (one per date), a number of days (1 to %1) and a unit (calendar or "
        "working days)"), ("max",)),
    # issue 13 — materials (dependent items, materials per stage)
    "materials.awaiting_not_dependent": (QT_TRANSLATE_NOOP(
        "Messages", "%1 cannot be marked awaiting the assistance status"), ("name",)),
    "materials.awaiting_not_allowed": (QT_TRANSLATE_NOOP(
        "Messages", "%1 may be marked awaiting the assistance status only while %2 is applied "
        "for in this intake or still pending in an open application"), ("name", "items")),
    "materials.due_at_decision": (QT_TRANSLATE_NOOP(
        "Messages", "Needed before the decision: %1"), ("names",)),
    "materials.task_final": (QT_TRANSLATE_NOOP(
        "Messages", "This item is closed; its materials can no longer be changed"), ()),
    # issue 13 — reserve (临时救助备用金, core/services/reserve.py)
    "reserve.overdraw": (QT_TRANSLATE_NOOP(
        "Messages", "Not enough money in the reserve fund: %2 yuan available on %1, this "
        "payment is %3 yuan, %4 yuan short; record money received first or report to the "
        "county"), ("day", "balance", "amount", "short")),
    "reserve.disabled": (QT_TRANSLATE_NOOP(
        "Messages", "The township does not keep a temporary assistance reserve fund ledger on "
        "%1 (setting \"reserve fund\")"), ("day",)),
    "reserve.amount_positive": (QT_TRANSLATE_NOOP("Messages", "The amount must be above 0"), ()),
    "reserve.pay_source": (QT_TRANSLATE_NOOP(
        "Messages", "Say which emergency aid or which temporary assistance item is paid"), ()),
    "reserve.aid_paid": (QT_TRANSLATE_NOOP(
        "Messages", "Emergency aid %1 was already paid from the reserve fund"), ("number",)),
    "reserve.task_not_payable": (QT_TRANSLATE_NOOP(
        "Messages", "Only a finished temporary assistance item with an amount can be paid from "
        "the reserve fund"), ()),
    "reserve.above_decided": (QT_TRANSLATE_NOOP(
        "Messages", "This payment of %1 yuan is above the %2 yuan not yet paid (decided %3 "
        "yuan, paid %4 yuan)"), ("amount", "rest", "decided", "paid")),
    "reserve.refund_payment": (QT_TRANSLATE_NOOP(
        "Messages", "Choose the payment that is given back"), ()),
    "reserve.refund_before": (QT_TRANSLATE_NOOP(
        "Messages", "The refund cannot be dated before payment %1 on %2"), ("number", "day")),
    "reserve.refund_above": (QT_TRANSLATE_NOOP(
        "Messages", "The refund of %1 yuan is above the %2 yuan paid on this item and not given "
        "back yet"), ("amount", "paid")),
    "reserve.batch_empty": (QT_TRANSLATE_NOOP(
        "Messages", "No reserve fund payment up to %1 waits to be submitted"), ("day",)),
    "reserve.batch_reimbursed": (QT_TRANSLATE_NOOP(
        "Messages", "The reimbursement of batch %1 is already recorded"), ("number",)),
    "reserve.reimburse_above": (QT_TRANSLATE_NOOP(
        "Messages", "The reimbursement of %1 yuan is above the batch total of %2 yuan"),
        ("amount", "total")),
    "reserve.reimburse_before": (QT_TRANSLATE_NOOP(
        "Messages", "The reimbursement cannot be dated before batch %1 on %2"),
        ("number", "day")),
    "reserve.month_format": (QT_TRANSLATE_NOOP(
        "Messages", "Write the month like 2026-11"), ()),
    "reserve.month_future": (QT_TRANSLATE_NOOP(
        "Messages", "That month has not begun: no statement yet"), ()),
    "reserve.setting_invalid": (QT_TRANSLATE_NOOP(
        "Messages", "The reserve fund setting is not valid: each entry needs an effective date "
        "(one per date) and says whether the fund is kept and whether emergency aid is paid "
        "from it"), ()),
    # issue 13 — temporary (services/handling/temporary.py, rules/temporary.py)
    "first_aid.hours.invalid": (QT_TRANSLATE_NOOP(
        "Messages", "The emergency first-aid time limit setting is not valid: each entry ne"
            "eds an effective date (one per date) and a number of hours from 1 to %"
            "1"), ('max',)),
    "temporary.bad_date": (QT_TRANSLATE_NOOP(
        "Messages", "The effective date is not valid (e.g. 2026-01-01)"), ()),
    "temporary.bands.invalid": (QT_TRANSLATE_NOOP(
        "Messages", "The temporary assistance bands are not valid: each entry needs an effe"
            "ctive date and its source, each band a type (emergency/expense), a nam"
            "e, and a from and to amount (from below to)"), ()),
    "temporary.bands.overlap": (QT_TRANSLATE_NOOP(
        "Messages", "The %1 temporary assistance bands overlap or are not in ascending orde"
            "r"), ('type',)),
    "temporary.label.paperwork_on": (QT_TRANSLATE_NOOP(
        "Messages", "Date completed"), ()),
    "temporary.label.conference_on": (QT_TRANSLATE_NOOP(
        "Messages", "Conference date"), ()),
    "temporary.label.followup_on": (QT_TRANSLATE_NOOP(
        "Messages", "Follow-up date"), ()),
    "temporary.paperwork.bad_status": (QT_TRANSLATE_NOOP(
        "Messages", "Choose the material's status (received, committed, data-shared or miss"
            "ing)"), ()),
    "temporary.paperwork.unknown": (QT_TRANSLATE_NOOP(
        "Messages", "This item has no such material"), ()),
    "temporary.paperwork.nothing_changed": (QT_TRANSLATE_NOOP(
        "Messages", "No material's status changed: change at least one"), ()),
    "temporary.not_before_intake": (QT_TRANSLATE_NOOP(
        "Messages", "The date cannot be before the intake date %1"), ('date',)),
    "temporary.conference.people": (QT_TRANSLATE_NOOP(
        "Messages", "Enter at least two participants of the conference"), ()),
    "temporary.conference.outcome": (QT_TRANSLATE_NOOP(
        "Messages", "Choose the conference's decision"), ()),
    "temporary.conference.amount": (QT_TRANSLATE_NOOP(
        "Messages", "Enter the amount when the township decides or reports to the county"), ()),
    "temporary.not_temporary": (QT_TRANSLATE_NOOP(
        "Messages", "Only temporary assistance items have case conferences and follow-up"), ()),
    # issue 13 — review fixes
    "reserve.aid_amount": (QT_TRANSLATE_NOOP(
        "Messages", "Emergency aid %1 gave %2 yuan; the reserve fund pays the same amount "
        "(this payment: %3 yuan)"), ("number", "decided", "amount")),
    "reserve.aid_in_kind": (QT_TRANSLATE_NOOP(
        "Messages", "Emergency aid %1 was given in kind and is not paid from the reserve fund"),
        ("number",)),
    "reserve.task_not_township": (QT_TRANSLATE_NOOP(
        "Messages", "This item was approved by the county; its money is not paid from the "
        "township's reserve fund"), ()),
    # issue 14 — drafts
    "draft.not_found": (QT_TRANSLATE_NOOP(
        "Messages", "This draft no longer exists (it may have been decided, cleared or "
        "discarded)"), ()),
    "draft.unreadable": (QT_TRANSLATE_NOOP(
        "Messages", "This draft cannot be read and can no longer be restored"), ()),
    # issue 15 — reviews (core/services/dynamic, core/rules/dynamic.py)
    "dynamic.setting.invalid": (QT_TRANSLATE_NOOP(
        "Messages", "The dynamic management setting is wrong: each "
                    "entry needs an effective date, taper months (1 "
                    "to 24), a taper ceiling (100% to 300% of the standard), "
                    "the irregular income categories and employments, "
                    "and the months between near-threshold re-checks (1 to 36)"), ()),
    "dynamic.month_invalid": (QT_TRANSLATE_NOOP(
        "Messages", "The month is not valid (e.g. 2027-01)"), ()),
    "dynamic.month_range": (QT_TRANSLATE_NOOP(
        "Messages", "The month it applies from must be between the month of the check and 12 months after it"), ()),
    "dynamic.month_before_grant": (QT_TRANSLATE_NOOP(
        "Messages", "The month it applies from cannot be before the benefit began"), ()),
    "dynamic.not_recipient": (QT_TRANSLATE_NOOP(
        "Messages", "This task is not a subsistence, extreme-poverty, near-threshold or "
                    "rigid-spending benefit being received; it cannot be re-checked or "
                    "changed"), ()),
    "dynamic.kind_invalid": (QT_TRANSLATE_NOOP(
        "Messages", "Choose the kind of check (re-check or change report)"), ()),
    "dynamic.change_kinds_invalid": (QT_TRANSLATE_NOOP(
        "Messages", "The kinds of change are not valid"), ()),
    "dynamic.change_kinds_required": (QT_TRANSLATE_NOOP(
        "Messages", "A change report needs at least one kind of change (household, income, property or "
                    "residence)"), ()),
    "dynamic.amount_required": (QT_TRANSLATE_NOOP(
        "Messages", "To adjust the amount, enter the new amount"), ()),
    "dynamic.taper_months_invalid": (QT_TRANSLATE_NOOP(
        "Messages", "The taper period must be a whole number of months from 1 to 24"), ()),
    "dynamic.on_too_early": (QT_TRANSLATE_NOOP(
        "Messages", "The date cannot be before the benefit began or the last re-check (%1)"), ("date",)),
    "dynamic.stop_reason_required": (QT_TRANSLATE_NOOP(
        "Messages", "To stop the benefit, give the reason"), ()),
    "dynamic.investigators_too_many": (QT_TRANSLATE_NOOP(
        "Messages", "At most %1 investigators"), ('max',)),
    # issue 15 — providers (services/providers.py)
    "provider.duplicate": (QT_TRANSLATE_NOOP(
        "Messages", "The directory already has a provider of that name"), ()),
    "provider.kind_unknown": (QT_TRANSLATE_NOOP("Messages", "Choose the kind of provider"), ()),
    "provider.no_services": (QT_TRANSLATE_NOOP(
        "Messages", "Choose at least one service the provider offers"), ()),
    "provider.service_unknown": (QT_TRANSLATE_NOOP(
        "Messages", "A chosen service is not a service item of the catalogue"), ()),
    "provider.dates_order": (QT_TRANSLATE_NOOP(
        "Messages", "The end date cannot be before the start date"), ()),
    "provider.task_state": (QT_TRANSLATE_NOOP(
        "Messages", "A provider can be chosen only for a service item waiting to be referred "
        "without a provider yet, or returned"), ()),
    "provider.not_service": (QT_TRANSLATE_NOOP(
        "Messages", "Only service items (visits, care …) can be referred to a provider"), ()),
    "provider.inactive": (QT_TRANSLATE_NOOP(
        "Messages", "This provider is inactive or outside its service period"), ()),
    "provider.not_offered": (QT_TRANSLATE_NOOP(
        "Messages", "This provider does not offer this service"), ()),
    # issue 15 — care (rules/care.py, services/care.py)
    "care.indicator_required": (QT_TRANSLATE_NOOP(
        "Messages", "Please assess “%1”: can or cannot"), ("name",)),
    "care.setting_invalid": (QT_TRANSLATE_NOOP(
        "Messages", "The care setting for persons in extreme poverty is not valid: each entry needs an effective date "
        "(one entry per date), the number of indicators not met for total loss (1 to 6), the "
        "three care standards (0 to 10,000 yuan), the agreement term (1 to %1 months) and the "
        "reminder days (0 to %2)"), ("term", "remind")),
    "care.not_tekun": (QT_TRANSLATE_NOOP(
        "Messages", "Only an extreme-poverty support task can have a self-care assessment and entrusted "
        "care"), ()),
    "care.task_state": (QT_TRANSLATE_NOOP(
        "Messages", "This task was refused: no self-care assessment can be recorded"), ()),
    "care.member_unknown": (QT_TRANSLATE_NOOP(
        "Messages", "Please choose the household member assessed"), ()),
    "care.assessors": (QT_TRANSLATE_NOOP(
        "Messages", "Please enter at least %1 assessors"), ("min",)),
    "care.mode": (QT_TRANSLATE_NOOP(
        "Messages", "Please choose how support is given (centralised or dispersed)"), ()),
    "care.institution_required": (QT_TRANSLATE_NOOP(
        "Messages", "For centralised support, please enter the care institution"), ()),
    "care.agreement_required": (QT_TRANSLATE_NOOP(
        "Messages", "Dispersed support with %1 needs an entrusted care agreement"),
        ("level",)),
    "care.caretaker_kind": (QT_TRANSLATE_NOOP(
        "Messages", "Please choose the kind of caretaker"), ()),
    "care.caretaker_name": (QT_TRANSLATE_NOOP(
        "Messages", "Please enter the caretaker's name or organisation"), ()),
    "care.services": (QT_TRANSLATE_NOOP(
        "Messages", "Please choose at least one care service"), ()),
    "care.term": (QT_TRANSLATE_NOOP(
        "Messages", "The agreement's end must not be before its start, and the term not "
        "longer than %1 months"), ("max",)),
    "care.not_agreement": (QT_TRANSLATE_NOOP(
        "Messages", "This record has no entrusted care agreement"), ()),
    "care.already_ended": (QT_TRANSLATE_NOOP(
        "Messages", "This agreement ended on %1"), ("date",)),
    "care.end_before_start": (QT_TRANSLATE_NOOP(
        "Messages", "The end date must not be before the agreement's start %1"), ("date",)),
    "care.reason": (QT_TRANSLATE_NOOP(
        "Messages", "Please enter why the agreement ends"), ()),
    "care.not_current": (QT_TRANSLATE_NOOP(
        "Messages", "A newer assessment or agreement replaced this one: act on the newest"),
        ()),
    # issue 15 — leads (core/rules/leads.py, services/leads.py)
    "lead.rules.invalid": (QT_TRANSLATE_NOOP(
        "Messages", "Lead deadlines setting not valid: each entry needs an effective date, "
        "the 12345 reply limit and the visit limit (1 to %1 days, working or calendar days) "
        "and whether grid workers are used, with no effective date twice"), ("max",)),
    "lead.source.invalid": (QT_TRANSLATE_NOOP("Messages", "Choose who reported the lead"), ()),
    "lead.subject.required": (QT_TRANSLATE_NOOP(
        "Messages", "Enter the name or the address of the person reported (at least one)"), ()),
    "lead.village.unknown": (QT_TRANSLATE_NOOP("Messages", "Choose the village"), ()),
    "lead.not_found": (QT_TRANSLATE_NOOP("Messages", "This lead does not exist"), ()),
    "lead.closed": (QT_TRANSLATE_NOOP(
        "Messages", "Lead %1 is closed and can no longer be changed"), ("number",)),
    "lead.visitors.required": (QT_TRANSLATE_NOOP(
        "Messages", "Enter at least one person who visited"), ()),
    "lead.reply.not_hotline": (QT_TRANSLATE_NOOP(
        "Messages", "Only a 12345 hotline lead needs a reply"), ()),
    "lead.outcome.invalid": (QT_TRANSLATE_NOOP(
        "Messages", "Choose how the lead ends (not eligible or referred elsewhere)"), ()),
    "lead.reason.required": (QT_TRANSLATE_NOOP(
        "Messages", "Enter why the person is not eligible"), ()),
    "lead.referred.required": (QT_TRANSLATE_NOOP(
        "Messages", "Enter the department or channel referred to"), ()),
    "lead.apply.no_clerk": (QT_TRANSLATE_NOOP(
        "Messages", "Log in as a clerk to help with an application"), ()),
    "lead.apply.done": (QT_TRANSLATE_NOOP(
        "Messages", "Lead %1 has already become an application"), ("number",)),
    "lead.visit_list.empty": (QT_TRANSLATE_NOOP(
        "Messages", "This village has no open leads"), ()),
    # issue 15 — monitor (services/dynamic_monitor.py, rules/monitor.py)
    "monitor.setting_invalid": (QT_TRANSLATE_NOOP(
        "Messages", "The monitoring settings are not valid: each entry needs an effective "
        "date (one entry per date), a source, and whole numbers of months, days and percent "
        "within the allowed range"), ()),
    "monitor.target_required": (QT_TRANSLATE_NOOP(
        "Messages", "Choose the household to visit"), ()),
    "monitor.target_unknown": (QT_TRANSLATE_NOOP(
        "Messages", "The household to visit no longer exists (application or warning not "
        "found)"), ()),
    "monitor.visited_on_required": (QT_TRANSLATE_NOOP(
        "Messages", "Enter the visit date"), ()),
    "monitor.label.visited_on": (QT_TRANSLATE_NOOP("Messages", "Visit date"), ()),
    "monitor.visitors_required": (QT_TRANSLATE_NOOP(
        "Messages", "Enter at least one visitor"), ()),
    "monitor.visitors_too_many": (QT_TRANSLATE_NOOP(
        "Messages", "Enter at most %1 visitors"), ("max",)),
    "monitor.findings_required": (QT_TRANSLATE_NOOP(
        "Messages", "Enter what the visit found"), ()),
    "monitor.outcome_required": (QT_TRANSLATE_NOOP(
        "Messages", "Choose the outcome of the visit"), ()),
    "monitor.next_before_visit": (QT_TRANSLATE_NOOP(
        "Messages", "The next visit must be after this visit"), ()),
    "monitor.change_needs_recipient": (QT_TRANSLATE_NOOP(
        "Messages", "This household does not receive dibao or tekun support now, so no "
        "change report can be made; choose \"needs help\" if it needs help"), ()),
    # issue 16 — stats (core/rules/periods.py, services/stats.py)
    "period.invalid": (QT_TRANSLATE_NOOP(
        "Messages", "The period is not valid: enter e.g. 2026-11 (month), 2026-Q4 (quarter), "
        "2026 (year) or 2026-11-03..2026-11-20 (custom)"), ()),
    "period.order": (QT_TRANSLATE_NOOP(
        "Messages", "The period's end cannot be before its start"), ()),
    "stats.by.unknown": (QT_TRANSLATE_NOOP("Messages", "Unknown breakdown: %1"), ("by",)),
    "stats.figure.unknown": (QT_TRANSLATE_NOOP("Messages", "Unknown figure: %1"), ("figure",)),
    "stats.key.unknown": (QT_TRANSLATE_NOOP(
        "Messages", "This breakdown has no such row: %1"), ("key",)),
    # issue 16 — ledgers (core/xlsx.py, services/ledgers.py, forms/ledgers/*.json)
    "fault.action.write_xlsx": (QT_TRANSLATE_NOOP("Messages", "Exporting the Excel workbook"), ()),
    "xlsx.too_many_rows": (QT_TRANSLATE_NOOP(
        "Messages", "Sheet “%1” has more rows than Excel allows (%2 rows); export a shorter "
        "date range in several parts"), ("sheet", "max")),
    "ledger.unknown": (QT_TRANSLATE_NOOP(
        "Messages", "There is no ledger template named “%1”"), ("name",)),
    "ledger.template.unreadable": (QT_TRANSLATE_NOOP(
        "Messages", "Ledger template %1 cannot be read; check that the file exists and is "
        "UTF-8"), ("file",)),
    "ledger.template.bad_json": (QT_TRANSLATE_NOOP(
        "Messages", "Ledger template %1 is malformed (near line %2)"), ("file", "line")),
    "ledger.template.unknown_key": (QT_TRANSLATE_NOOP(
        "Messages", "“%2” in ledger template %1 is not a known setting"), ("file", "field")),
    "ledger.template.missing": (QT_TRANSLATE_NOOP(
        "Messages", "Ledger template %1 lacks “%2”"), ("file", "field")),
    "ledger.template.bad_value": (QT_TRANSLATE_NOOP(
        "Messages", "The value of “%2” in ledger template %1 is not valid"), ("file", "field")),
    "ledger.template.no_columns": (QT_TRANSLATE_NOOP(
        "Messages", "Ledger template %1 has no columns"), ("file",)),
    "ledger.template.unknown_source": (QT_TRANSLATE_NOOP(
        "Messages", "The ledger type “%2” of template %1 does not exist"), ("file", "source")),
    "ledger.template.unknown_field": (QT_TRANSLATE_NOOP(
        "Messages", "The field “%2” in ledger template %1 is not a field of the %3"),
        ("file", "field", "ledger")),
    "ledger.dates.required": (QT_TRANSLATE_NOOP(
        "Messages", "Enter the ledger's start and end dates"), ()),
    "ledger.dates.order": (QT_TRANSLATE_NOOP(
        "Messages", "The start date must not be after the end date"), ()),
    "ledger.path.suffix": (QT_TRANSLATE_NOOP(
        "Messages", "Save the ledger as an Excel file (a name ending in .xlsx)"), ()),
    # issue 16 — importer (services/ledger_import)
    "import.required": (QT_TRANSLATE_NOOP(
        "Messages", "%1: not filled in"), ('field',)),
    "import.item_unknown": (QT_TRANSLATE_NOOP(
        "Messages", "%1: not an item of the assistance catalogue"), ('field',)),
    "import.village_unknown": (QT_TRANSLATE_NOOP(
        "Messages", "%1: not a village or community of this township"), ('field',)),
    "import.result_unknown": (QT_TRANSLATE_NOOP(
        "Messages", "%1: not understood (should be approved, refused …)"), ('field',)),
    "import.result_before_intake": (QT_TRANSLATE_NOOP(
        "Messages", "%1: earlier than the application date"), ('field',)),
    "import.period_order": (QT_TRANSLATE_NOOP(
        "Messages", "%1: earlier than the start date"), ('field',)),
    "import.duplicate_row": (QT_TRANSLATE_NOOP(
        "Messages", "Repeats row %1 (same ID number, item and application date)"), ('row',)),
    "import.duplicate_recorded": (QT_TRANSLATE_NOOP(
        "Messages", "An application with the same ID number, item and application date is "
        "already recorded: %1"), ('numbers',)),
    "import.file_format": (QT_TRANSLATE_NOOP(
        "Messages", "File %1 is not a spreadsheet that can be imported (.xlsx, .xls, .csv)"), ('name',)),
    "import.file_unreadable": (QT_TRANSLATE_NOOP(
        "Messages", "File %1 cannot be read: it is damaged, has a password or is not a spreadsheet"), ('name',)),
    "import.file_empty": (QT_TRANSLATE_NOOP(
        "Messages", "No header row and data found in file %1"), ('name',)),
    "import.mapping.unknown": (QT_TRANSLATE_NOOP(
        "Messages", "Column %1 is mapped to an unknown field"), ('column',)),
    "import.mapping.column": (QT_TRANSLATE_NOOP(
        "Messages", "The spreadsheet has no column %1"), ('column',)),
    "import.mapping.twice": (QT_TRANSLATE_NOOP(
        "Messages", "“%1” is mapped to more than one column"), ('field',)),
    "import.mapping.missing": (QT_TRANSLATE_NOOP(
        "Messages", "Choose the column for “%1”"), ('field',)),
    "import.review_item": (QT_TRANSLATE_NOOP(
        "Messages", "%1: re-checks are recorded only for granted subsistence allowance, extreme "
        "poverty support, marginal-household or rigid-expenditure assistance"), ('field',)),
    "import.review_class": (QT_TRANSLATE_NOOP("Messages", "%1: must be A, B or C"), ('field',)),
    "import.review_class_item": (QT_TRANSLATE_NOOP(
        "Messages", "%1: only the subsistence allowance has classes A, B and C"), ('field',)),
    "fault.action.read_ledger": (QT_TRANSLATE_NOOP("Messages", "Reading the ledger file"), ()),
    # issue 16 — household (services/households.py, household_pdf.py)
    "household.not_found": (QT_TRANSLATE_NOOP(
        "Messages", "No application of this household was found"), ()),
    "household.hash_mismatch": (QT_TRANSLATE_NOOP(
        "Messages", "The saved file of %1 %2 differs from the checksum recorded when it was "
        "issued (the file may have been changed or damaged); the household file was not "
        "exported. Ask a supervisor to run the check, then export again"), ("title", "number")),
    # issue 17 — qrcheck (services/verification.py, issuance_register.py)
    "verify.text_required": (QT_TRANSLATE_NOOP(
        "Messages", "Scan or paste the content of the document's QR code"), ()),
    "verify.file_missing": (QT_TRANSLATE_NOOP(
        "Messages", "The file to verify was not found"), ()),
    "verify.file_unreadable": (QT_TRANSLATE_NOOP(
        "Messages", "The file cannot be read: choose a PDF document, or a scan or photo of "
        "the QR code"), ()),
    # issue 17 — qrsign: the verdict on a document's QR code (sync_contract/docqr.py)
    "docqr.genuine": (QT_TRANSLATE_NOOP(
        "Messages", "Genuine: the signature is valid and the content is as issued"), ()),
    "docqr.altered": (QT_TRANSLATE_NOOP(
        "Messages", "Altered: the document's content or its QR code differs from what was "
        "issued"), ()),
    "docqr.unknown_signer": (QT_TRANSLATE_NOOP(
        "Messages", "Unknown signer: the signing key is not among the registered township "
        "keys"), ()),
    "docqr.voided": (QT_TRANSLATE_NOOP(
        "Messages", "Voided: the issuing township has voided this document"), ()),
    "docqr.not_ours": (QT_TRANSLATE_NOOP(
        "Messages", "This is not a document QR code of this system"), ()),
    "docqr.malformed": (QT_TRANSLATE_NOOP(
        "Messages", "The QR code is incomplete or malformed and cannot be read"), ()),
    "docqr.no_code": (QT_TRANSLATE_NOOP(
        "Messages", "No QR code found (previews and drafts have none; scan the code again "
        "or at a higher resolution)"), ()),
    "docqr.unreadable": (QT_TRANSLATE_NOOP(
        "Messages", "The file cannot be read (not an image or a PDF, or it is damaged)"), ()),
}


def translate_key(key: str, params: dict[str, object] | None = None) -> str | None:
    """The translated text of message ``key`` with ``params`` filled in, ``None`` for a
    key the GUI does not know."""
    entry = SOURCES.get(key)
    if entry is None:
        return None
    source, names = entry
    values = params or {}
    return fmt(QCoreApplication.translate(_CTX, source),
               *(_value(values.get(n, "")) for n in names))


def _value(value: object) -> object:
    """A parameter that is itself a message (``Message(key, params)``) is translated too."""
    key, params = getattr(value, "key", None), getattr(value, "params", None)
    if isinstance(key, str) and isinstance(params, Mapping):
        text = translate_key(key, dict(params))
        if text is not None:
            return text
    return value


def text_of(error: object) -> str:
    """What the clerk reads for one validation error: its key translated, else (no key,
    or a key the GUI does not know) the core's Chinese ``message``."""
    key = getattr(error, "key", None)
    if key:
        text = translate_key(key, getattr(error, "params", None))
        if text is not None:
            return text
    return str(getattr(error, "message", "") or error)


__all__ = ["SOURCES", "text_of", "translate_key"]
