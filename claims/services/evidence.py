"""Stances follow their evidence: a stance whose every statement is rejected is retracted.

A review that changes the status of statements calls ``follow_evidence``. A stance resting
only on rejected statements is retracted: its status becomes rejected and it remembers the
status it had. A retracted stance one of whose statements is no longer rejected gets that
status back. Positions are computed from the stances that are not rejected
(``claims.selectors.stances``), so a speaker's positions, in the admin, the API and the
``stances`` command, change with the review. Each change leaves a history row saying why.
"""

from __future__ import annotations

from collections.abc import Collection

from django.contrib.auth.models import AbstractBaseUser as User
from django.db.models import Exists, OuterRef
from django.utils import timezone

from claims.models import ReviewStatus, Stance
from claims.services.history import bulk_update_with_full_history

_FIELDS = ["review_status", "status_before_retraction", "reviewed_by", "reviewed_at"]
RETRACTED = "Retracted: every statement it rests on was rejected."


def retract(stance: Stance) -> None:
    """Mark ``stance`` (not saved) retracted: rejected, remembering its status, and why."""
    stance.status_before_retraction = stance.review_status
    stance.review_status = ReviewStatus.REJECTED
    stance._change_reason = RETRACTED


def follow_evidence(*, statement_ids: Collection[int], reviewer: User) -> int:
    """Retract or restore the stances resting on ``statement_ids``; returns how many changed.

    Call in the transaction that changed the statements' status, after the change.
    """
    if not statement_ids:
        return 0
    through = Stance.evidence.through
    standing = through.objects.filter(stance_id=OuterRef("pk")).exclude(
        statement__review_status=ReviewStatus.REJECTED
    )
    resting = through.objects.filter(statement_id__in=list(statement_ids)).values("stance_id")
    stances = (
        Stance.objects.filter(pk__in=resting)
        .select_for_update()
        .annotate(supported=Exists(standing))
        .order_by("pk")
    )
    changing: list[Stance] = []
    for stance in stances:
        if not stance.supported and stance.review_status != ReviewStatus.REJECTED:
            retract(stance)
        elif stance.supported and stance.is_retracted:
            stance.review_status = stance.status_before_retraction
            stance.status_before_retraction = ""
            stance._change_reason = "Restored: a statement it rests on is no longer rejected."
        else:
            continue
        stance.reviewed_by = reviewer
        stance.reviewed_at = timezone.now()
        stance._history_user = reviewer
        changing.append(stance)
    return bulk_update_with_full_history(objects=changing, fields=_FIELDS, user=reviewer)
