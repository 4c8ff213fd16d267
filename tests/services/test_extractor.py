"""The ingest extractor: built once per process, rebuilt when the curated topics change."""

import pytest

from claims.models import Topic, TopicStatus
from claims.services.ingest import build_extractor

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
