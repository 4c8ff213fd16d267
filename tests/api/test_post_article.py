"""Posting an article runs the real ingest: 201 with its statements, 200 for the same text."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from claims.models import Article

pytestmark = pytest.mark.nlp

TEXT = (
    "Trade ministers met in Geneva on Tuesday.\n\n"
    "“We will never accept these tariffs,” Finance Minister Anna Berg said."
)


@pytest.fixture
def writer(client_with_perms, nlp) -> APIClient:  # nlp: the model, loaded once per run
    return client_with_perms("add_article")


def test_posting_an_article_stores_it_with_its_statements(writer: APIClient) -> None:
    response = writer.post(
        "/api/articles/",
        {
            "text": TEXT,
            "headline": "Geneva trade talks",
            "url": "https://news.example.org/geneva",
            "outlet": "Example News",
            "published": "2024-05-07",
        },
        format="json",
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["outlet"], body["published"], body["url"]) == (
        "Example News",
        "2024-05-07",
        "https://news.example.org/geneva",
    )
    assert body["source"] == "https://news.example.org/geneva"
    quotes = [s for s in body["statements"] if s["kind"] == "direct"]
    assert len(quotes) == 1
    assert quotes[0]["text"].startswith("We will never accept these tariffs")
    assert quotes[0]["speaker"]["name"] == "Anna Berg"
    assert body["text"][quotes[0]["start"] : quotes[0]["end"]] == quotes[0]["text"]


def test_posting_the_same_text_again_returns_the_stored_article(writer: APIClient) -> None:
    first = writer.post("/api/articles/", {"text": TEXT}, format="json")
    again = writer.post("/api/articles/", {"text": TEXT, "outlet": "Elsewhere"}, format="json")

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["statements"] == first.json()["statements"]
    assert Article.objects.count() == 1
    assert first.json()["source"] == "api"


@pytest.mark.parametrize(
    "text", ["PK\x03\x04 binary junk", "\x01\x02\x03\x04\x05\x06\x07\x08 mostly control"]
)
def test_a_string_that_is_no_article_text_is_422_saying_why(writer: APIClient, text: str):
    """The schema allows any string as the text: one that is no article's is no bad request."""
    response = writer.post("/api/articles/", {"text": text}, format="json")

    assert response.status_code == 422, response.content
    assert "text" in response.json()
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "text"),
        ({"text": "   \n\t "}, "text"),
        ({"text": TEXT, "published": "15/10/2021"}, "published"),
        ({"text": TEXT, "published": "2021-02-30"}, "published"),
        ({"text": TEXT, "url": "not a url"}, "url"),
        ({"text": TEXT, "headline": "x" * 501}, "headline"),
        ({"text": 12345, "url": "javascript:alert(1)"}, "url"),
    ],
)
def test_bad_bodies_are_400_naming_the_field(writer: APIClient, body: dict, field: str) -> None:
    response = writer.post("/api/articles/", body, format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert not Article.objects.exists()


def test_a_text_over_the_size_limit_is_refused(writer: APIClient, settings) -> None:
    settings.CLAIMTRACKER_API_MAX_ARTICLE_BYTES = 1000

    response = writer.post("/api/articles/", {"text": "Words. " * 200}, format="json")

    assert response.status_code == 400
    assert "limit" in response.json()["text"][0]


def test_a_body_over_the_upload_limit_is_refused_before_parsing(
    writer: APIClient, settings
) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = writer.post("/api/articles/", {"text": "Words. " * 200}, format="json")

    assert response.status_code == 413
    assert not Article.objects.exists()


def test_posting_needs_the_add_article_permission(client_with_perms) -> None:
    anonymous = APIClient().post("/api/articles/", {"text": TEXT}, format="json")
    reviewer = client_with_perms("change_statement", "change_article")
    without = reviewer.post("/api/articles/", {"text": TEXT}, format="json")

    assert (anonymous.status_code, without.status_code) == (401, 403)
    assert not Article.objects.exists()
