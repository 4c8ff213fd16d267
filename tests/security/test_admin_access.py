"""The admin is staff-only, and staff status alone shows nothing: each page needs the model
permission. (tests/admin/test_pages.py sends anonymous and non-staff users to the login on
every page; this adds logging in, permissions, and writes.)"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from claims.models import ReviewStatus
from tests.api.conftest import Claims
from tests.factories import make_user

MODELS = ["article", "speaker", "statement", "stance", "topic"]


def test_a_non_staff_user_cannot_log_in_to_the_admin(db) -> None:
    make_user(username="reader", staff=False, superuser=False, password="a-long-test-password")
    client = Client()

    response = client.post(
        reverse("admin:login"), {"username": "reader", "password": "a-long-test-password"}
    )

    assert response.status_code == 200  # the form again, with its error
    assert "staff account" in response.content.decode()
    assert client.get(reverse("admin:index")).status_code == 302


def test_a_deactivated_staff_user_is_logged_out(db) -> None:
    user = make_user(staff=True, superuser=True)
    client = Client()
    client.force_login(user)
    user.is_active = False
    user.save()

    assert client.get(reverse("admin:index")).status_code == 302


@pytest.mark.parametrize("model", MODELS)
def test_staff_without_permissions_see_no_claims_page(claims: Claims, model: str) -> None:
    client = Client()
    client.force_login(make_user(staff=True, superuser=False))

    index = client.get(reverse("admin:index"))
    page = client.get(reverse(f"admin:claims_{model}_changelist"))

    assert index.status_code == 200
    assert f"/admin/claims/{model}/" not in index.content.decode()
    assert page.status_code == 403


def test_staff_who_may_only_view_cannot_change_or_act(claims: Claims) -> None:
    viewer = make_user(staff=True, superuser=False)
    viewer.user_permissions.set(Permission.objects.filter(codename="view_statement"))
    client = Client()
    client.force_login(viewer)
    statement = claims.no_sanctions
    change = reverse("admin:claims_statement_change", args=[statement.pk])

    page = client.get(change)
    edit = client.post(change, {"review_status": "approved", "kind": statement.kind})
    action = client.post(
        reverse("admin:claims_statement_changelist"),
        {"action": "approve", "_selected_action": [statement.pk]},
    )

    assert page.status_code == 200 and 'name="review_status"' not in page.content.decode()
    assert edit.status_code == 403
    assert action.status_code in (200, 302, 403)  # the admin drops actions the user lacks
    statement.refresh_from_db()
    assert statement.review_status == ReviewStatus.PENDING


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("post", "admin:claims_statement_changelist"),
        ("post", "admin:claims_speaker_changelist"),
        ("post", "admin:claims_topic_add"),
    ],
)
def test_anonymous_writes_to_the_admin_go_to_the_login(
    client: Client, claims: Claims, method: str, url: str
) -> None:
    response = getattr(client, method)(
        reverse(url), {"action": "approve", "_selected_action": [claims.no_sanctions.pk]}
    )

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))
    claims.no_sanctions.refresh_from_db()
    assert claims.no_sanctions.review_status == ReviewStatus.PENDING
