"""Word polarities composed through the parse (the default scorer), through ``tag_and_score``.

Each rule is pinned with sentences written for these tests, one speaker per statement.
"""

from __future__ import annotations

import pytest

from claims.nlp.pipeline import Extractor
from claims.nlp.records import SpeakerInfo, StanceRecord, StatementRecord, TopicSpec

TOPICS = (
    TopicSpec("road-tolls", "Road tolls", ("road tolls",)),
    TopicSpec("immigration", "Immigration", ("immigration",)),
    TopicSpec("children", "Having children", ("have children",)),
)
SPEAKERS = (SpeakerInfo(name="Ann Speaker"),)


@pytest.fixture(scope="module")
def extractor(nlp):
    return Extractor(nlp, topics=TOPICS)


def stances(extractor, text: str) -> dict[str, StanceRecord]:
    doc = extractor.nlp(text)
    statement = StatementRecord(
        kind="direct", cue="said", text=text, start=0, end=len(text), paragraph=0, speaker=0
    )
    _, found = extractor.tag_and_score(doc, statements=(statement,), speakers=SPEAKERS)
    return {record.topic: record for record in found}


def polarity(extractor, text: str) -> str | None:
    record = stances(extractor, text).get("road-tolls")
    return record.polarity if record else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # consequence verbs pass on what they bring about, or the opposite of what they remove
        ("Road tolls increase poverty in rural towns.", "against"),
        ("Road tolls cause accidents.", "against"),
        ("Road tolls reduce congestion in the city centre.", "favor"),
        ("Road tolls prevent accidents.", "favor"),
        ("Road tolls lead to fewer accidents.", "favor"),
        ("Road tolls will bring an end to accidents.", "favor"),
        ("Road tolls can inspire violence against drivers.", "against"),
        # acts called for on the topic
        ("The council should ban road tolls.", "against"),
        ("Road tolls must be protected.", "favor"),
        # a noun phrase and its modifiers, judged again further up
        ("The harmful effects of road tolls are well known.", "against"),
        ("The benefits of road tolls are exaggerated.", "against"),
        # a judgement of the topic, hyphenated words read whole
        ("Road tolls are productive.", "favor"),
        ("Road tolls are counter-productive.", "against"),
        # negation and contrast turn it around
        ("Road tolls do not reduce congestion.", "against"),
        ("The council should fund buses rather than road tolls.", "against"),
        # "against" and a protecting "from" set what follows against the predicate
        ("Road tolls protect against accidents.", "favor"),
        ("Road tolls shield children from pollution.", "favor"),
        # a bad thing judged bad stays bad, judged good it is redeemed; doubting a good or bad
        # thing turns it around
        ("The failures of road tolls are catastrophic.", "against"),
        ("The risks of road tolls are acceptable.", "favor"),
        ("Imperfect road tolls are better than nothing.", "favor"),
        ("The dangers of road tolls are exaggerated.", "favor"),
        ("The failures of road tolls are rare.", "favor"),
        # being opposed to something is the opposite of it, against by default
        ("Road tolls are contrary to the common good.", "against"),
        ("Road tolls are incompatible with human nature.", "against"),
        # the kind of a source, when what it is a source of is unsaid
        ("Road tolls are a reliable source.", "favor"),
        # few is the opposite amount, a few is some
        ("Road tolls cause few accidents.", "favor"),
        ("Road tolls cause a few accidents.", "against"),
        ("Road tolls lead to lower pollution.", "favor"),
        ("Road tolls cause accidents less often.", "favor"),
        ("The harms of road tolls are unlikely.", "favor"),
        ("The harms of road tolls are less likely.", "favor"),
        # an act on the topic is judged by what it brings about
        ("A ban on road tolls caused accidents.", "favor"),
        ("The protection of road tolls leads to poverty.", "against"),
        # a noun tied to the topic by a participle is the topic's
        ("There are no harmful emissions associated with road tolls.", "favor"),
        ("Deaths caused by road tolls are rising.", "against"),
        # costs are a drawback
        ("Road tolls raise costs for families.", "against"),
        ("Road tolls cut costs for families.", "favor"),
        # what a remedy takes away is a harm, even when its words carry no polarity
        ("Road tolls prevent gridlock.", "favor"),
        ("Road tolls do not prevent gridlock.", "against"),
        # a conjunct with its own determiner is out of the first one's "no"; a bare one is in
        ("Road tolls have no victims and low costs.", "favor"),
        ("Road tolls bring no benefits and high costs.", "against"),
        ("Road tolls bring much less crime or poverty.", "favor"),
        # what the topic is responsible for is its consequence
        ("Road tolls are responsible for the crisis.", "against"),
        ("Road tolls will be responsible for destroying the town.", "against"),
        # failing or being unable to do something is the opposite of doing it
        ("Road tolls are unable to protect drivers.", "against"),
        ("Road tolls fail to cause accidents.", "favor"),
        # a condition's main clause is what the topic brings about
        ("When road tolls spread, the risk of accidents decreases.", "favor"),
        ("If road tolls pass, poverty will rise.", "against"),
        # losing is a harm whatever is lost
        ("Road tolls cause the loss of habitats.", "against"),
        ("Road tolls end the loss of habitats.", "favor"),
        # a doubted harm in the topic's clause is for the topic
        ("Famine is rare under road tolls.", "favor"),
        ("Wars between road tolls are less likely.", "favor"),
        # an amount turns what it measures around: a low cost is good, small benefits bad
        ("The cost of road tolls is low.", "favor"),
        ("The benefits of road tolls are small.", "against"),
        ("Road tolls have a low cost.", "favor"),
        ("Road tolls are low in cost.", "favor"),
        ("Road tolls tend to be lower in cost than fuel taxes.", "favor"),
        ("Road tolls are high in cost.", "against"),
        # solving, fixing or resolving a harm is a remedy
        ("Road tolls solve problems.", "favor"),
        ("Road tolls fix the problems of the city.", "favor"),
        # an amount reaches a conjunct with a modifier that is no amount of its own
        ("Road tolls lead to less crime and violent unrest.", "favor"),
        # a solution removes what it solves, an obstacle what it stands in the way of
        ("Road tolls are a solution to the problems of the city.", "favor"),
        ("Road tolls are the best solution.", "favor"),
        ("Road tolls are an obstacle to growth.", "against"),
        # judgements of feasibility argue too
        ("Road tolls are impractical.", "against"),
        ("Road tolls are preferable to fuel taxes.", "favor"),
        ("Road tolls are disproportionate.", "against"),
        # hindering is taking away, a harm of itself when what is hindered is unsaid
        ("Road tolls stifle trade.", "against"),
        # acting on a wrong deals with it
        ("Road tolls help prosecute crimes.", "favor"),
        # a noun "against" the topic acts against it, and is judged
        ("Laws against road tolls are constitutional.", "against"),
        ("The campaign against road tolls is admirable.", "against"),
    ],
)
def test_polarity_is_composed_toward_the_topic(extractor, text, expected):
    assert polarity(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The minister discussed road tolls on Monday.",
        "Road tolls were introduced in March.",  # an act reported as a fact
        "Road tolls are illegal in Norway.",  # a legal status, not a judgement
    ],
)
def test_a_topic_that_is_only_mentioned_gets_no_stance(extractor, text):
    assert stances(extractor, text) == {}


def test_someone_else_s_reported_opinion_is_not_the_speaker_s(extractor):
    assert stances(extractor, "Critics say road tolls are harmful.") == {}
    text = "Road tolls were discussed, but critics say they are harmful."
    assert stances(extractor, text) == {}
    assert polarity(extractor, "We believe road tolls are harmful.") == "against"


@pytest.mark.parametrize(
    "text",
    [
        "According to critics, road tolls are harmful.",
        "Road tolls are harmful, according to the mayor.",
        "Road tolls, critics argue, are harmful.",  # interrupted by the report
        "The mayor's claim that road tolls are harmful is wrong.",  # a claim's content
        "The government considers road tolls unfair.",  # an opinion verb
    ],
)
def test_an_opinion_attributed_to_someone_else_gives_no_stance(extractor, text):
    assert stances(extractor, text) == {}


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Road tolls are harmful, the mayor argued.", "Road tolls are harmful"),
        ("According to the mayor, road tolls are harmful.", "road tolls are harmful"),
    ],
)
def test_the_attribution_outside_the_statement_names_the_speaker(extractor, text, content):
    start = text.index(content)
    statement = StatementRecord(
        kind="indirect", cue="argued", text=content, start=start, end=start + len(content),
        paragraph=0, speaker=0,
    )  # fmt: skip
    doc = extractor.nlp(text)
    _, found = extractor.tag_and_score(doc, statements=(statement,), speakers=SPEAKERS)
    assert [record.polarity for record in found] == ["against"]


@pytest.mark.parametrize(
    "text",
    ["Road tolls, Speaker argued, are harmful.", "Road tolls, she said, are harmful."],
)
def test_the_speaker_s_own_interrupting_attribution_keeps_the_stance(extractor, text):
    # Ann Speaker's statement: "Speaker argued" or "she said" inside it is her own attribution
    assert polarity(extractor, text) == "against"


@pytest.mark.parametrize(
    "text",
    [
        "According to our study, road tolls are harmful.",
        "We consider road tolls unfair.",
        "Our view that road tolls are unfair has not changed.",
    ],
)
def test_the_speaker_s_own_side_reports_its_own_opinion(extractor, text):
    assert polarity(extractor, text) == "against"


def test_another_s_attitude_is_judged_by_what_the_statement_says_of_it(extractor):
    # the opposition is not the speaker's: calling it racist is a position for road tolls
    assert polarity(extractor, "The opposition to road tolls is based on racism.") == "favor"
    assert polarity(extractor, "The ban on road tolls was driven by greed.") == "favor"
    assert polarity(extractor, "Our opposition to road tolls is firm.") == "against"


def test_a_hedge_keeps_the_polarity_with_less_confidence(extractor):
    plain = stances(extractor, "Road tolls reduce congestion.")["road-tolls"]
    hedged = stances(extractor, "Road tolls may reduce congestion.")["road-tolls"]
    assert plain.polarity == hedged.polarity == "favor"
    assert hedged.confidence < plain.confidence


def test_the_record_shows_the_method_the_cue_words_and_the_path(extractor):
    record = stances(extractor, "Road tolls increase poverty in rural towns.")["road-tolls"]
    assert record.method == "lexicon"
    assert {"increase", "poverty"} <= set(record.cues)
    assert any(step.startswith("consequence:increase") for step in record.path)


def test_the_cue_rules_still_answer_first(extractor):
    record = stances(extractor, "We condemn road tolls.")["road-tolls"]
    assert (record.polarity, record.method) == ("against", "rule")
    assert record.path


def test_a_word_of_the_topic_s_family_carries_the_stance(extractor):
    found = stances(extractor, "Immigrants strengthen the local economy.")
    assert found["immigration"].polarity == "favor"


def test_one_statement_takes_one_position_its_strongest_mention_s(extractor):
    # the second mention reads weakly against ("critics of ..."); alone with the first it
    # used to blur the record into neutral
    text = "Road tolls cut pollution, although critics of road tolls are loud."
    assert polarity(extractor, text) == "favor"


@pytest.mark.parametrize(
    ("text", "topic", "expected"),
    [
        ("Toll-free roads are a blessing.", "road-tolls", "against"),
        ("Being childless is a sad fate.", "children", "favor"),
        ("A childfree life is wonderful.", "children", "against"),
    ],
)
def test_a_position_on_the_topic_s_absence_is_the_opposite_position(
    extractor, text, topic, expected
):
    record = stances(extractor, text)[topic]
    assert record.polarity == expected
    assert record.path[0].startswith("absence:")


@pytest.mark.parametrize(
    ("text", "expected", "step"),
    [
        # the mention's clause says nothing, the sentence around it does
        ("Since road tolls came, the villages have suffered terribly.", "against", "sentence:"),
        # no path through the parse: the words of the sentence, at the lowest confidence
        ("Road tolls, a disaster for everyone.", "against", "words:"),
        # however weak the words: a topic in a sentence that judges at all takes its side
        ("Road tolls, imposed on every town.", "against", "words:"),
    ],
)
def test_the_last_back_offs_read_the_sentence_then_its_words(extractor, text, expected, step):
    record = stances(extractor, text)["road-tolls"]
    assert record.polarity == expected
    assert record.path[-1].startswith(step)
    plain = stances(extractor, "Road tolls increase poverty.")["road-tolls"]
    assert record.confidence < plain.confidence
