"""The Textual workbench. Import ``gil_tui.ui.workbench`` for the App; this package stays import-light."""
