"""Pages at scale: ``count`` with ``count_exact``, ``next`` links that never depend on an
estimated count, the page size cap, and a speaker's positions with their latest evidence."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from rest_framework.test import APIClient

from claims.api.pagination import EstimatingPaginator
from tests.api.conftest import Claims
from tests.factories import make_stance

ON_POSTGRESQL = connection.vendor == "postgresql"


@pytest.fixture
def small_exact_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counts are exact for at most 2 rows, so the 4 fixture statements are a 'large' set."""
    monkeypatch.setattr(EstimatingPaginator, "exact_count_limit", 2)


def walk(api: APIClient, url: str) -> list[dict]:
    """Every page from ``url`` on, following ``next``."""
    pages = []
    while url:
        response = api.get(url)
        assert response.status_code == 200
        pages.append(response.json())
        url = pages[-1]["next"]
    return pages


def test_a_small_list_has_an_exact_count_and_links_both_ways(
    api: APIClient, claims: Claims
) -> None:
    first = api.get("/api/statements/?page_size=3").json()
    second = api.get(first["next"]).json()

    assert (first["count"], first["count_exact"]) == (4, True)
    assert (second["count"], second["count_exact"]) == (4, True)
    assert first["previous"] is None and second["next"] is None
    assert "page=2" in first["next"] and "page_size=3" in first["next"]
    assert api.get(second["previous"]).json()["results"] == first["results"]


def test_page_size_is_at_most_100_and_the_pages_cover_every_row_once(
    api: APIClient, statements_105: list[int]
) -> None:
    too_big = api.get("/api/statements/?page_size=101")
    pages = walk(api, "/api/statements/?page_size=100")

    assert too_big.status_code == 400
    assert "page_size" in too_big.json()
    assert [len(page["results"]) for page in pages] == [100, 5]
    assert [row["id"] for page in pages for row in page["results"]] == statements_105
    assert all(page["count"] == 105 for page in pages)


def test_a_page_past_the_end_is_a_404_naming_page_and_last_is_the_last(
    api: APIClient, statements_105: list[int]
) -> None:
    last = api.get("/api/statements/?page_size=50&page=last").json()
    past = api.get("/api/statements/?page_size=50&page=4")

    assert past.status_code == 404
    assert "page" in past.json()
    assert [row["id"] for row in last["results"]] == statements_105[100:]
    assert (last["count"], last["count_exact"], last["next"]) == (105, True, None)


def test_following_next_reaches_every_row_once_even_when_the_count_is_estimated(
    api: APIClient, claims: Claims, small_exact_limit: None
) -> None:
    pages = walk(api, "/api/statements/?page_size=1")

    assert len(pages) == 4
    assert len({page["results"][0]["id"] for page in pages}) == 4
    # the last page knows how many there were
    assert (pages[-1]["count"], pages[-1]["count_exact"]) == (4, True)
    assert api.get("/api/statements/?page_size=1&page=5").status_code == 404


def test_page_last_counts_exactly(api: APIClient, claims: Claims, small_exact_limit: None) -> None:
    last = api.get("/api/statements/?page_size=3&page=last").json()

    assert (last["count"], last["count_exact"], len(last["results"])) == (4, True, 1)
    assert last["next"] is None and "page=1" not in last["previous"]


@pytest.mark.skipif(not ON_POSTGRESQL, reason="estimated counts are PostgreSQL's")
def test_a_large_set_has_an_estimated_count_flagged_as_such(
    api: APIClient, claims: Claims, small_exact_limit: None
) -> None:
    first = api.get("/api/statements/?page_size=2").json()
    search = api.get("/api/statements/?page_size=1&q=sanctions").json()  # 2 rows

    assert first["count_exact"] is False
    assert first["count"] >= 3  # never below what is known to exist
    assert len(first["results"]) == 2 and first["next"] is not None
    assert (search["count"], search["count_exact"]) == (2, True)  # within the limit: exact


@pytest.mark.skipif(ON_POSTGRESQL, reason="other databases count exactly")
def test_other_databases_count_exactly_whatever_the_size(
    api: APIClient, claims: Claims, small_exact_limit: None
) -> None:
    first = api.get("/api/statements/?page_size=2").json()

    assert (first["count"], first["count_exact"]) == (4, True)


def test_the_schema_says_what_count_means(api: APIClient) -> None:
    schema = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()

    page = schema["components"]["schemas"]["PaginatedStatementList"]
    assert {"count", "count_exact", "results"} <= set(page["required"])
    assert "estimate" in page["properties"]["count"]["description"]
    assert page["properties"]["count_exact"]["type"] == "boolean"


def test_a_speaker_s_positions_list_the_five_latest_observations_per_topic(
    api: APIClient, claims: Claims
) -> None:
    start = date(2022, 1, 1)
    later = [
        make_stance(
            speaker=claims.lavrov, topic=claims.sanctions, observed_on=start + timedelta(days=i)
        )
        for i in range(7)
    ]

    body = api.get("/api/speakers/sergey-lavrov/stances/").json()
    sanctions = next(row for row in body["positions"] if row["topic"]["slug"] == "sanctions")

    assert sanctions["position"]["observations"] == 8  # the fixture's one and these seven
    assert [o["id"] for o in sanctions["observations"]] == [s.pk for s in later[2:]]
