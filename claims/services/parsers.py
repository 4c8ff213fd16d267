"""Where ingest parses articles while it stores others: a second thread, or a child process.

Parsing (spaCy) is most of an ingest's work; extraction over the parsed ``Doc`` and storing
are the rest. Either parser runs the parse of batch k+1 beside the storing of batch k:

- ``ThreadParser``: a second thread of this process parses and extracts, with the extractor
  given or built here. spaCy's matrix products release the GIL, but its other work
  competes for the GIL with the storing thread (spaCy ran about 18 % slower beside it).
- ``ChildParser``: a child process loads only the spaCy model, parses and sends each
  ``Doc`` back serialized; this process extracts from it and stores. No GIL is shared,
  and the two cores split the work nearly evenly (parsing in the child; extraction and
  storing here) instead of the child doing parsing and extraction while this process
  waits. The child is spawned, not forked: it imports only ``claims.nlp`` (no Django, no
  database connection, no threads copied mid-flight). If it dies (out of memory, a crash
  in native code), the batches it held fail with that reason and the next batch starts a
  new child.

The ingest command uses a child (``CLAIMTRACKER_PARSE_IN_CHILD``); a caller that passes its
own extractor (tests, the API's one-article ingest, workers) uses a thread.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import lru_cache
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from claims.models import Topic, TopicStatus
from claims.nlp.batches import (
    ExtractorSpec,
    Parsed,
    extract_batch,
    extract_parsed_batch,
    parse_in_child,
    start_parsing_child,
)
from claims.nlp.pipeline import Extractor
from claims.nlp.records import ArticleExtraction
from claims.nlp.vectors import VectorsUnavailableError
from claims.services.store import PreparedArticle
from claims.services.topics import topic_specs

Extractions = list[ArticleExtraction | Exception]


def extractor_spec() -> ExtractorSpec:
    """The configured models, the curated topics and the topic vectors, as plain data.

    Suggested topics (entities the extractor met, not yet reviewed) do not tag by phrase:
    if they did, what an article yields would depend on what was ingested before it, and a
    run resumed after a crash, or split in two, would store other stances than one run.
    """
    curated = set(Topic.objects.filter(status=TopicStatus.CURATED).values_list("slug", flat=True))
    return ExtractorSpec(
        models=tuple(settings.CLAIMTRACKER_SPACY_MODELS),
        topics=tuple(spec for spec in topic_specs() if spec.slug in curated),
        vectors=settings.CLAIMTRACKER_TOPIC_VECTORS,
    )


def build_extractor() -> Extractor:
    """An extractor with the configured spaCy model and the curated topics."""
    return _extractor_for(extractor_spec())


@lru_cache(maxsize=2)
def _extractor_for(spec: ExtractorSpec) -> Extractor:
    # Building the topic matcher parses every phrase: once per process (a worker, a Celery
    # task, an API request reuse it) until the curated topics change.
    try:
        return spec.build()
    except VectorsUnavailableError as error:
        raise _misconfigured(error) from error


class ParsingBatch(Protocol):
    """A batch handed to a parser; ``extractions`` waits for it."""

    def extractions(self) -> Extractions: ...


class Parser(Protocol):
    def submit(self, prepared: list[PreparedArticle]) -> ParsingBatch: ...

    def close(self) -> None: ...


class ThreadParser:
    """Parses and extracts in a second thread of this process."""

    def __init__(self, *, extractor: Extractor | None, batch_size: int) -> None:
        self._extractor = extractor
        self._batch_size = batch_size
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="claimtracker-parse")

    def submit(self, prepared: list[PreparedArticle]) -> ParsingBatch:
        self._extractor = self._extractor or build_extractor()
        future = self._pool.submit(
            extract_batch,
            self._extractor,
            [item.clean for item in prepared],
            names=[item.raw.source for item in prepared],
            batch_size=self._batch_size,
        )
        return _ExtractingBatch(future)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class ChildParser:
    """Parses in a child process, started at the first batch (a run of repeats starts
    none); extracts here."""

    def __init__(self, *, batch_size: int) -> None:
        self._batch_size = batch_size
        self._spec: ExtractorSpec | None = None
        self._pool: Executor | None = None
        self._extractor: Extractor | None = None

    def submit(self, prepared: list[PreparedArticle]) -> ParsingBatch:
        texts = [item.clean.text for item in prepared]
        names = [item.raw.source for item in prepared]
        try:
            future = self._started().submit(parse_in_child, texts, names, self._batch_size)
        except BrokenProcessPool:  # the child died since the last batch: start another
            self.close()
            future = self._started().submit(parse_in_child, texts, names, self._batch_size)
        # Built after the first submit, so that this process loads its copy of the model
        # while the child parses.
        self._extractor = self._extractor or _extractor_for(self._spec)
        return _ParsedBatch(future, prepared, self._extractor)

    def _started(self) -> Executor:
        if self._pool is None:
            self._spec = self._spec or extractor_spec()
            self._pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=start_parsing_child,
                initargs=(self._spec.models, os.getpid()),
            )
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class _ExtractingBatch:
    """A batch a thread parses and extracts."""

    def __init__(self, future: Future[Extractions]) -> None:
        self._future = future

    def extractions(self) -> Extractions:
        try:
            return self._future.result()
        except VectorsUnavailableError as error:
            raise _misconfigured(error) from error


class _ParsedBatch:
    """A batch the child parses; its extractions are made here, when asked for."""

    def __init__(
        self, future: Future[list[Parsed]], prepared: list[PreparedArticle], extractor: Extractor
    ) -> None:
        self._future = future
        self._prepared = prepared
        self._extractor = extractor

    def extractions(self) -> Extractions:
        """Each article's extraction. When the child process died with the batch in hand,
        each of its articles fails with that reason (the run goes on)."""
        try:
            parsed = self._future.result()
        except BrokenProcessPool as error:
            died = BrokenProcessPool(f"the parsing process stopped: {error}")
            return [died] * len(self._prepared)
        return extract_parsed_batch(
            self._extractor,
            parsed,
            [item.clean for item in self._prepared],
            names=[item.raw.source for item in self._prepared],
        )


def open_parser(*, extractor: Extractor | None, batch_size: int, in_child: bool) -> Parser:
    """A child process when asked and no extractor is given, else a thread."""
    if in_child and extractor is None:
        return ChildParser(batch_size=batch_size)
    return ThreadParser(extractor=extractor, batch_size=batch_size)


def _misconfigured(error: VectorsUnavailableError) -> ImproperlyConfigured:
    return ImproperlyConfigured(f"CLAIMTRACKER_TOPIC_VECTORS: {error}")
