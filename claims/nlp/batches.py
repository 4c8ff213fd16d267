"""Extracting a batch of articles so that one article the extractor fails on fails alone.

``extract_batch`` parses and extracts wherever the extractor lives. A child process can do
the parsing alone instead (``start_parsing_child``, ``parse_in_child``): it loads only the
spaCy pipeline and sends each article back as a serialized ``Doc``; the process holding the
extractor reads them (``extract_parsed_batch``). Parsing is most of the work, so the child
parses the next batch while the parent extracts and stores this one: two cores share the
work instead of one doing parsing and extraction while the other waits.
"""

from __future__ import annotations

import gc
import logging
import pickle
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language

from claims.core.garbage import BULK_THRESHOLDS
from claims.core.processes import die_with_parent
from claims.nlp import long_texts
from claims.nlp.language import load_first
from claims.nlp.pipeline import Extractor, doc_bytes
from claims.nlp.records import ArticleExtraction, CleanText, TopicSpec
from claims.nlp.vectors import load_vectors

logger = logging.getLogger(__name__)

# One article of a parsed batch: its serialized Doc, None for a text too long for one piece
# (the extractor parses it itself, piece by piece), or why it could not be parsed.
Parsed = bytes | None | Exception


def extract_batch(
    extractor: Extractor, cleans: Sequence[CleanText], *, names: Sequence[str], batch_size: int
) -> list[ArticleExtraction | Exception]:
    """Each article's extraction; an article the extractor fails on gets its error instead.

    The batch goes through ``nlp.pipe`` at once; only if that raises is it run again one
    article at a time, to find which one fails, so that the others still land. ``names``
    (one per text, e.g. its file) serve the log.
    """
    try:
        return list(extractor.extract_many(cleans, batch_size=batch_size))
    except Exception:
        logger.warning("a batch failed to extract; extracting its articles one by one")
    results: list[ArticleExtraction | Exception] = []
    for clean, name in zip(cleans, names, strict=True):
        try:
            results.append(extractor.extract(clean))
        except Exception as error:
            logger.exception("extraction failed for %s", name)
            results.append(error)
    return results


def parse_batch(
    nlp: Language, texts: Sequence[str], *, names: Sequence[str], batch_size: int
) -> list[Parsed]:
    """Each text parsed and serialized (see ``Parsed``), the same way ``extract_batch``
    isolates a failure: the batch at once, then one by one only if that raises."""
    fits = [len(text) <= long_texts.MAX_PIECE_CHARS for text in texts]
    short = [text for text, fit in zip(texts, fits, strict=True) if fit]
    try:
        docs = iter([doc_bytes(doc) for doc in nlp.pipe(short, batch_size=batch_size)])
        return [next(docs) if fit else None for fit in fits]
    except Exception:
        logger.warning("a batch failed to parse; parsing its articles one by one")
    results: list[Parsed] = []
    for text, name, fit in zip(texts, names, fits, strict=True):
        if not fit:
            results.append(None)
            continue
        try:
            results.append(doc_bytes(nlp(text)))
        except Exception as error:
            logger.exception("parsing failed for %s", name)
            results.append(_picklable(error))
    return results


def extract_parsed_batch(
    extractor: Extractor,
    parsed: Sequence[Parsed],
    cleans: Sequence[CleanText],
    *,
    names: Sequence[str],
) -> list[ArticleExtraction | Exception]:
    """The extractions of articles parsed elsewhere (``parse_batch``), each failing alone."""
    results: list[ArticleExtraction | Exception] = []
    for data, clean, name in zip(parsed, cleans, names, strict=True):
        if isinstance(data, Exception):
            results.append(data)
            continue
        try:
            results.append(
                extractor.extract(clean) if data is None else extractor.extract_parsed(data, clean)
            )
        except Exception as error:
            logger.exception("extraction failed for %s", name)
            results.append(error)
    return results


@dataclass(frozen=True, slots=True)
class ExtractorSpec:
    """What builds an extractor, as plain hashable data: the models to try, the curated
    topics and the topic vectors' name ("" for none)."""

    models: tuple[str, ...]
    topics: tuple[TopicSpec, ...]
    vectors: str = ""

    def build(self) -> Extractor:
        return Extractor.from_model_names(
            self.models, topics=self.topics, vectors=load_vectors(self.vectors)
        )


_child_nlp: Language | None = None
_child_error: Exception | None = None


def start_parsing_child(models: tuple[str, ...], parent: int) -> None:
    """A parsing child's initialiser: end with the parent, load the first installed model
    once. An error is kept and raised by each task, so that the parent learns why (a
    failing initialiser only breaks the pool)."""
    global _child_nlp, _child_error
    die_with_parent(parent)
    gc.set_threshold(*BULK_THRESHOLDS)  # the child does nothing but bulk parsing
    try:
        _child_nlp = load_first(models)
    except Exception as error:
        _child_error = error


def parse_in_child(texts: Sequence[str], names: Sequence[str], batch_size: int) -> list[Parsed]:
    """``parse_batch`` with the child's pipeline."""
    if _child_error is not None:
        raise _child_error
    return parse_batch(_child_nlp, texts, names=names, batch_size=batch_size)


def _picklable(error: Exception) -> Exception:
    """The error itself when it can cross to the parent, else its type and message: an
    error that fails to pickle would fail the whole batch."""
    try:
        pickle.dumps(error)
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error
