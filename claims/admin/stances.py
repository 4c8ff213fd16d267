"""Stances: one observed position of a speaker on a topic, with the statements it rests on."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import admin
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from claims.admin.display import EMPTY, change_url, quoted_words, shorten
from claims.admin.history import ReadableHistoryAdmin
from claims.admin.review_actions import ReviewActionsMixin
from claims.models import ReviewStatus, Stance, StanceMethod, Statement
from claims.selectors.stances import stances_changed_since
from claims.services.review import review_stance, set_stance_review_status

# Filled in when a stance is reviewed in place; entered by hand, a stance is all editable.
_ALWAYS_EDITABLE = {"polarity", "review_status", "target"}
# Read-only displays of a stored stance, and the inputs a new stance has in their place.
_SHOWN_STORED = {"evidence_links", "cue_words", "retraction"}
_SHOWN_NEW = {"evidence", "cues"}


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
class StanceAdmin(ReviewActionsMixin, ReadableHistoryAdmin):
    # Narrow enough for a 1400 px screen: the quote wraps, the names are short.
    list_display = [
        "speaker_name",
        "polarity",
        "topic",
        "quote",
        "observed",
        "confidence",
        "status",
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
        ("Evidence", {"fields": ["evidence_links", "evidence", "article", "cue_words", "cues"]}),
        ("Review", {"fields": ["review_status", "retraction", "reviewed_by", "reviewed_at"]}),
        (
            "Inference",
            {"classes": ["collapse"], "fields": ["confidence", "method", "method_version", "path"]},
        ),
    ]

    def get_fieldsets(self, request: HttpRequest, obj: Stance | None = None):
        fieldsets = super().get_fieldsets(request, obj)
        # A new stance names its evidence and cues in inputs; a stored one shows them.
        hidden = _SHOWN_STORED if obj is None else _SHOWN_NEW
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in hidden]})
            for name, options in fieldsets
        ]

    def get_readonly_fields(self, request: HttpRequest, obj: Stance | None = None) -> list[str]:
        stamped = ["reviewed_by", "reviewed_at", *_SHOWN_STORED]
        if obj is None:
            return stamped
        fields = [name for _, options in self.fieldsets for name in options["fields"]]
        return [name for name in fields if name not in _ALWAYS_EDITABLE]

    def get_changeform_initial_data(self, request: HttpRequest) -> dict:
        return {"method": StanceMethod.MANUAL, **super().get_changeform_initial_data(request)}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Stance]:
        quotes = Statement.objects.only("id", "text", "review_status").order_by("start")
        return (
            super()
            .get_queryset(request)
            .select_related("reviewed_by")
            .prefetch_related(Prefetch("evidence", queryset=quotes))
        )

    @admin.display(description="Speaker", ordering="speaker__name")
    def speaker_name(self, stance: Stance) -> str:
        return stance.speaker.name

    @admin.display(description="Observed", ordering="observed_on")
    def observed(self, stance: Stance):
        return stance.observed_on or "undated"

    @admin.display(description="Quote")
    def quote(self, stance: Stance):
        quotes = [statement.text for statement in stance.evidence.all()]
        if not quotes:
            return shorten(stance.target, 160) or EMPTY
        more = f" (+{len(quotes) - 1} more)" if len(quotes) > 1 else ""
        return format_html(
            '<span class="stance-quote">“{}”{}</span>', shorten(quotes[0], 160), more
        )

    @admin.display(description="Review status", ordering="review_status")
    def status(self, stance: Stance) -> str:
        label = stance.get_review_status_display()
        return f"{label} (retracted)" if stance.is_retracted else label

    @admin.display(description="Evidence")
    def evidence_links(self, stance: Stance):
        # Not ``stance.evidence``: the change page's queryset prefetched only the quotes.
        statements = (
            Statement.objects.filter(stances=stance)
            .select_related("speaker", "article")
            .defer("article__text", "article__original_text")
        )
        return (
            format_html_join(
                "",
                '<blockquote class="evidence-quote">“{}”<br>'
                '<small><a href="{}">statement {}</a>: {}, {} ({})</small></blockquote>',
                (
                    (
                        statement.text,
                        change_url(statement),
                        statement.pk,
                        statement.speaker.name if statement.speaker else statement.speaker_mention,
                        statement.article.outlet or "unknown outlet",
                        statement.get_review_status_display().lower(),
                    )
                    for statement in statements.order_by("article_id", "start")
                ),
            )
            or EMPTY
        )

    @admin.display(description="Cue words")
    def cue_words(self, stance: Stance) -> str:
        return quoted_words(stance.cues or [])

    @admin.display(description="Retracted")
    def retraction(self, stance: Stance) -> str:
        if not stance.is_retracted:
            return "No"
        before = ReviewStatus(stance.status_before_retraction).label.lower()
        return (
            "Yes: every statement it rests on was rejected. It becomes "
            f"{before} again if one of them is no longer rejected."
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
