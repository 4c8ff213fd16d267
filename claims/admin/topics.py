"""Topics: the curated list statements are tagged with, and the extractor's suggestions."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from claims.admin.display import EMPTY, count_of
from claims.admin.history import ReadableHistoryAdmin
from claims.models import Stance, Statement, Topic


@admin.register(Topic)
class TopicAdmin(ReadableHistoryAdmin):
    list_display = ["name", "status", "parent", "statement_count", "stance_count", "phrase_list"]
    list_filter = ["status", "entity_label"]
    search_fields = ["name", "slug", "description"]
    list_select_related = ["parent"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    readonly_fields = ["statement_count", "stance_count", "created_at"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "status", "parent", "description", "phrases"]}),
        ("Record", {"fields": ["entity_label", "statement_count", "stance_count", "created_at"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Topic]:
        return (
            super()
            .get_queryset(request)
            .annotate(
                statement_total=count_of(Statement.topics.through, field="topic"),
                stance_total=count_of(Stance, field="topic"),
            )
        )

    @admin.display(description="Statements", ordering="statement_total")
    def statement_count(self, topic: Topic) -> int:
        return getattr(topic, "statement_total", 0)

    @admin.display(description="Stances", ordering="stance_total")
    def stance_count(self, topic: Topic) -> int:
        return getattr(topic, "stance_total", 0)

    @admin.display(description="Phrases")
    def phrase_list(self, topic: Topic) -> str:
        return ", ".join(str(phrase) for phrase in topic.phrases or []) or EMPTY
