"""The desktop app (PySide6): a thin layer that shows a Comparison made by the pure core.

Modules: app (start-up), mainwindow, panes (document views), sync (scroll alignment), marks (what to
paint, Qt-free), outline, figures_table, menus, session (documents + jobs), jobs, settings, i18n.
Nothing outside this package imports it, except the command line, lazily.
"""

from policydiff.gui import qtcompat as _qtcompat

_qtcompat.apply()
