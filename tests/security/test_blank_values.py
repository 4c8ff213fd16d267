"""Blank filter values mean "no filter" (the browsable API's filter form sends every field),
and a blank ordering keeps the default order instead of dropping it."""

from __future__ import annotations

import warnings

import pytest
from rest_framework.test import APIClient

from tests.api.conftest import Claims


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


@pytest.mark.parametrize(
    "path",
    ["/api/articles/", "/api/speakers/", "/api/topics/", "/api/statements/", "/api/stances/"],
)
@pytest.mark.parametrize("ordering", ["", ",", ",,,"])
def test_a_blank_ordering_keeps_the_default_order(
    api: APIClient, claims: Claims, path: str, ordering: str
) -> None:
    default = ids(api.get(path))
    with warnings.catch_warnings():
        # An unordered queryset reaching the paginator is what this guards against.
        warnings.simplefilter("error")
        blank = ids(api.get(path, {"ordering": ordering}))

    assert blank == default


def test_blank_filters_are_no_filter(api: APIClient, claims: Claims) -> None:
    every = ids(api.get("/api/statements/"))
    blank = {
        name: ""
        for name in (
            "speaker",
            "speaker_name",
            "topic",
            "article",
            "outlet",
            "kind",
            "review_status",
            "cue",
            "published_after",
            "published_before",
            "polarity",
            "q",
            "ordering",
        )
    }

    assert ids(api.get("/api/statements/", blank)) == every
