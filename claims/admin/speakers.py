"""Speakers: their aliases, how much they said, and merging the same person stored twice."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.html import format_html

from claims.admin.action_pages import action_page, is_confirmed
from claims.admin.display import EMPTY, count_of
from claims.admin.forms import MergeSpeakersForm, SpeakerAliasForm, SpeakerAliasFormSet
from claims.admin.history import ReadableHistoryAdmin
from claims.admin.positions import current_positions_table
from claims.models import Speaker, SpeakerAlias, Stance, Statement
from claims.services.speaker_merge import merge_speakers


class SpeakerAliasInline(admin.TabularInline):
    model = SpeakerAlias
    form = SpeakerAliasForm
    formset = SpeakerAliasFormSet
    fields = ["alias", "normalized"]
    readonly_fields = ["normalized"]
    extra = 1


@admin.register(Speaker)
class SpeakerAdmin(ReadableHistoryAdmin):
    list_display = ["name", "kind", "role", "affiliation", "statement_count", "stance_count"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__alias", "role", "affiliation"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [SpeakerAliasInline]
    actions = ["merge_duplicates"]
    readonly_fields = [
        "statement_count",
        "stance_count",
        "current_positions",
        "positions_chart",
        "created_at",
    ]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "role", "affiliation", "external_id"]}),
        ("Record", {"fields": ["statement_count", "stance_count", "created_at"]}),
        ("Current positions", {"fields": ["current_positions", "positions_chart"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Speaker]:
        return (
            super()
            .get_queryset(request)
            .annotate(
                statement_total=count_of(Statement, field="speaker"),
                stance_total=count_of(Stance, field="speaker"),
            )
        )

    @admin.display(description="Statements", ordering="statement_total")
    def statement_count(self, speaker: Speaker):
        return _filtered_list_link(
            "admin:claims_statement_changelist", speaker, getattr(speaker, "statement_total", 0)
        )

    @admin.display(description="Stances", ordering="stance_total")
    def stance_count(self, speaker: Speaker):
        return _filtered_list_link(
            "admin:claims_stance_changelist", speaker, getattr(speaker, "stance_total", 0)
        )

    @admin.display(description="Current positions")
    def current_positions(self, speaker: Speaker):
        return current_positions_table(speaker=speaker) if speaker.pk else EMPTY

    @admin.display(description="Over time")
    def positions_chart(self, speaker: Speaker):
        if not speaker.pk:
            return EMPTY
        url = reverse("claims_admin:speaker_positions", args=[speaker.pk])
        return format_html('<a href="{}">Chart of the positions over time, per topic</a>', url)

    @admin.action(description="Merge the selected speakers into one…", permissions=["change"])
    def merge_duplicates(
        self, request: HttpRequest, queryset: QuerySet[Speaker]
    ) -> HttpResponse | None:
        speakers = queryset.order_by("-statement_total", "pk")
        if len(speakers) < 2:
            self.message_user(request, "Select at least two speakers to merge.", messages.WARNING)
            return None
        data = request.POST if is_confirmed(request) else None
        form = MergeSpeakersForm(data, speakers=speakers, initial={"target": speakers[0]})
        if data is not None and form.is_valid():
            target = form.cleaned_data["target"]
            merge_speakers(target=target, duplicates=list(speakers))
            self.message_user(
                request, f"Merged {len(speakers) - 1} speaker(s) into {target}.", messages.SUCCESS
            )
            return None
        return action_page(
            request=request,
            model_admin=self,
            queryset=speakers,
            form=form,
            action="merge_duplicates",
            title="Merge speakers",
            button="Merge into the one kept",
        )


def _filtered_list_link(url_name: str, speaker: Speaker, total: int):
    if not speaker.pk or not total:
        return total
    url = f"{reverse(url_name)}?speaker__id__exact={speaker.pk}"
    return format_html('<a href="{}">{}</a>', url, total)
