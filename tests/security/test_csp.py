"""Content-Security-Policy: a strict policy on every page, and the pages still load under it.

The pages are checked as a browser would apply the policy: every script and stylesheet
comes from this site, no script is inline, and each one is there to be loaded.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from tests.factories import make_user

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


class Resources(HTMLParser):
    """The scripts, stylesheets and inline code of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.inline_scripts = 0
        self.inline_styles = 0
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "script":
            if attributes.get("src"):
                self.scripts.append(attributes["src"] or "")
            elif attributes.get("type") not in ("application/json", "text/template"):
                self.inline_scripts += 1
        elif tag == "link" and attributes.get("rel") == "stylesheet":
            self.styles.append(attributes.get("href") or "")
        elif tag == "style":
            self.inline_styles += 1


def resources(response) -> Resources:
    parser = Resources()
    parser.feed(response.content.decode())
    return parser


def loads(client: Client, url: str) -> bool:
    """Whether ``url`` (of this site) answers 200: a static file or a view."""
    path = urlsplit(url).path
    if path.startswith("/static/"):
        return finders.find(path.removeprefix("/static/")) is not None
    return client.get(url).status_code == 200


def test_every_response_carries_a_strict_policy(client: Client) -> None:
    found = policy(client.get("/api/"))

    assert found["default-src"] == ["'self'"]
    assert found["script-src"] == ["'self'"]
    assert found["style-src"] == ["'self'"]
    assert found["object-src"] == ["'none'"]
    assert found["frame-ancestors"] == ["'none'"]
    assert found["base-uri"] == ["'none'"]


def test_the_api_docs_page_loads_everything_from_this_site(client: Client) -> None:
    """Swagger UI's scripts and styles are served locally, and its set-up script is a file."""
    response = client.get("/api/docs/")

    assert response.status_code == 200
    page = resources(response)
    assert page.inline_scripts == 0 and page.inline_styles == 0
    assert page.scripts and page.styles
    for url in page.scripts + page.styles:
        assert url.startswith("/") and not url.startswith("//"), url
        assert loads(client, url), url
    set_up = client.get(next(url for url in page.scripts if "script" in urlsplit(url).query))
    assert set_up["Content-Type"].startswith("application/javascript")
    assert b"SwaggerUIBundle" in set_up.content


@pytest.mark.parametrize(
    "url", ["/api/", "/api/statements/", "/admin/login/", "/admin/", "/admin/claims/statement/"]
)
def test_the_browsable_api_and_the_admin_run_no_inline_script(client: Client, url: str) -> None:
    if url != "/admin/login/":
        client.force_login(make_user())

    response = client.get(url, HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    page = resources(response)
    assert page.inline_scripts == 0
    for src in page.scripts:
        assert src.startswith("/") and not src.startswith("//"), src


def test_the_redoc_page_runs_no_inline_script_and_only_it_allows_inline_styles(
    client: Client,
) -> None:
    """Redoc injects <style> elements and starts a worker from a blob: its page alone."""
    response = client.get("/api/redoc/")

    assert response.status_code == 200
    page = resources(response)
    assert page.inline_scripts == 0 and page.inline_styles == 0
    for url in page.scripts + page.styles:
        assert url.startswith("/") and not url.startswith("//"), url
        assert loads(client, url), url
    found = policy(response)
    assert found["script-src"] == ["'self'"]
    assert "'unsafe-inline'" in found["style-src"] and found["worker-src"] == ["blob:"]
    assert "'unsafe-inline'" not in policy(client.get("/api/docs/"))["style-src"]
