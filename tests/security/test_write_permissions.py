"""Every write the API offers, found in its own schema, is refused without authentication
(401) and without the model permission (403), and changes nothing when refused."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from drf_spectacular.generators import SchemaGenerator
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims.models import Article, Stance, Statement
from tests.api.conftest import Claims
from tests.factories import make_user

WRITE_METHODS = {"post", "put", "patch", "delete"}

# Each write with a body that would succeed, and the permission it needs.
WRITES = {
    ("POST", "/api/articles/"): ({"text": "“No,” the minister said."}, "add_article"),
    ("PATCH", "/api/statements/{id}/"): ({"review_status": "approved"}, "change_statement"),
    ("PATCH", "/api/stances/{id}/"): ({"polarity": "neutral"}, "change_stance"),
}


def schema_writes() -> set[tuple[str, str]]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return {
        (method.upper(), path)
        for path, operations in schema["paths"].items()
        for method in operations
        if method in WRITE_METHODS
    }


def url(path: str, claims: Claims) -> str:
    if path.startswith("/api/statements/"):
        return path.format(id=claims.no_sanctions.pk)
    if path.startswith("/api/stances/"):
        return path.format(id=claims.lavrov_against.pk)
    return path


def snapshot() -> tuple:
    return (
        Article.objects.count(),
        list(Statement.objects.values_list("pk", "review_status", "reviewed_at", "speaker_id")),
        list(Stance.objects.values_list("pk", "polarity", "review_status", "reviewed_at")),
        Statement.history.count(),
        Stance.history.count(),
    )


def test_the_writes_tested_here_are_all_the_writes_the_api_has(db) -> None:
    assert schema_writes() == set(WRITES)


def users_without(permission: str) -> dict[str, object]:
    """Authenticated users who must not be allowed this write."""
    others = [codename for _, codename in WRITES.values() if codename != permission]
    reader = make_user(staff=False, superuser=False)
    reader.user_permissions.set(Permission.objects.filter(codename__startswith="view_"))
    other_writer = make_user(staff=False, superuser=False)
    other_writer.user_permissions.set(Permission.objects.filter(codename__in=others))
    staff = make_user(staff=True, superuser=False)  # staff status alone grants nothing
    return {"reader": reader, "other writer": other_writer, "staff": staff}


@pytest.mark.parametrize(("method", "path"), list(WRITES))
def test_anonymous_writes_are_401(api: APIClient, claims: Claims, method: str, path: str) -> None:
    body, _ = WRITES[method, path]
    before = snapshot()

    response = getattr(api, method.lower())(url(path, claims), body, format="json")

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")  # says how to authenticate
    assert snapshot() == before


@pytest.mark.parametrize(("method", "path"), list(WRITES))
@pytest.mark.parametrize(
    "credentials", ["Token 0123456789abcdef", "Token ", "Bearer x", "Basic eDp5"]
)
def test_bad_credentials_are_401(
    api: APIClient, claims: Claims, method: str, path: str, credentials: str
) -> None:
    body, _ = WRITES[method, path]
    api.credentials(HTTP_AUTHORIZATION=credentials)
    before = snapshot()

    response = getattr(api, method.lower())(url(path, claims), body, format="json")

    assert response.status_code == 401
    assert snapshot() == before


@pytest.mark.parametrize(("method", "path"), list(WRITES))
def test_writes_without_the_model_permission_are_403(
    claims: Claims, method: str, path: str
) -> None:
    body, permission = WRITES[method, path]
    before = snapshot()

    for who, user in users_without(permission).items():
        api = APIClient()
        api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
        response = getattr(api, method.lower())(url(path, claims), body, format="json")

        assert response.status_code == 403, who
    assert snapshot() == before


@pytest.mark.parametrize(("method", "path"), list(WRITES))
def test_a_deactivated_user_cannot_write_with_an_old_token(
    claims: Claims, method: str, path: str
) -> None:
    _, permission = WRITES[method, path]
    user = make_user(staff=False, superuser=False)
    user.user_permissions.set(Permission.objects.filter(codename=permission))
    token = Token.objects.create(user=user).key
    user.is_active = False
    user.save()
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")

    response = getattr(api, method.lower())(url(path, claims), {}, format="json")

    assert response.status_code == 401


DETAIL_AND_LISTS = [
    "/api/articles/{id}/",
    "/api/speakers/",
    "/api/speakers/sergey-lavrov/",
    "/api/topics/",
    "/api/topics/sanctions/",
    "/api/statements/",
    "/api/statements/{id}/",
    "/api/stances/",
    "/api/stances/{id}/",
]
NOT_OFFERED = [
    (method, path)
    for path in DETAIL_AND_LISTS
    for method in ("POST", "PUT", "PATCH", "DELETE")
    if (method, path) not in WRITES
]


@pytest.mark.parametrize(("method", "path"), NOT_OFFERED)
def test_writes_the_api_does_not_offer_are_405_even_for_a_superuser(
    claims: Claims, method: str, path: str
) -> None:
    ids = {
        "articles": claims.tass.pk,
        "statements": claims.supply.pk,
        "stances": claims.lavrov_favor.pk,
    }
    path = path.format(id=ids.get(path.split("/")[2]))
    api = APIClient()
    api.force_authenticate(user=make_user(staff=True, superuser=True))
    before = snapshot()

    response = getattr(api, method.lower())(path, {"review_status": "approved"}, format="json")

    assert response.status_code == 405
    assert snapshot() == before
