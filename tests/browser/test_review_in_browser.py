"""A reviewer's session in a real browser (Debian's chromium, driven by Playwright).

Logs in, approves one statement and rejects another in the review queue, sees the stance
that rested on the rejected one retracted, finds a statement marked in its article, and
opens the API docs with every request off this server blocked. Screenshots of each step go
to ``var/screenshots/`` (or ``CLAIMTRACKER_SCREENSHOTS``).

No browser is ever downloaded (never ``playwright install``): the test uses the system's
chromium and skips, saying why, where there is none; with ``CLAIMTRACKER_REQUIRE_BROWSER=1``
(CI) a missing browser is a failure instead.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.db import connections

from claims.models import ReviewStatus
from tests.factories import make_article, make_stance, make_statement, make_topic, make_user

ROOT = Path(__file__).resolve().parent.parent.parent
SCREENSHOTS = Path(os.environ.get("CLAIMTRACKER_SCREENSHOTS", ROOT / "var" / "screenshots"))
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PASSWORD = "a-long-browser-test-password"

TEXT = (
    "Ministers met in Vienna on Tuesday.\n\n"
    "“The tariffs will hurt our farmers,” the minister said.\n\n"
    "“We welcome the new trade deal,” the envoy said later."
)


def _need_browser() -> None:
    reason = ""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reason = "playwright is not installed"
    if not reason and not Path(CHROMIUM).exists():
        reason = "no chromium here (apt-get install chromium)"
    if reason:
        if os.environ.get("CLAIMTRACKER_REQUIRE_BROWSER") == "1":
            pytest.fail(f"the browser test must run here: {reason}")
        pytest.skip(reason)


@pytest.fixture
def page(live_server, monkeypatch):
    _need_browser()
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls between its
    # steps are plain synchronous code all the same.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"]
        )
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        context.route("**/*", lambda route: _only_this_server(route, live_server.url))
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        context.close()
        browser.close()
        # The test's ORM calls ran while Playwright's event loop was running in this thread,
        # so Django gave them a connection of their own, which pytest-django does not know:
        # left open, it kept PostgreSQL from dropping the test database at the end.
        connections.close_all()


def _only_this_server(route, server: str) -> None:
    """The network is blocked: anything not addressed to the test server is aborted."""
    if urlsplit(route.request.url).netloc == urlsplit(server).netloc:
        route.continue_()
    else:
        route.abort()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_reviewer_approves_rejects_and_sees_positions_follow(page, live_server):
    make_user(username="reviewer", password=PASSWORD)
    article = make_article(text=TEXT, headline="Trade talks in Vienna")
    tariffs = make_statement(article=article, quote="The tariffs will hurt our farmers")
    deal = make_statement(article=article, quote="We welcome the new trade deal")
    stance = make_stance(evidence=(tariffs,), topic=make_topic(name="Trade"))
    url = live_server.url

    page.goto(f"{url}/admin/login/")
    page.fill("#id_username", "reviewer")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name >> text=Claimtracker review")
    page.screenshot(path=SCREENSHOTS / "01-admin-index.png")

    page.click(".claims-nav >> text=Review queue")
    page.wait_for_selector(f"#statement-{deal.pk}")
    page.screenshot(path=SCREENSHOTS / "02-review-queue.png", full_page=True)
    page.click(f"#statement-{deal.pk} button.approve")
    page.wait_for_selector(f".messagelist >> text=Statement {deal.pk} approved.")
    page.click(f"#statement-{tariffs.pk} button.reject")
    page.wait_for_selector(".messagelist >> text=1 stance resting only on it retracted.")
    page.screenshot(path=SCREENSHOTS / "03-rejected-in-queue.png", full_page=True)
    tariffs.refresh_from_db()
    deal.refresh_from_db()
    assert (deal.review_status, tariffs.review_status) == (
        ReviewStatus.APPROVED,
        ReviewStatus.REJECTED,
    )

    page.goto(f"{url}/admin/claims/stance/?review_status__exact=rejected")
    row = page.locator("#result_list tbody tr", has_text="The tariffs will hurt our farmers")
    assert "Rejected (retracted)" in row.inner_text()
    # At 1400 px the review status is in view, not scrolled off the side of the list.
    status = page.locator("#result_list th.column-status").bounding_box()
    results = page.locator("#changelist .results").bounding_box()
    assert status["x"] + status["width"] <= results["x"] + results["width"], "status cut off"
    page.screenshot(path=SCREENSHOTS / "04-stance-list.png", full_page=True)
    page.goto(f"{url}/admin/claims/stance/{stance.pk}/change/")
    assert "every statement it rests on was rejected" in page.inner_text("#content")
    page.goto(f"{url}/admin/claims/speaker/{stance.speaker.pk}/change/")
    assert "No stance observed yet." in page.inner_text("#content")

    page.goto(f"{url}/admin/claims/article/{article.pk}/change/")
    mark = page.locator(".article-text a.statement-mark", has_text="We welcome the new trade deal")
    assert mark.count() == 1
    page.screenshot(path=SCREENSHOTS / "05-article-marked.png", full_page=True)
    mark.click()
    page.wait_for_url(f"**/admin/claims/statement/{deal.pk}/change/")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_api_docs_list_the_operations_with_the_network_blocked(page, live_server):
    page.goto(f"{live_server.url}/api/docs/")
    page.wait_for_selector(".opblock")
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    page.screenshot(path=SCREENSHOTS / "06-api-docs-offline.png", full_page=True)
    assert "/api/statements/" in paths
    assert "/api/speakers/{id_or_slug}/stances/" in " ".join(paths)
