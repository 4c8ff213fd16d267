"""POST /api/articles/ bodies: size limits (413, or 400 for a text over the article limit),
JSON only, and malformed JSON a 400 with a message. None of these runs the extractor."""

from __future__ import annotations

import json

import pytest
from rest_framework.test import APIClient

from claims.models import Article

LIMIT = 4096


@pytest.fixture
def writer_api(client_with_perms, settings) -> APIClient:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = LIMIT
    return client_with_perms("add_article")


def post(api: APIClient, body: bytes | str, content_type="application/json", **extra):
    return api.generic("POST", "/api/articles/", body, content_type=content_type, **extra)


def test_a_body_over_the_limit_is_413_with_a_message(writer_api: APIClient) -> None:
    response = post(writer_api, json.dumps({"text": "Words. " * LIMIT}))

    assert response.status_code == 413
    assert "limit" in response.json()["detail"]
    assert not Article.objects.exists()


def test_a_declared_length_over_the_limit_is_refused_unread(writer_api: APIClient) -> None:
    # The body is small; the declared length alone is enough to refuse it.
    response = post(writer_api, json.dumps({"text": "x"}), CONTENT_LENGTH=str(50 * 1024**3))

    assert response.status_code == 413
    assert "limit" in response.json()["detail"]


def test_a_body_at_the_limit_goes_through_to_validation(writer_api: APIClient) -> None:
    body = json.dumps({"text": "", "headline": "h" * (LIMIT - 40)})
    assert len(body) <= LIMIT

    response = post(writer_api, body)

    assert response.status_code == 400  # the blank text, not the size
    assert "text" in response.json()


def test_anonymous_posts_are_refused_before_the_body_is_read(settings) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = LIMIT
    response = post(APIClient(), json.dumps({"text": "Words. " * LIMIT}))

    assert response.status_code == 401


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/x-www-form-urlencoded", "text=Words"),
        ("multipart/form-data; boundary=BoUnDaRy", "--BoUnDaRy\r\n"),
        ("text/plain", "Words"),
        ("application/xml", "<text>Words</text>"),
    ],
)
def test_only_json_is_accepted(writer_api: APIClient, content_type: str, body: str) -> None:
    response = post(writer_api, body, content_type=content_type)

    assert response.status_code == 415
    assert "Unsupported media type" in response.json()["detail"]


@pytest.mark.parametrize(
    "body",
    [
        "[" * 1500 + "]" * 1500,  # deeper than Python's JSON decoder goes: was a 500
        '{"text": ' + "[" * 1500 + "]" * 1500 + "}",
        '{"text": "unterminated',
        '{"text": NaN}',
        "\xff\xfe not utf-8",
        "",
    ],
    ids=["nested", "nested-field", "unterminated", "nan", "bytes", "empty"],
)
def test_malformed_json_is_400_with_a_message(writer_api: APIClient, body: str) -> None:
    response = post(writer_api, body.encode("latin-1"))

    assert response.status_code == 400, response.content
    assert response.json()  # says what is wrong
    assert not Article.objects.exists()
