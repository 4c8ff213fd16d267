"""Stance inference: each cue family on short sentences, negation, hedges, aggregation, seed."""

from __future__ import annotations

import json

import pytest

from claims.nlp.pipeline import Extractor
from claims.nlp.records import SpeakerInfo, StatementRecord, TopicSpec
from claims.nlp.repair import clean_article
from claims.nlp.stance import RULE_VERSION, RuleStanceScorer
from claims.nlp.topics import TopicTagger
from tests.conftest import ROOT

SPECS = (
    TopicSpec("belarus", "Belarus", ("belarus", "minsk")),
    TopicSpec("sanctions", "Sanctions", ("sanction",)),
    TopicSpec("united-states", "United States", ("united states", "washington")),
    TopicSpec("nato", "NATO", ("nato",)),
    TopicSpec("ukraine", "Ukraine", ("ukraine",)),
    TopicSpec("russia", "Russia", ("russia",)),
    TopicSpec("iran-deal", "Iran deal", ("iran deal",)),
    TopicSpec("eastern-partnership", "Eastern Partnership", ("eastern partnership",)),
    TopicSpec("arms", "Arms supply", ("weapons", "arms supplies")),
)
SPEAKERS = (SpeakerInfo(name="Ann Speaker", affiliation="Russia"),)  # speaks for Russia


@pytest.fixture(scope="module")
def tagger(nlp):
    return TopicTagger(nlp, SPECS)


def infer(nlp, tagger, *texts):
    """Stances of one speaker who said each of ``texts`` (one statement per paragraph)."""
    doc = nlp("\n\n".join(texts))
    statements, start = [], 0
    for paragraph, text in enumerate(texts):
        span = doc.char_span(start, start + len(text), alignment_mode="expand")
        statements.append(
            StatementRecord(
                kind="direct", cue="said", text=text, start=start, end=start + len(text),
                paragraph=paragraph, speaker=0, topics=tagger.tag(span),
            )
        )  # fmt: skip
        start += len(text) + 2
    return RuleStanceScorer().infer(doc, statements=statements, speakers=SPEAKERS)


def positions(nlp, tagger, *texts):
    return {record.topic: record.polarity for record in infer(nlp, tagger, *texts)}


def by_topic(nlp, tagger, text):
    return {record.topic: record for record in infer(nlp, tagger, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It is necessary to expand the sanctions.", {"sanctions": "favor"}),
        ("He stressed the importance of the sanctions.", {"sanctions": "favor"}),
        ("We welcome the Iran deal.", {"iran-deal": "favor"}),
        ("The sanctions are unacceptable.", {"sanctions": "against"}),
        ("We condemn the sanctions.", {"sanctions": "against"}),
    ],
)
def test_support_and_rejection_apply_to_their_complement(nlp, tagger, text, expected):
    assert positions(nlp, tagger, text) == expected


def test_acting_against_something_is_a_position_against_it(nlp, tagger):
    assert positions(nlp, tagger, "It is necessary to block the supply of weapons.") == {
        "arms": "against"
    }
    # "against" and the act it follows say it once: no double turn
    assert positions(nlp, tagger, "The fight against the sanctions is necessary.") == {
        "sanctions": "against"
    }


def test_an_attitude_the_statement_talks_about_is_no_cue(nlp, tagger):
    # someone's opposition, judged by the words around it, is for the composition to read
    assert positions(nlp, tagger, "The opposition to the sanctions is based on lies.") == {}
    assert positions(nlp, tagger, "The mayor's support for the sanctions is a disgrace.") == {}
    assert positions(nlp, tagger, "We express our opposition to the sanctions.") == {
        "sanctions": "against"
    }
    assert positions(nlp, tagger, "Our opposition to the sanctions is firm.") == {
        "sanctions": "against"
    }


def test_a_suppressing_noun_turns_the_position_around(nlp, tagger):
    # the composition's suppressing acts and nouns count for the cue rules too
    assert positions(nlp, tagger, "Weapons regulation is important.") == {"arms": "against"}
    assert positions(nlp, tagger, "The prohibition of weapons is necessary.") == {"arms": "against"}


def test_the_place_of_a_favoured_act_gets_the_act_s_position(nlp, tagger):
    found = positions(nlp, tagger, "It is necessary to stop the arms supplies in Ukraine.")
    assert found == {"arms": "against", "ukraine": "favor"}


def test_concern_is_against_its_object_and_the_agent_not_the_holder(nlp, tagger):
    found = by_topic(nlp, tagger, "Russia is deeply concerned with the sanctions of Washington.")
    assert {topic: record.polarity for topic, record in found.items()} == {
        "sanctions": "against",
        "united-states": "against",
    }
    assert "deeply" in found["sanctions"].cues and "concerned" in found["sanctions"].cues


def test_a_pejorative_act_is_against_its_agent_and_where_it_happens(nlp, tagger):
    found = positions(nlp, tagger, "Washington brazenly interferes in the affairs of Belarus.")
    assert found == {"united-states": "against", "belarus": "against"}


def test_demanded_scrutiny_is_against_its_object(nlp, tagger):
    found = positions(nlp, tagger, "The proposals of NATO need to be carefully analyzed.")
    assert found == {"nato": "against"}


def test_so_called_disparages_what_it_names(nlp, tagger):
    record = by_topic(nlp, tagger, "They spoke about the so-called Eastern Partnership.")
    assert record["eastern-partnership"].polarity == "against"
    assert record["eastern-partnership"].cues == ("so-called",)


def test_negation_turns_the_position_around_with_less_confidence(nlp, tagger):
    plain = by_topic(nlp, tagger, "Russia opposes the sanctions.")["sanctions"]
    negated = by_topic(nlp, tagger, "Russia does not oppose the sanctions.")["sanctions"]
    assert (plain.polarity, negated.polarity) == ("against", "favor")
    assert negated.confidence < plain.confidence
    assert "not" in negated.cues


def test_a_hedge_keeps_the_position_with_less_confidence(nlp, tagger):
    plain = by_topic(nlp, tagger, "The sanctions are necessary.")["sanctions"]
    hedged = by_topic(nlp, tagger, "The sanctions might be necessary.")["sanctions"]
    assert hedged.polarity == plain.polarity == "favor"
    assert hedged.confidence < plain.confidence


def test_a_mere_mention_is_no_stance(nlp, tagger):
    assert infer(nlp, tagger, "The minister arrived in Minsk on Monday to discuss NATO.") == []


def test_a_side_participant_gets_no_stance(nlp, tagger):
    found = positions(
        nlp, tagger, "The proposals for talks with Ukraine must be carefully studied."
    )
    assert "ukraine" not in found


def test_one_record_per_topic_with_every_agreeing_statement_as_evidence(nlp, tagger):
    records = infer(
        nlp,
        tagger,
        "We condemn the sanctions.",
        "The weather in Minsk was fine.",
        "The sanctions are unacceptable.",
    )
    assert len(records) == 1
    record = records[0]
    assert (record.topic, record.polarity, record.evidence) == ("sanctions", "against", (0, 2))
    assert (record.method, record.method_version) == ("rule", RULE_VERSION)
    assert record.target


def test_contradicting_statements_make_a_neutral_low_confidence_record(nlp, tagger):
    [record] = infer(nlp, tagger, "We condemn the sanctions.", "We support the sanctions.")
    assert record.polarity == "neutral"
    assert record.evidence == (0, 1)
    assert record.confidence < 0.5


def test_statements_without_a_speaker_give_no_stance(nlp, tagger):
    doc = nlp("We condemn the sanctions.")
    statement = StatementRecord(
        kind="direct", cue="said", text=doc.text, start=0, end=len(doc.text), paragraph=0,
        speaker=None, topics=tagger.tag(doc[:]),
    )  # fmt: skip
    assert RuleStanceScorer().infer(doc, statements=[statement], speakers=()) == []


def test_seed_article_positions(nlp, seed_path):
    rows = json.loads((ROOT / "fixtures" / "topics.json").read_text(encoding="utf-8"))
    topics = [
        TopicSpec(row["fields"]["slug"], row["fields"]["name"], tuple(row["fields"]["phrases"]))
        for row in rows
    ]
    extraction = Extractor(nlp, topics=topics).extract(
        clean_article(seed_path.read_text(encoding="utf-8"))
    )
    found = {
        (extraction.speakers[record.speaker].name, record.topic): record.polarity
        for record in extraction.stances
    }
    lavrov = {topic: polarity for (name, topic), polarity in found.items() if "Lavrov" in name}
    assert lavrov["afghanistan"] == "favor"
    assert lavrov["regional-security-cooperation"] == "favor"
    assert lavrov["western-security-proposals"] == "against"
    assert lavrov["belarus"] == "against"
    assert lavrov["eastern-partnership"] == "against"
    assert lavrov["european-union"] == "against"
    assert lavrov["united-states"] == "against"
    assert "terrorism" not in lavrov or lavrov["terrorism"] == "against"


def test_a_third_party_s_stance_verb_is_not_the_speaker_s_position(nlp, tagger):
    assert infer(nlp, tagger, "Trump condemned the sanctions.") == []
    assert positions(nlp, tagger, "She condemned the sanctions.") == {"sanctions": "against"}


def test_a_refusal_to_support_is_against(nlp, tagger):
    found = positions(nlp, tagger, "Their refusal to support the sanctions is a mistake.")
    assert found == {"sanctions": "against"}


def test_a_cause_is_not_what_the_position_is_about(nlp, tagger):
    found = positions(nlp, tagger, "We must defend Ukraine because of the sanctions.")
    assert found == {"ukraine": "favor"}
