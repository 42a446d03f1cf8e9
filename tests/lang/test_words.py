"""The segmenter gives jieba's words: the same tokens as jieba itself on every sample and corpus text."""

from __future__ import annotations

import logging

import pytest

from policydiff.lang.normalize import normalize
from policydiff.lang.words import segment
from tests.conftest import CORPUS, SEEDS


def _texts() -> list[tuple[str, str]]:
    paths = sorted(SEEDS.glob("*.txt"))
    paths += sorted(p for p in CORPUS.glob("*/*") if p.name != "README.md")
    return [(p.name, p.read_text(encoding="utf-8")) for p in paths]


@pytest.mark.slow  # jieba's own dictionary load and the whole corpus: a few seconds
def test_same_tokens_as_jieba_on_samples_and_corpus():
    jieba = pytest.importorskip("jieba")
    jieba.setLogLevel(logging.WARNING)
    texts = _texts()
    assert len(texts) >= 5
    for name, text in texts:
        norm = normalize(text, "t2s").text
        words, starts = segment(norm)
        assert words == jieba.lcut(norm, HMM=False), name
        assert "".join(words) == norm
        assert all(norm.startswith(w, s) for w, s in zip(words, starts))


def test_ascii_runs_split_as_jieba_splits_them():
    words, _ = segment("网址www.gov.cn，日期2023-12-29，版本v1.2-beta，比例3.5%")
    assert words[words.index("www") : words.index("www") + 5] == ["www", ".", "gov", ".", "cn"]
    assert ["2023", "-", "12", "-", "29"] == words[words.index("2023") : words.index("2023") + 5]
    assert "3" in words and "5" in words and "%" in words


def test_every_character_in_one_word():
    text = "（一）支持企业\r\n高质量发展。\u3000a-b"
    words, starts = segment(text)
    assert "".join(words) == text
    assert starts == [sum(len(w) for w in words[:k]) for k in range(len(words))]


def test_a_lone_surrogate_is_segmented_and_the_words_still_tile_the_text():
    """Found by the fuzzer: rjieba takes UTF-8 only, so a lone surrogate must not reach it."""
    from policydiff.lang.words import segment

    text = "推动经济\udd9e高质量发展"
    words, starts = segment(text)
    assert "".join(words) == text
    assert starts == [sum(len(w) for w in words[:k]) for k in range(len(words))]


def test_a_long_text_segmented_in_chunks_gives_the_same_words(monkeypatch):
    import policydiff.lang.words as words

    text = "".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    whole = segment(text)
    monkeypatch.setattr(words, "CHUNK_CHARS", 5_000)  # dozens of chunks, each cut after a break
    assert words._chunks(text)[0] != text and "".join(words._chunks(text)) == text
    assert segment(text) == whole
    run = "字" * 12_000  # no break anywhere: cut where the chunk ends, every character still kept
    assert "".join(segment(run)[0]) == run
