"""Ingest: a stream of raw articles in, one outcome per input out, each article on its own.

Articles are repaired, parsed in ``nlp.pipe`` batches and stored one transaction each
(``claims.services.store``); an article that fails to repair, to extract or to store fails
alone, and an article already stored (same repaired text, by its hash) is left unchanged.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from itertools import islice

from claims.core.exceptions import ArticleRejectedError
from claims.core.garbage import fewer_gc_passes
from claims.models import Article
from claims.nlp.pipeline import Extractor
from claims.nlp.prose import not_prose_reason
from claims.nlp.records import ArticleExtraction
from claims.nlp.repair import clean_article
from claims.nlp.text_language import detect_language
from claims.readers.records import RawArticle, ReadFailure
from claims.services.outcomes import DRY_RUN, FAILED, NEW, UNCHANGED, IngestOutcome, describe
from claims.services.parsers import ParsingBatch, open_parser
from claims.services.store import ArticleOverrides, PreparedArticle, store_article

__all__ = [
    "ArticleOverrides",
    "ingest_article",
    "ingest_articles",
    "ingest_or_reject",
]

logger = logging.getLogger(__name__)

# Batches handed to the parser before the oldest is stored: two, so that the parser has the
# next batch at hand when it is faster than storing for a while (its queue never runs dry).
PARSE_AHEAD = 2

NO_DATE = (
    "no date found (none given with --published or by the record, none in the page's "
    "metadata or its dateline): its stances are stored undated"
)


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
    parse_in_child: bool = False,
) -> Iterator[IngestOutcome]:
    """Ingest a stream of raw articles, one outcome per input, in input order.

    Articles are parsed in batches with ``nlp.pipe`` (much faster than one by one) and each
    is stored in its own transaction. While one batch is stored, the next is parsed by a
    ``claims.services.parsers`` parser: in a child process when ``parse_in_child`` and no
    ``extractor`` is given (extraction then runs here, over the child's parse), else in a
    second thread. The parser runs only ``claims.nlp`` code, which touches no database;
    repair, the duplicate check and every write stay here.
    """
    overrides = overrides or ArticleOverrides()
    seen = _Seen()
    stream = iter(items)
    in_flight: dict[str, PreparedArticle] = {}  # prepared, not stored yet
    pending: deque[_Batch] = deque()
    with (
        fewer_gc_passes(),
        closing(
            open_parser(extractor=extractor, batch_size=batch_size, in_child=parse_in_child)
        ) as parser,
    ):
        run = _Run(overrides=overrides, dry_run=dry_run, seen=seen, parse=parser.submit)
        while batch := list(islice(stream, batch_size)):
            # A dry run stores nothing for a repeat to wait for: it parses every input.
            outcomes, prepared = _prepare_batch(batch, seen, None if dry_run else in_flight)
            parsing = parser.submit(prepared) if prepared else None
            pending.append(_Batch(outcomes, prepared, parsing))
            if len(pending) > PARSE_AHEAD:
                yield from _finish(pending.popleft(), run, in_flight)
        while pending:
            yield from _finish(pending.popleft(), run, in_flight)


@dataclass(frozen=True, slots=True)
class _Run:
    """What finishing a batch needs of the run: its options, its memory of texts met, and
    the parse thread (a repeat whose first copy failed is parsed there, on its own)."""

    overrides: ArticleOverrides
    dry_run: bool
    seen: _Seen
    parse: Callable[[list[PreparedArticle]], ParsingBatch]


@dataclass(frozen=True, slots=True)
class _Batch:
    """A batch whose articles are prepared and, in the parse thread, being extracted."""

    outcomes: list[IngestOutcome | _Repeat | None]  # None: the next of ``prepared``
    prepared: list[PreparedArticle]
    parsing: ParsingBatch | None


@dataclass(frozen=True, slots=True)
class _Repeat:
    """An input whose text an earlier input of the run has, prepared and not stored yet when
    this one was read: it is not repaired or parsed again, and waits for that one."""

    raw: RawArticle
    first: PreparedArticle

    def prepared(self) -> PreparedArticle:
        return PreparedArticle(self.raw, self.first.clean, self.first.digest)


def _prepare_batch(
    batch: list[RawArticle | ReadFailure],
    seen: _Seen,
    in_flight: dict[str, PreparedArticle] | None,
) -> tuple[list[IngestOutcome | _Repeat | None], list[PreparedArticle]]:
    """Repair and check each article of ``batch``; ``in_flight`` holds the articles prepared
    before and not stored yet, and gets this batch's."""
    outcomes: list[IngestOutcome | _Repeat | None] = []
    prepared: list[PreparedArticle] = []
    for item in batch:
        outcome, ready = _prepare_safely(item, seen, in_flight)
        outcomes.append(outcome)
        if ready is not None:
            prepared.append(ready)
    return outcomes, prepared


def _finish(
    batch: _Batch, run: _Run, in_flight: dict[str, PreparedArticle]
) -> Iterator[IngestOutcome]:
    """The outcomes of a batch, in input order, storing each extracted article; its
    articles are then no longer ``in_flight``."""
    yield from _outcomes(batch, run)
    for item in batch.prepared:
        in_flight.pop(item.digest, None)


def _outcomes(batch: _Batch, run: _Run) -> Iterator[IngestOutcome]:
    ready_items = iter(batch.prepared)
    parsed = iter(batch.parsing.extractions() if batch.parsing else ())
    for outcome in batch.outcomes:
        if isinstance(outcome, IngestOutcome):
            yield outcome
        elif isinstance(outcome, _Repeat):
            digest = outcome.first.digest
            if (known := run.seen.article(digest) or _stored(digest)) is not None:
                yield _unchanged(outcome.raw, *known)
                continue
            item = outcome.prepared()  # the first copy failed: this one is parsed on its own
            [extraction] = run.parse([item]).extractions()
            yield _finish_one(item, extraction, run)
        else:
            yield _finish_one(next(ready_items), next(parsed), run)


def _finish_one(
    item: PreparedArticle, extraction: ArticleExtraction | Exception, run: _Run
) -> IngestOutcome:
    """The outcome of one extracted article: stored (unless a dry run), or why not."""
    if isinstance(extraction, Exception):
        return IngestOutcome(
            item.raw.source,
            FAILED,
            error=f"extraction failed: {describe(extraction)}",
            line=item.raw.line,
        )
    if run.dry_run:
        return IngestOutcome(
            source=item.raw.source,
            status=DRY_RUN,
            statements=len(extraction.statements),
            line=item.raw.line,
            extraction=extraction,
            warnings=_warnings(item.raw, run.overrides),
        )
    outcome = _store_safely(item, extraction, run.overrides)
    if outcome.status == NEW and outcome.article is not None:
        run.seen.remember_article(item.digest, outcome.article, outcome.statements)
    if not outcome.failed:
        outcome = dataclasses.replace(
            outcome, warnings=_warnings(item.raw, run.overrides) + outcome.warnings
        )
    return outcome


def _warnings(raw: RawArticle, overrides: ArticleOverrides) -> tuple[str, ...]:
    """The reader's warnings, and ``NO_DATE`` when nothing dates the article."""
    undated = () if (overrides.published or raw.published) else (NO_DATE,)
    return raw.warnings + undated


def _prepare_safely(
    item: RawArticle | ReadFailure, seen: _Seen, in_flight: dict[str, PreparedArticle] | None
) -> tuple[IngestOutcome | _Repeat | None, PreparedArticle | None]:
    """``_prepare``, with an unexpected error in text repair failing this article only."""
    try:
        return _prepare(item, seen, in_flight)
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


def _prepare(
    item: RawArticle | ReadFailure, seen: _Seen, in_flight: dict[str, PreparedArticle] | None
) -> tuple[IngestOutcome | _Repeat | None, PreparedArticle | None]:
    """The input's outcome when it is decided before parsing (a failure, an article stored
    before, or a repeat of one prepared and not stored yet), else the article ready to parse.

    A duplicate is recognised by its hash before anything costly: an input met before in
    this run by the hash of its raw text (no repair), any other by its repaired text's hash
    (one indexed query); only then is a new text judged as prose.
    """
    if isinstance(item, ReadFailure):
        return IngestOutcome(item.source, FAILED, error=item.reason, line=item.line), None
    key = _raw_key(item)
    if (digest := seen.digest(key)) is not None:
        if known := seen.article(digest):
            return _unchanged(item, *known), None
        if in_flight is not None and (first := in_flight.get(digest)) is not None:
            return _Repeat(item, first), None
    clean = clean_article(item.text, title=item.title)
    if not clean.text.strip():
        return IngestOutcome(item.source, FAILED, error="no article text", line=item.line), None
    digest = content_hash(clean.text)
    seen.remember_digest(key, digest)
    if (known := seen.article(digest) or _stored(digest)) is not None:
        seen.remember_article(digest, *known)
        return _unchanged(item, *known), None
    if in_flight is not None and (first := in_flight.get(digest)) is not None:
        return _Repeat(item, first), None
    if (reason := not_prose_reason(clean.text)) is not None:
        return IngestOutcome(item.source, FAILED, error=reason, line=item.line), None
    prepared = PreparedArticle(item, clean, digest)
    if in_flight is not None:
        in_flight[digest] = prepared
    return None, prepared


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
