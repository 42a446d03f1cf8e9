"""Tests of the desktop app (pytest-qt), and of the pure paint plan the panes follow."""
