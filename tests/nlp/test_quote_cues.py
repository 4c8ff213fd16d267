"""Which cue a quotation takes when a sentence holds two, on texts written for these tests."""

from __future__ import annotations

from spacy.language import Language

from tests.nlp.test_statements import statements


def test_a_speech_cue_with_its_own_clause_leaves_the_quote_to_the_next_act(
    nlp: Language,
) -> None:
    text = (
        "Senator Hale said the ferry tax would raise money for the harbour, and called "
        "the mayor “the most careless official this island has ever had.”"
    )
    found = {(s.cue, s.text) for s in statements(nlp, text)}
    assert ("said", "the ferry tax would raise money for the harbour") in found
    assert any(cue == "called" and "careless official" in words for cue, words in found)
