"""The county receiver: another organisation's program, beside the township's app.

It registers townships, ingests their export packages into a county database (SQLite or
PostgreSQL, schema migrated by Alembic at open), records department feedback and builds
the return packages (docs/county.md). Entry point ``county-receiver`` (also
``python -m county_receiver``), its own data and log folder.

It imports only :mod:`sync_contract` (and third-party libraries), never the township's
``desktop_app``; the township bundle does not contain it.

* :mod:`.receiver` — :class:`~.receiver.County`, the use cases (Qt-free);
* :mod:`.models`   — the county tables;  :mod:`.db` — the migrations at open;
* :mod:`.cli`      — the command line.
"""
