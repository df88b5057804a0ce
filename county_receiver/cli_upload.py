"""``county-receiver serve`` and ``county-receiver token issue|revoke`` (issue 17,
docs/upload.md): the HTTP receiver for townships that upload when online."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

log = logging.getLogger("county_receiver")
APP_NAME = "TownshipCountyReceiver"       # = cli.APP_NAME


def add_parsers(csub, common: argparse.ArgumentParser) -> None:
    sv = csub.add_parser("serve", parents=[common],
                         help="serve the HTTP receiver: townships upload packages and download "
                              "return packages (docs/upload.md)")
    sv.add_argument("--host", default="127.0.0.1",
                    help="address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)")
    sv.add_argument("--port", type=int, default=8443, help="port (default 8443)")
    sv.add_argument("--tls-cert", type=Path, metavar="PEM", help="the county's TLS certificate")
    sv.add_argument("--tls-key", type=Path, metavar="PEM", help="its private key")
    sv.add_argument("--max-mb", type=int, default=None, metavar="MB",
                    help="largest package accepted (default: the package size limit, 2048 MB)")
    tk = csub.add_parser("token", parents=[common],
                         help="issue or revoke a township's upload token")
    tk.add_argument("token_action", choices=("issue", "revoke"), metavar="issue|revoke",
                    help="issue: a new token (printed once; earlier ones revoked); "
                         "revoke: revoke every token of the township")
    tk.add_argument("--township", required=True, metavar="CODE", help="12-digit township code")


def run(args, county) -> int | None:
    """Run ``serve`` / ``token``; ``None`` for any other action."""
    action = args.county_command
    if action == "token":
        from .http import issue_token, revoke_tokens

        if args.token_action == "issue":
            token = issue_token(county, args.township)
            log.info("token issue: township %s", args.township)
            _audit(county, args, "upload.token_issue", township=args.township)
            print(f"upload token for {args.township} (shown once; give it to the township, "
                  f"desktop-app upload-settings --url … --token-file …):")
            print(token)
            return 0
        n = revoke_tokens(county, args.township)
        log.info("token revoke: township %s, %d revoked", args.township, n)
        _audit(county, args, "upload.token_revoke", township=args.township, count=n)
        print(f"revoked {n} upload token(s) of {args.township}")
        return 0
    if action != "serve":
        return None
    return serve(args, county)


def serve(args, county) -> int:
    import uvicorn
    from platformdirs import user_data_dir

    from sync_contract.errors import PackageError

    from .http import create_app, uploads_dir
    from .workdir import WorkDir

    if bool(args.tls_cert) != bool(args.tls_key):
        raise PackageError("bad_arguments", zh="--tls-cert 与 --tls-key 须同时给出",
                           en="--tls-cert and --tls-key go together")
    # the receiver's own folder, as cli.default_data_dir (not imported: no import cycle)
    data = args.data_dir or Path(user_data_dir(APP_NAME, appauthor=False))
    work = WorkDir(data)
    county.work_dir = work.path
    try:
        county.engine  # noqa: B018 - open (and migrate) before the first request
        app = create_app(county, upload_dir=uploads_dir(data),
                         max_bytes=args.max_mb << 20 if args.max_mb else None)
        log.info("serve: listening on %s port %d%s", args.host, args.port,
                 " with TLS" if args.tls_cert else "")
        print(f"county receiver listening on {'https' if args.tls_cert else 'http'}://"
              f"{args.host}:{args.port}/v1/ (Ctrl+C to stop)")
        # log_config=None: uvicorn's loggers (its access log: codes and sequence numbers
        # only) go to the receiver's own log file through the root handler
        uvicorn.run(app, host=args.host, port=args.port, log_config=None,
                    ssl_certfile=str(args.tls_cert) if args.tls_cert else None,
                    ssl_keyfile=str(args.tls_key) if args.tls_key else None)
    finally:
        work.close()
    return 0


__all__ = ["add_parsers", "run"]


def _audit(county, args, action: str, **detail) -> None:
    """One event in the county's audit trail, by the user the command logged in as
    (``cli_ops`` sets ``args.county_actor``; a county without accounts: the system)."""
    from . import audit

    audit.record_now(county.engine, action, getattr(args, "county_actor", None), **detail)
