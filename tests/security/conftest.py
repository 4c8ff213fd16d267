"""Fixtures for the hostile-client tests: the known claims database and the API clients of
tests/api, plus a user allowed every write."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AbstractUser, Permission
from rest_framework.authtoken.models import Token

from tests.api.conftest import (  # noqa: F401  (fixtures shared with the API tests)
    _fresh_throttle_history,
    api,
    claims,
    client_with_perms,
)
from tests.factories import make_user

WRITE_PERMISSIONS = ("add_article", "change_statement", "change_stance")


@pytest.fixture
def writer(db) -> AbstractUser:
    """A user who is not staff but holds every permission the API's writes need."""
    user = make_user(staff=False, superuser=False)
    user.user_permissions.set(Permission.objects.filter(codename__in=WRITE_PERMISSIONS))
    return user


@pytest.fixture
def writer_token(writer: AbstractUser) -> str:
    return Token.objects.create(user=writer).key
