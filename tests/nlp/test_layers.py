"""The layers publish what they found on the Doc, where a reviewer (or displaCy) can see it."""

from __future__ import annotations

from spacy.language import Language

from claims.nlp import cue_reading, resolution
from claims.nlp.records import CleanText
from claims.nlp.statements import extract_statements


def test_cues_sources_and_statements_are_published_on_the_doc(nlp: Language) -> None:
    text = "The mayor said that the border must stay open to trade."
    doc = nlp(text)
    extract_statements(doc, CleanText(text=text, original=text, paragraphs=((0, len(text)),)))
    assert [span.text for span in doc.spans[cue_reading.CUES_KEY]] == ["said"]
    assert [span.text for span in doc.spans[cue_reading.SOURCES_KEY]] == ["The mayor"]
    statements = doc.spans[resolution.STATEMENTS_KEY]
    assert [(span.text, span.label_) for span in statements] == [
        ("that the border must stay open to trade", "indirect")
    ]
