"""Re-extraction: the current extractor run again over stored articles, reviews kept."""

from __future__ import annotations

from collections.abc import Iterator

from django.db import transaction
from django.db.models import F

from claims.models import Article, Stance
from claims.nlp.pipeline import Extractor
from claims.nlp.records import CleanText
from claims.nlp.repair import paragraph_spans
from claims.services.claims import keep_claims_of_replaced
from claims.services.outcomes import REEXTRACTED, IngestOutcome
from claims.services.parsers import build_extractor
from claims.services.store import store_extraction


def reextract_article(*, article: Article, extractor: Extractor) -> IngestOutcome:
    """Run the current extractor again over a stored article.

    Machine-made statements are updated in place, span by span, so a statement found again
    keeps its id (links to ``/api/statements/ID/`` stay valid); those no longer found are
    deleted. Machine-made stances are replaced. Statements and stances a reviewer touched
    (approved, rejected, reset or edited: ``reviewed_at`` is set) are kept, also when the
    review lands while this runs: the rows are locked and read again inside the writing
    transaction, so
    a review committed during the extraction is seen, and one in flight is waited for.
    (Deleting by the filter alone is not enough: Django collects the rows first for the
    history signals, then deletes them by id, reviewed in the meantime or not.)
    """
    extraction = extractor.extract(stored_clean_text(article=article))
    with transaction.atomic():
        # A write first: it takes the article's row lock on PostgreSQL, and on SQLite the
        # database's write lock, so that no review commits between the reads and the deletes.
        Article.objects.filter(pk=article.pk).update(extractor_version=F("extractor_version"))
        current = list(article.statements.select_for_update())
        current_stances = list(article.stances.select_for_update())
        keep = [row for row in current if row.reviewed_at is not None]
        keep_stances = [
            row for row in current_stances if row.reviewed_at is not None or row.method == "manual"
        ]
        Stance.objects.filter(pk__in=_ids(current_stances, but=keep_stances)).delete()
        statements, speakers_new = store_extraction(
            article=article,
            extraction=extraction,
            keep=keep,
            keep_stances=keep_stances,
            replace=[row for row in current if row.reviewed_at is None],
        )
        replaced = [row for row in current if row.reviewed_at is None]
        keep_claims_of_replaced(
            replaced=replaced, statements=article.statements.exclude(pk__in=[r.pk for r in keep])
        )
        Article.objects.filter(pk=article.pk).update(extractor_version=extraction.extractor_version)
    return IngestOutcome(
        article.source,
        REEXTRACTED,
        article=article,
        statements=statements,
        speakers_new=speakers_new,
    )


def _ids(rows: list, *, but: list) -> list[int]:
    kept = {row.pk for row in but}
    return [row.pk for row in rows if row.pk not in kept]


def stored_clean_text(*, article: Article) -> CleanText:
    """The stored article as the extractor's input: its text was repaired when it was
    ingested, and the offsets of kept statements refer to it, so it is never repaired again.
    """
    return CleanText(
        text=article.text,
        original=article.original_text,
        headline=article.headline,
        dateline=article.dateline,
        paragraphs=paragraph_spans(article.text),
    )


def reextract_articles(*, sources: list[str] | None = None) -> Iterator[IngestOutcome]:
    """Re-extract every stored article, or those ingested from ``sources``, oldest first."""
    articles = Article.objects.order_by("pk")
    if sources is not None:
        articles = articles.filter(source__in=sources)
    extractor = build_extractor()
    for article in articles.iterator():
        yield reextract_article(article=article, extractor=extractor)
