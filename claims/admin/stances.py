"""Stances: one observed position of a speaker on a topic, with the statements it rests on."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html_join
from simple_history.admin import SimpleHistoryAdmin

from claims.admin.display import EMPTY, change_url, shorten
from claims.admin.review_actions import ReviewActionsMixin
from claims.models import Stance, StanceMethod
from claims.selectors.stances import stances_changed_since
from claims.services.review import review_stance, set_stance_review_status

# Filled in when a stance is reviewed in place; entered by hand, a stance is all editable.
_ALWAYS_EDITABLE = {"polarity", "review_status", "target"}


class ChangedRecentlyFilter(admin.SimpleListFilter):
    """Stances where a speaker's position on a topic changed in the last N days."""

    title = "position changed in the last"
    parameter_name = "changed_within_days"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin):
        return [("7", "7 days"), ("30", "30 days"), ("90", "90 days"), ("365", "year")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Stance]) -> QuerySet[Stance]:
        value = self.value() or ""
        # ASCII digits ("¹".isdigit() is True) and at most a century (timedelta overflows).
        if not (value.isascii() and value.isdigit()) or int(value) > 36500:
            return queryset
        since = timezone.localdate() - timedelta(days=int(value))
        changed = stances_changed_since(since=since)
        return queryset.filter(pk__in=changed.values("pk"))


@admin.register(Stance)
class StanceAdmin(ReviewActionsMixin, SimpleHistoryAdmin):
    list_display = [
        "speaker",
        "polarity",
        "topic",
        "short_target",
        "observed_on",
        "confidence",
        "method",
        "review_status",
    ]
    list_display_links = ["polarity"]
    list_filter = [
        "review_status",
        "polarity",
        "method",
        ("topic", admin.RelatedOnlyFieldListFilter),
        ("speaker", admin.RelatedOnlyFieldListFilter),
        "observed_on",
        ChangedRecentlyFilter,
    ]
    search_fields = ["speaker__name", "topic__name", "target"]
    list_select_related = ["speaker", "topic"]
    autocomplete_fields = ["speaker", "topic", "article", "evidence"]
    actions = ReviewActionsMixin.review_actions
    history_list_display = ["polarity", "review_status"]
    fieldsets = [
        (None, {"fields": ["speaker", "topic", "polarity", "target", "observed_on"]}),
        ("Evidence", {"fields": ["evidence_links", "evidence", "article", "cues"]}),
        ("Review", {"fields": ["review_status", "reviewed_by", "reviewed_at"]}),
        (
            "Inference",
            {"classes": ["collapse"], "fields": ["confidence", "method", "method_version", "path"]},
        ),
    ]

    def get_fieldsets(self, request: HttpRequest, obj: Stance | None = None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:  # a new stance names its evidence in the picker; there are no links yet
            return [
                (
                    name,
                    {**options, "fields": [f for f in options["fields"] if f != "evidence_links"]},
                )
                for name, options in fieldsets
            ]
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f != "evidence"]})
            for name, options in fieldsets
        ]

    def get_readonly_fields(self, request: HttpRequest, obj: Stance | None = None) -> list[str]:
        stamped = ["reviewed_by", "reviewed_at"]
        if obj is None:
            return stamped
        fields = [name for _, options in self.fieldsets for name in options["fields"]]
        return [name for name in fields if name not in _ALWAYS_EDITABLE]

    def get_changeform_initial_data(self, request: HttpRequest) -> dict:
        return {"method": StanceMethod.MANUAL, **super().get_changeform_initial_data(request)}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Stance]:
        return super().get_queryset(request).select_related("reviewed_by")

    @admin.display(description="About")
    def short_target(self, stance: Stance) -> str:
        return shorten(stance.target, 60) or EMPTY

    @admin.display(description="Evidence")
    def evidence_links(self, stance: Stance):
        statements = stance.evidence.select_related("speaker")
        return (
            format_html_join(
                "",
                '<p><a href="{}">{}</a></p>',
                ((change_url(statement), str(statement)) for statement in statements),
            )
            or EMPTY
        )

    def save_model(self, request, obj: Stance, form, change: bool) -> None:
        if change and not form.has_changed():
            return
        review_stance(
            stance=obj,
            reviewer=request.user,
            polarity=form.cleaned_data.get("polarity"),
            review_status=form.cleaned_data.get("review_status"),
        )

    def set_review_status(self, request: HttpRequest, queryset: QuerySet, status: str) -> int:
        return set_stance_review_status(
            stances=queryset, reviewer=request.user, review_status=status
        )
