"""The installer build's helpers: version, Debian fields, ldd/dpkg parsing, the built program's checks.

Nothing here freezes or packs anything (.ci/package does); these run in milliseconds.
"""

from __future__ import annotations

import configparser
import importlib.util
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", ROOT / "packaging" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


build = _load("build")
check_bundle = _load("check_bundle")


def test_version_comes_from_pyproject():
    with (ROOT / "pyproject.toml").open("rb") as f:
        assert build.read_version() == tomllib.load(f)["project"]["version"]
    assert check_bundle.expected_version() == build.read_version()
    import policydiff

    assert policydiff.__version__ == build.read_version()


@pytest.mark.parametrize(
    ("python", "debian"),
    [("0.1.0", "0.1.0"), ("1.0rc1", "1.0~rc1"), ("2.3.0a2", "2.3.0~a2"), ("1.2.dev3", "1.2~dev3")],
)
def test_deb_version_sorts_prereleases_first(python, debian):
    assert build.deb_version(python) == debian


def test_parse_ldd():
    output = (
        "\tlinux-vdso.so.1 (0x00007ffd)\n"
        "\tlibQt6Core.so.6 => /opt/policydiff/_internal/libQt6Core.so.6 (0x00007f00)\n"
        "\tlibxcb-cursor.so.0 => not found\n"
        "\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f01)\n"
        "\t/lib64/ld-linux-x86-64.so.2 (0x00007f02)\n"
    )
    resolved, missing = build.parse_ldd(output)
    assert resolved == {
        "libQt6Core.so.6": "/opt/policydiff/_internal/libQt6Core.so.6",
        "libc.so.6": "/lib/x86_64-linux-gnu/libc.so.6",
    }
    assert missing == ["libxcb-cursor.so.0"]


def test_parse_dpkg_search():
    output = (
        "libc6:amd64: /lib/x86_64-linux-gnu/libc.so.6\n"
        "diversion by foo from: /usr/bin/bar\n"
        "libgl1:amd64, libgl1:i386: /usr/lib/x86_64-linux-gnu/libGL.so.1\n"
        "libxcb1: /usr/lib/x86_64-linux-gnu/libxcb.so.1\n"
    )
    assert build.parse_dpkg_search(output) == {
        "/lib/x86_64-linux-gnu/libc.so.6": "libc6",
        "/usr/lib/x86_64-linux-gnu/libGL.so.1": "libgl1",
        "/usr/lib/x86_64-linux-gnu/libxcb.so.1": "libxcb1",
    }


def test_optional_plugins(tmp_path):
    bundle = tmp_path / "policydiff"
    plugins = bundle / "_internal" / "PySide6" / "Qt" / "plugins"
    assert build.is_optional(plugins / "platformthemes" / "libqxdgdesktopportal.so", bundle)
    assert build.is_optional(plugins / "platforms" / "libqwayland.so", bundle)
    assert not build.is_optional(plugins / "platforms" / "libqxcb.so", bundle)
    assert not build.is_optional(bundle / "_internal" / "libQt6Gui.so.6", bundle)


def test_control_file():
    info = build.DebInfo(
        version="0.1.0",
        architecture="amd64",
        installed_size_kib=1234,
        depends=("libc6 (>= 2.36)", "libxcb1"),
        recommends=("libwayland-egl1",),
    )
    text = build.control_file(info)
    fields = dict(line.split(": ", 1) for line in text.splitlines() if not line.startswith(" "))
    assert fields["Package"] == "policydiff"
    assert fields["Depends"] == "libc6 (>= 2.36), libxcb1"
    assert fields["Recommends"] == "libwayland-egl1"
    assert fields["Installed-Size"] == "1234"
    assert text.endswith("\n") and "\n\n" not in text


def test_desktop_entry_starts_the_app_from_the_menu():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(ROOT / "packaging" / "linux" / "policydiff.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"] == "policydiff"  # /usr/bin/policydiff; no command starts the GUI
    assert section["Icon"] == "policydiff"  # /usr/share/icons/hicolor/*/apps/policydiff.*
    assert section["Terminal"] == "false"
    assert section["Categories"].endswith(";")


def _comparison(**summary_overrides):
    pairs = [
        {
            "status": "changed",
            "moved": True,
            "manual": False,
            "figures": [{"status": "changed"}],
            "edits": [{"op": "replace", "left": "应当", "right": "可以"}],
        },
        {"status": "added", "moved": False, "manual": False, "figures": []},
        {"status": "unchanged", "moved": False, "manual": False, "figures": [{"status": "unchanged"}]},
    ]
    summary = {
        "pairs": 3,
        "unchanged": 1,
        "changed": 1,
        "added": 1,
        "removed": 0,
        "moved": 1,
        "manual": 0,
        "figures_changed": 1,
    }
    return {"schema": "policydiff.comparison/1", "pairs": pairs, "summary": {**summary, **summary_overrides}}


def test_check_comparison_json_accepts_a_consistent_comparison():
    assert "pairs 3" in check_bundle.check_comparison_json(_comparison())


def test_check_comparison_json_rejects_changed_pairs_without_word_edits():
    data = _comparison()
    for pair in data["pairs"]:
        pair.pop("edits", None)
    with pytest.raises(check_bundle.CheckFailed, match="segmentation"):
        check_bundle.check_comparison_json(data)


def test_written_caches_finds_a_dictionary_cache(tmp_path):
    (tmp_path / "cache").mkdir()
    (tmp_path / "tmp").mkdir()
    (tmp_path / "tmp" / "report.html").write_text("x")
    assert check_bundle.written_caches(tmp_path) == []
    (tmp_path / "tmp" / "jieba.cache").write_bytes(b"x")
    assert check_bundle.written_caches(tmp_path) == ["tmp/jieba.cache"]


def test_bundle_recipe_leaves_jieba_out():
    spec = (ROOT / "packaging" / "policydiff.spec").read_text(encoding="utf-8")
    assert '"jieba",' in spec and "jieba_cache" not in spec
    assert "jieba" not in (ROOT / "packaging" / "build.py").read_text(encoding="utf-8")


def test_bundle_is_built_from_the_checkout_without_a_staged_copy():
    """The spec analyses the checkout's package and its resources; build.py copies nothing first."""
    spec = (ROOT / "packaging" / "policydiff.spec").read_text(encoding="utf-8")
    assert "pathex=[str(ROOT)]" in spec
    assert 'resources = ROOT / "policydiff" / "resources"' in spec
    assert "STAGED" not in spec and "POLICYDIFF_PREPARED" not in spec
    assert not hasattr(build, "stage_sources")
    assert 'copytree(root / "policydiff"' not in (ROOT / "packaging" / "build.py").read_text(encoding="utf-8")


@pytest.mark.slow
def test_wheel_holds_the_sample_pair_resources_and_licence(tmp_path):
    """Builds the wheel (pip fetches setuptools>=77 into an isolated build environment)."""
    import subprocess
    import zipfile

    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("policydiff-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    data = f"policydiff-{build.read_version()}.data/data/share/policydiff/seeds/"
    assert {data + "000_22597a2fc5b61001.txt", data + "002_59720e67ef255997.txt"} <= names
    assert {"policydiff/resources/report.html.j2", "policydiff/resources/report.css"} <= names
    assert any(n.startswith("policydiff/resources/i18n/") and n.endswith(".qm") for n in names)
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)


@pytest.mark.parametrize("wrong", [{"pairs": 4}, {"changed": 0}, {"moved": 0}, {"figures_changed": 2}])
def test_check_comparison_json_rejects_inconsistent_counts(wrong):
    with pytest.raises(check_bundle.CheckFailed):
        check_bundle.check_comparison_json(_comparison(**wrong))


def test_check_comparison_json_rejects_other_schema_and_no_pairs():
    with pytest.raises(check_bundle.CheckFailed):
        check_bundle.check_comparison_json({**_comparison(), "schema": "other/1"})
    with pytest.raises(check_bundle.CheckFailed):
        check_bundle.check_comparison_json({**_comparison(), "pairs": []})


def test_unexpected_stderr():
    allowed = "This plugin does not support propagateSizeHints()\n"
    assert check_bundle.unexpected_stderr(allowed + "\n") == []
    assert check_bundle.unexpected_stderr(allowed + "Fontconfig error: cannot load\n") == [
        "Fontconfig error: cannot load"
    ]
    assert check_bundle.unexpected_stderr("policydiff: scan.pdf: OCR page 2/14\n") == []


def test_bundle_recipe_leaves_ocr_out():
    """The bundle stays small: OCR (onnxruntime, OpenCV) is the [ocr] extra, not frozen in."""
    spec = (ROOT / "packaging" / "policydiff.spec").read_text(encoding="utf-8")
    for module in ("rapidocr_onnxruntime", "onnxruntime", "cv2"):
        assert f'"{module}",' in spec


def test_ocr_bundle_recipe_takes_ocr_in_and_keeps_vendored_libraries():
    """The "with OCR" bundle (POLICYDIFF_OCR=1) freezes the engine and its models; a wheel's
    libraries under hashed names (Pillow's libxcb-9065bb12.so) are never left to the system."""
    spec = (ROOT / "packaging" / "policydiff.spec").read_text(encoding="utf-8")
    assert 'NAME = "policydiff-ocr" if OCR else "policydiff"' in spec
    assert '"policydiff.io.scan.engine"' in spec and 'collect_data_files("rapidocr_onnxruntime")' in spec
    assert "not _vendored(entry[0])" in spec
    assert "STRIP = not WINDOWS and not OCR" in spec  # strip breaks numpy's patched OpenBLAS


def test_ocr_bundle_refuses_an_environment_with_full_opencv(monkeypatch):
    from importlib import metadata

    installed = {"rapidocr-onnxruntime", "onnxruntime", "numpy", "pillow", "opencv-python-headless"}

    def distribution(name):  # type: ignore[no-untyped-def]
        if name in installed:
            return object()
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "distribution", distribution)
    build.check_ocr_environment()  # the headless OpenCV only: fine
    installed.add("opencv-python")
    with pytest.raises(SystemExit, match="opencv-python-headless only"):
        build.check_ocr_environment()
    installed -= {"opencv-python", "onnxruntime"}
    with pytest.raises(SystemExit, match="needs onnxruntime"):
        build.check_ocr_environment()


def test_check_draws_a_scan_without_a_text_layer(tmp_path):
    pytest.importorskip("PIL")
    pypdfium2 = pytest.importorskip("pypdfium2")
    try:
        check_bundle.cjk_font()
    except check_bundle.CheckFailed:
        pytest.skip("no Noto CJK font")
    text = (ROOT / "seeds" / check_bundle.SCAN_SEED).read_text(encoding="utf-8")
    pages, drawn = check_bundle.scanned_pdf(text, tmp_path / "scan.pdf")
    document = pypdfium2.PdfDocument(tmp_path / "scan.pdf")
    assert len(document) == pages == check_bundle.SCAN_PAGES
    assert text.startswith(drawn.splitlines()[0]) and 200 < len(drawn) < len(text)
    assert all(not document[i].get_textpage().get_text_range().strip() for i in range(pages))


def test_char_accuracy_counts_misreadings_and_extra_characters():
    assert check_bundle.char_accuracy("为深入 贯彻", "为深入贯彻") == 1.0
    assert check_bundle.char_accuracy("为深人贯彻", "为深入贯彻") == pytest.approx(0.8)
    assert check_bundle.char_accuracy("为深入贯彻页眉", "为深入贯彻") == pytest.approx(0.6)
