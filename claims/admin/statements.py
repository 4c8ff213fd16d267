"""Statement review: the admin page reviewers work in every day.

The list loads in a fixed number of queries; the change page shows the statement marked
inside its paragraph. Every edit and action goes through ``claims.services.review``, which
stamps the reviewer and keeps the history.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse

from claims.admin.action_pages import action_page, is_confirmed
from claims.admin.display import EMPTY, derived_stances_table, highlighted_in_paragraph, shorten
from claims.admin.forms import ReassignForm
from claims.admin.history import ReadableHistoryAdmin
from claims.admin.review_actions import ReviewActionsMixin
from claims.models import Statement
from claims.services.review import reassign_statements, review_statement, set_review_status


@admin.register(Statement)
class StatementAdmin(ReviewActionsMixin, ReadableHistoryAdmin):
    list_display = [
        "speaker_or_mention",
        "short_text",
        "kind",
        "attribution",
        "resolution",
        "topic_names",
        "outlet",
        "published",
        "review_status",
    ]
    list_display_links = ["short_text"]
    list_filter = [
        "review_status",
        "attribution",
        "kind",
        "resolution",
        ("speaker", admin.RelatedOnlyFieldListFilter),
        ("topics", admin.RelatedOnlyFieldListFilter),
        "article__outlet",
        "article__published",
    ]
    search_fields = ["text", "speaker__name", "article__headline"]
    search_help_text = "Searches the statement, the speaker's name and the article's headline."
    autocomplete_fields = ["speaker", "topics"]
    list_per_page = 50
    actions = [*ReviewActionsMixin.review_actions, "reassign_to_speaker"]
    history_list_display = ["review_status", "speaker", "kind"]
    readonly_fields = [
        "in_context",
        "derived_stances",
        "article",
        "speaker_mention",
        "resolution",
        "resolution_note",
        "reported_in",
        "cue",
        "confidence",
        "start",
        "end",
        "paragraph",
        "extractor_version",
        "created_at",
        "reviewed_by",
        "reviewed_at",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "in_context",
                    "article",
                    "speaker_mention",
                    ("resolution", "resolution_note"),
                    "reported_in",
                ]
            },
        ),
        ("Review", {"fields": ["review_status", "speaker", "kind", "attribution", "topics"]}),
        ("Reviewed", {"fields": ["reviewed_by", "reviewed_at"]}),
        ("Stances derived from it", {"fields": ["derived_stances"]}),
        (
            "Extraction",
            {
                "classes": ["collapse"],
                "fields": [
                    "cue",
                    "confidence",
                    ("start", "end", "paragraph"),
                    "extractor_version",
                    "created_at",
                ],
            },
        ),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Statement]:
        return (
            super()
            .get_queryset(request)
            .select_related("speaker", "article", "reviewed_by")
            # The list never shows article bodies, which are by far the largest columns.
            .defer("article__text", "article__original_text")
            .prefetch_related("topics")
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Statements come from extraction: their offsets must point into the article text.
        return False

    @admin.display(description="Speaker", ordering="speaker__name")
    def speaker_or_mention(self, statement: Statement) -> str:
        if statement.speaker is not None:
            return str(statement.speaker)
        return f"“{statement.speaker_mention}” (unresolved)" if statement.speaker_mention else EMPTY

    @admin.display(description="Statement")
    def short_text(self, statement: Statement) -> str:
        return shorten(statement.text)

    @admin.display(description="Topics")
    def topic_names(self, statement: Statement) -> str:
        return ", ".join(topic.name for topic in statement.topics.all()) or EMPTY

    @admin.display(description="Outlet", ordering="article__outlet")
    def outlet(self, statement: Statement) -> str:
        return statement.article.outlet or EMPTY

    @admin.display(description="Published", ordering="article__published")
    def published(self, statement: Statement):
        return statement.article.published

    @admin.display(description="In its paragraph")
    def in_context(self, statement: Statement):
        return highlighted_in_paragraph(statement)

    @admin.display(description="Stances")
    def derived_stances(self, statement: Statement):
        return derived_stances_table(statement) if statement.pk else EMPTY

    def save_model(self, request, obj: Statement, form, change: bool) -> None:
        if change and not form.has_changed():
            return  # saved without an edit: nothing to record
        review_statement(
            statement=obj,
            reviewer=request.user,
            review_status=form.cleaned_data.get("review_status"),
            speaker=form.cleaned_data.get("speaker"),
            topics=form.cleaned_data.get("topics"),
        )

    def set_review_status(self, request: HttpRequest, queryset: QuerySet, status: str) -> int:
        return set_review_status(statements=queryset, reviewer=request.user, review_status=status)

    @admin.action(description="Reassign the selected statements to…", permissions=["change"])
    def reassign_to_speaker(
        self, request: HttpRequest, queryset: QuerySet[Statement]
    ) -> HttpResponse | None:
        data = request.POST if is_confirmed(request) else None
        form = ReassignForm(data, admin_site=self.admin_site)
        if data is not None and form.is_valid():
            speaker = form.cleaned_data["speaker"]
            changed = reassign_statements(
                statements=queryset, reviewer=request.user, speaker=speaker
            )
            self.message_user(
                request, f"{changed} statement(s) reassigned to {speaker}.", messages.SUCCESS
            )
            return None
        return action_page(
            request=request,
            model_admin=self,
            queryset=queryset,
            form=form,
            action="reassign_to_speaker",
            title="Reassign statements to another speaker",
            button="Reassign",
        )
