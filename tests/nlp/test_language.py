"""The loaded pipeline: a new line always starts a new sentence."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Span

from claims.nlp.language import LINE_SENTENCES
from claims.nlp.ner_repairs import ner_repairs
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


def test_organisation_cut_before_its_place_is_one_entity(nlp: Language) -> None:
    doc = nlp(
        "An inspector with Animal Welfare Services of Manitoba who attended court told "
        "reporters he could not comment."
    )
    assert ("Animal Welfare Services of Manitoba", "ORG") in [(e.text, e.label_) for e in doc.ents]


def test_entity_never_ends_on_a_line_break(nlp: Language) -> None:
    doc = nlp.make_doc("Seized by Animal Welfare Services\n\nThe hearing resumes.")
    doc.ents = [Span(doc, 2, 6, label="ORG")]  # as the tagger once gave it: with the break
    assert [e.text for e in ner_repairs(doc).ents] == ["Animal Welfare Services"]
