"""Claim reads: the API's claim lists and their filters, a claim's appearances, and the stored
claims a text repeats (what grouping and the ClaimReview import look up).

A claim is listed while it has an appearance: a statement of it that is not rejected.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import islice

from django.db.models import Min, Prefetch, QuerySet

from claims.models import (
    Claim,
    FactCheck,
    FingerprintBand,
    ReviewStatus,
    Speaker,
    Statement,
    StatementFingerprint,
    Topic,
)
from claims.nlp.claim_keys import NEAR_DUPLICATE, ClaimKeys, similarity
from claims.selectors.statements import search_statements
from claims.selectors.topics import topic_tree_ids

# Keys per IN (...) list: well under SQLite's limit on query parameters.
_CHUNK = 500


def appearing(statements: QuerySet[Statement] | None = None) -> QuerySet[Statement]:
    """The statements that count as appearances of their claims: those not rejected."""
    statements = Statement.objects.all() if statements is None else statements
    return statements.exclude(review_status=ReviewStatus.REJECTED)


def claim_list() -> QuerySet[Claim]:
    """Claims with an appearance, with their fact-checks and their appearances' speakers and
    outlets (four queries a page)."""
    appearances = (
        appearing()
        .select_related("speaker", "article")
        .only(
            "id",
            "claim_id",
            "speaker__id",
            "speaker__slug",
            "speaker__name",
            "speaker__role",
            "speaker__affiliation",
            "speaker__kind",
            "article__id",
            "article__outlet",
        )
        .order_by("pk")
    )
    return Claim.objects.filter(appearances__gt=0).prefetch_related(
        Prefetch("statements", queryset=appearances, to_attr="shown_appearances"),
        Prefetch("fact_checks", queryset=FactCheck.objects.order_by("-published", "-id")),
    )


def claim_appearances(*, claim: Claim) -> QuerySet[Statement]:
    """The claim's appearances, earliest first, with their article (without its text)."""
    return (
        appearing(claim.statements.all())
        .select_related("speaker", "article")
        .defer("article__text", "article__original_text")
        .order_by("article__published", "article_id", "start")
    )


def claims_spoken_by(*, claims: QuerySet[Claim], speaker: Speaker) -> QuerySet[Claim]:
    return claims.filter(pk__in=appearing().filter(speaker=speaker).values("claim_id"))


def claims_about_topic(*, claims: QuerySet[Claim], topic: Topic) -> QuerySet[Claim]:
    """Claims with an appearance tagged with ``topic`` or a topic below it."""
    tagged = appearing().filter(topics__in=topic_tree_ids(topic=topic))
    return claims.filter(pk__in=tagged.values("claim_id"))


def claims_in_outlet(*, claims: QuerySet[Claim], outlet: str) -> QuerySet[Claim]:
    """Claims with an appearance in an article of ``outlet`` (case-insensitive)."""
    return claims.filter(
        pk__in=appearing().filter(article__outlet__iexact=outlet).values("claim_id")
    )


def claims_rated(*, claims: QuerySet[Claim], rated: bool) -> QuerySet[Claim]:
    checked = FactCheck.objects.values("claim_id")
    return claims.filter(pk__in=checked) if rated else claims.exclude(pk__in=checked)


def search_claims(*, claims: QuerySet[Claim], query: str) -> QuerySet[Claim]:
    """Claims one of whose appearances matches ``query`` (the statements' full-text search)."""
    matching = search_statements(statements=appearing(), query=query).order_by()
    return claims.filter(pk__in=matching.values("claim_id"))


def rated_claims() -> QuerySet[Claim]:
    """Claims with at least one fact-check, with what a ClaimReview says about them."""
    appearances = (
        appearing()
        .select_related("speaker", "article")
        .defer("article__text", "article__original_text")
        .order_by("article__published", "article_id", "start")
    )
    return (
        Claim.objects.filter(pk__in=FactCheck.objects.values("claim_id"))
        .prefetch_related(
            Prefetch("statements", queryset=appearances, to_attr="shown_appearances"),
            Prefetch("fact_checks", queryset=FactCheck.objects.order_by("published", "id")),
        )
        .order_by("pk")
    )


@dataclass(frozen=True, slots=True)
class StoredMatch:
    claim_id: int
    similarity: float  # 1.0 for the same normalised text


@dataclass(frozen=True, slots=True)
class _Candidate:
    claim_id: int
    signature: bytes


def stored_matches(
    *, keys: Sequence[ClaimKeys], short_exact: bool = False
) -> list[StoredMatch | None]:
    """For each of ``keys``, the stored claim it repeats best, or ``None``.

    The same normalised text wins; then the highest estimated similarity at or above
    ``NEAR_DUPLICATE`` among the statements sharing a band key; ties go to the older claim.
    A text too short to merge matches nothing, unless ``short_exact`` (a text named on
    purpose, as by a fact-check) lets it match the same words. Two or three indexed lookups
    for the whole list, whatever the number stored.
    """
    mergeable = [k for k in keys if k.mergeable or (short_exact and k.normalized)]
    if not mergeable:
        return [None] * len(keys)
    by_band: dict[int, list[int]] = defaultdict(list)
    for chunk in _chunks(sorted({band for k in mergeable for band in k.bands})):
        for band, fingerprint_id in FingerprintBand.objects.filter(key__in=chunk).values_list(
            "key", "fingerprint_id"
        ):
            by_band[band].append(fingerprint_id)
    fingerprints = StatementFingerprint.objects.filter(statement__claim__isnull=False)
    candidates: dict[int, _Candidate] = {}
    wanted = sorted({i for ids in by_band.values() for i in ids})
    for chunk in _chunks(wanted):
        for pk, claim_id, signature in fingerprints.filter(pk__in=chunk).values_list(
            "pk", "statement__claim_id", "signature"
        ):
            candidates[pk] = _Candidate(claim_id, bytes(signature))
    by_exact: dict[str, int] = {}
    for chunk in _chunks(sorted({k.exact for k in mergeable})):
        by_exact.update(
            fingerprints.filter(exact_key__in=chunk)
            .order_by()
            .values("exact_key")
            .annotate(claim=Min("statement__claim_id"))
            .values_list("exact_key", "claim")
        )
    results: list[StoredMatch | None] = []
    for k in keys:
        if k.exact in by_exact and (k.mergeable or (short_exact and k.normalized)):
            results.append(StoredMatch(by_exact[k.exact], 1.0))
        elif not k.mergeable:
            results.append(None)
        else:
            near = {i for band in k.bands for i in by_band.get(band, ())}
            results.append(best_match(k, (candidates[i] for i in near if i in candidates)))
    return results


def best_match(keys: ClaimKeys, candidates: Iterable) -> StoredMatch | None:
    """The candidate (with ``claim_id`` and ``signature``) most like ``keys``, if near enough."""
    best: StoredMatch | None = None
    for candidate in candidates:
        score = similarity(keys.signature, candidate.signature)
        if score < NEAR_DUPLICATE:
            continue
        if (
            best is None
            or score > best.similarity
            or (score == best.similarity and candidate.claim_id < best.claim_id)
        ):
            best = StoredMatch(candidate.claim_id, score)
    return best


def _chunks(values: list) -> Iterable[list]:
    it = iter(values)
    while chunk := list(islice(it, _CHUNK)):
        yield chunk
