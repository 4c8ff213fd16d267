"""HTML bits the admin pages share; article and statement text is untrusted, so all of it is escaped."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from django.db.models import Count, IntegerField, Model, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from claims.models import Article, Statement

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


def highlighted_article(article: Article, statements: Iterable[Statement]) -> SafeString:
    """The article's text with each statement in ``<mark>``, linking to its review page.

    A statement overlapping one already marked is left unmarked (spans are unique per
    article, not disjoint). All text is escaped.
    """
    text = article.text
    parts: list[SafeString] = []
    position = 0
    for statement in sorted(statements, key=lambda s: (s.start, s.end)):
        start, end = min(statement.start, len(text)), min(statement.end, len(text))
        if start < position or start >= end:
            continue
        parts.append(
            format_html(
                '{}<a href="{}" class="statement-mark status-{}" title="{}"><mark>{}</mark></a>',
                text[position:start],
                change_url(statement),
                statement.review_status,
                f"Statement {statement.pk} ({statement.get_review_status_display().lower()})",
                text[start:end],
            )
        )
        position = end
    parts.append(format_html("{}", text[position:]))
    return format_html(
        '<div class="article-text" style="white-space: pre-wrap; max-width: 60em">{}</div>',
        mark_safe("".join(parts)),  # every part was built by format_html
    )


def quoted_words(words: Iterable[str]) -> str:
    """Cue words as a reader writes them: “so-called”, “plot”."""
    return ", ".join(f"“{word}”" for word in words) or EMPTY


def derived_stances_table(statement: Statement) -> SafeString | str:
    """The stances inferred from ``statement``, each linking to its page."""
    stances = statement.stances.select_related("speaker", "topic").order_by("observed_on", "pk")
    rows = format_html_join(
        "",
        '<tr><td><a href="{}">{} {} {}</a></td><td>{}</td><td>{}</td><td>{}</td></tr>',
        (
            (
                change_url(stance),
                stance.speaker.name,
                stance.get_polarity_display().lower(),
                stance.topic.name,
                stance.evidence.count(),
                stance.observed_on or "undated",
                stance.get_review_status_display()
                + (" (retracted: its evidence was rejected)" if stance.is_retracted else ""),
            )
            for stance in stances
        ),
    )
    if not rows:
        return "No stance was inferred from this statement."
    return format_html(
        "<table><thead><tr><th>Stance</th><th>Statements it rests on</th><th>Observed</th>"
        "<th>Review status</th></tr></thead><tbody>{}</tbody></table>",
        rows,
    )
