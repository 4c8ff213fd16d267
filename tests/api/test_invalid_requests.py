"""Bad query values answer 400 naming the parameter, never 500 and never silently ignored;
well-formed values that name nothing (an unknown slug or id, a page past the end) answer
404 naming the parameter: the schema allows them, so they are no bad request."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests.api.conftest import Claims


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/statements/?published_after=notadate", "published_after"),
        ("/api/statements/?published_before=2021-13-40", "published_before"),
        ("/api/statements/?page_size=abc", "page_size"),
        ("/api/statements/?page_size=0", "page_size"),
        ("/api/statements/?page=abc", "page"),
        ("/api/statements/?article=abc", "article"),
        ("/api/statements/?kind=rumour", "kind"),
        ("/api/statements/?polarity=maybe", "polarity"),
        ("/api/statements/?review_status=done", "review_status"),
        ("/api/statements/?ordering=text", "ordering"),
        ("/api/speakers/?kind=robot", "kind"),
        ("/api/topics/?status=draft", "status"),
        ("/api/stances/?observed_after=yesterday", "observed_after"),
        ("/api/articles/?published_after=2021-02-30", "published_after"),
    ],
)
def test_invalid_filter_values_are_400_naming_the_parameter(
    api: APIClient, claims: Claims, url: str, parameter: str
) -> None:
    response = api.get(url)

    assert response.status_code == 400
    assert parameter in response.json()


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/statements/?speaker=99999", "speaker"),
        ("/api/statements/?speaker=no-such-person", "speaker"),
        ("/api/statements/?topic=no-such-topic", "topic"),
        ("/api/statements/?article=99999", "article"),
        ("/api/statements/?reported_in=99999", "reported_in"),
        ("/api/topics/?parent=nothing", "parent"),
        ("/api/stances/?topic=99999", "topic"),
        ("/api/claims/?speaker=no-such-person", "speaker"),
        ("/api/stances/matrix/?speakers=nobody&topics=sanctions", "speakers"),
        ("/api/speakers/sergey-lavrov/timeline/?topic=no-such-topic", "topic"),
        ("/api/statements/?page=99", "page"),
    ],
)
def test_values_naming_nothing_are_404_naming_the_parameter(
    api: APIClient, claims: Claims, url: str, parameter: str
) -> None:
    response = api.get(url)

    assert response.status_code == 404, response.content
    assert parameter in response.json()


def test_a_bad_value_beside_one_naming_nothing_is_still_400(api: APIClient, claims: Claims):
    response = api.get("/api/statements/?speaker=no-such-person&published_after=notadate")

    assert response.status_code == 400
    assert set(response.json()) == {"speaker", "published_after"}
