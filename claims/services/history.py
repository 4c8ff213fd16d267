"""Bulk writes that keep the django-simple-history trail complete.

``bulk_update_with_history`` writes one history row per object but no snapshot of its
many-to-many fields, so the history of a statement would show its topics vanishing. This
adds the snapshots, in a fixed number of queries however many objects change; and
``record_creation`` writes the creation rows of objects stored with ``bulk_create``.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction
from django.utils import timezone


def bulk_update_with_full_history(
    *,
    objects: Sequence[models.Model],
    fields: Sequence[str],
    user: AbstractBaseUser | None,
    reason: str = "",
) -> int:
    """Save ``fields`` of ``objects`` (all of one model) and record who changed them, when,
    and (``reason``, unless an object carries its own) why."""
    if not objects:
        return 0
    model = type(objects[0])
    history_manager = model.history
    now = timezone.now()
    with transaction.atomic():
        updated = model._default_manager.bulk_update(objects, list(fields))
        history_rows = history_manager.bulk_history_create(
            objects, update=True, default_user=user, default_date=now, default_change_reason=reason
        )
        _snapshot_m2m(model=model, objects=objects, history_rows=history_rows)
    return updated


def record_creation(*, objects: Sequence[models.Model], reason: str = "") -> None:
    """A creation row in the history of each of ``objects`` (all of one model, just stored
    with ``bulk_create``, their many-to-many links included), in a fixed number of queries.

    ``bulk_create`` sends no signals, so without this the history of an ingested row began
    at its first review, with nothing to compare that review against. Call it after the
    links are made: the snapshot of the many-to-many fields is taken from the database.
    """
    if not objects:
        return
    model = type(objects[0])
    history_rows = model.history.bulk_history_create(
        objects, default_change_reason=reason, default_date=timezone.now()
    )
    _snapshot_m2m(model=model, objects=objects, history_rows=history_rows)


def _snapshot_m2m(
    *, model: type[models.Model], objects: Sequence[models.Model], history_rows: Sequence
) -> None:
    history_model = model.history.model
    history_by_object = {row.id: row for row in history_rows}
    for field in getattr(history_model, "_history_m2m_fields", ()):
        through = field.remote_field.through
        own_column = field.m2m_field_name()
        other_column = field.m2m_reverse_field_name()
        snapshot_model = getattr(history_model, field.name).model
        links = through.objects.filter(**{f"{own_column}__in": [obj.pk for obj in objects]})
        snapshot_model.objects.bulk_create(
            [
                snapshot_model(
                    history=history_by_object[getattr(link, f"{own_column}_id")],
                    id=link.id,
                    **{
                        f"{own_column}_id": getattr(link, f"{own_column}_id"),
                        f"{other_column}_id": getattr(link, f"{other_column}_id"),
                    },
                )
                for link in links
            ]
        )
