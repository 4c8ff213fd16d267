"""Articles, speakers, topics and stances: filters, slug lookups and what a detail carries."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests.api.conftest import Claims
from tests.api.results import result_ids


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"lavrov", "blinken", "kremlin"}),
        ("search=lavrov", {"lavrov"}),
        ("search=russian foreign", {"lavrov"}),  # only an alias has these words
        ("search=LIN", {"blinken", "kremlin"}),
        ("kind=organisation", {"kremlin"}),
        ("affiliation=russia", {"lavrov", "kremlin"}),
        ("role=minister", {"lavrov"}),
    ],
)
def test_speaker_filters(api: APIClient, claims: Claims, query: str, expected: set[str]) -> None:
    response = api.get(f"/api/speakers/?{query}")

    assert result_ids(response) == {getattr(claims, name).pk for name in expected}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("search=sanct", {"sanctions"}),
        ("search=foreign-pol", {"foreign_policy"}),
        ("parent=foreign-policy", {"sanctions"}),
        ("status=suggested", {"minsk"}),
        ("status=curated", {"foreign_policy", "sanctions", "afghanistan"}),
    ],
)
def test_topic_filters(api: APIClient, claims: Claims, query: str, expected: set[str]) -> None:
    response = api.get(f"/api/topics/?{query}")

    assert result_ids(response) == {getattr(claims, name).pk for name in expected}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("speaker=sergey-lavrov", {"lavrov_against", "lavrov_favor"}),
        ("topic=foreign-policy", {"lavrov_against", "blinken_favor"}),
        ("topic=afghanistan", {"lavrov_favor"}),
        ("polarity=favor", {"blinken_favor", "lavrov_favor"}),
        ("observed_after=2022-01-01", {"blinken_favor"}),
        ("observed_before=2021-12-31", {"lavrov_against", "lavrov_favor"}),
        ("review_status=approved", {"lavrov_favor"}),
        ("speaker=sergey-lavrov&polarity=against", {"lavrov_against"}),
    ],
)
def test_stance_filters(api: APIClient, claims: Claims, query: str, expected: set[str]) -> None:
    response = api.get(f"/api/stances/?{query}")

    assert result_ids(response) == {getattr(claims, name).pk for name in expected}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("outlet=reuters", {"reuters"}),
        ("published_after=2022-01-01", {"reuters"}),
        ("published_before=2022-01-01", {"tass"}),
        ("search=afghan", {"tass"}),
    ],
)
def test_article_filters(api: APIClient, claims: Claims, query: str, expected: set[str]) -> None:
    response = api.get(f"/api/articles/?{query}")

    assert result_ids(response) == {getattr(claims, name).pk for name in expected}


def test_lists_sort_by_names_and_dates(api: APIClient, claims: Claims) -> None:
    speakers = api.get("/api/speakers/?ordering=-name").json()["results"]
    stances = api.get("/api/stances/?ordering=observed,topic").json()["results"]
    articles = api.get("/api/articles/?ordering=published").json()["results"]

    assert [row["name"] for row in speakers] == ["Sergey Lavrov", "Kremlin", "Antony Blinken"]
    assert [row["id"] for row in stances] == [
        claims.lavrov_favor.pk,  # Afghanistan before Sanctions on the same day
        claims.lavrov_against.pk,
        claims.blinken_favor.pk,
    ]
    assert [row["id"] for row in articles] == [claims.tass.pk, claims.reuters.pk]


@pytest.mark.parametrize("reference", ["sergey-lavrov", "id"])
def test_a_speaker_is_found_by_slug_or_id(api: APIClient, claims: Claims, reference: str) -> None:
    reference = str(claims.lavrov.pk) if reference == "id" else reference

    body = api.get(f"/api/speakers/{reference}/").json()

    assert body["name"] == "Sergey Lavrov"
    assert sorted(body["aliases"]) == ["Lavrov", "Russian Foreign Minister Sergey Lavrov"]


def test_a_topic_is_found_by_slug_and_names_its_parent(api: APIClient, claims: Claims) -> None:
    body = api.get("/api/topics/sanctions/").json()

    assert (body["id"], body["parent"]) == (claims.sanctions.pk, "foreign-policy")


def test_unknown_slugs_are_404(api: APIClient, claims: Claims) -> None:
    assert api.get("/api/speakers/nobody-at-all/").status_code == 404
    assert api.get("/api/topics/99999/").status_code == 404


def test_article_detail_has_its_text_and_statements_the_list_only_counts_them(
    api: APIClient, claims: Claims
) -> None:
    listed = api.get("/api/articles/?outlet=TASS").json()["results"][0]
    detail = api.get(f"/api/articles/{claims.tass.pk}/").json()

    assert listed["statement_count"] == 2
    assert "text" not in listed
    assert detail["text"] == claims.tass.text
    assert {row["id"] for row in detail["statements"]} == {
        claims.no_sanctions.pk,
        claims.supply.pk,
    }
    assert detail["statements"][0]["speaker"]["slug"] == "sergey-lavrov"


def test_stance_shows_speaker_topic_and_evidence(api: APIClient, claims: Claims) -> None:
    body = api.get(f"/api/stances/{claims.lavrov_against.pk}/").json()

    assert body["speaker"]["slug"] == "sergey-lavrov"
    assert body["topic"] == {"slug": "sanctions", "name": "Sanctions"}
    assert (body["polarity"], body["observed_on"]) == ("against", "2021-10-15")
    assert body["evidence"] == [claims.no_sanctions.pk]
