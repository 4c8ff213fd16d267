"""Rows for ``manage.py export``: statements and stances as flat dictionaries.

Statement rows carry the fields ``../shared/eval/score.py`` reads (document, speaker,
speaker_mention, kind, cue, text, start, end) plus ids, article, topics, review status,
attribution class, how the speaker was resolved and the statement reporting a nested one.
``export_statements`` narrows them with the API's statement filters.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet

from claims.models import Speaker, Stance, Statement, Topic
from claims.scoring import score_row
from claims.selectors.statements import about_topic

STATEMENT_FIELDS = (
    "id",
    "document",
    "article",
    "headline",
    "outlet",
    "published",
    "speaker",
    "speaker_id",
    "speaker_mention",
    "kind",
    "cue",
    "attribution",
    "resolution",
    "reported_in",
    "text",
    "start",
    "end",
    "paragraph",
    "topics",
    "confidence",
    "review_status",
)
STANCE_FIELDS = (
    "id",
    "speaker",
    "speaker_id",
    "topic",
    "topic_slug",
    "target",
    "polarity",
    "confidence",
    "cues",
    "path",
    "observed_on",
    "method",
    "method_version",
    "review_status",
    "evidence",
    "article",
    "document",
)


@dataclass(frozen=True, slots=True)
class StatementFilters:
    """The API's statement filters, as ``manage.py export`` takes them (all optional)."""

    attribution: str = ""
    review_status: str = ""
    speaker: Speaker | None = None
    topic: Topic | None = None
    since: date | None = None  # article published on or after
    until: date | None = None  # article published on or before


def export_statements(*, filters: StatementFilters) -> QuerySet[Statement]:
    """The statements ``filters`` select, with the API's meaning for each filter."""
    statements = Statement.objects.all()
    if filters.attribution:
        statements = statements.filter(attribution=filters.attribution)
    if filters.review_status:
        statements = statements.filter(review_status=filters.review_status)
    if filters.speaker is not None:
        statements = statements.filter(speaker=filters.speaker)
    if filters.since is not None:
        statements = statements.filter(article__published__gte=filters.since)
    if filters.until is not None:
        statements = statements.filter(article__published__lte=filters.until)
    if filters.topic is not None:
        statements = about_topic(statements=statements, topic=filters.topic)
    return statements


def statement_rows(
    *, filters: StatementFilters | None = None, chunk_size: int = 2000
) -> Iterator[dict]:
    selected = export_statements(filters=filters or StatementFilters())
    statements = (
        selected.select_related("article", "speaker")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.only("id", "name")))
        .order_by("article_id", "start")
    )
    for statement in statements.iterator(chunk_size=chunk_size):
        article = statement.article
        speaker = statement.speaker.name if statement.speaker else None
        row = {
            **score_row(statement, document=article.source, speaker=speaker),
            "id": statement.pk,
            "article": article.pk,
            "headline": article.headline,
            "outlet": article.outlet,
            "published": article.published.isoformat() if article.published else None,
            "speaker_id": statement.speaker_id,
            "attribution": statement.attribution,
            "resolution": statement.resolution or None,
            "reported_in": statement.reported_in_id,
            "paragraph": statement.paragraph,
            "topics": [topic.name for topic in statement.topics.all()],
            "confidence": statement.confidence,
            "review_status": statement.review_status,
        }
        yield {name: row[name] for name in STATEMENT_FIELDS}


def stance_rows(*, chunk_size: int = 2000) -> Iterator[dict]:
    stances = (
        Stance.objects.select_related("speaker", "topic", "article")
        .prefetch_related(Prefetch("evidence", queryset=Statement.objects.only("id")))
        .order_by("pk")
    )
    for stance in stances.iterator(chunk_size=chunk_size):
        yield {
            "id": stance.pk,
            "speaker": stance.speaker.name,
            "speaker_id": stance.speaker_id,
            "topic": stance.topic.name,
            "topic_slug": stance.topic.slug,
            "target": stance.target,
            "polarity": stance.polarity,
            "confidence": stance.confidence,
            "cues": list(stance.cues),
            "path": list(stance.path),
            "observed_on": stance.observed_on.isoformat() if stance.observed_on else None,
            "method": stance.method,
            "method_version": stance.method_version,
            "review_status": stance.review_status,
            "evidence": [statement.pk for statement in stance.evidence.all()],
            "article": stance.article_id,
            "document": stance.article.source if stance.article else None,
        }
