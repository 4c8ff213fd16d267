"""``/api/claims/``: its filters, a claim's appearances, and each statement's link to its claim."""

from __future__ import annotations

from datetime import date

import pytest
from rest_framework.test import APIClient

from claims.models import ReviewStatus
from claims.services.claims import Rating, record_fact_check
from tests.claims.helpers import CLAIM, said
from tests.factories import make_speaker, make_topic, make_user

pytestmark = pytest.mark.django_db

OTHER = "The new bridge across the river will open to traffic before the winter holidays"


@pytest.fixture
def api() -> APIClient:
    return APIClient()


@pytest.fixture
def world():
    candidate = make_speaker(name="A Candidate", slug="a-candidate")
    mayor = make_speaker(name="The Mayor", slug="the-mayor")
    taxes = make_topic(name="Taxes", slug="taxes")
    repeated = [
        said(
            CLAIM, speaker=candidate, outlet="Daily A", published=date(2016, 3, 1), topics=(taxes,)
        ),
        said(CLAIM, speaker=candidate, outlet="Daily B", published=date(2016, 3, 4)),
        said(CLAIM, speaker=mayor, outlet="Daily B", published=date(2016, 3, 9)),
    ]
    bridge = said(OTHER, speaker=mayor, outlet="Daily C", published=date(2016, 5, 1))
    record_fact_check(
        claim=repeated[0].claim,
        rating=Rating("False", 1, 5, 1),
        reviewer="Checkers",
        url="https://check.example.org/taxes",
        published=date(2016, 3, 10),
    )
    return {"repeated": repeated, "bridge": bridge, "candidate": candidate}


def ids(api: APIClient, query: str = "") -> list[int]:
    response = api.get(f"/api/claims/{query}")
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_a_claim_lists_its_appearances_speakers_outlets_and_rating(api, world):
    claim = world["repeated"][0].claim
    row = api.get(f"/api/claims/{claim.pk}/").json()

    assert row["text"] == CLAIM
    assert row["appearances"] == 3
    assert (row["first_seen"], row["last_seen"]) == ("2016-03-01", "2016-03-09")
    assert [s["slug"] for s in row["speakers"]] == ["a-candidate", "the-mayor"]
    assert row["outlets"] == ["Daily A", "Daily B"]
    assert row["fact_checks"][0]["rating"] == "False"
    assert row["appearances_url"].endswith(f"/api/claims/{claim.pk}/appearances/")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["repeated", "bridge"]),
        ("?speaker=a-candidate", ["repeated"]),
        ("?speaker=the-mayor", ["repeated", "bridge"]),
        ("?topic=taxes", ["repeated"]),
        ("?outlet=daily%20c", ["bridge"]),
        ("?first_seen_after=2016-04-01", ["bridge"]),
        ("?first_seen_before=2016-03-01", ["repeated"]),
        ("?min_appearances=2", ["repeated"]),
        ("?max_appearances=1", ["bridge"]),
        ("?rated=true", ["repeated"]),
        ("?rated=false", ["bridge"]),
        ("?q=bridge", ["bridge"]),
        ("?ordering=appearances", ["bridge", "repeated"]),
    ],
)
def test_filters(api, world, query, expected):
    claim_ids = {"repeated": world["repeated"][0].claim_id, "bridge": world["bridge"].claim_id}
    assert ids(api, query) == [claim_ids[name] for name in expected]


@pytest.mark.parametrize("query", ["?min_appearances=1.5", "?min_appearances=-1", "?rated=maybe"])
def test_bad_filter_values_are_400(api, world, query):
    assert api.get(f"/api/claims/{query}").status_code == 400


def test_appearances_are_the_statements_earliest_first(api, world):
    claim = world["repeated"][0].claim
    rows = api.get(f"/api/claims/{claim.pk}/appearances/").json()["results"]

    assert [row["id"] for row in rows] == [s.pk for s in world["repeated"]]
    assert rows[0]["article"]["outlet"] == "Daily A"


def test_each_statement_links_to_its_claim(api, world):
    statement = world["bridge"]
    row = api.get(f"/api/statements/{statement.pk}/").json()
    assert row["claim"] == statement.claim_id


def test_a_claim_whose_statements_are_all_rejected_is_not_listed(api, world):
    reviewer = APIClient()
    reviewer.force_authenticate(user=make_user())
    bridge = world["bridge"]
    response = reviewer.patch(
        f"/api/statements/{bridge.pk}/", {"review_status": ReviewStatus.REJECTED}, format="json"
    )
    assert response.status_code == 200, response.content

    assert bridge.claim_id not in ids(api)
    assert api.get(f"/api/claims/{bridge.claim_id}/").status_code == 404
