"""``manage.py backup`` then ``manage.py restore`` into an emptied database gives back every
row: articles, speakers, aliases, topics, statements and their topics, stances and their
evidence, review status, reviewer and time, the history, the users and the admin log."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Model

from claims.models import (
    Article,
    Polarity,
    ReviewStatus,
    Speaker,
    SpeakerAlias,
    Stance,
    Statement,
    Topic,
)
from claims.services.backup import backed_up_models
from claims.services.review import review_stance, review_statement
from tests.factories import make_topic, make_user

ROOT = Path(__file__).resolve().parent.parent.parent


def natural(value: object) -> object:
    """Content types and permissions by name: their ids are the database's own."""
    if isinstance(value, ContentType):
        return value.natural_key()
    if isinstance(value, Permission):
        return value.natural_key()
    return value


def table(model: type[Model]) -> list[tuple]:
    """Every row of ``model`` (its fields and its M2M links), in id order."""
    rows = []
    for row in model._default_manager.order_by("pk"):
        fields = []
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model in (ContentType, Permission):
                fields.append(natural(getattr(row, field.name)))
            else:
                fields.append(getattr(row, field.attname))
        for field in model._meta.many_to_many:
            related = getattr(row, field.name).all()
            fields.append(
                sorted(
                    (natural(item) if field.related_model in (ContentType, Permission) else item.pk)
                    for item in related
                )
            )
        rows.append(tuple(fields))
    return rows


def database() -> dict[str, list[tuple]]:
    return {model._meta.label: table(model) for model in backed_up_models()}


@pytest.fixture
def reviewed_seed(seed_path: Path) -> dict[str, list[tuple]]:
    """The seed ingested over the curated topics, some of it reviewed, some of it by hand."""
    call_command("loaddata", str(ROOT / "fixtures" / "topics.json"), verbosity=0)
    call_command("ingest", str(seed_path), stdout=open("/dev/null", "w"))  # noqa: SIM115
    reviewers = Group.objects.create(name="reviewers")
    reviewers.permissions.set(Permission.objects.filter(codename__in=["change_statement"]))
    anna = make_user(username="anna", staff=True, superuser=False)
    anna.groups.add(reviewers)
    anna.user_permissions.add(Permission.objects.get(codename="change_stance"))
    boris = make_user(username="boris", staff=True, superuser=True)

    statements = list(Statement.objects.order_by("pk"))
    assert len(statements) >= 3, "the seed has statements"
    review_statement(statement=statements[0], reviewer=anna, review_status=ReviewStatus.APPROVED)
    review_statement(
        statement=statements[1],
        reviewer=boris,
        review_status=ReviewStatus.REJECTED,
        topics=[make_topic(name="Reviewer's own topic")],
    )
    review_statement(statement=statements[2], reviewer=anna, speaker=statements[0].speaker)
    stance = Stance.objects.order_by("pk").first()
    assert stance is not None, "the seed has stances"
    review_stance(stance=stance, reviewer=boris, polarity=Polarity.NEUTRAL)
    LogEntry.objects.create(
        user=boris,
        content_type=ContentType.objects.get_for_model(Statement),
        object_id=str(statements[1].pk),
        object_repr=str(statements[1])[:200],
        action_flag=CHANGE,
        change_message="Rejected",
    )
    return database()


@pytest.mark.nlp
def test_backup_then_restore_into_an_emptied_database_gives_back_every_row(
    transactional_db, reviewed_seed: dict, tmp_path: Path
) -> None:
    backup = tmp_path / "claims.json.gz"
    call_command("backup", "-o", str(backup), stderr=open("/dev/null", "w"))  # noqa: SIM115
    call_command("flush", interactive=False, verbosity=0)
    assert not Article.objects.exists() and not get_user_model().objects.exists()

    call_command("restore", str(backup), stderr=open("/dev/null", "w"))  # noqa: SIM115

    restored = database()
    for label, rows in reviewed_seed.items():
        assert restored[label] == rows, label
    # Everything the issue names is there, not just equal-because-empty.
    for model in (Article, Speaker, SpeakerAlias, Topic, Statement, Stance, LogEntry):
        assert model.objects.exists(), model
    assert Statement.history.exists() and Stance.evidence.through.objects.exists()
    assert Statement.objects.filter(reviewed_by__username="anna").count() == 2
    anna = get_user_model().objects.get(username="anna")
    assert anna.check_password("a-long-test-password")
    assert anna.has_perm("claims.change_statement") and anna.has_perm("claims.change_stance")


def test_restore_refuses_a_database_that_holds_rows(db, tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    backup.write_text("[]")
    make_topic(name="Already here")

    with pytest.raises(CommandError, match=r"not empty \(.*1 claims\.Topic\b"):
        call_command("restore", str(backup))


def test_a_restore_that_fails_halfway_leaves_the_database_empty(db, tmp_path: Path) -> None:
    backup = tmp_path / "broken.json"
    backup.write_text(
        json.dumps(
            [
                {"model": "claims.topic", "pk": 1, "fields": {"name": "Sanctions", "slug": "s"}},
                {
                    "model": "claims.speakeralias",
                    "pk": 1,
                    "fields": {"speaker": 999, "alias": "x", "normalized": "x"},
                },
            ]
        )
    )

    with pytest.raises(Exception):  # noqa: B017 (the database's own integrity error)
        call_command("restore", str(backup))

    assert not Topic.objects.exists()


def test_restore_names_a_missing_file(db) -> None:
    with pytest.raises(CommandError, match="no such file"):
        call_command("restore", "/nonexistent/backup.json")


def test_the_backup_covers_every_claims_table() -> None:
    claims = set(apps.get_app_config("claims").get_models())
    assert claims <= set(backed_up_models())
    assert get_user_model() in backed_up_models()


def test_restore_into_an_unmigrated_database_says_to_migrate_first(tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    backup.write_text("[]")
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'new.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "claimtracker.settings.local",
    }

    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(backup)],
        cwd=Path(__file__).resolve().parent.parent.parent,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert "not migrated" in result.stderr
    assert "manage.py migrate" in result.stderr
    assert "Traceback" not in result.stderr
