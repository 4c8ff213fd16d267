"""The loaded pipeline: a new line always starts a new sentence."""

from __future__ import annotations

from spacy.language import Language

from claims.nlp.language import LINE_SENTENCES
from tests.nlp.test_statements import only, statements


def test_pipeline_starts_a_sentence_at_each_new_line(nlp: Language) -> None:
    assert LINE_SENTENCES in nlp.pipe_names
    doc = nlp("Winter beds run short\n\nAnn Cole, who runs the shelter, said beds were full.")
    assert next(sent.text.strip() for sent in doc.sents) == "Winter beds run short"


def test_a_line_above_the_sentence_is_not_its_speaker(nlp: Language) -> None:
    text = (
        "'Quiet corner' grows in church basement\n\n"
        "Ann Cole, a researcher at the clinic, said a clearer picture of need is emerging."
    )
    found = only(statements(nlp, text))
    assert found.speaker_mention.startswith("Ann Cole")
