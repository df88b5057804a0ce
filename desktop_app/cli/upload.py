"""Upload when online (issue 17, docs/upload.md): ``upload`` (send the packages the county
does not hold yet), ``download-return`` (fetch and import the county's return packages)
and ``upload-settings`` (the county receiver's address and this township's token)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.services import auth
from .common import CliError, Verb, first_line, open_services


def _settings_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--url", help="the county receiver's address, https://host[:port]")
    p.add_argument("--token-file", type=Path, metavar="FILE",
                   help="a file holding the upload token the county issued "
                        "(county-receiver token issue); stored in the key folder, 0600")


def cmd_settings(args: argparse.Namespace) -> int:
    from sync_contract.envelope import PackageError
    from sync_contract.faults import FileFault

    from ..core.services.sync.upload import upload_service

    with open_services(args) as services:
        up = upload_service(services)
        if args.url is None and args.token_file is None:
            st = up.settings()
            print(f"county receiver: {st.county_url or '(not set)'}; upload token: "
                  f"{'set' if st.has_token else 'not set'}")
            return 0
        token = None
        if args.token_file is not None:
            try:
                token = args.token_file.read_text("utf-8").strip()
            except (OSError, UnicodeDecodeError) as exc:
                raise CliError(f"--token-file {args.token_file}: "
                               f"{str(exc).splitlines()[0]}") from None
        url = args.url if args.url is not None else up.settings().county_url
        try:
            st = up.configure(url, token, args.actor)
        except (PackageError, FileFault) as exc:
            raise first_line(exc) from None
    print(f"county receiver: {st.county_url}; upload token: {'set' if st.has_token else 'not set'}")
    return 0


def cmd_upload(args: argparse.Namespace) -> int:
    from sync_contract.envelope import PackageError
    from sync_contract.faults import FileFault

    from ..core.services.sync.service import ExportsPaused
    from ..core.services.sync.upload import upload_service

    with open_services(args) as services:
        try:
            report = upload_service(services).upload(args.actor)
        except (PackageError, ExportsPaused, FileFault) as exc:
            raise first_line(exc) from None
    print(report.message)
    return 0


def cmd_download(args: argparse.Namespace) -> int:
    from sync_contract.envelope import PackageError
    from sync_contract.faults import FileFault

    from ..core.services.sync.upload import upload_service

    with open_services(args) as services:
        try:
            results = upload_service(services).download_returns(args.actor)
        except (PackageError, FileFault) as exc:
            raise first_line(exc) from None
    if not results:
        print("县级没有新的返回包 / no new return package")
    for result in results:
        print(result.message)
        for note in result.skipped:
            print(f"  skipped: {note}")
        for notice in result.notices:
            print(f"注意：{notice}")
    return 0


UPLOAD = Verb("upload", "upload to the county receiver when online: export what changed and "
                        "send every package the county does not hold yet", cmd_upload,
              access=auth.SYNC)
DOWNLOAD_RETURN = Verb("download-return", "download the county's return packages over the "
                                          "network and import them", cmd_download,
                       access=auth.SYNC)
UPLOAD_SETTINGS = Verb("upload-settings", "administrators: the county receiver's address "
                                          "(--url) and this township's upload token "
                                          "(--token-file); without options: show them",
                       cmd_settings, _settings_arguments, access=auth.KEYS)
