"""Guard for the Qt binding pinned in pyproject.toml.

PySide6 6.12.0 drops a reference to ``True``/``False`` each time a ``Signal(bool)``
reaches a Python slot; after enough emissions the interpreter aborts with
"bool_dealloc". The app emits such signals all day, so the pin excludes 6.12.0
and this test fails if a binding with that bug is installed.
"""

import subprocess
import sys

CODE = """
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class O(QObject):
    s = Signal(bool)
o = O()
o.s.connect(lambda b: None)
for _ in range(5000):
    o.s.emit(False)
print("ok")
"""


def test_bool_signals_do_not_corrupt_refcounts():
    r = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120,
                       env={"QT_QPA_PLATFORM": "offscreen", **__import__("os").environ})
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr[-500:]
