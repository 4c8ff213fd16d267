"""Topic reads: the API's topic lists, sub-topic trees and topic search."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q, QuerySet

from claims.models import Polarity, Speaker, Topic
from claims.selectors.speakers import speakers_by_id
from claims.selectors.stances import Position, current_positions

_POLARITY_ORDER = {Polarity.FAVOR: 0, Polarity.AGAINST: 1, Polarity.NEUTRAL: 2}


@dataclass(frozen=True)
class SpeakerPosition:
    speaker: Speaker
    position: Position


def topic_list() -> QuerySet[Topic]:
    return Topic.objects.select_related("parent")


def topics_by_id(*, ids: Iterable[int]) -> dict[int, Topic]:
    return {topic.pk: topic for topic in Topic.objects.filter(pk__in=set(ids)).only("slug", "name")}


def topic_tree_ids(*, topic: Topic) -> list[int]:
    """``topic`` and every topic below it, however deep, in one query.

    A recursive query (PostgreSQL and SQLite alike); ``UNION`` drops rows already found, so a
    cycle made in the admin ends instead of looping.
    """
    table = connection.ops.quote_name(Topic._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""WITH RECURSIVE tree(id) AS (
                    SELECT id FROM {table} WHERE id = %s
                    UNION
                    SELECT child.id FROM {table} child JOIN tree ON child.parent_id = tree.id
                )
                SELECT id FROM tree""",
            [topic.pk],
        )
        below = [row[0] for row in cursor.fetchall() if row[0] != topic.pk]
    return [topic.pk, *below]


def search_topics(*, topics: QuerySet[Topic], query: str) -> QuerySet[Topic]:
    """Topics whose name or slug contains ``query`` (case-insensitive)."""
    query = query.strip()
    return topics.filter(Q(name__icontains=query) | Q(slug__icontains=query))


def topic_positions(*, topic: Topic) -> list[SpeakerPosition]:
    """Who stands where on ``topic``: in favour first, then against, then neutral; the most
    confident first within each (two queries)."""
    positions = current_positions(topics=[topic.pk])
    speakers = speakers_by_id(ids=(position.speaker_id for position in positions))
    positions.sort(key=lambda p: (_POLARITY_ORDER.get(p.polarity, 3), -p.confidence))
    return [SpeakerPosition(speaker=speakers[p.speaker_id], position=p) for p in positions]
