"""The window's actions, shortcuts and menus, in one table-like place.

Each action gets an object name (tests find it by name), a shortcut where one is expected by people
who compare documents all day, and a status tip. Wiring to behaviour is the window's job.
May import: PySide6 and policydiff.model.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from policydiff.model import NormalizeMode

NORMALIZE_LABELS = (
    (NormalizeMode.T2S, QT_TRANSLATE_NOOP("MenuBuilder", "Traditional → Simplified (t2s)")),
    (NormalizeMode.TW2SP, QT_TRANSLATE_NOOP("MenuBuilder", "Taiwan → Mainland phrasing (tw2sp)")),
    (NormalizeMode.HK2S, QT_TRANSLATE_NOOP("MenuBuilder", "Hong Kong → Simplified (hk2s)")),
    (NormalizeMode.NONE, QT_TRANSLATE_NOOP("MenuBuilder", "No normalization")),
)
LANGUAGE_LABELS = (
    ("system", QT_TRANSLATE_NOOP("MenuBuilder", "System language")),
    ("zh_CN", "中文"),
    ("en", "English"),
)


@dataclass
class Actions:
    open_left: QAction
    open_right: QAction
    recent_left: QMenu
    recent_right: QMenu
    recent_pairs: QMenu
    clear_recent: QAction
    swap: QAction
    reload: QAction
    save_report: QAction
    save_json: QAction
    save_as: QAction
    save_redline: QAction
    coverage: QAction
    history: QAction
    quit: QAction
    copy_unit: QAction
    pair: QAction
    unpair: QAction
    undo: QAction
    redo: QAction
    find: QAction
    find_next: QAction
    find_prev: QAction
    show_rewrites: QAction
    legend: QAction
    keys: QAction
    next_diff: QAction
    prev_diff: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    normalize: dict[NormalizeMode, QAction]
    show_normalization_diffs: QAction
    recompare: QAction
    cancel: QAction
    auto_reload: QAction
    language: dict[str, QAction]
    about: QAction
    menus: dict[str, QMenu]


def _action(
    window: QMainWindow,
    name: str,
    text: str,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    window.addAction(action)  # shortcuts work even while a menu bar is hidden
    return action


def build_menus(window: QMainWindow) -> Actions:
    """Create every action and the menu bar of ``window``."""
    return MenuBuilder().build(window)


class MenuBuilder(QObject):
    """Builds the menus; a QObject so its texts have one translation context."""

    def build(self, window: QMainWindow) -> Actions:
        bar = window.menuBar()
        menus: dict[str, QMenu] = {}

        file_menu = menus["file"] = bar.addMenu(self.tr("&File"))
        open_left = _action(
            window,
            "openLeft",
            self.tr("Open &Left Document…"),
            "Ctrl+O",
            self.tr("Choose the document shown on the left"),
        )
        open_right = _action(
            window,
            "openRight",
            self.tr("Open &Right Document…"),
            "Ctrl+Shift+O",
            self.tr("Choose the document shown on the right"),
        )
        file_menu.addAction(open_left)
        file_menu.addAction(open_right)
        recent_left = file_menu.addMenu(self.tr("Open Recent on Left"))
        recent_left.setObjectName("recentLeft")
        recent_right = file_menu.addMenu(self.tr("Open Recent on Right"))
        recent_right.setObjectName("recentRight")
        recent_pairs = file_menu.addMenu(self.tr("Open Recent &Pair"))
        recent_pairs.setObjectName("recentPairs")
        clear_recent = _action(window, "clearRecent", self.tr("Clear Recent Files"))
        file_menu.addSeparator()
        swap = _action(
            window,
            "swap",
            self.tr("S&wap Sides"),
            "Ctrl+Shift+X",
            self.tr("Show the left document on the right and back"),
        )
        reload = _action(
            window,
            "reload",
            self.tr("Reload &Documents"),
            "Ctrl+R",
            self.tr("Read both documents from disk again"),
        )
        file_menu.addAction(swap)
        file_menu.addAction(reload)
        file_menu.addSeparator()
        save_report = _action(
            window,
            "saveReport",
            self.tr("&Save Report as HTML…"),
            QKeySequence.StandardKey.Save,
            self.tr("Write the comparison as an HTML report"),
        )
        save_json = _action(
            window,
            "saveJson",
            self.tr("Export &JSON…"),
            "Ctrl+Shift+E",
            self.tr("Write the comparison as JSON"),
        )
        save_as = _action(
            window,
            "saveAs",
            self.tr("Save &As…"),
            QKeySequence.StandardKey.SaveAs,
            self.tr("Write the comparison as an HTML report, a Word comparison table or JSON"),
        )
        save_redline = _action(
            window,
            "saveRedline",
            self.tr("Save Re&dline as Word…"),
            "Ctrl+Shift+D",
            self.tr("Write the right document with every difference as a tracked change (修订)"),
        )
        file_menu.addAction(save_report)
        file_menu.addAction(save_as)
        file_menu.addAction(save_json)
        file_menu.addAction(save_redline)
        file_menu.addSeparator()
        coverage = _action(
            window,
            "coverage",
            self.tr("One Against &Many…"),
            "Ctrl+M",
            self.tr("Compare one policy with each of its implementations"),
        )
        file_menu.addAction(coverage)
        history = _action(
            window,
            "history",
            self.tr("Version &History…"),
            "Ctrl+Shift+H",
            self.tr("Follow every article of a document through several versions"),
        )
        file_menu.addAction(history)
        file_menu.addSeparator()
        quit_ = _action(window, "quit", self.tr("&Quit"), QKeySequence.StandardKey.Quit)
        file_menu.addAction(quit_)

        edit_menu = menus["edit"] = bar.addMenu(self.tr("&Edit"))
        copy_unit = _action(
            window,
            "copyUnit",
            self.tr("&Copy Unit Text"),
            "Ctrl+Shift+C",
            self.tr("Copy the text of the selected unit"),
        )
        pair = _action(
            window,
            "pairUnits",
            self.tr("&Pair Selected Units"),
            "Ctrl+P",
            self.tr("Pair the unit selected on the left with the unit selected on the right"),
        )
        unpair = _action(
            window,
            "unpair",
            self.tr("&Unpair"),
            "Ctrl+U",
            self.tr("Split the selected pair into a removed and an added unit"),
        )
        undo = _action(
            window,
            "undo",
            self.tr("&Undo Pairing"),
            "Ctrl+Z",
            self.tr("Take back the last pairing or unpairing"),
        )
        redo = _action(window, "redo", self.tr("&Redo Pairing"), "Ctrl+Shift+Z")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        find = _action(window, "find", self.tr("&Find…"), "Ctrl+F", self.tr("Find text in either document"))
        find_next = _action(window, "findNext", self.tr("Find &Next"), "F3")
        find_prev = _action(window, "findPrev", self.tr("Find Pre&vious"), "Shift+F3")
        for action in (undo, redo, None, copy_unit, pair, unpair, None, find, find_next, find_prev):
            if action is None:
                edit_menu.addSeparator()
            else:
                edit_menu.addAction(action)

        view_menu = menus["view"] = bar.addMenu(self.tr("&View"))
        next_diff = _action(
            window,
            "nextDiff",
            self.tr("&Next Difference"),
            "F7",
            self.tr("Go to the next change: word by word inside long pairs, then the next unit"),
        )
        prev_diff = _action(
            window,
            "prevDiff",
            self.tr("&Previous Difference"),
            "Shift+F7",
            self.tr("Go to the previous difference"),
        )
        view_menu.addAction(next_diff)
        view_menu.addAction(prev_diff)
        view_menu.addSeparator()
        show_rewrites = _action(
            window,
            "showRewrites",
            self.tr("Show &Rewrites as Plain Text"),
            tip=self.tr(
                "Pairs under {n}% similar: plain text with shared phrases and changed figures marked"
            ),
        )
        show_rewrites.setCheckable(True)
        legend = _action(
            window, "legend", self.tr("&Legend"), "Ctrl+L", self.tr("What each colour and mark means")
        )
        legend.setCheckable(True)
        view_menu.addAction(show_rewrites)
        view_menu.addAction(legend)
        view_menu.addSeparator()
        zoom_in = _action(window, "zoomIn", self.tr("Zoom &In"), "Ctrl+=")
        zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence(QKeySequence.StandardKey.ZoomIn)])
        zoom_out = _action(window, "zoomOut", self.tr("Zoom &Out"), "Ctrl+-")
        zoom_reset = _action(window, "zoomReset", self.tr("&Actual Size"), "Ctrl+0")
        for action in (zoom_in, zoom_out, zoom_reset):
            view_menu.addAction(action)
        view_menu.addSeparator()
        docks_menu = menus["panels"] = view_menu.addMenu(self.tr("Panels"))
        docks_menu.setObjectName("panelsMenu")
        language_menu = menus["language"] = view_menu.addMenu(self.tr("Language"))
        language_menu.setObjectName("languageMenu")
        language_group = QActionGroup(window)
        language: dict[str, QAction] = {}
        for key, label in LANGUAGE_LABELS:
            action = _action(
                window, f"language_{key}", self.tr(str(label)) if key == "system" else str(label)
            )
            action.setCheckable(True)
            action.setData(key)
            language_group.addAction(action)
            language_menu.addAction(action)
            language[key] = action

        compare_menu = menus["compare"] = bar.addMenu(self.tr("&Compare"))
        normalize_group = QActionGroup(window)
        normalize: dict[NormalizeMode, QAction] = {}
        for key, label in NORMALIZE_LABELS:
            action = _action(window, f"normalize_{key.value}", self.tr(str(label)))
            action.setCheckable(True)
            action.setData(key)
            normalize_group.addAction(action)
            compare_menu.addAction(action)
            normalize[key] = action
        compare_menu.addSeparator()
        show_norm = _action(
            window,
            "showNormalizationDiffs",
            self.tr("Show &Normalization-only Differences"),
            tip=self.tr("Also mark differences of script, width and punctuation"),
        )
        show_norm.setCheckable(True)
        compare_menu.addAction(show_norm)
        compare_menu.addSeparator()
        recompare = _action(window, "recompare", self.tr("&Recompare"), "F5")
        cancel = _action(window, "cancel", self.tr("&Cancel"), "Esc", self.tr("Stop loading or comparing"))
        auto_reload = _action(window, "autoReload", self.tr("Reload Changed Files &Automatically"))
        auto_reload.setCheckable(True)
        for action in (recompare, cancel, auto_reload):
            compare_menu.addAction(action)

        help_menu = menus["help"] = bar.addMenu(self.tr("&Help"))
        keys = _action(window, "keys", self.tr("&Keyboard Shortcuts"), "F1")
        help_menu.addAction(keys)
        about = _action(window, "about", self.tr("&About policydiff"))
        help_menu.addAction(about)

        return Actions(
            open_left=open_left,
            open_right=open_right,
            recent_left=recent_left,
            recent_right=recent_right,
            recent_pairs=recent_pairs,
            clear_recent=clear_recent,
            swap=swap,
            reload=reload,
            save_report=save_report,
            save_json=save_json,
            save_as=save_as,
            save_redline=save_redline,
            coverage=coverage,
            history=history,
            quit=quit_,
            copy_unit=copy_unit,
            pair=pair,
            unpair=unpair,
            undo=undo,
            redo=redo,
            find=find,
            find_next=find_next,
            find_prev=find_prev,
            show_rewrites=show_rewrites,
            legend=legend,
            keys=keys,
            next_diff=next_diff,
            prev_diff=prev_diff,
            zoom_in=zoom_in,
            zoom_out=zoom_out,
            zoom_reset=zoom_reset,
            normalize=normalize,
            show_normalization_diffs=show_norm,
            recompare=recompare,
            cancel=cancel,
            auto_reload=auto_reload,
            language=language,
            about=about,
            menus=menus,
        )
