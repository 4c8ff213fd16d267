"""Text from articles is untrusted: a ``<script>`` in a statement, an article, a speaker's
name, role or alias, a topic or a stance's target comes out escaped on every admin page and
in the browsable API, and the JSON API never answers as HTML. (The statement change page and
the statement and article lists are covered in tests/admin/test_statements.py.)"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from claims.models import Article, Speaker, Stance, Statement, Topic
from tests.factories import (
    make_alias,
    make_article,
    make_speaker,
    make_stance,
    make_statement,
    make_topic,
    make_user,
)

SCRIPT = '<script>alert("xss")</script>'
ESCAPED = "&lt;script&gt;"


@pytest.fixture
def hostile(db) -> dict[type, object]:
    """Rows whose every free-text field carries a script."""
    speaker = make_speaker(
        name=f"Evil {SCRIPT}",
        slug="evil",
        role=f"Minister {SCRIPT}",
        affiliation=f"Land {SCRIPT}",
    )
    make_alias(speaker=speaker, alias=f"Alias {SCRIPT}")
    topic = make_topic(name=f"Topic {SCRIPT}", slug="evil-topic", description=SCRIPT)
    article = make_article(
        text=f"Intro.\n\n“{SCRIPT} never,” {SCRIPT} said.",
        headline=f"Headline {SCRIPT}",
        outlet=f"Outlet {SCRIPT}",
        dateline=SCRIPT,
        author=SCRIPT,
    )
    statement = make_statement(
        article=article,
        speaker=speaker,
        quote=f"{SCRIPT} never",
        speaker_mention=SCRIPT,
        cue=SCRIPT,
        topics=(topic,),
    )
    stance = make_stance(
        speaker=speaker, topic=topic, evidence=(statement,), target=SCRIPT, cues=[SCRIPT]
    )
    return {Article: article, Speaker: speaker, Statement: statement, Stance: stance, Topic: topic}


def assert_escaped(html: str, where: str) -> None:
    assert SCRIPT not in html, where
    assert "<script>alert(" not in html, where
    assert ESCAPED in html, f"{where}: the text is not shown at all"


@pytest.mark.parametrize(
    "model", [Article, Speaker, Statement, Stance, Topic], ids=lambda m: m.__name__
)
def test_admin_list_change_and_history_pages_escape(hostile: dict, model: type) -> None:
    client = Client()
    client.force_login(make_user())
    name = f"admin:claims_{model._meta.model_name}"
    row = hostile[model]

    for url in (
        reverse(f"{name}_changelist"),
        reverse(f"{name}_change", args=[row.pk]),
        reverse(f"{name}_history", args=[row.pk]),
        reverse(f"{name}_changelist") + f"?q={SCRIPT}",  # the search box echoes the query
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_escaped(response.content.decode(), url)


def test_admin_action_pages_escape(hostile: dict) -> None:
    client = Client()
    client.force_login(make_user())
    other = make_speaker(name="Plain Name")

    reassign = client.post(
        reverse("admin:claims_statement_changelist"),
        {"action": "reassign_to_speaker", "_selected_action": [hostile[Statement].pk]},
    )
    merge = client.post(
        reverse("admin:claims_speaker_changelist"),
        {"action": "merge_duplicates", "_selected_action": [hostile[Speaker].pk, other.pk]},
    )

    for response in (reassign, merge):
        assert response.status_code == 200
        assert_escaped(response.content.decode(), response.request["PATH_INFO"])


@pytest.mark.parametrize(
    "url",
    [
        "/api/statements/",
        "/api/statements/{statement}/",
        "/api/articles/",
        "/api/articles/{article}/",
        "/api/speakers/",
        "/api/speakers/evil/",
        "/api/speakers/evil/stances/",
        "/api/speakers/evil/timeline/",
        "/api/topics/evil-topic/",
        "/api/topics/evil-topic/speakers/",
        "/api/stances/",
        "/api/stances/matrix/?speakers=evil&topics=evil-topic",
    ],
)
def test_the_browsable_api_escapes(hostile: dict, url: str) -> None:
    url = url.format(statement=hostile[Statement].pk, article=hostile[Article].pk)
    api = APIClient()
    api.force_authenticate(user=make_user())  # also renders the write forms

    html = api.get(url, HTTP_ACCEPT="text/html")
    data = api.get(url)

    assert html.status_code == 200 and html["Content-Type"].startswith("text/html")
    assert_escaped(html.content.decode(), url)
    assert data["Content-Type"] == "application/json"  # never sniffed as a page
    assert data["X-Content-Type-Options"] == "nosniff"


def test_the_browsable_api_escapes_filter_values_it_echoes(hostile: dict) -> None:
    response = APIClient().get(
        "/api/statements/",
        {"outlet": SCRIPT, "speaker_name": SCRIPT, "q": SCRIPT, "ordering": SCRIPT},
        HTTP_ACCEPT="text/html",
    )

    assert response.status_code == 400
    assert_escaped(response.content.decode(), "filter form")
