"""The typed constants of model.py: one spelling of each mode, side, figure kind and qualifier.

Their values are what the JSON contract and the settings files hold, so these tests pin the values
as text and check that every string the pipeline produces is one of them.
"""

from __future__ import annotations

import json

import pytest

from policydiff.cli import main
from policydiff.compare.pipeline import compare_documents, document_figures
from policydiff.figures.extract import (
    CANONICAL_QUALIFIERS,
    HEAD_QUALIFIERS,
    PREFIX_QUALIFIERS,
    SUFFIX_QUALIFIERS,
)
from policydiff.io import load_document
from policydiff.model import (
    DEFAULT_NORMALIZE,
    CompareOptions,
    FigureKind,
    NormalizeMode,
    Qualifier,
    Side,
)
from policydiff.render.html import NORMALIZE_LABELS
from policydiff.render.jsonform import comparison_to_json
from tests.conftest import SEED


def test_values_are_the_contracts_spellings() -> None:
    assert [m.value for m in NormalizeMode] == ["t2s", "tw2sp", "tw2s", "hk2s", "none"]
    assert DEFAULT_NORMALIZE == "t2s" and CompareOptions().normalize is NormalizeMode.T2S
    assert [s.value for s in Side] == ["left", "right"]
    assert {"amount", "percent", "ratio", "count", "rate", "date", "period"} <= {k.value for k in FigureKind}
    assert set(NORMALIZE_LABELS) == set(NormalizeMode)


def test_compare_options_take_the_modes_value_and_refuse_others() -> None:
    assert CompareOptions(normalize="tw2sp").normalize is NormalizeMode.TW2SP  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        CompareOptions(normalize="s2t")  # type: ignore[arg-type]


def test_every_written_qualifier_folds_to_a_canonical_one() -> None:
    for word in PREFIX_QUALIFIERS + SUFFIX_QUALIFIERS + HEAD_QUALIFIERS:
        Qualifier(CANONICAL_QUALIFIERS.get(word, word))  # raises for a word outside the enum


def test_figures_of_the_seeds_carry_only_typed_kinds_and_qualifiers() -> None:
    kinds: set[str] = set()
    qualifiers: set[str] = set()
    for path in SEED.values():
        for figure in document_figures(load_document(path)):
            kinds.add(figure.kind)
            qualifiers.update(figure.qualifier)
    qualifiers.discard("")
    assert kinds <= set(FigureKind) and len(kinds) >= 5
    assert qualifiers <= set(Qualifier) and len(qualifiers) >= 5
    assert all(type(k) is FigureKind for k in kinds)


def test_json_writes_the_plain_values(seed_paths) -> None:
    left, right = load_document(seed_paths["000"]), load_document(seed_paths["002"])
    comparison = compare_documents(left, right, CompareOptions(normalize=NormalizeMode.HK2S))
    text = json.dumps(comparison_to_json(comparison), ensure_ascii=False)
    data = json.loads(text)
    assert data["options"]["normalize"] == "hk2s" and '"normalize": "hk2s"' in text
    kinds = {
        v["kind"]
        for p in data["pairs"]
        for f in p["figures"]
        for v in (f["left"], f["right"])
        if v is not None
    }
    assert kinds and kinds <= {k.value for k in FigureKind}
    assert all(type(k) is str for k in kinds)


def test_command_line_offers_exactly_the_modes(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["compare", "a.txt", "b.txt", "--normalize", "s2t"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 's2t'" in err and "'t2s', 'tw2sp', 'tw2s', 'hk2s', 'none'" in err
