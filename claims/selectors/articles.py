"""Article reads: the API's article lists (without the long texts) and article details."""

from __future__ import annotations

from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce

from claims.models import Article, Statement
from claims.selectors.statements import statement_topics


def article_list() -> QuerySet[Article]:
    """Articles without their texts, each with its number of statements."""
    counts = (
        Statement.objects.filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Article.objects.defer("text", "original_text").annotate(
        statement_count=Coalesce(Subquery(counts, output_field=IntegerField()), 0)
    )


def article_detail() -> QuerySet[Article]:
    """Articles with their text and their statements (speakers and topics included)."""
    statements = Statement.objects.select_related("speaker").prefetch_related(statement_topics())
    return Article.objects.defer("original_text").prefetch_related(
        Prefetch("statements", queryset=statements)
    )
