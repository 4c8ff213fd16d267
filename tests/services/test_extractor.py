"""The ingest extractor: built once per process, rebuilt when the curated topics change."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from claims.models import Topic, TopicStatus
from claims.services.parsers import build_extractor

pytestmark = [pytest.mark.django_db, pytest.mark.nlp]  # builds the real extractor


def test_the_extractor_is_reused_until_the_curated_topics_change():
    Topic.objects.create(name="Trade", slug="trade", phrases=["tariffs"])
    first, again = build_extractor(), build_extractor()
    Topic.objects.create(name="Sanctions", slug="sanctions", phrases=["sanctions"])
    Topic.objects.create(name="Minsk", slug="minsk", status=TopicStatus.SUGGESTED)

    changed = build_extractor()

    assert first is again
    assert changed is not first
    assert {spec.slug for spec in changed.topic_tagger.topics} == {"trade", "sanctions"}


def test_unknown_topic_vectors_are_a_configuration_error(settings):
    settings.CLAIMTRACKER_TOPIC_VECTORS = "vectors-nobody-ships"
    with pytest.raises(ImproperlyConfigured, match="CLAIMTRACKER_TOPIC_VECTORS"):
        build_extractor()
