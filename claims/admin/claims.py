"""Claims: one claim's appearances across articles, its fact-checks, merging and splitting.

Claims are made by grouping (``claims.services.claims``), never typed in: a reviewer merges
claims that are one, splits off statements that say something else, and records
fact-checks. Every change goes through the claims service.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from simple_history.admin import SimpleHistoryAdmin

from claims.admin.action_pages import action_page, is_confirmed
from claims.admin.display import EMPTY, change_link, external_link, shorten
from claims.admin.forms import MergeClaimsForm, SplitClaimForm
from claims.models import Claim, FactCheck, Statement
from claims.services.claims import Rating, merge_claims, record_fact_check, split_claim


class FactCheckInline(admin.TabularInline):
    model = FactCheck
    fields = [
        "rating",
        "rating_value",
        "best_rating",
        "worst_rating",
        "reviewer",
        "url",
        "published",
        "recorded_by",
    ]
    readonly_fields = ["recorded_by"]
    extra = 1
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class AppearanceInline(admin.TabularInline):
    """The claim's statements, read only: each links to its review page."""

    model = Statement
    fields = ["statement", "speaker_mention", "outlet", "published", "review_status"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False
    verbose_name = "appearance"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Statement]:
        return (
            super()
            .get_queryset(request)
            .select_related("speaker", "article")
            .defer("article__text", "article__original_text")
        )

    def has_add_permission(self, request: HttpRequest, obj: Claim | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Claim | None = None) -> bool:
        return False

    @admin.display(description="Statement")
    def statement(self, statement: Statement):
        return change_link(statement, shorten(str(statement), 120))

    @admin.display(description="Outlet")
    def outlet(self, statement: Statement) -> str:
        return statement.article.outlet or EMPTY

    @admin.display(description="Published")
    def published(self, statement: Statement):
        return statement.article.published or EMPTY


class RatedFilter(admin.SimpleListFilter):
    title = "fact-checked"
    parameter_name = "rated"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Claim]) -> QuerySet[Claim]:
        checked = FactCheck.objects.values("claim_id")
        if self.value() == "yes":
            return queryset.filter(pk__in=checked)
        if self.value() == "no":
            return queryset.exclude(pk__in=checked)
        return queryset


@admin.register(Claim)
class ClaimAdmin(SimpleHistoryAdmin):
    list_display = ["short_text", "appearances", "first_seen", "last_seen", "latest_rating"]
    list_filter = [RatedFilter, "first_seen"]
    search_fields = ["text"]
    search_help_text = "Searches the claim's text (its longest form)."
    list_per_page = 50
    actions = ["merge_selected", "split_selected"]
    readonly_fields = ["text", "appearances", "first_seen", "last_seen", "created_at"]
    fields = readonly_fields
    inlines = [FactCheckInline, AppearanceInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Claim]:
        return super().get_queryset(request).prefetch_related("fact_checks")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # claims come from grouping statements

    @admin.display(description="Claim")
    def short_text(self, claim: Claim) -> str:
        return shorten(claim.text)

    @admin.display(description="Rating")
    def latest_rating(self, claim: Claim):
        checks = sorted(claim.fact_checks.all(), key=lambda check: (check.published, check.pk))
        if not checks:
            return EMPTY
        return external_link(checks[-1].url, f"{checks[-1].rating} ({checks[-1].reviewer})")

    def save_formset(self, request, form, formset, change: bool) -> None:
        if formset.model is not FactCheck:
            return super().save_formset(request, form, formset, change)
        checks = formset.save(commit=False)
        for check in formset.deleted_objects:
            check.delete()
        for check in checks:
            record_fact_check(
                claim=form.instance,
                rating=Rating(
                    check.rating, check.rating_value, check.best_rating, check.worst_rating
                ),
                reviewer=check.reviewer,
                url=check.url,
                published=check.published,
                recorded_by=request.user,
                check=check,
            )
        return None

    @admin.action(description="Merge the selected claims into one…", permissions=["change"])
    def merge_selected(
        self, request: HttpRequest, queryset: QuerySet[Claim]
    ) -> HttpResponse | None:
        claims = queryset.order_by("-appearances", "pk")
        if len(claims) < 2:
            self.message_user(request, "Select at least two claims to merge.", messages.WARNING)
            return None
        data = request.POST if is_confirmed(request) else None
        form = MergeClaimsForm(data, claims=claims, initial={"target": claims[0]})
        if data is not None and form.is_valid():
            target = merge_claims(
                target=form.cleaned_data["target"], duplicates=list(claims), reviewer=request.user
            )
            self.message_user(
                request, f"Merged {len(claims) - 1} claim(s) into “{target}”.", messages.SUCCESS
            )
            return None
        return action_page(
            request=request,
            model_admin=self,
            queryset=claims,
            form=form,
            action="merge_selected",
            title="Merge claims",
            button="Merge into the one kept",
        )

    @admin.action(description="Split statements off the selected claim…", permissions=["change"])
    def split_selected(
        self, request: HttpRequest, queryset: QuerySet[Claim]
    ) -> HttpResponse | None:
        if queryset.count() != 1:
            self.message_user(request, "Select exactly one claim to split.", messages.WARNING)
            return None
        claim = queryset.get()
        data = request.POST if is_confirmed(request) else None
        form = SplitClaimForm(data, claim=claim)
        if data is not None and form.is_valid():
            new = split_claim(statements=form.cleaned_data["statements"], reviewer=request.user)
            self.message_user(
                request,
                f"Split {new.statements.count()} statement(s) off into a new claim.",
                messages.SUCCESS,
            )
            return None
        return action_page(
            request=request,
            model_admin=self,
            queryset=queryset,
            form=form,
            action="split_selected",
            title="Split a claim",
            button="Split off into a new claim",
        )
