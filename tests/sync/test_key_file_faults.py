"""Review of #11: key files written onto a stick that cannot take them are one Chinese
sentence (the fault vocabulary), and a package's unchecked manifest text is never echoed."""

from __future__ import annotations

import pytest

from sync_contract.envelope import _version_seen
from sync_contract.faults import FileFault


def test_exporting_the_public_key_onto_a_path_that_is_not_a_folder_is_one_sentence(
        services, township, tmp_path):
    blocker = tmp_path / "stick"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(FileFault) as caught:
        services.sync.export_public_keys(blocker / "public-keys.json")
    text = caught.value.message
    assert text.startswith("读写密钥文件失败：") and "Errno" not in text and "\n" not in text


@pytest.mark.parametrize("manifest, shown", [
    ({"format": "twsync", "format_version": 99}, "format twsync, version 99"),
    ({"format": "x" * 1000 + "\x1b[31m", "format_version": 1}, "format (absent or invalid)"),
    ({"format_version": "1"}, "version (absent or invalid)"),
])
def test_an_unsupported_version_is_described_without_echoing_the_manifest(manifest, shown):
    said = _version_seen(manifest)
    assert shown in said and "\x1b" not in said and len(said) < 120
