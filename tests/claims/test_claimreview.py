"""ClaimReview out (``export claimreview``) and in (``import claimreview``)."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from claims.models import Claim, FactCheck, SpeakerKind
from claims.services.claims import Rating, record_fact_check
from tests.claims.helpers import CLAIM, said
from tests.factories import make_speaker

pytestmark = pytest.mark.django_db

URL = "https://check.example.org/taxes"


@pytest.fixture
def rated() -> Claim:
    candidate = make_speaker(name="A Candidate", kind=SpeakerKind.PERSON)
    first = said(CLAIM, speaker=candidate, outlet="Daily A", published=date(2016, 3, 1))
    said(CLAIM, outlet="Daily B", published=date(2016, 3, 4))
    record_fact_check(
        claim=first.claim,
        rating=Rating("Mostly false", 2, 5, 1),
        reviewer="Checkers",
        url=URL,
        published=date(2016, 3, 10),
    )
    return first.claim


def export(tmp_path: Path) -> list[dict]:
    out = tmp_path / "out.jsonld"
    call_command("export", "claimreview", "-o", str(out), stderr=StringIO())
    return json.loads(out.read_text(encoding="utf-8"))


def test_export_writes_the_fields_the_fact_check_markup_tool_reads(rated, tmp_path):
    (review,) = export(tmp_path)

    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == CLAIM
    assert review["url"] == URL
    assert review["datePublished"] == "2016-03-10"
    assert review["author"] == {"@type": "Organization", "name": "Checkers"}
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Mostly false",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
    }
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Person", "name": "A Candidate"}
    assert item["datePublished"] == "2016-03-01"
    assert item["firstAppearance"]["publisher"]["name"] == "Daily A"
    assert [a["publisher"]["name"] for a in item["appearance"]] == ["Daily A", "Daily B"]


def test_unrated_claims_are_not_exported(rated, tmp_path):
    said("A completely different statement about the weather in the valley this week")
    assert len(export(tmp_path)) == 1


def test_round_trip_export_then_import_restores_the_ratings(rated, tmp_path):
    exported = export(tmp_path)
    FactCheck.objects.all().delete()

    out = StringIO()
    call_command("import", "claimreview", str(tmp_path / "out.jsonld"), stdout=out)

    check = FactCheck.objects.get()
    assert check.claim == rated
    assert (check.rating, check.rating_value, check.best_rating, check.worst_rating) == (
        "Mostly false",
        2,
        5,
        1,
    )
    assert (check.reviewer, check.url, check.published) == ("Checkers", URL, date(2016, 3, 10))
    assert "Attached 1 fact-check(s) to 1 claim(s); 0 matched no claim" in out.getvalue()
    assert export(tmp_path) == exported


def test_import_reports_reviews_that_match_no_claim_and_items_it_cannot_read(rated, tmp_path):
    document = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "ClaimReview",
                "url": "https://check.example.org/moon",
                "claimReviewed": "The moon landing was filmed in a studio in the desert",
                "datePublished": "2016-05-01T09:00:00Z",
                "author": {"@type": "Organization", "name": "Checkers"},
                "reviewRating": {"@type": "Rating", "alternateName": "False"},
            },
            {
                "@type": "ClaimReview",
                "url": "https://check.example.org/taxes-2",
                "claimReviewed": CLAIM.upper() + "!",
                "datePublished": "2016-05-02",
                "author": [{"@type": "Organization", "name": "Other checkers"}],
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": "1",
                    "bestRating": "5",
                    "worstRating": "1",
                    "alternateName": "False",
                },
            },
            {"@type": "WebPage", "url": "https://check.example.org/"},
        ],
    }
    path = tmp_path / "in.jsonld"
    path.write_text(json.dumps(document), encoding="utf-8")

    out = StringIO()
    call_command("import", "claimreview", str(path), stdout=out)

    text = out.getvalue()
    assert "matched no claim" in text
    assert "no claim: https://check.example.org/moon" in text
    assert "not read: item 3: not a ClaimReview" in text
    attached = FactCheck.objects.get(url="https://check.example.org/taxes-2")
    assert (attached.claim, attached.reviewer, attached.rating_value) == (
        rated,
        "Other checkers",
        1,
    )
