"""Extracting a batch of articles so that one article the extractor fails on fails alone.

``extract_batch`` runs wherever the extractor lives. ``ExtractorSpec``, ``start_child`` and
``extract_in_child`` let a child process hold the extractor instead: the spec is plain data
(model names, topics, vectors name), so the child builds its own copy and only texts and
extractions cross the process boundary.
"""

from __future__ import annotations

import gc
import logging
import pickle
from collections.abc import Sequence
from dataclasses import dataclass

from claims.core.garbage import BULK_THRESHOLDS
from claims.core.processes import die_with_parent
from claims.nlp.pipeline import Extractor
from claims.nlp.records import ArticleExtraction, CleanText, TopicSpec
from claims.nlp.vectors import load_vectors

logger = logging.getLogger(__name__)


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


@dataclass(frozen=True, slots=True)
class ExtractorSpec:
    """What a process needs to build the extractor: the models to try, the curated topics
    and the topic vectors' name ("" for none)."""

    models: tuple[str, ...]
    topics: tuple[TopicSpec, ...]
    vectors: str = ""

    def build(self) -> Extractor:
        return Extractor.from_model_names(
            self.models, topics=self.topics, vectors=load_vectors(self.vectors)
        )


_child_extractor: Extractor | None = None
_child_error: Exception | None = None


def start_child(spec: ExtractorSpec, parent: int) -> None:
    """A child process's initialiser: end with the parent, build its extractor once. An
    error is kept and raised by each task, so that the parent learns why (a failing
    initialiser only breaks the pool)."""
    global _child_extractor, _child_error
    die_with_parent(parent)
    gc.set_threshold(*BULK_THRESHOLDS)  # the child does nothing but bulk parsing
    try:
        _child_extractor = spec.build()
    except Exception as error:
        _child_error = error


def extract_in_child(
    cleans: Sequence[CleanText], names: Sequence[str], batch_size: int
) -> list[ArticleExtraction | Exception]:
    """``extract_batch`` with the child's extractor."""
    if _child_error is not None:
        raise _child_error
    results = extract_batch(_child_extractor, cleans, names=names, batch_size=batch_size)
    return [_picklable(result) if isinstance(result, Exception) else result for result in results]


def _picklable(error: Exception) -> Exception:
    """The error itself when it can cross to the parent, else its type and message: an
    error that fails to pickle would fail the whole batch."""
    try:
        pickle.dumps(error)
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error
