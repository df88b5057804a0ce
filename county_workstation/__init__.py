"""The county workstation: the county receiver's PySide6 program (docs/county-workstation.md).

It sits on the Qt-free county core (``county_receiver``) and the township's generic GUI
kit (``desktop_app.gui.kit``: one task runner, one error presenter, the widgets); it never
imports the township's services, models, database or screens (``.importlinter``).
"""

APP_NAME = "TownshipCountyReceiver"   # the data folder shared with ``county-receiver``
