"""The county's HTTP receiver served by uvicorn on loopback in a thread (tests)."""

from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def live_receiver(county, data_dir: Path, **kw):
    """``county`` (opened, registered townships) served on 127.0.0.1:<free port>; yields
    the base URL. Stopped (and joined) on exit."""
    import uvicorn

    from county_receiver.http import create_app, uploads_dir

    work = Path(data_dir) / "work"
    work.mkdir(parents=True, exist_ok=True)
    county.work_dir = work
    county.engine  # noqa: B018 - migrate before serving
    app = create_app(county, upload_dir=uploads_dir(data_dir), **kw)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_config=None, lifespan="on",
                                           limit_concurrency=200, backlog=256))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(20)
        sock.close()
