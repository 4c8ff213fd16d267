"""Review services: decisions are stamped with reviewer and time, and every change has history."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from claims.models import Polarity, ReviewStatus, Stance, Statement
from claims.services.review import (
    RowReplacedError,
    reassign_statements,
    review_stance,
    review_statement,
    set_review_status,
)
from tests.factories import (
    make_article,
    make_speaker,
    make_stance,
    make_statement,
    make_topic,
    make_user,
)

pytestmark = pytest.mark.django_db


def test_review_statement_records_reviewer_time_and_one_history_row_with_topics():
    reviewer = make_user()
    old_topic, new_topic = make_topic(), make_topic()
    statement = make_statement(topics=(old_topic,))
    speaker = make_speaker()
    before = statement.history.count()

    review_statement(
        statement=statement,
        reviewer=reviewer,
        review_status=ReviewStatus.APPROVED,
        speaker=speaker,
        topics=[new_topic],
    )

    statement.refresh_from_db()
    assert statement.review_status == ReviewStatus.APPROVED
    assert statement.speaker == speaker
    assert list(statement.topics.all()) == [new_topic]
    assert statement.reviewed_by == reviewer
    assert statement.is_reviewed
    assert statement.history.count() == before + 1
    latest = statement.history.first()
    assert latest.history_user == reviewer
    assert [link.topic for link in latest.topics.all()] == [new_topic]
    delta = latest.diff_against(latest.prev_record)
    assert {"review_status", "speaker", "topics"} <= set(delta.changed_fields)


def test_review_statement_refuses_an_unknown_status_and_changes_nothing():
    statement = make_statement()
    with pytest.raises(ValidationError):
        review_statement(statement=statement, reviewer=make_user(), review_status="maybe")
    statement.refresh_from_db()
    assert statement.reviewed_at is None


def test_review_stance_sets_polarity_status_and_reviewer():
    reviewer = make_user()
    stance = make_stance(polarity=Polarity.AGAINST)

    review_stance(
        stance=stance,
        reviewer=reviewer,
        polarity=Polarity.FAVOR,
        review_status=ReviewStatus.APPROVED,
    )

    stance.refresh_from_db()
    assert (stance.polarity, stance.review_status) == (Polarity.FAVOR, ReviewStatus.APPROVED)
    assert stance.reviewed_by == reviewer
    assert stance.history.first().history_user == reviewer


def test_review_stance_refuses_an_unknown_polarity():
    with pytest.raises(ValidationError):
        review_stance(stance=make_stance(), reviewer=make_user(), polarity="sideways")


def test_set_review_status_changes_only_the_given_rows_and_keeps_history_per_row():
    reviewer = make_user()
    article = make_article()
    topic = make_topic()
    chosen = [make_statement(article=article, topics=(topic,)) for _ in range(3)]
    other = make_statement(article=article)

    changed = set_review_status(
        statements=Statement.objects.filter(pk__in=[s.pk for s in chosen]),
        reviewer=reviewer,
        review_status=ReviewStatus.REJECTED,
    )

    assert changed == 3
    for statement in chosen:
        statement.refresh_from_db()
        assert statement.review_status == ReviewStatus.REJECTED
        assert statement.reviewed_by == reviewer
        latest = statement.history.first()
        assert latest.history_user == reviewer
        assert latest.prev_record.review_status == ReviewStatus.PENDING
        # The bulk history keeps the topics: they did not change.
        assert "topics" not in latest.diff_against(latest.prev_record).changed_fields
    other.refresh_from_db()
    assert other.review_status == ReviewStatus.PENDING
    assert other.reviewed_at is None


def test_reset_to_pending_is_a_review_and_skips_rows_already_pending():
    reviewer = make_user()
    approved = make_statement(review_status=ReviewStatus.APPROVED)
    untouched = make_statement()

    changed = set_review_status(
        statements=Statement.objects.all(), reviewer=reviewer, review_status=ReviewStatus.PENDING
    )

    assert changed == 1
    approved.refresh_from_db()
    untouched.refresh_from_db()
    assert approved.review_status == ReviewStatus.PENDING
    assert approved.is_reviewed  # a reset is a decision: re-extraction must keep it
    assert not untouched.is_reviewed


def test_reassign_moves_statements_and_the_stances_they_alone_support():
    reviewer = make_user()
    wrong, right = make_speaker(), make_speaker()
    article = make_article()
    moved = make_statement(article=article, speaker=wrong)
    kept = make_statement(article=article, speaker=wrong)
    only_moved = make_stance(speaker=wrong, evidence=(moved,))
    mixed = make_stance(speaker=wrong, evidence=(moved, kept))

    changed = reassign_statements(
        statements=Statement.objects.filter(pk=moved.pk), reviewer=reviewer, speaker=right
    )

    assert changed == 1
    moved.refresh_from_db()
    kept.refresh_from_db()
    assert (moved.speaker, kept.speaker) == (right, wrong)
    assert moved.reviewed_by == reviewer
    assert moved.history.first().history_user == reviewer
    assert Stance.objects.get(pk=only_moved.pk).speaker == right
    assert Stance.objects.get(pk=mixed.pk).speaker == wrong


def test_reviewing_a_statement_a_reextraction_replaced_is_refused_not_reinserted():
    statement = make_statement()
    opened = Statement.objects.get(pk=statement.pk)  # the reviewer's copy
    Statement.objects.filter(pk=statement.pk).delete()  # re-extraction replaced it

    with pytest.raises(RowReplacedError, match="reload it"):
        review_statement(statement=opened, reviewer=make_user(), review_status="approved")

    assert not Statement.objects.filter(pk=statement.pk).exists()


def test_reviewing_a_stance_a_reextraction_replaced_is_refused_not_reinserted():
    stance = make_stance()
    opened = Stance.objects.get(pk=stance.pk)
    Stance.objects.filter(pk=stance.pk).delete()

    with pytest.raises(RowReplacedError):
        review_stance(stance=opened, reviewer=make_user(), polarity=Polarity.FAVOR)

    assert not Stance.objects.exists()
