"""HTML bits the admin pages share; article and statement text is untrusted, so all of it is escaped."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.db.models import Count, IntegerField, Model, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from claims.models import Statement

EMPTY = "–"


def shorten(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def change_url(obj: Model) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def change_link(obj: Model | None, label: str | None = None) -> SafeString | str:
    if obj is None:
        return EMPTY
    return format_html('<a href="{}">{}</a>', change_url(obj), label or str(obj))


def external_link(url: str | None, label: str | None = None) -> SafeString | str:
    """A link for http(s) addresses only; anything else (javascript:, a file path) is plain text."""
    if not url:
        return EMPTY
    if urlsplit(url).scheme.lower() not in {"http", "https"}:
        return label or url
    return format_html(
        '<a href="{}" rel="noopener noreferrer nofollow" target="_blank">{}</a>', url, label or url
    )


def count_of(model: type[Model], *, field: str) -> Coalesce:
    """A per-row count of ``model`` rows pointing at the outer row, as one subquery (no N+1)."""
    counted = (
        model.objects.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph(s) around [start, end): from the blank line before to the blank line after."""
    before = text.rfind("\n\n", 0, start)
    after = text.find("\n\n", end)
    return (0 if before == -1 else before + 2), (len(text) if after == -1 else after)


def highlighted_in_paragraph(statement: Statement) -> SafeString:
    """The statement's paragraph with the statement itself in ``<mark>``, all text escaped."""
    text = statement.article.text
    start, end = min(statement.start, len(text)), min(statement.end, len(text))
    first, last = paragraph_bounds(text, start, end)
    return format_html(
        '<div class="statement-context" style="white-space: pre-wrap; max-width: 60em">'
        "{}<mark>{}</mark>{}</div>",
        text[first:start],
        text[start:end],
        text[end:last],
    )
