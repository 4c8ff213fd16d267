"""Listing and filtering statements: each filter returns exactly the statements it should."""

from __future__ import annotations

import pytest
from django.db import connection
from rest_framework.test import APIClient

from claims.api.filters import StatementFilter
from claims.selectors.statements import statement_list
from tests.api.conftest import Claims
from tests.api.results import result_ids
from tests.factories import make_statement

# Each case: the query string, and the statements (fixture names) it must return.
FILTER_CASES = [
    ("", {"no_sanctions", "supply", "sanctions_stay", "minsk_talks"}),
    ("speaker=sergey-lavrov", {"no_sanctions", "supply"}),
    ("speaker_name=lavrov", {"no_sanctions", "supply"}),
    ("speaker_name=ANTONY BLINKEN", {"sanctions_stay"}),
    ("speaker_name=Russian Foreign Minister Sergey Lavrov", {"no_sanctions", "supply"}),
    ("speaker_name=Sergey", set()),
    ("topic=foreign-policy", {"no_sanctions", "sanctions_stay"}),  # sanctions is below it
    ("topic=sanctions", {"no_sanctions"}),
    ("topic=minsk", {"minsk_talks"}),
    ("outlet=tass", {"no_sanctions", "supply"}),
    ("kind=direct", {"no_sanctions", "sanctions_stay"}),
    ("kind=mixed", {"minsk_talks"}),
    ("review_status=approved", {"supply"}),
    ("review_status=rejected", {"minsk_talks"}),
    ("cue=said", {"no_sanctions", "minsk_talks"}),
    ("attribution=said", {"no_sanctions", "sanctions_stay", "minsk_talks"}),
    ("attribution=thinks", {"supply"}),
    ("attribution=shows", set()),
    ("resolution=pronoun", {"sanctions_stay"}),
    ("published_after=2022-01-01", {"sanctions_stay", "minsk_talks"}),
    ("published_before=2021-10-15", {"no_sanctions", "supply"}),
    ("published_after=2021-10-16&published_before=2022-02-28", set()),
    ("polarity=against", {"no_sanctions"}),
    ("polarity=favor", {"supply", "sanctions_stay"}),
    ("polarity=neutral", set()),
    ("q=sanctions", {"no_sanctions", "sanctions_stay"}),
    ("q=talks Minsk", {"minsk_talks"}),
    ("q=Minsk sanctions", set()),
    ("speaker=sergey-lavrov&topic=afghanistan", {"supply"}),
]


@pytest.mark.parametrize(("query", "expected"), FILTER_CASES)
def test_statement_filters_return_exactly_the_matching_statements(
    api: APIClient, claims: Claims, query: str, expected: set[str]
) -> None:
    response = api.get(f"/api/statements/?{query}")

    assert result_ids(response) == {getattr(claims, name).pk for name in expected}


def test_speaker_filter_takes_an_id_as_well_as_a_slug(api: APIClient, claims: Claims) -> None:
    by_id = api.get(f"/api/statements/?speaker={claims.blinken.pk}")
    by_slug = api.get("/api/statements/?speaker=antony-blinken")

    assert result_ids(by_id) == result_ids(by_slug) == {claims.sanctions_stay.pk}


def test_article_filter(api: APIClient, claims: Claims) -> None:
    response = api.get(f"/api/statements/?article={claims.reuters.pk}")

    assert result_ids(response) == {claims.sanctions_stay.pk, claims.minsk_talks.pk}


def test_reported_in_filter_lists_the_statements_nested_in_one(
    api: APIClient, claims: Claims
) -> None:
    claims.no_sanctions.reported_in = claims.supply
    claims.no_sanctions.save(update_fields=["reported_in"])

    nested = api.get(f"/api/statements/?reported_in={claims.supply.pk}")
    missing = api.get("/api/statements/?reported_in=999999")

    assert result_ids(nested) == {claims.no_sanctions.pk}
    assert nested.json()["results"][0]["reported_in"] == claims.supply.pk
    assert missing.status_code == 404


def test_statement_carries_speaker_topics_article_offsets_and_admin_link(
    api: APIClient, claims: Claims
) -> None:
    statement = claims.no_sanctions

    body = api.get(f"/api/statements/{statement.pk}/").json()

    assert body["speaker"] == {
        "id": claims.lavrov.pk,
        "slug": "sergey-lavrov",
        "name": "Sergey Lavrov",
        "role": "Foreign Minister",
        "affiliation": "Russia",
    }
    assert body["topics"] == [{"slug": "sanctions", "name": "Sanctions"}]
    assert body["article"] == {
        "id": claims.tass.pk,
        "headline": "Lavrov on Afghanistan",
        "outlet": "TASS",
        "published": "2021-10-15",
        "url": None,
    }
    assert (body["kind"], body["cue"], body["text"]) == (
        "direct",
        "said",
        "We will not accept new sanctions",
    )
    assert (body["start"], body["end"]) == (statement.start, statement.end)
    assert body["review_status"] == "pending"
    assert body["admin_url"].endswith(f"/admin/claims/statement/{statement.pk}/change/")


def test_ordering_by_published_date_and_speaker_name(api: APIClient, claims: Claims) -> None:
    newest_first = api.get("/api/statements/?ordering=-published,speaker").json()["results"]
    by_speaker = api.get("/api/statements/?ordering=speaker").json()["results"]

    assert [row["speaker"]["name"] for row in newest_first] == [
        "Antony Blinken",
        "Kremlin",
        "Sergey Lavrov",
        "Sergey Lavrov",
    ]
    assert [row["speaker"]["name"] for row in by_speaker][:2] == ["Antony Blinken", "Kremlin"]


def test_pages_have_a_total_count_and_page_size_is_at_most_100(
    api: APIClient, claims: Claims
) -> None:
    first = api.get("/api/statements/?page_size=3").json()
    second = api.get("/api/statements/?page_size=3&page=2").json()
    largest = api.get("/api/statements/?page_size=100").json()
    too_big = api.get("/api/statements/?page_size=1000")

    assert first["count"] == second["count"] == 4
    assert len(first["results"]) == 3
    assert len(second["results"]) == 1
    assert first["next"] is not None and second["next"] is None
    assert len(largest["results"]) == 4
    assert too_big.status_code == 400
    assert "page_size" in too_big.json()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search")
def test_full_text_search_matches_stems_phrases_and_exclusions_best_match_first(
    api: APIClient, claims: Claims
) -> None:
    twice = make_statement(
        article=claims.reuters,
        speaker=claims.blinken,
        text="Sanctions work; sanctions are the answer to sanctioned regimes",
    )

    stems = api.get("/api/statements/?q=sanction").json()["results"]
    excluded = api.get("/api/statements/?q=sanctions -troops")
    phrase = api.get('/api/statements/?q="will stay"')

    assert stems[0]["id"] == twice.pk
    assert {row["id"] for row in stems} == {
        twice.pk,
        claims.no_sanctions.pk,
        claims.sanctions_stay.pk,
    }
    assert result_ids(excluded) == {twice.pk, claims.no_sanctions.pk}
    assert result_ids(phrase) == {claims.sanctions_stay.pk}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search")
def test_full_text_search_can_use_the_gin_index(claims: Claims) -> None:
    from claims.selectors.statements import search_statements, statement_list

    found = search_statements(statements=statement_list(), query="sanctions")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = found.explain()

    assert "statement_search_document" in plan


@pytest.mark.django_db
def test_rows_equal_on_the_chosen_order_are_ordered_by_id_so_pages_never_overlap() -> None:
    """Many statements share a day; without a last key the database may return them in any
    order on each request, and a row would move from page 2 to page 3."""
    ordered = StatementFilter(data={"ordering": "-published,speaker"}, queryset=statement_list())

    assert ordered.qs.query.order_by == ("-article__published", "speaker__name", "pk")
