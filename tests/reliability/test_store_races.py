"""Races decided by unique constraints when the article is inserted, simulated in one process:
the other ingest's article appears between our checks and our insert."""

from __future__ import annotations

import pytest

from claims.models import Article
from claims.readers import RawArticle
from claims.services import store as store_service
from claims.services.ingest import ingest_article
from claims.services.outcomes import FAILED
from tests.factories import make_article
from tests.reliability.badfolder import generated_article

pytestmark = [pytest.mark.django_db, pytest.mark.nlp]

URL = "https://news.example.org/budget"


def test_a_url_stored_with_another_text_meanwhile_fails_this_article_only(
    monkeypatch: pytest.MonkeyPatch, extractor
):
    other = make_article(url=URL, text=generated_article(2))
    real_holder = store_service._url_holder
    calls = []

    def holder_not_yet_committed(url: str, digest: str):
        calls.append(url)  # the first check runs before the other ingest commits
        return None if len(calls) == 1 else real_holder(url, digest)

    monkeypatch.setattr(store_service, "_url_holder", holder_not_yet_committed)

    outcome = ingest_article(
        raw=RawArticle(source="feed", text=generated_article(1), url=URL), extractor=extractor
    )

    assert outcome.status == FAILED
    assert outcome.error == (
        f"the URL {URL} is already stored with a different text (article {other.pk})"
    )
    assert list(Article.objects.all()) == [other]
    assert len(calls) == 2, "the insert itself hit the unique URL"
