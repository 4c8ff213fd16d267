"""Session-authenticated writes need the CSRF token (API and admin alike); token-authenticated
API writes do not, as no browser sends a token on its own."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AbstractUser
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from claims.models import ReviewStatus
from tests.api.conftest import Claims
from tests.factories import make_user

SECRET = "a" * 16 + "B" * 16  # a CSRF cookie value: 32 letters or digits


@pytest.fixture
def browser(writer: AbstractUser) -> Client:
    """A browser logged in (session) as a user allowed to review."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(writer)
    return client


def review(client: Client, claims: Claims, **headers):
    return client.patch(
        f"/api/statements/{claims.no_sanctions.pk}/",
        {"review_status": "approved"},
        content_type="application/json",
        **headers,
    )


def test_a_session_write_without_the_csrf_token_is_403(browser: Client, claims: Claims) -> None:
    response = review(browser, claims)

    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    claims.no_sanctions.refresh_from_db()
    assert claims.no_sanctions.review_status == ReviewStatus.PENDING


def test_a_session_write_with_a_wrong_token_is_403(browser: Client, claims: Claims) -> None:
    browser.cookies["csrftoken"] = SECRET

    response = review(browser, claims, HTTP_X_CSRFTOKEN="b" * 32)

    assert response.status_code == 403


def test_a_session_write_with_the_csrf_token_goes_through(browser: Client, claims: Claims) -> None:
    browser.cookies["csrftoken"] = SECRET

    response = review(browser, claims, HTTP_X_CSRFTOKEN=SECRET)

    assert response.status_code == 200, response.content
    claims.no_sanctions.refresh_from_db()
    assert claims.no_sanctions.review_status == ReviewStatus.APPROVED


def test_a_session_article_post_without_the_token_is_403(browser: Client, claims: Claims) -> None:
    response = browser.post(
        "/api/articles/", {"text": "“No,” she said."}, content_type="application/json"
    )

    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_a_token_write_needs_no_csrf_token(writer_token: str, claims: Claims) -> None:
    client = Client(enforce_csrf_checks=True)

    response = review(client, claims, HTTP_AUTHORIZATION=f"Token {writer_token}")

    assert response.status_code == 200, response.content


def test_a_bad_token_next_to_a_good_session_is_401(browser: Client, claims: Claims) -> None:
    # A bad token header next to a good session is refused, not quietly read as the session.
    stranger = Token.objects.create(user=make_user(staff=False, superuser=False)).key

    response = review(browser, claims, HTTP_AUTHORIZATION=f"Token {stranger[::-1]}")

    assert response.status_code == 401


def test_admin_actions_need_the_csrf_token(claims: Claims) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user(staff=True, superuser=True))
    changelist = reverse("admin:claims_statement_changelist")
    action = {"action": "approve", "_selected_action": [claims.no_sanctions.pk]}

    refused = client.post(changelist, action)
    client.cookies["csrftoken"] = SECRET
    allowed = client.post(changelist, {**action, "csrfmiddlewaretoken": SECRET})

    assert refused.status_code == 403
    assert allowed.status_code == 302
    claims.no_sanctions.refresh_from_db()
    assert claims.no_sanctions.review_status == ReviewStatus.APPROVED


def test_the_admin_login_needs_the_csrf_token(db) -> None:
    make_user(username="editor", password="a-long-test-password")
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        reverse("admin:login"), {"username": "editor", "password": "a-long-test-password"}
    )

    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
