"""Rated claims as schema.org ClaimReview JSON-LD, in the fields Google's Fact Check Markup
Tool reads: ``claimReviewed``, ``itemReviewed`` (a Claim with its ``author``, ``appearance``
and ``firstAppearance``), ``datePublished``, ``author``, ``url`` and ``reviewRating``."""

from __future__ import annotations

from collections.abc import Iterator

from claims.models import Article, Claim, FactCheck, Speaker, SpeakerKind, Statement
from claims.selectors.claims import rated_claims

SCHEMA = "https://schema.org"


def claim_reviews() -> Iterator[dict]:
    """One ClaimReview per fact-check of a claim, claims in id order."""
    for claim in rated_claims().iterator(chunk_size=200):
        item = claim_item(claim=claim, appearances=claim.shown_appearances)
        for check in claim.fact_checks.all():
            yield claim_review(claim=claim, check=check, item=item)


def claim_review(*, claim: Claim, check: FactCheck, item: dict) -> dict:
    rating = {"@type": "Rating", "alternateName": check.rating}
    for key, value in (
        ("ratingValue", check.rating_value),
        ("bestRating", check.best_rating),
        ("worstRating", check.worst_rating),
    ):
        if value is not None:
            rating[key] = value
    return {
        "@context": SCHEMA,
        "@type": "ClaimReview",
        "url": check.url,
        "claimReviewed": claim.text,
        "datePublished": check.published.isoformat(),
        "author": {"@type": "Organization", "name": check.reviewer},
        "itemReviewed": item,
        "reviewRating": rating,
    }


def claim_item(*, claim: Claim, appearances: list[Statement]) -> dict:
    """The schema.org Claim: who first said it (of its named speakers), where and when."""
    item: dict = {"@type": "Claim"}
    speaker = next((s.speaker for s in appearances if s.speaker is not None), None)
    if speaker is not None and speaker.kind != SpeakerKind.ANONYMOUS:
        item["author"] = _author(speaker)
    if claim.first_seen is not None:
        item["datePublished"] = claim.first_seen.isoformat()
    articles = list({s.article_id: s.article for s in appearances}.values())
    if articles:
        item["firstAppearance"] = _creative_work(articles[0])
        item["appearance"] = [_creative_work(article) for article in articles]
    return item


def _author(speaker: Speaker) -> dict:
    kind = "Person" if speaker.kind == SpeakerKind.PERSON else "Organization"
    author = {"@type": kind, "name": speaker.name}
    if speaker.role:
        author["jobTitle" if kind == "Person" else "description"] = speaker.role
    return author


def _creative_work(article: Article) -> dict:
    work: dict = {"@type": "CreativeWork"}
    if article.url:
        work["url"] = article.url
    if article.headline:
        work["headline"] = article.headline
    if article.published:
        work["datePublished"] = article.published.isoformat()
    if article.outlet:
        work["publisher"] = {"@type": "Organization", "name": article.outlet}
    return work
