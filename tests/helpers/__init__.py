"""Helpers shared by the test folders, imported as ``tests.helpers.<module>``.

Fixtures stay in the ``conftest.py`` of the folder that uses them; plain functions and
classes that more than one test module needs live here, so no test imports a
``conftest`` (their module names collide between folders).

- :mod:`.drafts`    valid application drafts and resident IDs for the services
- :mod:`.clock`     a settable clock
- :mod:`.gui`       driving the screens as a clerk would; building the main window
- :mod:`.printing`  reading PDFs with poppler-utils
- :mod:`.sync`      crafting return packages; a digest of every row of the database
"""
