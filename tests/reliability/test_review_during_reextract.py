"""``ingest --reextract`` while reviewers work: what a reviewer touched is never overwritten.

Re-extraction reads the article, runs the extractor (the slow part, outside any
transaction), then replaces the machine-made rows in one transaction. A review can land at
any point: during the extraction (the rows it read are stale by the time it writes), or
while the replacing transaction runs (on PostgreSQL: two connections, one waiting for the
other's lock).
"""

from __future__ import annotations

import threading
import time

import pytest
from django.conf import settings
from django.db import connection, transaction

from claims.models import Polarity, Stance, Statement, Topic
from claims.nlp.pipeline import Extractor
from claims.readers import RawArticle
from claims.services.ingest import ingest_article
from claims.services.outcomes import REEXTRACTED
from claims.services.reextract import reextract_article
from claims.services.review import review_stance, review_statement
from claims.services.topics import topic_specs
from tests.factories import make_user

pytestmark = pytest.mark.nlp

TEXT = (
    "Sanctions row in Geneva\n\n"
    "“We will never accept these sanctions,” Finance Minister Anna Berg said on Monday.\n\n"
    "Berg said that the sanctions against her country were illegal and would fail.\n\n"
    "“Nobody wants a trade war,” Berg told reporters.\n"
)
on_postgres = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


@pytest.fixture
def topical(nlp, db) -> Extractor:
    """The real extractor, with a curated topic its stance rules can take positions on."""
    Topic.objects.get_or_create(
        slug="sanctions", defaults={"name": "Sanctions", "phrases": ["sanctions"]}
    )
    return Extractor(nlp, topics=topic_specs())


class ReviewingMidway:
    """The real extractor, and a reviewer who acts while it runs (after re-extraction has
    read the article and its rows, before it writes)."""

    def __init__(self, inner: Extractor, review) -> None:
        self.inner, self.review = inner, review

    def extract(self, clean):
        extraction = self.inner.extract(clean)
        self.review()
        return extraction


def stored(article) -> tuple[Statement, Statement, Stance]:
    """The first and last statements and the first stance the extractor stored."""
    statements = list(article.statements.order_by("start"))
    stance = article.stances.order_by("pk").first()
    assert len(statements) >= 2 and stance is not None, "the extractor found too little"
    return statements[0], statements[-1], stance


@pytest.mark.django_db
def test_a_review_landing_during_extraction_is_kept(topical: Extractor):
    article = ingest_article(raw=RawArticle(source="a.txt", text=TEXT), extractor=topical).article
    first, last, stance = stored(article)
    untouched = set(article.statements.values_list("pk", flat=True)) - {first.pk}
    reviewer = make_user()

    def review() -> None:
        review_statement(
            statement=Statement.objects.get(pk=first.pk),
            reviewer=reviewer,
            review_status="rejected",
        )
        review_stance(
            stance=Stance.objects.get(pk=stance.pk), reviewer=reviewer, polarity=Polarity.FAVOR
        )

    outcome = reextract_article(article=article, extractor=ReviewingMidway(topical, review))

    assert outcome.status == REEXTRACTED
    kept = Statement.objects.get(pk=first.pk)
    assert (kept.review_status, kept.reviewed_by, kept.text) == ("rejected", reviewer, first.text)
    overlapping = article.statements.filter(start__lt=first.end, end__gt=first.start)
    assert list(overlapping) == [kept], "a machine statement was stored over the reviewed one"
    kept_stance = Stance.objects.get(pk=stance.pk)
    assert (kept_stance.polarity, kept_stance.reviewed_by) == (Polarity.FAVOR, reviewer)
    assert list(article.stances.filter(speaker=stance.speaker, topic=stance.topic)) == [kept_stance]
    # Rows nobody touched are the new extraction's, in the same rows (same spans, same ids).
    assert untouched <= set(article.statements.values_list("pk", flat=True))
    assert article.statements.filter(start=last.start, end=last.end).exists()


@pytest.mark.skipif(not on_postgres, reason="two connections and row locks: PostgreSQL only")
@pytest.mark.django_db(transaction=True)
def test_a_review_in_flight_when_reextraction_writes_is_waited_for_and_kept(
    topical: Extractor,
):
    article = ingest_article(raw=RawArticle(source="a.txt", text=TEXT), extractor=topical).article
    first, _, stance = stored(article)
    reviewer = make_user()
    reviewing, failures = threading.Event(), []

    def reviewer_at_work() -> None:
        """Reviews inside a transaction, and commits only once re-extraction waits for it."""
        try:
            with transaction.atomic():
                review_statement(
                    statement=Statement.objects.get(pk=first.pk),
                    reviewer=reviewer,
                    review_status="approved",
                )
                review_stance(
                    stance=Stance.objects.get(pk=stance.pk),
                    reviewer=reviewer,
                    review_status="rejected",
                )
                reviewing.set()
                deadline = time.monotonic() + 30
                while not someone_waits_for_a_lock() and time.monotonic() < deadline:
                    time.sleep(0.01)
        except BaseException as error:
            failures.append(error)
        finally:
            reviewing.set()
            connection.close()

    thread = threading.Thread(target=reviewer_at_work)
    thread.start()
    assert reviewing.wait(timeout=60)
    outcome = reextract_article(article=article, extractor=topical)
    thread.join(timeout=60)

    assert not failures, failures
    assert outcome.status == REEXTRACTED
    kept = Statement.objects.get(pk=first.pk)
    assert (kept.review_status, kept.reviewed_by) == ("approved", reviewer)
    assert list(article.statements.filter(start__lt=first.end, end__gt=first.start)) == [kept]
    kept_stance = Stance.objects.get(pk=stance.pk)
    assert (kept_stance.review_status, kept_stance.reviewed_by) == ("rejected", reviewer)
    assert list(article.stances.filter(speaker=stance.speaker, topic=stance.topic)) == [kept_stance]


def someone_waits_for_a_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")  # else: the transaction's snapshot
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0
