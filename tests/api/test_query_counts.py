"""Every list endpoint makes the same few queries whether a page holds 1 row or 100."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from rest_framework.test import APIClient

from claims.models import Article, Speaker, SpeakerAlias, Stance, Statement, Topic
from tests.factories import make_topic

ROWS = 105


@pytest.fixture
def many_rows(db) -> None:
    """Over 100 rows of every kind, each with the related rows its serializer shows.

    Built in bulk (no history rows): only the reads are under test here.
    """
    parent = make_topic(name="Security", slug="security")
    topics = Topic.objects.bulk_create(
        Topic(name=f"Topic {i}", slug=f"topic-{i}", parent=parent) for i in range(ROWS)
    )
    speakers = Speaker.objects.bulk_create(
        Speaker(name=f"Speaker {i}", slug=f"speaker-{i}") for i in range(ROWS)
    )
    SpeakerAlias.objects.bulk_create(
        SpeakerAlias(speaker=speaker, alias=f"{alias} {i}", normalized=f"{alias} {i}".lower())
        for i, speaker in enumerate(speakers)
        for alias in ("Alias", "Other")
    )
    articles = Article.objects.bulk_create(
        Article(
            headline=f"Article {i}",
            source=f"test-{i}",
            published=date(2024, 1, 1) + timedelta(days=i),
            text="Officials said words.",
            original_text="Officials said words.",
            content_hash=f"{i:064d}",
            extractor_version="test",
        )
        for i in range(ROWS)
    )
    statements = Statement.objects.bulk_create(
        Statement(
            article=article,
            speaker=speaker,
            kind="direct",
            text="Officials said words.",
            start=0,
            end=21,
            paragraph=0,
        )
        for article, speaker in zip(articles, speakers, strict=True)
    )
    Statement.topics.through.objects.bulk_create(
        Statement.topics.through(statement=statement, topic=topic)
        for statement, topic in zip(statements, topics, strict=True)
        for topic in (topic, parent)
    )
    # Speaker 0 holds a position on every topic; every speaker holds one on Security.
    stances = Stance.objects.bulk_create(
        Stance(
            speaker=speakers[0],
            topic=topic,
            article=statement.article,
            polarity="against",
            observed_on=date(2024, 3, 1),
        )
        for statement, topic in zip(statements, topics, strict=True)
    )
    Stance.objects.bulk_create(
        Stance(speaker=speaker, topic=parent, polarity="favor", observed_on=date(2024, 3, 2))
        for speaker in speakers
    )
    Stance.evidence.through.objects.bulk_create(
        Stance.evidence.through(stance=stance, statement=statement)
        for stance, statement in zip(stances, statements, strict=True)
    )


@pytest.mark.parametrize("page_size", [1, 100])
@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # count + page (+ one query per prefetched relation)
        ("/api/articles/?", 2),
        ("/api/speakers/?", 3),  # aliases
        ("/api/topics/?", 2),  # parent is joined
        ("/api/statements/?", 3),  # topics
        ("/api/stances/?", 3),  # evidence
        # + one query to look up each named speaker/topic, + one per level of sub-topics
        ("/api/statements/?topic=security&published_after=2024-01-01&q=officials&", 6),
        ("/api/stances/?topic=security&ordering=-observed&", 6),
        # the speaker and its aliases, then count, page and evidence
        ("/api/speakers/speaker-0/timeline/?", 5),
    ],
)
def test_list_query_count_does_not_grow_with_the_page(
    api: APIClient,
    many_rows: None,
    django_assert_max_num_queries,
    url: str,
    queries: int,
    page_size: int,
) -> None:
    with django_assert_max_num_queries(queries):
        response = api.get(f"{url}page_size={page_size}")

    assert response.status_code == 200
    assert len(response.json()["results"]) == page_size


@pytest.mark.parametrize(
    ("url", "queries", "rows"),
    [
        # the speaker and its aliases, its topics (one page of them: a full page), their
        # latest stances, those rows and their evidence, changes and positions
        ("/api/speakers/speaker-0/stances/?page_size=100", 7, 100),
        # the topic, positions, speakers (a full page of them)
        ("/api/topics/security/speakers/?page_size=100", 3, 100),
    ],
)
def test_position_lists_make_a_fixed_number_of_queries(
    api: APIClient,
    many_rows: None,
    django_assert_max_num_queries,
    url: str,
    queries: int,
    rows: int,
) -> None:
    with django_assert_max_num_queries(queries):
        response = api.get(url)

    assert len(response.json()["positions"]) == rows


def test_matrix_makes_three_queries_for_fifty_by_fifty(
    api: APIClient, many_rows: None, django_assert_max_num_queries
) -> None:
    speakers = ",".join(f"speaker-{i}" for i in range(50))
    topics = ",".join(["security", *(f"topic-{i}" for i in range(49))])

    with django_assert_max_num_queries(3):
        response = api.get(f"/api/stances/matrix/?speakers={speakers}&topics={topics}")

    rows = response.json()["rows"]
    assert len(rows) == 50
    assert all(row["positions"]["security"]["polarity"] == "favor" for row in rows)


@pytest.mark.parametrize(
    "url", ["/api/statements/", "/api/stances/", "/api/topics/?parent=security"]
)
def test_browsable_api_pages_do_not_list_every_speaker_topic_or_article_in_their_filter_forms(
    api: APIClient, many_rows: None, django_assert_max_num_queries, url: str
) -> None:
    with django_assert_max_num_queries(4):
        response = api.get(url, HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    assert b"Speaker 50" not in response.content.split(b"<form")[-1]
