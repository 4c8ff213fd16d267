"""Parsing in one place and extracting in another (what ``manage.py ingest`` does with its
child process) finds what one extractor finds, and an article that fails, fails alone."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claims.nlp import long_texts
from claims.nlp.batches import extract_batch, extract_parsed_batch, parse_batch
from claims.nlp.pipeline import Extractor
from claims.nlp.records import TopicSpec
from claims.nlp.repair import clean_article

FERRY = (
    "Ferry fares will rise\n\n"
    "The harbour commissioner, Ines Moreau, said the ferry fares would rise in June. "
    '"Nobody wants higher fares, but the boats are old," she told the council.'
)
SCHOOLS = (
    "Ravi Patel said the school budget was too small. He warned that "
    "Mayor Tom Hale believes the new library will close."
)
TOPICS = [TopicSpec(slug="fares", name="Fares", phrases=("fare", "fares"))]


def signature(extraction) -> list[tuple]:
    names = [speaker.name for speaker in extraction.speakers]
    return [
        (
            r.start,
            r.end,
            r.kind,
            r.attribution,
            r.topics,
            r.reported_in,
            None if r.speaker is None else names[r.speaker],
        )
        for r in extraction.statements
    ]


@pytest.fixture(scope="module")
def tagging_extractor(nlp: Language) -> Extractor:
    return Extractor(nlp, topics=TOPICS)


def test_a_doc_parsed_elsewhere_gives_the_same_extraction(
    tagging_extractor: Extractor, nlp: Language
) -> None:
    cleans = [clean_article(FERRY), clean_article(SCHOOLS)]
    names = ["ferry.txt", "schools.txt"]

    parsed = parse_batch(nlp, [c.text for c in cleans], names=names, batch_size=2)
    elsewhere = extract_parsed_batch(tagging_extractor, parsed, cleans, names=names)
    here = extract_batch(tagging_extractor, cleans, names=names, batch_size=2)

    assert all(isinstance(data, bytes) for data in parsed)
    assert elsewhere == here
    assert "Ines Moreau" in {s.name for s in elsewhere[0].speakers}
    assert any("fares" in r.topics for r in elsewhere[0].statements)
    assert any(r.reported_in is not None for r in elsewhere[1].statements)


def test_a_text_too_long_for_one_piece_is_parsed_by_the_extractor_itself(
    extractor: Extractor, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(long_texts, "MAX_PIECE_CHARS", 150)
    cleans = [clean_article(SCHOOLS), clean_article(FERRY)]
    assert len(cleans[0].text) <= 150 < len(cleans[1].text)
    names = ["schools.txt", "ferry.txt"]

    parsed = parse_batch(nlp, [c.text for c in cleans], names=names, batch_size=2)
    [short, long] = extract_parsed_batch(extractor, parsed, cleans, names=names)

    assert isinstance(parsed[0], bytes) and parsed[1] is None
    assert signature(long) == signature(extractor.extract(cleans[1]))
    assert "Ines Moreau" in {s.name for s in long.speakers}
    assert "Ravi Patel" in {s.name for s in short.speakers}


def test_an_article_whose_extraction_fails_fails_alone(
    extractor: Extractor, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    cleans = [clean_article(FERRY), clean_article(SCHOOLS)]
    names = ["ferry.txt", "schools.txt"]
    parsed = parse_batch(nlp, [c.text for c in cleans], names=names, batch_size=2)
    real = Extractor._from_doc

    def fails_on_ferries(self, doc, clean):
        if "ferry" in clean.text:
            raise ValueError("no ferries today")
        return real(self, doc, clean)

    monkeypatch.setattr(Extractor, "_from_doc", fails_on_ferries)

    [failed, extracted] = extract_parsed_batch(extractor, parsed, cleans, names=names)

    assert isinstance(failed, ValueError)
    assert "Ravi Patel" in {s.name for s in extracted.speakers}


def test_a_text_the_parser_refuses_fails_alone(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(nlp, "max_length", len(SCHOOLS))  # FERRY is longer: spaCy's E088

    parsed = parse_batch(nlp, [SCHOOLS, FERRY], names=["schools.txt", "ferry.txt"], batch_size=2)

    assert isinstance(parsed[0], bytes)
    assert isinstance(parsed[1], ValueError) and "E088" in str(parsed[1])
