"""The Textual workbench. Import ``gil_tui.app.workbench`` for the App; this package stays import-light."""
