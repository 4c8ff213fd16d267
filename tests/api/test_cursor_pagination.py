"""Cursor pages (``?cursor=``): the contract a client relies on to read deep into a list.

Following ``next`` from an empty cursor reaches every row once, in the list's order,
whatever the ordering and filters; ``previous`` leads back; rows added behind the cursor do
not shift the next page; a cursor outside its alphabet is a 400 and one of another ordering or
list a 404, each naming ``cursor``; a cursor decides the page when ``page`` is given too;
``page_size`` is capped at 100 as for page numbers.
"""

from __future__ import annotations

import base64
import json
from datetime import date

import pytest
from rest_framework.test import APIClient

from claims.models import Article, Statement
from tests.api.conftest import Claims
from tests.api.test_pagination import walk
from tests.factories import make_article, make_statement


def ids(pages: list[dict]) -> list[int]:
    return [row["id"] for page in pages for row in page["results"]]


def test_following_next_from_an_empty_cursor_reads_every_row_once_in_list_order(
    api: APIClient, statements_105: list[int]
) -> None:
    pages = walk(api, "/api/statements/?cursor=&page_size=40")

    assert ids(pages) == statements_105
    assert [len(page["results"]) for page in pages] == [40, 40, 25]
    assert all(page["count"] == 105 for page in pages)
    assert "cursor=" in pages[0]["next"] and "page_size=40" in pages[0]["next"]
    assert "page=" not in pages[0]["next"]
    assert pages[0]["previous"] is None and pages[-1]["next"] is None


def test_previous_leads_back_to_the_same_rows(api: APIClient, statements_105: list[int]) -> None:
    pages = walk(api, "/api/statements/?cursor=&page_size=40")

    back = api.get(pages[2]["previous"]).json()
    first = api.get(back["previous"]).json()

    assert [row["id"] for row in back["results"]] == statements_105[40:80]
    assert [row["id"] for row in first["results"]] == statements_105[:40]
    assert first["previous"] is None
    assert api.get(back["next"]).json()["results"] == pages[2]["results"]


def test_rows_added_before_the_cursor_do_not_shift_the_next_page(
    api: APIClient, statements_105: list[int]
) -> None:
    first = api.get("/api/statements/?cursor=&page_size=10").json()
    article = Article.objects.get(statements__pk=statements_105[0])
    Statement.objects.create(  # between the first two rows: before the cursor
        article=article, kind="direct", text="Early", start=1, end=3, paragraph=0
    )

    second = api.get(first["next"]).json()

    assert [row["id"] for row in second["results"]] == statements_105[10:20]


@pytest.mark.parametrize("ordering", ["published", "-published", "created", "-speaker"])
def test_every_ordering_reads_every_row_once_undated_articles_last(
    api: APIClient, claims: Claims, ordering: str
) -> None:
    undated = make_statement(article=make_article(published=None), speaker=claims.lavrov)
    later = make_statement(article=make_article(published=date(2023, 1, 1)))
    by_page_number = ids(walk(api, f"/api/statements/?ordering={ordering}&page_size=100"))

    by_cursor = ids(walk(api, f"/api/statements/?ordering={ordering}&cursor=&page_size=1"))

    assert sorted(by_cursor) == sorted(by_page_number)
    assert len(by_cursor) == len(set(by_cursor)) == 6
    if "published" in ordering:
        assert by_cursor[-1] == undated.pk
        newest = by_cursor[0] if ordering.startswith("-") else by_cursor[-2]
        assert newest == later.pk


def test_a_topic_s_statements_by_cursor_are_those_by_page_number(
    api: APIClient, claims: Claims
) -> None:
    for i in range(5):
        make_statement(topics=(claims.sanctions,), article=make_article(published=None), start=i)
    url = "/api/statements/?topic=foreign-policy&page_size=2"

    by_cursor = ids(walk(api, f"{url}&cursor="))

    assert by_cursor == ids(walk(api, url))
    assert len(by_cursor) == 7


def test_cursor_pages_of_a_search_follow_its_ranking(api: APIClient, claims: Claims) -> None:
    url = "/api/statements/?q=sanctions&page_size=1"

    assert ids(walk(api, f"{url}&cursor=")) == ids(walk(api, url))


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("cursor=%%%", 400),  # outside the cursor's alphabet: the schema does not allow it
        ("cursor=&page_size=101", 400),
        ("cursor=bm90IGEgY3Vyc29y", 404),  # base64 of "not a cursor": well-formed, names nothing
    ],
)
def test_a_bad_cursor_is_refused_naming_the_parameter(
    api: APIClient, claims: Claims, query: str, status: int
) -> None:
    response = api.get(f"/api/statements/?{query}")

    assert response.status_code == status
    assert ("page_size" if "page_size" in query else "cursor") in response.json()


def test_a_cursor_decides_the_page_when_page_is_given_too(api: APIClient, claims: Claims) -> None:
    both = api.get("/api/statements/?cursor=&page=2&page_size=3").json()
    first = api.get("/api/statements/?cursor=&page_size=3").json()

    assert both["results"] == first["results"]
    assert "page=" not in both["next"]


def test_a_cursor_of_another_ordering_or_list_is_a_404(api: APIClient, claims: Claims) -> None:
    by_date = api.get("/api/statements/?ordering=published&cursor=&page_size=1").json()
    cursor = by_date["next"].split("cursor=")[1].split("&")[0]

    other_order = api.get(f"/api/statements/?ordering=speaker&cursor={cursor}")
    other_list = api.get(f"/api/stances/?cursor={cursor}")

    assert other_order.status_code == other_list.status_code == 404
    assert "cursor" in other_order.json() and "cursor" in other_list.json()


def test_a_list_that_pages_by_number_only_says_so(api: APIClient, claims: Claims) -> None:
    response = api.get("/api/topics/sanctions/speakers/?cursor=")

    assert response.status_code == 400
    assert "cursor" in response.json()


def test_other_lists_page_by_cursor_too(api: APIClient, claims: Claims) -> None:
    for url in ("/api/stances/", "/api/articles/", "/api/speakers/", "/api/claims/"):
        by_number = ids(walk(api, f"{url}?page_size=1"))

        assert ids(walk(api, f"{url}?cursor=&page_size=1")) == by_number, url


def test_the_schema_documents_the_cursor(api: APIClient) -> None:
    schema = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()

    parameters = {p["name"]: p for p in schema["paths"]["/api/statements/"]["get"]["parameters"]}
    assert "cursor" in parameters
    assert "next" in parameters["cursor"]["description"]
    assert parameters["page_size"]["schema"]["maximum"] == 100


def _cursor(body: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(body).encode()).decode().rstrip("=")


def _opened(link: str) -> dict:
    raw = link.split("cursor=")[1].split("&")[0]
    return json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))


@pytest.mark.parametrize(
    ("ordering", "position"),
    [
        ("", [10**30, 0, 1]),  # past a 64-bit key
        ("", ["x", 0, 1]),
        ("", [None, 0, 1]),  # the article is never empty
        ("", [1, 0]),
        ("created", ["0001-01-01T00:00:00+01:00", 1]),  # before year 1 in UTC
        ("created", ["2024-01-01T00:00:00", 1]),  # no offset
        ("published", ["2021-13-45", 1]),
        ("published", ["2021-01-01\x00", 1]),
    ],
)
def test_a_forged_cursor_is_a_404_never_a_500(
    api: APIClient, claims: Claims, ordering: str, position: list
) -> None:
    url = f"/api/statements/?ordering={ordering}&page_size=1"
    tag = _opened(api.get(f"{url}&cursor=").json()["next"])["o"]

    response = api.get(f"{url}&cursor={_cursor({'o': tag, 'b': 0, 'p': position})}")

    assert response.status_code == 404
    assert "cursor" in response.json()
