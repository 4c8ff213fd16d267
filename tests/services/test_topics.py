"""Suggested topics: entities no curated topic covers become topics once, reused afterwards."""

import pytest

from claims.models import Topic, TopicStatus
from claims.nlp.records import EntityRecord
from claims.services.topics import suggested_topic_ids

pytestmark = pytest.mark.django_db


def test_existing_topic_is_reused_whatever_the_case():
    belarus = Topic.objects.create(name="Belarus", slug="belarus", phrases=["belarus"])

    ids = suggested_topic_ids(entities=[EntityRecord(text="BELARUS", label="GPE")])

    assert ids == {"belarus": belarus.pk}
    assert Topic.objects.count() == 1


def test_a_new_entity_named_twice_becomes_one_suggested_topic():
    entities = [EntityRecord(text="Minsk", label="GPE"), EntityRecord(text="minsk ", label="GPE")]

    ids = suggested_topic_ids(entities=entities)

    topic = Topic.objects.get()
    assert ids == {"minsk": topic.pk}
    assert (topic.name, topic.status, topic.entity_label) == ("Minsk", TopicStatus.SUGGESTED, "GPE")


def test_no_entities_no_queries(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert suggested_topic_ids(entities=[]) == {}
