"""The parts of the main window around the pages: workflow sidebar, header with the region
selector, menus, status bar with progress and cancel, and the workspace actions (dialogs,
drag and drop)."""
