"""Celery tasks: ingest one file (one article, or a small batch of JSON Lines records)."""

from __future__ import annotations

from datetime import date

from celery import shared_task

from claims.readers import read_sources
from claims.services.ingest import ArticleOverrides, ingest_articles


@shared_task(name="claims.ingest_file")
def ingest_file_task(path: str, outlet: str = "", url: str = "", published: str = "") -> list[dict]:
    """Ingest the articles of one file; returns one report entry per article."""
    overrides = ArticleOverrides(
        outlet=outlet, url=url, published=date.fromisoformat(published) if published else None
    )
    return [
        outcome.as_dict()
        for outcome in ingest_articles(items=read_sources([path]), overrides=overrides)
    ]
