"""Ids, slugs and numbers that look like digits but are not, or are too large: 400 (not a
number where one is wanted) or 404 (an id or slug that names nothing), never 500. Each of these was a 500 that the schema fuzzing (test_fuzz.py) found."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests.api.conftest import Claims

TOO_BIG = "9" * 25  # over any 64-bit primary key
THOUSANDS_OF_DIGITS = "9" * 5000  # int() refuses over 4,300 digits with a ValueError
SUPERSCRIPT_ONE = "¹"  # str.isdigit() is True, int() refuses it
ARABIC_THREE = "٣"  # int() takes it as 3; an id is ASCII digits only


@pytest.mark.parametrize("value", [SUPERSCRIPT_ONE, ARABIC_THREE, TOO_BIG, THOUSANDS_OF_DIGITS])
@pytest.mark.parametrize(
    "url",
    [
        "/api/speakers/{}/",
        "/api/speakers/{}/stances/",
        "/api/speakers/{}/timeline/",
        "/api/topics/{}/",
        "/api/topics/{}/speakers/",
    ],
)
def test_odd_ids_in_the_path_are_404(api: APIClient, claims: Claims, url: str, value: str) -> None:
    assert api.get(url.format(value)).status_code == 404


@pytest.mark.parametrize("value", [SUPERSCRIPT_ONE, ARABIC_THREE, TOO_BIG, THOUSANDS_OF_DIGITS])
@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/statements/?speaker={}", "speaker"),
        ("/api/statements/?topic={}", "topic"),
        ("/api/stances/?speaker={}", "speaker"),
        ("/api/topics/?parent={}", "parent"),
        ("/api/speakers/sergey-lavrov/timeline/?topic={}", "topic"),
        ("/api/stances/matrix/?speakers={}&topics=sanctions", "speakers"),
        ("/api/stances/matrix/?speakers=sergey-lavrov&topics={}", "topics"),
        ("/api/statements/?page_size={}", "page_size"),
        ("/api/statements/?page={}", "page"),
    ],
)
def test_odd_ids_in_filters_are_a_4xx_naming_the_parameter(
    api: APIClient, claims: Claims, url: str, parameter: str, value: str
) -> None:
    response = api.get(url.format(value))

    # a slug that is no row's, a huge page number (past the end): 404; a page size over
    # 100, or digits that are not ASCII where a number is wanted: 400
    numbers = parameter in ("page", "page_size")
    names_nothing = not numbers or (parameter == "page" and value.isascii())
    assert response.status_code == (404 if names_nothing else 400), response.content
    assert parameter in response.json()


def test_a_slug_made_of_digits_still_names_its_row(api: APIClient, claims: Claims) -> None:
    claims.kremlin.slug = "987654321"  # no row has that id
    claims.kremlin.save()

    response = api.get("/api/speakers/987654321/")

    assert response.status_code == 200
    assert response.json()["slug"] == "987654321"


@pytest.mark.parametrize(
    "value", [TOO_BIG, THOUSANDS_OF_DIGITS, "0" * 5000 + "99999"], ids=["25", "5000", "zeros"]
)
def test_a_huge_speaker_id_in_a_review_is_404_naming_the_field(
    client_with_perms, claims: Claims, value: str
) -> None:
    api = client_with_perms("change_statement")

    response = api.patch(
        f"/api/statements/{claims.no_sanctions.pk}/", {"speaker": value}, format="json"
    )

    assert response.status_code == 404, response.content
    assert set(response.json()) == {"speaker"}


@pytest.mark.parametrize("parameter", ["page_size", "page"])
def test_a_page_parameter_given_twice_is_400(api: APIClient, claims: Claims, parameter: str):
    response = api.get(f"/api/statements/?{parameter}=1&{parameter}=2")

    assert response.status_code == 400
    assert parameter in response.json()


def test_a_review_naming_50000_topics_is_refused_before_any_lookup(
    client_with_perms, claims: Claims
) -> None:
    """Each slug was looked up first: 50,000 of them held a worker for 31 s."""
    api = client_with_perms("change_statement")

    response = api.patch(
        f"/api/statements/{claims.no_sanctions.pk}/",
        {"topics": [f"t{n}" for n in range(50_000)]},
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {"topics": ["At most 50 topics, not 50000."]}
