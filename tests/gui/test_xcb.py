"""Before Qt loads on Linux, the app names the X11 libraries that are missing (Qt names the wrong one)."""

from policydiff.gui.xcb import XCB_LIBRARIES, missing_packages, startup_problem, uses_xcb


def test_the_missing_packages_are_named_with_the_install_line():
    missing = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    problem = startup_problem({"DISPLAY": ":0"}, "linux", lambda name: name not in missing)
    assert problem is not None
    assert problem.endswith("sudo apt install libxcb-icccm4 libxcb-keysyms1")
    assert "libxcb-cursor0" not in problem


def test_nothing_to_say_when_every_library_loads_or_xcb_is_not_used():
    assert startup_problem({"DISPLAY": ":0"}, "linux", lambda name: True) is None
    assert startup_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", lambda name: False) is None
    assert startup_problem({}, "win32", lambda name: False) is None
    assert not uses_xcb({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")


def test_every_library_maps_to_a_package():
    assert len(missing_packages(lambda name: False)) == len(set(XCB_LIBRARIES.values()))
