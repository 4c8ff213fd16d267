"""Related mentions: a statement about a topic it names only by a kindred word (word vectors)
or noun phrase (phrase vectors).

The vectors here are tiny tables made for the tests, so they need no embedding package.
"""

from __future__ import annotations

import sys

import numpy as np
import pytest

from claims.nlp import vectors as vectors_module
from claims.nlp.pipeline import Extractor
from claims.nlp.records import SpeakerInfo, StatementRecord, TopicSpec
from claims.nlp.topics import CONTEXT_KEY, RELATED_KEY, topic_mentions
from claims.nlp.vectors import (
    PhraseVectors,
    TopicVectors,
    VectorsUnavailableError,
    WordVectors,
    load_vectors,
)

TOPICS = (TopicSpec("road-tolls", "Road tolls", ("road tolls",)),)
SPEAKERS = (SpeakerInfo(name="Ann Speaker"),)
# "tolls" is the topic's key word; "fees" lies close to it, "weather" and "drivers" do not.
TABLE = {
    "tolls": (1.0, 0.0, 0.0),
    "fees": (0.9, 0.3, 0.0),
    "weather": (0.0, 1.0, 0.0),
    "drivers": (0.2, 0.0, 1.0),
    "poverty": (0.0, 0.3, 0.9),
}


@pytest.fixture(scope="module")
def vectors():
    return WordVectors(list(TABLE), np.array(list(TABLE.values()), dtype=np.float32))


@pytest.fixture(scope="module")
def extractor(nlp, vectors):
    return Extractor(nlp, topics=TOPICS, vectors=vectors)


def tagged(extractor, text, *, about=("road-tolls",), start=0):
    """The statement ``text[start:]``, in a text known to be ``about`` those topics (as a
    debate claim is about its motion); ``about=()`` for news that states no topic."""
    doc = extractor.nlp(text)
    doc.user_data[CONTEXT_KEY] = about
    statement = StatementRecord(
        kind="direct", cue="said", text=text[start:], start=start, end=len(text), paragraph=0,
        speaker=0,
    )  # fmt: skip
    statements, stances = extractor.tag_and_score(doc, statements=(statement,), speakers=SPEAKERS)
    return doc, statements[0], stances


def test_a_kindred_word_makes_the_statement_about_the_topic(extractor):
    doc, statement, _ = tagged(extractor, "Fees are charged on every bridge.")
    assert statement.topics == ("road-tolls",)
    assert [span.text for span in doc.spans[RELATED_KEY]] == ["Fees"]
    assert topic_mentions(doc)[0].similarity == pytest.approx(0.949, abs=0.01)


def test_unrelated_words_make_no_mention(extractor):
    _, statement, stances = tagged(extractor, "The weather annoyed the drivers.")
    assert statement.topics == ()
    assert stances == ()


def test_a_position_on_the_kindred_word_is_one_on_the_topic_less_sure_and_says_so(nlp, extractor):
    text = "Fees increase poverty."
    _, _, related = tagged(extractor, text)
    _, _, named = tagged(Extractor(nlp, topics=TOPICS), "Road tolls increase poverty.")
    assert [r.polarity for r in related] == ["against"]
    assert related[0].path[0].startswith("related:Fees(")
    assert related[0].confidence < named[0].confidence


def test_a_kindred_word_only_mentioned_gives_no_stance(extractor):
    _, statement, stances = tagged(extractor, "Fees were discussed on Monday.")
    assert statement.topics == ("road-tolls",)
    assert stances == ()


def test_a_word_close_to_many_topics_is_kin_to_none(nlp):
    table = {
        "tolls": (1.0, 0.0, 0.0),
        "fares": (0.8, 0.6, 0.0),
        "levies": (0.8, 0.0, 0.6),
        "fees": (0.95, -0.5, -0.5),  # close to tolls only
        "charges": (1.0, 0.2, 0.2),  # close to all three
    }
    vectors = WordVectors(list(table), np.array(list(table.values()), dtype=np.float32))
    topics = (
        *TOPICS,
        TopicSpec("bus-fares", "Bus fares", ("fares",)),
        TopicSpec("levies", "Levies", ("levies",)),
    )
    extractor = Extractor(nlp, topics=topics, vectors=vectors)
    _, statement, _ = tagged(extractor, "Fees are charged on every bridge.")
    assert statement.topics == ("road-tolls",)
    _, statement, _ = tagged(extractor, "Charges hurt the poor.")
    assert statement.topics == ()


def test_kin_speak_of_a_topic_only_in_a_paragraph_that_names_it(extractor):
    # News: no one said the article is about road tolls, so "fees" alone does not make it so
    _, statement, stances = tagged(extractor, "Fees increase poverty.", about=())
    assert statement.topics == ()
    assert stances == ()
    # The paragraph names the topic in an earlier sentence: the statement's fees are its kin
    text = "Road tolls rose in May. Fees increase poverty."
    _, statement, stances = tagged(extractor, text, about=(), start=text.index("Fees"))
    assert statement.topics == ("road-tolls",)
    assert [(s.polarity, s.target) for s in stances] == [("against", "Fees")]
    # Named only paragraphs away, the topic is not what these fees are about
    text = "Road tolls rose in May.\n\nThe mayor spoke.\n\nFees increase poverty."
    _, statement, stances = tagged(extractor, text, about=(), start=text.index("Fees"))
    assert statement.topics == ()
    assert stances == ()


def test_a_name_is_no_kin_of_a_topic(nlp, extractor):
    # "Fees" as a surname lies as close to the topic as the noun does, but names a person
    text = "Joan Fees increased poverty."
    assert nlp(text)[1].pos_ == "PROPN"
    _, statement, stances = tagged(extractor, text)
    assert statement.topics == ()
    assert stances == ()


def test_without_vectors_a_kindred_word_is_no_mention(nlp):
    _, statement, _ = tagged(Extractor(nlp, topics=TOPICS), "Fees increase poverty.")
    assert statement.topics == ()


def test_vectors_are_off_unless_named_and_unknown_names_are_refused():
    assert load_vectors("") is None
    with pytest.raises(VectorsUnavailableError):
        load_vectors("word2vec-somewhere")


def test_neighbours_are_the_closest_words_first(vectors):
    assert [word for word, _ in vectors.neighbours(vectors.vector("tolls"), 2)] == [
        "tolls",
        "fees",
    ]


# Phrase vectors: a noun phrase whose vector (here the sum of its words' rows) is close to a
# topic phrase's is a related mention, named by its head noun.
PHRASE_TABLE = {
    "road": (1.0, 0.0, 0.0),
    "bridge": (1.0, 0.0, 0.0),
    "tolls": (1.0, 0.2, 0.0),
    "congestion": (0.7, 0.0, 0.3),
    "charges": (0.6, 0.4, 0.0),
    "weather": (0.0, 0.0, 1.0),
    "interference": (1.0, 0.1, 0.0),
}


def phrase_vectors() -> PhraseVectors:
    def embed(texts):
        rows = []
        for text in texts:
            words = [PHRASE_TABLE.get(word.lower(), (0.0, 0.0, 0.0)) for word in text.split()]
            rows.append(np.sum(np.array(words, dtype=np.float32), axis=0))
        return np.array(rows)

    return PhraseVectors(embed)


@pytest.fixture(scope="module")
def phrase_extractor(nlp):
    return Extractor(nlp, topics=TOPICS, vectors=phrase_vectors())


def test_a_kindred_noun_phrase_is_a_mention_named_by_its_head(phrase_extractor):
    doc, statement, stances = tagged(phrase_extractor, "Congestion charges increase poverty.")
    assert statement.topics == ("road-tolls",)
    assert [span.text for span in doc.spans[RELATED_KEY]] == ["charges"]
    assert [s.polarity for s in stances] == ["against"]
    assert stances[0].path[0].startswith("related:charges(")


def test_an_unrelated_noun_phrase_is_no_mention(phrase_extractor):
    _, statement, stances = tagged(phrase_extractor, "The weather increases poverty.")
    assert statement.topics == ()
    assert stances == ()


def test_a_noun_phrase_close_to_two_topics_names_neither(nlp):
    # "congestion charges" is as close to bridge tolls as to road tolls: it names neither
    topics = (*TOPICS, TopicSpec("bridge-tolls", "Bridge tolls", ("bridge tolls",)))
    extractor = Extractor(nlp, topics=topics, vectors=phrase_vectors())
    about = ("road-tolls", "bridge-tolls")
    _, statement, stances = tagged(extractor, "Congestion charges increase poverty.", about=about)
    assert statement.topics == ()
    assert stances == ()


def test_word_and_phrase_vectors_together_tag_both_kinds_of_kin(nlp, vectors):
    both = TopicVectors(words=vectors, phrases=phrase_vectors())
    extractor = Extractor(nlp, topics=TOPICS, vectors=both)
    _, statement, _ = tagged(extractor, "Fees are charged on every bridge.")
    assert statement.topics == ("road-tolls",)  # "fees": a kindred word
    _, statement, _ = tagged(extractor, "Congestion charges increase poverty.")
    assert statement.topics == ("road-tolls",)


def test_vectors_are_named_together_and_a_missing_package_is_a_clear_error(monkeypatch):
    with pytest.raises(VectorsUnavailableError, match="unknown"):
        load_vectors("glove-6b-50d+word2vec-somewhere")
    monkeypatch.setitem(sys.modules, "wordllama", None)  # as if not installed
    vectors_module._wordllama.cache_clear()
    with pytest.raises(VectorsUnavailableError, match="phrases"):
        load_vectors("wordllama")
    vectors_module._wordllama.cache_clear()


def test_a_kindred_word_that_is_itself_a_hostile_act_gives_no_stance(phrase_extractor):
    # "interference" lies close to the topic, but names an act the speaker condemns, not it
    _, statement, stances = tagged(phrase_extractor, "The interference must stop.")
    assert statement.topics == ("road-tolls",)
    assert stances == ()
