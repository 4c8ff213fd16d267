"""Whole-database backup and restore, on Django's serialization (dumpdata/loaddata).

A backup holds every row a restore needs to give back the same database: the users
(reviewers, with their groups and permissions), every claims table (articles, speakers and
aliases, topics, statements with their topics, stances with their evidence, review status,
reviewer and time), the change history of each, and the admin's action log. Primary keys are
kept, so ids in API links and admin addresses still hold; content types and permissions are
named by natural key, as their ids differ from one database to another. API tokens and
sessions are left out: they are credentials, made anew after a restore.

A restore goes into an empty, migrated database only, in one transaction: either every row
lands or none does.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management import call_command
from django.core.serializers import json as json_serialization
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Model
from django.test.utils import override_settings

# What a backup holds, in dumpdata's labels: whole apps or single models.
BACKUP_LABELS = ("auth.group", "auth.user", "admin.logentry", "claims")

# Django's JSON keeps times to the millisecond; a backup keeps them to the microsecond, as
# stored (review and history times compare equal after a restore). loaddata reads it as JSON.
FORMAT = "claimtracker-json"


class Serializer(json_serialization.Serializer):
    """Django's JSON serializer with full-precision times (this module is the format)."""

    def _value_from_field(self, obj: Model, field) -> object:
        value = super()._value_from_field(obj, field)
        return value.isoformat() if isinstance(value, datetime | time) else value


Deserializer = json_serialization.Deserializer


class NotEmptyError(Exception):
    """The database to restore into already holds rows."""


class NotMigratedError(Exception):
    """The database to restore into lacks tables: ``manage.py migrate`` was not run (fully)."""


def unapplied_migrations(*, database: str = DEFAULT_DB_ALIAS) -> list[str]:
    """The migrations ``manage.py migrate`` would still apply to ``database``."""
    executor = MigrationExecutor(connections[database])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def backed_up_models() -> list[type[Model]]:
    """Every model whose rows a backup holds (M2M link tables travel with their models)."""
    models: list[type[Model]] = []
    for label in BACKUP_LABELS:
        if "." in label:
            models.append(apps.get_model(label))
        else:
            models.extend(apps.get_app_config(label).get_models())
    return models


def write_backup(*, output: Path | str) -> None:
    """Write the backup to ``output``: JSON, compressed when the name ends in .gz, .bz2,
    .lzma or .xz (as dumpdata does)."""
    if FORMAT not in serializers.get_serializer_formats():
        serializers.register_serializer(FORMAT, __name__)
    call_command(
        "dumpdata",
        *BACKUP_LABELS,
        format=FORMAT,
        output=str(output),
        indent=None,
        use_natural_foreign_keys=True,
        use_natural_primary_keys=False,  # keep ids: links and admin addresses stay valid
        verbosity=0,
    )


def rows_in(models: Iterable[type[Model]]) -> dict[str, int]:
    """The tables among ``models`` that hold rows, with their counts."""
    counts = {model._meta.label: model._default_manager.count() for model in models}
    return {label: count for label, count in counts.items() if count}


def restore_backup(*, source: Path | str) -> int:
    """Load the backup at ``source`` into this empty database, in one transaction.

    Raises NotMigratedError when the database lacks tables, and NotEmptyError, naming what is
    there, when any backed-up table holds rows. Returns the number of objects loaded.
    """
    if missing := unapplied_migrations():
        raise NotMigratedError(
            f"The database is not migrated ({len(missing)} migration(s) to apply, from "
            f"{missing[0]}). Run manage.py migrate on it first, then restore."
        )
    with transaction.atomic():
        present = rows_in([*backed_up_models(), get_user_model()])
        if present:
            found = ", ".join(f"{count} {label}" for label, count in sorted(present.items()))
            raise NotEmptyError(
                f"The database is not empty ({found}). Restore only into a new database "
                "that has just been migrated (manage.py migrate), with no topics loaded "
                "and no users created: the backup brings its own."
            )
        # The history tables come from the backup itself: setting M2M links while loading
        # must not add history rows of its own (simple-history records M2M changes).
        with override_settings(SIMPLE_HISTORY_ENABLED=False):
            before = _object_count()
            call_command("loaddata", str(source), verbosity=0)
        return _object_count() - before


def _object_count() -> int:
    return sum(model._default_manager.count() for model in backed_up_models())
