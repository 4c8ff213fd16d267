"""Ingest puts every stored statement in its claim; re-extraction keeps the claims right."""

from __future__ import annotations

from datetime import date

import pytest

from claims.models import Claim, Statement
from claims.readers.records import RawArticle
from claims.services.claims import Rating, record_fact_check
from claims.services.ingest import ingest_article
from claims.services.reextract import reextract_article
from tests.claims.helpers import CLAIM
from tests.services.test_ingest import ScriptedExtractor

pytestmark = pytest.mark.django_db


def ingest(text: str, *, outlet: str, published: date) -> Statement:
    outcome = ingest_article(
        raw=RawArticle(source=f"{outlet}.txt", text=text, outlet=outlet, published=published),
        extractor=ScriptedExtractor(),
    )
    return outcome.article.statements.get()


def test_the_same_quote_in_two_outlets_is_stored_as_one_claim_seen_twice():
    first = ingest(f"Tax plan\n\n“{CLAIM},” he said.", outlet="Daily A", published=date(2016, 3, 1))
    second = ingest(
        f"Taxes again\n\nHe repeated: “{CLAIM}.”", outlet="Daily B", published=date(2016, 3, 8)
    )

    assert first.claim_id == second.claim_id
    claim = Claim.objects.get()
    assert (claim.appearances, claim.first_seen, claim.last_seen) == (
        2,
        date(2016, 3, 1),
        date(2016, 3, 8),
    )


def test_reextraction_keeps_the_claim_and_its_fact_check():
    first = ingest(f"Tax plan\n\n“{CLAIM},” he said.", outlet="Daily A", published=date(2016, 3, 1))
    record_fact_check(
        claim=first.claim,
        rating=Rating("False"),
        reviewer="Checkers",
        url="https://check.example.org/taxes",
        published=date(2016, 4, 1),
    )

    reextract_article(article=first.article, extractor=ScriptedExtractor())

    again = first.article.statements.get()
    assert list(Claim.objects.all()) == [first.claim]
    assert again.claim == first.claim
    assert again.claim.appearances == 1
    assert again.claim.fact_checks.count() == 1


def test_reextraction_that_reads_other_words_refreshes_the_claim():
    first = ingest(f"Tax plan\n\n“{CLAIM},” he said.", outlet="Daily A", published=date(2016, 3, 1))
    first.article.text = first.article.text.replace("taxes", "rates")
    first.article.save()

    reextract_article(article=first.article, extractor=ScriptedExtractor())

    again = first.article.statements.get()
    assert list(Claim.objects.all()) == [again.claim]
    assert again.claim.text == again.text
    assert "cut rates" in again.claim.text
