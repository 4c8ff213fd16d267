"""Merging speakers: the same person stored twice becomes one, keeping everything they said.

Statements, stances and aliases move to the target; the duplicates' names stay on as its
aliases (so the next ingest finds the target by them) and the duplicates are deleted. The
history records each move; its author is the request's user (the history middleware).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from claims.core.aliases import normalize_alias
from claims.models import Speaker, SpeakerAlias, Stance, Statement
from claims.services.history import bulk_update_with_full_history

_DETAILS = ("role", "affiliation", "external_id")


@transaction.atomic
def merge_speakers(*, target: Speaker, duplicates: Iterable[Speaker]) -> Speaker:
    """Fold ``duplicates`` into ``target`` and delete them; returns ``target``."""
    duplicate_ids = sorted({speaker.pk for speaker in duplicates} - {target.pk})
    if not duplicate_ids:
        return target
    target = Speaker.objects.select_for_update().get(pk=target.pk)
    dupes = list(Speaker.objects.select_for_update().filter(pk__in=duplicate_ids).order_by("pk"))

    _move(Statement.objects.filter(speaker__in=dupes), target=target)
    _move(Stance.objects.filter(speaker__in=dupes), target=target)
    _move_aliases(dupes=dupes, target=target)
    _fill_blank_details(target=target, dupes=dupes)
    for duplicate in dupes:
        duplicate.delete()
    return target


def _move(rows, *, target: Speaker) -> None:
    moving = list(rows)
    for row in moving:
        row.speaker = target
    bulk_update_with_full_history(objects=moving, fields=["speaker"], user=None)


def _move_aliases(*, dupes: list[Speaker], target: Speaker) -> None:
    taken = set(target.aliases.values_list("normalized", flat=True))
    for duplicate in dupes:
        for alias in duplicate.aliases.all():
            if alias.normalized in taken:
                alias.delete()
            else:
                alias.speaker = target
                alias.save()
                taken.add(alias.normalized)
        normalized = normalize_alias(duplicate.name)[:300]
        if normalized and normalized not in taken:
            SpeakerAlias.objects.create(
                speaker=target, alias=duplicate.name[:300], normalized=normalized
            )
            taken.add(normalized)


def _fill_blank_details(*, target: Speaker, dupes: list[Speaker]) -> None:
    changed = []
    for field in _DETAILS:
        if getattr(target, field):
            continue
        value = next((getattr(d, field) for d in dupes if getattr(d, field)), "")
        if value:
            setattr(target, field, value)
            changed.append(field)
    if changed:
        target.save(update_fields=changed)
