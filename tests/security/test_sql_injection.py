"""Filter values cannot inject SQL: quotes, SQL fragments, LIKE wildcards, backslashes, NUL
and odd Unicode in every filter of every list endpoint answer 200 with only rows that really
contain the value, or 400; never 500, and every table is intact afterwards."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.apps import apps
from django.db import connection
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle

from claims.core.aliases import normalize_alias
from tests.api.conftest import Claims
from tests.api.lists import FILTERED_LISTS
from tests.factories import (
    make_alias,
    make_article,
    make_speaker,
    make_statement,
    make_topic,
)

PAYLOADS = [
    "' OR 1=1 --",
    '"; DROP TABLE claims_statement; --',
    "') OR ('1'='1",
    "1 UNION SELECT username, password FROM auth_user --",
    "1; SELECT pg_sleep(10) --",
    "%",
    "_",
    "\\",
    "%' --",
    "Лавров «ö» 🙂 \u202e",
    "\x00",
]
# PostgreSQL cannot store NUL in text; every other payload is also stored in one row each.
STORED = [payload for payload in PAYLOADS if "\x00" not in payload]

PAGING = ["page", "page_size"]


def requests(payload: str) -> Iterator[tuple[str, dict[str, str]]]:
    """Every filter of every list, and the parameters of the position endpoints."""
    for path, filterset in FILTERED_LISTS.items():
        for name in [*filterset.base_filters, *PAGING]:
            yield path, {name: payload}
    yield "/api/speakers/sergey-lavrov/timeline/", {"topic": payload}
    yield "/api/stances/matrix/", {"speakers": payload, "topics": "sanctions"}
    yield "/api/stances/matrix/", {"speakers": "sergey-lavrov", "topics": payload}


def strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def words(payload: str) -> list[str]:
    """The words full-text search matches on (``or`` is PostgreSQL's web-search operator)."""
    return [word for word in re.findall(r"\w+", payload.casefold()) if word != "or"]


def contains(row: dict, payload: str) -> bool:
    """The row (as the API shows it) holds ``payload`` literally, or each of its words (as
    full-text search matches: by words on SQLite, by words and stems on PostgreSQL)."""
    texts = [text.casefold() for text in strings(row)]
    if any(payload.casefold() in text for text in texts):
        return True
    return bool(words(payload)) and all(
        any(word in text for text in texts) for word in words(payload)
    )


def row_counts() -> dict[str, int]:
    models = apps.get_app_config("claims").get_models(include_auto_created=True)
    counts = {model._meta.db_table: model.objects.count() for model in models}
    counts["auth_user"] = apps.get_model("auth", "User").objects.count()
    return counts


@pytest.fixture
def hostile_rows(claims: Claims) -> None:
    """One speaker, topic, article and statement holding each payload, for literal matches."""
    for number, payload in enumerate(STORED):
        speaker = make_speaker(name=f"Speaker {payload}", role=payload, affiliation=payload)
        make_alias(speaker=speaker, alias=payload, normalized=normalize_alias(payload))
        make_topic(name=f"Topic {payload}")
        article = make_article(
            text=f"Before. “{payload}” he said.",
            headline=f"Headline {payload}",
            outlet=payload,
            url=f"https://news.example.org/hostile/{number}",
        )
        make_statement(article=article, speaker=speaker, quote=payload, cue=payload)


@pytest.fixture
def unthrottled(monkeypatch) -> None:
    monkeypatch.setattr(AnonRateThrottle, "rate", "100000/minute", raising=False)


@pytest.mark.parametrize("payload", PAYLOADS, ids=repr)
def test_hostile_values_in_every_filter_are_literal_or_refused(
    api: APIClient, hostile_rows: None, unthrottled: None, payload: str
) -> None:
    before = row_counts()
    tables = set(connection.introspection.table_names())

    for path, query in requests(payload):
        response = api.get(path, query)

        # 404: a speaker, topic or article named by a value that names none
        assert response.status_code in (200, 400, 404), (path, query, response.status_code)
        if response.status_code in (400, 404):
            if "\x00" not in payload:  # NUL is refused before any view, in plain text
                assert set(response.json()) & set(query), (path, query, response.json())
            continue
        body = response.json()
        if "results" in body:  # a list: every row it returns really holds the value
            unexpected = [row for row in body["results"] if not contains(row, payload)]
            assert not unexpected, (path, query, unexpected)
            assert body["count"] <= len(STORED) * 2, (path, query, body["count"])

    assert row_counts() == before
    assert set(connection.introspection.table_names()) == tables


@pytest.mark.parametrize("payload", STORED, ids=repr)
@pytest.mark.parametrize(
    ("path", "name", "field"),
    [
        ("/api/articles/", "outlet", "outlet"),
        ("/api/articles/", "search", "headline"),
        ("/api/speakers/", "affiliation", "affiliation"),
        ("/api/speakers/", "role", "role"),
        ("/api/speakers/", "search", "name"),
        ("/api/topics/", "search", "name"),
        ("/api/statements/", "cue", "cue"),
        ("/api/statements/", "outlet", "article.outlet"),
        ("/api/statements/", "speaker_name", "speaker.name"),
        ("/api/statements/", "q", "text"),
    ],
)
def test_text_filters_find_the_row_holding_the_value_and_only_it(
    api: APIClient,
    hostile_rows: None,
    unthrottled: None,
    path: str,
    name: str,
    field: str,
    payload: str,
) -> None:
    if name == "q" and connection.vendor == "postgresql" and not any(c.isalnum() for c in payload):
        pytest.skip("full-text search ignores punctuation-only queries on PostgreSQL")

    response = api.get(path, {name: payload})

    assert response.status_code == 200, response.content
    found = response.json()["results"]
    values = []
    for row in found:
        for key in field.split("."):
            row = row[key]
        values.append(row)
    assert found, f"{name}={payload!r} found nothing"
    assert any(payload.casefold() in value.casefold() for value in values), values
    if name == "q":  # full text: rows holding the value's words, not only the whole value
        assert all(contains({"text": value}, payload) for value in values), values
    else:
        assert all(payload.casefold() in value.casefold() for value in values), values
