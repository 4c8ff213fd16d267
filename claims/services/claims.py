"""Claims: statements grouped across articles, merged and split by reviewers, fact-checked.

``group_statements`` gives every newly stored statement its claim: the stored claim it
repeats (same normalised words, or a near duplicate by MinHash, ``claims.nlp.claim_keys``),
else one of its own; it costs the same few queries however many statements are stored.
``refresh_claims`` recomputes what a claim shows from its appearances (statements not
rejected) and is called after every change to them: grouping, merge, split, review.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import AbstractBaseUser as User
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Count, Max, Min, QuerySet
from django.db.models.functions import Coalesce, Length, TruncDate
from django.utils import timezone

from claims.models import (
    Claim,
    FactCheck,
    FingerprintBand,
    ReviewStatus,
    Statement,
    StatementFingerprint,
)
from claims.nlp.claim_keys import NEAR_DUPLICATE, ClaimKeys, claim_keys, similarity
from claims.selectors.claims import StoredMatch, appearing, stored_matches
from claims.services.history import bulk_update_with_full_history


@dataclass(frozen=True, slots=True)
class _Placed:
    statement: Statement
    keys: ClaimKeys
    target: int  # a stored claim's id, or -1 - i for the i-th claim made in this call


@transaction.atomic
def group_statements(*, statements: Sequence[Statement]) -> None:
    """Give each of ``statements`` (saved, without a claim) the claim it is an appearance of.

    Statements of the same call are compared with each other too, in order. Two statements
    of one article whose spans overlap (a report and the words it reports, "he said he
    would …" and "he would …") are one appearance, never two of the same claim.
    """
    if not statements:
        return
    keys = [claim_keys(statement.text) for statement in statements]
    stored = stored_matches(keys=keys)
    new_claims: list[Claim] = []
    placed: list[_Placed] = []
    for statement, key, match in zip(statements, keys, stored, strict=True):
        target = _target(statement, key, match, placed)
        if target is None:
            new_claims.append(Claim(text=statement.text))
            target = -len(new_claims)
        placed.append(_Placed(statement, key, target))

    _describe_new_claims(new_claims, placed)
    Claim.objects.bulk_create(new_claims)
    for row in placed:
        row.statement.claim_id = row.target if row.target > 0 else new_claims[-row.target - 1].pk
    _save_claim_ids([row.statement for row in placed])
    store_fingerprints(keyed=[(row.statement.pk, row.keys) for row in placed])
    refresh_claims(claim_ids={row.target for row in placed if row.target > 0})


def _describe_new_claims(new_claims: list[Claim], placed: list[_Placed]) -> None:
    """What ``refresh_claims`` would compute for the claims made in this call, without
    reading them back: their statements are all here."""
    for index, claim in enumerate(new_claims):
        members = [
            row.statement
            for row in placed
            if row.target == -1 - index and row.statement.review_status != ReviewStatus.REJECTED
        ]
        if not members:
            continue
        days = [_seen_on(statement) for statement in members]
        claim.text = max(members, key=lambda statement: len(statement.text)).text
        claim.appearances = len(members)
        claim.first_seen, claim.last_seen = min(days), max(days)


def _seen_on(statement: Statement) -> date:
    article = statement.article
    return article.published or timezone.localdate(article.ingested_at)


def _save_claim_ids(statements: list[Statement]) -> None:
    # One statement run many times: bulk_update's CASE over every id costs more in Python
    # than the rest of grouping together.
    table = connection.ops.quote_name(Statement._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET claim_id = %s WHERE id = %s",
            [(statement.claim_id, statement.pk) for statement in statements],
        )


def _target(
    statement: Statement, key: ClaimKeys, stored: StoredMatch | None, placed: list[_Placed]
) -> int | None:
    """The claim ``statement`` joins: the most similar of the stored match and the statements
    placed before it in this call (the same words first, then a stored claim), unless that
    claim already has an overlapping statement of the same article."""
    if not key.mergeable:
        return None
    options: list[tuple[float, int, int]] = []  # similarity, stored first, claim
    if stored is not None:
        options.append((stored.similarity, 1, stored.claim_id))
    for row in placed:
        if not row.keys.mergeable:
            continue
        score = (
            1.0 if row.keys.exact == key.exact else similarity(key.signature, row.keys.signature)
        )
        if score >= NEAR_DUPLICATE:
            options.append((score, 0, row.target))
    taken = {
        row.target
        for row in placed
        if row.statement.article_id == statement.article_id
        and row.statement.start < statement.end
        and statement.start < row.statement.end
    }
    for _, _, target in sorted(options, key=lambda o: (-o[0], -o[1], o[2])):
        if target not in taken:
            return target
    return None


def store_fingerprints(*, keyed: Sequence[tuple[int, ClaimKeys]]) -> None:
    """Store the fingerprints and band keys of statements (by id) grouping will compare."""
    StatementFingerprint.objects.bulk_create(
        [
            StatementFingerprint(statement_id=pk, exact_key=keys.exact, signature=keys.signature)
            for pk, keys in keyed
        ]
    )
    # Thirty-two rows a statement: executemany, as model instances cost more than the insert.
    quote = connection.ops.quote_name
    table, key = quote(FingerprintBand._meta.db_table), quote("key")
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (fingerprint_id, {key}) VALUES (%s, %s)",
            [(pk, band) for pk, keys in keyed for band in keys.bands],
        )


def refresh_claims(*, claim_ids: Iterable[int | None]) -> None:
    """Recompute text, appearances and first and last seen of these claims from their
    appearances; delete those left with no statement at all and no fact-check.

    A claim's text is its longest appearance (the earliest stored of equal ones); a claim
    with no appearance keeps its text and shows none.
    """
    ids = sorted({pk for pk in claim_ids if pk is not None})
    if not ids:
        return
    shown = appearing().filter(claim_id__in=ids)
    seen_on = Coalesce("article__published", TruncDate("article__ingested_at"))
    totals = {
        row["claim_id"]: row
        for row in shown.values("claim_id")
        .order_by()
        .annotate(count=Count("id"), first=Min(seen_on), last=Max(seen_on))
    }
    longest: dict[int, tuple[int, int]] = {}
    for claim_id, length, pk in (
        shown.annotate(length=Length("text")).values_list("claim_id", "length", "pk").order_by()
    ):
        if claim_id not in longest or (length, -pk) > (longest[claim_id][0], -longest[claim_id][1]):
            longest[claim_id] = (length, pk)
    texts = dict(
        Statement.objects.filter(pk__in=[pk for _, pk in longest.values()]).values_list(
            "claim_id", "text"
        )
    )
    claims = list(Claim.objects.filter(pk__in=ids))
    for claim in claims:
        row = totals.get(claim.pk)
        claim.appearances = row["count"] if row else 0
        claim.first_seen = row["first"] if row else None
        claim.last_seen = row["last"] if row else None
        claim.text = texts.get(claim.pk, claim.text)
    Claim.objects.bulk_update(claims, ["text", "appearances", "first_seen", "last_seen"])
    Claim.objects.filter(pk__in=ids, statements__isnull=True, fact_checks__isnull=True).delete()


def keep_claims_of_replaced(
    *, replaced: Sequence[Statement], statements: QuerySet[Statement]
) -> None:
    """After a re-extraction replaced ``replaced`` by ``statements``: a new statement with the
    same words as a replaced one goes back into that one's claim, so its fact-checks and a
    reviewer's merges still hold; the claims that lost statements are refreshed."""
    previous = {claim_keys(row.text).exact: row.claim_id for row in replaced if row.claim_id}
    moved = []
    for statement in statements:
        claim_id = previous.get(claim_keys(statement.text).exact)
        if claim_id is not None and statement.claim_id != claim_id:
            moved.append((statement.claim_id, statement))
            statement.claim_id = claim_id
    _save_claim_ids([statement for _, statement in moved])
    refresh_claims(
        claim_ids={row.claim_id for row in replaced}
        | {old for old, _ in moved}
        | {statement.claim_id for _, statement in moved}
    )


@transaction.atomic
def merge_claims(*, target: Claim, duplicates: Iterable[Claim], reviewer: User | None) -> Claim:
    """Fold ``duplicates`` into ``target``: their statements and fact-checks move, they go.

    A fact-check of a duplicate whose URL ``target`` already has is the same one, dropped.
    """
    duplicate_ids = sorted({claim.pk for claim in duplicates} - {target.pk})
    if not duplicate_ids:
        return target
    target = Claim.objects.select_for_update().get(pk=target.pk)
    list(Claim.objects.select_for_update().filter(pk__in=duplicate_ids))
    moving = list(Statement.objects.filter(claim_id__in=duplicate_ids).select_for_update())
    for statement in moving:
        statement.claim = target
    bulk_update_with_full_history(objects=moving, fields=["claim"], user=reviewer)
    known = set(target.fact_checks.values_list("url", flat=True))
    for check in FactCheck.objects.filter(claim_id__in=duplicate_ids).order_by("published", "pk"):
        if check.url in known:
            continue
        check.claim = target
        check.save(update_fields=["claim"])
        known.add(check.url)
    Claim.objects.filter(pk__in=duplicate_ids).delete()
    refresh_claims(claim_ids=[target.pk])
    target.refresh_from_db()
    return target


@transaction.atomic
def split_claim(*, statements: QuerySet[Statement], reviewer: User | None) -> Claim:
    """Move ``statements`` out of their claims into a new claim of their own; returns it.

    Their fact-checks stay with the claim they were made on.
    """
    moving = list(Statement.objects.filter(pk__in=statements.values("pk")).select_for_update())
    if not moving:
        raise ValidationError("Choose at least one statement to split off.")
    old_ids = {statement.claim_id for statement in moving}
    claim = Claim.objects.create(text=moving[0].text)
    for statement in moving:
        statement.claim = claim
    bulk_update_with_full_history(objects=moving, fields=["claim"], user=reviewer)
    refresh_claims(claim_ids=old_ids | {claim.pk})
    claim.refresh_from_db()
    return claim


@dataclass(frozen=True, slots=True)
class Rating:
    """A verdict: in words, and optionally on a numeric scale (as schema.org Rating)."""

    name: str
    value: int | None = None
    best: int | None = None
    worst: int | None = None


@transaction.atomic
def record_fact_check(
    *,
    claim: Claim,
    rating: Rating,
    reviewer: str,
    url: str,
    published: date,
    recorded_by: User | None = None,
    check: FactCheck | None = None,
) -> FactCheck:
    """Record the fact-check published at ``url`` on ``claim``; returns it.

    ``check`` is a stored one being corrected (an admin form); without it, the one at the
    same URL on the claim is corrected, or a new one made.
    """
    if check is None:
        check = FactCheck.objects.filter(claim=claim, url=url).first() or FactCheck()
    check.claim = claim
    check.url = url
    check.rating = rating.name
    check.rating_value = rating.value
    check.best_rating = rating.best
    check.worst_rating = rating.worst
    check.reviewer = reviewer
    check.published = published
    check.recorded_by = recorded_by
    check.full_clean()
    check.save()
    return check
