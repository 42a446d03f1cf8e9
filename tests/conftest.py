"""Shared fixtures: the sample documents and the shared corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.qt_fixtures"]  # window-test fixtures: no blocking dialogs, temporary settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = {p.name[:3]: p for p in sorted(SEEDS.glob("*.txt"))}
CORPUS = ROOT.parent / "shared" / "corpus"
GOLD = ROOT.parent / "shared" / "gold"


@pytest.fixture(scope="session")
def seed_paths() -> dict[str, Path]:
    """The five sample documents by their number: '000' … '004'."""
    return SEED
