"""PySide6 GUI: one module per screen over the core services.

``app.run_gui`` starts the application; ``app.build_main_window`` builds the main
window over given services (tests, screenshots). Nothing here is imported by the
core, printing or sync packages.
"""
