"""Statement reads: the API's statement lists and the searches its filters run.

Full-text search on PostgreSQL matches and ranks the stored ``search_document`` column
(``to_tsvector('english', text)``, GIN-indexed, migration 0003), so no statement's text is
parsed again at query time; other databases (SQLite in development) fall back to every word
appearing in the text.
"""

from __future__ import annotations

from datetime import date

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.db import connection
from django.db.models import BigIntegerField, ExpressionWrapper, F, Prefetch, QuerySet
from django.db.models.expressions import Col

from claims.models import Article, Speaker, Stance, Statement, Topic
from claims.selectors.topics import topic_tree_ids

SEARCH_CONFIG = "english"
# A topic tree with at most this many statement links, or a period with at most this many
# articles, is read whole and sorted.
FEW_TAGGED = 5_000
FEW_ARTICLES = 1_000


def statement_list() -> QuerySet[Statement]:
    """Statements with their speaker, reviewer, article (without its text) and topics."""
    return (
        Statement.objects.select_related("speaker", "article", "reviewed_by")
        .defer("article__text", "article__original_text")
        .prefetch_related(statement_topics())
    )


def statement_topics() -> Prefetch:
    return Prefetch("topics", queryset=Topic.objects.only("id", "slug", "name"))


def statement_text_vector() -> SearchVector:
    """``to_tsvector('english', text)``: what the stored ``search_document`` column holds."""
    return SearchVector("text", config=SEARCH_CONFIG)


def statement_search_document() -> Col:
    """The stored, GIN-indexed ``claims_statement.search_document`` column (PostgreSQL).

    Not a model field (SQLite has no ``tsvector``), so it is named as a column of the
    statement table; the alias is relabelled like any other when the query is nested.
    """
    field = SearchVectorField()
    field.set_attributes_from_name("search_document")
    field.model = Statement
    return Col(Statement._meta.db_table, field)


def search_statements(*, statements: QuerySet[Statement], query: str) -> QuerySet[Statement]:
    """Statements matching ``query``, best match first on PostgreSQL.

    PostgreSQL reads ``query`` as a web search ("quoted phrase", ``-word``, ``or``) and
    matches stems ("sanction" finds "sanctions"); elsewhere every word must appear.
    """
    if connection.vendor == "postgresql":
        search = SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
        return (
            # alias, not annotate: the vectors are read to match and rank, never returned.
            statements.alias(document=statement_search_document())
            .filter(document=search)
            .alias(rank=SearchRank(statement_search_document(), search))
            .order_by("-rank", "pk")
        )
    for word in query.split():
        statements = statements.filter(text__icontains=word)
    return statements


def spoken_by(*, statements: QuerySet[Statement], speakers: QuerySet[Speaker]) -> QuerySet:
    # The ids are fetched first (one small query): as a subquery with OR inside, PostgreSQL
    # scans every statement instead of using the speaker index.
    return statements.filter(speaker_id__in=list(speakers.values_list("pk", flat=True)))


def about_topic(*, statements: QuerySet[Statement], topic: Topic) -> QuerySet[Statement]:
    """Statements tagged with ``topic`` or any topic below it, each once.

    For a topic with few statements (at most ``FEW_TAGGED``, one cheap capped count of its
    links) the list's default order is given as ``article_id + 0, start``: the same order,
    but PostgreSQL then reads the few statements and sorts them (milliseconds) instead of
    walking the whole table in index order until a page of them turns up, which it
    otherwise prefers and which reads most of the table for a rare topic.
    """
    links = Statement.topics.through.objects.filter(topic_id__in=topic_tree_ids(topic=topic))
    tagged = statements.filter(pk__in=links.values("statement_id"))
    default_order = not tagged.query.order_by
    if default_order and links[: FEW_TAGGED + 1].count() <= FEW_TAGGED:
        return in_list_order_sorted(statements=tagged)
    return tagged


def published_between(
    *, statements: QuerySet[Statement], after: date | None, before: date | None
) -> QuerySet[Statement]:
    """``statements`` (already filtered on these dates) ordered so a short period is quick.

    When the list keeps its default order and the period holds at most ``FEW_ARTICLES``
    articles (one capped count on the date index), the order is given as
    ``article_id + 0, start``, as for rare topics: PostgreSQL reads those articles'
    statements and sorts them, instead of walking every article in id order until the
    period's turn up (most of the table for a recent month).
    """
    if statements.query.order_by:
        return statements
    articles = Article.objects.order_by()
    if after is not None:
        articles = articles.filter(published__gte=after)
    if before is not None:
        articles = articles.filter(published__lte=before)
    if articles[: FEW_ARTICLES + 1].count() > FEW_ARTICLES:
        return statements
    return in_list_order_sorted(statements=statements)


def in_list_order_sorted(*, statements: QuerySet[Statement]) -> QuerySet[Statement]:
    """The default list order, written so the database sorts the rows rather than walking
    the (article, start) index: right when the rows are few and scattered."""
    return statements.order_by(
        ExpressionWrapper(F("article_id") + 0, output_field=BigIntegerField()), "start"
    )


def evidence_for_polarity(*, statements: QuerySet[Statement], polarity: str) -> QuerySet:
    """Statements that are evidence for at least one stance of ``polarity``."""
    links = Stance.evidence.through.objects.filter(stance__polarity=polarity)
    return statements.filter(pk__in=links.values("statement_id"))
