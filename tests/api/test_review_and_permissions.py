"""Writing through the API: who may, and what a review records."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle

from claims.models import ReviewStatus
from tests.api.conftest import Claims
from tests.factories import make_stance, make_statement, make_user


def test_anyone_may_read(api: APIClient, claims: Claims) -> None:
    assert api.get("/api/statements/").status_code == 200
    assert api.get("/api/speakers/sergey-lavrov/").status_code == 200


def test_reading_can_require_login(api: APIClient, claims: Claims, settings) -> None:
    settings.CLAIMTRACKER_API_REQUIRE_LOGIN = True

    anonymous = api.get("/api/statements/")
    api.force_authenticate(user=make_user(staff=False, superuser=False))
    logged_in = api.get("/api/statements/")

    assert anonymous.status_code == 401
    assert logged_in.status_code == 200


def test_anonymous_users_cannot_review(api: APIClient, claims: Claims) -> None:
    response = api.patch(
        f"/api/statements/{claims.no_sanctions.pk}/", {"review_status": "approved"}, format="json"
    )

    assert response.status_code == 401
    claims.no_sanctions.refresh_from_db()
    assert claims.no_sanctions.review_status == ReviewStatus.PENDING


def test_a_user_without_the_permission_cannot_review(client_with_perms, claims: Claims) -> None:
    api = client_with_perms("view_statement", "change_stance")

    response = api.patch(
        f"/api/statements/{claims.no_sanctions.pk}/", {"review_status": "approved"}, format="json"
    )

    assert response.status_code == 403
    claims.no_sanctions.refresh_from_db()
    assert claims.no_sanctions.reviewed_at is None


def test_a_permitted_user_reviews_a_statement_and_is_recorded(
    client_with_perms, claims: Claims
) -> None:
    api = client_with_perms("change_statement")

    response = api.patch(
        f"/api/statements/{claims.no_sanctions.pk}/",
        {"review_status": "approved", "speaker": "antony-blinken", "topics": ["afghanistan"]},
        format="json",
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["review_status"] == "approved"
    assert body["speaker"]["slug"] == "antony-blinken"
    assert body["topics"] == [{"slug": "afghanistan", "name": "Afghanistan"}]
    assert body["reviewed_at"] is not None
    assert body["reviewed_by"] == api.user.username
    statement = claims.no_sanctions
    statement.refresh_from_db()
    assert statement.reviewed_by == api.user
    assert statement.history.first().history_user == api.user


@pytest.mark.parametrize(
    ("body", "field", "status"),
    [
        ({"review_status": "done"}, "review_status", 400),
        ({"speaker": "nobody"}, "speaker", 404),  # well formed, names no speaker
        ({"topics": ["no-such-topic"]}, "topics", 404),
        ({}, "non_field_errors", 400),
    ],
)
def test_a_bad_review_is_refused_and_changes_nothing(
    client_with_perms, claims: Claims, body: dict, field: str, status: int
) -> None:
    api = client_with_perms("change_statement")

    response = api.patch(f"/api/statements/{claims.no_sanctions.pk}/", body, format="json")

    assert response.status_code == status
    assert field in response.json()
    claims.no_sanctions.refresh_from_db()
    assert claims.no_sanctions.reviewed_at is None


def test_a_permitted_user_reviews_a_stance_with_a_token(claims: Claims) -> None:
    user = make_user(staff=False, superuser=False)
    user.user_permissions.add(Permission.objects.get(codename="change_stance"))
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")

    response = api.patch(
        f"/api/stances/{claims.lavrov_against.pk}/",
        {"polarity": "neutral", "review_status": "approved"},
        format="json",
    )

    assert response.status_code == 200, response.content
    assert (response.json()["polarity"], response.json()["review_status"]) == (
        "neutral",
        "approved",
    )
    claims.lavrov_against.refresh_from_db()
    assert claims.lavrov_against.reviewed_by == user


def test_stances_and_statements_cannot_be_replaced_or_deleted(
    client_with_perms, claims: Claims
) -> None:
    api = client_with_perms("change_statement", "delete_statement")

    put = api.put(f"/api/statements/{claims.supply.pk}/", {"review_status": "approved"})
    delete = api.delete(f"/api/statements/{claims.supply.pk}/")

    assert put.status_code == delete.status_code == 405


def test_anonymous_readers_are_throttled_logged_in_ones_are_not(
    api: APIClient, claims: Claims, monkeypatch
) -> None:
    monkeypatch.setattr(AnonRateThrottle, "rate", "2/minute", raising=False)

    anonymous = [api.get("/api/topics/").status_code for _ in range(3)]
    api.force_authenticate(user=make_user(staff=False, superuser=False))
    logged_in = [api.get("/api/topics/").status_code for _ in range(3)]

    assert anonymous == [200, 200, 429]
    assert logged_in == [200, 200, 200]


def test_a_review_of_a_statement_replaced_meanwhile_is_a_409_and_stores_nothing(
    client_with_perms, claims: Claims, monkeypatch
) -> None:
    from claims.api.views import StatementViewSet
    from claims.models import Statement

    api = client_with_perms("change_statement")
    read = StatementViewSet.get_object

    def read_then_replaced(view):
        statement = read(view)
        Statement.objects.filter(pk=statement.pk).delete()  # ingest --reextract, meanwhile
        return statement

    monkeypatch.setattr(StatementViewSet, "get_object", read_then_replaced)

    response = api.patch(
        f"/api/statements/{claims.no_sanctions.pk}/", {"review_status": "approved"}, format="json"
    )

    assert response.status_code == 409
    assert "reload it" in response.json()["detail"]
    assert not Statement.objects.filter(pk=claims.no_sanctions.pk).exists()


def test_rejecting_a_stances_only_evidence_retracts_it_in_the_api(
    client_with_perms, claims: Claims
) -> None:
    api = client_with_perms("change_statement")
    statement = make_statement(speaker=claims.lavrov)
    stance = make_stance(evidence=(statement,), topic=claims.afghanistan, polarity="favor")

    response = api.patch(
        f"/api/statements/{statement.pk}/", {"review_status": "rejected"}, format="json"
    )

    assert response.status_code == 200, response.content
    body = api.get(f"/api/stances/{stance.pk}/").json()
    assert (body["review_status"], body["retracted"]) == ("rejected", True)
    assert body["reviewed_by"] == api.user.username
    positions = api.get(f"/api/speakers/{claims.lavrov.slug}/stances/").json()["positions"]
    assert stance.pk not in [o["id"] for p in positions for o in p["observations"]]
