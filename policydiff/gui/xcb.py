"""Before Qt starts on Linux: are the X11 (xcb) libraries Qt's window system plugin needs installed?

Without one of them Qt aborts with "Could not load the Qt platform plugin xcb" and, in its hint,
names libxcb-cursor0 whatever was really missing. The app looks for each library itself first and
names the Debian/Ubuntu packages to install, in one line. Imports no Qt: it runs before Qt loads.

May import: the standard library.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# What Qt 6's libqxcb.so and libQt6XcbQpa.so link against beyond libc, by Debian/Ubuntu package.
XCB_LIBRARIES: dict[str, str] = {
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def _loadable(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def uses_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt will start its X11 plugin: Linux, and no other platform asked for or available."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def missing_packages(loadable: Callable[[str], bool] = _loadable) -> list[str]:
    """The packages whose library cannot be loaded, in a stable order."""
    return sorted({package for library, package in XCB_LIBRARIES.items() if not loadable(library)})


def startup_problem(
    environ: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    loadable: Callable[[str], bool] = _loadable,
) -> str | None:
    """One line saying what to install before the window can open, or None when nothing is missing."""
    if not uses_xcb(os.environ if environ is None else environ, platform):
        return None
    missing = missing_packages(loadable)
    if not missing:
        return None
    names = " ".join(missing)
    return f"the desktop app needs X11 libraries missing here; install them with: sudo apt install {names}"
