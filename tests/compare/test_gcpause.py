"""The garbage collector is paused while a comparison runs, restored after, and nothing is left to it."""

from __future__ import annotations

import gc
import threading

import pytest

from policydiff.compare.gcpause import collection_paused
from policydiff.compare.pipeline import compare_files
from tests.conftest import SEED


@pytest.fixture(autouse=True)
def _collector_on():
    gc.enable()
    yield
    gc.enable()


def test_paused_inside_and_restored_after_even_on_error():
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collection_paused():
        raise ValueError("the work failed")
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_program_stays_off():
    gc.disable()
    with collection_paused():
        pass
    assert not gc.isenabled()


def test_comparisons_in_two_threads_share_one_pause():
    inside, release = threading.Event(), threading.Event()

    def long_comparison() -> None:
        with collection_paused():
            inside.set()
            release.wait(5)

    worker = threading.Thread(target=long_comparison)
    worker.start()
    assert inside.wait(5)
    with collection_paused():
        pass
    assert not gc.isenabled()  # the other comparison still runs
    release.set()
    worker.join(5)
    assert gc.isenabled()


def test_a_comparison_leaves_no_cyclic_garbage():
    gc.collect()
    comparison = compare_files(str(SEED["000"]), str(SEED["002"]))
    assert gc.isenabled()
    assert gc.collect() == 0
    assert comparison.pairs
