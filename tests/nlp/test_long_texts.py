"""Texts too long to parse at once are extracted in pieces, as one article."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claims.nlp import long_texts
from claims.nlp.pipeline import Extractor
from claims.nlp.repair import clean_article

PEOPLE = ["Maria Alvarez", "Tom Becker", "Linda Choi"]


def long_article(paragraphs: int) -> str:
    body = [
        f"“Plan {n} will cost families more,” Senator {PEOPLE[n % 3]} said on Monday."
        for n in range(paragraphs)
    ]
    return "Senators argue over the plans\n\n" + "\n\n".join(body)


def test_pieces_join_back_into_the_text_and_are_cut_at_paragraph_breaks() -> None:
    text = long_article(300)

    found = long_texts.pieces(text, 2_000)

    assert "".join(piece for _, piece in found) == text
    assert all(len(piece) <= 2_000 for _, piece in found)
    assert all(text[offset:].startswith(piece) for offset, piece in found)
    assert all(piece.endswith("\n\n") for _, piece in found[:-1])


def test_a_text_without_any_break_is_still_cut() -> None:
    text = "x" * 5_000

    found = long_texts.pieces(text, 2_000)

    assert [len(piece) for _, piece in found] == [2_000, 2_000, 1_000]


def test_a_text_longer_than_the_parser_takes_is_extracted_as_one_article(
    extractor: Extractor, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    """spaCy refuses texts over nlp.max_length (E088); shrunk here so the test stays quick.
    Each paragraph stands alone, so the pieces find what one parse of the whole finds."""
    clean = clean_article(long_article(120))
    whole = extractor.extract(clean)
    monkeypatch.setattr(nlp, "max_length", 5_000)
    monkeypatch.setattr(long_texts, "MAX_PIECE_CHARS", 2_000)
    assert len(clean.text) > nlp.max_length

    [extraction] = list(extractor.extract_many([clean]))

    def found(result):
        return [
            (r.start, r.end, r.text, r.paragraph, result.speakers[r.speaker].name)
            for r in result.statements
        ]

    assert found(extraction) == found(whole)
    assert len(extraction.statements) >= 120
    for record in extraction.statements:
        assert clean.text[record.start : record.end] == record.text
    assert sorted(s.name for s in extraction.speakers) == sorted(s.name for s in whole.speakers)
    for stance in extraction.stances:
        assert all(0 <= index < len(extraction.statements) for index in stance.evidence)


def test_a_nested_statement_keeps_its_reporter_across_pieces(
    extractor: Extractor, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = [
        f"Senator {PEOPLE[n % 3]} said that Governor Hale believes plan {n} will fail."
        for n in range(80)
    ]
    clean = clean_article("Senators argue over the plans\n\n" + "\n\n".join(body))
    whole = extractor.extract(clean)
    monkeypatch.setattr(long_texts, "MAX_PIECE_CHARS", 2_000)

    pieced = extractor.extract(clean)

    def reports(result):
        spans = [(r.start, r.end) for r in result.statements]
        return sorted(
            (spans[index], spans[r.reported_in])
            for index, r in enumerate(result.statements)
            if r.reported_in is not None
        )

    assert len(reports(whole)) >= 40
    assert reports(pieced) == reports(whole)
