"""Positions follow the evidence: rejecting every statement a stance rests on retracts it."""

from __future__ import annotations

import pytest

from claims.models import ReviewStatus, Stance, Statement
from claims.selectors.stances import current_positions
from claims.services.review import (
    review_stance,
    review_statement,
    set_review_status,
    set_stance_review_status,
)
from tests.factories import make_article, make_stance, make_statement, make_user

pytestmark = pytest.mark.django_db


def _positions(stance: Stance) -> list[tuple[int, str]]:
    return [(p.topic_id, p.polarity) for p in current_positions(speakers=[stance.speaker_id])]


def test_rejecting_the_only_evidence_retracts_the_stance_and_the_position_with_a_reason():
    reviewer = make_user()
    statement = make_statement()
    stance = make_stance(evidence=(statement,))
    assert _positions(stance) == [(stance.topic_id, stance.polarity)]

    review_statement(statement=statement, reviewer=reviewer, review_status=ReviewStatus.REJECTED)

    stance.refresh_from_db()
    assert stance.review_status == ReviewStatus.REJECTED
    assert stance.is_retracted
    assert _positions(stance) == []
    latest = stance.history.first()
    assert latest.history_user == reviewer
    assert "every statement it rests on was rejected" in latest.history_change_reason


def test_a_stance_with_other_standing_evidence_stays():
    article = make_article()
    rejected, other = make_statement(article=article), make_statement(article=article)
    stance = make_stance(evidence=(rejected, other))

    set_review_status(
        statements=Statement.objects.filter(pk=rejected.pk),
        reviewer=make_user(),
        review_status=ReviewStatus.REJECTED,
    )

    stance.refresh_from_db()
    assert stance.review_status == ReviewStatus.PENDING
    assert _positions(stance) == [(stance.topic_id, stance.polarity)]


def test_rejecting_the_last_evidence_in_bulk_retracts_and_approving_one_restores_the_status():
    reviewer = make_user()
    article = make_article()
    first, second = make_statement(article=article), make_statement(article=article)
    stance = make_stance(evidence=(first, second))
    review_stance(stance=stance, reviewer=reviewer, review_status=ReviewStatus.APPROVED)
    both = Statement.objects.filter(pk__in=[first.pk, second.pk])

    set_review_status(statements=both, reviewer=reviewer, review_status=ReviewStatus.REJECTED)
    stance.refresh_from_db()
    assert (stance.review_status, stance.is_retracted) == (ReviewStatus.REJECTED, True)

    review_statement(statement=second, reviewer=reviewer, review_status=ReviewStatus.APPROVED)
    stance.refresh_from_db()
    assert (stance.review_status, stance.is_retracted) == (ReviewStatus.APPROVED, False)
    assert "no longer rejected" in stance.history.first().history_change_reason
    assert _positions(stance) == [(stance.topic_id, stance.polarity)]


def test_a_stance_a_reviewer_rejected_is_not_restored_by_its_evidence():
    reviewer = make_user()
    statement = make_statement()
    stance = make_stance(evidence=(statement,))
    set_stance_review_status(
        stances=Stance.objects.filter(pk=stance.pk),
        reviewer=reviewer,
        review_status=ReviewStatus.REJECTED,
    )

    review_statement(statement=statement, reviewer=reviewer, review_status=ReviewStatus.REJECTED)
    review_statement(statement=statement, reviewer=reviewer, review_status=ReviewStatus.PENDING)

    stance.refresh_from_db()
    assert stance.review_status == ReviewStatus.REJECTED
    assert not stance.is_retracted


def test_a_reviewer_deciding_on_a_retracted_stance_ends_the_retraction():
    reviewer = make_user()
    statement = make_statement()
    stance = make_stance(evidence=(statement,))
    review_statement(statement=statement, reviewer=reviewer, review_status=ReviewStatus.REJECTED)
    stance.refresh_from_db()

    review_stance(stance=stance, reviewer=reviewer, review_status=ReviewStatus.APPROVED)
    review_statement(statement=statement, reviewer=reviewer, review_status=ReviewStatus.PENDING)

    stance.refresh_from_db()
    assert (stance.review_status, stance.is_retracted) == (ReviewStatus.APPROVED, False)
