"""The approve / reject / reset-to-pending actions every reviewable model's admin offers."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from claims.models import ReviewStatus


class ReviewActionsMixin:
    """Bulk review actions for a ``ModelAdmin``; the admin names the service that applies them.

    ``%(verbose_name_plural)s`` is filled in by Django, as for its own "delete selected" action.
    """

    review_actions = ["approve", "reject", "reset_to_pending"]

    def set_review_status(self, request: HttpRequest, queryset: QuerySet, status: str) -> int:
        """Mark the rows of ``queryset`` with ``status``; returns how many changed."""
        raise NotImplementedError

    def _set_status(self, request: HttpRequest, queryset: QuerySet, status: str) -> None:
        changed = self.set_review_status(request, queryset, status)
        noun = self.opts.verbose_name
        label = ReviewStatus(status).label.lower()
        self.message_user(request, f"{changed} {noun}(s) marked {label}.", messages.SUCCESS)

    @admin.action(
        description="Approve the selected %(verbose_name_plural)s", permissions=["change"]
    )
    def approve(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._set_status(request, queryset, ReviewStatus.APPROVED)

    @admin.action(description="Reject the selected %(verbose_name_plural)s", permissions=["change"])
    def reject(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._set_status(request, queryset, ReviewStatus.REJECTED)

    @admin.action(
        description="Reset the selected %(verbose_name_plural)s to pending", permissions=["change"]
    )
    def reset_to_pending(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._set_status(request, queryset, ReviewStatus.PENDING)
