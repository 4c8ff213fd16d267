"""Topic reads: the API's topic lists, sub-topic trees and topic search."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from claims.models import Topic


def topic_list() -> QuerySet[Topic]:
    return Topic.objects.select_related("parent")


def topics_by_id(*, ids: Iterable[int]) -> dict[int, Topic]:
    return {topic.pk: topic for topic in Topic.objects.filter(pk__in=set(ids)).only("slug", "name")}


def topic_tree_ids(*, topic: Topic) -> list[int]:
    """``topic`` and every topic below it, however deep (one query per level)."""
    found = [topic.pk]
    level = [topic.pk]
    while level:
        level = list(
            Topic.objects.filter(parent_id__in=level)
            .exclude(pk__in=found)  # a cycle made in the admin must not loop forever
            .values_list("pk", flat=True)
        )
        found.extend(level)
    return found


def search_topics(*, topics: QuerySet[Topic], query: str) -> QuerySet[Topic]:
    """Topics whose name or slug contains ``query`` (case-insensitive)."""
    query = query.strip()
    return topics.filter(Q(name__icontains=query) | Q(slug__icontains=query))
