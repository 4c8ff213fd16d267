"""Fixtures for the admin tests: a logged-in staff reviewer."""

import pytest

from tests.factories import make_user


@pytest.fixture
def reviewer(client):
    """A staff user with every claims permission, logged in to ``client``."""
    user = make_user()
    client.force_login(user)
    return user
