"""The township's sync use case (Qt-free): :mod:`.service` (``Services.sync``: export,
re-export, import of return packages, keys) and :mod:`.export` (the SQL that builds the
export records). The wire format itself is :mod:`sync_contract`."""
