"""The desktop app (PySide6): a thin layer that shows a Comparison made by the pure core.

Modules: app (start-up), mainwindow, panes (document views), sync (scroll alignment), marks (what to
paint, Qt-free), outline, figures_table, menus, session (documents + jobs), jobs, settings, i18n.
Nothing outside this package imports it, except the command line, lazily. PySide6-Essentials 6.12.0
is excluded in pyproject.toml: it drops references to None/True on every signal emit, which aborts
Python 3.11.
"""
