"""Articles: what was read, where from, and the statements found in it.

Articles arrive only through ingest (their text, hash and statement offsets belong
together), so the admin edits only their descriptive fields.
"""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from claims.admin.display import (
    EMPTY,
    change_link,
    count_of,
    external_link,
    highlighted_article,
    shorten,
)
from claims.admin.history import ReadableHistoryAdmin
from claims.models import Article, Statement


class StatementInline(admin.TabularInline):
    """A compact, read-only list; each row links to the statement's review page."""

    model = Statement
    template = "admin/claims/article/statement_inline.html"
    fields = ["review_link", "speaker", "kind", "review_status"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False
    verbose_name_plural = "statements found in this article"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Statement]:
        return super().get_queryset(request).select_related("speaker")

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.display(description="Statement")
    def review_link(self, statement: Statement):
        return change_link(statement, shorten(statement.text, 120))


@admin.register(Article)
class ArticleAdmin(ReadableHistoryAdmin):
    list_display = ["headline_or_source", "outlet", "published", "statement_count", "ingested_at"]
    list_filter = ["outlet", "published", "ingested_at"]
    search_fields = ["headline", "outlet", "url", "source"]
    date_hierarchy = "published"
    inlines = [StatementInline]
    readonly_fields = [
        "source_link",
        "text_with_statements",
        "original_text",
        "content_hash",
        "language",
        "ingested_at",
        "extractor_version",
        "statement_count",
    ]
    fieldsets = [
        (None, {"fields": ["headline", "outlet", "author", "dateline", "published", "url"]}),
        ("Source", {"fields": ["source_link", "ingested_at", "extractor_version", "language"]}),
        ("Text (statements marked; each links to its page)", {"fields": ["text_with_statements"]}),
        (
            "As read",
            {"classes": ["collapse"], "fields": ["original_text", "content_hash"]},
        ),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        queryset = (
            super()
            .get_queryset(request)
            .annotate(statement_total=count_of(Statement, field="article"))
        )
        if request.resolver_match and request.resolver_match.url_name.endswith("changelist"):
            queryset = queryset.defer("text", "original_text")
        return queryset

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "url":
            kwargs["assume_scheme"] = "https"  # a bare "example.org/x" is read as https
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # `manage.py ingest` (or the API) stores articles with their statements

    @admin.display(description="Article", ordering="headline")
    def headline_or_source(self, article: Article) -> str:
        return shorten(article.headline or article.source, 100)

    @admin.display(description="Statements", ordering="statement_total")
    def statement_count(self, article: Article) -> int:
        return article.statement_total

    @admin.display(description="Text")
    def text_with_statements(self, article: Article):
        if not article.pk:
            return EMPTY
        return highlighted_article(
            article, article.statements.only("id", "start", "end", "review_status")
        )

    @admin.display(description="Source")
    def source_link(self, article: Article):
        return external_link(article.url or article.source) if article.pk else EMPTY
