"""The database itself refuses rows that break the data model's rules."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from claims.models import Speaker, Stance, Statement
from tests.factories import (
    make_alias,
    make_article,
    make_speaker,
    make_stance,
    make_statement,
)

pytestmark = pytest.mark.django_db


def refused(write) -> bool:
    try:
        with transaction.atomic():
            write()
    except IntegrityError:
        return True
    return False


def test_the_same_article_text_is_stored_once():
    article = make_article()
    assert refused(lambda: make_article(content_hash=article.content_hash))


@pytest.mark.parametrize(("start", "end"), [(5, 5), (9, 4)])
def test_a_statement_must_end_after_it_starts(start, end):
    assert refused(lambda: make_statement(start=start, end=end, text="x"))


def test_a_span_is_one_statement_per_article():
    statement = make_statement(start=0, end=10)
    assert refused(lambda: make_statement(article=statement.article, start=0, end=10))


def test_a_speaker_has_each_alias_once_but_two_speakers_may_share_it():
    first, second = make_speaker(), make_speaker()
    make_alias(speaker=first, alias="Minister", normalized="minister")
    assert refused(lambda: make_alias(speaker=first, alias="MINISTER", normalized="minister"))
    assert not refused(lambda: make_alias(speaker=second, alias="Minister", normalized="minister"))


def test_a_name_and_kind_is_one_speaker():
    make_speaker(name="Kremlin", kind="organisation")
    assert refused(lambda: make_speaker(name="Kremlin", kind="organisation"))


@pytest.mark.parametrize(
    ("model", "field", "value"),
    [
        (Statement, "kind", "rumour"),
        (Statement, "review_status", "maybe"),
        (Statement, "confidence", 1.5),
        (Stance, "polarity", "sideways"),
        (Stance, "confidence", -0.1),
        (Speaker, "kind", "robot"),
    ],
)
def test_values_outside_the_choices_are_refused_by_the_database(model, field, value):
    row = {Statement: make_statement, Stance: make_stance, Speaker: make_speaker}[model]()
    # update() skips Python validation: only the database's check constraint can refuse it.
    assert refused(lambda: model.objects.filter(pk=row.pk).update(**{field: value}))


def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())


def test_system_checks_pass():
    call_command("check", stdout=StringIO())
