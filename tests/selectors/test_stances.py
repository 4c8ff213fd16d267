"""Stance tracking: current positions (reviewed beat machine-made), changes over time."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import Article, Speaker, Stance, Topic
from claims.selectors.stances import (
    current_positions,
    position_changes,
    stance_timeline,
    stances_changed_since,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def lavrov():
    return Speaker.objects.create(name="Sergey Lavrov", slug="sergey-lavrov")


@pytest.fixture
def belarus():
    return Topic.objects.create(name="Belarus", slug="belarus")


@pytest.fixture
def sanctions():
    return Topic.objects.create(name="Sanctions", slug="sanctions")


def article(day: date) -> Article:
    """The one article published on ``day``."""
    text = f"An article of {day}."
    found, _ = Article.objects.get_or_create(
        content_hash=str(day),
        defaults={"source": f"{day}.txt", "published": day, "text": text, "original_text": text},
    )
    return found


def stance(speaker, topic, polarity, day, *, confidence=0.7, **fields) -> Stance:
    return Stance.objects.create(
        speaker=speaker, topic=topic, polarity=polarity, observed_on=day,
        confidence=confidence, article=article(day), **fields,
    )  # fmt: skip


def test_an_approved_stance_beats_more_confident_machine_made_ones(lavrov, belarus):
    day = date(2021, 10, 1)
    stance(lavrov, belarus, "favor", day, confidence=0.9)
    stance(lavrov, belarus, "favor", day, confidence=0.9)
    stance(lavrov, belarus, "against", day, confidence=0.5, review_status="approved")
    [position] = current_positions(speakers=[lavrov.pk])
    assert (position.topic_id, position.polarity) == (belarus.pk, "against")
    assert position.observations == 3
    assert position.last_observed == day


def test_a_manual_stance_counts_as_reviewed_and_rejected_ones_are_ignored(lavrov, belarus):
    day = date(2021, 10, 1)
    stance(lavrov, belarus, "against", day, confidence=0.9)
    stance(lavrov, belarus, "against", day, confidence=0.9, review_status="rejected")
    stance(lavrov, belarus, "favor", day, confidence=0.4, method="manual")
    [position] = current_positions(speakers=[lavrov.pk], topics=[belarus.pk])
    assert position.polarity == "favor"
    assert position.observations == 2


def test_newer_machine_evidence_after_a_review_still_counts(lavrov, belarus):
    stance(lavrov, belarus, "favor", date(2020, 1, 1), review_status="approved")
    stance(lavrov, belarus, "against", date(2023, 1, 1), confidence=0.8)
    [position] = current_positions(speakers=[lavrov.pk])
    assert position.polarity == "against"


def test_a_change_of_position_across_two_dated_articles(lavrov, belarus):
    before = stance(lavrov, belarus, "favor", date(2020, 3, 1))
    after = stance(lavrov, belarus, "against", date(2021, 9, 1))
    [change] = position_changes(speaker=lavrov)
    assert (change.before, change.after) == ("favor", "against")
    assert (change.last_before, change.changed_on) == (date(2020, 3, 1), date(2021, 9, 1))
    assert (change.before_stances, change.after_stances) == ((before.pk,), (after.pk,))
    [position] = current_positions(speakers=[lavrov.pk])
    assert (position.polarity, position.last_change) == ("against", date(2021, 9, 1))


def test_an_unchanged_position_has_no_change(lavrov, belarus):
    stance(lavrov, belarus, "against", date(2020, 3, 1))
    stance(lavrov, belarus, "neutral", date(2020, 6, 1))
    stance(lavrov, belarus, "against", date(2021, 9, 1))
    assert position_changes(speaker=lavrov) == []
    assert current_positions(speakers=[lavrov.pk])[0].last_change is None


def test_timeline_is_oldest_first_per_topic(lavrov, belarus, sanctions):
    late = stance(lavrov, belarus, "against", date(2021, 9, 1))
    early = stance(lavrov, belarus, "favor", date(2020, 3, 1))
    stance(lavrov, sanctions, "against", date(2020, 5, 1))
    assert list(stance_timeline(speaker=lavrov, topic=belarus)) == [early, late]
    assert len(stance_timeline(speaker=lavrov)) == 3


def test_changed_since_lists_both_sides_of_recent_changes_only(lavrov, belarus, sanctions):
    old = stance(lavrov, belarus, "favor", date(2020, 3, 1))
    new = stance(lavrov, belarus, "against", date(2021, 9, 1))
    stance(lavrov, sanctions, "favor", date(2019, 1, 1))
    stance(lavrov, sanctions, "against", date(2019, 6, 1))  # changed, but long ago
    stance(lavrov, sanctions, "against", date(2021, 9, 2))
    assert set(stances_changed_since(since=date(2021, 8, 1))) == {old, new}
    assert not stances_changed_since(since=date(2021, 10, 1)).exists()


def test_query_count_does_not_grow_with_speakers_and_topics(lavrov, belarus, sanctions):
    other = Speaker.objects.create(name="Josep Borrell", slug="josep-borrell")
    for who in (lavrov, other):
        for topic in (belarus, sanctions):
            stance(who, topic, "favor", date(2020, 1, 1))
            stance(who, topic, "against", date(2021, 1, 1))
    with CaptureQueriesContext(connection) as queries:
        positions = current_positions()
    assert len(positions) == 4
    assert len(queries) == 1


def undated(speaker, topic, polarity, *, confidence=0.7, **fields) -> Stance:
    return Stance.objects.create(
        speaker=speaker, topic=topic, polarity=polarity, observed_on=None, confidence=confidence,
        **fields,
    )  # fmt: skip


def test_undated_observations_give_a_position_without_a_date(lavrov, belarus):
    undated(lavrov, belarus, "against")
    undated(lavrov, belarus, "against")

    [position] = current_positions(speakers=[lavrov.pk])

    assert (position.polarity, position.observations) == ("against", 2)
    assert (position.last_observed, position.last_change) == (None, None)


def test_undated_observations_are_kept_out_of_change_detection(lavrov, belarus):
    undated(lavrov, belarus, "favor", confidence=0.9)
    stance(lavrov, belarus, "against", date(2023, 5, 1))
    stance(lavrov, belarus, "against", date(2023, 6, 1))

    [position] = current_positions(speakers=[lavrov.pk])

    assert position_changes(speaker=lavrov) == []
    assert not stances_changed_since(since=date(2023, 1, 1)).exists()
    assert position.last_observed == date(2023, 6, 1)
    timeline = list(stance_timeline(speaker=lavrov))
    assert [s.observed_on for s in timeline] == [None, date(2023, 5, 1), date(2023, 6, 1)]


def test_a_reviewed_dated_observation_overrides_a_pending_undated_one(lavrov, belarus):
    undated(lavrov, belarus, "favor", confidence=0.9)
    stance(lavrov, belarus, "against", date(2023, 5, 1), confidence=0.3, review_status="approved")

    [position] = current_positions(speakers=[lavrov.pk])

    assert (position.polarity, position.observations) == ("against", 2)
