"""Fewer passes of CPython's cyclic garbage collector while a bulk job runs.

Parsing and storing articles create hundreds of thousands of short-lived objects (spaCy
tokens and spans, Django model instances) on a heap that also holds a whole spaCy model. At
CPython's default thresholds (700 allocations for a young-generation pass) the collector runs
thousands of times per batch, and its older-generation passes walk the model's objects each
time; on PolNeAR articles that was about a tenth of ingest's CPU time. Reference counting
still frees almost everything at once; only reference cycles wait a little longer.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

BULK_THRESHOLDS = (50_000, 20, 100)


@contextmanager
def fewer_gc_passes() -> Iterator[None]:
    """Raise the collector's thresholds for the duration of the block, then restore them."""
    before = gc.get_threshold()
    gc.set_threshold(*BULK_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
