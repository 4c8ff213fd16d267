"""The extractor end to end over the seed article (after text repair)."""

from __future__ import annotations

from pathlib import Path

from claims.nlp.pipeline import Extractor
from claims.nlp.repair import clean_article


def test_seed_article_statements_all_by_sergey_lavrov(
    extractor: Extractor, seed_path: Path
) -> None:
    extraction = extractor.extract(clean_article(seed_path.read_text(encoding="utf-8")))
    text = extraction.clean.text
    lavrov = [i for i, s in enumerate(extraction.speakers) if s.name == "Sergey Lavrov"]
    assert len(lavrov) == 1
    speaker = extraction.speakers[lavrov[0]]
    assert (speaker.role, speaker.affiliation, speaker.kind) == (
        "Foreign Minister",
        "Russia",
        "person",
    )
    by_lavrov = [s for s in extraction.statements if s.speaker == lavrov[0]]
    non_headline = [s for s in by_lavrov if s.kind != "headline"]
    assert len(non_headline) == 14
    for statement in extraction.statements:
        assert text[statement.start : statement.end] == statement.text
    mentions = {s.speaker_mention for s in by_lavrov}
    assert {"he", "the top diplomat", "the Russian foreign minister", "Lavrov"} <= mentions
    kinds = {s.text[:20]: s.kind for s in by_lavrov}
    assert kinds["that only the people"] == "mixed"
    assert kinds["the need to block su"] == "indirect"
    cues = {s.cue for s in by_lavrov}
    assert {"pointed out", "added", "concluded", "continued", "noted", "stated"} <= cues


def test_extract_many_keeps_input_order(extractor: Extractor) -> None:
    texts = [
        "Anna Berg said that the bridge would open in May.",
        "“We will build three new schools this year,” the governor said.",
    ]
    results = list(extractor.extract_many(clean_article(t) for t in texts))
    assert [r.statements[0].kind for r in results] == ["indirect", "direct"]
    assert all(r.extractor_version == extractor.version for r in results)


def test_a_quote_over_two_paragraphs_is_stored_as_one_statement_per_paragraph(
    extractor: Extractor,
) -> None:
    text = (
        "Tom Reed spoke after the count.\n\n"
        "“We counted every ballot twice and the result did not change.\n\n"
        "“We will publish the numbers tomorrow morning,” he said."
    )
    extraction = extractor.extract(clean_article(text))
    direct = [s for s in extraction.statements if s.kind == "direct"]
    assert [s.text for s in direct] == [
        "We counted every ballot twice and the result did not change.",
        "We will publish the numbers tomorrow morning",
    ]
    assert {extraction.speakers[s.speaker].name for s in direct} == {"Tom Reed"}
    assert [s.paragraph for s in direct] == [1, 2]
