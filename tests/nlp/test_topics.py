"""Topic tagging: phrases found case-insensitively, by lemma and by word family, per statement span."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from claims.models import Topic, TopicStatus
from claims.nlp.records import EntityRecord, TopicSpec
from claims.nlp.topics import TopicTagger, topic_mentions
from tests.conftest import ROOT

SPECS = (
    TopicSpec("belarus", "Belarus", ("belarus", "minsk")),
    TopicSpec("sanctions", "Sanctions", ("sanction", "embargo")),
    TopicSpec("cis", "CIS", ("cis", "commonwealth of independent states")),
    TopicSpec("united-states", "United States", ("united states", "us", "washington")),
    TopicSpec("nato", "NATO", ("nato",)),
    TopicSpec("regional-security", "Regional security", ("security cooperation",)),
    TopicSpec("western-proposals", "Western proposals", ("proposals for security cooperation",)),
)


@pytest.fixture(scope="module")
def tagger(nlp):
    return TopicTagger(nlp, SPECS)


def tag(nlp, tagger, text):
    doc = nlp(text)
    return tagger.tag(doc[:])


def test_phrases_match_any_case_and_inflection(nlp, tagger):
    assert tag(nlp, tagger, "New SANCTIONS against minsk were announced.") == (
        "sanctions",
        "belarus",
    )


def test_full_name_and_abbreviation_tag_the_same_topic(nlp, tagger):
    assert tag(nlp, tagger, "Leaders of the Commonwealth of Independent States met.") == ("cis",)
    assert tag(nlp, tagger, "CIS leaders met.") == ("cis",)


def test_a_capital_city_stands_for_its_country(nlp, tagger):
    assert tag(nlp, tagger, "Washington keeps up the pressure.") == ("united-states",)


def test_pronoun_us_is_not_the_united_states(nlp, tagger):
    assert tag(nlp, tagger, "They told us nothing.") == ()
    assert tag(nlp, tagger, "The US told them nothing.") == ("united-states",)


def test_a_longer_phrase_of_another_topic_wins(nlp, tagger):
    assert tag(nlp, tagger, "The proposals for security cooperation were discussed.") == (
        "western-proposals",
    )


def test_only_the_span_is_tagged(nlp, tagger):
    doc = nlp("Minsk rejected it. NATO welcomed the sanctions.")
    second = list(doc.sents)[1]
    assert tagger.tag(second) == ("nato", "sanctions")
    assert tagger.tag(None) == ()


def test_matches_are_shared_with_later_steps_through_the_doc(nlp, tagger):
    doc = nlp("NATO welcomed the sanctions.")
    assert topic_mentions(doc) == ()
    tagger.tag(doc[:])
    assert [(m.slug, doc[m.start : m.end].text) for m in topic_mentions(doc)] == [
        ("nato", "NATO"),
        ("sanctions", "sanctions"),
    ]


def test_entities_no_topic_covers_are_listed_for_suggestion(nlp, tagger):
    doc = nlp("NATO discussed the embargo with the Kremlin in Berlin.")
    found = tagger.entities(doc[:])
    assert EntityRecord("Berlin", "GPE") in found
    assert "Kremlin" in {entity.text for entity in found}  # "the" is not part of the name
    assert all(entity.text != "NATO" for entity in found)
    assert tagger.entities(None) == ()


@pytest.mark.django_db
def test_curated_fixture_loads_with_the_seed_subjects_and_a_hierarchy():
    call_command("loaddata", str(ROOT / "fixtures" / "topics.json"), verbosity=0)
    topics = {topic.name: topic for topic in Topic.objects.select_related("parent")}
    seed_subjects = {
        "Afghanistan", "Arms supply", "Terrorism", "Migration", "Central Asia",
        "Regional security cooperation", "CIS", "CSTO", "SCO", "Belarus", "Sanctions",
        "European Union", "United States", "Eastern Partnership", "Western security proposals",
    }  # fmt: skip
    assert seed_subjects <= topics.keys()
    assert len(topics) >= 40
    assert all(topic.status == TopicStatus.CURATED for topic in topics.values())
    assert topics["CSTO"].parent == topics["Regional security cooperation"]
    assert topics["Eastern Partnership"].parent == topics["European Union"]


def test_fixture_phrases_are_lower_case_and_unique_per_topic():
    rows = json.loads((ROOT / "fixtures" / "topics.json").read_text(encoding="utf-8"))
    for row in rows:
        phrases = row["fields"]["phrases"]
        assert phrases, row["fields"]["name"]
        assert all(phrase == phrase.lower() for phrase in phrases)
        assert len(set(phrases)) == len(phrases)


FAMILY_SPECS = (
    TopicSpec("immigration", "Immigration", ("immigration",)),
    TopicSpec("abortion", "Abortion", ("abortion",)),
    TopicSpec("foreign-policy", "Foreign policy", ("foreign policy",)),
    TopicSpec("wind-farms", "Wind farms", ("build offshore wind farms",)),
    TopicSpec("advertising", "Advertising", ("advertising",)),
    TopicSpec("democratization", "Democratization", ("democratization",)),
    TopicSpec("reconciliation", "Reconciliation", ("reconciliation",)),
    TopicSpec("policing", "Policing", ("police",)),
    TopicSpec("subsidies", "Subsidies", ("subsidize",)),
)


@pytest.fixture(scope="module")
def family_tagger(nlp):
    return TopicTagger(nlp, FAMILY_SPECS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Immigrants built the new railway.", ("immigration",)),
        ("The clinic refused to abort the pregnancy.", ("abortion",)),
        ("Offshore turbines are noisy.", ("wind-farms",)),  # a rare word of a longer phrase
        ("The wind farms were finished in May.", ("wind-farms",)),  # its inner noun phrase
        ("These farms make a lot of noise.", ("wind-farms",)),  # what the action is on
        ("The new policy was announced.", ()),  # a common word of a longer phrase is not enough
        ("Her foreign-policy advisers resigned.", ("foreign-policy",)),  # written hyphenated
        # "-ising", "-iation" and "-acies" end words of the same families
        ("The advertisements ran all week.", ("advertising",)),
        ("Young democracies need time.", ("democratization",)),
        ("They tried to reconcile the two sides.", ("reconciliation",)),
        ("The official left the office.", ()),  # "-ial" is no suffix of a family
        # "policy" and "police" share a key but differ in their last letter only: two words
        ("The new policies were announced.", ()),
        ("Policing changed in May.", ("policing",)),
        ("The subsidy ended in May.", ("subsidies",)),  # "subsidize" and "subsidy" do share
    ],
)
def test_word_families_and_inner_phrases_tag_the_topic(nlp, family_tagger, text, expected):
    assert tag(nlp, family_tagger, text) == expected


def test_the_tagger_publishes_its_mentions_and_entities_on_the_doc(nlp, tagger):
    doc = tagger(nlp("NATO discussed the embargo in Berlin."))
    assert [(span.text, span.label_) for span in doc.spans["topics"]] == [
        ("NATO", "nato"),
        ("embargo", "sanctions"),
    ]
    assert [span.text for span in doc.spans["topic_entities"]] == ["Berlin"]
    assert "doc.spans['topics']" in TopicTagger.assigns


def test_a_privative_word_of_a_topic_s_family_names_its_absence(nlp, family_tagger):
    doc = family_tagger(nlp("Abortion-free clinics and immigrantless towns were discussed."))
    found = {(doc[m.start : m.end].text, m.slug, m.absent) for m in topic_mentions(doc)}
    assert found == {("Abortion-free", "abortion", True), ("immigrantless", "immigration", True)}
    plain = family_tagger(nlp("Immigrants built the railway."))
    assert [m.absent for m in topic_mentions(plain)] == [False]
