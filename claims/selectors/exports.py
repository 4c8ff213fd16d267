"""Rows for ``manage.py export``: statements and stances as flat dictionaries.

Statement rows carry the fields ``../shared/eval/score.py`` reads (document, speaker,
speaker_mention, kind, cue, text, start, end) plus ids, article, topics, review status.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Prefetch

from claims.models import Stance, Statement, Topic
from claims.scoring import score_row

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


def statement_rows(*, chunk_size: int = 2000) -> Iterator[dict]:
    statements = (
        Statement.objects.select_related("article", "speaker")
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
