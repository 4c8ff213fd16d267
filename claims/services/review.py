"""Reviews: a person approves, rejects, resets or corrects what the extractor stored.

Every review stamps ``reviewed_by`` and ``reviewed_at``; a stamped row is never replaced by
a re-extraction. Every change leaves a django-simple-history row naming the reviewer, also
for bulk changes and when no web request is around (the API, a shell).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser as User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from claims.core.exceptions import RowReplacedError
from claims.models import Polarity, ReviewStatus, Speaker, Stance, Statement, Topic
from claims.services.claims import refresh_claims
from claims.services.evidence import follow_evidence
from claims.services.history import bulk_update_with_full_history

_REVIEW_FIELDS = ["review_status", "reviewed_by", "reviewed_at"]
# A reviewer's decision on a stance ends a retraction (see ``claims.services.evidence``).
_STANCE_REVIEW_FIELDS = [*_REVIEW_FIELDS, "status_before_retraction"]


def _lock_existing(row: Statement | Stance) -> None:
    """Lock ``row`` until the review commits, or raise ``RowReplacedError`` if it was deleted.

    Without this, saving a row another transaction deleted would insert it again.
    """
    model = type(row)
    if not model.objects.select_for_update().filter(pk=row.pk).exists():
        raise RowReplacedError(
            f"This {model._meta.verbose_name} ({row.pk}) was replaced by a re-extraction of "
            "its article while it was being reviewed; reload it and review the new one."
        )


def _require_choice(value: str, *, allowed: list[str], field: str) -> None:
    if value not in allowed:
        raise ValidationError({field: f"{value!r} is not one of {', '.join(allowed)}."})


def _stamp(row: Statement | Stance, *, reviewer: User) -> None:
    row.reviewed_by = reviewer
    row.reviewed_at = timezone.now()
    # simple-history reads the author from here; outside the admin there is no request.
    row._history_user = reviewer


@transaction.atomic
def review_statement(
    *,
    statement: Statement,
    reviewer: User,
    review_status: str | None = None,
    speaker: Speaker | None = None,
    topics: Iterable[Topic] | None = None,
) -> Statement:
    """Record a reviewer's decision on one statement; ``None`` leaves a field as it is.

    Other fields the caller already changed on ``statement`` (an admin form's kind, say)
    are saved with it. One history row records the whole review, topics included.
    """
    if review_status is not None:
        _require_choice(review_status, allowed=ReviewStatus.values, field="review_status")
        statement.review_status = review_status
    if speaker is not None:
        statement.speaker = speaker
    _stamp(statement, reviewer=reviewer)
    is_new = statement.pk is None
    if not is_new:
        _lock_existing(statement)
    if topics is not None and not is_new:
        # Skip the per-link history rows: the save below snapshots the topics once.
        statement.skip_history_when_saving = True
        try:
            statement.topics.set(topics)
        finally:
            del statement.skip_history_when_saving
    statement.save(force_update=not is_new)
    if topics is not None and is_new:
        statement.topics.set(topics)
    if review_status is not None:
        follow_evidence(statement_ids=[statement.pk], reviewer=reviewer)
    refresh_claims(claim_ids=[statement.claim_id])  # a rejected statement is no appearance
    return statement


@transaction.atomic
def review_stance(
    *,
    stance: Stance,
    reviewer: User,
    polarity: str | None = None,
    review_status: str | None = None,
) -> Stance:
    """Record a reviewer's decision on one stance (its polarity, its status, or both)."""
    if polarity is not None:
        _require_choice(polarity, allowed=Polarity.values, field="polarity")
        stance.polarity = polarity
    if review_status is not None:
        _require_choice(review_status, allowed=ReviewStatus.values, field="review_status")
        stance.review_status = review_status
    _stamp(stance, reviewer=reviewer)
    stance.status_before_retraction = ""
    if stance.pk is not None:
        _lock_existing(stance)
    stance.save(force_update=stance.pk is not None)
    return stance


@transaction.atomic
def set_review_status(
    *, statements: QuerySet[Statement], reviewer: User, review_status: str
) -> int:
    """Give every statement in ``statements`` the status; returns how many changed.

    Statements that already have it are left alone, so their history shows no empty change.
    The stances resting on them follow (``claims.services.evidence``).
    """
    changed = _set_status(rows=statements, reviewer=reviewer, review_status=review_status)
    follow_evidence(statement_ids=[row.pk for row in changed], reviewer=reviewer)
    refresh_claims(claim_ids={row.claim_id for row in changed})  # all rejected: no appearance
    return len(changed)


@transaction.atomic
def set_stance_review_status(
    *, stances: QuerySet[Stance], reviewer: User, review_status: str
) -> int:
    """The same as ``set_review_status``, for stances."""
    return len(_set_status(rows=stances, reviewer=reviewer, review_status=review_status))


def _set_status(*, rows: QuerySet, reviewer: User, review_status: str) -> list:
    """Set the status on the rows that do not have it; returns those rows."""
    _require_choice(review_status, allowed=ReviewStatus.values, field="review_status")
    changing = list(_locked(rows).exclude(review_status=review_status))
    for row in changing:
        row.review_status = review_status
        _stamp(row, reviewer=reviewer)
        if isinstance(row, Stance):
            row.status_before_retraction = ""
    fields = _STANCE_REVIEW_FIELDS if rows.model is Stance else _REVIEW_FIELDS
    bulk_update_with_full_history(objects=changing, fields=fields, user=reviewer)
    return changing


@transaction.atomic
def reassign_statements(
    *, statements: QuerySet[Statement], reviewer: User, speaker: Speaker
) -> int:
    """Attribute ``statements`` to ``speaker``; returns how many changed.

    A stance whose every evidence statement now belongs to ``speaker`` follows them: it
    was inferred from words that were not its old speaker's.
    """
    changing = list(_locked(statements).exclude(speaker=speaker))
    for statement in changing:
        statement.speaker = speaker
        _stamp(statement, reviewer=reviewer)
    updated = bulk_update_with_full_history(
        objects=changing, fields=["speaker", "reviewed_by", "reviewed_at"], user=reviewer
    )
    _move_orphaned_stances(statements=changing, reviewer=reviewer, speaker=speaker)
    return updated


def _locked(rows: QuerySet) -> QuerySet:
    """The same rows, locked; a plain query, since the caller's may join or be distinct."""
    return rows.model.objects.filter(pk__in=rows.values("pk")).select_for_update()


def _move_orphaned_stances(
    *, statements: list[Statement], reviewer: User, speaker: Speaker
) -> None:
    stances = (
        Stance.objects.filter(evidence__in=statements)
        .exclude(speaker=speaker)
        .exclude(evidence__in=Statement.objects.exclude(speaker=speaker))
        .distinct()
    )
    moving = list(stances)
    for stance in moving:
        stance.speaker = speaker
        _stamp(stance, reviewer=reviewer)
    bulk_update_with_full_history(
        objects=moving, fields=["speaker", "reviewed_by", "reviewed_at"], user=reviewer
    )
