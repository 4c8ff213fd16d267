"""Ingest: a stream of raw articles in, one outcome per input out, each article on its own.

Articles are repaired, parsed in ``nlp.pipe`` batches and stored one transaction each
(``claims.services.store``); an article that fails to repair, to extract or to store fails
alone, and an article already stored (same repaired text, by its hash) is left unchanged.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from django.conf import settings

from claims.core.exceptions import ArticleRejectedError
from claims.models import Article, Topic, TopicStatus
from claims.nlp.pipeline import Extractor
from claims.nlp.prose import not_prose_reason
from claims.nlp.records import ArticleExtraction, TopicSpec
from claims.nlp.repair import clean_article
from claims.nlp.text_language import detect_language
from claims.readers.records import RawArticle, ReadFailure
from claims.services.outcomes import DRY_RUN, FAILED, NEW, UNCHANGED, IngestOutcome, describe
from claims.services.store import ArticleOverrides, PreparedArticle, store_article
from claims.services.topics import topic_specs

__all__ = [
    "ArticleOverrides",
    "build_extractor",
    "ingest_article",
    "ingest_articles",
    "ingest_or_reject",
]

logger = logging.getLogger(__name__)

NO_DATE = (
    "no date found (none given with --published or by the record, none in the page's "
    "metadata or its dateline): its stances are stored undated"
)


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


def ingest_article(
    *,
    raw: RawArticle | ReadFailure,
    extractor: Extractor | None = None,
    overrides: ArticleOverrides | None = None,
) -> IngestOutcome:
    """Ingest one article (tests use this; the command streams many)."""
    return next(ingest_articles(items=[raw], extractor=extractor, overrides=overrides))


def ingest_or_reject(*, raw: RawArticle | ReadFailure) -> IngestOutcome:
    """``ingest_article`` for a caller that gets one article and needs it stored (the API):
    ``ArticleRejectedError`` with the reason when it is not (``raw`` may be the reader's
    failure to read it)."""
    outcome = ingest_article(raw=raw)
    if outcome.failed:
        raise ArticleRejectedError(outcome.error)
    return outcome


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
    seen = _Seen()
    stream = iter(items)
    while batch := list(islice(stream, batch_size)):
        prepared: list[PreparedArticle] = []
        outcomes: list[IngestOutcome | _Repeat | None] = []
        in_batch: set[str] = set()
        for item in batch:
            outcome, ready = _prepare_safely(item, seen)
            if ready is not None and not dry_run and ready.digest in in_batch:
                outcomes.append(_Repeat(ready))  # stored (or not) by the first, just before
                continue
            outcomes.append(outcome)
            if ready is not None:
                in_batch.add(ready.digest)
                prepared.append(ready)
        if prepared:
            extractor = extractor or build_extractor()
            extractions = iter(_extract_batch(extractor, prepared, batch_size))
        ready_items = iter(prepared)
        for outcome in outcomes:
            if isinstance(outcome, IngestOutcome):
                yield outcome
            elif isinstance(outcome, _Repeat):
                item = outcome.item
                if (known := seen.article(item.digest) or _stored(item.digest)) is not None:
                    yield _unchanged(item.raw, *known)
                    continue
                extractor = extractor or build_extractor()
                [extraction] = _extract_batch(extractor, [item], 1)  # the first one failed
                yield _finish(item, extraction, overrides, dry_run=dry_run, seen=seen)
            else:
                item = next(ready_items)
                extraction = next(extractions)
                yield _finish(item, extraction, overrides, dry_run=dry_run, seen=seen)


def _finish(
    item: PreparedArticle,
    extraction: ArticleExtraction | Exception,
    overrides: ArticleOverrides,
    *,
    dry_run: bool,
    seen: _Seen,
) -> IngestOutcome:
    """The outcome of one extracted article: stored (unless a dry run), or why not."""
    if isinstance(extraction, Exception):
        return IngestOutcome(
            item.raw.source,
            FAILED,
            error=f"extraction failed: {describe(extraction)}",
            line=item.raw.line,
        )
    if dry_run:
        return IngestOutcome(
            source=item.raw.source,
            status=DRY_RUN,
            statements=len(extraction.statements),
            line=item.raw.line,
            extraction=extraction,
            warnings=_warnings(item.raw, overrides),
        )
    outcome = _store_safely(item, extraction, overrides)
    if outcome.status == NEW and outcome.article is not None:
        seen.remember_article(item.digest, outcome.article, outcome.statements)
    if not outcome.failed:
        outcome = dataclasses.replace(
            outcome, warnings=_warnings(item.raw, overrides) + outcome.warnings
        )
    return outcome


def _warnings(raw: RawArticle, overrides: ArticleOverrides) -> tuple[str, ...]:
    """The reader's warnings, and ``NO_DATE`` when nothing dates the article."""
    undated = () if (overrides.published or raw.published) else (NO_DATE,)
    return raw.warnings + undated


def _prepare_safely(
    item: RawArticle | ReadFailure, seen: _Seen
) -> tuple[IngestOutcome | None, PreparedArticle | None]:
    """``_prepare``, with an unexpected error in text repair failing this article only."""
    try:
        return _prepare(item, seen)
    except Exception as error:
        logger.exception("text repair failed for %s", item.source)
        return IngestOutcome(
            item.source, FAILED, error=f"text repair failed: {describe(error)}", line=item.line
        ), None


def _store_safely(
    item: PreparedArticle, extraction: ArticleExtraction, overrides: ArticleOverrides
) -> IngestOutcome:
    """``store_article``, with any error failing this article only; what was stored is
    warned about when the extractor found no statement in a language it does not read."""
    try:
        outcome = store_article(item, extraction, overrides)
    except Exception as error:
        logger.exception("storing %s failed", item.raw.source)
        return IngestOutcome(
            item.raw.source,
            FAILED,
            error=f"could not be stored: {describe(error)}",
            line=item.raw.line,
        )
    if (
        outcome.status == NEW
        and not extraction.statements
        and (note := _why_nothing(item.clean.text))
    ):
        return dataclasses.replace(outcome, warnings=(note,))
    return outcome


def _why_nothing(text: str) -> str:
    """Why an article yields no statement, when it is not just an article without quotes."""
    detected = detect_language(text)
    if detected.english:
        return ""
    return f"the text reads as {detected.describe()}: only English is extracted so far"


def _extract_batch(
    extractor: Extractor, prepared: list[PreparedArticle], batch_size: int
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


def _prepare(
    item: RawArticle | ReadFailure, seen: _Seen
) -> tuple[IngestOutcome | None, PreparedArticle | None]:
    """The input's outcome when it is decided before parsing (a failure, or an article
    stored before), else the article ready to parse.

    A duplicate is recognised by its hash before anything costly: an input met before in
    this run by the hash of its raw text (no repair), any other by its repaired text's hash
    (one indexed query); only then is a new text judged as prose.
    """
    if isinstance(item, ReadFailure):
        return IngestOutcome(item.source, FAILED, error=item.reason, line=item.line), None
    key = _raw_key(item)
    if (digest := seen.digest(key)) is not None and (known := seen.article(digest)):
        return _unchanged(item, *known), None
    clean = clean_article(item.text, title=item.title)
    if not clean.text.strip():
        return IngestOutcome(item.source, FAILED, error="no article text", line=item.line), None
    digest = content_hash(clean.text)
    seen.remember_digest(key, digest)
    if (known := seen.article(digest) or _stored(digest)) is not None:
        seen.remember_article(digest, *known)
        return _unchanged(item, *known), None
    if (reason := not_prose_reason(clean.text)) is not None:
        return IngestOutcome(item.source, FAILED, error=reason, line=item.line), None
    return None, PreparedArticle(item, clean, digest)


def _raw_key(item: RawArticle) -> bytes:
    """What text repair reads of an input (its text and title), hashed."""
    return hashlib.sha256(f"{item.title}\x00{item.text}".encode("utf-8", "replace")).digest()


def _stored(digest: str) -> tuple[Article, int] | None:
    """The article stored with this repaired text, and its number of statements."""
    article = Article.objects.filter(content_hash=digest).first()
    return None if article is None else (article, article.statements.count())


def _unchanged(item: RawArticle, article: Article, statements: int) -> IngestOutcome:
    """The outcome for an article stored before."""
    return IngestOutcome(
        item.source, UNCHANGED, article=article, statements=statements, line=item.line
    )


@dataclass(frozen=True, slots=True)
class _Repeat:
    """An input whose text an earlier input of the same batch has: it waits for that one."""

    item: PreparedArticle


class _Seen:
    """What one run has met: the repaired text's hash of each raw text, and the article
    stored under each hash. The most recent ``limit`` of each are kept, so that a stream of
    millions of different records holds a few megabytes here."""

    def __init__(self, limit: int = 10_000) -> None:
        self.limit = limit
        self._digests: OrderedDict[bytes, str] = OrderedDict()
        self._articles: OrderedDict[str, tuple[Article, int]] = OrderedDict()

    def digest(self, key: bytes) -> str | None:
        return _recall(self._digests, key)

    def article(self, digest: str) -> tuple[Article, int] | None:
        return _recall(self._articles, digest)

    def remember_digest(self, key: bytes, digest: str) -> None:
        _keep(self._digests, key, digest, self.limit)

    def remember_article(self, digest: str, article: Article, statements: int) -> None:
        _keep(self._articles, digest, (article, statements), self.limit)


def _recall(memory: OrderedDict, key: object) -> object | None:
    value = memory.get(key)
    if value is not None:
        memory.move_to_end(key)
    return value


def _keep(memory: OrderedDict, key: object, value: object, limit: int) -> None:
    memory[key] = value
    memory.move_to_end(key)
    if len(memory) > limit:
        memory.popitem(last=False)
