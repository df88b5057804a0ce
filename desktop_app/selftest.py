"""``desktop-app --self-test``: prove that an installed copy (above all the
PyInstaller bundle) has everything it needs at run time, without a screen.

Each step prints one line; the first failure prints ``self-test FAILED at <step>:
<reason>`` on stderr and the exit code is 1. Steps:

1. files      fonts with their licences, forms, catalogue, standards, migrations;
2. database   a new data folder in a temp directory: Alembic runs every migration
              from the script files on disk, then one demo application is recorded
              and its receipt rendered and stored;
3. receipt    a receipt whose applicant's name has a CJK Extension-B character
              (needs the bundled UMing font), the body font embedded, page 1
              rasterised by PDFium (what the printer gets) and not blank;
4. sync       age encryption and Ed25519 signature round trips, every sync JSON
              Schema loads and is a valid schema;
   calendar   the provisional calendar: the statutory holidays of a year the official
              calendar does not know, computed with the lunar package (2027: 元旦,
              春节 from 除夕 on 2027-02-05, 清明 on 2027-04-05);
5. translation our zh_CN.qm and Qt's own qtbase_zh_CN.qm load and translate;
   qr         issue 17: a receipt signed with a throwaway key, page 1 rasterised by
              PDFium, its QR code read by zxing-cpp (Pillow) and verified (cbor2,
              base45, Ed25519, the content digest through pypdf) → genuine; the same
              code against another key → unknown signer; httpx is in the copy;
6. gui        a QApplication (offscreen when there is no display) registers the
              bundled fonts, finds the print-support and JPEG plugins and paints
              the login dialog.

Takes about 2-3 s; nothing is left behind (the temp folder is removed).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from .core.services import Services

# 刘𡈼𪚥芳: U+2123C (CJK Extension B) is only in the bundled UMing font.
RARE_NAME = "刘\U0002123C\U0002A6A5芳"  # Ext-B in UMing; 𪚥 only in BabelStone Han (issue 14)


class StepFailed(Exception):
    pass


def _check(condition: bool, reason: str) -> None:
    if not condition:
        raise StepFailed(reason)


def step_files() -> str:
    from . import forms_dir, resources_dir
    from .core.db import MIGRATIONS_DIR

    res = resources_dir()
    needed = [res / "fonts" / n for n in ("uming.ttc", "wqy-microhei.ttc", "ARPHICPL.TXT",
                                           "WQY-MICROHEI-LICENSE.txt")]
    needed += [res / "catalog" / "items.json", res / "standards.json",
               res / "statutory_holidays.json", res / "release.json",
               forms_dir() / "receipt.json", MIGRATIONS_DIR / "env.py"]
    missing = [str(p) for p in needed if not p.is_file()]
    _check(not missing, "missing " + ", ".join(missing))
    versions = sorted(p.name for p in (MIGRATIONS_DIR / "versions").glob("[0-9]*.py"))
    _check(bool(versions), f"no migration scripts in {MIGRATIONS_DIR / 'versions'}")
    forms = len(list(forms_dir().glob("*.json")))
    return f"resources in {res}, {forms} forms, {len(versions)} migrations"


def step_database(folder: Path, state: dict[str, Services]) -> str:
    from sqlalchemy import select, text

    from .core.models import Document
    from .core.services import Services
    from .core.services.demo import fill_demo

    services = Services.open(folder)
    state["services"] = services
    with services.ctx.db.engine.connect() as conn:
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    _check(bool(revision), "no schema revision after the migrations")
    fill_demo(services, 1, seed=1)
    with services.ctx.db.read() as s:
        doc_id = s.scalar(select(Document.id).order_by(Document.id).limit(1))
    if doc_id is None:
        raise StepFailed("the demo application produced no document")
    pdf = services.documents.original_pdf(doc_id).read_bytes()
    _check(pdf.startswith(b"%PDF"), "the stored receipt is not a PDF")
    return f"schema {revision}, demo receipt {len(pdf)} bytes"


def step_receipt() -> str:
    from .printing import render_document, samples
    from .printing.fonts import BODY, FALLBACK, unprintable_chars

    data = samples.receipt()
    name = data["applicant"]["name"] = RARE_NAME
    rare = [c for c in name if ord(c) > 0xFFFF]
    _check(not unprintable_chars(name), "the bundled fonts cannot print the sample name")
    pdf = render_document("receipt", data)
    _check(pdf.startswith(b"%PDF"), "render_document returned no PDF")
    embedded = sorted({m.decode().split("+")[-1] for m in
                       re.findall(rb"/BaseFont\s*/([A-Za-z0-9+_-]+)", pdf)})
    for spec in (BODY, FALLBACK):
        _check(any(spec.reportlab_name in f for f in embedded), f"{spec.family} not embedded "
               f"(fonts: {embedded})")
    points = " ".join(f"U+{ord(c):X}" for c in rare)
    pixels = _rasterise(pdf)
    return (f"{len(pdf)} bytes, name with {points}, embedded {', '.join(embedded)}, "
            f"PDFium page {pixels}")


def _rasterise(pdf: bytes) -> str:
    """Render page 1 with PDFium (the printer path) and check it is not blank."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    try:
        bitmap = doc[0].render(scale=0.5, grayscale=True)
        data = bytes(bitmap.buffer)
        size = f"{bitmap.width}x{bitmap.height}"
    finally:
        doc.close()
    inked = sum(1 for b in data[::7] if b < 128)
    _check(inked > 100, f"PDFium rendered an empty page ({size})")
    return size


def step_qr(folder: Path) -> str:
    """issue 17: the signed QR code of a document, end to end (docs/verification.md)."""
    import httpx  # noqa: F401  (the upload client: in the copy)
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from sync_contract import docqr
    from sync_contract.docverify import TrustedKey, TrustList
    from sync_contract.keys import fingerprint, public_key_b64

    from .printing import render_document, samples

    def trust_of(signer: Ed25519PrivateKey) -> TrustList:
        out = TrustList()
        out.add_key(TrustedKey(receipt["township"]["code"], public_key_b64(signer),
                               fingerprint(signer.public_key())))
        return out

    key = Ed25519PrivateKey.generate()
    receipt = samples.receipt()
    trust = trust_of(key)
    pdf = render_document("receipt", receipt, signing_key=key)
    path = folder / "qr-receipt.pdf"
    path.write_bytes(pdf)
    report = trust.check_file(path)
    _check(report.status == docqr.GENUINE, f"the signed receipt verified as {report.status}")
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    try:
        image = doc[0].render(scale=150 / 72, grayscale=True).to_pil()
    finally:
        doc.close()
    png = folder / "qr-receipt.png"
    image.save(png)
    scanned = trust.check_file(png)
    _check(scanned.status == docqr.GENUINE, f"the 150 dpi image verified as {scanned.status}")
    other = Ed25519PrivateKey.generate()
    stranger = trust_of(other).check_file(png)
    _check(stranger.status == docqr.UNKNOWN_SIGNER, f"another key gave {stranger.status}")
    return f"PDF and 150 dpi scan genuine, {report.codes} code(s), unknown key refused"


def step_sync() -> str:
    import json

    import pyrage
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from jsonschema import Draft202012Validator
    from pyrage import x25519

    from sync_contract.envelope import SCHEMA_DIR

    identity = x25519.Identity.generate()
    secret = "self-test 自检".encode()
    _check(pyrage.decrypt(pyrage.encrypt(secret, [identity.to_public()]), [identity]) == secret,
           "age round trip changed the data")
    key = Ed25519PrivateKey.generate()
    key.public_key().verify(key.sign(secret), secret)  # raises InvalidSignature
    schemas = sorted(SCHEMA_DIR.glob("*.schema.json"))
    _check(bool(schemas), f"no JSON Schemas in {SCHEMA_DIR}")
    for path in schemas:
        Draft202012Validator.check_schema(json.loads(path.read_text("utf-8")))
    return f"age + Ed25519 round trip, {len(schemas)} schemas valid"


def step_calendar() -> str:
    """The lunar package and the cited data are in the copy (the bundle imports the
    package lazily, so only running it proves it is there)."""
    from datetime import date

    from .core.rules.statutory import default_rules
    from .core.rules.workdays import WorkCalendar

    rules = default_rules()
    days = rules.holidays(2027)
    want = {date(2027, 1, 1): "元旦", date(2027, 2, 5): "春节", date(2027, 4, 5): "清明节"}
    wrong = {d.isoformat(): days.get(d) for d, name in want.items() if days.get(d) != name}
    _check(not wrong, f"2027 statutory holidays computed wrongly: {wrong}")
    cal = WorkCalendar()
    _check(not cal.is_workday(date(2027, 1, 1)) and not cal.is_known(date(2027, 1, 1)),
           "2027-01-01 is not a provisional holiday")
    return f"2027: {len(days)} statutory days computed, law of {rules.versions[-1].effective_from}"


def step_translation() -> str:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from .gui.app import I18N_DIR

    ours = QTranslator()
    _check(ours.load(str(I18N_DIR / "zh_CN.qm")), f"cannot load {I18N_DIR / 'zh_CN.qm'}")
    title = ours.translate("App", "Social Assistance Window")
    _check(bool(title) and title != "Social Assistance Window", "zh_CN.qm has no App title")
    qt = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _check(qt.load("qtbase_zh_CN", qt_dir), f"cannot load qtbase_zh_CN from {qt_dir}")
    return "zh_CN.qm and qtbase_zh_CN.qm loaded"


def step_gui(state: dict[str, Services]) -> str:
    if (not os.environ.get("QT_QPA_PLATFORM") and sys.platform.startswith("linux")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import shiboken6
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtGui import QImageReader
    from PySide6.QtPrintSupport import QPrinter  # noqa: F401 - the module must import
    from PySide6.QtWidgets import QApplication

    from .gui.app import UI_FAMILIES, install_translators, register_fonts
    from .gui.auth.login import LoginDialog

    # instance() is typed as the QCoreApplication; in this process it can only be ours
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    families = register_fonts(app)
    _check(set(families) == set(UI_FAMILIES), f"Qt registered fonts {families}")
    install_translators(app, "zh_CN")
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    _check({"png", "jpg", "ico"} <= formats, f"image formats {sorted(formats)}")
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    if sys.platform.startswith("linux"):  # Qt 6 builds Windows printing into QtPrintSupport
        _check(any((plugins / "printsupport").glob("*cups*")),
               f"no CUPS print-support plugin in {plugins}")
    dialog = LoginDialog(state["services"])
    try:
        pixmap = dialog.grab()
        _check(not pixmap.isNull() and pixmap.width() > 0, "the login dialog did not paint")
        title = dialog.windowTitle()
    finally:
        shiboken6.delete(dialog)
    return (f"platform {app.platformName()}, fonts {' + '.join(families)}, "
            f"login dialog {pixmap.width()}x{pixmap.height()} '{title}'")


def step_spreadsheets(folder: Path) -> str:
    """issue 16: the 台账 writer (XlsxWriter), the import reader (python-calamine) and PDF
    joining (pypdf) are in this copy and work."""
    import io

    import pypdf
    from python_calamine import CalamineWorkbook

    from .core.xlsx import Column, Sheet, write_xlsx

    path = folder / "selftest.xlsx"
    write_xlsx(path, [Sheet("台账", [Column("证件号码", 21, "id"), Column("姓名")],
                            [["11010119900307451X", RARE_NAME]], title="台账")])
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    _check(rows[-1] == ["11010119900307451X", RARE_NAME], f"read back {rows[-1]!r}")
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    joined = pypdf.PdfReader(io.BytesIO(out.getvalue()))
    _check(len(joined.pages) == 1, "pypdf wrote no page")
    return f"xlsx {path.stat().st_size} bytes read back by calamine, pypdf {pypdf.__version__}"


def run(*, gui: bool = True) -> int:
    folder = Path(tempfile.mkdtemp(prefix="township-selftest-"))
    state: dict[str, Services] = {}
    started = time.perf_counter()
    steps = [("files", step_files), ("database", lambda: step_database(folder, state)),
             ("receipt", step_receipt), ("qr", lambda: step_qr(folder)),  # issue 17
             ("sync", step_sync), ("calendar", step_calendar),
             ("translation", step_translation),
             ("spreadsheet", lambda: step_spreadsheets(folder))]  # issue 16 — ledgers
    if gui:
        steps.append(("gui", lambda: step_gui(state)))
    try:
        for name, step in steps:
            t0 = time.perf_counter()
            try:
                detail = step()
            except Exception as exc:
                print(f"self-test FAILED at {name}: {_reason(exc)}", file=sys.stderr)
                return 1
            _print(f"self-test {name:<11} ok  {(time.perf_counter() - t0) * 1000:6.0f} ms  {detail}")
        frozen = "bundle" if getattr(sys, "frozen", False) else "source"
        _print(f"self-test ok ({frozen}, {time.perf_counter() - started:.1f} s)")
        return 0
    finally:
        services = state.get("services")
        if services is not None:
            services.close()
        shutil.rmtree(folder, ignore_errors=True)


def _reason(exc: BaseException) -> str:
    """One line: the message, or for a bare exception where it was raised."""
    if isinstance(exc, StepFailed):
        return str(exc)
    text = str(exc).splitlines()[0] if str(exc) else ""
    if not text:
        import traceback

        frame = traceback.extract_tb(exc.__traceback__)[-1]
        text = f"raised in {Path(frame.filename).name}:{frame.lineno} ({frame.name})"
    return f"{type(exc).__name__}: {text}"


def _print(line: str) -> None:
    """Print even where the console's code page lacks a character (cp936 …)."""
    stream = sys.stdout
    if stream is None:  # windowed executable: no console to write to
        return
    encoding = getattr(stream, "encoding", None) or "utf-8"
    print(line.encode(encoding, "replace").decode(encoding), file=stream, flush=True)
