"""Pure rules: no Qt, no database, no I/O.

* :mod:`.identity` — ID document types, GB 11643 validation, masking
* :mod:`.division` — 统计用区划代码 (township / village codes), village CSV import
* :mod:`.workdays` — working-day calendar with provisional fallback for unknown years
* :mod:`.pinyin` — pinyin / initials search keys (imports pypinyin lazily)
* :mod:`.values` — amounts in fen, names, free text, phones, dates
* :mod:`.numbering` — document number format/parse
* :mod:`.chars` — character classes shared by the above

Nothing is imported here, so importing one rule module stays cheap.
"""
