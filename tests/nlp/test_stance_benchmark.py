"""The stance benchmark's shuffled-topic control: every item gets another item's topic."""

from __future__ import annotations

import importlib.util

from tests.conftest import ROOT


def load_benchmark():
    spec = importlib.util.spec_from_file_location(
        "stance_quality", ROOT / "benchmarks" / "stance_quality.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shuffled_items_keep_their_text_and_take_another_topic():
    items = [
        {"id": str(n), "text": f"claim {n}", "topic": topic, "topic_phrases": [topic]}
        for n, topic in enumerate(["road tolls", "road tolls", "bus lanes", "tram lines"])
    ]
    shuffled = load_benchmark().shuffle_topics(items, seed=3)
    assert [item["text"] for item in shuffled] == [item["text"] for item in items]
    for before, after in zip(items, shuffled, strict=True):
        assert after["topic"] != before["topic"]
        assert after["topic_phrases"] == [after["topic"]]
    assert shuffled == load_benchmark().shuffle_topics(items, seed=3)  # reproducible
