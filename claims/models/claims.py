"""Claims: statements grouped across articles as one claim, with the fact-checks recorded on
them and the MinHash fingerprints that grouping compares."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from claims.models.statements import Statement


class Claim(models.Model):
    """One claim however often it was said: statements with the same words, or nearly.

    ``text``, ``appearances``, ``first_seen`` and ``last_seen`` are kept from the claim's
    statements that are not rejected (``claims.services.claims``); a claim with no such
    statement has no appearance and is not listed.
    """

    text = models.TextField(help_text="Its longest form among its appearances.")
    appearances = models.PositiveIntegerField(
        default=0, help_text="How many statements (not rejected) say it."
    )
    first_seen = models.DateField(null=True, blank=True, db_index=True)
    last_seen = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-appearances", "-id"]
        indexes = [models.Index(fields=["appearances", "id"], name="claim_appearances_id")]

    def __str__(self) -> str:
        snippet = self.text if len(self.text) <= 80 else self.text[:79] + "…"
        return f"{snippet} ({self.appearances}×)"


class FactCheck(models.Model):
    """A fact-checker's verdict on a claim, as schema.org ClaimReview describes one."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="fact_checks")
    rating = models.CharField(
        max_length=200, help_text="The verdict in words, e.g. “False” or “Mostly true”."
    )
    rating_value = models.SmallIntegerField(
        null=True, blank=True, help_text="The verdict on a numeric scale, if the checker uses one."
    )
    best_rating = models.SmallIntegerField(null=True, blank=True)
    worst_rating = models.SmallIntegerField(null=True, blank=True)
    reviewer = models.CharField(
        max_length=200, help_text="Who checked it: the fact-checking organisation or person."
    )
    url = models.URLField(max_length=2000, help_text="Where the fact-check is published.")
    published = models.DateField(help_text="When the fact-check was published.")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-published", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "url"], name="factcheck_unique_url_per_claim"),
            models.CheckConstraint(
                condition=Q(rating_value__isnull=True)
                | Q(best_rating__isnull=True)
                | Q(worst_rating__isnull=True)
                | (Q(rating_value__lte=F("best_rating")) & Q(rating_value__gte=F("worst_rating")))
                | (Q(rating_value__gte=F("best_rating")) & Q(rating_value__lte=F("worst_rating"))),
                name="factcheck_rating_within_scale",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rating} ({self.reviewer}, {self.published})"


class StatementFingerprint(models.Model):
    """What claim grouping compares of a statement: its normalised text's hash, its MinHash.

    Derived from the statement's text (``claims.nlp.claim_keys``), never edited.
    """

    statement = models.OneToOneField(
        Statement, on_delete=models.CASCADE, primary_key=True, related_name="fingerprint"
    )
    exact_key = models.CharField(max_length=40, db_index=True)
    signature = models.BinaryField(blank=True)

    def __str__(self) -> str:
        return f"fingerprint of statement {self.statement_id}"


class FingerprintBand(models.Model):
    """One locality-sensitive-hashing band key of a statement's MinHash.

    Statements sharing a key are near-duplicate candidates: a new statement finds them by
    index lookups on ``key``, so its cost does not grow with the number stored.
    """

    fingerprint = models.ForeignKey(
        StatementFingerprint, on_delete=models.CASCADE, related_name="bands"
    )
    key = models.BigIntegerField(db_index=True)

    def __str__(self) -> str:
        return f"band {self.key} of statement {self.fingerprint_id}"
