"""Ingest: raw articles in, stored articles with statements, speakers, topics and stances out.

The NLP (``claims.nlp``) returns plain records; this module maps them to models. Each
article is stored in its own transaction, so a failure never leaves half an article, and an
article already stored (same repaired text, by its hash) is left unchanged.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import islice

from django.conf import settings
from django.db import DataError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from claims.models import Article, Stance, Statement, Topic, TopicStatus
from claims.nlp.pipeline import Extractor
from claims.nlp.records import ArticleExtraction, CleanText, TopicSpec
from claims.nlp.repair import clean_article, paragraph_spans
from claims.readers.html import article_from_html, looks_like_html
from claims.readers.records import RawArticle, ReadFailure
from claims.services.speakers import lock_resolution, resolve_speaker, stored_speakers
from claims.services.topics import entity_key, suggested_topic_ids, topic_specs

logger = logging.getLogger(__name__)

NEW, UNCHANGED, REEXTRACTED, FAILED, DRY_RUN = (
    "new",
    "unchanged",
    "reextracted",
    "failed",
    "dry-run",
)


@dataclass(frozen=True, slots=True)
class ArticleOverrides:
    """Values given on the command line that win over what the file says."""

    outlet: str = ""
    url: str = ""
    published: date | None = None


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    source: str
    status: str  # NEW, UNCHANGED, REEXTRACTED, FAILED or DRY_RUN
    article: Article | None = None
    statements: int = 0
    speakers_new: int = 0
    error: str = ""
    line: int | None = None
    extraction: ArticleExtraction | None = None  # set on dry runs, for printing

    @property
    def failed(self) -> bool:
        return self.status == FAILED

    def as_dict(self) -> dict:
        """The report entry for this article (command output, task results)."""
        return {
            "source": self.source,
            "line": self.line,
            "status": self.status,
            "article_id": self.article.pk if self.article else None,
            "statements": self.statements,
            "speakers_new": self.speakers_new,
            "error": self.error or None,
        }


def build_extractor() -> Extractor:
    """An extractor with the configured spaCy model and the curated topics.

    Suggested topics (entities the extractor met, not yet reviewed) do not tag by phrase:
    if they did, what an article yields would depend on what was ingested before it, and a
    run resumed after a crash, or split in two, would store other stances than one run.
    """
    curated = set(Topic.objects.filter(status=TopicStatus.CURATED).values_list("slug", flat=True))
    topics = tuple(spec for spec in topic_specs() if spec.slug in curated)
    return _extractor_for(tuple(settings.CLAIMTRACKER_SPACY_MODELS), topics)


@lru_cache(maxsize=2)
def _extractor_for(model_names: tuple[str, ...], topics: tuple[TopicSpec, ...]) -> Extractor:
    # Building the topic matcher parses every phrase: once per process (a worker, a Celery
    # task, an API request reuse it) until the curated topics change.
    return Extractor.from_model_names(model_names, topics=topics)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class _Prepared:
    raw: RawArticle
    clean: CleanText
    digest: str


def ingest_article(
    *,
    raw: RawArticle,
    extractor: Extractor | None = None,
    overrides: ArticleOverrides | None = None,
) -> IngestOutcome:
    """Ingest one article (the API and tests use this; the command streams many)."""
    return next(ingest_articles(items=[raw], extractor=extractor, overrides=overrides))


def ingest_articles(
    *,
    items: Iterable[RawArticle | ReadFailure],
    extractor: Extractor | None = None,
    overrides: ArticleOverrides | None = None,
    dry_run: bool = False,
    batch_size: int = 16,
) -> Iterator[IngestOutcome]:
    """Ingest a stream of raw articles, one outcome per input, in input order.

    Articles are parsed in batches with ``nlp.pipe`` (much faster than one by one) and each
    is stored in its own transaction.
    """
    overrides = overrides or ArticleOverrides()
    stream = iter(items)
    while batch := list(islice(stream, batch_size)):
        prepared: list[_Prepared] = []
        outcomes: list[IngestOutcome | None] = []
        for item in batch:
            outcome, ready = _prepare_safely(item)
            outcomes.append(outcome)
            if ready is not None:
                prepared.append(ready)
        if prepared:
            extractor = extractor or build_extractor()
            extractions = iter(_extract_batch(extractor, prepared, batch_size))
        ready_items = iter(prepared)
        for outcome in outcomes:
            if outcome is not None:
                yield outcome
                continue
            item = next(ready_items)
            extraction = next(extractions)
            if isinstance(extraction, Exception):
                yield IngestOutcome(
                    item.raw.source,
                    FAILED,
                    error=f"extraction failed: {_describe(extraction)}",
                    line=item.raw.line,
                )
            elif dry_run:
                yield IngestOutcome(
                    source=item.raw.source,
                    status=DRY_RUN,
                    statements=len(extraction.statements),
                    line=item.raw.line,
                    extraction=extraction,
                )
            else:
                yield _store_safely(item, extraction, overrides)


def _prepare_safely(
    item: RawArticle | ReadFailure,
) -> tuple[IngestOutcome | None, _Prepared | None]:
    """``_prepare``, with an unexpected error in text repair failing this article only."""
    try:
        return _prepare(item)
    except Exception as error:
        logger.exception("text repair failed for %s", item.source)
        return IngestOutcome(
            item.source, FAILED, error=f"text repair failed: {_describe(error)}", line=item.line
        ), None


def _extract_batch(
    extractor: Extractor, prepared: list[_Prepared], batch_size: int
) -> list[ArticleExtraction | Exception]:
    """Each article's extraction; an article the extractor fails on gets its error instead.

    The batch goes through ``nlp.pipe`` at once; only if that raises is it run again one
    article at a time, to find which one fails, so that the others still land.
    """
    try:
        return list(extractor.extract_many((p.clean for p in prepared), batch_size=batch_size))
    except Exception:
        logger.warning("a batch failed to extract; extracting its articles one by one")
    results: list[ArticleExtraction | Exception] = []
    for item in prepared:
        try:
            results.append(extractor.extract(item.clean))
        except Exception as error:
            logger.exception("extraction failed for %s", item.raw.source)
            results.append(error)
    return results


def _describe(error: Exception) -> str:
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def _prepare(item: RawArticle | ReadFailure) -> tuple[IngestOutcome | None, _Prepared | None]:
    if isinstance(item, ReadFailure):
        return IngestOutcome(item.source, FAILED, error=item.reason, line=item.line), None
    if item.format == "text" and looks_like_html(item.text):
        # A whole page given as text (posted to the API, a JSON Lines record): read it as
        # the page it is, like a file starting with "<", instead of storing its markup.
        page = article_from_html(item.text, source=item.source)
        if isinstance(page, ReadFailure):
            return IngestOutcome(item.source, FAILED, error=page.reason, line=item.line), None
        item = _page_under(item, page)
    clean = clean_article(item.text, title=item.title)
    if not clean.text.strip():
        return IngestOutcome(item.source, FAILED, error="no article text", line=item.line), None
    digest = content_hash(clean.text)
    existing = Article.objects.filter(content_hash=digest).first()
    if existing is not None:
        return IngestOutcome(item.source, UNCHANGED, article=existing, line=item.line), None
    return None, _Prepared(item, clean, digest)


def _page_under(given: RawArticle, page: RawArticle) -> RawArticle:
    """The article read from a page, with what the caller said about it winning."""
    return dataclasses.replace(
        page,
        source=given.source,
        title=given.title or page.title,
        url=given.url or page.url,
        outlet=given.outlet or page.outlet,
        author=given.author or page.author,
        published=given.published or page.published,
        line=given.line,
        warnings=given.warnings + page.warnings,
    )


def _store_safely(
    item: _Prepared, extraction: ArticleExtraction, overrides: ArticleOverrides
) -> IngestOutcome:
    url = overrides.url or item.raw.url or None
    if url and (holder := _url_holder(url, item.digest)) is not None:
        return _url_taken(item, url, holder)
    try:
        with transaction.atomic():
            article = _create_article(item, extraction, overrides, url)
            statements, speakers_new = store_extraction(article=article, extraction=extraction)
    except IntegrityError:
        # Another ingest stored the same article between our check and our insert.
        existing = Article.objects.filter(content_hash=item.digest).first()
        if existing is not None:
            return IngestOutcome(item.raw.source, UNCHANGED, article=existing, line=item.raw.line)
        # Or another ingest stored a different text under the same URL meanwhile.
        if url and (holder := _url_holder(url, item.digest)) is not None:
            return _url_taken(item, url, holder)
        raise
    except DataError as error:
        # A value this database cannot hold: this article fails, the others still land.
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return IngestOutcome(
            item.raw.source, FAILED, error=f"the database refused it: {reason}", line=item.raw.line
        )
    return IngestOutcome(
        item.raw.source,
        NEW,
        article=article,
        statements=statements,
        speakers_new=speakers_new,
        line=item.raw.line,
    )


def _url_holder(url: str, digest: str) -> Article | None:
    """The stored article with this URL and another text, if any."""
    return Article.objects.filter(url=url).exclude(content_hash=digest).first()


def _url_taken(item: _Prepared, url: str, holder: Article) -> IngestOutcome:
    return IngestOutcome(
        item.raw.source,
        FAILED,
        error=f"the URL {url} is already stored with a different text (article {holder.pk})",
        line=item.raw.line,
    )


def _create_article(
    item: _Prepared, extraction: ArticleExtraction, overrides: ArticleOverrides, url: str | None
) -> Article:
    clean, raw = item.clean, item.raw
    return Article.objects.create(
        headline=(clean.headline or raw.title)[:500],
        outlet=(overrides.outlet or raw.outlet or clean.outlet)[:200],
        author=raw.author[:300],
        dateline=clean.dateline[:200],
        url=url,
        source=raw.source[:2000],
        published=overrides.published or raw.published,
        text=clean.text,
        original_text=clean.original,
        content_hash=item.digest,
        extractor_version=extraction.extractor_version,
    )


def store_extraction(
    *,
    article: Article,
    extraction: ArticleExtraction,
    keep: Iterable[Statement] = (),
    keep_stances: Iterable[Stance] = (),
) -> tuple[int, int]:
    """Write an extraction's speakers, statements, topics and stances for ``article``.

    ``keep`` are statements a reviewer touched: a new statement over the same span is
    skipped. ``keep_stances`` likewise for (speaker, topic) pairs. Returns the number of
    statements written and of speakers created. Call inside a transaction: it takes the
    speaker-resolution lock until the transaction ends (see ``lock_resolution``).
    """
    lock_resolution()
    speakers = []
    speakers_new = 0
    known = stored_speakers(infos=extraction.speakers)
    for info in extraction.speakers:
        speaker, created = resolve_speaker(info=info, known=known)
        speakers.append(speaker)
        speakers_new += created

    taken = [(s.start, s.end) for s in keep]
    # Only the topics this article names: the table grows with every suggested topic.
    named = {slug for record in extraction.statements for slug in record.topics}
    named.update(record.topic for record in extraction.stances)
    topic_ids = dict(Topic.objects.filter(slug__in=named).values_list("slug", "id"))
    entity_topic_ids = suggested_topic_ids(
        entities=(entity for record in extraction.statements for entity in record.entities)
    )
    rows: list[tuple[Statement, list[int]]] = []
    index_to_row: dict[int, Statement] = {}
    for index, record in enumerate(extraction.statements):
        if any(record.start < end and start < record.end for start, end in taken):
            continue
        statement = Statement(
            article=article,
            speaker=speakers[record.speaker] if record.speaker is not None else None,
            speaker_mention=record.speaker_mention[:300],
            kind=record.kind,
            cue=record.cue[:100],
            text=record.text,
            start=record.start,
            end=record.end,
            paragraph=record.paragraph,
            confidence=min(max(record.confidence, 0.0), 1.0),
            extractor_version=extraction.extractor_version,
        )
        topics = [topic_ids[slug] for slug in record.topics if slug in topic_ids]
        topics += [entity_topic_ids[entity_key(entity)] for entity in record.entities]
        rows.append((statement, list(dict.fromkeys(topics))))
        index_to_row[index] = statement
        taken.append((record.start, record.end))
    Statement.objects.bulk_create([statement for statement, _ in rows])
    Statement.topics.through.objects.bulk_create(
        [
            Statement.topics.through(statement_id=statement.pk, topic_id=topic_id)
            for statement, topics in rows
            for topic_id in topics
        ]
    )
    _store_stances(article, extraction, speakers, topic_ids, index_to_row, keep_stances)
    return len(rows), speakers_new


def _store_stances(article, extraction, speakers, topic_ids, index_to_row, keep_stances) -> None:
    reviewed_pairs = {(s.speaker_id, s.topic_id) for s in keep_stances}
    observed_on = article.published or timezone.localdate()
    stances: list[tuple[Stance, list[Statement]]] = []
    for record in extraction.stances:
        topic_id = topic_ids.get(record.topic)
        speaker = speakers[record.speaker]
        if topic_id is None or (speaker.pk, topic_id) in reviewed_pairs:
            continue
        stance = Stance(
            speaker=speaker,
            topic_id=topic_id,
            article=article,
            target=record.target[:500],
            polarity=record.polarity,
            confidence=min(max(record.confidence, 0.0), 1.0),
            cues=list(record.cues),
            path=list(record.path),
            observed_on=observed_on,
            method=record.method,
            method_version=record.method_version,
        )
        evidence = [index_to_row[i] for i in record.evidence if i in index_to_row]
        stances.append((stance, evidence))
    Stance.objects.bulk_create([stance for stance, _ in stances])
    Stance.evidence.through.objects.bulk_create(
        [
            Stance.evidence.through(stance_id=stance.pk, statement_id=statement.pk)
            for stance, evidence in stances
            for statement in evidence
        ]
    )


def reextract_article(*, article: Article, extractor: Extractor) -> IngestOutcome:
    """Run the current extractor again over a stored article.

    Machine-made statements and stances are replaced; those a reviewer touched (approved,
    rejected, reset or edited: ``reviewed_at`` is set) are kept, also when the review lands
    while this runs: the rows are locked and read again inside the writing transaction, so
    a review committed during the extraction is seen, and one in flight is waited for.
    (Deleting by the filter alone is not enough: Django collects the rows first for the
    history signals, then deletes them by id, reviewed in the meantime or not.)
    """
    clean = clean_article(article.text, title=article.headline)
    if clean.text != article.text:
        # Offsets of kept statements refer to the stored text: never re-repair it.
        clean = CleanText(
            text=article.text,
            original=article.original_text,
            headline=article.headline,
            paragraphs=paragraph_spans(article.text),
        )
    extraction = extractor.extract(clean)
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
        Statement.objects.filter(pk__in=_ids(current, but=keep)).delete()
        Stance.objects.filter(pk__in=_ids(current_stances, but=keep_stances)).delete()
        statements, speakers_new = store_extraction(
            article=article, extraction=extraction, keep=keep, keep_stances=keep_stances
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
