"""The clerk's process for ``test_gui_draft_kill.py``: the real main window (threaded task
runner) over ``argv[1]``, a form typed as a clerk would, then nothing but waiting — until
the test SIGKILLs it. Prints ``autosaved <id>`` once the draft is committed."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from desktop_app.core.services import Services
    from desktop_app.gui.app import build_main_window
    from desktop_app.gui.kit.widgets import commit_text
    from tests.helpers.gui import actor_for

    app = QApplication([])
    services = Services.open(Path(sys.argv[1]))
    actor = actor_for(services, "clerk1")
    window = build_main_window(services, actor, data_dir=Path(sys.argv[1]))
    intake = window.intake
    intake.ask_restore = lambda *_a: "later"
    window.show()
    app.processEvents()
    a = intake.applicant
    commit_text(a.name, "王小明")
    a.id_number.setText(sys.argv[2])
    a.phone.setText("13812345678")
    commit_text(a.hukou_address, "石桥村12号")
    spouse = intake.members.add_member()
    spouse.relation.setCurrentIndex(spouse.relation.findData("配偶"))
    commit_text(spouse.name, "李秀英")
    intake.incomes["wage"].setText("1200元")
    intake.items.boxes["DIBAO"].setChecked(True)
    commit_text(intake.hardship, "因病致贫")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        app.processEvents()
        pending = services.drafts.pending_drafts(actor)
        if pending and intake.draft_id is not None and not intake._dirty \
                and services.drafts.load_draft(actor, pending[0].id).draft == intake.draft():
            print(f"autosaved {pending[0].id}", flush=True)
            break
        time.sleep(0.05)
    else:
        print("no autosave", flush=True)
        sys.exit(3)
    while True:   # the clerk keeps the window open; the power goes
        app.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    main()
