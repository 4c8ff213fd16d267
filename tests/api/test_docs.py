"""The API's own pages: a root that says what it is, and docs that work without internet."""

from __future__ import annotations

import pytest
from django.contrib.staticfiles import finders
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_the_api_root_says_what_the_api_is(api: APIClient):
    page = api.get("/api/", HTTP_ACCEPT="text/html").content.decode()
    assert "Claimtracker API" in page
    assert "DefaultRouter" not in page


@pytest.mark.parametrize("path", ["/api/docs/", "/api/redoc/"])
def test_the_docs_load_their_scripts_from_this_server(api: APIClient, path: str):
    page = api.get(path).content.decode()
    assert "cdn" not in page.lower()
    assert "@latest" not in page
    scripts = [part.split('"')[0] for part in page.split('src="')[1:]]
    assert scripts
    for script in scripts:
        if script.startswith(f"{path}?"):  # Swagger UI's set-up script, served by its view
            assert api.get(script.replace("&amp;", "&")).status_code == 200, script
            continue
        assert script.startswith("/static/"), script
        assert finders.find(script.removeprefix("/static/")), script
