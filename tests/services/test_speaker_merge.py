"""Merging duplicate speakers keeps every statement, stance and name, under one speaker."""

from __future__ import annotations

import pytest

from claims.models import Speaker
from claims.services.speaker_merge import merge_speakers
from tests.factories import make_alias, make_speaker, make_stance, make_statement

pytestmark = pytest.mark.django_db


def test_merge_moves_statements_stances_and_aliases_and_deletes_duplicates():
    target = make_speaker(name="Sergey Lavrov", aliases=("sergey lavrov", "lavrov"))
    duplicate = make_speaker(name="Sergei Lavrov", role="Foreign Minister")
    make_alias(speaker=duplicate, alias="Lavrov", normalized="lavrov")  # collides
    make_alias(speaker=duplicate, alias="Russia's top diplomat", normalized="top diplomat")
    statement = make_statement(speaker=duplicate)
    stance = make_stance(speaker=duplicate, evidence=(statement,))

    merged = merge_speakers(target=target, duplicates=[duplicate, target])

    assert merged == target
    assert not Speaker.objects.filter(pk=duplicate.pk).exists()
    statement.refresh_from_db()
    stance.refresh_from_db()
    assert statement.speaker == target
    assert stance.speaker == target
    assert sorted(target.aliases.values_list("normalized", flat=True)) == [
        "lavrov",
        "sergei lavrov",
        "sergey lavrov",
        "top diplomat",
    ]
    target.refresh_from_db()
    assert target.role == "Foreign Minister"  # a blank detail is filled from the duplicate
    assert statement.history.first().speaker_id == target.pk
    assert statement.history.first().prev_record.speaker_id == duplicate.pk


def test_merge_with_only_the_target_changes_nothing():
    target = make_speaker()
    make_statement(speaker=target)
    assert merge_speakers(target=target, duplicates=[target]) == target
    assert target.statements.count() == 1
