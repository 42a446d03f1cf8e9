"""Build the standalone program dist/policydiff/ and, on Linux, dist/policydiff_<version>_<arch>.deb.

Steps: find or draw the icon, run PyInstaller on packaging/policydiff.spec (which analyses the
package in this checkout, policydiff/resources included), check that every library in the bundle
resolves, then (Linux) lay out and pack the .deb with dpkg-deb. Prints sizes and times.
Run it with the Python whose packages go into the bundle:  .venv/bin/python packaging/build.py
With --ocr it builds the "with OCR" bundle dist/policydiff-ocr/ instead (no .deb), from an
environment that has the [ocr] extra with opencv-python-headless in place of opencv-python.
May import: the standard library; PyInstaller through a subprocess.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
PREPARED = ROOT / "build" / "packaging"  # what the build draws: a fallback icon, the Windows .ico
WORK = ROOT / "build" / "pyinstaller"
DIST = ROOT / "dist"
APP = "policydiff"

# Plugin folders whose system libraries are nice to have, not needed to start: a .deb Recommends them.
OPTIONAL_PLUGIN_DIRS = ("platformthemes", "platforminputcontexts", "wayland-", "libqwayland")
# Libraries that plugins load only on some desktops; missing here is no error.
OPTIONAL_MISSING = re.compile(
    r"libgtk-3|libgdk-3|libatk|libpango|libcairo|libgdk_pixbuf|libwayland|libxkbcommon"
)


@dataclass(frozen=True)
class DebInfo:
    """What goes into DEBIAN/control."""

    version: str
    architecture: str
    installed_size_kib: int
    depends: tuple[str, ...]
    recommends: tuple[str, ...] = ()
    maintainer: str = "policydiff maintainers <policydiff@users.noreply.github.com>"
    description: str = "Compare two Chinese policy documents unit by unit"


def read_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """The project version declared in pyproject.toml."""
    with pyproject.open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def deb_version(version: str) -> str:
    """A Debian version for a Python version: pre-releases sort before the release (1.0rc1 → 1.0~rc1)."""
    return re.sub(r"(?<=\d)[.-]?(a|b|rc|dev)(?=\d)", r"~\1", version)


def find_icons(root: Path, prepared: Path) -> tuple[Path, Path | None]:
    """The PNG icon (resources/icon.png, else one drawn into ``prepared``) and the SVG if there is one."""
    png = root / "policydiff" / "resources" / "icon.png"
    if not png.is_file():
        png = prepared / "icon.png"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        subprocess.run([sys.executable, str(PACKAGING / "icon.py"), str(png), "256"], check=True, env=env)
        print(f"build: resources/icon.png not found; drew {png.relative_to(root)}")
    svg = root / "policydiff" / "resources" / "icon.svg"
    return png, svg if svg.is_file() else None


def windows_icon(png: Path, ico: Path) -> Path:
    """An .ico for the .exe and the Inno Setup installer (needs Pillow, a build-only need)."""
    from PIL import Image

    with Image.open(png) as image:
        image.save(ico, sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    return ico


def run_pyinstaller(spec: Path, clean: bool, work: Path = WORK) -> float:
    """Run PyInstaller (niced) on ``spec`` into dist/ and ``work``; returns seconds taken."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(work),
        str(spec),
    ]
    if clean:
        command.insert(3, "--clean")
    if shutil.which("nice"):
        command = ["nice", "-n", "10", *command]
    started = time.monotonic()
    subprocess.run(command, check=True, cwd=ROOT)
    return time.monotonic() - started


def remove_dangling_links(folder: Path) -> list[Path]:
    """Delete symlinks whose target was pruned from the bundle (PyInstaller links Qt libraries
    into the top folder for every library it saw, kept or not); returns them."""
    dangling = [p for p in folder.rglob("*") if p.is_symlink() and not p.exists()]
    for link in dangling:
        link.unlink()
    return dangling


def elf_files(folder: Path) -> list[Path]:
    """Every ELF file (program, shared library, extension module) under ``folder``."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    found.append(path)
    return found


# The OCR libraries' wheels were patched by auditwheel (patchelf); strip corrupts such files, so
# the with-OCR bundle is frozen unstripped and everything else in it is stripped afterwards.
OCR_PACKAGES = ("numpy", "cv2", "onnxruntime", "shapely", "PIL", "pyclipper", "yaml")


def strip_bundle(bundle: Path) -> int:
    """Strip the ELF files of ``bundle`` outside the OCR libraries (and their ``*.libs`` folders);
    returns the bytes saved. Linux only (PyInstaller strips the plain bundle itself)."""
    if not sys.platform.startswith("linux") or shutil.which("strip") is None:
        return 0
    internal = bundle / "_internal"
    before = folder_size(bundle)
    for path in elf_files(internal):
        top = path.relative_to(internal).parts[0]
        if top.endswith(".libs") or top.split(".")[0] in OCR_PACKAGES:
            continue
        subprocess.run(["strip", "--strip-unneeded", str(path)], check=True)
    return before - folder_size(bundle)


def parse_ldd(output: str) -> tuple[dict[str, str], list[str]]:
    """ldd output → ({soname: resolved path}, [sonames not found])."""
    resolved: dict[str, str] = {}
    missing: list[str] = []
    for line in output.splitlines():
        match = re.match(r"\s*(\S+) => (not found|(\S+) \(0x[0-9a-f]+\))", line)
        if not match:
            continue
        if match.group(2) == "not found":
            missing.append(match.group(1))
        else:
            resolved[match.group(1)] = match.group(3)
    return resolved, missing


def is_optional(path: Path, bundle: Path) -> bool:
    """Whether an ELF file is a plugin the program starts without (desktop integration, Wayland)."""
    relative = path.relative_to(bundle).as_posix()
    return "/plugins/" in relative and any(part in relative for part in OPTIONAL_PLUGIN_DIRS)


def needed_sonames(path: Path) -> list[str]:
    """The libraries an ELF file links against directly (its DT_NEEDED entries)."""
    output = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True, check=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", output)


def library_report(bundle: Path) -> tuple[dict[str, set[str]], list[str]]:
    """Check every ELF file of the bundle with ldd (its own folders first on the search path).

    Returns:
        ({"required"|"optional": paths of system libraries the bundle links against directly},
        [problems: libraries that resolve nowhere]).
    """
    files = elf_files(bundle)
    bundled = {p.name for p in files} | {p.name for p in bundle.rglob("*") if p.is_symlink()}
    dirs = sorted({str(p.parent) for p in files})
    env = {**os.environ, "LD_LIBRARY_PATH": os.pathsep.join(dirs)}
    system: dict[str, set[str]] = {"required": set(), "optional": set()}
    problems: list[str] = []
    for path in files:
        resolved, missing = parse_ldd(
            subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
        )
        optional = is_optional(path, bundle)
        for soname in needed_sonames(path):
            if soname not in bundled and soname in resolved:
                system["optional" if optional else "required"].add(resolved[soname])
        for soname in missing:
            if not (optional or OPTIONAL_MISSING.search(soname)):
                problems.append(f"{path.relative_to(bundle)}: {soname} not found")
    system["optional"] -= system["required"]
    return system, problems


def owning_packages(paths: Iterable[str]) -> tuple[set[str], list[str]]:
    """Debian packages owning ``paths`` (tries the /usr-merged twin of each path); and the unowned."""
    candidates: dict[str, list[str]] = {}
    for path in sorted(set(paths)):
        variants = [path, os.path.realpath(path)]
        variants += ["/usr" + v for v in variants if not v.startswith("/usr/")]
        variants += [v.removeprefix("/usr") for v in variants if v.startswith("/usr/")]
        candidates[path] = list(dict.fromkeys(variants))
    every = sorted({v for variants in candidates.values() for v in variants})
    owners = (
        parse_dpkg_search(subprocess.run(["dpkg", "-S", *every], capture_output=True, text=True).stdout)
        if every
        else {}
    )
    packages: set[str] = set()
    unowned: list[str] = []
    for path, variants in candidates.items():
        owner = next((owners[v] for v in variants if v in owners), None)
        if owner is None:
            unowned.append(path)
        else:
            packages.add(owner)
    return packages, unowned


def parse_dpkg_search(output: str) -> dict[str, str]:
    """``dpkg -S`` output → {path: package} (architecture qualifiers dropped, first owner kept)."""
    owners: dict[str, str] = {}
    for line in output.splitlines():
        match = re.match(r"([a-z0-9][a-z0-9+.\-]*)(?::[a-z0-9\-]+)?(?:, \S+?)*: (/\S+)$", line)
        if match:
            owners.setdefault(match.group(2), match.group(1))
    return owners


def libc_dependency() -> str:
    """libc6 at least as new as the build machine's (the bundle's Python and wheels link against it)."""
    version = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", "libc6"], capture_output=True, text=True
    ).stdout
    upstream = version.split("-", 1)[0]
    return f"libc6 (>= {upstream})" if upstream else "libc6"


def control_file(info: DebInfo) -> str:
    """DEBIAN/control text."""
    lines = [
        f"Package: {APP}",
        f"Version: {info.version}",
        "Section: text",
        "Priority: optional",
        f"Architecture: {info.architecture}",
        f"Maintainer: {info.maintainer}",
        f"Installed-Size: {info.installed_size_kib}",
        f"Depends: {', '.join(info.depends)}",
    ]
    if info.recommends:
        lines.append(f"Recommends: {', '.join(info.recommends)}")
    lines += [
        "Homepage: https://github.com/policydiff/policydiff",
        f"Description: {info.description}",
        " policydiff lines up the articles of two Chinese policy documents (txt, html,",
        " md, docx, pdf), shows what was reworded, added, removed or moved, and compares",
        " the figures (amounts, quotas, ratios) they state. Desktop app and command line.",
        " This package carries its own Python and Qt under /opt/policydiff.",
    ]
    return "\n".join(lines) + "\n"


def dependency_fields(system: dict[str, set[str]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(Depends, Recommends) from the system libraries the bundle links against."""
    required, unowned = owning_packages(system["required"])
    optional, unowned_optional = owning_packages(system["optional"])
    for path in unowned + unowned_optional:
        print(f"build: warning: no Debian package owns {path}", file=sys.stderr)
    required.discard("libc6")
    depends = (libc_dependency(), *sorted(required))
    recommends = tuple(sorted(optional - required - {"libc6"}))
    return depends, recommends


def folder_size(folder: Path) -> int:
    """Bytes on disk of the files under ``folder`` (symlinks not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build_deb(bundle: Path, version: str, png: Path, svg: Path | None, out_dir: Path) -> Path:
    """Lay out /opt/policydiff, /usr/bin/policydiff, the menu entry and icons; pack with dpkg-deb."""
    architecture = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    root = ROOT / "build" / "deb" / APP
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(bundle, root / "opt" / APP, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / APP).symlink_to(f"/opt/{APP}/{APP}")
    shutil.copy2(
        PACKAGING / "linux" / f"{APP}.desktop", _mkdir(root / "usr/share/applications") / f"{APP}.desktop"
    )
    shutil.copy2(png, _mkdir(root / "usr/share/icons/hicolor/256x256/apps") / f"{APP}.png")
    if svg is not None:
        shutil.copy2(svg, _mkdir(root / "usr/share/icons/hicolor/scalable/apps") / f"{APP}.svg")
    _normalize_modes(root)
    system, problems = library_report(root / "opt" / APP)
    if problems:
        raise SystemExit("build: unresolved libraries:\n  " + "\n  ".join(problems))
    depends, recommends = dependency_fields(system)
    info = DebInfo(
        version=deb_version(version),
        architecture=architecture,
        installed_size_kib=(folder_size(root) + 1023) // 1024,
        depends=depends,
        recommends=recommends,
    )
    _mkdir(root / "DEBIAN")
    (root / "DEBIAN" / "control").write_text(control_file(info), encoding="utf-8")
    out = out_dir / f"{APP}_{info.version}_{architecture}.deb"
    out.unlink(missing_ok=True)
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return out


def _mkdir(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _normalize_modes(root: Path) -> None:
    """0755 folders and programs, 0644 other files: what dpkg installs is readable by every user."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)


def check_ocr_environment() -> None:
    """Refuse to build the OCR bundle without the extra, or with opencv-python (its Qt 5 and GUI
    back ends would add about 110 MiB the program never loads)."""
    from importlib.metadata import PackageNotFoundError, distribution

    missing = []
    for name in ("rapidocr-onnxruntime", "onnxruntime", "numpy", "pillow", "opencv-python-headless"):
        try:
            distribution(name)
        except PackageNotFoundError:
            missing.append(name)
    if missing:
        raise SystemExit(f"build: --ocr needs {', '.join(missing)} in {sys.executable}'s environment")
    try:
        distribution("opencv-python")
    except PackageNotFoundError:
        return
    raise SystemExit("build: --ocr wants opencv-python-headless only; uninstall opencv-python first")


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-deb", action="store_true", help="build the bundle only")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument(
        "--ocr", action="store_true", help="build the 'with OCR' bundle dist/policydiff-ocr/ (no .deb)"
    )
    args = parser.parse_args(argv)

    started = time.monotonic()
    version = read_version()
    from importlib.metadata import version as installed_version

    if installed_version(APP) != version:
        raise SystemExit(
            f"build: installed metadata says {installed_version(APP)}, pyproject.toml {version}; "
            f"run: {sys.executable} -m pip install -e ."
        )
    PREPARED.mkdir(parents=True, exist_ok=True)
    png, svg = find_icons(ROOT, PREPARED)
    os.environ["POLICYDIFF_VERSION"] = version
    if sys.platform == "win32":
        os.environ.setdefault("POLICYDIFF_ICON", str(windows_icon(png, PREPARED / f"{APP}.ico")))
    elif sys.platform == "darwin":
        os.environ.setdefault("POLICYDIFF_ICON", str(png))  # PyInstaller converts it to .icns (Pillow)
    if args.ocr:
        check_ocr_environment()
        os.environ["POLICYDIFF_OCR"] = "1"
    else:
        os.environ.pop("POLICYDIFF_OCR", None)
    work = WORK.with_name(WORK.name + "-ocr") if args.ocr else WORK
    freeze_seconds = run_pyinstaller(PACKAGING / f"{APP}.spec", clean=args.clean, work=work)
    bundle = DIST / (f"{APP}-ocr" if args.ocr else APP)
    remove_dangling_links(bundle)
    if args.ocr:
        print(f"build: stripped {_mib(strip_bundle(bundle))} outside the OCR libraries")
    print(
        f"build: bundle {bundle.relative_to(ROOT)}: {_mib(folder_size(bundle))} on disk, "
        f"PyInstaller {freeze_seconds:.0f} s"
    )
    if sys.platform.startswith("linux") and not args.no_deb and not args.ocr:
        deb_started = time.monotonic()
        deb = build_deb(bundle, version, png, svg, DIST)
        print(
            f"build: {deb.relative_to(ROOT)}: {_mib(deb.stat().st_size)}, "
            f"packed in {time.monotonic() - deb_started:.0f} s"
        )
    print(f"build: done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
