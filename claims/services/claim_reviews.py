"""ClaimReview in: a fact-checker's schema.org ClaimReview ratings attach to the claims they
review, found by the reviewed text (the same words, or a near duplicate, as grouping finds
them); those that match no claim, and those that are not ClaimReviews, are reported."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.models import AbstractBaseUser as User
from django.core.exceptions import ValidationError
from django.db import transaction

from claims.models import Claim
from claims.nlp.claim_keys import claim_keys
from claims.selectors.claims import stored_matches
from claims.services.claims import Rating, record_fact_check


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """What the import reads of one ClaimReview."""

    claim_reviewed: str
    url: str
    reviewer: str
    published: date
    rating: Rating


@dataclass(slots=True)
class ImportReport:
    attached: list[tuple[ReviewRecord, int]] = field(default_factory=list)  # with the claim id
    unmatched: list[ReviewRecord] = field(default_factory=list)
    invalid: list[tuple[int, str]] = field(default_factory=list)  # position in the file, reason


def claim_review_nodes(data: object) -> Iterator[object]:
    """The ClaimReview candidates of a JSON-LD document: an object, a list, or a ``@graph``."""
    if isinstance(data, list):
        for node in data:
            yield from claim_review_nodes(node)
    elif isinstance(data, dict) and "@graph" in data:
        yield from claim_review_nodes(data["@graph"])
    else:
        yield data


def read_review(node: object) -> ReviewRecord:
    """``node`` as a ``ReviewRecord``; a ``ValueError`` says what is missing or wrong."""
    if not isinstance(node, dict) or _types(node) & {"ClaimReview"} != {"ClaimReview"}:
        raise ValueError("not a ClaimReview")
    text = _text(node.get("claimReviewed"))
    if not text:
        raise ValueError("no claimReviewed")
    url = _text(node.get("url"))
    if not url:
        raise ValueError("no url")
    published = _date(node.get("datePublished"))
    if published is None:
        raise ValueError("no datePublished (YYYY-MM-DD)")
    rating = node.get("reviewRating")
    if not isinstance(rating, dict):
        raise ValueError("no reviewRating")
    value, best, worst = (
        _number(rating.get(k)) for k in ("ratingValue", "bestRating", "worstRating")
    )
    name = _text(rating.get("alternateName")) or _text(rating.get("name"))
    if not name and value is None:
        raise ValueError("reviewRating has neither alternateName nor ratingValue")
    reviewer = _name(node.get("author")) or _name(rating.get("author"))
    if not reviewer:
        raise ValueError("no author")
    return ReviewRecord(
        claim_reviewed=text,
        url=url,
        reviewer=reviewer[:200],
        published=published,
        rating=Rating(name=(name or str(value))[:200], value=value, best=best, worst=worst),
    )


@transaction.atomic
def import_claim_reviews(*, data: object, recorded_by: User | None = None) -> ImportReport:
    """Attach every ClaimReview in ``data`` (parsed JSON-LD) to the claim it reviews."""
    report = ImportReport()
    records: list[tuple[int, ReviewRecord]] = []
    for position, node in enumerate(claim_review_nodes(data), start=1):
        try:
            records.append((position, read_review(node)))
        except ValueError as error:
            report.invalid.append((position, str(error)))
    matches = stored_matches(
        keys=[claim_keys(record.claim_reviewed) for _, record in records], short_exact=True
    )
    claims = Claim.objects.in_bulk({m.claim_id for m in matches if m is not None})
    for (position, record), match in zip(records, matches, strict=True):
        if match is None:
            report.unmatched.append(record)
            continue
        try:
            with transaction.atomic():
                record_fact_check(
                    claim=claims[match.claim_id],
                    rating=record.rating,
                    reviewer=record.reviewer,
                    url=record.url,
                    published=record.published,
                    recorded_by=recorded_by,
                )
        except ValidationError as error:
            report.invalid.append((position, _first_message(error)))
            continue
        report.attached.append((record, match.claim_id))
    return report


def _types(node: dict) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _name(value: object) -> str:
    if isinstance(value, list):
        return next((name for v in value if (name := _name(v))), "")
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(_text(value)[:10])
    except ValueError:
        return None


def _number(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        number = round(float(value))  # "4", 4, 4.0
    except (TypeError, ValueError, OverflowError):
        return None
    return number if -32768 <= number <= 32767 else None


def _first_message(error: ValidationError) -> str:
    return next(iter(error.messages), "invalid")
