"""The sync wire contract (format ``twsync``, docs/sync-format.md), shared by both ends.

The township (``desktop_app``) and the county receiver (``county_receiver``) import this
package; it imports neither of them, nor Qt. It is the lowest layer:

* :mod:`.errors`      — :class:`~.errors.PackageError` and its message table, ``Cancelled``;
* :mod:`.canonical`   — canonical JSON, the UTC clock and timestamps;
* :mod:`.schemas`     — the JSON Schemas (data files) and :mod:`.validation`, their loader;
* :mod:`.versions`    — the format versions (2 written, 1 and 2 read), types per version;
* :mod:`.envelope`    — the package writer and reader (age, ZIP, manifest, signature);
* :mod:`.upgrade`     — version-1 records lifted to the current shape (``upgrade_record``);
* :mod:`.eligibility` — the county's check of ``eligibility`` update records;
* :mod:`.keys`        — Ed25519 / age keys, fingerprints, the public key exchange file;
* :mod:`.audit`       — the audit chain: ``GENESIS`` and the event hash;
* :mod:`.tasks`       — task statuses and transitions the feedback records rely on;
* :mod:`.fs`          — the one atomic, durable file write.
"""
